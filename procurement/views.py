"""The tender pages: the public page of upcoming tenders and its interest form (no login), and
for members the tender list and a tender's page with its market dialogue, interest, bids, award,
debriefings and closing. Thin: scoping by `core.scoping`, every rule in `services`."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import ratelimit
from core.access import Rule, access
from core.forms import save_form
from core.ids import parse_id
from core.models import Municipality
from core.scoping import editor_required, member_object_or_404, member_required
from procurement import queries, services
from procurement.forms import (
    AwardForm,
    BidForm,
    DebriefingForm,
    InterestForm,
    MeetingForm,
    TenderForm,
)
from procurement.models import Bid

NAV = "tenders"


# Public pages


@access(Rule.PUBLIC)
@require_GET
def public_list(request, code):
    municipality = get_object_or_404(Municipality, code=code)
    return render(
        request,
        "procurement/public_list.html",
        {"municipality": municipality, "tenders": queries.public_tenders(municipality)},
    )


# Never cached: the form carries a one-time submission token.
@access(Rule.PUBLIC)
@never_cache
@require_http_methods(["GET", "POST"])
def public_interest(request, code):
    """A firm registers its interest in a public tender; a refused post keeps what was typed."""
    municipality = get_object_or_404(Municipality, code=code)
    tenders = queries.public_tenders(municipality)
    status = 200
    if request.method == "POST":
        form = InterestForm(request.POST, tenders=tenders)
        limit, window = ratelimit.FORM_LIMIT
        if not ratelimit.allow(request, scope="tender-interest", limit=limit, window=window):
            form.is_valid()
            form.add_error(
                None, _("Der er sendt for mange tilmeldinger fra din adresse. Prøv igen om lidt.")
            )
            status = 429
        else:
            status = save_form(
                form,
                lambda: services.register_interest(
                    tender=form.cleaned_data["tender"],
                    cvr_number=form.cleaned_data["cvr_number"],
                    company_name=form.cleaned_data["company_name"],
                    contact_name=form.cleaned_data["contact_name"],
                    email=form.cleaned_data["email"],
                    token=form.cleaned_data.get("submission_token"),
                ),
            )
            if status is None:
                messages.success(
                    request,
                    _("Tak. Jeres interesse for %(title)s er registreret.")
                    % {"title": form.cleaned_data["tender"].title},
                )
                return redirect("procurement_public:list", code=municipality.code)
    else:
        initial = {}
        chosen = parse_id(request.GET.get("udbud"))
        if chosen is not None:
            initial["tender"] = tenders.filter(pk=chosen).first()
        form = InterestForm(tenders=tenders, initial=initial)
    return render(
        request,
        "procurement/public_interest.html",
        {"municipality": municipality, "form": form, "tenders": tenders},
        status=status,
    )


# Staff pages


@member_required
@require_GET
def tender_list(request, member):
    return render(
        request,
        "procurement/tender_list.html",
        {"member": member, "nav": NAV, "tenders": queries.tender_list(member.municipality)},
    )


def _to_tender(member, tender_id):
    return redirect("procurement:detail", code=member.municipality.code, tender_id=tender_id)


def _debriefing_form(request, bid, data=None):
    """A bid's own form (its own prefix, so the ids on the page stay unique), prefilled with
    who is recording."""
    return DebriefingForm(
        data,
        prefix=f"bud{bid.pk}",
        initial={"told_by": request.user.get_full_name() or request.user.get_username()},
    )


def _detail(request, member, tender_id, *, status=200, refused_debriefing=None, **forms):
    tender = member_object_or_404(queries.tender_page(member.municipality), member, pk=tender_id)
    bids = list(tender.bids.all())
    for bid in bids:
        if refused_debriefing is not None and refused_debriefing.prefix == f"bud{bid.pk}":
            bid.debriefing_form = refused_debriefing
        else:
            bid.debriefing_form = _debriefing_form(request, bid)
    context = {
        "member": member,
        "nav": NAV,
        "tender": tender,
        "bids": bids,
        "closing_problems": tender.closing_problems() if not tender.is_closed else [],
        "meeting_form": MeetingForm(),
        "bid_form": BidForm(),
        "award_form": AwardForm(tender=tender),
        **forms,
    }
    return render(request, "procurement/tender_detail.html", context, status=status)


@member_required
@require_GET
def tender_detail(request, member, tender_id):
    return _detail(request, member, tender_id)


def _tender_form_page(request, member, form, *, title, status=200, tender=None):
    return render(
        request,
        "procurement/tender_form.html",
        {"member": member, "nav": NAV, "form": form, "title": title, "tender": tender},
        status=status,
    )


@editor_required
def tender_create(request, member):
    form = TenderForm(request.POST or None)
    title = _("Nyt udbud")
    if request.method == "POST":
        saved = {}

        def save():
            saved["tender"] = services.create_tender(
                municipality=member.municipality, **form.values()
            )

        status = save_form(form, save)
        if status is None:
            messages.success(request, _("Udbuddet er oprettet."))
            return _to_tender(member, saved["tender"].pk)
        return _tender_form_page(request, member, form, title=title, status=status)
    return _tender_form_page(request, member, form, title=title)


@editor_required
def tender_edit(request, member, tender_id):
    tender = member_object_or_404(queries.tender_page(member.municipality), member, pk=tender_id)
    form = TenderForm(request.POST or None, instance=tender)
    title = _("Ret udbud")
    if request.method == "POST":
        status = save_form(
            form,
            lambda: services.update_tender(
                tender=tender, expected_version=form.cleaned_data.get("version"), **form.values()
            ),
        )
        if status is None:
            messages.success(request, _("Udbuddet er gemt."))
            return _to_tender(member, tender.pk)
        return _tender_form_page(request, member, form, title=title, status=status, tender=tender)
    return _tender_form_page(request, member, form, title=title, tender=tender)


def _tender(member, tender_id):
    return member_object_or_404(queries.tender_page(member.municipality), member, pk=tender_id)


@editor_required
@require_POST
def meeting_add(request, member, tender_id):
    tender = _tender(member, tender_id)
    form = MeetingForm(request.POST)
    status = save_form(
        form,
        lambda: services.add_meeting(
            tender=tender,
            held_on=form.cleaned_data["held_on"],
            participants=form.cleaned_data["participants"],
            note=form.cleaned_data["note"],
            token=form.cleaned_data["submission_token"],
        ),
    )
    if status is not None:
        return _detail(request, member, tender_id, status=status, meeting_form=form)
    messages.success(request, _("Mødet er registreret."))
    return _to_tender(member, tender.pk)


@editor_required
@require_POST
def bid_add(request, member, tender_id):
    tender = _tender(member, tender_id)
    form = BidForm(request.POST)
    status = save_form(form, lambda: services.add_bid(tender=tender, **form.cleaned_data))
    if status is not None:
        return _detail(request, member, tender_id, status=status, bid_form=form)
    messages.success(request, _("Tilbuddet er registreret."))
    return _to_tender(member, tender.pk)


@editor_required
@require_POST
def publish(request, member, tender_id):
    tender = _tender(member, tender_id)
    try:
        services.publish(tender=tender)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Udbuddet er markeret som udbudt."))
    return _to_tender(member, tender.pk)


@editor_required
@require_POST
def award(request, member, tender_id):
    tender = _tender(member, tender_id)
    form = AwardForm(request.POST, tender=tender)
    status = save_form(
        form,
        lambda: services.award(
            tender=tender, bid=form.cleaned_data["bid"], awarded_on=form.cleaned_data["awarded_on"]
        ),
    )
    if status is not None:
        return _detail(request, member, tender_id, status=status, award_form=form)
    messages.success(request, _("Udbuddet er tildelt."))
    return _to_tender(member, tender.pk)


@editor_required
@require_POST
def debrief(request, member, bid_id):
    bid = member_object_or_404(Bid.objects.select_related("tender"), member, pk=bid_id)
    form = _debriefing_form(request, bid, request.POST)
    status = save_form(
        form, lambda: services.record_debriefing(bid=bid, user=request.user, **form.cleaned_data)
    )
    if status is not None:
        return _detail(request, member, bid.tender_id, status=status, refused_debriefing=form)
    messages.success(request, _("Begrundelsen er registreret."))
    return _to_tender(member, bid.tender_id)


@editor_required
@require_POST
def close(request, member, tender_id):
    """Close the tender; refused, with the bidders still to be told, until each has been."""
    tender = _tender(member, tender_id)
    try:
        services.close_tender(tender=tender)
    except ValidationError:
        # The page names what is missing (`Tender.closing_problems`) above the bids.
        return _detail(request, member, tender_id, status=400)
    messages.success(request, _("Udbuddet er afsluttet."))
    return _to_tender(member, tender.pk)
