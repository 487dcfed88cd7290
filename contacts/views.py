"""Contact persons for members of a municipality: record one at a company, a person's page, and
the GDPR pages for staff: everything held on the person (JSON download and a readable page) and
erasure on request (a confirm step, the reason logged without personal data).

Thin: check the membership (`core.scoping`), call `services` or `export`, render.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from businesses.models import Company
from contacts import export, services
from contacts.enums import ErasureCause
from contacts.forms import ContactEditForm, ContactForm, ErasureForm
from contacts.models import PERSONAL_FIELDS, ContactPerson
from core.forms import save_form
from core.scoping import editor_required, member_object_or_404, member_required

NAV = "companies"


def _contact(member, contact_id):
    return member_object_or_404(
        ContactPerson.objects.select_related("company", "municipality"), member, pk=contact_id
    )


@editor_required
def contact_create(request, member, company_id):
    company = get_object_or_404(Company.objects.visible_to(member.municipality), pk=company_id)
    form = ContactForm(request.POST or None)
    status = 200
    if request.method == "POST":
        saved = {}

        def save():
            data = {k: v for k, v in form.cleaned_data.items() if k != "submission_token"}
            saved["contact"] = services.create_contact(
                municipality=member.municipality,
                company=company,
                token=form.cleaned_data["submission_token"],
                **data,
            )

        status = save_form(form, save)
        if status is None:
            messages.success(request, _("Kontaktpersonen er oprettet."))
            return redirect(
                "contacts:detail", code=member.municipality.code, contact_id=saved["contact"].pk
            )
    return render(
        request,
        "contacts/contact_form.html",
        {"member": member, "nav": NAV, "company": company, "form": form},
        status=status,
    )


@member_required
@require_GET
def contact_detail(request, member, contact_id):
    contact = _contact(member, contact_id)
    visits = contact.visits.order_by("-visited_on", "-pk")[:20]
    return render(
        request,
        "contacts/contact_detail.html",
        {"member": member, "nav": NAV, "contact": contact, "visits": visits},
    )


@editor_required
def contact_edit(request, member, contact_id):
    """Change a contact person's data; a page opened before someone else's save is refused."""
    contact = _contact(member, contact_id)
    form = ContactEditForm(request.POST or None, instance=contact)
    status = 200
    if request.method == "POST":
        status = save_form(
            form,
            lambda: services.update_contact(
                contact=contact,
                expected_version=form.cleaned_data["version"],
                **{name: form.cleaned_data[name] for name in PERSONAL_FIELDS},
            ),
        )
        if status is None:
            messages.success(request, _("Kontaktpersonen er gemt."))
            return redirect("contacts:detail", code=member.municipality.code, contact_id=contact.pk)
    return render(
        request,
        "contacts/contact_form.html",
        {
            "member": member,
            "nav": NAV,
            "company": contact.company,
            "form": form,
            "contact": contact,
        },
        status=status,
    )


@editor_required
@require_GET
def contact_export_json(request, member, contact_id):
    """Everything held on the person, machine-readable (GDPR art. 20), as a download."""
    contact = _contact(member, contact_id)
    response = JsonResponse(
        export.person_data(contact), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = f'attachment; filename="kontaktperson-{contact.pk}.json"'
    return response


@editor_required
@require_GET
def contact_export_page(request, member, contact_id):
    """Everything held on the person, to be read (GDPR art. 15) or printed."""
    contact = _contact(member, contact_id)
    return render(
        request,
        "contacts/contact_export.html",
        {"member": member, "nav": NAV, "contact": contact, "data": export.person_data(contact)},
    )


@editor_required
def contact_erase(request, member, contact_id):
    """Erase the person on request, after a confirm step; the erasure log keeps the reason
    and counts, no personal data."""
    contact = _contact(member, contact_id)
    form = ErasureForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = save_form(
            form,
            lambda: services.erase_contact(
                contact=contact,
                cause=ErasureCause.REQUEST,
                reason=form.cleaned_data["reason"],
                user=request.user,
            ),
        )
        if status is None:
            messages.success(request, _("Personen og alle oplysninger om personen er slettet."))
            return redirect(
                "businesses:detail", code=member.municipality.code, company_id=contact.company_id
            )
    return render(
        request,
        "contacts/contact_erase.html",
        {"member": member, "nav": NAV, "contact": contact, "form": form},
        status=status,
    )
