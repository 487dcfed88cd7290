"""Company search at national scale: `uv run python -m bench.companies --scale 0.1`.

1. Generates a national company register into the database of `DATABASE_URL` (PostgreSQL for a
   meaningful figure; migrated first): at scale 1 about 2.2 million companies and 2.8 million
   production units, the register's size (INTEGRATIONS.md), spread over the 98 municipalities,
   with names, addresses, industries and a share of ceased firms. Reproducible from `--seed`;
   written with `bulk_create` under a progress bar, and reused when the database already holds
   that register (same seed, scale and generator version).
2. Measures `businesses.search.search_companies` (the function the pages and the API call)
   with five kinds of query drawn from the data: a name with a typo, an exact name, a CVR
   number, the start of a P-number, and a street address, each in the firm's municipality, and
   a name with a typo in the whole register. Then the API (`/api/v1/companies`) through
   Django's test client: the full request handling without a network or server between.
3. Writes p50 and p95 per kind into bench/RESULTS.md, in its own section (between the
   `COMPANY SEARCH` markers), which `bench.run` keeps when it rewrites the rest.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.sections import COMPANY_SEARCH, RESULTS

GENERATOR_VERSION = 1
DEFAULT_SEED = 2013
COMPANIES_AT_SCALE_1 = 2_200_000
UNITS_AT_SCALE_1 = 2_800_000
BATCH = 5_000
SAMPLES_PER_KIND = 60

TRADES = (
    ("Bageri", "107100", "Fremstilling af brød, kager og friske konditorvarer"),
    ("Tømrer", "433200", "Tømrer- og bygningssnedkervirksomhed"),
    ("Murer", "433900", "Anden færdiggørelse af bygninger"),
    ("VVS", "432200", "VVS- og blikkenslagerforretninger"),
    ("El-service", "432100", "El-installation"),
    ("Revision", "692000", "Bogføring og revision; skatterådgivning"),
    ("Rådgivning", "702200", "Virksomhedsrådgivning og anden rådgivning om driftsledelse"),
    ("Frisør", "960210", "Frisørsaloner"),
    ("Café", "563000", "Caféer, værtshuse, diskoteker m.v."),
    ("Autoværksted", "452010", "Almindelig service og reparation af motorkøretøjer"),
    ("Maler", "433410", "Malerforretninger"),
    ("Tandklinik", "862300", "Tandlæger"),
    ("Lysteknik", "274000", "Fremstilling af elektrisk belysningsudstyr"),
    ("Logistik", "494100", "Vejgodstransport"),
    ("IT", "620100", "Computerprogrammering"),
    ("Ejendomme", "682040", "Udlejning af erhvervsejendomme"),
    ("Holding", "642020", "Ikke-finansielle holdingselskaber"),
    ("Rengøring", "812100", "Almindelig rengøring i bygninger"),
    ("Blomster", "477610", "Blomsterforretninger"),
    ("Arkitekter", "711100", "Arkitektvirksomhed"),
    ("Pizzeria", "561010", "Restauranter"),
    ("Fysioterapi", "869500", "Fysioterapeuter og ergoterapeuter"),
    ("Kommunikation", "731100", "Reklamebureauer"),
    ("Anlæg", "421100", "Anlæg af veje og motorveje"),
)
FORMS = (
    (80, "Anpartsselskab", "ApS"),
    (60, "Aktieselskab", "A/S"),
    (10, "Enkeltmandsvirksomhed", ""),
    (30, "Interessentskab", "I/S"),
)
STREETS = (
    "Hovedgaden", "Stationsvej", "Industrivej", "Roskildevej", "Kirkevej", "Skolevej", "Møllevej",
    "Parkvej", "Nørregade", "Søndergade", "Vestergade", "Østergade", "Engvej", "Bakkevej",
    "Kongevejen", "Strandvejen", "Håndværkervej", "Erhvervsvej", "Banegårdspladsen", "Torvet",
)  # fmt: skip
BANDS = ("ANTAL_0_0", "ANTAL_1_1", "ANTAL_2_4", "ANTAL_5_9", "ANTAL_10_19", "ANTAL_20_49",
         "ANTAL_50_99", "ANTAL_100_199", "ANTAL_200_499")  # fmt: skip
BAND_WEIGHTS = (30, 25, 18, 10, 7, 5, 3, 1, 1)


@dataclass
class Sample:
    kind: str
    query: str
    municipality_code: str | None


def cvr_numbers(rng: random.Random, count: int) -> list[str]:
    """`count` distinct valid CVR numbers from 10000000 up, in a shuffled order."""
    from businesses.cvr.numbers import cvr_check_digit

    numbers = []
    base = 1_000_000
    while len(numbers) < count:
        digit = cvr_check_digit(str(base))
        if digit is not None:
            numbers.append(f"{base}{digit}")
        base += 1
    rng.shuffle(numbers)
    return numbers


def _dataset_key(seed: int, scale: float) -> str:
    return f"companies v{GENERATOR_VERSION} seed {seed} scale {scale}"


def existing_register(seed: int, scale: float) -> bool:
    from businesses.models import Company

    marker = Company.objects.filter(cvr_number__isnull=True, name=_dataset_key(seed, scale))
    return marker.exists()


def generate(*, seed: int = DEFAULT_SEED, scale: float = 1.0, stream=None) -> dict:
    """Fill an empty register (see the module doc); returns the counts written."""
    from django.db import transaction

    from bench.municipalities import MUNICIPALITIES
    from bench.texts import FIRST_NAMES, LAST_NAMES
    from businesses.models import Company, ProductionUnit
    from core.models import Municipality
    from core.progress import Progress

    stream = stream or sys.stderr
    rng = random.Random(seed)
    company_count = max(int(COMPANIES_AT_SCALE_1 * scale), 10)
    unit_count = max(int(UNITS_AT_SCALE_1 * scale), company_count)
    places = [(code, name) for code, name, _region in MUNICIPALITIES]
    # The capital's municipalities hold more firms: weight by the position in the list, roughly.
    weights = [4 if code in {"101", "147", "751", "461", "851"} else 1 for code, _name in places]
    numbers = cvr_numbers(rng, company_count)
    progress = Progress(
        "virksomheder og produktionsenheder", company_count + unit_count, stream=stream
    )
    with transaction.atomic():
        for code, name in places:
            Municipality.objects.get_or_create(code=code, defaults={"name": name})
        owner = Municipality.objects.get(code="165")
        Company.objects.create(name=_dataset_key(seed, scale), kept_by=owner)
        units_left = unit_count - company_count
        next_p_number = 1_000_000_000
        for start in range(0, company_count, BATCH):
            companies, units = [], []
            for index in range(start, min(start + BATCH, company_count)):
                code, city = rng.choices(places, weights)[0]
                trade, industry, industry_name = rng.choice(TRADES)
                form_code, form, suffix = rng.choices(FORMS, (50, 20, 25, 5))[0]
                if form_code == 10:
                    person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                    name = f"{city} {trade} v/{person}"
                else:
                    name = f"{rng.choice(LAST_NAMES)} {rng.choice((city, ''))} {trade} {suffix}"
                started = rng.randint(1950, 2025)
                ended = rng.random() < 0.55  # most of the register's records are ceased firms
                company = Company(
                    cvr_number=numbers[index],
                    name=" ".join(name.split()),
                    street=rng.choice(STREETS),
                    house_number=str(rng.randint(1, 250)),
                    postcode=str(1000 + int(code) * 7 % 8999),
                    city=city,
                    municipality_code=code,
                    industry_code=industry,
                    industry_name=industry_name,
                    industry_code_system="DB07",
                    legal_form_code=form_code,
                    legal_form=form,
                    employee_band=rng.choices(BANDS, BAND_WEIGHTS)[0],
                    start_date=f"{started}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                    end_date=f"{rng.randint(started, 2025)}-12-31" if ended else None,
                    advertising_protected=rng.random() < 0.3,
                )
                company.search_text = company.compute_search_text()
                companies.append(company)
            Company.objects.bulk_create(companies)
            for company in companies:
                extra = 0
                if units_left > 0 and rng.random() < 0.35:
                    extra = min(units_left, rng.choice((1, 1, 1, 2, 5)))
                    units_left -= extra
                for number in range(1 + extra):
                    elsewhere = number and rng.random() < 0.3
                    code, city = (
                        rng.choice(places)
                        if elsewhere
                        else (company.municipality_code, company.city)
                    )
                    next_p_number += 1
                    unit = ProductionUnit(
                        p_number=str(next_p_number),
                        company=company,
                        name=company.name if not number else f"{company.name}, afd. {city}",
                        street=rng.choice(STREETS) if number else company.street,
                        house_number=str(rng.randint(1, 250)) if number else company.house_number,
                        postcode=company.postcode
                        if not number
                        else str(1000 + int(code) * 7 % 8999),
                        city=city,
                        municipality_code=code,
                        industry_code=company.industry_code,
                        industry_name=company.industry_name,
                        industry_code_system="DB07",
                        employee_band=company.employee_band,
                        start_date=company.start_date,
                        end_date=company.end_date,
                    )
                    unit.search_text = unit.compute_search_text()
                    units.append(unit)
            ProductionUnit.objects.bulk_create(units)
            progress.advance(len(companies) + len(units))
    progress.close()
    return {
        "companies": Company.objects.filter(cvr_number__isnull=False).count(),
        "production units": ProductionUnit.objects.count(),
    }


def samples(*, seed: int, per_kind: int = SAMPLES_PER_KIND) -> list[Sample]:
    """Queries drawn from the register at random (reproducibly): see the module doc."""
    from businesses.models import Company, ProductionUnit

    rng = random.Random(seed + 1)
    register = Company.objects.filter(cvr_number__isnull=False)
    highest = register.order_by("-pk").values_list("pk", flat=True).first() or 0
    lowest = register.order_by("pk").values_list("pk", flat=True).first() or 0

    def some_company() -> Company:
        return register.filter(pk__gte=rng.randint(lowest, highest)).order_by("pk").first()

    found = []
    for _ in range(per_kind):
        company = some_company()
        found.append(Sample("name with a typo", typo(company.name, rng), company.municipality_code))
        company = some_company()
        found.append(Sample("exact name", company.name, company.municipality_code))
        company = some_company()
        found.append(Sample("CVR number", company.cvr_number, company.municipality_code))
        unit = ProductionUnit.objects.filter(company=some_company()).first()
        found.append(Sample("start of a P-number", unit.p_number[:7], unit.municipality_code))
        company = some_company()
        found.append(
            Sample(
                "street address",
                f"{company.street} {company.house_number}",
                company.municipality_code,
            )
        )
        company = some_company()
        found.append(Sample("name with a typo, whole register", typo(company.name, rng), None))
    return found


def typo(name: str, rng: random.Random) -> str:
    """`name` with one letter dropped from its longest word, as a hurried typist writes it."""
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) > 4:
        at = rng.randint(1, len(word) - 2)
        words[longest] = word[:at] + word[at + 1 :]
    return " ".join(words)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(found: list[Sample]) -> dict[str, dict]:
    """Milliseconds per search, by kind, after one untimed pass (a warm cache, as in use)."""
    from businesses.search import search_companies
    from core.models import Municipality

    places = {m.code: m for m in Municipality.objects.all()}
    timings: dict[str, list[float]] = {}
    hits: dict[str, list[int]] = {}
    for timed in (False, True):
        for sample in found:
            place = places.get(sample.municipality_code) if sample.municipality_code else None
            started = time.perf_counter()
            result = search_companies(sample.query, municipality=place)
            elapsed = (time.perf_counter() - started) * 1000
            if timed:
                timings.setdefault(sample.kind, []).append(elapsed)
                hits.setdefault(sample.kind, []).append(len(result))
    return {kind: _figures(values, hits[kind]) for kind, values in timings.items()}


def measure_api(found: list[Sample]) -> dict:
    """Milliseconds per `/api/v1/companies` request (anonymous) through Django's test client."""
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    values = []
    for timed in (False, True):
        for sample in found:
            if sample.municipality_code is None:
                continue
            started = time.perf_counter()
            response = client.get(
                "/api/v1/companies", {"municipality": sample.municipality_code, "q": sample.query}
            )
            if response.status_code != 200:
                raise RuntimeError(f"{sample.query!r}: HTTP {response.status_code}")
            if timed:
                values.append((time.perf_counter() - started) * 1000)
    return _figures(values, [])


