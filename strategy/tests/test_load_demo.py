"""`manage.py load_demo`: loading twice changes nothing, the summary names every login, and a
known password is refused in production. Each test loads the demo into an empty database (the
demo's contents are checked in test_demo_data.py, where it is loaded once for the module)."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from core.models import User
from strategy.models import Plan

PASSWORD = "adgangskode-til-test"


@pytest.fixture
def load(db, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setenv("KURS_DEMO_PASSWORD", PASSWORD)

    def load_demo() -> str:
        out = StringIO()
        call_command("load_demo", stdout=out)
        return out.getvalue()

    return load_demo


def test_loading_twice_changes_nothing(load):
    load()
    first = {model._meta.label: model.objects.count() for model in apps.get_models()}
    load()
    second = {model._meta.label: model.objects.count() for model in apps.get_models()}

    assert second == first
    # The strategy demo (2 plans, 35 goals) plus the action-plan demo that load_demo also loads
    # (Albertslund's handleplan with 56 focus-area goals, Ballerup's policy and timetable).
    assert first["strategy.Plan"] == 5
    assert first["strategy.Goal"] == 35 + 56
    assert first["strategy.HistoricalGoal"] == 35 + 56


def test_summary_names_the_url_and_every_login(load):
    output = load()

    assert "http://127.0.0.1:8000/" in output
    for username, role in (
        ("admin", "Administrator"),
        ("medarbejder", "Medarbejder"),
        ("udvalg", "Udvalgslæser"),
        ("ballerup", "Medarbejder"),
    ):
        assert re.search(rf"{username}\s+{role} i .*adgangskode: {PASSWORD}", output)


def test_summary_names_the_address_actually_served(db, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setenv("KURS_DEMO_PASSWORD", PASSWORD)
    out = StringIO()

    call_command("load_demo", "--url", "http://127.0.0.1:8123", stdout=out)

    assert "Log ind på http://127.0.0.1:8123/ som:" in out.getvalue()
    assert "8000" not in out.getvalue()


def test_make_start_tells_load_demo_the_host_and_port_it_serves():
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()

    start = makefile.split("\nstart:", 1)[1].split("\n\n", 1)[0]
    assert "load_demo --url http://$(HOST):$(PORT)/" in start
    assert "runserver $(HOST):$(PORT)" in start


def test_refuses_without_a_password_when_debug_is_off(db, settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.delenv("KURS_DEMO_PASSWORD", raising=False)

    with pytest.raises(CommandError, match="KURS_DEMO_PASSWORD"):
        call_command("load_demo", stdout=StringIO())
    assert not Plan.objects.exists()
    assert not User.objects.exists()


def test_rerun_without_the_variable_keeps_a_password_someone_changed(
    db, settings, tmp_path, monkeypatch
):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.delenv("KURS_DEMO_PASSWORD", raising=False)
    call_command("load_demo", stdout=StringIO())
    staff = User.objects.get(username="medarbejder")
    assert staff.check_password("kurs-demo-2026")
    staff.set_password("mit-eget-kodeord")
    staff.save()

    out = StringIO()
    call_command("load_demo", stdout=out)

    staff.refresh_from_db()
    assert staff.check_password("mit-eget-kodeord")
    assert re.search(
        r"medarbejder\s+Medarbejder i Albertslund \(165\) – adgangskode: ændret", out.getvalue()
    )
    assert re.search(r"udvalg\s+.*adgangskode: kurs-demo-2026", out.getvalue())
