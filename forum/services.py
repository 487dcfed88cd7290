"""The forum's business rules: the only path each change takes (forms, admin and demo alike).

Every function takes keyword arguments, owns its transaction, checks the row with `full_clean`
and, where a page was read at a version, claims the next one (`core.concurrency`), so the second
of two simultaneous edits is refused with a message and nothing is overwritten.

Follow-ups (`close_meeting`): the terms of reference say each meeting "følges op med en skriftlig
orientering til Økonomiudvalget, en mail til deltagerne og en artikel på Albertslund Kommunes
erhvervshjemmeside", but name no deadline. Kurs gives each a due date counted from the meeting
day, `FOLLOW_UP_DAYS`: the participants' mail and the article within a week, while the meeting
is fresh, and the committee briefing within four weeks, in time for a committee meeting (they
are monthly). A municipality that agrees other deadlines changes the due date of each.

"You said, we did": steps of an idea's chain are logged as `IdeaEvent`s and its confirmed
followers are mailed by a job on the queue, queued when the transaction commits (a slow mail
server does not hold up the staff member's page). Only what the public may see makes a step:
a link to an activity or goal of a plan that is not adopted is kept but makes no step (the public
page shows the link once its plan is adopted).
"""

from __future__ import annotations

import smtplib
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_q.tasks import async_task

from businesses.models import Company
from core.concurrency import claim_next_version
from core.idempotency import save_once
from core.locale import format_date
from core.richtext import summary
from forum import mail
from forum.enums import FollowUpKind, IdeaStage, IdeaStatus, MeetingState
from forum.models import Decision, Follower, FollowUp, Forum, Idea, IdeaEvent, Meeting, Participant

FOLLOW_UP_DAYS = {
    FollowUpKind.COMMITTEE_BRIEFING: 28,
    FollowUpKind.PARTICIPANTS_MAIL: 7,
    FollowUpKind.WEBSITE_ARTICLE: 7,
}
# A confirm link is mailed again to the same address at most once an hour.
CONFIRM_INTERVAL = timedelta(hours=1)

CHANGED = _("Mødet er ændret af en anden, efter du åbnede siden. Se den nye udgave og prøv igen.")


def _changed(what: str) -> str:
    return _("%(what)s er ændret af en anden, efter du åbnede siden. Prøv igen.") % {"what": what}


# The forum and its meetings


def save_forum(*, forum: Forum, values: dict, expected_version=None) -> Forum:
    """Create the forum, or change its terms of reference (read at `expected_version`)."""
    for name, value in values.items():
        setattr(forum, name, value)
    forum.full_clean()
    with transaction.atomic():
        if forum.pk:
            claim_next_version(
                forum, expected_version=expected_version, message=_changed(_("Forummet"))
            )
        forum.save()
    return forum


def save_meeting(
    *, forum: Forum, values: dict, themes, meeting: Meeting | None = None, expected_version=None
) -> Meeting:
    """Create a meeting of `forum`, or change `meeting` (read at `expected_version`).

    Themes must be the municipality's accepted ideas; minutes are sanitised by the model."""
    meeting = meeting or Meeting(forum=forum)
    for name, value in values.items():
        setattr(meeting, name, value)
    themes = list(themes)
    if any(idea.municipality_id != forum.municipality_id or not idea.is_public for idea in themes):
        raise ValidationError({"themes": _("Vælg blandt de godkendte temaer.")})
    meeting.full_clean()
    if meeting.is_held and not meeting.held_on:
        raise ValidationError({"held_on": _("Et afholdt møde skal have en dato.")})
    with transaction.atomic():
        if meeting.pk:
            claim_next_version(meeting, expected_version=expected_version, message=CHANGED)
        meeting.save()
        meeting.themes.set(themes)
    return meeting


def add_participant(*, meeting: Meeting, values: dict) -> Participant:
    """Add a participant; one naming a CVR number is linked to the firm the register (or the
    municipality's own list) knows by it, so the meeting shows on the company's timeline."""
    participant = Participant(meeting=meeting, **values)
    participant.email = participant.email.strip().lower()
    if participant.cvr_number:
        participant.company = (
            Company.objects.visible_to(meeting.forum.municipality)
            .filter(cvr_number=participant.cvr_number)
            .first()
        )
        if participant.company and not participant.organisation:
            participant.organisation = participant.company.name
    participant.full_clean()
    with transaction.atomic():
        participant.save()
    return participant


