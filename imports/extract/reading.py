"""Turning an uploaded document into plain text with its headings marked.

Kurs reads what `strategy.documents` accepts, judged by content, not by name: UTF-8 text,
Word (.docx, through python-docx) and PDF with a text layer (through pypdfium2, PDFium's own
text extraction: fast, and it keeps the reading order of ordinary single-column pages). A PDF
that is only scanned pictures has no text to read; a damaged file or one over the size limit is
refused. Each refusal is a `DocumentError` whose message says in Danish what to do.

The text returned is what the review screen shows and what every offset refers to, so it is
normalised once here (line ends, byte order mark) and never again.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from strategy.documents import detect_kind

# The limit of a plan's source document (strategy.models.SOURCE_DOCUMENT_MAX_BYTES; a test
# keeps them equal), written here so that the extractor runs without Django's models.
MAX_BYTES = 20 * 1024 * 1024
MAX_PAGES = 1000
# A PDF page with fewer visible characters than this on average has no real text layer
# (a scan can carry a page number or a stamp as text).
MIN_CHARACTERS_PER_PAGE = 40

LIST_STYLES = ("list", "liste", "punkt", "opstilling")


class DocumentError(ValueError):
    """A document Kurs cannot read; the message says why and what to do, in Danish."""


@dataclass
class SourceText:
    """A document's text and the headings its own format marks (Word styles, Markdown #)."""

    text: str
    kind: str
    # (start offset, level) of each line that the document itself marks as a heading.
    marked_headings: dict[int, int] = field(default_factory=dict)
    pages: int = 0


