from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DkfdsFormMixin, SubmitOnceFormMixin
from events.models import Event
from inquiries.forms import HONEYPOT, InquiryForm

# What the public form accepts per field: enough for any real name, too little for a paste.
NAME_MAX_LENGTH = 200
TOO_LONG = _("Teksten er for lang: skriv højst %(limit_value)s tegn (du skrev %(show_value)s).")
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeInput(forms.DateTimeInput):
    """The browser's date and time picker, in the format it sends."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"min": "1900-01-01T00:00", "max": "2100-12-31T23:59", **(attrs or {})},
            format=DATETIME_FORMAT,
        )


def _moment(label, required=True, help_text=""):
    return forms.DateTimeField(
        label=label,
        required=required,
        help_text=help_text,
        widget=DateTimeInput,
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M"],
    )


class EventForm(DkfdsFormMixin, forms.ModelForm):
    """An event, as staff create and edit it; the version it was read at guards the save."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    starts_at = _moment(_("Starter"))
    ends_at = _moment(_("Slutter"), required=False)
    registration_deadline = _moment(
        _("Tilmeldingsfrist"), required=False, help_text=_("Tom: indtil arrangementet starter.")
    )

    class Meta:
        model = Event
        fields = [
            "kind",
            "title",
            "description",
            "place",
            "starts_at",
            "ends_at",
            "date_precision",
            "capacity",
            "registration_deadline",
            "is_public",
            "privacy_text",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "privacy_text": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["is_public"].widget.attrs["class"] = "form-checkbox"
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version


class RegistrationForm(DkfdsFormMixin, SubmitOnceFormMixin, forms.Form):
    """The public registration form: who comes, from which company, and the privacy text."""

    event = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=10**18 - 1)
    name = forms.CharField(
        label=_("Dit navn"),
        max_length=NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"max_length": TOO_LONG},
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Vi sender bekræftelsen og en kalenderfil hertil."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"max_length": TOO_LONG},
    )
    cvr_number = forms.CharField(
        label=_("CVR-nummer"),
        max_length=20,
        required=False,
        help_text=_("8 cifre. Vi slår virksomheden op i CVR-registeret og viser navnet."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    company_name = forms.CharField(
        label=_("Virksomhed"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={"max_length": TOO_LONG},
    )
    consent = forms.BooleanField(
        label=_("Jeg har læst teksten om, hvordan kommunen bruger mine oplysninger."),
        error_messages={"required": _("Sæt kryds for at tilmelde dig.")},
    )
    website = forms.CharField(
        label=_("Lad dette felt være tomt"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].widget.attrs["class"] = "form-checkbox"

    def clean_cvr_number(self):
        raw = self.cleaned_data["cvr_number"].strip()
        return InquiryForm.clean_cvr_number_value(raw) if raw else ""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise forms.ValidationError(
                _("Formularen blev ikke sendt. Lad feltet 'Lad dette felt være tomt' være tomt."),
                code="honeypot",
            )
        return cleaned

    def values(self) -> dict:
        names = ["name", "email", "company_name", "cvr_number"]
        return {name: self.cleaned_data[name] for name in names}