def remove_participant(*, meeting: Meeting, participant_id: int, expected_version: int) -> None:
    """Remove a participant added by mistake (their name and address go with the row)."""
    with transaction.atomic():
        claim_next_version(meeting, expected_version=expected_version, message=CHANGED)
        deleted, _counts = meeting.participants.filter(pk=participant_id).delete()
        if not deleted:
            raise ValidationError(_("Deltageren findes ikke på mødet."))


def record_attendance(*, meeting: Meeting, attended_ids, expected_version: int) -> int:
    """Mark who came (the ids given) and who did not (the meeting's other participants)."""
    attended_ids = set(attended_ids)
    with transaction.atomic():
        claim_next_version(meeting, expected_version=expected_version, message=CHANGED)
        participants = meeting.participants.all()
        came = participants.filter(pk__in=attended_ids).update(attended=True)
        participants.exclude(pk__in=attended_ids).update(attended=False)
    return came


def close_meeting(*, meeting: Meeting, user, expected_version: int, today=None) -> list[FollowUp]:
    """Record `meeting` as held and create its three follow-ups, due `FOLLOW_UP_DAYS` after the
    meeting day, each with a draft written from the meeting (theme, date, how many took part, a
    summary of the minutes). Its themes move to "drøftet" (a step their followers hear of).

    Refused for a meeting without a date, a date still to come, or one already closed."""
    today = today or timezone.localdate()
    if meeting.is_held:
        raise ValidationError(_("Mødet er allerede afsluttet."))
    if meeting.held_on is None:
        raise ValidationError({"held_on": _("Angiv mødets dato, før det afsluttes.")})
    if meeting.held_on > today:
        raise ValidationError({"held_on": _("Mødet kan først afsluttes, når det er holdt.")})
    with transaction.atomic():
        claim_next_version(meeting, expected_version=expected_version, message=CHANGED)
        meeting.state = MeetingState.HELD
        meeting.closed_at = timezone.now()
        meeting.closed_by = user
        meeting.save(update_fields=["state", "closed_at", "closed_by"])
        context = _draft_context(meeting)
        follow_ups = []
        for kind in FollowUpKind:
            subject, body = _draft(kind, context)
            follow_up = FollowUp(
                meeting=meeting,
                kind=kind,
                due_on=meeting.held_on + timedelta(days=FOLLOW_UP_DAYS[kind]),
                subject=subject[:500],
                body=body,
            )
            follow_up.full_clean()
            follow_up.save()
            follow_ups.append(follow_up)
        for idea in meeting.themes.filter(stage=IdeaStage.RAISED):
            _move(idea, IdeaStage.DISCUSSED)
            _step(
                idea,
                _("Drøftet på mødet i %(forum)s den %(day)s.")
                % {"forum": meeting.forum.name, "day": _day(meeting.held_on)},
            )
    return follow_ups


def _day(value) -> str:
    # Drafts and steps are stored texts in Danish, whoever's screen made them.
    return format_date(value, "da")


def _draft_context(meeting: Meeting) -> dict:
    participants = list(meeting.participants.all())
    attended = [p for p in participants if p.attended]
    return {
        "meeting": meeting,
        "forum": meeting.forum,
        "themes": [idea.title for idea in meeting.themes.all()],
        "day": _day(meeting.held_on),
        "participant_count": len(attended) or len(participants),
        "company_count": len(
            {p.organisation for p in (attended or participants) if p.organisation}
        ),
        "minutes": summary(meeting.minutes),
    }


def _draft(kind: str, context: dict) -> tuple[str, str]:
    """The subject and text of a follow-up, from `templates/forum/drafts/<kind>`, in Danish."""
    with translation.override("da"):
        subject = render_to_string(f"forum/drafts/{kind}-subject.txt", context)
        body = render_to_string(f"forum/drafts/{kind}.txt", context)
    return " ".join(subject.split()), body.strip() + "\n"


def save_follow_up(*, follow_up: FollowUp, values: dict, expected_version: int) -> FollowUp:
    """Change a follow-up's draft or due date."""
    for name, value in values.items():
        setattr(follow_up, name, value)
    follow_up.full_clean()
    with transaction.atomic():
        claim_next_version(
            follow_up, expected_version=expected_version, message=_changed(_("Opfølgningen"))
        )
        follow_up.save()
    return follow_up


