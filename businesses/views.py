"""The company register's pages for members of a municipality: search and list, a company's
page, and the upload of the municipality's own list.

Thin: read the request, check the membership (`core.scoping`), call `search`, `queries` or
`csv_import`, render. Register companies are public data, so a member may open any of them;
a firm kept on another municipality's list is a 404 (`CompanyQuerySet.visible_to`).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from businesses import queries, services, timeline
from businesses.csv_import import import_own_firms
from businesses.forms import NO_OWNER, KeyAccountOwnerForm, OwnFirmsForm
from businesses.search import Hit, search_companies
from core.forms import save_form
from core.htmx import render_partial_or_page
from core.scoping import editor_required, member_required

NAV = "companies"
MAX_QUERY = 200


@member_required
def company_list(request, member):
    """The municipality's firms by name, or the best matches for `q` (search as you type)."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    page = None
    if query:
        hits = search_companies(query, municipality=member.municipality)
    else:
        page = Paginator(queries.company_list(member.municipality), queries.PAGE_SIZE).get_page(
            request.GET.get("side")
        )
        hits = [Hit(company, None, 0.0) for company in page]
    return render_partial_or_page(
        request,
        partial="businesses/_results.html",
        page="businesses/company_list.html",
        context={"member": member, "nav": NAV, "query": query, "hits": hits, "page": page},
    )


def _company_context(member, company, owner_form=None) -> dict:
    profile = company.own_profiles[0] if company.own_profiles else None
    owner_id = profile.key_account_owner_id if profile else None
    return {
        "member": member,
        "nav": NAV,
        "company": company,
        "profile": profile,
        "owner_form": owner_form
        or KeyAccountOwnerForm(municipality=member.municipality, current_owner_id=owner_id),
        "timeline": timeline.entries(company, member.municipality),
        "open_items": timeline.open_items(company, member.municipality),
        "facts": timeline.facts(company, member.municipality),
    }


@member_required
def company_detail(request, member, company_id: int):
    """A company's register data, history, production units, the municipality's own profile
    and what other apps register (`businesses.timeline`): the timeline, what is still open
    with the firm and who met it last."""
    company = get_object_or_404(queries.company_page(member.municipality), pk=company_id)
    return render(request, "businesses/company_detail.html", _company_context(member, company))


@editor_required
@require_POST
def key_account_owner(request, member, company_id: int):
    """Set the company's key-account owner; a change made meanwhile by someone else is refused
    and the page shows the current owner."""
    company = get_object_or_404(queries.company_page(member.municipality), pk=company_id)
    form = KeyAccountOwnerForm(request.POST, municipality=member.municipality)
    status = save_form(
        form,
        lambda: services.set_key_account_owner(
            municipality=member.municipality,
            company=company,
            owner=form.cleaned_data["owner"],
            expected_owner_id=form.cleaned_data["expected_owner"],
        ),
    )
    if status is not None:
        company = get_object_or_404(queries.company_page(member.municipality), pk=company_id)
        if status == 409:
            # Keep what was chosen, against the owner saved now, so that a second save applies.
            profile = company.own_profiles[0] if company.own_profiles else None
            data = request.POST.copy()
            data["expected_owner"] = (profile and profile.key_account_owner_id) or NO_OWNER
            refused, form = form, KeyAccountOwnerForm(data, municipality=member.municipality)
            form.is_valid()
            form.add_error(None, refused.non_field_errors())
        return render(
            request,
            "businesses/company_detail.html",
            _company_context(member, company, form),
            status=status,
        )
    messages.success(request, _("Den virksomhedsansvarlige er gemt."))
    return redirect("businesses:detail", code=member.municipality.code, company_id=company.pk)


@editor_required
def own_firms_import(request, member):
    """Upload the municipality's own list (CSV); all rows are saved, or none and the errors
    are listed."""
    context = {"member": member, "nav": NAV}
    status = 200
    if request.method == "POST":
        form = OwnFirmsForm(request.POST, request.FILES)
        status = 400
        if form.is_valid():
            upload = form.cleaned_data["file"]
            result = import_own_firms(
                municipality=member.municipality, file=upload, filename=upload.name
            )
            context["result"] = result
            if result.ok:
                status = 200
                form = OwnFirmsForm()
    else:
        form = OwnFirmsForm()
    context["form"] = form
    return render(request, "businesses/import_own_firms.html", context, status=status)
