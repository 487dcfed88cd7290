"""Pages for staff: the municipality's figures from Statistics Denmark, and linking a goal's
indicator to a table. Thin: parse, check, call the client or a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import save_form
from core.htmx import render_partial_or_page
from core.scoping import editor_required, member_object_or_404, member_required
from officialstats.client import StatBankClient, StatBankError, StatBankNotFound
from officialstats.forms import SeriesForm, TableForm
from officialstats.models import OfficialSeries
from officialstats.services import create_series, fetch_series


@member_required
def series_list(request, member):
    series = (
        OfficialSeries.objects.of_municipality(member.municipality)
        .select_related("goal")
        .order_by("order", "pk")
    )
    return render(
        request,
        "officialstats/series_list.html",
        {"member": member, "nav": "statistics", "series_list": series},
    )


@editor_required
def series_create(request, member):
    """Step 1 (GET `table`): read the table's variables from Statistics Denmark; step 2 (POST):
    link the values chosen from them. htmx swaps in step 2 without reloading the page."""
    table_form = TableForm(request.GET if "table" in request.GET else None)
    form, problem = None, ""
    if table_form.is_valid():
        try:
            info = StatBankClient().table_info(table_form.cleaned_data["table"])
        except StatBankNotFound:
            table_form.add_error("table", _("Danmarks Statistik har ingen tabel med det navn."))
        except StatBankError as error:
            problem = str(error)
        else:
            form = SeriesForm(
                request.POST if request.method == "POST" else None,
                info=info,
                municipality=member.municipality,
                initial={"title": info.text[:200], "goal": request.GET.get("goal")},
            )
    status = 200
    if form is not None and request.method == "POST":
        status = save_form(
            form,
            lambda: create_series(
                municipality=member.municipality,
                user=request.user,
                info=form.info,
                title=form.cleaned_data["title"],
                selection=form.selection(),
                area_variable=form.cleaned_data["area_variable"],
                per_capita=form.cleaned_data["per_capita"],
                goal=form.cleaned_data["goal"],
            ),
        )
        if status is None:
            messages.success(
                request, _("Tallene er koblet. De hentes i nat, eller nu med 'Hent nu'.")
            )
            return redirect("officialstats:series", code=member.municipality.code)
    return render_partial_or_page(
        request,
        partial="officialstats/_series_form.html",
        page="officialstats/series_create.html",
        context={
            "member": member,
            "nav": "statistics",
            "table_form": table_form,
            "form": form,
            "problem": problem,
        },
        status=status,
    )


@require_POST
@editor_required
def series_fetch(request, member, series_id: int):
    """Fetch one series now (what the nightly command does), and say what changed."""
    series = member_object_or_404(
        OfficialSeries.objects.select_related("municipality", "goal"), member, pk=series_id
    )
    try:
        report = fetch_series(series=series, client=StatBankClient(), user=request.user)
    except (StatBankError, ValidationError) as error:
        text = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        messages.error(request, _("Intet er ændret: %(error)s") % {"error": text})
    else:
        messages.success(
            request,
            _("Hentet: %(added)s nye, %(changed)s rettede, %(unchanged)s uændrede tal.")
            % {
                "added": len(report.added),
                "changed": len(report.changed),
                "unchanged": report.unchanged,
            },
        )
    return redirect("officialstats:series", code=member.municipality.code)
