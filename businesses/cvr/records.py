"""Records of the CVR register's distributed format, read into plain values.

The register's Elasticsearch service answers with hits whose `_source` holds a company
(`Vrvirksomhed`) or a production unit (`VrproduktionsEnhed`). Every attribute is a list of
values with a `periode{gyldigFra, gyldigTil}`; the current value is the one whose `gyldigTil` is
null (or, when every period is closed, the latest). This module turns one `_source` into a
`CompanyRecord` or `UnitRecord`, or raises `MalformedRecord` naming the record and what is wrong.

Tolerance, where the documentation leaves room (INTEGRATIONS.md):
- `cvrNummer`, `pNummer`, `postnummer` and `kommuneKode` come as numbers or strings;
  municipality codes are normalised to three digits (`0165` and 165 to `165`).
- The records do not name the industry code list. A code valid from `DB25_FROM` on is read as
  DB25, an older one as DB07 (*unconfirmed*: the switch date is the register's announced one);
  a record that does name it (`branchekodeSystem`) is believed.
- The employee band of the latest year (`aarsbeskaeftigelse`) is used; `ANTAL_1000_999999` and
  similar spellings of the open top band are read as `ANTAL_1000_`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from businesses.cvr.numbers import is_valid_cvr
from businesses.enums import EmployeeBand, IndustryCodeSystem
from core.models import normalise_municipality_code

DB25_FROM = date(2025, 1, 1)
# A timestamp without an offset is the register's local time.
REGISTER_TIME = ZoneInfo("Europe/Copenhagen")


class MalformedRecord(ValueError):
    """A record that cannot be read; the message names it (its number, or its place in the file)."""


@dataclass(frozen=True)
class Address:
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    city: str = ""
    municipality_code: str = ""


@dataclass(frozen=True)
class Dated:
    """A value of the register's history with its period."""

    value: object
    valid_from: date
    valid_to: date | None


@dataclass(frozen=True)
class RegisterFacts:
    """What companies and production units share."""

    name: str
    address: Address
    industry_code: str
    industry_name: str
    industry_code_system: str
    employee_band: str
    start_date: date | None
    end_date: date | None
    advertising_protected: bool
    updated_at: datetime | None


@dataclass(frozen=True)
class CompanyRecord:
    cvr_number: str
    facts: RegisterFacts
    legal_form_code: int | None
    legal_form: str
    names: list[Dated] = field(default_factory=list)
    addresses: list[Dated] = field(default_factory=list)


@dataclass(frozen=True)
class UnitRecord:
    p_number: str
    cvr_number: str
    facts: RegisterFacts


def parse_source(source: dict, *, label: str) -> CompanyRecord | UnitRecord:
    """A hit's `_source` (or the hit itself), read; `label` names it in errors."""
    source = source.get("_source", source)
    try:
        if "Vrvirksomhed" in source:
            return _company(source["Vrvirksomhed"])
        if "VrproduktionsEnhed" in source:
            return _unit(source["VrproduktionsEnhed"])
        raise MalformedRecord("hverken Vrvirksomhed eller VrproduktionsEnhed")
    except MalformedRecord as error:
        raise MalformedRecord(f"{_name_of(source) or label}: {error}") from error
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise MalformedRecord(f"{_name_of(source) or label}: ulæselig post ({error!r})") from error


def _name_of(source) -> str:
    if not isinstance(source, dict):
        return ""
    company = source.get("Vrvirksomhed")
    unit = source.get("VrproduktionsEnhed")
    if isinstance(company, dict) and company.get("cvrNummer") is not None:
        return f"CVR {company['cvrNummer']}"
    if isinstance(unit, dict) and unit.get("pNummer") is not None:
        return f"P-nummer {unit['pNummer']}"
    return ""


def _company(raw: dict) -> CompanyRecord:
    cvr = _digits(raw.get("cvrNummer"), 8, "cvrNummer")
    if not is_valid_cvr(cvr):
        raise MalformedRecord(f"cvrNummer {cvr} fejler modulus 11-kontrollen")
    form = _current(raw.get("virksomhedsform"))
    form_code = form.get("virksomhedsformkode") if form else None
    return CompanyRecord(
        cvr_number=cvr,
        facts=_facts(raw),
        legal_form_code=int(form_code) if form_code is not None else None,
        legal_form=_text(form.get("langBeskrivelse") or form.get("kortBeskrivelse"))
        if form
        else "",
        names=[
            Dated(_text(entry.get("navn")), *_period(entry)) for entry in raw.get("navne") or []
        ],
        addresses=[
            Dated(_address(entry), *_period(entry))
            for entry in raw.get("beliggenhedsadresse") or []
        ],
    )


