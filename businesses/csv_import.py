"""A municipality's own list of firms, uploaded as CSV: all rows saved, or none and every error.

The file is what Excel writes with "CSV UTF-8" (semicolons; commas are accepted too), with a
header row naming the columns below (in any order; `navn` is required, the rest optional). At
most `MAX_BYTES` and `MAX_ROWS`. For each row:
- with a CVR number of a firm in the register: the firm goes on the municipality's list through
  its profile (`CompanyProfile`), and the row's note is kept there; the register's data is not
  overwritten;
- with a CVR number the register does not know yet, or without one: a firm kept by the
  municipality (`Company.kept_by`), matched on CVR number or else on name and postcode, so that
  uploading the same file again changes nothing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from businesses.cvr.numbers import normalise_number
from businesses.models import Company, CompanyProfile
from core.imports import RowError

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5_000
COLUMNS = {
    "navn": "name",
    "cvr": "cvr_number",
    "vejnavn": "street",
    "husnummer": "house_number",
    "postnummer": "postcode",
    "by": "city",
    "note": "note",
}


@dataclass
class CsvImportResult:
    errors: list[RowError] = field(default_factory=list)
    file_error: str = ""
    created: int = 0
    updated: int = 0
    linked: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error


def import_own_firms(*, municipality, file, filename: str) -> CsvImportResult:
    """Read and save the uploaded list (module doc) in one transaction; nothing when any row
    fails. Saves go through the models' `full_clean` (lengths, CVR check)."""
    result = CsvImportResult()
    try:
        rows = _read(file, filename)
    except ValueError as error:
        result.file_error = str(error)
        return result
    planned = [_plan_row(municipality, number, row, result) for number, row in rows]
    if result.errors:
        return result
    with transaction.atomic():
        for company, note, outcome in planned:
            if outcome in {"created", "updated"}:
                company.save()
            if note is not None:
                profile, _created = CompanyProfile.objects.get_or_create(
                    municipality=municipality, company=company
                )
                if profile.note != note:
                    profile.note = note
                    profile.save(update_fields=["note"])
            setattr(result, outcome, getattr(result, outcome) + 1)
    return result


def _read(file, filename: str) -> list[tuple[int, dict]]:
    if not filename.lower().endswith(".csv"):
        raise ValueError(_("Filen skal være en CSV-fil (.csv)."))
    if file.size > MAX_BYTES:
        raise ValueError(_("Filen er større end 2 MB."))
    raw = file.read()
    if b"\x00" in raw:
        raise ValueError(_("Filen er ikke en tekstfil. Gem listen som CSV UTF-8."))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(_("Filen er ikke gemt som UTF-8. Gem listen som CSV UTF-8.")) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [cell.strip().lower() for cell in next(reader, [])]
    if "navn" not in header:
        raise ValueError(_("Første række skal navngive kolonnerne, og kolonnen 'navn' mangler."))
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        raise ValueError(
            _("Ukendte kolonner: %(columns)s. Kendte er: %(known)s.")
            % {"columns": ", ".join(unknown), "known": ", ".join(COLUMNS)}
        )
    rows = []
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if any(cell.strip() for cell in cells[len(header) :]):
            raise ValueError(
                _(
                    "Række %(row)s har flere felter end første række. Sæt tekst, der indeholder "
                    "semikolon, i anførselstegn."
                )
                % {"row": number}
            )
        if len(rows) == MAX_ROWS:
            raise ValueError(_("Filen har mere end %(max)s rækker.") % {"max": MAX_ROWS})
        rows.append(
            (number, {name: cell.strip() for name, cell in zip(header, cells, strict=False)})
        )
    if not rows:
        raise ValueError(_("Filen har ingen rækker med virksomheder."))
    return rows


def _plan_row(municipality, number: int, row: dict, result: CsvImportResult):
    """The company the row saves (unsaved), its note (None when the column is absent) and
    the outcome; errors are added to `result`."""
    values = {COLUMNS[name]: value for name, value in row.items() if name in COLUMNS}
    note = values.pop("note", None)
    cvr = normalise_number(values.pop("cvr_number", ""))
    company = None
    if cvr:
        company = Company.objects.filter(cvr_number=cvr).first()
        if company is not None and company.kept_by_id is None:
            return company, note, "linked"
        if company is not None and company.kept_by_id != municipality.pk:
            result.errors.append(
                RowError(
                    number, "cvr", _("CVR-nummeret er endnu ikke i registret; prøv igen senere.")
                )
            )
            return None, note, "unchanged"
    if company is None and not cvr:
        company = Company.objects.filter(
            kept_by=municipality,
            cvr_number__isnull=True,
            name__iexact=values.get("name", ""),
            postcode=values.get("postcode", ""),
        ).first()
    is_new = company is None
    company = company or Company(kept_by=municipality, cvr_number=cvr or None)
    changed = [name for name, value in values.items() if getattr(company, name) != value]
    for name in changed:
        setattr(company, name, values[name])
    if cvr:
        company.cvr_number = cvr
    try:
        company.full_clean(validate_constraints=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            column = next((key for key, field_name in COLUMNS.items() if field_name == name), name)
            result.errors.extend(RowError(number, column, message) for message in messages)
    if is_new:
        return company, note, "created"
    return company, note, "updated" if changed else "unchanged"