def _figures(values: list[float], hits: list[int]) -> dict:
    return {
        "count": len(values),
        "p50": statistics.median(values),
        "p95": percentile(values, 0.95),
        "hits": statistics.mean(hits) if hits else None,
    }


def render(
    *,
    counts: dict,
    seed: int,
    scale: float,
    database: str,
    seconds: float,
    results: dict,
    api: dict,
) -> str:
    lines = [
        COMPANY_SEARCH.start,
        "## Company search (`bench.companies`)",
        "",
        f"Written by `uv run python -m bench.companies --scale {scale}` on "
        f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {database}. "
        f"A generated national register at scale {scale} (seed {seed}; scale 1 is "
        f"the real register's 2.2 million companies and 2.8 million production units): "
        f"{counts['companies']:,} companies, {counts['production units']:,} production units "
        f"({f'generated in {seconds / 60:.1f} min' if seconds else 'generated earlier'}). "
        f"{SAMPLES_PER_KIND} queries per kind, "
        "each in the firm's municipality unless stated, timed after one untimed pass, one at a "
        "time on the shared two-core machine.",
        "",
        "| query | p50 ms | p95 ms | hits per query |",
        "|---|---:|---:|---:|",
    ]
    for kind, figures in results.items():
        lines.append(
            f"| `search_companies`: {kind} | {figures['p50']:.1f} | {figures['p95']:.1f} | "
            f"{figures['hits']:.1f} |"
        )
    lines.append(
        f"| `/api/v1/companies` (test client, anonymous), all kinds in a municipality | "
        f"{api['p50']:.1f} | {api['p95']:.1f} | |"
    )
    lines += ["", COMPANY_SEARCH.end]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 is national; 0.01 is quick")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kurs.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    seconds = 0.0
    if not existing_register(args.seed, args.scale):
        started = time.monotonic()
        from businesses.models import Company

        if Company.objects.exists():
            sys.exit("bench.companies: the database holds another register; use an empty one")
        generate(seed=args.seed, scale=args.scale)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        seconds = time.monotonic() - started
    from businesses.models import Company, ProductionUnit

    counts = {
        "companies": Company.objects.filter(cvr_number__isnull=False).count(),
        "production units": ProductionUnit.objects.count(),
    }
    found = samples(seed=args.seed)
    results = measure(found)
    api = measure_api(found)
    database = connection.vendor
    if database == "postgresql":
        version = connection.cursor().connection.info.server_version  # e.g. 150020
        database = f"PostgreSQL {version // 10000}.{version % 10000}"
    section = render(
        counts=counts,
        seed=args.seed,
        scale=args.scale,
        database=database,
        seconds=seconds,
        results=results,
        api=api,
    )
    COMPANY_SEARCH.write(section, args.output)
    sys.stdout.write(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
