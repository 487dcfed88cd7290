from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DkfdsFormMixin


class OwnFirmsForm(DkfdsFormMixin, forms.Form):
    # Empty and wrong files are let through: `csv_import.import_own_firms` explains what is wrong.
    file = forms.FileField(
        label=_("Liste over virksomheder (.csv)"),
        allow_empty_file=True,
        help_text=_(
            "Højst 2 MB, gemt som CSV UTF-8. Første række navngiver kolonnerne: navn, cvr, "
            "vejnavn, husnummer, postnummer, by, note."
        ),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv", "class": "tt-file-input"}),
        error_messages={"required": _("Vælg en fil.")},
    )
