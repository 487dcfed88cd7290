"""Each file type Kurs reads, and the clear refusals: a scan, a damaged file, an oversized one."""

import io
import json

import docx
import pytest
from django.core.management import CommandError, call_command
from weasyprint import HTML

from imports.extract import DocumentError, extract, read_bytes, read_path, reading
from strategy.models import SOURCE_DOCUMENT_MAX_BYTES

GOAL = "Vi vil skabe 2.000 nye arbejdspladser i kommunen inden 2017."


def pdf_of(html: str) -> bytes:
    return HTML(string=html).write_pdf()


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_heading("Erhvervsstrategi 2013-2017", level=1)
    document.add_heading("Strategisk spor: Grøn vækst", level=1)
    document.add_heading("Mål", level=2)
    document.add_paragraph(
        "At skabe mindst 1000 nye arbejdspladser inden 2017", style="List Bullet"
    )
    document.add_paragraph("At fremme iværksættermiljøer", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_the_size_limit_is_the_plan_documents_limit():
    assert reading.MAX_BYTES == SOURCE_DOCUMENT_MAX_BYTES


def test_a_text_file_is_read_with_its_goal():
    extraction = extract(read_bytes(("\ufeffForord\r\n\r\n" + GOAL).encode(), "plan.txt"))
    assert [goal.target for goal in extraction.goals] == [2000]
    assert "\r" not in extraction.text


def test_a_word_document_is_read_with_its_headings_and_bullets():
    extraction = extract(read_bytes(docx_bytes(), "plan.docx"))
    assert extraction.title == "Erhvervsstrategi 2013-2017"
    assert [track.title for track in extraction.tracks] == ["Grøn vækst"]
    assert [(goal.kind, goal.target) for goal in extraction.goals] == [
        ("quantified", 1000),
        ("qualitative", None),
    ]


def test_a_pdf_with_text_is_read():
    data = pdf_of(f"<h1>Erhvervsstrategi 2013-2017</h1><p>{GOAL}</p>")
    extraction = extract(read_bytes(data, "plan.pdf"))
    assert [goal.target for goal in extraction.goals] == [2000]
    goal = extraction.goals[0]
    assert extraction.text[goal.start : goal.end] == goal.text


def test_a_scanned_pdf_without_text_is_refused_with_a_clear_message():
    data = pdf_of(
        '<svg width="400" height="600"><rect width="400" height="600" fill="#888"/></svg>'
    )
    with pytest.raises(DocumentError, match="ingen tekst.*scanning"):
        read_bytes(data, "scan.pdf")


def test_a_damaged_pdf_is_refused_with_a_clear_message():
    with pytest.raises(DocumentError, match="beskadiget"):
        read_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100, "broken.pdf")


def test_a_damaged_word_document_is_refused_with_a_clear_message():
    with pytest.raises(DocumentError, match="beskadiget"):
        read_bytes(b"PK\x03\x04" + b"\x00" * 200, "broken.docx")


def test_a_file_of_another_kind_is_refused():
    with pytest.raises(DocumentError, match="kan ikke læse"):
        read_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", "picture.png")


def test_an_oversized_file_is_refused_before_it_is_read():
    with pytest.raises(DocumentError, match="højst 20 MB"):
        read_bytes(b"a" * (SOURCE_DOCUMENT_MAX_BYTES + 1), "big.txt")


def test_an_oversized_file_on_disk_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(SOURCE_DOCUMENT_MAX_BYTES + 1)
    with pytest.raises(DocumentError, match="højst 20 MB"):
        read_path(path)


def test_extract_goals_prints_json(tmp_path, capsys):
    path = tmp_path / "plan.txt"
    path.write_text("Erhvervsstrategi 2013-2017\n\n" + GOAL + "\n", encoding="utf-8")
    call_command("extract_goals", str(path), "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert data["period"] == [2013, 2017]
    goal = data["goals"][0]
    for key in (
        "text", "metric", "comparator", "target", "target_high", "unit", "deadline",
        "recurring", "baseline",
    ):  # fmt: skip
        assert key in goal
    assert (goal["target"], goal["deadline"]) == (2000, 2017)


def test_extract_goals_says_why_it_cannot_read_a_file(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7\nbroken")
    with pytest.raises(CommandError, match="beskadiget"):
        call_command("extract_goals", str(path))


def test_a_pdf_reads_wrapped_lines_headings_and_bullets_as_the_text_does():
    from imports.extract import extract_text

    text = (
        "Erhvervsstrategi 2013-2017\n\nStrategisk spor: Grøn vækst\n\n"
        "Vi arbejder for en by, hvor virksomhederne trives, og hvor de mange gode ideer om grøn "
        "omstilling bliver til nye arbejdspladser og nye virksomheder i hele kommunen.\n\n"
        "Mål\n\n- At skabe mindst 1000 nye arbejdspladser inden for grøn teknologi inden 2017\n"
        "- At fremme udviklings- og iværksættermiljøer inden for grøn teknologi og "
        "miljøløsninger i alle kommunens erhvervsområder\n"
    )
    html = "".join(
        f"<p style='margin:0'>{line}</p>" if line else "<p>&nbsp;</p>" for line in text.split("\n")
    )
    data = pdf_of(f"<style>@page {{ size: A5 }}</style>{html}")
    from_pdf = extract(read_bytes(data, "plan.pdf"))
    from_text = extract_text(text)
    assert [(g.text, g.target, g.track) for g in from_pdf.goals] == [
        (g.text, g.target, g.track) for g in from_text.goals
    ]
    assert len(from_pdf.goals) == 2
