from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from businesses.cvr.numbers import normalise_number, validate_cvr
from core.forms import DkfdsFormMixin, SubmitOnceFormMixin
from inquiries.enums import Action, State
from inquiries.models import MESSAGE_MAX_LENGTH, REASON_MAX_LENGTH, Team, Topic

# The field bots fill in and people never see (`inquiries.views.public_form`).
HONEYPOT = "website"


class TopicChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, topic):
        """The topic with its promise, so the business sees what it can expect."""
        promises = []
        if topic.response_text:
            promises.append(_("svar inden for %(time)s") % {"time": topic.response_text})
        if topic.resolution_text:
            promises.append(_("afgørelse inden for %(time)s") % {"time": topic.resolution_text})
        return f"{topic.name} ({', '.join(promises)})" if promises else topic.name


class InquiryForm(DkfdsFormMixin, SubmitOnceFormMixin, forms.Form):
    """The public form: who the business is, what it needs, and how to reach it."""

    cvr_number = forms.CharField(
        label=_("CVR-nummer"),
        max_length=20,
        help_text=_("8 cifre. Vi slår virksomheden op i CVR-registeret og viser navnet."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    company_name = forms.CharField(
        label=_("Virksomhedens navn"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    topic = TopicChoiceField(
        label=_("Hvad drejer henvendelsen sig om?"),
        queryset=Topic.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Hvad har I brug for?"),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("Beskriv kort, hvad vi kan hjælpe med. Højst 5.000 tegn."),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "max_length": _(
                "Teksten er for lang: skriv højst %(limit_value)s tegn (du skrev %(show_value)s)."
            )
        },
    )
    contact_name = forms.CharField(
        label=_("Dit navn"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Vi sender en kvittering med sagsnummer hertil."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Telefon"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    website = forms.CharField(
        label=_("Lad dette felt være tomt"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.of_municipality(municipality).filter(
            is_active=True
        )
        # Radio buttons take DKFDS's own class, not the text-input class the mixin gives.
        self.fields["topic"].widget.attrs["class"] = "form-radio"

    def clean_cvr_number(self):
        return self.clean_cvr_number_value(self.cleaned_data["cvr_number"])

    @staticmethod
    def clean_cvr_number_value(raw: str) -> str:
        """'12 34 56 74' or 'DK12345674' as '12345674', if it passes the modulus-11 check."""
        number = normalise_number(raw)
        validate_cvr(number)
        return number

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise forms.ValidationError(
                _("Formularen blev ikke sendt. Lad feltet 'Lad dette felt være tomt' være tomt."),
                code="honeypot",
            )
        return cleaned

    def values(self) -> dict:
        """What `inquiries.services.receive_inquiry` stores."""
        names = ["cvr_number", "company_name", "contact_name", "email", "phone", "message"]
        return {name: self.cleaned_data[name] for name in names}


class StateChangeForm(DkfdsFormMixin, forms.Form):
    """A state action on the case page, with the version the page was read at."""

    action = forms.ChoiceField(choices=Action.choices, widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = forms.CharField(
        label=_("Begrundelse"),
        max_length=REASON_MAX_LENGTH,
        required=False,
        widget=forms.TextInput,
    )
    team = forms.ModelChoiceField(label=_("Nyt team"), queryset=Team.objects.none(), required=False)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.of_municipality(municipality)


class QueueFilterForm(forms.Form):
    """The queue's filters; an unknown value is ignored rather than an error."""

    team = forms.ModelChoiceField(
        label=_("Team"), queryset=Team.objects.none(), required=False, empty_label=_("Alle")
    )
    topic = forms.ModelChoiceField(
        label=_("Emne"), queryset=Topic.objects.none(), required=False, empty_label=_("Alle")
    )
    state = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Alle åbne")), *State.choices],
        required=False,
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.of_municipality(municipality)
        self.fields["topic"].queryset = Topic.objects.of_municipality(municipality)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}


class YearForm(forms.Form):
    """The year the figures page shows; this year when none or a bad one is asked for."""

    year = forms.IntegerField(label=_("År"), min_value=1900, max_value=2100, required=False)

    def chosen_year(self) -> int:
        if self.is_bound and self.is_valid() and self.cleaned_data["year"]:
            return self.cleaned_data["year"]
        return timezone.localdate().year
