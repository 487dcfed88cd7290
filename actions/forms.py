from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actions.enums import TrafficLight
from actions.models import Activity, Partner
from actions.periods import PeriodError, period_dates
from core.bounds import HOURS_DIGITS, MONEY_DIGITS, TEXT_MAX_LENGTH
from core.forms import DanishDateInput, DkfdsFormMixin, LocalizedDecimalField, SubmitOnceFormMixin
from core.models import User
from strategy.models import Goal


class StatusUpdateForm(DkfdsFormMixin, SubmitOnceFormMixin, forms.Form):
    """A dated status update as staff type it; the service decides whether it is valid."""

    reported_on = forms.DateField(label=_("Dato"), widget=DanishDateInput())
    light = forms.ChoiceField(
        label=_("Trafiklys"), choices=TrafficLight.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Kommentar"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Skriv en kort kommentar til status.")},
    )
    is_internal = forms.BooleanField(
        label=_("Intern – kun for kommunens brugere"), required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["light"].error_messages["required"] = _("Vælg et trafiklys.")
        self.fields["light"].widget.attrs["class"] = "form-radio"
        self.fields["is_internal"].widget.attrs["class"] = "form-checkbox"
        if not self.is_bound:
            self.initial.setdefault("reported_on", timezone.localdate())


class ActivityForm(DkfdsFormMixin, forms.ModelForm):
    """The fields staff may edit on an activity; `version` guards against overwriting others.

    The period is typed as the document writes it ("4. kvartal 2008", "2007-09"); the rule by
    which it and the date fields become the start and end is `actions.periods.period_dates`,
    the same for the Excel import.
    """

    LIST_FIELDS = ("partners", "goals")

    version = forms.IntegerField(widget=forms.HiddenInput)
    budget = LocalizedDecimalField(
        label=_("Budget (kr.)"), required=False, min_value=0, **MONEY_DIGITS
    )
    spent = LocalizedDecimalField(
        label=_("Forbrug (kr.)"), required=False, min_value=0, **MONEY_DIGITS
    )
    hours = LocalizedDecimalField(label=_("Timer"), required=False, min_value=0, **HOURS_DIGITS)

    class Meta:
        model = Activity
        fields = [
            "title",
            "description",
            "status",
            "period_text",
            "starts_on",
            "ends_on",
            "budget",
            "spent",
            "hours",
            "owner",
            "responsible_unit",
            "partners",
            "goals",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "starts_on": DanishDateInput(),
            "ends_on": DanishDateInput(),
            "partners": forms.CheckboxSelectMultiple,
            "goals": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "period_text": _(
                "Som i dokumentet, fx '4. kvartal 2008', 'foråret 2009', 'okt. 2014' eller "
                "'2007-09'. Start og slut udfyldes ud fra perioden."
            ),
            "starts_on": _("Udfyld kun, hvis datoerne afviger fra perioden."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        municipality_id = self.instance.plan.municipality_id
        self.fields["owner"].queryset = (
            User.objects.filter(memberships__municipality_id=municipality_id)
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        self.fields["partners"].queryset = Partner.objects.filter(
            municipality_id=municipality_id
        ).order_by("name")
        self.fields["goals"].queryset = (
            Goal.objects.filter(plan__municipality_id=municipality_id)
            .select_related("plan")
            .order_by("plan__title", "order", "pk")
        )
        self.fields["goals"].label_from_instance = lambda goal: f"{goal.title} ({goal.plan})"
        for name in self.LIST_FIELDS:
            self.fields[name].widget.attrs["class"] = "form-checkbox"
        if not self.is_bound:
            self.initial["version"] = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if "period_text" not in cleaned:
            return cleaned
        cleaned["period_text"] = cleaned["period_text"].strip()
        try:
            cleaned["starts_on"], cleaned["ends_on"] = period_dates(
                cleaned["period_text"],
                cleaned.get("starts_on"),
                cleaned.get("ends_on"),
                current=self.instance,
            )
        except PeriodError as error:
            self.add_error("period_text", str(error))
        return cleaned

    def changes(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in self.Meta.fields
            if name not in self.LIST_FIELDS
        }

    def lists(self) -> dict:
        return {name: list(self.cleaned_data[name]) for name in self.LIST_FIELDS}
