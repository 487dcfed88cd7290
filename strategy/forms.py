from django import forms
from django.utils.translation import gettext_lazy as _

from core.bounds import MEASURE_DIGITS, TEXT_MAX_LENGTH
from core.forms import DanishDateInput, DkfdsFormMixin, LocalizedDecimalField, SubmitOnceFormMixin
from core.models import User
from strategy.enums import Assessment, GoalKind
from strategy.models import Goal


class MeasurementForm(DkfdsFormMixin, SubmitOnceFormMixin, forms.Form):
    """A measurement as a person types it; the service decides whether it is valid."""

    measured_on = forms.DateField(label=_("Dato for målingen"), widget=DanishDateInput())
    value = LocalizedDecimalField(label=_("Værdi"), required=False, **MEASURE_DIGITS)
    assessment = forms.ChoiceField(
        label=_("Vurdering"), choices=[("", "—")] + Assessment.choices, required=False
    )
    source = forms.CharField(label=_("Kilde"), max_length=300)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, goal: Goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.goal = goal
        if goal.kind == GoalKind.QUALITATIVE:
            del self.fields["value"]
            self.fields["assessment"].required = True
            self.fields["assessment"].error_messages["required"] = _(
                "Vælg en vurdering af det kvalitative mål."
            )
        else:
            del self.fields["assessment"]
            self.fields["value"].required = True
            self.fields["value"].error_messages["required"] = _("Angiv den målte værdi.")
            if goal.unit:
                self.fields["value"].help_text = goal.unit
            if goal.kind == GoalKind.MILESTONE:
                self.fields["value"].help_text = _("1 = nået, 0 = ikke nået endnu")


class GoalForm(DkfdsFormMixin, forms.ModelForm):
    """The fields staff may edit on a goal page; `version` guards against overwriting others."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    baseline_value = LocalizedDecimalField(
        label=_("Udgangspunkt"), required=False, **MEASURE_DIGITS
    )
    target_value = LocalizedDecimalField(label=_("Måltal"), required=False, **MEASURE_DIGITS)

    class Meta:
        model = Goal
        fields = [
            "title",
            "description",
            "metric",
            "unit",
            "direction",
            "baseline_value",
            "baseline_date",
            "baseline_source",
            "comparator",
            "target_value",
            "deadline",
            "deadline_text",
            "owner",
            "internal_note",
        ]
        widgets = {
            "baseline_date": DanishDateInput(),
            "deadline": DanishDateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
            "internal_note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(
            memberships__municipality_id=self.instance.plan.municipality_id
        ).order_by("first_name", "last_name")
        if not self.is_bound:
            self.initial["version"] = self.instance.version

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
