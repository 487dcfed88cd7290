"""The pages of events.

Public, no login (under `/k/<code>/erhverv/arrangementer/`): the list of coming public events,
an event's page with the registration form, the receipt after registering, the self-service
page each mail links to (by the registration's random key), and the iCalendar feed.
An event's public page shows only a public event of that municipality; anything else is not
found, for members too (they have the staff pages): `Rule.ADOPTED_ONLY`, read as "published".
The form posts to an address of its own, which takes the event's id in the form.

For members (under `/k/<code>/arrangementer/`): the list with counts, an event's page with its
registrations and the attendance form, creating, editing (optimistic locking) and cancelling.
A person's registrations are exported and erased on the municipality's one personal-data page
(`core.personal_data`).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import ratelimit
from core.access import Rule, access
from core.concurrency import ConcurrentEditError
from core.forms import save_form
from core.ids import parse_id
from core.models import Municipality
from core.scoping import editor_required, member_object_or_404, member_required
from events import calendar, queries, services
from events.enums import RegistrationState
from events.forms import EventForm, RegistrationForm
from events.models import Event, Registration

NAV = "events"
RECEIPT_SESSION_KEY = "events_receipt"
# Ten registrations in ten minutes from one address is more than any office sends.
FORM_LIMIT = (10, 600)


def _public_municipality(code: str) -> Municipality:
    return get_object_or_404(Municipality, code=code)


def _public_events(municipality):
    return Event.objects.of_municipality(municipality).filter(is_public=True)


# Public pages are never cached: the form carries a one-time submission token and the receipt
# and self-service pages show personal data.
@access(Rule.PUBLIC)
@never_cache
@require_GET
def public_list(request, code):
    municipality = _public_municipality(code)
    events = queries.public_upcoming(municipality, timezone.now())
    return render(
        request, "events/public_list.html", {"municipality": municipality, "events": events}
    )


def _public_page(request, municipality, event, form=None, status=200):
    now = timezone.now()
    seats_left = None
    if event.capacity is not None:
        seats_left = max(event.capacity - services.seats_taken(event), 0)
    if form is None:
        form = RegistrationForm(initial={"event": event.pk})
    return render(
        request,
        "events/public_detail.html",
        {
            "municipality": municipality,
            "event": event,
            "form": form,
            "closed": services.closed_reason(event, now),
            "seats_left": seats_left,
            "waiting": services.waiting(event).exists(),
        },
        status=status,
    )


@access(Rule.ADOPTED_ONLY)
@never_cache
@require_GET
def public_detail(request, code, event_id):
    municipality = _public_municipality(code)
    event = get_object_or_404(_public_events(municipality), pk=event_id)
    return _public_page(request, municipality, event)


@access(Rule.PUBLIC)
@never_cache
@require_POST
def public_register(request, code):
    """Register for the event named in the form; a refused post shows the form again with what
    was typed (400), or 429 when the address sent too many."""
    municipality = _public_municipality(code)
    form = RegistrationForm(request.POST)
    event_id = parse_id(request.POST.get("event"))
    event = _public_events(municipality).filter(pk=event_id).first() if event_id else None
    if event is None:
        return render(
            request, "events/public_missing.html", {"municipality": municipality}, status=400
        )
    limit, window = FORM_LIMIT
    if not ratelimit.allow(request, scope="event-registration", limit=limit, window=window):
        form.is_valid()
        form.add_error(
            None, _("Der er sendt for mange tilmeldinger fra din adresse. Prøv igen om lidt.")
        )
        return _public_page(request, municipality, event, form, status=429)
    saved = {}

    def save():
        saved["registration"], _created = services.register(
            event=event,
            submission_token=form.cleaned_data.get("submission_token"),
            **form.values(),
        )

    status = save_form(form, save)
    if status is not None:
        return _public_page(request, municipality, event, form, status=status)
    request.session[RECEIPT_SESSION_KEY] = saved["registration"].pk
    return redirect("events:thanks", code=municipality.code)


@access(Rule.PUBLIC)
@never_cache
@require_GET
def public_thanks(request, code):
    """The receipt after registering, for the browser that registered (from its session)."""
    municipality = _public_municipality(code)
    registration = (
        Registration.objects.of_municipality(municipality)
        .select_related("event")
        .filter(pk=request.session.get(RECEIPT_SESSION_KEY), anonymised_at__isnull=True)
        .first()
    )
    if registration is None:
        return redirect("events:public_list", code=municipality.code)
    return render(
        request,
        "events/public_thanks.html",
        {
            "municipality": municipality,
            "registration": registration,
            "event": registration.event,
            "position": services.waiting_position(registration),
        },
    )


ACTIONS = {"accepter": services.accept_offer, "afmeld": services.cancel_registration}


@access(Rule.PUBLIC)
@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, code, token):
    """The self-service page every mail links to: the registration's state, and buttons to take
    an offered seat, cancel, or leave the waiting list. Opening the link changes nothing (a mail
    scanner fetches links); the button posts. An unknown or erased key shows a short page (400)."""
    municipality = _public_municipality(code)
    registration = (
        Registration.objects.of_municipality(municipality)
        .select_related("event")
        .filter(token=token[:64], anonymised_at__isnull=True)
        .first()
    )
    if registration is None:
        return render(
            request, "events/manage_invalid.html", {"municipality": municipality}, status=400
        )
    error, status = "", 200
    if request.method == "POST":
        action = ACTIONS.get(request.POST.get("handling", ""))
        if action is None:
            error, status = _("Vælg en handling."), 400
        else:
            try:
                action(registration=registration)
            except ValidationError as refused:
                error, status = refused.messages[0], 400
            else:
                return redirect("events:manage", code=municipality.code, token=token)
        registration.refresh_from_db()
    return render(
        request,
        "events/manage.html",
        {
            "municipality": municipality,
            "registration": registration,
            "event": registration.event,
            "position": services.waiting_position(registration),
            "chosen": request.GET.get("handling", ""),
            "error": error,
            "can_change": registration.state
            in (RegistrationState.REGISTERED, RegistrationState.OFFERED, RegistrationState.WAITING)
            and timezone.now() < registration.event.starts_at,
        },
        status=status,
    )


@access(Rule.PUBLIC)
@require_GET
def calendar_feed(request, code):
    """The municipality's public events as iCalendar, for any calendar to subscribe to; public
    data only, so it may be cached for an hour."""
    municipality = _public_municipality(code)
    base_url = request.build_absolute_uri("/").rstrip("/")

    def url_for(pk: int) -> str:
        return base_url + reverse(
            "events:public_detail", kwargs={"code": municipality.code, "event_id": pk}
        )

    name = _("Arrangementer for erhverv, %(municipality)s Kommune") % {
        "municipality": municipality.name
    }
    response = HttpResponse(
        calendar.feed(municipality, name=name, url_for=url_for),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="arrangementer-{municipality.code}.ics"'
    patch_cache_control(response, public=True, max_age=3600)
    return response


# Staff pages.


@member_required
@require_GET
def event_list(request, member):
    page = Paginator(queries.event_list(member.municipality), queries.PAGE_SIZE).get_page(
        request.GET.get("side")
    )
    return render(request, "events/event_list.html", {"member": member, "nav": NAV, "page": page})


def _event_values(form) -> dict:
    return {name: form.cleaned_data[name] for name in services.EVENT_FIELDS}


@editor_required
@require_http_methods(["GET", "POST"])
def event_create(request, member):
    form = EventForm(request.POST or None)
    status = 200
    if request.method == "POST":
        saved = {}

        def save():
            saved["event"] = services.create_event(
                municipality=member.municipality, **_event_values(form)
            )

        status = save_form(form, save)
        if status is None:
            messages.success(request, _("Arrangementet er oprettet."))
            return redirect(
                "events:detail", code=member.municipality.code, event_id=saved["event"].pk
            )
    return render(
        request,
        "events/event_form.html",
        {"member": member, "nav": NAV, "form": form},
        status=status,
    )


@editor_required
@require_http_methods(["GET", "POST"])
def event_edit(request, member, event_id):
    event = member_object_or_404(Event.objects.all(), member, pk=event_id)
    form = EventForm(request.POST or None, instance=event)
    status = 200
    if request.method == "POST":

        def save():
            services.update_event(
                event=Event.objects.get(pk=event.pk),
                expected_version=form.cleaned_data["version"] or 0,
                **_event_values(form),
            )

        status = save_form(form, save)
        if status is None:
            messages.success(request, _("Arrangementet er gemt."))
            return redirect("events:detail", code=member.municipality.code, event_id=event.pk)
    return render(
        request,
        "events/event_form.html",
        {"member": member, "nav": NAV, "form": form, "event": event},
        status=status,
    )


def _detail(request, member, event, *, error="", status=200):
    rows = list(queries.registrations(event))
    return render(
        request,
        "events/event_detail.html",
        {
            "member": member,
            "nav": NAV,
            "event": event,
            "seated": [r for r in rows if r.state in services.SEAT_STATES],
            "waiting": [r for r in rows if r.state == RegistrationState.WAITING],
            "others": [
                r
                for r in rows
                if r.state in (RegistrationState.CANCELLED, RegistrationState.EXPIRED)
            ],
            "started": timezone.now() >= event.starts_at,
            "error": error,
        },
        status=status,
    )


@member_required
@require_GET
def event_detail(request, member, event_id):
    event = member_object_or_404(Event.objects.all(), member, pk=event_id)
    return _detail(request, member, event)


@editor_required
@require_POST
def event_attendance(request, member, event_id):
    """Record who came: the ticked registrations attended, the other seats did not show."""
    event = member_object_or_404(Event.objects.all(), member, pk=event_id)
    ids = [pk for pk in map(parse_id, request.POST.getlist("attended")) if pk is not None]
    try:
        came = services.record_attendance(event=event, attended_ids=ids)
    except ValidationError as refused:
        return _detail(request, member, event, error=refused.messages[0], status=400)
    messages.success(request, _("Fremmødet er registreret: %(count)s mødt.") % {"count": came})
    return redirect("events:detail", code=member.municipality.code, event_id=event.pk)


@editor_required
@require_POST
def event_cancel(request, member, event_id):
    event = member_object_or_404(Event.objects.all(), member, pk=event_id)
    version = parse_id(request.POST.get("version"))
    try:
        services.cancel_event(event=event, expected_version=version or 0)
    except ConcurrentEditError as refused:
        return _detail(request, member, event, error=str(refused), status=409)
    messages.success(request, _("Arrangementet er aflyst, og de tilmeldte får besked."))
    return redirect("events:detail", code=member.municipality.code, event_id=event.pk)


@editor_required
@require_POST
def registration_cancel(request, member, registration_id):
    """Cancel a registration for someone who asked by phone or mail: the same rule as their own
    link (the seat goes to the first person waiting), and they get the same receipt."""
    registration = member_object_or_404(
        Registration.objects.select_related("event"), member, pk=registration_id
    )
    try:
        services.cancel_registration(registration=registration)
    except ValidationError as refused:
        return _detail(request, member, registration.event, error=refused.messages[0], status=400)
    messages.success(request, _("%(name)s er afmeldt.") % {"name": registration.name})
    return redirect("events:detail", code=member.municipality.code, event_id=registration.event_id)
