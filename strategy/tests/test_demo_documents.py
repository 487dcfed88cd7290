"""`load_demo` stores each plan's source document once: loading again, even into a rebuilt
database, reuses the file it stored before instead of adding a copy under a random name."""

from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from strategy.demo import attach_source
from strategy.models import Plan
from strategy.tests.factories import PlanFactory

DOCUMENTS = [
    "albertslund-erhvervspolitik-2023-2026.txt",
    "albertslund-erhvervsstrategi-2013-2017.txt",
    "albertslund-handleplan-2016-2017.txt",
    "ballerup-tidsplan-2007-2009.txt",
]
STRATEGY = "Erhvervsstrategi 2013-2017"
TRANSCRIPT = "Erhvervsstrategi 2013-2017\n\nGrøn vækst\n".encode()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def load(db, media, monkeypatch):
    monkeypatch.setenv("KURS_DEMO_PASSWORD", "demo-test-2026")
    return lambda: call_command("load_demo", stdout=StringIO())


def stored_files(media) -> list[str]:
    return sorted(path.name for path in (media / "plans").iterdir())


def attached() -> list[str]:
    return sorted(
        Plan.objects.exclude(source_document="").values_list("source_document", flat=True)
    )


def test_loading_twice_stores_each_document_once_even_into_a_rebuilt_database(load, media):
    load()
    Plan.objects.all().delete()  # a new database; the media folder stays

    load()

    assert stored_files(media) == DOCUMENTS
    assert attached() == [f"plans/{name}" for name in DOCUMENTS]


# The rules of attach_source, on one plan


@pytest.fixture
def transcript(tmp_path):
    source = tmp_path / "sources" / "strategi.txt"
    source.parent.mkdir()
    source.write_bytes(TRANSCRIPT)
    return source


@pytest.fixture
def plan(municipality, media):
    return PlanFactory(municipality=municipality, title=STRATEGY)


def test_the_transcript_is_stored_under_its_own_name(plan, transcript, media):
    attach_source(plan, transcript)
    attach_source(plan, transcript)

    plan.refresh_from_db()
    assert plan.source_document.name == "plans/strategi.txt"
    assert stored_files(media) == ["strategi.txt"]


def test_a_stored_copy_with_the_same_content_is_reused(plan, transcript, media):
    (media / "plans").mkdir()
    (media / "plans" / "strategi.txt").write_bytes(TRANSCRIPT)

    attach_source(plan, transcript)

    plan.refresh_from_db()
    assert plan.source_document.name == "plans/strategi.txt"
    assert stored_files(media) == ["strategi.txt"]


def test_another_file_under_the_name_is_not_overwritten(plan, transcript, media):
    (media / "plans").mkdir()
    foreign = media / "plans" / "strategi.txt"
    foreign.write_bytes(b"Noget andet\n")

    attach_source(plan, transcript)

    plan.refresh_from_db()
    assert foreign.read_bytes() == b"Noget andet\n"
    assert plan.source_document.name != "plans/strategi.txt"
    assert plan.source_document.read() == TRANSCRIPT


def test_a_document_uploaded_in_its_place_is_kept(plan, transcript, media):
    attach_source(plan, transcript)
    plan.source_document.save("egen-udgave.txt", ContentFile(b"Kommunens egen udgave\n"))

    attach_source(plan, transcript)

    plan.refresh_from_db()
    assert plan.source_document.name == "plans/egen-udgave.txt"
    assert stored_files(media) == ["egen-udgave.txt", "strategi.txt"]
