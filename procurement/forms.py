from django import forms
from django.utils.translation import gettext_lazy as _

from businesses.cvr.numbers import normalise_number, validate_cvr
from core.bounds import MONEY_DIGITS
from core.forms import (
    DanishDateInput,
    DkfdsFormMixin,
    LocalizedDecimalField,
    SubmitOnceFormMixin,
)
from inquiries.forms import HONEYPOT
from procurement.models import Bid, Tender

TOO_LONG = _("Teksten er for lang: skriv højst %(limit_value)s tegn (du skrev %(show_value)s).")


def clean_cvr(raw: str) -> str:
    """'12 34 56 74' or 'DK12345674' as '12345674', if it passes the modulus-11 check."""
    number = normalise_number(raw)
    validate_cvr(number)
    return number


class TenderForm(DkfdsFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    estimated_value = LocalizedDecimalField(
        label=_("anslået værdi (kr.)"), required=False, **MONEY_DIGITS
    )

    class Meta:
        model = Tender
        fields = [
            "title",
            "description",
            "expected_publication",
            "estimated_value",
            "contact_name",
            "contact_email",
            "contact_phone",
            "is_public",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "expected_publication": DanishDateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["is_public"].widget.attrs["class"] = "form-checkbox"
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def _post_clean(self):
        """The service validates and saves."""

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class MeetingForm(DkfdsFormMixin, SubmitOnceFormMixin, forms.Form):
    held_on = forms.DateField(label=_("Dato"), widget=DanishDateInput())
    participants = forms.CharField(
        label=_("Deltagere"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": TOO_LONG},
    )
    note = forms.CharField(
        label=_("Referat"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": TOO_LONG},
    )


class BidForm(DkfdsFormMixin, forms.Form):
    company_name = forms.CharField(label=_("Tilbudsgiver"), max_length=200)
    cvr_number = forms.CharField(label=_("CVR-nummer"), max_length=20, required=False)
    received_on = forms.DateField(label=_("Modtaget"), widget=DanishDateInput())

    def clean_cvr_number(self):
        raw = self.cleaned_data["cvr_number"]
        return clean_cvr(raw) if raw.strip() else ""


class AwardForm(DkfdsFormMixin, forms.Form):
    bid = forms.ModelChoiceField(label=_("Valgt tilbud"), queryset=Bid.objects.none())
    awarded_on = forms.DateField(label=_("Tildelt den"), widget=DanishDateInput())

    def __init__(self, *args, tender, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bid"].queryset = tender.bids.all()


class DebriefingForm(DkfdsFormMixin, forms.Form):
    told_on = forms.DateField(label=_("Begrundelse givet den"), widget=DanishDateInput())
    reason = forms.CharField(
        label=_("Begrundelse"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": TOO_LONG},
    )
    told_by = forms.CharField(label=_("Givet af"), max_length=200)


class InterestForm(DkfdsFormMixin, SubmitOnceFormMixin, forms.Form):
    """The public form: which tender, which firm, and whom to write to."""

    tender = forms.ModelChoiceField(
        label=_("Udbud"), queryset=Tender.objects.none(), empty_label=None
    )
    cvr_number = forms.CharField(
        label=_("CVR-nummer"),
        max_length=20,
        help_text=_("8 cifre. Vi slår virksomheden op i CVR-registeret."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    company_name = forms.CharField(
        label=_("Virksomhedens navn"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    contact_name = forms.CharField(
        label=_("Dit navn"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Vi skriver til jer, når udbuddet offentliggøres."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website = forms.CharField(
        label=_("Lad dette felt være tomt"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, tenders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tender"].queryset = tenders

    def clean_cvr_number(self):
        return clean_cvr(self.cleaned_data["cvr_number"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise forms.ValidationError(
                _("Formularen blev ikke sendt. Lad feltet 'Lad dette felt være tomt' være tomt."),
                code="honeypot",
            )
        return cleaned