def normalise(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")


def read_bytes(data: bytes, name: str = "") -> SourceText:
    """Read `data` (a whole file) as the kind its content says. Raises DocumentError."""
    if len(data) > MAX_BYTES:
        raise DocumentError(
            _("Filen fylder %(size)s MB; Kurs læser dokumenter på højst %(limit)s MB.")
            % {"size": round(len(data) / 1024 / 1024, 1), "limit": MAX_BYTES // 1024 // 1024}
        )
    if not data.strip():
        raise DocumentError(_("Filen er tom."))
    kind = detect_kind(io.BytesIO(data))
    if kind == "text":
        return SourceText(text=normalise(data.decode("utf-8")), kind="text")
    if kind == "docx":
        return _read_docx(data)
    if kind == "pdf":
        return _read_pdf(data)
    if data[:4] == b"PK\x03\x04" or data[:5] == b"%PDF-":
        raise DocumentError(_("Filen er beskadiget eller ikke et Word-dokument (.docx)."))
    raise DocumentError(
        _(
            "Kurs kan ikke læse filen %(name)s. Gem dokumentet som PDF med tekst, "
            "Word (.docx) eller tekst i UTF-8 (.txt), og prøv igen."
        )
        % {"name": Path(name).name or _("(uden navn)")}
    )


def read_file(file, name: str = "") -> SourceText:
    """Read an uploaded or opened binary file, refusing an oversized one before reading it."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_BYTES:
        raise DocumentError(
            _("Filen fylder %(size)s MB; Kurs læser dokumenter på højst %(limit)s MB.")
            % {"size": round(size / 1024 / 1024, 1), "limit": MAX_BYTES // 1024 // 1024}
        )
    file.seek(0)
    data = file.read(MAX_BYTES + 1)
    file.seek(0)
    return read_bytes(data, name or getattr(file, "name", ""))


def read_path(path: str | Path) -> SourceText:
    path = Path(path)
    if path.stat().st_size > MAX_BYTES:
        raise DocumentError(
            _("Filen fylder %(size)s MB; Kurs læser dokumenter på højst %(limit)s MB.")
            % {
                "size": round(path.stat().st_size / 1024 / 1024, 1),
                "limit": MAX_BYTES // 1024 // 1024,
            }
        )
    return read_bytes(path.read_bytes(), path.name)


def _heading_level(style_name: str) -> int | None:
    """1 for a title or "Heading 1" ("Overskrift 1" in a Danish Word), and so on."""
    name = (style_name or "").lower()
    if name in ("title", "titel"):
        return 1
    for prefix in ("heading", "overskrift"):
        if name.startswith(prefix):
            digits = "".join(ch for ch in name[len(prefix) :] if ch.isdigit())
            return int(digits) if digits else 1
    return None


def _read_docx(data: bytes) -> SourceText:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several kinds for a damaged archive
        raise DocumentError(
            _("Word-dokumentet er beskadiget og kan ikke læses. Gem det igen fra Word.")
        ) from error
    lines: list[str] = []
    headings: dict[int, int] = {}
    offset = 0

    def add(line: str, level: int | None = None) -> None:
        nonlocal offset
        if level is not None and line.strip():
            headings[offset] = level
        lines.append(line)
        offset += len(line) + 1

    # python-docx resolves a paragraph's style object by searching the styles part each time,
    # which dominates reading a long document: look the names up once, by style id.
    style_names = {style.style_id: style.name or "" for style in document.styles}
    default_style = next(
        (
            style.name
            for style in document.styles
            if getattr(style, "type", None) == 1 and style.style_id == "Normal"
        ),
        "",
    )

    def paragraph(par) -> None:
        text = par.text.replace("\n", " ").replace("\v", " ").strip()
        properties = par._p.pPr
        style_id = (
            properties.pStyle.val
            if properties is not None and properties.pStyle is not None
            else None
        )
        style = style_names.get(style_id, default_style) if style_id else default_style
        level = _heading_level(style)
        is_list = par._p.pPr is not None and par._p.pPr.numPr is not None
        if not is_list and any(word in style.lower() for word in LIST_STYLES):
            is_list = True
        if is_list and text:
            text = "- " + text
        add(text, level)
        add("")

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if value and (not cells or cells[-1] != value):
                        cells.append(value)
                add("\t".join(cells))
            add("")
        else:
            paragraph(block)
    return SourceText(text=normalise("\n".join(lines)), kind="docx", marked_headings=headings)


def _read_pdf(data: bytes) -> SourceText:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise DocumentError(
                _("PDF-filen er beskyttet med adgangskode. Gem den uden adgangskode.")
            ) from error
        raise DocumentError(
            _("PDF-filen er beskadiget og kan ikke læses. Gem den igen som PDF.")
        ) from error
    try:
        pages = len(pdf)
        if pages > MAX_PAGES:
            raise DocumentError(
                _("Dokumentet har %(pages)s sider; Kurs læser højst %(limit)s.")
                % {"pages": pages, "limit": MAX_PAGES}
            )
        texts = []
        for index in range(pages):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
    except pdfium.PdfiumError as error:
        raise DocumentError(
            _("PDF-filen er beskadiget og kan ikke læses. Gem den igen som PDF.")
        ) from error
    finally:
        pdf.close()
    visible = sum(len("".join(text.split())) for text in texts)
    if pages == 0 or visible < MIN_CHARACTERS_PER_PAGE * max(pages, 1):
        raise DocumentError(
            _(
                "PDF-filen har ingen tekst, kun billeder af sider (en scanning). Kurs kan ikke "
                "læse billeder: brug den oprindelige Word- eller PDF-fil, eller kør tekst"
                "genkendelse (OCR) på scanningen først."
            )
        )
    # Pages are separated by a blank line, so no sentence runs across a page break unseen.
    text = "\n\n".join(reflow(normalise(page)) for page in texts)
    return SourceText(text=text, kind="pdf", pages=pages)


def reflow(page: str) -> str:
    """A PDF page's lines as paragraphs: PDF text is broken into lines where the page ran out
    of width, and has no blank lines between paragraphs.

    PDFium ends a line that was wrapped with the space it broke at, and a hyphenated break with
    U+FFFE; such a line continues on the next, as does one followed by a line starting in lower
    case after no full stop. Every other line end ends a paragraph (a heading, a bullet, the end
    of a paragraph), and becomes a blank line, as a text file would have it."""
    page = page.replace("\ufffe\n", "").replace("\ufffe", "")
    paragraphs: list[str] = []
    current = ""
    for line in page.split("\n"):
        if not current:
            current = line
            continue
        continues = current.endswith(" ") or (
            line[:1].islower() and not current.rstrip().endswith((".", ":", "!", "?"))
        )
        if continues:
            current = current.rstrip() + " " + line.lstrip()
        else:
            paragraphs.append(current.rstrip())
            current = line
    if current.strip():
        paragraphs.append(current.rstrip())
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph.strip())
