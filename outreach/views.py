"""The two logs for members: lists with per-year counts, and (for staff) adding an entry and
anonymising an advised person."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.forms import save_form
from core.scoping import editor_required, member_object_or_404, member_required
from outreach import figures, services
from outreach.forms import AdviceForm, MentionForm
from outreach.models import AdviceSession, MediaMention

NAV = "outreach"
PAGE_SIZE = 100


def _mentions_page(request, member, form=None, status=200):
    rows = MediaMention.objects.of_municipality(member.municipality)
    return render(
        request,
        "outreach/mentions.html",
        {
            "member": member,
            "nav": NAV,
            "years": figures.mentions_per_year(member.municipality),
            "page": Paginator(rows, PAGE_SIZE).get_page(request.GET.get("side")),
            "form": form or MentionForm(),
        },
        status=status,
    )


@member_required
@require_GET
def mentions(request, member):
    return _mentions_page(request, member)


@editor_required
@require_POST
def mention_add(request, member):
    form = MentionForm(request.POST)
    status = save_form(
        form,
        lambda: services.record_mention(
            municipality=member.municipality,
            user=request.user,
            token=form.cleaned_data["submission_token"],
            **form.values(),
        ),
    )
    if status is not None:
        return _mentions_page(request, member, form, status)
    messages.success(request, _("Medieomtalen er registreret."))
    return redirect("outreach:mentions", code=member.municipality.code)


def _advice_page(request, member, form=None, status=200):
    rows = AdviceSession.objects.of_municipality(member.municipality)
    return render(
        request,
        "outreach/advice.html",
        {
            "member": member,
            "nav": NAV,
            "years": figures.advice_per_year(member.municipality),
            "page": Paginator(rows, PAGE_SIZE).get_page(request.GET.get("side")),
            "form": form or AdviceForm(),
        },
        status=status,
    )


@member_required
@require_GET
def advice(request, member):
    return _advice_page(request, member)


@editor_required
@require_POST
def advice_add(request, member):
    form = AdviceForm(request.POST)
    status = save_form(
        form,
        lambda: services.record_advice(
            municipality=member.municipality,
            user=request.user,
            token=form.cleaned_data["submission_token"],
            **form.values(),
        ),
    )
    if status is not None:
        return _advice_page(request, member, form, status)
    messages.success(request, _("Rådgivningen er registreret."))
    return redirect("outreach:advice", code=member.municipality.code)


@editor_required
@require_POST
def advice_anonymise(request, member, advice_id):
    session = member_object_or_404(AdviceSession, member, pk=advice_id)
    services.anonymise_advice(session=session)
    messages.success(request, _("Den rådgivne person er anonymiseret; rådgivningen tælles stadig."))
    return redirect("outreach:advice", code=member.municipality.code)
