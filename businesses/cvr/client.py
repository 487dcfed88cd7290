"""A client for the CVR register's "system til system" service: Elasticsearch over HTTP.

Records are fetched with `_search` and scrolled for bulk (INTEGRATIONS.md):

    POST {CVR_URL}/cvr-permanent/virksomhed/_search?scroll=2m   {"size": 500, "query": …}
    POST {CVR_URL}/_search/scroll                               {"scroll": "2m", "scroll_id": …}

until a page comes back without hits; the scroll is then cleared (`DELETE /_search/scroll`).
Basic auth comes from `CVR_USERNAME`/`CVR_PASSWORD` in the environment (settings), never the
repository. A query names the municipality (`beliggenhedsadresse.kommune.kommuneKode`, written
without leading zeros as the register stores it) and, for an incremental run, the time of the
last run (`sidstOpdateret` ≥ it).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from datetime import datetime

import httpx
from django.conf import settings

COMPANIES = ("virksomhed", "Vrvirksomhed")
PRODUCTION_UNITS = ("produktionsenhed", "VrproduktionsEnhed")


class CvrServiceError(RuntimeError):
    """The service refused or failed a request; the message holds its status and answer."""


class CvrClient:
    def __init__(
        self,
        *,
        url: str,
        username: str,
        password: str,
        page_size: int = 500,
        scroll: str = "2m",
        timeout: float = 60.0,
    ):
        auth = httpx.BasicAuth(username, password) if username else None
        self.http = httpx.Client(base_url=url.rstrip("/"), auth=auth, timeout=timeout)
        self.page_size = page_size
        self.scroll = scroll

    @classmethod
    def from_settings(cls, **kwargs) -> CvrClient:
        return cls(
            url=settings.CVR_URL,
            username=settings.CVR_USERNAME,
            password=settings.CVR_PASSWORD,
            **kwargs,
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> CvrClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def production_units(
        self, *, municipality_code: str, changed_since: datetime | None
    ) -> Iterator[dict]:
        """The `_source` of every production unit located in the municipality, changed since."""
        query = _query(PRODUCTION_UNITS[1], municipality_code, changed_since)
        return self._scroll(PRODUCTION_UNITS[0], query)

    def companies(
        self,
        *,
        municipality_code: str,
        changed_since: datetime | None,
        cvr_numbers: Iterable[str] = (),
    ) -> Iterator[dict]:
        """The `_source` of every company located in the municipality or owning one of
        `cvr_numbers` (the companies of its production units), changed since."""
        query = _query(COMPANIES[1], municipality_code, changed_since, cvr_numbers=cvr_numbers)
        return self._scroll(COMPANIES[0], query)

    def _scroll(self, kind: str, query: dict) -> Iterator[dict]:
        page = self._post(
            f"/cvr-permanent/{kind}/_search",
            params={"scroll": self.scroll},
            body={"size": self.page_size, "query": query},
        )
        scroll_id = page.get("_scroll_id")
        try:
            while hits := page.get("hits", {}).get("hits", []):
                for hit in hits:
                    yield hit.get("_source", hit)
                if not scroll_id:
                    return
                page = self._post(
                    "/_search/scroll", body={"scroll": self.scroll, "scroll_id": scroll_id}
                )
                scroll_id = page.get("_scroll_id", scroll_id)
        finally:
            if scroll_id:
                # Frees the server's cursor at once; a failure here only leaves it to expire.
                with contextlib.suppress(httpx.HTTPError):
                    self.http.request("DELETE", "/_search/scroll", json={"scroll_id": [scroll_id]})

    def _post(self, path: str, *, body: dict, params: dict | None = None) -> dict:
        try:
            response = self.http.post(path, params=params, json=body)
        except httpx.HTTPError as error:
            raise CvrServiceError(f"CVR-registret svarer ikke: {error}") from error
        if response.status_code != 200:
            raise CvrServiceError(
                f"CVR-registret svarede {response.status_code} på {path}: {response.text[:500]}"
            )
        try:
            return response.json()
        except ValueError as error:
            raise CvrServiceError(f"CVR-registret svarede ikke med JSON på {path}") from error


def _query(
    root: str, municipality_code: str, changed_since: datetime | None, *, cvr_numbers=()
) -> dict:
    # The register stores kommuneKode as a number: 165, not "0165".
    where = [{"term": {f"{root}.beliggenhedsadresse.kommune.kommuneKode": int(municipality_code)}}]
    cvr_numbers = sorted(cvr_numbers)
    if cvr_numbers:
        where.append({"terms": {f"{root}.cvrNummer": [int(number) for number in cvr_numbers]}})
    filters = [{"bool": {"should": where, "minimum_should_match": 1}}]
    if changed_since is not None:
        filters.append({"range": {f"{root}.sidstOpdateret": {"gte": changed_since.isoformat()}}})
    return {"bool": {"filter": filters}}
