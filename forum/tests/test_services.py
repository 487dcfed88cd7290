from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from businesses import timeline
from businesses.tests.factories import CompanyFactory
from core.concurrency import ConcurrentEditError
from core.richtext import clean_html, summary
from core.tests.mail import body_of, subject_of
from forum import figures, services
from forum.enums import FollowUpKind, IdeaStage, MeetingState
from forum.models import FollowUp, Meeting
from forum.tests.factories import IdeaFactory, MeetingFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

HELD = date(2014, 10, 22)


@pytest.fixture
def meeting(forum):
    theme = IdeaFactory(
        municipality=forum.municipality, title="Nye muligheder med Letbanen", forum=forum
    )
    meeting = MeetingFactory(
        forum=forum,
        held_on=HELD,
        place="Rådhuset",
        minutes="<p>Letbanen giver <strong>nye</strong> muligheder.</p><ul><li>Stationer</li></ul>",
    )
    meeting.themes.add(theme)
    ParticipantFactory(meeting=meeting, attended=True, organisation="Lys A/S")
    ParticipantFactory(meeting=meeting, attended=True, organisation="Bryg ApS")
    ParticipantFactory(meeting=meeting, attended=False, email="")
    return meeting


def _close(meeting, user=None, today=date(2014, 10, 23)):
    return services.close_meeting(
        meeting=meeting, user=user, expected_version=meeting.version, today=today
    )


def test_close_meeting_creates_the_three_follow_ups_with_due_dates(meeting, staff):
    follow_ups = _close(meeting, staff)

    assert {(f.kind, f.due_on) for f in follow_ups} == {
        (FollowUpKind.COMMITTEE_BRIEFING, HELD + timedelta(days=28)),
        (FollowUpKind.PARTICIPANTS_MAIL, HELD + timedelta(days=7)),
        (FollowUpKind.WEBSITE_ARTICLE, HELD + timedelta(days=7)),
    }
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.HELD
    assert meeting.closed_by == staff


def test_close_meeting_prefills_drafts_from_the_meeting(meeting):
    follow_ups = {f.kind: f for f in _close(meeting)}

    briefing = follow_ups[FollowUpKind.COMMITTEE_BRIEFING]
    assert briefing.subject == (
        "Orientering: Strategisk Erhvervsforum 22. okt. 2014 – Nye muligheder med Letbanen"
    )
    assert briefing.body.startswith("Til Økonomiudvalget\n")
    assert "Deltagere: 2 fra 2 virksomheder og organisationer." in briefing.body
    assert "Letbanen giver nye muligheder.\nStationer" in briefing.body
    mail = follow_ups[FollowUpKind.PARTICIPANTS_MAIL]
    assert mail.subject == "Tak for deltagelsen i Strategisk Erhvervsforum den 22. okt. 2014"
    assert "Vi var 2 deltagere." in mail.body
    article = follow_ups[FollowUpKind.WEBSITE_ARTICLE]
    assert article.subject.startswith("Nye muligheder med Letbanen: Strategisk Erhvervsforum")
    assert "&amp;" not in article.body and "<strong>" not in article.body


def test_close_meeting_moves_its_themes_to_discussed(meeting):
    _close(meeting)

    theme = meeting.themes.get()
    assert theme.stage == IdeaStage.DISCUSSED
    assert [e.text for e in theme.events.all()] == [
        "Drøftet på mødet i Strategisk Erhvervsforum den 22. okt. 2014."
    ]


@pytest.mark.parametrize(
    ("held_on", "message"),
    [(None, "Angiv mødets dato"), (date(2014, 10, 24), "først afsluttes, når det er holdt")],
)
def test_close_meeting_is_refused_without_a_past_date(meeting, held_on, message):
    Meeting.objects.filter(pk=meeting.pk).update(held_on=held_on)
    meeting.refresh_from_db()

    with pytest.raises(ValidationError, match=message):
        _close(meeting)
    assert FollowUp.objects.count() == 0


def test_close_meeting_twice_is_refused(meeting):
    _close(meeting)
    meeting.refresh_from_db()

    with pytest.raises(ValidationError, match="allerede afsluttet"):
        _close(meeting)
    assert FollowUp.objects.count() == 3


def test_close_meeting_read_at_an_old_version_is_refused(meeting):
    services.record_attendance(meeting=meeting, attended_ids=[], expected_version=1)

    with pytest.raises(ConcurrentEditError):
        services.close_meeting(meeting=meeting, user=None, expected_version=1, today=HELD)
    assert FollowUp.objects.count() == 0


def test_complete_follow_up_records_who_and_when(meeting, staff):
    briefing = next(f for f in _close(meeting) if f.kind == FollowUpKind.COMMITTEE_BRIEFING)

    services.complete_follow_up(follow_up=briefing, user=staff, expected_version=1)

    briefing.refresh_from_db()
    assert briefing.done_by == staff
    assert briefing.done_at is not None
    with pytest.raises(ValidationError, match="allerede udført"):
        services.complete_follow_up(follow_up=briefing, user=staff, expected_version=2)


