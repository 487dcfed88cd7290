"""What the company page shows from this app (registered in `ContactsConfig.ready` with
`businesses.timeline`): the municipality's contact persons at the firm, one query."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from businesses.timeline import Fact
from contacts.models import ContactPerson


def contact_facts(company, municipality) -> list[Fact]:
    code = municipality.code
    contacts = ContactPerson.objects.of_municipality(municipality).filter(company=company)
    return [
        Fact(
            _("Kontaktperson"),
            f"{contact.name} ({contact.title})" if contact.title else contact.name,
            url=reverse("contacts:detail", kwargs={"code": code, "contact_id": contact.pk}),
        )
        for contact in contacts.only("pk", "name", "title")
    ] + [
        Fact(
            _("Kontaktpersoner"),
            _("Opret en kontaktperson"),
            url=reverse("contacts:create", kwargs={"code": code, "company_id": company.pk}),
            for_editors=True,
        )
    ]
