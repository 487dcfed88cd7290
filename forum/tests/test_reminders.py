from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from core.tests.mail import body_of, subject_of
from forum import services
from forum.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(forum, staff):
    staff.email = "lars@albertslund.example"
    staff.save()
    meeting = MeetingFactory(forum=forum, held_on=date(2014, 10, 22))
    return services.close_meeting(
        meeting=meeting, user=staff, expected_version=1, today=date(2014, 10, 22)
    )


def _run(on_date):
    out = StringIO()
    call_command("send_forum_reminders", "--date", on_date, stdout=out)
    return out.getvalue()


def test_the_closer_is_reminded_of_follow_ups_due_soon_once(closed, smtp):
    # Due 29 Oct (mail, article) and 19 Nov (briefing): on 26 Oct the first two are due soon.
    assert "sent 1" in _run("2014-10-26")
    assert "sent 0" in _run("2014-10-27")

    (message,) = smtp.messages
    assert message.envelope_recipients == ["lars@albertslund.example"]
    assert subject_of(message) == "Opfølgning på erhvervsforum: 2 med frist"
    assert "Mail til deltagerne efter mødet Visioner for vækst: frist 29. okt. 2014" in body_of(
        message
    )


def test_an_overdue_follow_up_is_marked_and_one_done_is_not_reminded(closed, staff, smtp):
    article = next(f for f in closed if f.kind == "website_article")
    services.complete_follow_up(follow_up=article, user=staff, expected_version=1)

    _run("2014-11-30")

    body = body_of(smtp.messages[0])
    assert "(overskredet)" in body
    assert "Artikel" not in body
