"""Excel round trip for a plan's activities: export to .xlsx, and import an edited sheet back.

Export (`export_workbook`) writes the sheet "Aktiviteter", one row per activity with its id, and
the read-only sheet "Vejledning" that explains the columns. Import (`import_activities`) reads
such a sheet back, all or nothing:

1. The file is checked: the name must end in .xlsx, it may be at most 5 MB, openpyxl must be
   able to open it, and it must have the header row and at least one activity row.
2. Every row is read and validated, and every problem is collected as a `RowError` (the row
   number Excel shows, the column, a message in Danish). Nothing is written yet.
3. Only when there is no error at all are the rows applied, in one transaction: a row with an
   empty ID creates an activity in the plan; a row with the ID of one of the plan's activities
   updates it (its `version` goes up and one history row names the importer). Rows equal to
   the database are left alone. Activities missing from the sheet are neither changed nor
   deleted.

Decisions:
- Partners are not created by the import: a name that is not one of the municipality's partners
  is an error, so that a typo does not create a second "Gate21". Administrators create partners.
- An empty status keeps an existing activity's status, and makes a new activity "Planlagt".
- The period follows the activity form: a new or changed period text must be one that
  `parse_period` reads, and gives Start and Slut unless these cells were changed as well; an
  unchanged text (also one imported as the document wrote it, such as "løbende") is kept.
- Columns are found by their header, in any order; extra columns are ignored.
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
