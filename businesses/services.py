"""Changes to the company register: the CVR import and a municipality's own list.

The register import (`import_records`, `sync_municipality`, `import_file`) updates companies
and production units in place by CVR and P-number, all or nothing: one malformed record (a
structure the parser cannot read, a value outside the bounds of `core.bounds` or the models'
lengths) stops the run with its number in the message, and nothing of the file or batch is
written. It reports what was added, changed and closed (an end date set for the first time).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from businesses.cvr.client import CvrClient
from businesses.cvr.records import (
    CompanyRecord,
    MalformedRecord,
    RegisterFacts,
    UnitRecord,
    parse_source,
)
from businesses.models import (
    Company,
    CompanyAddress,
    CompanyName,
    CompanyProfile,
    ProductionUnit,
    RegisterSync,
)
from core.concurrency import ConcurrentEditError

ADDED, CHANGED, CLOSED, UNCHANGED = "added", "changed", "closed", "unchanged"
# Looked up this many numbers at a time: below SQLite's limit of variables in one statement.
CHUNK = 900


@dataclass
class ImportReport:
    """What an import did: counts per kind ('companies', 'units') and outcome."""

    companies: Counter = field(default_factory=Counter)
    units: Counter = field(default_factory=Counter)
    newest_update: datetime | None = None

    def summary(self) -> str:
        def line(counts: Counter) -> str:
            return (
                f"{counts[ADDED]} tilføjet, {counts[CHANGED]} ændret, {counts[CLOSED]} ophørt, "
                f"{counts[UNCHANGED]} uændret"
            )

        return f"virksomheder: {line(self.companies)}; produktionsenheder: {line(self.units)}"


def import_records(*, records: Iterable[CompanyRecord | UnitRecord], progress=None) -> ImportReport:
    """Write parsed register records in one transaction; a `MalformedRecord` rolls all back.

    Companies first, so that a production unit finds its company in the batch or the database.
    A company kept on a municipality's own list becomes the register's once its CVR number
    arrives. `progress` (a `core.progress.Progress`) advances by one per record."""
    records = list(records)
    companies = [record for record in records if isinstance(record, CompanyRecord)]
    units = [record for record in records if isinstance(record, UnitRecord)]
    report = ImportReport()
    with transaction.atomic():
        stored = _existing(Company, "cvr_number", [record.cvr_number for record in companies])
        for record in companies:
            company = stored.get(record.cvr_number) or Company(cvr_number=record.cvr_number)
            outcome = _write(
                company,
                record.facts,
                record.cvr_number,
                extra={
                    "legal_form_code": record.legal_form_code,
                    "legal_form": record.legal_form,
                    "kept_by": None,
                },
            )
            if _write_history(company, record) and outcome == UNCHANGED:
                outcome = CHANGED
            stored[record.cvr_number] = company
            report.companies[outcome] += 1
            _note_update(report, record.facts)
            if progress:
                progress.advance()
        owners = {
            **_existing(Company, "cvr_number", [record.cvr_number for record in units]),
            **stored,
        }
        stored_units = _existing(ProductionUnit, "p_number", [record.p_number for record in units])
        for record in units:
            owner = owners.get(record.cvr_number)
            if owner is None:
                raise MalformedRecord(
                    f"P-nummer {record.p_number}: virksomheden {record.cvr_number} findes ikke"
                )
            unit = stored_units.get(record.p_number) or ProductionUnit(p_number=record.p_number)
            report.units[
                _write(unit, record.facts, record.p_number, extra={"company_id": owner.pk})
            ] += 1
            _note_update(report, record.facts)
            if progress:
                progress.advance()
    if progress:
        progress.close()
    return report


def import_file(*, path: Path, progress_factory=None) -> ImportReport:
    """Import a file of register records for offline use, all or nothing.

    The file holds either an Elasticsearch answer (`{"hits": {"hits": […]}}`), a JSON list of
    hits or `_source` documents, or one such document per line (JSON Lines)."""
    records = [
        parse_source(source, label=f"{path.name}, post {number}")
        for number, source in enumerate(_read_sources(path), start=1)
    ]
    progress = progress_factory(path.name, len(records)) if progress_factory else None
    return import_records(records=records, progress=progress)


def sync_municipality(
    *, municipality, client: CvrClient, full: bool = False, progress_factory=None
) -> ImportReport:
    """Fetch from the register what changed in `municipality` since its last run and write it.

    Production units located there, then companies located there or owning one of those units.
    One transaction: the records, and the time the next run starts from (the newest
    `sidstOpdateret` seen), are stored together or not at all. `full` fetches everything."""
    sync = RegisterSync.objects.filter(municipality=municipality).first()
    since = sync.changed_since if sync and not full else None
    code = municipality.code
    units = [
        parse_source(source, label=f"produktionsenhed nr. {number}")
        for number, source in enumerate(
            client.production_units(municipality_code=code, changed_since=since), start=1
        )
    ]
    companies = [
        parse_source(source, label=f"virksomhed nr. {number}")
        for number, source in enumerate(
            client.companies(
                municipality_code=code,
                changed_since=since,
                cvr_numbers={unit.cvr_number for unit in units},
            ),
            start=1,
        )
    ]
    total = len(units) + len(companies)
    progress = progress_factory(municipality.name, total) if progress_factory else None
    with transaction.atomic():
        report = import_records(records=[*companies, *units], progress=progress)
        newest = max(filter(None, [report.newest_update, since]), default=timezone.now())
        RegisterSync.objects.update_or_create(
            municipality=municipality,
            defaults={
                "changed_since": newest,
                "finished_at": timezone.now(),
                "added": report.companies[ADDED] + report.units[ADDED],
                "changed": report.companies[CHANGED] + report.units[CHANGED],
                "closed": report.companies[CLOSED] + report.units[CLOSED],
            },
        )
    return report


def _read_sources(path: Path) -> Iterator[dict]:
    text = path.read_text(encoding="utf-8")
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        document = None
    if isinstance(document, dict) and "hits" in document:
        yield from document["hits"].get("hits", [])
    elif isinstance(document, list):
        yield from document
    elif isinstance(document, dict):
        yield document
    else:
        for line_number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                raise MalformedRecord(
                    f"{path.name}, linje {line_number}: ikke gyldig JSON ({error.msg})"
                ) from error


def _existing(model, key: str, numbers: list[str]) -> dict:
    found = {}
    for start in range(0, len(numbers), CHUNK):
        found.update(model.objects.in_bulk(numbers[start : start + CHUNK], field_name=key))
    return found


def _write(row, facts: RegisterFacts, number: str, *, extra: dict) -> str:
    """Set the register's values on `row` (a company or production unit) and save it if any
    changed; returns the outcome."""
    values = {
        "name": facts.name,
        "street": facts.address.street,
        "house_number": facts.address.house_number,
        "postcode": facts.address.postcode,
        "city": facts.address.city,
        "municipality_code": facts.address.municipality_code,
        "industry_code": facts.industry_code,
        "industry_name": facts.industry_name,
        "industry_code_system": facts.industry_code_system,
        "employee_band": facts.employee_band,
        "start_date": facts.start_date,
        "end_date": facts.end_date,
        "advertising_protected": facts.advertising_protected,
        "register_updated_at": facts.updated_at,
        **extra,
    }
    is_new = row.pk is None
    was_open = row.end_date is None
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if not is_new and not changed:
        return UNCHANGED
    for name in changed:
        setattr(row, name, values[name])
    _check(row, number, exclude=["company"] if isinstance(row, ProductionUnit) else [])
    row.save()
    if is_new:
        return ADDED
    return CLOSED if was_open and row.end_date is not None else CHANGED


def _write_history(company: Company, record: CompanyRecord) -> bool:
    """Replace the company's name and address periods when the register's differ; whether
    they did."""
    names = [
        CompanyName(name=d.value, valid_from=d.valid_from, valid_to=d.valid_to)
        for d in record.names
    ]
    addresses = [
        CompanyAddress(**vars(dated.value), valid_from=dated.valid_from, valid_to=dated.valid_to)
        for dated in record.addresses
    ]
    changed = False
    for model, rows, fields in (
        (CompanyName, names, ["name"]),
        (
            CompanyAddress,
            addresses,
            ["street", "house_number", "postcode", "city", "municipality_code"],
        ),
    ):
        fields = [*fields, "valid_from", "valid_to"]
        wanted = sorted(tuple(getattr(row, name) for name in fields) for row in rows)
        current = sorted(model.objects.filter(company=company).values_list(*fields))
        if wanted == current:
            continue
        for row in rows:
            row.company = company
            _check(row, record.cvr_number, exclude=["company"])
        model.objects.filter(company=company).delete()
        model.objects.bulk_create(rows)
        changed = True
    return changed


def _check(row, number: str, *, exclude: list[str]) -> None:
    """The model's own validation (field lengths, `core.bounds` dates) before anything is
    written; uniqueness is the lookup's and the database's."""
    try:
        row.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        problems = "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
        raise MalformedRecord(f"{number}: {problems}") from error


def _note_update(report: ImportReport, facts: RegisterFacts) -> None:
    if facts.updated_at and (
        report.newest_update is None or facts.updated_at > report.newest_update
    ):
        report.newest_update = facts.updated_at


def set_key_account_owner(*, municipality, company: Company, owner, expected_owner_id) -> None:
    """Make `owner` (a member, or None) the company's key-account owner in `municipality`.

    Version-safe without a version column: the change applies only if the owner is still the
    one the page showed (`expected_owner_id`, None for none), so of two people changing it at
    once the second is refused (ConcurrentEditError) and overwrites nothing."""
    if owner is not None and not municipality.memberships.filter(user=owner).exists():
        raise ValidationError({"owner": _("Vælg en af kommunens medarbejdere.")})
    message = _("Den virksomhedsansvarlige er ændret af en anden. Se den nye og prøv igen.")
    with transaction.atomic():
        profile, _new = CompanyProfile.objects.select_for_update().get_or_create(
            municipality=municipality, company=company
        )
        if profile.key_account_owner_id != expected_owner_id:
            raise ConcurrentEditError(message)
        profile.key_account_owner = owner
        profile.save(update_fields=["key_account_owner"])
