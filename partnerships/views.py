"""The partner pages for members: the list, a partner with its agreements, contacts, activities
and goals, and (for staff) creating and editing partners, agreements and contact persons, and a
contact person's export and erasure. Thin: scoping by `core.scoping`, rules in `services`."""

from __future__ import annotations

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from actions.models import Partner
from core.forms import save_form
from core.scoping import editor_required, member_object_or_404, member_required
from partnerships import gdpr, queries, services
from partnerships.forms import AgreementForm, ContactForm, EraseForm, PartnerForm
from partnerships.models import Agreement, PartnerContact

NAV = "partners"


def _partner(member, partner_id):
    return member_object_or_404(Partner, member, pk=partner_id)


def _to_partner(member, partner_id):
    return redirect("partnerships:detail", code=member.municipality.code, partner_id=partner_id)


@member_required
@require_GET
def partner_list(request, member):
    return render(
        request,
        "partnerships/partner_list.html",
        {"member": member, "nav": NAV, "partners": queries.partner_list(member.municipality)},
    )


@member_required
@require_GET
def partner_detail(request, member, partner_id):
    partner = member_object_or_404(queries.partner_page(member.municipality), member, pk=partner_id)
    return render(
        request,
        "partnerships/partner_detail.html",
        {
            "member": member,
            "nav": NAV,
            "partner": partner,
            "activities": queries.activities_of(partner),
            "goals": queries.goals_of(partner),
        },
    )


def _form_page(request, member, form, *, title, status=200, partner=None, erase=None):
    return render(
        request,
        "partnerships/form.html",
        {
            "member": member,
            "nav": NAV,
            "form": form,
            "title": title,
            "partner": partner,
            "erase": erase,
        },
        status=status,
    )


@editor_required
def partner_create(request, member):
    form = PartnerForm(request.POST or None)
    if request.method == "POST":
        saved = {}

        def save():
            saved["partner"] = services.create_partner(
                municipality=member.municipality,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
            )

        status = save_form(form, save)
        if status is None:
            messages.success(request, _("Partneren er oprettet."))
            return _to_partner(member, saved["partner"].pk)
        return _form_page(request, member, form, title=_("Ny partner"), status=status)
    return _form_page(request, member, form, title=_("Ny partner"))


@editor_required
def partner_edit(request, member, partner_id):
    partner = _partner(member, partner_id)
    form = PartnerForm(request.POST or None, instance=partner)
    title = _("Ret partner")
    if request.method == "POST":
        status = save_form(
            form,
            lambda: services.update_partner(
                partner=partner,
                seen_name=form.cleaned_data["seen_name"],
                seen_description=form.cleaned_data["seen_description"],
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
            ),
        )
        if status is None:
            messages.success(request, _("Partneren er gemt."))
            return _to_partner(member, partner.pk)
        return _form_page(request, member, form, title=title, status=status, partner=partner)
    return _form_page(request, member, form, title=title, partner=partner)


def _agreement_page(request, member, partner, agreement=None):
    form = AgreementForm(request.POST or None, instance=agreement, municipality=member.municipality)
    title = _("Ret aftale") if agreement else _("Ny aftale")
    if request.method == "POST":
        status = save_form(
            form,
            lambda: services.save_agreement(
                partner=partner,
                agreement=agreement,
                expected_version=form.cleaned_data.get("version"),
                **form.values(),
            ),
        )
        if status is None:
            messages.success(request, _("Aftalen er gemt."))
            return _to_partner(member, partner.pk)
        return _form_page(request, member, form, title=title, status=status, partner=partner)
    return _form_page(request, member, form, title=title, partner=partner)


@editor_required
def agreement_create(request, member, partner_id):
    return _agreement_page(request, member, _partner(member, partner_id))


@editor_required
def agreement_edit(request, member, agreement_id):
    agreement = member_object_or_404(
        Agreement.objects.select_related("partner__municipality"), member, pk=agreement_id
    )
    return _agreement_page(request, member, agreement.partner, agreement)


@editor_required
def contact_create(request, member, partner_id):
    partner = _partner(member, partner_id)
    form = ContactForm(request.POST or None)
    if request.method == "POST":
        status = save_form(
            form,
            lambda: services.create_contact(
                partner=partner, token=form.cleaned_data["submission_token"], **form.values()
            ),
        )
        if status is None:
            messages.success(request, _("Kontaktpersonen er gemt."))
            return _to_partner(member, partner.pk)
        return _form_page(
            request, member, form, title=_("Ny kontaktperson"), status=status, partner=partner
        )
    return _form_page(request, member, form, title=_("Ny kontaktperson"), partner=partner)


def _contact(member, partner_contact_id):
    return member_object_or_404(
        PartnerContact.objects.select_related("partner__municipality"),
        member,
        pk=partner_contact_id,
    )


@editor_required
def contact_edit(request, member, partner_contact_id):
    contact = _contact(member, partner_contact_id)
    form = ContactForm(request.POST or None, instance=contact)
    title = _("Ret kontaktperson")
    if request.method == "POST":
        status = save_form(
            form,
            lambda: services.update_contact(
                contact=contact,
                expected_version=form.cleaned_data.get("version"),
                **form.values(),
            ),
        )
        if status is None:
            messages.success(request, _("Kontaktpersonen er gemt."))
            return _to_partner(member, contact.partner_id)
        return _form_page(
            request, member, form, title=title, status=status, partner=contact.partner
        )
    return _form_page(request, member, form, title=title, partner=contact.partner, erase=contact)


@editor_required
@require_GET
def contact_export(request, member, partner_contact_id):
    """Everything held on the person (GDPR art. 15 and 20), as a JSON download."""
    contact = _contact(member, partner_contact_id)
    response = JsonResponse(
        gdpr.person_data(contact), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = f'attachment; filename="partnerkontakt-{contact.pk}.json"'
    return response


@editor_required
def contact_erase(request, member, partner_contact_id):
    """Erase the person on request (GDPR art. 17), after a confirm step."""
    contact = _contact(member, partner_contact_id)
    form = EraseForm(request.POST or None)
    if request.method == "POST":
        status = save_form(form, lambda: gdpr.erase_contact(contact=contact))
        if status is None:
            messages.success(request, _("Kontaktpersonen er slettet."))
            return _to_partner(member, contact.partner_id)
    else:
        status = 200
    return _form_page(
        request,
        member,
        form,
        title=_("Slet kontaktperson"),
        status=status,
        partner=contact.partner,
    )
