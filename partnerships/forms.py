from django import forms
from django.utils.translation import gettext_lazy as _

from actions.models import Activity, Partner
from core.forms import DanishDateInput, DkfdsFormMixin, SubmitOnceFormMixin
from core.ids import parse_id
from partnerships.models import Agreement, PartnerContact
from strategy.models import Goal


class PartnerForm(DkfdsFormMixin, forms.ModelForm):
    """A partner's name and description; the values the user saw travel along (hidden), so a
    save after someone else's is refused (`services.update_partner`)."""

    seen_name = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)
    seen_description = forms.CharField(
        widget=forms.HiddenInput, required=False, max_length=20_000, strip=False
    )

    class Meta:
        model = Partner
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["seen_name"] = self.instance.name
            self.initial["seen_description"] = self.instance.description

    def validate_unique(self):
        """The service checks the name once per municipality (the form has no municipality)."""


class IdsChoiceField(forms.ModelMultipleChoiceField):
    """Rows chosen by id, where anything that is not an id (`core.ids`: e.g. 40 digits, which
    SQLite cannot even compare) is refused as an invalid choice before the database sees it."""

    def _check_values(self, value):
        for raw in value:
            if parse_id(raw) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": str(raw)[:20]},
                )
        return super()._check_values(value)


class AgreementForm(DkfdsFormMixin, SubmitOnceFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    document_url = forms.URLField(
        label=_("Link til aftaledokumentet"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Fx til den underskrevne aftale i journalsystemet."),
    )

    class Meta:
        model = Agreement
        fields = [
            "title",
            "purpose",
            "period_text",
            "starts_on",
            "ends_on",
            "status",
            "document_url",
            "source",
            "activities",
            "goals",
        ]
        field_classes = {"activities": IdsChoiceField, "goals": IdsChoiceField}
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "starts_on": DanishDateInput(),
            "ends_on": DanishDateInput(),
            "activities": forms.SelectMultiple(attrs={"size": 10}),
            "goals": forms.SelectMultiple(attrs={"size": 10}),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activities"].queryset = Activity.objects.of_municipality(
            municipality
        ).select_related("plan")
        self.fields["goals"].queryset = Goal.objects.of_municipality(municipality)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def _post_clean(self):
        """The service validates and saves (one write path); the form only reads the input."""

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        data["token"] = data.pop("submission_token", None)
        return data


class ContactForm(DkfdsFormMixin, SubmitOnceFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    class Meta:
        model = PartnerContact
        fields = ["name", "role", "email", "phone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def _post_clean(self):
        """The service validates and saves."""

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class EraseForm(DkfdsFormMixin, forms.Form):
    confirm = forms.BooleanField(label=_("Ja, slet personen og alle oplysninger om personen"))
