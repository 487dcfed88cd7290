"""The two logs for members: lists with per-year counts, and (for staff) adding an entry and
anonymising an advised person."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from core.forms import save_form
from core.scoping import editor_required, member_object_or_404, member_required
from outreach import figures, services
from outreach.forms import AdviceForm, MentionForm
from outreach.models import AdviceSession, MediaMention

NAV = "outreach"
PAGE_SIZE = 100


@dataclass(frozen=True)
class Log:
    """What sets one log apart: its URL names, rows, form, page, yearly counts, the service that
    records an entry and the message after it."""

    list_name: str
    add_name: str
    model: type
    form_class: type
    template: str
    title: str
    per_year: Callable
    record: Callable
    recorded: str

    def page(self, request, member, form=None, status=200):
        code = member.municipality.code
        rows = self.model.objects.of_municipality(member.municipality)
        return render(
            request,
            self.template,
            {
                "member": member,
                "nav": NAV,
                "title": self.title,
                "action": reverse(f"outreach:{self.add_name}", kwargs={"code": code}),
                "years": self.per_year(member.municipality),
                "page": Paginator(rows, PAGE_SIZE).get_page(request.GET.get("side")),
                "form": form or self.form_class(),
            },
            status=status,
        )

    def views(self):
        """The list (members) and the add view (staff), in that order."""

        @member_required
        @require_GET
        def show(request, member):
            return self.page(request, member)

        @editor_required
        @require_POST
        def add(request, member):
            form = self.form_class(request.POST)
            status = save_form(
                form,
                lambda: self.record(
                    municipality=member.municipality,
                    user=request.user,
                    token=form.cleaned_data["submission_token"],
                    **form.values(),
                ),
            )
            if status is not None:
                return self.page(request, member, form, status)
            messages.success(request, self.recorded)
            return redirect(f"outreach:{self.list_name}", code=member.municipality.code)

        return show, add


mentions, mention_add = Log(
    list_name="mentions",
    add_name="mention_add",
    model=MediaMention,
    form_class=MentionForm,
    template="outreach/mentions.html",
    title=gettext_lazy("Medieomtale"),
    per_year=figures.mentions_per_year,
    record=services.record_mention,
    recorded=gettext_lazy("Medieomtalen er registreret."),
).views()

advice, advice_add = Log(
    list_name="advice",
    add_name="advice_add",
    model=AdviceSession,
    form_class=AdviceForm,
    template="outreach/advice.html",
    title=gettext_lazy("Iværksætterrådgivning"),
    per_year=figures.advice_per_year,
    record=services.record_advice,
    recorded=gettext_lazy("Rådgivningen er registreret."),
).views()


@editor_required
@require_POST
def advice_anonymise(request, member, advice_id):
    session = member_object_or_404(AdviceSession, member, pk=advice_id)
    services.anonymise_advice(session=session)
    messages.success(request, _("Den rådgivne person er anonymiseret; rådgivningen tælles stadig."))
    return redirect("outreach:advice", code=member.municipality.code)
