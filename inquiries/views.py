"""The pages of inquiries: the public form (the one page here anyone may use), the one-click
satisfaction answer, and for members the team queue and the case page with its state actions."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import ratelimit
from core.access import Rule, access
from core.forms import save_form
from core.models import Municipality
from core.scoping import editor_required, member_object_or_404, member_required
from inquiries import figures, queries, satisfaction, services
from inquiries.enums import Action, State
from inquiries.forms import InquiryForm, QueueFilterForm, StateChangeForm, YearForm
from inquiries.models import Inquiry
from inquiries.services import REASON_REQUIRED, TRANSITIONS

RECEIPT_SESSION_KEY = "inquiries_receipt"
# A CVR lookup per pause in typing: sixty in ten minutes from one address.
LOOKUP_LIMIT = (60, 600)
# What each action's button says on the case page (the log says what was done: `Action`).
BUTTONS = {
    Action.TAKEN: gettext_lazy("Tag sagen"),
    Action.INCOMPLETE: gettext_lazy("Mangler oplysninger"),
    Action.COMPLETE: gettext_lazy("Sagen er komplet"),
    Action.PAUSED: gettext_lazy("Afvent virksomheden"),
    Action.RESUMED: gettext_lazy("Genoptag"),
    Action.RESPONDED: gettext_lazy("Første svar er givet"),
    Action.CLOSED: gettext_lazy("Afslut"),
}


def _public_municipality(code: str) -> Municipality:
    return get_object_or_404(Municipality, code=code)


# The public pages are never cached, by a proxy least of all: the form carries a one-time
# submission token (two businesses served one cached form would share it, and the second
# inquiry would be taken for a repeat of the first) and the thanks page shows personal data.
@access(Rule.PUBLIC)
@never_cache
@require_http_methods(["GET", "POST"])
def public_form(request, code):
    """The one entry point: no login; a refused post shows the form again with what was typed."""
    municipality = _public_municipality(code)
    status = 200
    if request.method == "POST":
        form = InquiryForm(request.POST, municipality=municipality)
        limit, window = ratelimit.FORM_LIMIT
        if not ratelimit.allow(request, scope="inquiry-form", limit=limit, window=window):
            form.is_valid()
            form.add_error(
                None, _("Der er sendt for mange henvendelser fra din adresse. Prøv igen om lidt.")
            )
            status = 429
        else:
            status = save_form(
                form,
                lambda: _receive(request, municipality, form),
            )
            if status is None:
                return redirect("inquiries:thanks", code=municipality.code)
    else:
        form = InquiryForm(municipality=municipality)
    return render(
        request,
        "inquiries/public_form.html",
        {"municipality": municipality, "form": form},
        status=status,
    )


def _receive(request, municipality, form) -> None:
    inquiry, _saved = services.receive_inquiry(
        municipality=municipality,
        topic=form.cleaned_data["topic"],
        values=form.values(),
        submission_token=form.cleaned_data.get("submission_token"),
    )
    request.session[RECEIPT_SESSION_KEY] = inquiry.pk


@access(Rule.PUBLIC)
@never_cache
@require_GET
def thanks(request, code):
    """The receipt page after the form, for the browser that sent it (from its session)."""
    municipality = _public_municipality(code)
    inquiry = (
        Inquiry.objects.of_municipality(municipality)
        .select_related("topic", "team__lead")
        .filter(pk=request.session.get(RECEIPT_SESSION_KEY))
        .first()
    )
    if inquiry is None:
        return redirect("inquiries:form", code=municipality.code)
    return render(
        request, "inquiries/public_thanks.html", {"municipality": municipality, "inquiry": inquiry}
    )


@access(Rule.PUBLIC)
@never_cache
@require_GET
def cvr_lookup(request, code):
    """The company the register knows by the typed CVR number, shown back under the field
    (htmx); `static/kurs/kurs.js` copies its name into the company-name field."""
    _public_municipality(code)
    company, error = None, ""
    limit, window = LOOKUP_LIMIT
    if not ratelimit.allow(request, scope="cvr-lookup", limit=limit, window=window):
        error = _("For mange opslag. Skriv virksomhedens navn selv.")
    else:
        try:
            number = InquiryForm.clean_cvr_number_value(request.GET.get("cvr_number", "")[:20])
        except ValidationError as invalid:
            error = invalid.messages[0]
        else:
            company = services.register_company(number)
    return render(
        request,
        "inquiries/_cvr_lookup.html",
        {"company": company, "lookup_error": error, "looked_up": True},
    )


@access(Rule.PUBLIC)
@never_cache
@require_http_methods(["GET", "POST"])
def satisfaction_answer(request, code, answer):
    """The link in the e-mail. Opening it shows the answer as a form that `kurs.js` sends at
    once, so one click records it for a person, while a mail scanner that only fetches the link
    records nothing; without JavaScript the person presses the button. The first answer counts.
    A forged, changed or expired link is not found."""
    municipality = _public_municipality(code)
    read = satisfaction.read_token(answer)
    if read is None:
        raise Http404
    inquiry_id, satisfied = read
    inquiry = get_object_or_404(
        Inquiry.objects.of_municipality(municipality).select_related("satisfaction"),
        pk=inquiry_id,
        state=State.CLOSED,
    )
    answer = getattr(inquiry, "satisfaction", None)
    if request.method == "POST" and answer is None:
        answer, _created = services.record_satisfaction(inquiry=inquiry, satisfied=satisfied)
    return render(
        request,
        "inquiries/satisfaction.html",
        {
            "municipality": municipality,
            "inquiry": inquiry,
            "answer": answer,
            "satisfied": satisfied,
        },
    )


@member_required
@require_GET
def queue(request, member):
    """The team queue: open inquiries, least time left first, with their clocks."""
    filters = QueueFilterForm(request.GET or None, municipality=member.municipality)
    rows = queries.queue(member.municipality, filters.filters())
    return render(
        request,
        "inquiries/queue.html",
        {"member": member, "nav": "inquiries", "filters": filters, "rows": rows},
    )


@member_required
@require_GET
def figures_page(request, member):
    """Monthly figures per team and topic for a year: kept share, median and p90 net days."""
    form = YearForm(request.GET or None)
    year = form.chosen_year()
    return render(
        request,
        "inquiries/figures.html",
        {
            "member": member,
            "nav": "inquiries",
            "form": form,
            "year": year,
            "rows": figures.monthly(member.municipality, date(year, 1, 1), date(year, 12, 31)),
        },
    )


def _case_context(member, inquiry, form=None) -> dict:
    clock, events = queries.case(inquiry)
    possible = [
        action
        for action, (allowed, _target) in TRANSITIONS.items()
        if inquiry.state in allowed
        and not (action == Action.RESPONDED and inquiry.responded_at is not None)
        and not (action == Action.TAKEN and inquiry.owner_id == member.membership.user_id)
    ]
    return {
        "member": member,
        "nav": "inquiries",
        "inquiry": inquiry,
        "clock": clock,
        "events": events,
        "actions": [
            {
                "value": action,
                "label": BUTTONS[action],
                "needs_reason": action in REASON_REQUIRED,
            }
            for action in possible
            if action != Action.REASSIGNED
        ],
        "can_reassign": Action.REASSIGNED in possible,
        "form": form or StateChangeForm(municipality=member.municipality),
        "Action": Action,
    }


@member_required
@require_GET
def inquiry_detail(request, member, inquiry_id):
    inquiry = member_object_or_404(queries.case_queryset(), member, pk=inquiry_id)
    return render(request, "inquiries/detail.html", _case_context(member, inquiry))


@editor_required
@require_POST
def inquiry_action(request, member, inquiry_id):
    """Apply one state action; a refused one shows the case again with the reason."""
    inquiry = member_object_or_404(queries.case_queryset(), member, pk=inquiry_id)
    form = StateChangeForm(request.POST, municipality=member.municipality)
    status = save_form(
        form,
        lambda: services.change_state(
            inquiry=inquiry,
            user=request.user,
            expected_version=form.cleaned_data["version"],
            action=form.cleaned_data["action"],
            reason=form.cleaned_data["reason"],
            team=form.cleaned_data["team"],
        ),
    )
    if status is not None:
        inquiry = member_object_or_404(queries.case_queryset(), member, pk=inquiry_id)
        return render(
            request, "inquiries/detail.html", _case_context(member, inquiry, form), status=status
        )
    messages.success(
        request,
        _("%(action)s: %(reference)s")
        % {"action": Action(form.cleaned_data["action"]).label, "reference": inquiry.reference},
    )
    return redirect("inquiries:detail", code=member.municipality.code, inquiry_id=inquiry.pk)
