"""The English locale: the language switcher turns the screens English (menu, status labels,
number formats), Danish stays the default, and every string in the catalogue is translated."""

import ast
import gettext
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from strategy.tests.factories import GoalFactory, MeasurementFactory, PlanFactory

PO_FILE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")


@pytest.fixture
def goal(municipality):
    """A goal of 1000 new jobs by the end of 2017, measured at 500 in 2015: off track now."""
    plan = PlanFactory(municipality=municipality, title="Erhvervsstrategi 2013-2017")
    goal = GoalFactory(
        plan=plan,
        title="Mindst 1000 nye arbejdspladser",
        target_value=Decimal(1000),
        deadline=date(2017, 12, 31),
    )
    MeasurementFactory(goal=goal, measured_on=date(2015, 1, 1), value=Decimal(500))
    return goal


def english_client(user) -> Client:
    client = Client()
    client.force_login(user)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/k/165/"})
    assert response.status_code == 302
    return client


def menu_html(response) -> str:
    match = re.search(r'<ul class="mainmenu">(.*?)</ul>', response.content.decode(), re.S)
    assert match, "the page has no main menu"
    return match.group(1)


def test_staff_who_picks_english_sees_the_dashboard_in_english(staff, goal):
    client = english_client(staff)

    response = client.get("/k/165/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Overview" in menu_html(response)
    assert "Action plans" in menu_html(response)
    assert "Overblik" not in html
    assert "Overview of the goals in Albertslund" in html
    assert "Off track" in html
    assert "Ikke på sporet" not in html
    assert "Staff member" in html
    assert "Log out" in html


def test_a_fresh_client_sees_the_dashboard_in_danish(staff, goal):
    client = Client()
    client.force_login(staff)

    response = client.get("/k/165/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="da">' in html
    assert "Overblik" in menu_html(response)
    assert "Ikke på sporet" in html
    assert "Off track" not in html


def test_goal_page_uses_english_number_separators_in_english(staff, goal):
    client = english_client(staff)

    response = client.get(f"/k/165/maal/{goal.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "1,000" in html
    assert "1.000" not in html
    assert "Target" in html
    assert "Baseline" in html


def test_goal_page_uses_danish_number_separators_in_danish(staff, goal):
    client = Client()
    client.force_login(staff)

    response = client.get(f"/k/165/maal/{goal.pk}/")

    assert "1.000" in response.content.decode()


# The catalogue itself


def po_entries(text: str) -> list[dict]:
    """The entries of a .po file: msgctxt, msgid, msgid_plural and msgstr[n] as plain strings."""
    entries = []
    for block in re.split(r"\n\s*\n", text.strip()):
        entry: dict[str, str] = {}
        field = None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line)
            if match:
                field = match.group(1)
                entry[field] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and field:
                entry[field] += ast.literal_eval(line)
        if entry:
            entries.append(entry)
    return entries


def translations(entry: dict) -> list[str]:
    return [value for key, value in entry.items() if key.startswith("msgstr")]


def test_every_string_in_the_english_catalogue_is_translated():
    text = PO_FILE.read_text(encoding="utf-8")
    entries = [entry for entry in po_entries(text) if entry.get("msgid")]

    assert len(entries) > 500
    untranslated = [
        entry["msgid"] for entry in entries if not all(s.strip() for s in translations(entry))
    ]
    assert untranslated == []
    plural = [entry for entry in entries if "msgid_plural" in entry]
    assert plural and all(len(translations(entry)) == 2 for entry in plural)


def test_english_catalogue_has_no_fuzzy_entries():
    assert "#, fuzzy" not in PO_FILE.read_text(encoding="utf-8")


def test_english_translations_keep_the_placeholders():
    placeholder = re.compile(r"%\(\w+\)[sd]|%[sd]")
    for entry in po_entries(PO_FILE.read_text(encoding="utf-8")):
        if not entry.get("msgid"):
            continue
        for key, value in entry.items():
            if not key.startswith("msgstr"):
                continue
            source = entry["msgid_plural"] if key == "msgstr[1]" else entry["msgid"]
            expected = sorted(placeholder.findall(source))
            assert sorted(placeholder.findall(value)) == expected, entry["msgid"]


def test_compiled_catalogue_matches_the_po_file():
    """The .mo is committed (fresh machines have no gettext), so it must be compiled again
    after every change to the .po."""
    with MO_FILE.open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    for entry in po_entries(PO_FILE.read_text(encoding="utf-8")):
        if not entry.get("msgid"):
            continue
        context = entry.get("msgctxt")
        if "msgid_plural" in entry:
            one = compiled.ngettext(entry["msgid"], entry["msgid_plural"], 1)
            many = compiled.ngettext(entry["msgid"], entry["msgid_plural"], 2)
            assert (one, many) == (entry["msgstr[0]"], entry["msgstr[1]"]), entry["msgid"]
        elif context:
            assert compiled.pgettext(context, entry["msgid"]) == entry["msgstr"], entry["msgid"]
        else:
            assert compiled.gettext(entry["msgid"]) == entry["msgstr"], entry["msgid"]


def test_goal_and_target_are_told_apart_in_english():
    from django.utils.translation import override, pgettext

    with override("en"):
        assert (pgettext("goal", "Mål"), pgettext("target", "Mål")) == ("Goal", "Target")
