"""Two staff members closing the same meeting, or sending the same participants' mail, at the
same moment (on PostgreSQL: two real concurrent transactions): one wins, the other is told."""

import threading
from datetime import date

import pytest
from django.db import connection

from core.concurrency import ConcurrentEditError
from forum import services
from forum.enums import FollowUpKind
from forum.models import FollowUp, Meeting
from forum.tests.factories import MeetingFactory, ParticipantFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _both_at_once(work):
    if connection.vendor != "postgresql":
        pytest.skip("needs two concurrent writers: run with DATABASE_URL=postgres://… (CI does)")
    start = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            start.wait(timeout=10)
            results.append(work())
        except ConcurrentEditError as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors


def test_two_closings_at_once_make_one_set_of_follow_ups(forum, staff):
    meeting = MeetingFactory(forum=forum, held_on=date(2014, 10, 22))

    results, errors = _both_at_once(
        lambda: services.close_meeting(
            meeting=Meeting.objects.get(pk=meeting.pk),
            user=staff,
            expected_version=1,
            today=date(2014, 10, 23),
        )
    )

    assert (len(results), len(errors)) == (1, 1)
    assert FollowUp.objects.filter(meeting=meeting).count() == 3


def test_two_sends_at_once_mail_each_participant_once(forum, staff, smtp):
    meeting = MeetingFactory(forum=forum, held_on=date(2014, 10, 22))
    ParticipantFactory(meeting=meeting)
    ParticipantFactory(meeting=meeting)
    services.close_meeting(meeting=meeting, user=staff, expected_version=1, today=date(2014, 11, 1))
    mail = FollowUp.objects.get(meeting=meeting, kind=FollowUpKind.PARTICIPANTS_MAIL)

    results, errors = _both_at_once(
        lambda: services.send_participants_mail(
            follow_up=FollowUp.objects.select_related("meeting").get(pk=mail.pk),
            user=staff,
            expected_version=1,
        )
    )

    assert (results, len(errors)) == ([2], 1)
    assert len(smtp.messages) == 2
