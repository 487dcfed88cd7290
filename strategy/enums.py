from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanKind(models.TextChoices):
    STRATEGY = "strategy", _("Erhvervsstrategi")
    POLICY = "policy", _("Erhvervspolitik")
    ACTION_PLAN = "action_plan", _("Handleplan")
    TIMETABLE = "timetable", _("Tidsplan")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Udkast")
    ADOPTED = "adopted", _("Vedtaget")


class TrackKind(models.TextChoices):
    STRATEGIC = "strategic", _("Strategisk spor")
    CROSS_CUTTING = "cross_cutting", _("Tværgående spor")


class GoalKind(models.TextChoices):
    QUALITATIVE = "qualitative", _("Kvalitativt mål")
    QUANTIFIED = "quantified", _("Kvantificeret mål")
    MILESTONE = "milestone", _("Milepæl")


class Comparator(models.TextChoices):
    AT_LEAST = "at_least", _("mindst")
    AT_MOST = "at_most", _("højst")


class Direction(models.TextChoices):
    HIGHER_IS_BETTER = "higher_is_better", _("Højere er bedre")
    LOWER_IS_BETTER = "lower_is_better", _("Lavere er bedre (fx en placering)")


class Recurrence(models.TextChoices):
    NONE = "none", _("Ét mål ved fristen")
    YEARLY = "yearly", _("Årligt mål")


class DataSource(models.TextChoices):
    MANUAL = "manual", _("Indtastes manuelt")
    STATBANK = "statbank", _("Danmarks Statistik")
    PLATFORM = "platform", _("Tælles i Kurs")


class GoalStatus(models.TextChoices):
    """A goal's status; the order of the members is worst first, as the dashboard sorts."""

    OFF_TRACK = "off_track", _("Ikke på sporet")
    NOT_MEASURABLE = "not_measurable", _("Kan ikke længere måles")
    AT_RISK = "at_risk", _("I risiko")
    NOT_MEASURED = "not_measured", _("Ikke målt endnu")
    ON_TRACK = "on_track", _("På sporet")
    ACHIEVED = "achieved", _("Opfyldt")


class Assessment(models.TextChoices):
    """A person's judgement of a qualitative goal, recorded as a measurement without a value."""

    ACHIEVED = GoalStatus.ACHIEVED.value, GoalStatus.ACHIEVED.label
    ON_TRACK = GoalStatus.ON_TRACK.value, GoalStatus.ON_TRACK.label
    AT_RISK = GoalStatus.AT_RISK.value, GoalStatus.AT_RISK.label
    OFF_TRACK = GoalStatus.OFF_TRACK.value, GoalStatus.OFF_TRACK.label
