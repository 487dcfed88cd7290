"""A plan's source document: served by Kurs under the plan's own rules (public once adopted,
members only before), as a download typed by its content; uploads whose content does not match
their extension are refused; /media/ is never served."""

import importlib
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import clear_url_caches
from openpyxl import Workbook

from strategy.documents import detect_kind
from strategy.enums import PlanStatus
from strategy.models import Plan
from strategy.tests.factories import PlanFactory

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
TEXT = "Erhvervsstrategi for Albertslund: flere arbejdspladser, grøn omstilling.\n".encode()
WORD_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx(main_type: str = WORD_CONTENT_TYPE + ".main+xml") -> bytes:
    """A minimal Word document: the parts Word itself requires."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" '
            f'ContentType="{main_type}"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def xlsx() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def url(plan) -> str:
    return f"/k/{plan.municipality.code}/planer/{plan.pk}/dokument/"


@pytest.fixture
def adopted(municipality):
    plan = PlanFactory(municipality=municipality, title="Erhvervsstrategi 2013-2017")
    plan.source_document.save("strategi.pdf", ContentFile(PDF))
    return plan


@pytest.fixture
def draft(municipality):
    plan = PlanFactory(
        municipality=municipality,
        title="Handleplan 2027 (udkast)",
        status=PlanStatus.DRAFT,
        adopted_on=None,
    )
    plan.source_document.save("udkast.txt", ContentFile(TEXT))
    return plan


# Downloading


def test_anonymous_downloads_the_adopted_plans_document(client, adopted):
    response = client.get(url(adopted))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="Erhvervsstrategi 2013-2017.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "max-age=3600"
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("user", [None, "outsider"])
def test_a_draft_plans_document_is_404_for_anonymous_and_outsider(client, request, draft, user):
    if user:
        client.force_login(request.getfixturevalue(user))

    response = client.get(url(draft))

    assert response.status_code == 404


@pytest.mark.parametrize("user", ["staff", "committee_reader", "administrator"])
def test_members_download_a_draft_plans_document(client, request, draft, user):
    client.force_login(request.getfixturevalue(user))

    response = client.get(url(draft))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == ('attachment; filename="Handleplan 2027 udkast.txt"')
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == TEXT


def test_the_content_decides_the_type_not_the_stored_name(client, municipality):
    """A file stored before uploads were checked: named .pdf, but text."""
    plan = PlanFactory(municipality=municipality, title="Gammel plan")
    plan.source_document.save("gammel.pdf", ContentFile(TEXT))

    response = client.get(url(plan))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="Gammel plan.pdf"'


def test_a_markdown_document_is_served_as_markdown(client, municipality):
    plan = PlanFactory(municipality=municipality, title="Politik")
    plan.source_document.save("politik.md", ContentFile(b"# Erhvervspolitik\n"))

    response = client.get(url(plan))

    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="Politik.md"'


def test_a_word_document_is_served_as_word(client, municipality):
    plan = PlanFactory(municipality=municipality, title="Tidsplan")
    plan.source_document.save("tidsplan.docx", ContentFile(docx()))

    response = client.get(url(plan))

    assert response["Content-Type"] == WORD_CONTENT_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="Tidsplan.docx"'


def test_the_file_name_is_the_plans_title_made_safe(client, municipality):
    plan = PlanFactory(municipality=municipality, title='Vækst på "Ærø"/../\r\nX: 2020')
    plan.source_document.save("vaekst.pdf", ContentFile(PDF))

    response = client.get(url(plan))

    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''V%C3%A6kst%20p%C3%A5%20%C3%86r%C3%B8%20X%202020.pdf"
    )


def test_no_document_unknown_plan_or_wrong_municipality_is_404(client, adopted, staff):
    without = PlanFactory(municipality=adopted.municipality, title="Uden dokument")
    client.force_login(staff)

    assert client.get(url(without)).status_code == 404
    assert client.get(f"/k/165/planer/{adopted.pk + 100}/dokument/").status_code == 404
    assert client.get(f"/k/151/planer/{adopted.pk}/dokument/").status_code == 404
    assert client.get(f"/k/999/planer/{adopted.pk}/dokument/").status_code == 404


def test_a_document_missing_from_storage_is_404(client, adopted):
    adopted.source_document.storage.delete(adopted.source_document.name)

    assert client.get(url(adopted)).status_code == 404


def test_plan_page_links_to_the_document_through_kurs(client, staff, adopted):
    client.force_login(staff)

    html = client.get(f"/k/165/planer/{adopted.pk}/").content.decode()

    assert f'<a href="/k/165/planer/{adopted.pk}/dokument/">Hent dokumentet</a>' in html
    assert "/media/" not in html


def test_admin_links_to_the_document_through_kurs(client, administrator, adopted):
    client.force_login(administrator)

    html = client.get(f"/admin/strategy/plan/{adopted.pk}/change/").content.decode()

    assert f'<a href="/k/165/planer/{adopted.pk}/dokument/">{adopted.source_document.name}</a>' in (
        html
    )
    assert "/media/" not in html


@pytest.fixture
def debug_urls(settings):
    """The URLs as `runserver` with DEBUG on would build them."""
    import kurs.urls

    settings.DEBUG = True
    importlib.reload(kurs.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(kurs.urls)
    clear_url_caches()


def test_media_is_not_served_even_with_debug_on(debug_urls, client, draft, adopted):
    for plan in (draft, adopted):
        assert Client().get(f"/media/{plan.source_document.name}").status_code == 404


# What a file is


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (PDF, "pdf"),
        (docx(), "docx"),
        (TEXT, "text"),
        ("\ufeffMed byte order mark\n".encode(), "text"),
        (b"", "text"),
        (xlsx(), None),
        (docx(main_type="application/vnd.ms-word.document.macroEnabled.main+xml"), None),
        ("Ærø".encode("latin-1"), None),
        (b"tekst med \x00 nulbyte", None),
        (b"PK\x03\x04 ikke et zip-arkiv", None),
    ],
)
def test_detect_kind_reads_the_content(content, kind):
    assert detect_kind(io.BytesIO(content)) == kind


# Uploading


def plan_with(name: str, content: bytes, municipality) -> Plan:
    return Plan(
        municipality=municipality,
        kind="strategy",
        title="Ny strategi",
        period_start=2027,
        period_end=2030,
        source_document=SimpleUploadedFile(name, content),
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [("s.pdf", PDF), ("s.docx", docx()), ("s.txt", TEXT), ("s.md", TEXT), ("S.PDF", PDF)],
)
def test_an_upload_whose_content_matches_its_extension_is_accepted(municipality, name, content):
    plan_with(name, content, municipality).full_clean()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("s.pdf", TEXT, "PDF-dokument"),
        ("s.docx", xlsx(), "Word-dokument"),
        ("s.docx", PDF, "Word-dokument"),
        ("s.txt", PDF, "tekstdokument i UTF-8"),
        ("s.md", "Ærø".encode("cp1252"), "tekstdokument i UTF-8"),
    ],
)
def test_an_upload_whose_content_does_not_match_its_extension_is_refused(
    municipality, name, content, expected
):
    with pytest.raises(ValidationError) as error:
        plan_with(name, content, municipality).full_clean()

    extension = name.rsplit(".", 1)[1]
    assert error.value.message_dict == {
        "source_document": [
            f"Filen {name} er ikke et {expected}, selv om den hedder .{extension}. "
            "Gem dokumentet som PDF, Word (.docx) eller tekst i UTF-8 (.txt, .md), og prøv igen."
        ]
    }


def test_admin_refuses_a_text_file_renamed_to_pdf(client, administrator, adopted):
    client.force_login(administrator)
    stored = adopted.source_document.name

    response = client.post(
        f"/admin/strategy/plan/{adopted.pk}/change/",
        {
            "municipality": adopted.municipality_id,
            "kind": adopted.kind,
            "title": adopted.title,
            "status": adopted.status,
            "period_start": adopted.period_start,
            "period_end": adopted.period_end,
            "adopted_on": "10-09-2013",
            "source_document": SimpleUploadedFile("ny.pdf", TEXT),
            **{
                f"{prefix}-{count}": value
                for prefix in ("tracks", "key_figures", "commitments")
                for count, value in (
                    ("TOTAL_FORMS", 0),
                    ("INITIAL_FORMS", 0),
                    ("MIN_NUM_FORMS", 0),
                    ("MAX_NUM_FORMS", 1000),
                )
            },
        },
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "source_document": [
            "Filen ny.pdf er ikke et PDF-dokument, selv om den hedder .pdf. Gem dokumentet som "
            "PDF, Word (.docx) eller tekst i UTF-8 (.txt, .md), og prøv igen."
        ]
    }
    adopted.refresh_from_db()
    assert adopted.source_document.name == stored
