from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DkfdsFormMixin
from core.models import User


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


NO_OWNER = "-"


class KeyAccountOwnerForm(DkfdsFormMixin, forms.Form):
    """Who is the company's named contact in the municipality; `expected_owner` is the owner the
    page showed, so that a change made meanwhile by someone else is not overwritten."""

    owner = forms.ModelChoiceField(
        label=_("Virksomhedsansvarlig"),
        queryset=None,
        required=False,
        empty_label=_("Ingen"),
    )
    expected_owner = forms.CharField(widget=forms.HiddenInput, max_length=20)

    def __init__(self, *args, municipality, current_owner_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.members_of(municipality).order_by(
            "first_name", "last_name", "username"
        )
        if not self.is_bound:
            self.initial.setdefault("owner", current_owner_id)
            self.initial.setdefault(
                "expected_owner", NO_OWNER if current_owner_id is None else current_owner_id
            )

    def clean_expected_owner(self):
        raw = self.cleaned_data["expected_owner"]
        if raw == NO_OWNER:
            return None
        if not raw.isdigit():
            raise forms.ValidationError(_("Siden er forældet. Indlæs den igen."))
        return int(raw)
