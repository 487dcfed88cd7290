"""Company visits: who met whom, what was talked about, what the firm needs, and who follows up.

- `VisitTopic` is a municipality's fixed list of topics (seeded from `enums.DEFAULT_TOPICS` when
  a municipality is created); a visit picks topics from it and may add one in free text.
- `Visit` is one meeting with a company (optionally at one of its production units), made by a
  body (the municipality, the mayor, the jobcenter, the business house), with our participants
  (users) and theirs (contact persons).
- `Need` is something the firm asked for, under a topic: needs and topics roll up per industry
  (`visits.rollup`) so that what firms say reaches the strategy.
- `FollowUp` is a task with an owner and a due date; its owner is reminded by e-mail once per
  due date (`FollowUpReminder`, claimed before the mail is sent, as `ReminderLog` is).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from businesses.models import Company, ProductionUnit
from contacts.models import ContactPerson
from core.bounds import LongTextField, validate_plausible_date
from core.models import Municipality, ScopedQuerySet
from visits.enums import Body

LINE_MAX_LENGTH = 500


class VisitTopic(models.Model):
    """A topic from the municipality's fixed list, e.g. 'Rekruttering og arbejdskraft'."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    name = models.CharField(_("navn"), max_length=200)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    is_active = models.BooleanField(_("kan vælges"), default=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("besøgsemne")
        verbose_name_plural = _("besøgsemner")
        ordering = ["municipality", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"],
                name="visit_topic_name_once",
                violation_error_message=_("Kommunen har allerede et emne med det navn."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Visit(models.Model):
    """A meeting with a company: when, by which body, who took part, what was talked about."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="visits", verbose_name=_("virksomhed")
    )
    production_unit = models.ForeignKey(
        ProductionUnit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visits",
        verbose_name=_("produktionsenhed"),
    )
    visited_on = models.DateField(_("dato"), validators=[validate_plausible_date])
    body = models.CharField(
        _("besøgt af"), max_length=20, choices=Body.choices, default=Body.MUNICIPALITY
    )
    our_participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="+",
        blank=True,
        verbose_name=_("vores deltagere"),
    )
    their_participants = models.ManyToManyField(
        ContactPerson, related_name="visits", blank=True, verbose_name=_("virksomhedens deltagere")
    )
    topics = models.ManyToManyField(
        VisitTopic, related_name="visits", blank=True, verbose_name=_("emner")
    )
    other_topic = models.CharField(_("andet emne"), max_length=200, blank=True)
    summary = LongTextField(_("referat"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("registreret af"),
    )
    created_at = models.DateTimeField(_("registreret"), auto_now_add=True)
    submission_token = models.UUIDField(
        _("indsendelse"), null=True, blank=True, unique=True, editable=False
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("besøg")
        verbose_name_plural = _("besøg")
        ordering = ["-visited_on", "-pk"]
        indexes = [
            models.Index(fields=["municipality", "company", "visited_on"], name="visit_of_company")
        ]

    def __str__(self) -> str:
        return f"{self.company.name} {self.visited_on:%Y-%m-%d}"

    def clean(self) -> None:
        if self.production_unit_id and self.production_unit.company_id != self.company_id:
            raise ValidationError(
                {"production_unit": _("Produktionsenheden hører til en anden virksomhed.")}
            )


class Need(models.Model):
    """Something the firm said it needs, under a topic of the list."""

    municipality_path = "visit__municipality"

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="needs", verbose_name=_("besøg")
    )
    topic = models.ForeignKey(
        VisitTopic,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="needs",
        verbose_name=_("emne"),
    )
    text = models.CharField(_("behov"), max_length=LINE_MAX_LENGTH)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("behov")
        verbose_name_plural = _("behov")
        ordering = ["visit", "pk"]

    def __str__(self) -> str:
        return self.text


class FollowUp(models.Model):
    """A task that came out of a visit: what, who does it, by when, and when it was done."""

    municipality_path = "visit__municipality"

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("besøg")
    )
    title = models.CharField(_("opgave"), max_length=LINE_MAX_LENGTH)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="follow_ups",
        verbose_name=_("ansvarlig"),
    )
    due_on = models.DateField(_("frist"), validators=[validate_plausible_date])
    done_on = models.DateField(
        _("udført"), null=True, blank=True, validators=[validate_plausible_date]
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # Set when added on the visit's page afterwards (saved once per submission).
    submission_token = models.UUIDField(
        _("indsendelse"), null=True, blank=True, unique=True, editable=False
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["done_on", "due_on"], name="follow_up_open_by_due")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.done_on is None


class FollowUpReminder(models.Model):
    """A reminder sent (or being sent) to a follow-up's owner: one per follow-up and due date,
    claimed before the e-mail goes out."""

    municipality_path = "follow_up__visit__municipality"

    follow_up = models.ForeignKey(
        FollowUp, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("opfølgning")
    )
    due_on = models.DateField(_("frist"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("modtager"),
    )
    sent_at = models.DateTimeField(_("sendt"))

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("påmindelse om opfølgning")
        verbose_name_plural = _("påmindelser om opfølgninger")
        constraints = [
            models.UniqueConstraint(
                fields=["follow_up", "due_on", "recipient"], name="follow_up_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.follow_up} {self.due_on:%Y-%m-%d}"
