"""A document's lines: headings, labels, bullets, paragraphs, and the sentences within them.

Every piece carries character offsets into the document's text, so that the review screen can
mark exactly the sentence a goal came from. The rules are about layout, not content:

- a heading is a line the document marks as one (a Word heading style, Markdown `#`), or a short
  line standing alone between blank lines that does not end like a sentence;
- a label is a short line ending in a colon ("Iværksætter:"), which heads the lines under it;
- a bullet starts with a list mark ("-", "•", "❖", "1.", "a)");
- a table-of-contents line ends in a tab or a row of dots and a page number, and is skipped, as
  are page numbers standing alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A dash is a list mark only with a space after it ("-Vi er …" opens a quote in Danish news),
# a number only as "1." or "1)" followed by a space ("3.000 flere" is a number).
BULLET = re.compile(r"^\s*(?:[-–—]\s+|[•●▪■◦*❖➢►➤✓]\s*|\d{1,2}[.)]\s+|[a-hA-H][.)]\s+)+(?=\S)")
TOC = re.compile(r"(?:\t\s*\d{1,3}|\.{3,}\s*\d{0,3}|…+\s*\d{0,3})\s*$")
PAGE_NUMBER = re.compile(r"^\s*(?:side\s+)?\d{1,3}(?:\s*(?:af|/)\s*\d{1,3})?\s*$", re.I)
MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+")
SENTENCE_END = re.compile(r"[.!?](?:[\"”»)]*)\s+(?=[\"“«(]?[A-ZÆØÅ0-9])")
# Words after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "ca", "bl.a", "f.eks", "fx", "mio", "mia", "nr", "dvs", "kr", "jf", "inkl", "ekskl", "pct",
    "etc", "evt", "m.fl", "mv", "m.v", "hhv", "ift", "vedr", "pga", "iht", "mht", "min", "max",
    "tlf", "st", "gl", "d", "bl", "a", "f", "s", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "okt", "nov", "dec", "kl", "u", "o.l", "osv", "p.t", "pt", "ff", "el",
}  # fmt: skip


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Line:
    kind: str  # "heading", "label", "bullet", "paragraph", "blank", "skip"
    start: int
    end: int
    text: str  # the line without its list mark or Markdown #
    level: int = 0
    content_start: int = 0
    sentences: list[Sentence] = field(default_factory=list)


def _is_heading_like(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 12 or len(text) > 90:
        return False
    if text.rstrip()[-1] in ".,;":
        return False
    first = text.lstrip("*_\"'“ ")[:1]
    return first.isupper() or first.isdigit()


def split_sentences(text: str, base: int) -> list[Sentence]:
    """The sentences of `text` (which starts at offset `base`), trimmed, with their offsets."""
    sentences, start = [], 0
    for match in SENTENCE_END.finditer(text):
        before = text[start : match.start() + 1]
        last_word = re.split(r"\s", before.strip())[-1].rstrip(".").lower()
        if last_word in ABBREVIATIONS or re.fullmatch(r"\d{1,2}", last_word):
            continue  # "ca. 20", "nr. 37", "10. september"
        sentences.append((start, match.start() + 1))
        start = match.end()
    sentences.append((start, len(text)))
    found = []
    for first, last in sentences:
        piece = text[first:last]
        stripped = piece.strip()
        if not stripped:
            continue
        lead = len(piece) - len(piece.lstrip())
        found.append(
            Sentence(
                start=base + first + lead, end=base + first + lead + len(stripped), text=stripped
            )
        )
    return found


def lines_of(text: str, marked_headings: dict[int, int] | None = None) -> list[Line]:
    marked_headings = marked_headings or {}
    raw, offset = [], 0
    for piece in text.split("\n"):
        raw.append((offset, piece))
        offset += len(piece) + 1
    lines: list[Line] = []
    for index, (start, piece) in enumerate(raw):
        end = start + len(piece)
        stripped = piece.strip()
        if not stripped:
            lines.append(Line("blank", start, end, ""))
            continue
        if TOC.search(piece) or PAGE_NUMBER.match(piece):
            lines.append(Line("skip", start, end, stripped))
            continue
        lead = len(piece) - len(piece.lstrip())
        markdown = MARKDOWN_HEADING.match(stripped)
        if start in marked_headings or markdown:
            level = marked_headings.get(start) or len(markdown.group(1))
            content = stripped[markdown.end() :] if markdown else stripped
            content_start = start + lead + (markdown.end() if markdown else 0)
            lines.append(
                Line(
                    "heading", start, end, content.strip("*_ "), level, content_start=content_start
                )
            )
            continue
        bullet = BULLET.match(piece)
        if bullet:
            content_start = start + bullet.end()
            content = piece[bullet.end() :]
            line = Line("bullet", start, end, content.strip(), content_start=content_start)
            line.sentences = split_sentences(content, content_start)
            lines.append(line)
            continue
        previous_blank = index == 0 or not raw[index - 1][1].strip()
        next_blank = index + 1 >= len(raw) or not raw[index + 1][1].strip()
        clean = stripped.strip("*_ ")
        if clean.endswith(":") and len(clean.split()) <= 12 and len(clean) <= 100:
            lines.append(Line("label", start, end, clean, content_start=start + lead))
            continue
        if previous_blank and next_blank and _is_heading_like(clean) and "\t" not in piece:
            lines.append(Line("heading", start, end, clean, 0, content_start=start + lead))
            continue
        line = Line("paragraph", start, end, stripped, content_start=start + lead)
        line.sentences = split_sentences(piece[lead:], start + lead)
        lines.append(line)
    return lines
