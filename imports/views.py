"""From document to plan: upload, review the proposals beside the document, decide, create.

Staff (`editor_required`) upload and decide; every member may read the imports and their
reviews. The national library is public for imports whose plan is adopted and shows a
municipality's drafts to its own members only (`queries.visible_imports`).

Thin: read the request, check the membership (`core.scoping`), call `services` or `queries`,
render. The source sentence of each proposal is marked in the document on the server
(`queries.marked_segments`): an anchor per proposal, no script.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.access import Rule, access
from core.forms import save_form
from core.scoping import (
    editor_required,
    member_object_or_404,
    member_required,
    public_or_member_object_or_404,
    visible_municipality_ids,
)
from imports import queries, services
from imports.forms import (
    CreatePlanForm,
    DecisionForm,
    LibrarySearchForm,
    ProposalForm,
    UploadForm,
)
from imports.models import Decision, DocumentImport, Proposal

NAV = "imports"


@member_required
@require_GET
def import_list(request, member):
    return render(
        request,
        "imports/import_list.html",
        {
            "member": member,
            "nav": NAV,
            "imports": queries.imports_of(member.municipality),
        },
    )


@editor_required
def upload(request, member):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        created = {}

        def save():
            created["import"] = services.import_document(
                municipality=member.municipality,
                user=request.user,
                upload=form.cleaned_data["document"],
            )

        status = save_form(form, save)
        if status is None:
            document_import = created["import"]
            messages.success(
                request,
                _("Dokumentet er læst: %(count)s forslag til mål.")
                % {"count": document_import.proposals.count()},
            )
            return redirect(
                "imports:review",
                code=member.municipality.code,
                document_import_id=document_import.pk,
            )
        return render(
            request,
            "imports/upload.html",
            {"member": member, "nav": NAV, "form": form},
            status=status,
        )
    return render(request, "imports/upload.html", {"member": member, "nav": NAV, "form": form})


def _review_context(member, document_import, *, create_form=None):
    proposals = list(document_import.proposals.order_by("order", "pk"))
    tracks: dict[str, list[Proposal]] = {}
    for proposal in proposals:
        tracks.setdefault(proposal.track_title, []).append(proposal)
    initial = {
        "title": document_import.title,
        "kind": document_import.kind,
        "period_start": document_import.period_start,
        "period_end": document_import.period_end,
    }
    return {
        "member": member,
        "nav": NAV,
        "document_import": document_import,
        "segments": queries.marked_segments(document_import.text, proposals),
        "tracks": tracks,
        "counts": queries.decision_counts(document_import.proposals.all()),
        "create_form": create_form or CreatePlanForm(initial=initial),
        "decisions": Decision,
    }


@member_required
@require_GET
def review(request, member, document_import_id):
    document_import = member_object_or_404(
        DocumentImport.objects.select_related("plan"), member, pk=document_import_id
    )
    return render(request, "imports/review.html", _review_context(member, document_import))


@editor_required
def proposal_decide(request, member, document_import_id, proposal_id):
    proposal = member_object_or_404(
        Proposal.objects.select_related("document_import"),
        member,
        pk=proposal_id,
        document_import_id=document_import_id,
    )
    document_import = proposal.document_import
    if request.method != "POST":
        form = ProposalForm(instance=proposal, initial={"version": proposal.version})
        return render(
            request,
            "imports/proposal_form.html",
            {"member": member, "nav": NAV, "proposal": proposal, "form": form},
        )
    decision = request.POST.get("decision", "")
    edited = decision == Decision.EDITED
    # The edit form binds a fresh copy, so that a refused edit leaves `proposal` as stored.
    form = (
        ProposalForm(request.POST, instance=Proposal.objects.get(pk=proposal.pk))
        if edited
        else DecisionForm(request.POST)
    )

    def save():
        services.decide(
            proposal=proposal,
            user=request.user,
            expected_version=form.cleaned_data["version"],
            decision=decision,
            changes={name: form.cleaned_data[name] for name in services.EDITABLE}
            if edited
            else None,
        )

    status = save_form(form, save)
    if status is None:
        return redirect(f"{_review_url(member, document_import)}#forslag-{proposal.pk}")
    if edited:
        return render(
            request,
            "imports/proposal_form.html",
            {"member": member, "nav": NAV, "proposal": proposal, "form": form},
            status=status,
        )
    document_import.refresh_from_db()
    context = _review_context(member, document_import)
    context["decision_form"] = form
    return render(request, "imports/review.html", context, status=status)


def _review_url(member, document_import) -> str:
    from django.urls import reverse

    return reverse(
        "imports:review",
        kwargs={"code": member.municipality.code, "document_import_id": document_import.pk},
    )


@editor_required
@require_POST
def accept_remaining(request, member, document_import_id):
    document_import = member_object_or_404(DocumentImport, member, pk=document_import_id)
    try:
        count = services.accept_remaining(document_import=document_import, user=request.user)
    except services.ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(count)s forslag er godkendt.") % {"count": count})
    return redirect(_review_url(member, document_import))


@editor_required
@require_POST
def create_plan(request, member, document_import_id):
    document_import = member_object_or_404(
        DocumentImport.objects.select_related("plan"), member, pk=document_import_id
    )
    form = CreatePlanForm(request.POST)
    created = {}

    def save():
        created["plan"] = services.create_plan(
            document_import=document_import, user=request.user, **form.cleaned_data
        )

    status = save_form(form, save)
    if status is None:
        messages.success(request, _("Planen er oprettet som udkast."))
        return redirect("strategy:plan", code=member.municipality.code, plan_id=created["plan"].pk)
    document_import.refresh_from_db()
    return render(
        request,
        "imports/review.html",
        _review_context(member, document_import, create_form=form),
        status=status,
    )


@access(Rule.PUBLIC)
@require_GET
def library(request):
    """The search across municipalities. Goals are listed for a search ("arbejdspladser"),
    not all at once: the page without one lists the municipalities that have documents."""
    form = LibrarySearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    member_ids = visible_municipality_ids(request.user)
    page, municipalities = None, []
    if query:
        goals = queries.library_goals(member_ids=member_ids, query=query)
        page = Paginator(goals, queries.LIBRARY_PAGE).get_page(request.GET.get("side"))
        municipalities = sorted({goal.document_import.municipality.name for goal in page})
    return render(
        request,
        "imports/library.html",
        {
            "form": form,
            "query": query,
            "page": page,
            "municipalities": municipalities,
            "overview": queries.library_overview(member_ids) if not query else [],
        },
    )


@access(Rule.PUBLIC_WHEN_ADOPTED)
@require_GET
def library_document(request, code, document_import_id):
    municipality, document_import = public_or_member_object_or_404(
        DocumentImport.objects.select_related("plan"), request.user, code, pk=document_import_id
    )
    proposals = list(
        document_import.proposals.exclude(decision=Decision.REJECTED).order_by("order", "pk")
    )
    return render(
        request,
        "imports/library_document.html",
        {
            "municipality": municipality,
            "document_import": document_import,
            "proposals": proposals,
            "segments": queries.marked_segments(document_import.text, proposals),
        },
    )
