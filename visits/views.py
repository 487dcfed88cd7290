"""Visits for members of a municipality: the list (the roll-up's numbers link here), a visit's
page, recording a visit from a company's page, marking a follow-up done, and the roll-up per
industry and topic with its heat map.

Thin: read the request, check the membership (`core.scoping`), call `services`, `queries` or
`rollup`, render. A company is any the member may open (`CompanyQuerySet.visible_to`).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from businesses import timeline
from businesses.industries import BY_KEY, UNKNOWN_KEY
from businesses.models import Company
from core.forms import save_form
from core.ids import parse_id
from core.scoping import editor_required, member_object_or_404, member_required
from visits import charts, queries, rollup, services
from visits.forms import (
    CompleteFollowUpForm,
    FollowUpFormSet,
    NeedFormSet,
    NewFollowUpForm,
    RollupForm,
    VisitForm,
)
from visits.models import FollowUp, Visit, VisitTopic

NAV = "visits"
LAST_VISITS = 3


def _topic(member, raw):
    """The municipality's topic a filter names, or None (no query when it names none)."""
    pk = parse_id(raw)
    if pk is None:
        return None
    return VisitTopic.objects.of_municipality(member.municipality).filter(pk=pk).first()


@member_required
@require_GET
def visit_list(request, member):
    form = RollupForm(request.GET or None)
    first, last = form.period()
    topic, need_topic = (_topic(member, request.GET.get(name)) for name in ("emne", "behov"))
    industry = request.GET.get("branche", "")
    if industry not in BY_KEY and industry != UNKNOWN_KEY:
        industry = ""
    visits = queries.visit_list(
        member.municipality,
        first=first,
        last=last,
        topic=topic,
        need_topic=need_topic,
        industry=industry,
    )
    page = Paginator(visits, queries.PAGE_SIZE).get_page(request.GET.get("side"))
    return render(
        request,
        "visits/visit_list.html",
        {
            "member": member,
            "nav": NAV,
            "form": form,
            "page": page,
            "topic": topic,
            "need_topic": need_topic,
            "industry": rollup.industry_label(industry) if industry else "",
        },
    )


def _detail(request, member, visit_id, *, status=200, **forms):
    visit = member_object_or_404(queries.visit_page(member.municipality), member, pk=visit_id)
    context = {
        "member": member,
        "nav": NAV,
        "visit": visit,
        "complete_form": CompleteFollowUpForm(),
        "new_follow_up": NewFollowUpForm(municipality=member.municipality),
        **forms,
    }
    return render(request, "visits/visit_detail.html", context, status=status)


@member_required
@require_GET
def visit_detail(request, member, visit_id):
    return _detail(request, member, visit_id)


@editor_required
@require_POST
def follow_up_add(request, member, visit_id):
    """Add a follow-up to a recorded visit."""
    visit = member_object_or_404(Visit.objects.select_related("municipality"), member, pk=visit_id)
    form = NewFollowUpForm(request.POST, municipality=member.municipality)
    status = save_form(
        form,
        lambda: services.add_follow_up(
            visit=visit,
            title=form.cleaned_data["title"],
            owner=form.cleaned_data["owner"],
            due_on=form.cleaned_data["due_on"],
            token=form.cleaned_data["submission_token"],
        ),
    )
    if status is not None:
        return _detail(request, member, visit_id, status=status, new_follow_up=form)
    messages.success(request, _("Opfølgningen er tilføjet."))
    return redirect("visits:detail", code=member.municipality.code, visit_id=visit.pk)


def _forms(member, company, data=None):
    kwargs = {"municipality": member.municipality}
    return (
        VisitForm(data, company=company, **kwargs),
        NeedFormSet(data, prefix="behov", form_kwargs=kwargs),
        FollowUpFormSet(data, prefix="opfoelgning", form_kwargs=kwargs),
    )


@editor_required
def visit_create(request, member, company_id):
    """Record a visit to a company, with its topics, needs and follow-ups, all at once."""
    company = get_object_or_404(Company.objects.visible_to(member.municipality), pk=company_id)
    if request.method != "POST":
        form, needs, follow_ups = _forms(member, company)
        context = {"form": form, "needs": needs, "follow_ups": follow_ups}
        return render(request, "visits/visit_form.html", _create_context(member, company, context))
    form, needs, follow_ups = _forms(member, company, request.POST)
    saved = {}
    formsets_valid = needs.is_valid() and follow_ups.is_valid()

    def save():
        data = form.cleaned_data
        saved["visit"] = services.record_visit(
            municipality=member.municipality,
            company=company,
            user=request.user,
            visited_on=data["visited_on"],
            body=data["body"],
            production_unit=data["production_unit"],
            our_participants=list(data["our_participants"]),
            their_participants=list(data["their_participants"]),
            topics=list(data["topics"]),
            other_topic=data["other_topic"],
            summary=data["summary"],
            needs=[(n["topic"], n["text"]) for n in needs.cleaned_data if n.get("text")],
            follow_ups=[
                (f["title"], f["owner"], f["due_on"])
                for f in follow_ups.cleaned_data
                if f.get("title")
            ],
            token=data["submission_token"],
        )

    if formsets_valid:
        status = save_form(form, save)
    else:
        form.is_valid()  # the visit's own errors show beside the rows'
        status = 400
    if status is not None:
        context = {"form": form, "needs": needs, "follow_ups": follow_ups}
        return render(
            request,
            "visits/visit_form.html",
            _create_context(member, company, context),
            status=status,
        )
    messages.success(request, _("Besøget er registreret."))
    return redirect("visits:detail", code=member.municipality.code, visit_id=saved["visit"].pk)


def _create_context(member, company, forms: dict) -> dict:
    """The form, and what staff should know before the visit: what is open with the firm and
    the last visits."""
    return {
        "member": member,
        "nav": NAV,
        "company": company,
        "open_items": timeline.open_items(company, member.municipality),
        "last_visits": Visit.objects.of_municipality(member.municipality)
        .filter(company=company)
        .prefetch_related("topics")[:LAST_VISITS],
        **forms,
    }


@editor_required
@require_POST
def follow_up_complete(request, member, follow_up_id):
    follow_up = member_object_or_404(
        FollowUp.objects.select_related("visit"), member, pk=follow_up_id
    )
    form = CompleteFollowUpForm(request.POST)
    status = save_form(
        form,
        lambda: services.complete_follow_up(
            follow_up=follow_up,
            expected_version=form.cleaned_data["version"],
            done_on=form.cleaned_data["done_on"],
        ),
    )
    if status is not None:
        return _detail(
            request,
            member,
            follow_up.visit_id,
            status=status,
            complete_form=form,
            refused=follow_up.pk,
        )
    messages.success(request, _("Opfølgningen er markeret som udført."))
    return redirect("visits:detail", code=member.municipality.code, visit_id=follow_up.visit_id)


@member_required
@require_GET
def rollup_page(request, member):
    """Visits and needs per industry and topic for a period, as a table and a heat map."""
    form = RollupForm(request.GET or None)
    first, last = form.period()
    result = rollup.rollup(member.municipality, first, last)
    return render(
        request,
        "visits/rollup.html",
        {
            "member": member,
            "nav": NAV,
            "form": form,
            "rollup": result,
            "heat_map": charts.heat_map(result),
        },
    )
