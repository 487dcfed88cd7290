"""The staff pages, as staff, a committee reader and staff of another municipality."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from actions.tests.factories import ActionPlanFactory, ActivityFactory
from forum.enums import FollowUpKind, IdeaStatus, MeetingState
from forum.models import FollowUp, Forum, Idea, Meeting
from forum.tests.factories import IdeaFactory, MeetingFactory, ParticipantFactory
from strategy.tests.factories import GoalFactory, PlanFactory

pytestmark = pytest.mark.django_db

BASE = "/k/165/erhvervsforum"


@pytest.fixture
def meeting(forum):
    return MeetingFactory(forum=forum, held_on=date(2014, 10, 22))


def test_staff_record_a_meeting_with_a_chosen_theme(client, staff, forum):
    theme = IdeaFactory(municipality=forum.municipality, title="Lysregionen")
    IdeaFactory(municipality=forum.municipality, title="Ikke godkendt", status="proposed")
    client.force_login(staff)

    form = client.get(f"{BASE}/moeder/ny/").content.decode()
    response = client.post(
        f"{BASE}/moeder/ny/",
        {
            "planned": "oktober 2014",
            "held_on": "2014-10-22",
            "title": "Lysregionen",
            "themes": [theme.pk],
            "agenda": "1. Velkomst",
            "minutes": "<p>Godt møde</p><script>x</script>",
        },
    )

    assert "Lysregionen" in form and "Ikke godkendt" not in form
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert (meeting.forum, list(meeting.themes.all()), meeting.minutes) == (
        forum,
        [theme],
        "<p>Godt møde</p>",
    )


def test_a_meeting_edit_read_at_an_old_version_is_refused(client, staff, meeting):
    client.force_login(staff)
    Meeting.objects.filter(pk=meeting.pk).update(version=2)

    response = client.post(
        f"{BASE}/moeder/{meeting.pk}/rediger/",
        {"title": "Mit navn", "held_on": "2014-10-22", "version": 1},
    )

    assert response.status_code == 409
    assert "ændret af en anden" in response.content.decode()
    assert 'value="Mit navn"' in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.title == "Visioner for vækst"


def test_a_bad_date_keeps_what_was_typed(client, staff, meeting):
    client.force_login(staff)

    response = client.post(
        f"{BASE}/moeder/{meeting.pk}/rediger/",
        {"title": "Nyt navn", "held_on": "2214-10-22", "version": 1},
    )

    assert response.status_code == 400
    assert 'value="Nyt navn"' in response.content.decode()


def test_staff_add_participants_record_attendance_and_close(client, staff, meeting):
    client.force_login(staff)
    client.post(
        f"{BASE}/moeder/{meeting.pk}/deltagere/",
        {"name": "Karin Jensen", "email": "karin@lys.example", "organisation": "Lys A/S"},
    )
    first = meeting.participants.get()
    client.post(f"{BASE}/moeder/{meeting.pk}/fremmoede/", {"attended": [first.pk], "version": 1})

    response = client.post(f"{BASE}/moeder/{meeting.pk}/afslut/", {"version": 2}, follow=True)

    first.refresh_from_db()
    meeting.refresh_from_db()
    assert first.attended is True
    assert meeting.state == MeetingState.HELD
    assert FollowUp.objects.filter(meeting=meeting).count() == 3
    assert "De tre opfølgninger er oprettet" in response.content.decode()


def test_a_participant_with_a_wrong_cvr_number_is_refused(client, staff, meeting):
    client.force_login(staff)

    response = client.post(
        f"{BASE}/moeder/{meeting.pk}/deltagere/", {"name": "Karin", "cvr_number": "12345678"}
    )

    assert response.status_code == 400
    assert meeting.participants.count() == 0


def test_closing_a_meeting_without_a_date_shows_why(client, staff, forum):
    meeting = MeetingFactory(forum=forum)
    client.force_login(staff)

    response = client.post(f"{BASE}/moeder/{meeting.pk}/afslut/", {"version": 1})

    assert response.status_code == 400
    assert "Angiv mødets dato" in response.content.decode()


def test_overdue_follow_ups_are_marked_on_the_forum_page(client, staff, meeting):
    today = timezone.localdate()
    FollowUp.objects.create(
        meeting=meeting,
        kind=FollowUpKind.WEBSITE_ARTICLE,
        due_on=today - timedelta(days=1),
        subject="Artikel",
        body="Tekst",
    )
    client.force_login(staff)

    page = client.get(f"{BASE}/").content.decode()

    assert "overskredet" in page


def test_staff_edit_and_complete_a_follow_up(client, staff, meeting):
    follow_up = FollowUp.objects.create(
        meeting=meeting,
        kind=FollowUpKind.COMMITTEE_BRIEFING,
        due_on=date(2014, 11, 19),
        subject="Orientering",
        body="Udkast",
    )
    client.force_login(staff)
    url = f"{BASE}/opfoelgning/{follow_up.pk}"

    client.post(
        f"{url}/rediger/",
        {"due_on": "2014-11-20", "subject": "Orientering", "body": "Rettet", "version": 1},
    )
    client.post(f"{url}/udfoert/", {"version": 2})

    follow_up.refresh_from_db()
    assert (follow_up.body, follow_up.due_on, follow_up.done_by) == (
        "Rettet",
        date(2014, 11, 20),
        staff,
    )
    assert "Rettet" in client.get(f"{url}/").content.decode()


def test_staff_accept_a_proposal(client, staff, forum):
    idea = IdeaFactory(municipality=forum.municipality, status=IdeaStatus.PROPOSED)
    client.force_login(staff)

    client.post(f"{BASE}/ideer/{idea.pk}/vurdering/", {"status": "accepted", "version": 1})

    idea.refresh_from_db()
    assert idea.status == IdeaStatus.ACCEPTED


def test_staff_create_the_forum_when_there_is_none(client, staff):
    client.force_login(staff)

    client.post(
        f"{BASE}/kommissorium/",
        {"name": "Strategisk Erhvervsforum", "chair": "Borgmesteren", "is_open_to_all": "on"},
    )

    assert Forum.objects.get().chair == "Borgmesteren"


def test_a_committee_reader_reads_but_cannot_change(client, committee_reader, meeting):
    client.force_login(committee_reader)

    assert client.get(f"{BASE}/moeder/{meeting.pk}/").status_code == 200
    assert client.post(f"{BASE}/moeder/{meeting.pk}/afslut/", {"version": 1}).status_code == 403
    assert client.get(f"{BASE}/moeder/ny/").status_code == 403


def test_an_outsider_finds_nothing(client, outsider, meeting):
    client.force_login(outsider)

    assert client.get(f"{BASE}/moeder/{meeting.pk}/").status_code == 404
    assert client.get("/k/151/erhvervsforum/").status_code == 200
    assert client.get(f"/k/151/erhvervsforum/moeder/{meeting.pk}/").status_code == 404


def test_the_forum_page_reads_a_bounded_number_of_queries(
    client, staff, forum, django_assert_max_num_queries
):
    for n in range(3):
        meeting = MeetingFactory(forum=forum, held_on=date(2014, 10, 1 + n))
        meeting.themes.add(IdeaFactory(municipality=forum.municipality))
        ParticipantFactory(meeting=meeting)
    client.force_login(staff)

    with django_assert_max_num_queries(12):
        response = client.get(f"{BASE}/")

    assert response.status_code == 200
    assert Idea.objects.count() == 3


def test_staff_link_a_theme_to_its_decision_activity_and_goal(client, staff, forum):
    idea = IdeaFactory(municipality=forum.municipality, title="Letbanen")
    activity = ActivityFactory(plan=ActionPlanFactory(municipality=forum.municipality))
    goal = GoalFactory(plan=PlanFactory(municipality=forum.municipality))
    client.force_login(staff)
    url = f"{BASE}/ideer/{idea.pk}"

    client.post(
        f"{url}/beslutning/",
        {"text": "Erhvervsbus", "decided_on": "2015-03-02", "body": "Økonomiudvalget"},
    )
    client.post(f"{url}/kobling/", {"activity": activity.pk, "goal": goal.pk})
    client.post(f"{url}/trin/", {"stage": "done", "version": idea.version + 2})

    idea.refresh_from_db()
    assert (idea.stage, list(idea.activities.all()), list(idea.goals.all())) == (
        "done",
        [activity],
        [goal],
    )
    assert [e.text for e in idea.events.all()] == [
        "Økonomiudvalget besluttede den 2. mar. 2015: Erhvervsbus",
        f"Føres ud i livet af aktiviteten: {activity.title}",
        f"Tjener målet: {goal.title}",
        "Status: Gennemført",
    ]


def test_a_link_to_another_municipalitys_activity_is_refused(
    client, staff, forum, other_municipality
):
    idea = IdeaFactory(municipality=forum.municipality)
    foreign = ActivityFactory(plan=ActionPlanFactory(municipality=other_municipality))
    client.force_login(staff)

    response = client.post(f"{BASE}/ideer/{idea.pk}/kobling/", {"activity": foreign.pk})

    assert response.status_code == 400
    assert idea.activities.count() == 0


def test_staff_remove_a_participant_added_by_mistake(client, staff, meeting):
    mistake = ParticipantFactory(meeting=meeting, name="Forkert Person")
    kept = ParticipantFactory(meeting=meeting)
    client.force_login(staff)

    client.post(
        f"{BASE}/moeder/{meeting.pk}/deltagere/fjern/",
        {"participant": mistake.pk, "version": 1, "attended": [kept.pk]},
    )
    stale = client.post(
        f"{BASE}/moeder/{meeting.pk}/deltagere/fjern/", {"participant": kept.pk, "version": 1}
    )

    assert list(meeting.participants.all()) == [kept]
    assert stale.status_code == 409
