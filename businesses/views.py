"""The company register's pages for members of a municipality: search and list, a company's
page, and the upload of the municipality's own list.

Thin: read the request, check the membership (`core.scoping`), call `search`, `queries` or
`csv_import`, render. Register companies are public data, so a member may open any of them;
a firm kept on another municipality's list is a 404 (`CompanyQuerySet.visible_to`).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from businesses import queries, timeline
from businesses.csv_import import import_own_firms
from businesses.forms import OwnFirmsForm
from businesses.search import Hit, search_companies
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


@member_required
def company_detail(request, member, company_id: int):
    """A company's register data, history, production units, the municipality's own profile
    and the timeline other apps fill (`businesses.timeline`)."""
    company = get_object_or_404(queries.company_page(member.municipality), pk=company_id)
    return render(
        request,
        "businesses/company_detail.html",
        {
            "member": member,
            "nav": NAV,
            "company": company,
            "profile": company.own_profiles[0] if company.own_profiles else None,
            "timeline": timeline.entries(company, member.municipality),
        },
    )


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
