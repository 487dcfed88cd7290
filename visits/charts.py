"""The roll-up's heat map as plain coordinates, drawn as SVG by a template (no JavaScript, it
prints): one row per industry, one column per topic, each cell shaded by its number of visits
(five shades, the darkest for the largest number in the table) and linking to those visits."""

from __future__ import annotations

from dataclasses import dataclass

from visits.rollup import Rollup

LABEL_WIDTH, HEADER_HEIGHT = 320, 150
CELL_WIDTH, CELL_HEIGHT = 64, 30
# The last column's heading is slanted up to the right, past the table's edge.
RIGHT_MARGIN = 160
SHADES = 5


@dataclass(frozen=True)
class HeatCell:
    x: int
    y: int
    shade: int  # 0 (none) to SHADES - 1
    visits: int
    needs: int
    topic_id: int
    industry: str
    label: str


@dataclass(frozen=True)
class Heading:
    x: int
    y: int
    text: str


@dataclass(frozen=True)
class HeatMap:
    width: int
    height: int
    columns: list[Heading]
    rows: list[Heading]
    cells: list[HeatCell]
    cell_width: int = CELL_WIDTH
    cell_height: int = CELL_HEIGHT


def shade(count: int, largest: int) -> int:
    """0 for nothing, else 1 to SHADES - 1 in proportion to `largest` (rounded up)."""
    if count <= 0 or largest <= 0:
        return 0
    return max(1, -(-count * (SHADES - 1) // largest))


def heat_map(rollup: Rollup) -> HeatMap:
    largest = max((c.visits for r in rollup.rows for c in r.cells), default=0)
    columns = [
        Heading(LABEL_WIDTH + index * CELL_WIDTH + CELL_WIDTH // 2, HEADER_HEIGHT - 8, t.name)
        for index, t in enumerate(rollup.topics)
    ]
    rows, cells = [], []
    for row_index, row in enumerate(rollup.rows):
        y = HEADER_HEIGHT + row_index * CELL_HEIGHT
        rows.append(Heading(LABEL_WIDTH - 8, y + CELL_HEIGHT // 2, row.label))
        for column, cell in enumerate(row.cells):
            cells.append(
                HeatCell(
                    LABEL_WIDTH + column * CELL_WIDTH,
                    y,
                    shade(cell.visits, largest),
                    cell.visits,
                    cell.needs,
                    cell.topic.pk,
                    row.key,
                    f"{row.label} / {cell.topic.name}",
                )
            )
    return HeatMap(
        LABEL_WIDTH + len(rollup.topics) * CELL_WIDTH + RIGHT_MARGIN,
        HEADER_HEIGHT + len(rollup.rows) * CELL_HEIGHT + 8,
        columns,
        rows,
        cells,
    )
