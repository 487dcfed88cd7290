"""Excel round trip for a plan's activities: export to .xlsx, and import an edited sheet back.

The package, by concern: `columns` (the columns, their headers, kinds and limits), `exporting`
(the workbook), `reading` (checking the upload and reading its rows and cells), `importing`
(validating the rows and applying them through `actions.services`).

Export (`export_workbook`) writes the sheet "Aktiviteter", one row per activity with its id, and
the protected sheet "Vejledning" that explains the columns. Two hidden columns carry what each
row was when exported: "Version" (the activity's `version`) and "Kontrolsum" (a fingerprint of
the row's cells, `reading.row_fingerprint`). Import (`import_activities`) reads such a sheet
back, all or nothing:

1. The file is checked before anything costly (`reading.read_sheet`): the name ends in .xlsx,
   at most 5 MB is read, the zip archive's declared sizes are bounded (50 MB unpacked, no part
   packed more than 200 times, at most 500 parts) before openpyxl parses anything, and one
   streamed pass over the sheet's XML refuses content right of column Z or below row 20,001.
   Rows are read as far as there is content, whatever the sheet's <dimension> says. The sheet
   must have Kurs' header row, including Version and Kontrolsum (a sheet exported before they
   existed must be exported again), and 1 to 2,000 activity rows.
2. Every row is read and validated, and every problem is collected as a `RowError` (the row
   number Excel shows, the column, a message in Danish). A cell holding a formula, or longer
   than its column allows, gives one error and is read no further. Nothing is written yet.
3. A row whose checksum is unchanged was not edited in the sheet and is left alone, also when
   the activity has been changed in Kurs since. A row that was edited, of an activity changed
   in Kurs after the export (its version is no longer the exported one), is an error that
   names who changed it and when: the import never overwrites a newer edit.
4. Only when there is no error at all are the rows applied, in one transaction, through
   `actions.services`: a row with an empty ID is created (`create_activity`), a row with the
   ID of one of the plan's activities is updated (`update_activity` with the exported version,
   so an edit saved in between refuses it). Rows equal to the database are left alone.
   Activities missing from the sheet are neither changed nor deleted. A refusal by a service
   in any row takes back every row before it.

Decisions:
- Partners are not created by the import: a name that is not one of the municipality's partners
  is an error, so that a typo does not create a second "Gate21". Administrators create them in
  the admin (Administration → Samarbejdspartnere).
- An empty status keeps an existing activity's status, and makes a new activity "Planlagt".
- The period follows the activity form's rule, `actions.periods.period_dates`.
- Dates are bounded to 1900-2100 (`core.bounds`), numbers are read as Danish writes them
  (`core.locale.parse_decimal`), ids as `core.ids.parse_id` reads them.
- Columns are found by their header, in any order; extra columns (up to Z) are ignored.
- Text that begins with "=" is exported as text, never as a formula.
"""

from actions.exchange.columns import COLUMNS
from actions.exchange.exporting import (
    XLSX_CONTENT_TYPE,
    export_filename,
    export_workbook,
    plan_slug,
)
from actions.exchange.importing import ImportResult, RowError, import_activities
from actions.exchange.reading import MAX_ROWS, MAX_UPLOAD_BYTES

__all__ = [
    "COLUMNS",
    "MAX_ROWS",
    "MAX_UPLOAD_BYTES",
    "XLSX_CONTENT_TYPE",
    "ImportResult",
    "RowError",
    "export_filename",
    "export_workbook",
    "import_activities",
    "plan_slug",
]
