"""A plan's source document: what a file is, judged by its content, and how it is handed out.

Kurs takes PDF, Word (.docx) and UTF-8 text (.txt, .md). A file is what its bytes say:

- PDF starts with `%PDF-`;
- Word is a zip archive with `word/document.xml` whose main part is declared a Word document
  (a macro-enabled .docm, an Excel sheet or any other zip renamed .docx is not);
- text is valid UTF-8 (a byte order mark is allowed) without NUL bytes.

An upload whose content is not what its extension says is refused (`validate_content`), and a
document is served with the type its content has, never the one its name claims: a stored file
that matches no type is served as `application/octet-stream`. Documents are always downloads
(`Content-Disposition: attachment`, `nosniff`, a sandboxing CSP), named after the plan, so that
nothing uploaded is ever shown as a page of Kurs. Who may fetch one is the plan's rule
(`strategy.views.plan_document`); /media/ is not served at all.

A small checker rather than a library: `filetype` reads only the first bytes (it cannot tell a
Word document from another zip, nor check text), and `python-magic` needs the system's libmagic.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
WORD_MAIN_PART = WORD + ".main+xml"
CHUNK = 64 * 1024

# extension -> (kind its content must have, content type it is served with)
EXTENSIONS = {
    "pdf": ("pdf", "application/pdf"),
    "docx": ("docx", WORD),
    "txt": ("text", "text/plain; charset=utf-8"),
    "md": ("text", "text/markdown; charset=utf-8"),
}
KIND_LABELS = {
    "pdf": _("PDF-dokument"),
    "docx": _("Word-dokument"),
    "text": _("tekstdokument i UTF-8"),
}


def _is_word(file) -> bool:
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                return False
            with archive.open("[Content_Types].xml") as types:
                declared = types.read(CHUNK * 4)
    except (zipfile.BadZipFile, OSError, EOFError):
        return False
    return WORD_MAIN_PART.encode() in declared


def _is_text(file) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    while chunk := file.read(CHUNK):
        if b"\x00" in chunk:
            return False
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError:
            return False
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_kind(file) -> str | None:
    """'pdf', 'docx' or 'text' from the content of the binary `file`, else None.

    Reads from the start and puts the position back there."""
    try:
        file.seek(0)
        head = file.read(5)
        if head == b"%PDF-":
            return "pdf"
        file.seek(0)
        if head.startswith(b"PK\x03\x04"):
            return "docx" if _is_word(file) else None
        return "text" if _is_text(file) else None
    finally:
        file.seek(0)


def _extension(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def validate_content(upload) -> None:
    """Refuse an upload whose content is not what its extension says (`Plan.source_document`).

    A document already stored was checked when it was uploaded, and is not read again on every
    save of its plan."""
    if getattr(upload, "_committed", False):
        return
    extension = _extension(upload.name)
    if extension not in EXTENSIONS:
        return  # FileExtensionValidator says which extensions are allowed
    expected = EXTENSIONS[extension][0]
    if detect_kind(upload) != expected:
        raise ValidationError(
            _(
                "Filen %(name)s er ikke et %(kind)s, selv om den hedder .%(extension)s. Gem "
                "dokumentet som PDF, Word (.docx) eller tekst i UTF-8 (.txt, .md), og prøv igen."
            ),
            code="content_mismatch",
            params={
                "name": PurePath(upload.name).name,
                "kind": KIND_LABELS[expected],
                "extension": extension,
            },
        )


def download_name(title: str, extension: str) -> str:
    """The plan's title as a file name: letters, digits, spaces and hyphens only."""
    stem = " ".join(re.sub(r"[^\w -]", " ", title).split())[:100].strip() or "dokument"
    return f"{stem}.{extension}"


def document_response(plan) -> FileResponse:
    """The plan's document as a download; raises FileNotFoundError if storage has lost it."""
    document = plan.source_document
    handle = document.storage.open(document.name, "rb")
    extension = _extension(document.name)
    kind, content_type = EXTENSIONS.get(extension, (None, None))
    if kind is None or detect_kind(handle) != kind:
        content_type = "application/octet-stream"
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=download_name(plan.title, extension),
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if plan.is_public:
        patch_cache_control(response, max_age=3600)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