def _unit(raw: dict) -> UnitRecord:
    relation = _current(raw.get("virksomhedsrelation"))
    if not relation or relation.get("cvrNummer") is None:
        raise MalformedRecord("ingen virksomhedsrelation med cvrNummer")
    return UnitRecord(
        p_number=_digits(raw.get("pNummer"), 10, "pNummer"),
        cvr_number=_digits(relation["cvrNummer"], 8, "virksomhedsrelation.cvrNummer"),
        facts=_facts(raw),
    )


def _facts(raw: dict) -> RegisterFacts:
    name = _current(raw.get("navne"))
    if not name or not _text(name.get("navn")):
        raise MalformedRecord("intet navn")
    address = _current(raw.get("beliggenhedsadresse"))
    industry = _current(raw.get("hovedbranche"))
    lifetime = sorted(
        (_period(entry) for entry in raw.get("livsforloeb") or []), key=lambda period: period[0]
    )
    return RegisterFacts(
        name=_text(name["navn"]),
        address=_address(address) if address else Address(),
        industry_code=_text(industry.get("branchekode")) if industry else "",
        industry_name=_text(industry.get("branchetekst")) if industry else "",
        industry_code_system=_code_system(industry) if industry else "",
        employee_band=_employee_band(raw.get("aarsbeskaeftigelse")),
        start_date=lifetime[0][0] if lifetime else None,
        end_date=lifetime[-1][1] if lifetime else None,
        advertising_protected=bool(raw.get("reklamebeskyttet")),
        updated_at=_timestamp(raw.get("sidstOpdateret")),
    )


def _current(entries) -> dict | None:
    """The entry whose period is open, else the one that began last."""
    if not entries:
        return None
    if not isinstance(entries, list):
        raise MalformedRecord(f"forventede en liste, fik {entries!r}")
    open_entries = [entry for entry in entries if not (entry.get("periode") or {}).get("gyldigTil")]
    candidates = open_entries or entries
    return max(candidates, key=lambda entry: (entry.get("periode") or {}).get("gyldigFra") or "")


def _period(entry: dict) -> tuple[date, date | None]:
    period = entry.get("periode") or {}
    valid_from = _date(period.get("gyldigFra"))
    if valid_from is None:
        raise MalformedRecord(f"periode uden gyldigFra: {entry!r}")
    return valid_from, _date(period.get("gyldigTil"))


def _date(value) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as error:
        raise MalformedRecord(f"ugyldig dato {value!r}") from error


def _timestamp(value) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError as error:
        raise MalformedRecord(f"ugyldigt tidspunkt {value!r}") from error
    return moment if moment.tzinfo else moment.replace(tzinfo=REGISTER_TIME)


def _digits(value, length: int, name: str) -> str:
    text = str(value if value is not None else "").strip()
    if not text.isdigit() or len(text) > length:
        raise MalformedRecord(f"{name} {value!r} er ikke {length} cifre")
    return text.rjust(length, "0")


def _text(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _address(entry: dict) -> Address:
    municipality = entry.get("kommune") or {}
    code = municipality.get("kommuneKode")
    house = _text(entry.get("husnummerFra")) + _text(entry.get("bogstavFra"))
    try:
        municipality_code = normalise_municipality_code(code) if code is not None else ""
    except ValueError as error:
        raise MalformedRecord(str(error)) from error
    postcode = entry.get("postnummer")
    return Address(
        street=_text(entry.get("vejnavn")),
        house_number=house,
        postcode=_digits(postcode, 4, "postnummer") if postcode is not None else "",
        city=_text(entry.get("postdistrikt")),
        municipality_code=municipality_code,
    )


def _code_system(industry: dict) -> str:
    named = industry.get("branchekodeSystem")
    if named:
        if named not in IndustryCodeSystem.values:
            raise MalformedRecord(f"ukendt branchekodesystem {named!r}")
        return named
    valid_from, _ = _period(industry)
    return IndustryCodeSystem.DB25 if valid_from >= DB25_FROM else IndustryCodeSystem.DB07


def _employee_band(years) -> str:
    if not years:
        return ""
    latest = max(years, key=lambda entry: entry.get("aar") or 0)
    code = latest.get("intervalKodeAntalAnsatte") or ""
    if code.startswith("ANTAL_1000_"):
        code = EmployeeBand.FROM_1000
    if code and code not in EmployeeBand.values:
        raise MalformedRecord(f"ukendt intervalKodeAntalAnsatte {code!r}")
    return code