def complete_follow_up(*, follow_up: FollowUp, user, expected_version: int) -> FollowUp:
    """Mark a follow-up done now, by `user`. The participants' mail is done by sending it."""
    if follow_up.is_done:
        raise ValidationError(_("Opfølgningen er allerede udført."))
    if follow_up.kind == FollowUpKind.PARTICIPANTS_MAIL:
        raise ValidationError(_("Mailen til deltagerne er udført, når den er sendt."))
    with transaction.atomic():
        claim_next_version(
            follow_up, expected_version=expected_version, message=_changed(_("Opfølgningen"))
        )
        follow_up.done_at = timezone.now()
        follow_up.done_by = user
        follow_up.save(update_fields=["done_at", "done_by"])
    return follow_up


def participant_addresses(meeting: Meeting) -> list[str]:
    """Every participant's address once, in the order they were added."""
    seen = []
    for email in (
        meeting.participants.exclude(email="").order_by("pk").values_list("email", flat=True)
    ):
        if email.lower() not in seen:
            seen.append(email.lower())
    return seen


def send_participants_mail(*, follow_up: FollowUp, user, expected_version: int) -> int:
    """Send the participants' mail through SMTP, to each participant with an address, and mark
    it done. The version is claimed first, so two clicks send it once; if the SMTP server refuses,
    nothing is recorded and the mail can be sent again. Returns how many were sent."""
    if follow_up.kind != FollowUpKind.PARTICIPANTS_MAIL:
        raise ValidationError(_("Kun mailen til deltagerne kan sendes herfra."))
    if follow_up.is_done:
        raise ValidationError(_("Mailen er allerede sendt."))
    recipients = participant_addresses(follow_up.meeting)
    if not recipients:
        raise ValidationError(_("Ingen deltagere har en e-mailadresse."))
    with transaction.atomic():
        claim_next_version(
            follow_up, expected_version=expected_version, message=_changed(_("Opfølgningen"))
        )
        try:
            sent = mail.send_participants_mail(follow_up, recipients)
        except (smtplib.SMTPException, OSError) as error:  # a refused connection too
            raise ValidationError(
                _("Mailserveren afviste mailen (%(error)s). Intet er sendt; prøv igen.")
                % {"error": type(error).__name__}
            ) from error
        follow_up.done_at = timezone.now()
        follow_up.done_by = user
        follow_up.sent_count = sent
        follow_up.save(update_fields=["done_at", "done_by", "sent_count"])
    return sent


# Ideas and themes


def propose_idea(*, municipality, forum: Forum | None, values: dict, submission_token=None):
    """Store a theme proposed on the public page; it waits for staff (not public until accepted).
    Returns (the idea, whether this call stored it): a double post stores one."""
    idea = Idea(municipality=municipality, forum=forum, status=IdeaStatus.PROPOSED, **values)
    idea.proposer_email = idea.proposer_email.strip().lower()
    idea.full_clean(exclude=["submission_token"])
    with transaction.atomic():
        return save_once(idea, token=submission_token)


def create_idea(*, municipality, values: dict, status=IdeaStatus.ACCEPTED) -> Idea:
    """An idea staff record themselves (or another app, e.g. from an event)."""
    idea = Idea(municipality=municipality, status=status, **values)
    idea.full_clean()
    with transaction.atomic():
        idea.save()
    return idea


def review_idea(*, idea: Idea, status: str, expected_version: int) -> Idea:
    """Accept or reject a proposal; an accepted one is public and can be picked for a meeting."""
    idea.status = status
    idea.full_clean()
    with transaction.atomic():
        claim_next_version(idea, expected_version=expected_version, message=_changed(_("Idéen")))
        idea.save(update_fields=["status"])
    return idea


def _move(idea: Idea, stage: str) -> None:
    Idea.objects.filter(pk=idea.pk).update(stage=stage, version=idea.version + 1)
    idea.stage, idea.version = stage, idea.version + 1


