"""The Strategic Business Forum (Strategisk Erhvervsforum) and "you said, we did".

- `Forum` is the forum as its terms of reference (kommissorium) set it up: purpose, who may take
  part, who chairs it, which committee it reports to, who serves it.
- `Meeting` is one meeting: when (as the plan writes it, e.g. "oktober 2014", and the date once
  fixed), its theme(s), agenda, participants with attendance, and minutes (safe rich text).
  Closing a held meeting (`services.close_meeting`) creates its three `FollowUp`s.
- `FollowUp` is one of the three follow-ups the terms of reference require after every meeting:
  a written briefing to the committee, a mail to the participants, an article for the business
  website; each with a due date and a draft prefilled from the meeting, tracked until done.
- `Idea` is something raised by the business community: a theme proposed for the forum, or an
  idea from an event (other apps link to it). It is public once staff accept it. Its chain is
  what came of it: `Decision`s, the activities that carry it out and the goals it serves;
  each step is logged as an `IdeaEvent`, which the `Follower`s of the idea are mailed about.
- `Participant` and `Follower` hold personal data (names, e-mail addresses): see
  `forum/personal_data.py` for export and erasure.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from actions.models import Activity
from businesses.models import Company
from core.bounds import LongTextField, validate_plausible_date
from core.models import Municipality, ScopedQuerySet
from core.richtext import clean_html
from forum.enums import FollowUpKind, IdeaKind, IdeaStage, IdeaStatus, MeetingState
from strategy.models import Goal

LINE = 200
TITLE = 500


class Forum(models.Model):
    """A business forum and its terms of reference (kommissorium)."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    name = models.CharField(_("navn"), max_length=LINE)
    adopted_on = models.DateField(
        _("kommissorium dateret"), null=True, blank=True, validators=[validate_plausible_date]
    )
    purpose = LongTextField(_("formål og opgaver"), blank=True)
    membership = LongTextField(
        _("organisation og sammensætning"),
        blank=True,
        help_text=_("Hvem der kan deltage, fx at møderne er åbne for alle virksomheder."),
    )
    is_open_to_all = models.BooleanField(_("åbent for alle virksomheder"), default=True)
    chair = models.CharField(_("formand og vært"), max_length=LINE, blank=True)
    reports_to = models.CharField(_("refererer til"), max_length=LINE, blank=True)
    responsible = models.CharField(_("organisatorisk ansvarlig"), max_length=LINE, blank=True)
    secretariat = models.CharField(_("sekretariat"), max_length=LINE, blank=True)
    decides_nothing = models.BooleanField(
        _("træffer ikke politiske beslutninger"),
        default=True,
        help_text=_("Det er de politiske udvalg, der afgør konkrete sager."),
    )
    action_plan = LongTextField(_("handleplan"), blank=True)
    source = models.CharField(_("kilde"), max_length=TITLE, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("erhvervsforum")
        verbose_name_plural = _("erhvervsfora")
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"],
                name="forum_name_once",
                violation_error_message=_("Kommunen har allerede et forum med det navn."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Idea(models.Model):
    """A theme proposed for the forum, or an idea raised elsewhere (an event): public once
    accepted, and linked to what came of it."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    forum = models.ForeignKey(
        Forum,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("forum"),
    )
    kind = models.CharField(
        _("slags"), max_length=20, choices=IdeaKind.choices, default=IdeaKind.FORUM_THEME
    )
    title = models.CharField(_("titel"), max_length=TITLE)
    description = LongTextField(_("beskrivelse"), blank=True)
    # Where the idea was raised, as people would say it ("Kommissoriet, 16. sep. 2014", an event).
    raised_at = models.CharField(_("rejst ved"), max_length=TITLE, blank=True)
    status = models.CharField(
        _("vurdering"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.PROPOSED
    )
    stage = models.CharField(
        _("hvor langt"), max_length=20, choices=IdeaStage.choices, default=IdeaStage.RAISED
    )
    # Who proposed it: personal data, never shown on a public page.
    proposer_name = models.CharField(_("foreslået af"), max_length=LINE, blank=True)
    proposer_email = models.EmailField(_("forslagsstillers e-mail"), blank=True)
    proposer_company = models.CharField(
        _("forslagsstillers virksomhed"), max_length=LINE, blank=True
    )
    activities = models.ManyToManyField(
        Activity, blank=True, related_name="+", verbose_name=_("aktiviteter, der fører det ud")
    )
    goals = models.ManyToManyField(
        Goal, blank=True, related_name="+", verbose_name=_("mål, det tjener")
    )
    created_at = models.DateTimeField(_("modtaget"), auto_now_add=True)
    submission_token = models.UUIDField(
        _("indsendelse"), null=True, blank=True, unique=True, editable=False
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("idé eller tema")
        verbose_name_plural = _("idéer og temaer")
        ordering = ["municipality", "-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status == IdeaStatus.ACCEPTED


class Meeting(models.Model):
    """One meeting of a forum: when, what about, who came, and what was said."""

    municipality_path = "forum__municipality"

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("forum")
    )
    planned = models.CharField(
        _("planlagt til"),
        max_length=100,
        blank=True,
        help_text=_("Som handleplanen skriver det, fx 'oktober 2014'."),
    )
    held_on = models.DateField(
        _("dato"), null=True, blank=True, validators=[validate_plausible_date]
    )
    title = models.CharField(_("overskrift"), max_length=TITLE, blank=True)
    themes = models.ManyToManyField(
        Idea, blank=True, related_name="meetings", verbose_name=_("temaer")
    )
    place = models.CharField(_("sted"), max_length=LINE, blank=True)
    agenda = LongTextField(_("dagsorden"), blank=True)
    minutes = LongTextField(
        _("referat"),
        blank=True,
        help_text=_("Tilladt: afsnit, overskrifter, lister, fed, kursiv og links."),
    )
    state = models.CharField(
        _("tilstand"), max_length=20, choices=MeetingState.choices, default=MeetingState.PLANNED
    )
    closed_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("afsluttet af"),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("forummøde")
        verbose_name_plural = _("forummøder")
        ordering = ["forum", "held_on", "pk"]

    def __str__(self) -> str:
        return self.title or self.planned or str(self.held_on or "")

    def clean(self) -> None:
        # Minutes are stored sanitised whatever the write path (form, admin, import).
        self.minutes = clean_html(self.minutes)

    @property
    def is_held(self) -> bool:
        return self.state == MeetingState.HELD


class Participant(models.Model):
    """A person who was invited to or came to a meeting, and the firm they came from."""

    municipality_path = "meeting__forum__municipality"

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="participants", verbose_name=_("møde")
    )
    name = models.CharField(_("navn"), max_length=LINE)
    email = models.EmailField(_("e-mail"), blank=True)
    organisation = models.CharField(_("virksomhed eller organisation"), max_length=LINE, blank=True)
    cvr_number = models.CharField(_("CVR-nummer"), max_length=8, blank=True)
    company = models.ForeignKey(
        Company,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("virksomhed i registeret"),
    )
    attended = models.BooleanField(_("mødte op"), default=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("deltager")
        verbose_name_plural = _("deltagere")
        ordering = ["meeting", "name", "pk"]

    def __str__(self) -> str:
        return self.name


class FollowUp(models.Model):
    """One of the three follow-ups after a meeting, with its draft, due date and who did it."""

    municipality_path = "meeting__forum__municipality"

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("møde")
    )
    kind = models.CharField(_("opfølgning"), max_length=30, choices=FollowUpKind.choices)
    due_on = models.DateField(_("frist"), validators=[validate_plausible_date])
    subject = models.CharField(_("overskrift"), max_length=TITLE)
    body = LongTextField(_("udkast"))
    done_at = models.DateTimeField(_("udført"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("udført af"),
    )
    sent_count = models.PositiveIntegerField(_("sendt til"), null=True, blank=True)
    reminded_on = models.DateField(_("påmindet"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("opfølgning på forummøde")
        verbose_name_plural = _("opfølgninger på forummøder")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "kind"],
                name="forum_follow_up_once_per_kind",
                violation_error_message=_("Mødet har allerede denne opfølgning."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.meeting}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


class Decision(models.Model):
    """A decision an idea led to: what, when and by which body (e.g. Økonomiudvalget)."""

    municipality_path = "idea__municipality"

    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("idé")
    )
    text = LongTextField(_("beslutning"))
    decided_on = models.DateField(_("dato"), validators=[validate_plausible_date])
    body = models.CharField(_("truffet af"), max_length=LINE)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("beslutning")
        verbose_name_plural = _("beslutninger")
        ordering = ["decided_on", "pk"]

    def __str__(self) -> str:
        return f"{self.body} {self.decided_on:%Y-%m-%d}"


class IdeaEvent(models.Model):
    """A step of an idea's chain (a decision, a linked activity or goal, a new stage), in the
    order it happened: the public page's history and what followers are mailed about."""

    municipality_path = "idea__municipality"

    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="events", verbose_name=_("idé")
    )
    happened_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)
    text = models.CharField(_("hvad skete"), max_length=TITLE)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("skridt")
        verbose_name_plural = _("skridt")
        ordering = ["happened_at", "pk"]

    def __str__(self) -> str:
        return self.text


class Follower(models.Model):
    """Someone who follows an idea by e-mail: followed once they click the confirm link."""

    municipality_path = "idea__municipality"

    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="followers", verbose_name=_("idé")
    )
    email = models.EmailField(_("e-mail"))
    created_at = models.DateTimeField(_("tilmeldt"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(_("bekræftelse sendt"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("bekræftet"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("følger")
        verbose_name_plural = _("følgere")
        ordering = ["idea", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["idea", "email"],
                name="forum_follower_once",
                violation_error_message=_("Adressen følger allerede idéen."),
            )
        ]

    def __str__(self) -> str:
        return self.email
