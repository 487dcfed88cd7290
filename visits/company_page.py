"""What the company page shows from visits and inquiries (registered in `VisitsConfig.ready`
with `businesses.timeline`): visits and inquiries on the timeline, open promises and follow-ups
before a visit, and who met the firm last. Each provider reads in one or two queries."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from businesses.timeline import Entry, Fact, OpenItem
from core.models import User
from inquiries.models import Inquiry
from visits.models import FollowUp, Visit


def _visit_url(municipality, visit_id) -> str:
    return reverse("visits:detail", kwargs={"code": municipality.code, "visit_id": visit_id})


def visit_entries(company, municipality) -> list[Entry]:
    """The municipality's visits to `company`; a follow-up shows on the visit's page."""
    visits = Visit.objects.of_municipality(municipality).filter(company=company)
    return [
        Entry(
            visit.visited_on,
            _("Besøg"),
            " – ".join(part for part in (visit.get_body_display(), visit.other_topic) if part),
            _visit_url(municipality, visit.pk),
        )
        for visit in visits.only("pk", "visited_on", "body", "other_topic")
    ]


def inquiry_entries(company, municipality) -> list[Entry]:
    inquiries = Inquiry.objects.of_municipality(municipality).filter(company=company)
    return [
        Entry(
            timezone.localdate(inquiry.received_at),
            _("Henvendelse"),
            f"{inquiry.reference} {inquiry.topic.name}",
            reverse(
                "inquiries:detail", kwargs={"code": municipality.code, "inquiry_id": inquiry.pk}
            ),
        )
        for inquiry in inquiries.select_related("topic")
    ]


def open_items(company, municipality) -> list[OpenItem]:
    """Open inquiries with their next deadline (the promise), and open follow-ups of visits."""
    inquiries = (
        Inquiry.objects.of_municipality(municipality)
        .open()
        .filter(company=company)
        .select_related("topic", "owner")
    )
    follow_ups = (
        FollowUp.objects.of_municipality(municipality)
        .filter(visit__company=company, done_on__isnull=True)
        .select_related("owner")
    )
    return [
        OpenItem(
            timezone.localdate(inquiry.due_at) if inquiry.due_at else None,
            _("Henvendelse"),
            f"{inquiry.reference} {inquiry.topic.name}",
            str(inquiry.owner or ""),
            reverse(
                "inquiries:detail", kwargs={"code": municipality.code, "inquiry_id": inquiry.pk}
            ),
        )
        for inquiry in inquiries
    ] + [
        OpenItem(
            follow_up.due_on,
            _("Opfølgning"),
            follow_up.title,
            str(follow_up.owner),
            _visit_url(municipality, follow_up.visit_id),
        )
        for follow_up in follow_ups
    ]


def last_met(company, municipality) -> list[Fact]:
    """Who met the firm last: the newest visit's body and our participants."""
    visit = (
        Visit.objects.of_municipality(municipality)
        .filter(company=company)
        .prefetch_related(Prefetch("our_participants", queryset=User.objects.order_by("pk")))
        .first()
    )
    if visit is None:
        return [Fact(_("Senest mødt"), _("Ingen besøg registreret"))]
    people = ", ".join(str(user) for user in visit.our_participants.all())
    text = visit.get_body_display()
    return [
        Fact(
            _("Senest mødt"),
            f"{text} ({people})" if people else text,
            visit.visited_on,
            _visit_url(municipality, visit.pk),
        )
    ]


def record_link(company, municipality) -> list[Fact]:
    url = reverse("visits:create", kwargs={"code": municipality.code, "company_id": company.pk})
    return [Fact(_("Besøg"), _("Registrér et besøg"), url=url, for_editors=True)]