def test_send_participants_mail_sends_one_mail_to_each_participant(meeting, staff, smtp):
    mail = next(f for f in _close(meeting) if f.kind == FollowUpKind.PARTICIPANTS_MAIL)
    addresses = sorted(services.participant_addresses(meeting))

    sent = services.send_participants_mail(follow_up=mail, user=staff, expected_version=1)

    assert sent == 2
    assert sorted(m.envelope_recipients[0] for m in smtp.messages) == addresses
    assert {subject_of(m) for m in smtp.messages} == {mail.subject}
    assert "Vi var 2 deltagere." in body_of(smtp.messages[0])
    mail.refresh_from_db()
    assert (mail.sent_count, mail.done_by) == (2, staff)
    with pytest.raises(ValidationError, match="allerede sendt"):
        services.send_participants_mail(follow_up=mail, user=staff, expected_version=2)
    assert len(smtp.messages) == 2


def test_send_participants_mail_refused_by_the_server_records_nothing(meeting, staff, settings):
    mail = next(f for f in _close(meeting) if f.kind == FollowUpKind.PARTICIPANTS_MAIL)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9

    with pytest.raises(ValidationError, match="Mailserveren afviste"):
        services.send_participants_mail(follow_up=mail, user=staff, expected_version=1)

    mail.refresh_from_db()
    assert (mail.done_at, mail.version) == (None, 1)


def test_the_participants_mail_is_not_marked_done_without_sending(meeting, staff):
    mail = next(f for f in _close(meeting) if f.kind == FollowUpKind.PARTICIPANTS_MAIL)

    with pytest.raises(ValidationError, match="når den er sendt"):
        services.complete_follow_up(follow_up=mail, user=staff, expected_version=1)


def test_add_participant_links_the_company_by_cvr(meeting):
    company = CompanyFactory(cvr_number="29403473", name="Albertslund Lys A/S")

    participant = services.add_participant(
        meeting=meeting,
        values={"name": "Karin", "email": "Karin@Lys.example", "cvr_number": "29403473"},
    )

    assert (participant.company, participant.organisation) == (company, "Albertslund Lys A/S")
    assert participant.email == "karin@lys.example"


def test_a_meeting_shows_on_the_timeline_of_a_participating_company(meeting, municipality):
    company = CompanyFactory(cvr_number="29403473")
    services.add_participant(
        meeting=meeting, values={"name": "Karin", "cvr_number": "29403473", "attended": True}
    )

    entries = timeline.entries(company, municipality)

    assert [(e.on, e.kind, e.title) for e in entries] == [
        (HELD, "Strategisk Erhvervsforum", "Visioner for vækst (deltog)")
    ]


def test_minutes_are_stored_without_script(forum):
    meeting = services.save_meeting(
        forum=forum,
        values={
            "title": "Møde",
            "minutes": '<p onclick="x()">Hej <script>alert(1)</script>'
            '<a href="javascript:x">l</a></p>',
        },
        themes=[],
    )

    assert meeting.minutes == '<p>Hej <a rel="noopener noreferrer">l</a></p>'


def test_save_meeting_refuses_a_theme_not_accepted(forum):
    proposal = IdeaFactory(municipality=forum.municipality, status="proposed")

    with pytest.raises(ValidationError, match="godkendte temaer"):
        services.save_meeting(forum=forum, values={"title": "Møde"}, themes=[proposal])


def test_save_meeting_with_an_implausible_date_is_refused(forum):
    with pytest.raises(ValidationError) as error:
        services.save_meeting(forum=forum, values={"held_on": date(2200, 1, 1)}, themes=[])
    assert "held_on" in error.value.message_dict


def test_meetings_held_counts_closed_meetings_in_the_period(meeting, forum, municipality):
    _close(meeting)
    MeetingFactory(forum=forum, held_on=date(2014, 11, 1))  # held but not closed
    MeetingFactory(forum=forum, held_on=date(2015, 1, 20), state=MeetingState.HELD)

    assert figures.meetings_held(municipality, date(2014, 1, 1), date(2014, 12, 31)) == Decimal(1)
    assert figures.meetings_held(municipality, date(2014, 1, 1), date(2015, 12, 31)) == Decimal(2)


def test_the_meetings_held_figure_is_registered_for_goals():
    from strategy import sources

    assert sources.get("forum.meetings").measure is figures.meetings_held


def test_summary_keeps_paragraphs_and_cuts_long_text():
    assert summary("<h2>A</h2><p>b &amp; c</p>") == "A\nb & c"
    assert summary("<p>" + "ord " * 300 + "</p>", limit=20) == "ord ord ord ord ord …"


def test_sanitise_keeps_links_with_safe_schemes():
    assert clean_html('<a href="https://x.dk">x</a>') == (
        '<a href="https://x.dk" rel="noopener noreferrer">x</a>'
    )
