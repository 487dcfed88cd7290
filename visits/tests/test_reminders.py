"""Follow-up reminders through a real SMTP server (aiosmtpd on 127.0.0.1): one e-mail per
owner, each follow-up once per due date, and one municipality's failure costs the others
nothing."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core.tests.factories import MembershipFactory
from core.tests.mail import body_of, subject_of
from visits.models import FollowUpReminder
from visits.tests.factories import FollowUpFactory

pytestmark = pytest.mark.django_db


def send(on: str, *args) -> str:
    out = StringIO()
    call_command("send_follow_up_reminders", "--date", on, *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def bo(other_municipality):
    return MembershipFactory(
        municipality=other_municipality,
        user__username="bo",
        user__first_name="Bo",
        user__email="bo@ballerup.example",
    ).user


def test_an_owner_is_reminded_once_of_follow_ups_due_soon_or_overdue(smtp, municipality, owner):
    soon = FollowUpFactory(
        visit__municipality=municipality,
        visit__company__name="Vestskov Bryghus ApS",
        owner=owner,
        title="Send tilbud om praktikanter",
        due_on=date(2026, 3, 12),
    )
    FollowUpFactory(
        visit=soon.visit, owner=owner, title="Ring om byggesag", due_on=date(2026, 3, 1)
    )
    FollowUpFactory(visit=soon.visit, owner=owner, title="Senere", due_on=date(2026, 4, 1))
    FollowUpFactory(
        visit=soon.visit,
        owner=owner,
        title="Gjort",
        due_on=date(2026, 3, 1),
        done_on=date(2026, 3, 2),
    )

    first = send("2026-03-10")
    second = send("2026-03-11")

    assert [m.envelope_recipients for m in smtp.messages] == [["eva@albertslund.example"]]
    message = smtp.messages[0]
    assert subject_of(message) == "Påmindelse: 2 opfølgninger på virksomhedsbesøg"
    body = body_of(message)
    assert "Kære Eva" in body
    assert "Ring om byggesag (Vestskov Bryghus ApS)" in body
    assert "Fristen er overskredet: 1. mar. 2026" in body
    assert "Send tilbud om praktikanter (Vestskov Bryghus ApS)" in body
    assert f"https://kurs.example/k/165/besoeg/{soon.visit_id}/" in body
    assert "Senere" not in body and "Gjort" not in body
    assert "sent 1 e-mail(s)" in first
    assert "sent 0 e-mail(s)" in second
    assert FollowUpReminder.objects.count() == 2


def test_a_new_due_date_is_reminded_again(smtp, municipality, owner):
    follow_up = FollowUpFactory(
        visit__municipality=municipality, owner=owner, due_on=date(2026, 3, 12)
    )
    send("2026-03-10")
    follow_up.due_on = date(2026, 3, 30)
    follow_up.save()

    send("2026-03-28")

    assert len(smtp.messages) == 2


def test_a_dry_run_sends_and_claims_nothing(smtp, municipality, owner):
    FollowUpFactory(visit__municipality=municipality, owner=owner, due_on=date(2026, 3, 12))

    output = send("2026-03-10", "--dry-run")

    assert smtp.messages == []
    assert FollowUpReminder.objects.count() == 0
    assert "would send 1 e-mail(s)" in output


def test_an_smtp_failure_leaves_the_reminder_for_the_next_run(smtp, settings, municipality, owner):
    FollowUpFactory(visit__municipality=municipality, owner=owner, due_on=date(2026, 3, 12))
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 1  # nothing listens there

    with pytest.raises(CommandError, match="1 e-mail"):
        call_command(
            "send_follow_up_reminders", "--date", "2026-03-10", stdout=StringIO(), stderr=StringIO()
        )
    settings.EMAIL_PORT = port
    send("2026-03-10")

    assert len(smtp.messages) == 1
    assert FollowUpReminder.objects.count() == 1


def test_one_municipality_failing_does_not_stop_the_others(
    smtp, municipality, other_municipality, owner, bo, monkeypatch
):
    FollowUpFactory(visit__municipality=municipality, owner=owner, due_on=date(2026, 3, 12))
    FollowUpFactory(visit__municipality=other_municipality, owner=bo, due_on=date(2026, 3, 12))
    from visits.management.commands import send_follow_up_reminders as command

    due = command.due_follow_ups

    def failing(each, today):
        if each == municipality:
            raise OverflowError("date value out of range")
        return due(each, today)

    monkeypatch.setattr(command, "due_follow_ups", failing)
    err = StringIO()

    with pytest.raises(CommandError) as failure:
        call_command(
            "send_follow_up_reminders", "--date", "2026-03-10", stdout=StringIO(), stderr=err
        )

    assert str(failure.value) == "Reminders failed for Albertslund (165)"
    assert "Follow-up reminders for Albertslund (165) failed: OverflowError" in err.getvalue()
    assert [m.envelope_recipients for m in smtp.messages] == [["bo@ballerup.example"]]
    assert FollowUpReminder.objects.get().recipient == bo


def test_an_owner_who_left_the_municipality_is_not_reminded(
    smtp, municipality, other_municipality, bo
):
    FollowUpFactory(visit__municipality=municipality, owner=bo, due_on=date(2026, 3, 12))

    send("2026-03-10")

    assert smtp.messages == []
