"""What every all-or-nothing import reports (the Excel import of activities, the CSV upload of a
municipality's own firms): one problem per row and column, shown in the import's error table."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RowError:
    """One problem: the row number as the file shows it, the column header, a message in Danish."""

    row: int
    column: str
    message: str
