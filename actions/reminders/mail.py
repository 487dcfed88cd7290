"""The reminder e-mail: one plain-text message per person with all their reminders, grouped by
kind (overdue first), each with a link to the page where the update or measurement is entered.

The words are in `templates/emails/` (as healthchecks keeps them): `reminders-subject.txt`,
`reminders.txt`, and `_reminder.txt` for what each reminder says. The e-mail is always Danish,
whatever language is active.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy

from actions.reminders.queries import KINDS_IN_ORDER, Kind, Reminder
from actions.rules import DUE_SOON_DAYS

HEADINGS = {
    Kind.UPDATE_DUE: gettext_lazy("Statusopdateringer, der mangler"),
    Kind.MEASUREMENT_DUE: gettext_lazy("Målinger, der mangler"),
    Kind.OVERDUE: gettext_lazy("Frister, der er overskredet"),
    Kind.DUE_SOON: gettext_lazy("Frister inden for de næste %(days)s dage"),
}
LINE_BREAKS = re.compile(r"\s*\n\s*")


@dataclass(frozen=True)
class Item:
    """A reminder and what the e-mail says about it."""

    reminder: Reminder
    text: str


@dataclass(frozen=True)
class Section:
    """The reminders of one kind, under a heading underlined as plain text does."""

    heading: str
    reminders: list[Item]

    @property
    def underline(self) -> str:
        return "-" * len(self.heading)


def email_for(recipient, reminders: list[Reminder], today: date, site_url: str) -> tuple[str, str]:
    """The subject and plain-text body of `recipient`'s e-mail about `reminders`."""
    with translation.override("da"):
        sections = [
            Section(
                str(HEADINGS[kind]) % {"days": DUE_SOON_DAYS},
                [Item(r, _text(r)) for r in reminders if r.kind == kind],
            )
            for kind in KINDS_IN_ORDER
            if any(r.kind == kind for r in reminders)
        ]
        context = {
            "name": recipient.first_name or recipient.get_full_name() or recipient.username,
            "count": len(reminders),
            "today": today,
            "sections": sections,
            "site_url": site_url.rstrip("/"),
        }
        subject = render_to_string("emails/reminders-subject.txt", context)
        body = render_to_string("emails/reminders.txt", context)
    return " ".join(subject.split()), body


def _text(reminder: Reminder) -> str:
    """The reminder's sentences on one line (the template spreads them over lines to be read)."""
    text = render_to_string("emails/_reminder.txt", {"reminder": reminder, "Kind": Kind})
    return LINE_BREAKS.sub(" ", text).strip()
