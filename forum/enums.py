from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingState(models.TextChoices):
    PLANNED = "planned", _("Planlagt")
    HELD = "held", _("Afholdt")


class FollowUpKind(models.TextChoices):
    """The three follow-ups the terms of reference require after every meeting."""

    COMMITTEE_BRIEFING = "committee_briefing", _("Skriftlig orientering til udvalget")
    PARTICIPANTS_MAIL = "participants_mail", _("Mail til deltagerne")
    WEBSITE_ARTICLE = "website_article", _("Artikel på erhvervshjemmesiden")


class IdeaKind(models.TextChoices):
    FORUM_THEME = "forum_theme", _("Tema til erhvervsforum")
    EVENT_IDEA = "event_idea", _("Idé fra et arrangement")
    OTHER = "other", _("Anden idé")


class IdeaStatus(models.TextChoices):
    """Staff's review: a proposal is public only once accepted."""

    PROPOSED = "proposed", _("Foreslået")
    ACCEPTED = "accepted", _("Godkendt")
    REJECTED = "rejected", _("Afvist")


class IdeaStage(models.TextChoices):
    """How far an idea has come ("you said, we did")."""

    RAISED = "raised", _("Rejst")
    DISCUSSED = "discussed", _("Drøftet")
    DECIDED = "decided", _("Besluttet")
    IN_PROGRESS = "in_progress", _("I gang")
    DONE = "done", _("Gennemført")
