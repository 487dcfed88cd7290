"""The warnings job (`send_inquiry_warnings`) through a real SMTP server: each threshold once, to
the owner and the team lead, only in the team's working hours, and the stored clock refreshed."""

from io import StringIO

import pytest
from django.core.management import call_command

from core.tests.factories import MembershipFactory
from core.tests.mail import body_of, subject_of
from inquiries import services
from inquiries.enums import Action
from inquiries.models import Inquiry, InquiryWarning
from inquiries.tests.conftest import at, receive

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(municipality):
    return MembershipFactory(
        municipality=municipality,
        user__username="ole",
        user__first_name="Ole",
        user__last_name="Olsen",
        user__email="ole@albertslund.example",
    ).user


@pytest.fixture
def taken(municipality, topic, owner):
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))  # Monday; 8 working hours
    return services.change_state(
        inquiry=inquiry,
        user=owner,
        expected_version=1,
        action=Action.TAKEN,
        now=at(2026, 1, 5, 9, 30),
    )


def run(time_machine, when) -> str:
    time_machine.move_to(when, tick=False)
    out = StringIO()
    call_command("send_inquiry_warnings", stdout=out, stderr=StringIO())
    return out.getvalue()


def test_half_the_time_used_warns_owner_and_lead_once(smtp, time_machine, taken):
    run(time_machine, at(2026, 1, 5, 13))
    run(time_machine, at(2026, 1, 5, 13, 30))
    assert sorted(m.envelope_recipients[0] for m in smtp.messages) == [
        "lene@albertslund.example",
        "ole@albertslund.example",
    ]
    (to_owner,) = smtp.to("ole@albertslund.example")
    assert subject_of(to_owner) == (
        f"Servicemål: 50 % af tiden til første svar er brugt ({taken.reference})"
    )
    body = body_of(to_owner)
    assert "Kære Ole" in body
    assert "har brugt 50 % af tiden til første svar." in body
    assert "Frist: 6. jan. 2026 09:00" in body
    assert "Tid: 4 arbejdstimer tilbage" in body
    assert f"https://kurs.example/k/165/henvendelser/{taken.pk}/" in body


def test_thresholds_passed_together_are_one_email_about_the_highest(smtp, time_machine, taken):
    run(time_machine, at(2026, 1, 6, 9))
    (to_owner,) = smtp.to("ole@albertslund.example")
    assert subject_of(to_owner).startswith("Servicemål: 100 % af tiden til første svar")
    assert sorted(
        InquiryWarning.objects.filter(recipient__username="ole").values_list("threshold", flat=True)
    ) == [50, 80, 100]


def test_no_warning_outside_working_hours_then_the_next_working_morning(
    smtp, time_machine, municipality, topic
):
    receive(municipality, topic, at(2026, 1, 9, 8))  # Friday, due at 14:00 and Monday 10:00
    run(time_machine, at(2026, 1, 10, 12))  # Saturday: 6 of 8 hours (75 %) used, but closed
    assert smtp.messages == []
    run(time_machine, at(2026, 1, 12, 8, 30))  # Monday morning: 81 %
    assert [subject_of(m)[:31] for m in smtp.messages] == ["Servicemål: 80 % af tiden til f"]


def test_a_refused_email_is_not_claimed_and_retried_next_run(smtp, time_machine, taken, settings):
    settings.EMAIL_PORT = 1  # nothing listens there
    time_machine.move_to(at(2026, 1, 5, 13), tick=False)
    with pytest.raises(Exception, match="could not be sent"):
        call_command("send_inquiry_warnings", stdout=StringIO(), stderr=StringIO())
    assert InquiryWarning.objects.count() == 0


def test_the_job_stores_the_clock_recomputed_from_the_log(smtp, time_machine, taken):
    Inquiry.objects.filter(pk=taken.pk).update(due_at=None, resolution_due_at=None)
    run(time_machine, at(2026, 1, 5, 13))
    taken.refresh_from_db()
    assert (taken.due_at, taken.resolution_due_at) == (at(2026, 1, 6, 9), at(2026, 1, 25, 9))


def test_dry_run_sends_and_claims_nothing(smtp, time_machine, taken):
    time_machine.move_to(at(2026, 1, 5, 13), tick=False)
    out = StringIO()
    call_command("send_inquiry_warnings", "--dry-run", stdout=out)
    assert "ole@albertslund.example: Servicemål: 50 %" in out.getvalue()
    assert (smtp.messages, InquiryWarning.objects.count()) == ([], 0)