def _step(idea: Idea, text: str) -> IdeaEvent:
    """Log a step of the chain and, once committed, tell the followers."""
    event = IdeaEvent.objects.create(idea=idea, text=text[:500])
    if idea.is_public:
        transaction.on_commit(
            lambda: async_task(
                "forum.mail.notify_followers", event.pk, task_name=f"forum-notice-{event.pk}"
            )
        )
    return event


def add_decision(*, idea: Idea, values: dict) -> Decision:
    """Record the decision an idea led to; the idea moves to "besluttet" unless further on."""
    decision = Decision(idea=idea, **values)
    decision.full_clean()
    with transaction.atomic():
        decision.save()
        if idea.stage in (IdeaStage.RAISED, IdeaStage.DISCUSSED):
            _move(idea, IdeaStage.DECIDED)
        _step(
            idea,
            _("%(body)s besluttede den %(day)s: %(text)s")
            % {"body": decision.body, "day": _day(decision.decided_on), "text": decision.text},
        )
    return decision


def link_idea(*, idea: Idea, activity=None, goal=None) -> None:
    """Link the activity that carries the idea out, or the goal it serves (the municipality's
    own). A link to a plan that is adopted is a public step; one to a draft is not announced."""
    with transaction.atomic():
        if activity is not None:
            if activity.plan.municipality_id != idea.municipality_id:
                raise ValidationError({"activity": _("Vælg en af kommunens aktiviteter.")})
            idea.activities.add(activity)
            if activity.plan.is_public:
                if idea.stage in (IdeaStage.RAISED, IdeaStage.DISCUSSED, IdeaStage.DECIDED):
                    _move(idea, IdeaStage.IN_PROGRESS)
                _step(idea, _("Føres ud i livet af aktiviteten: %(title)s") % {"title": activity})
        if goal is not None:
            if goal.plan.municipality_id != idea.municipality_id:
                raise ValidationError({"goal": _("Vælg et af kommunens mål.")})
            idea.goals.add(goal)
            if goal.plan.is_public:
                _step(idea, _("Tjener målet: %(title)s") % {"title": goal})


def set_stage(*, idea: Idea, stage: str, expected_version: int) -> Idea:
    """Move the idea to `stage` (e.g. "gennemført"), a step its followers hear of."""
    if stage not in IdeaStage.values:
        raise ValidationError({"stage": _("Vælg et af trinene.")})
    with transaction.atomic():
        claim_next_version(idea, expected_version=expected_version, message=_changed(_("Idéen")))
        Idea.objects.filter(pk=idea.pk).update(stage=stage)
        idea.stage = stage
        _step(idea, _("Status: %(stage)s") % {"stage": idea.get_stage_display()})
    return idea


# Following an idea


def follow_idea(*, idea: Idea, email: str, now=None) -> Follower:
    """Ask to follow a public idea: the address gets a confirm link (at most once per
    `CONFIRM_INTERVAL`) and is followed only once it is clicked. Whether the address already
    followed is not told (the answer is the same), so the form reveals no one's address."""
    now = now or timezone.now()
    if not idea.is_public:
        raise ValidationError({"idea": _("Idéen findes ikke.")})
    follower = Follower(idea=idea, email=email.strip().lower())
    follower.full_clean(exclude=["idea"], validate_unique=False)
    with transaction.atomic():
        follower, _created = Follower.objects.select_for_update().get_or_create(
            idea=idea, email=follower.email
        )
        if follower.confirmed_at is not None:
            return follower
        if follower.confirmation_sent_at and now - follower.confirmation_sent_at < CONFIRM_INTERVAL:
            return follower
        follower.confirmation_sent_at = now
        follower.save(update_fields=["confirmation_sent_at"])
        follower.idea = idea
        transaction.on_commit(lambda: mail.send_confirmation(follower))
    return follower


def confirm_follower(*, follower_id: int, now=None) -> Follower | None:
    """Confirm the follower a valid link names; None when it no longer exists."""
    follower = Follower.objects.select_related("idea__municipality").filter(pk=follower_id).first()
    if follower is None:
        return None
    if follower.confirmed_at is None:
        follower.confirmed_at = now or timezone.now()
        follower.save(update_fields=["confirmed_at"])
    return follower


def unfollow(*, municipality, follower_id: int) -> bool:
    """Stop following at once: the row and the address are deleted."""
    deleted, _counts = (
        Follower.objects.of_municipality(municipality).filter(pk=follower_id).delete()
    )
    return bool(deleted)
