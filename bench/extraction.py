"""How long the goal extractor (`imports.extract`) takes on a 50-page strategy.

`uv run python -m bench.extraction` builds a strategy of at least 50 A4 pages from real text,
the seed documents transcribed in `imports/evaluation/documents/` repeated in turn, writes it as
.txt, .docx and PDF (WeasyPrint, 11 pt on A4, so the page count is a real one), then reads and
extracts each file `--runs` times and writes the median and slowest time per file type to its
own section of `bench/RESULTS.md` (the other sections are left as they are).
"""

from __future__ import annotations

import argparse
import html
import io
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from bench.sections import GOAL_EXTRACTION, RESULTS

DOCUMENTS = Path(__file__).resolve().parents[1] / "imports" / "evaluation" / "documents"
SOURCES = [
    "seed_001_albertslund_erhvervsstrategi_2013_2017.txt",
    "seed_002_albertslund_erhvervspolitik_2023_2026.txt",
    "seed_004_ballerup_tidsplan_2007_2009.txt",
]
CSS = (
    "@page { size: A4; margin: 2.5cm } body { font: 11pt/1.4 sans-serif }"
    " p { margin: 0 0 .6em; white-space: pre-wrap }"
)


def strategy_text(pages: int) -> str:
    """Real policy text, repeated until it fills about `pages` A4 pages at 11 pt."""
    parts = [(DOCUMENTS / name).read_text(encoding="utf-8") for name in SOURCES]
    wanted, text, index = pages * 2000, [], 0
    while sum(len(part) for part in text) < wanted:
        text.append(parts[index % len(parts)])
        index += 1
    return "\n\n".join(text)


def fitted_text(pages: int) -> tuple[str, bytes]:
    """Whole paragraphs of `strategy_text`, as few as fill `pages` pages of the PDF."""
    blocks = strategy_text(pages * 2).split("\n\n")
    sample = as_pdf("\n\n".join(blocks))
    per_page = len("\n\n".join(blocks)) / pdf_pages(sample)
    count, length = 0, 0
    while count < len(blocks) and length < per_page * pages:
        length += len(blocks[count]) + 2
        count += 1
    while True:
        text = "\n\n".join(blocks[:count])
        pdf = as_pdf(text)
        if pdf_pages(pdf) >= pages or count >= len(blocks):
            return text, pdf
        count += max(1, (len(blocks) - count) // 20)


def as_pdf(text: str) -> bytes:
    from weasyprint import HTML

    paragraphs = "".join(f"<p>{html.escape(block)}</p>" for block in text.split("\n\n"))
    return HTML(string=f"<style>{CSS}</style>{paragraphs}").write_pdf()


def as_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for block in text.split("\n\n"):
        for line in block.split("\n"):
            if line.startswith("- "):
                document.add_paragraph(line[2:], style="List Bullet")
            else:
                document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_pages(data: bytes) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def measure(path: Path, runs: int) -> tuple[list[float], int]:
    from imports.extract import extract, read_path

    times, goals = [], 0
    for _run in range(runs):
        started = time.perf_counter()
        extraction = extract(read_path(path))
        times.append(time.perf_counter() - started)
        goals = len(extraction.goals)
    return times, goals


def section(rows: list[tuple[str, int, list[float], int]], pages: int, characters: int) -> str:
    lines = [
        GOAL_EXTRACTION.start,
        "## Goal extraction (`bench.extraction`)",
        "",
        f"A strategy of {pages} A4 pages ({characters:,} characters of real policy text: the seed",
        "documents in `imports/evaluation/documents/` repeated), read and searched for goals by",
        "`imports.extract` on one core of this machine "
        f"({platform.processor() or platform.machine()}, {os.cpu_count()} cores), "
        "wall-clock time of reading the file and extracting:",
        "",
        "| file | size | goals found | median | slowest |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, size, times, goals in rows:
        lines.append(
            f"| {kind} | {size / 1024:,.0f} KiB | {goals} | {statistics.median(times):.2f} s |"
            f" {max(times):.2f} s |"
        )
    lines += [
        "",
        "Goals found is the same document's goals once per copy of the seed strategy it holds.",
        "Target: seconds, not minutes, for a 50-page strategy. `uv run python -m bench.extraction`",
        "measures again and rewrites this section only.",
        "",
        GOAL_EXTRACTION.end,
    ]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kurs.settings")
    import django

    django.setup()

    text, pdf = fitted_text(args.pages)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        files = {
            "text (.txt)": ("strategi.txt", text.encode()),
            "Word (.docx)": ("strategi.docx", as_docx(text)),
            "PDF": ("strategi.pdf", pdf),
        }
        for kind, (name, data) in files.items():
            path = Path(folder) / name
            path.write_bytes(data)
            times, goals = measure(path, args.runs)
            rows.append((kind, len(data), times, goals))
            print(f"{kind}: median {statistics.median(times):.2f} s, {goals} goals")
    GOAL_EXTRACTION.write(section(rows, pdf_pages(pdf), len(text)), args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
