from django import forms
from django.utils.translation import gettext_lazy as _

from core.bounds import MEASURE_DIGITS
from core.forms import LocalizedDecimalField
from imports.models import Proposal
from strategy.enums import PlanKind


class UploadForm(forms.Form):
    document = forms.FileField(
        label=_("Dokument"),
        help_text=_(
            "Den vedtagne strategi eller politik: PDF med tekst, Word (.docx) eller tekst (.txt)."
        ),
    )


class ProposalForm(forms.ModelForm):
    target = LocalizedDecimalField(label=_("Måltal"), required=False, **MEASURE_DIGITS)
    target_high = LocalizedDecimalField(
        label=_("Måltal, øvre grænse"), required=False, **MEASURE_DIGITS
    )
    baseline_value = LocalizedDecimalField(
        label=_("Udgangspunkt"), required=False, **MEASURE_DIGITS
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Proposal
        fields = [
            "title",
            "kind",
            "metric",
            "comparator",
            "target",
            "target_high",
            "unit",
            "deadline_year",
            "recurring",
            "recurring_from",
            "baseline_value",
            "baseline_year",
            "track_title",
            "theme_title",
        ]


class DecisionForm(forms.Form):
    """Accept or reject as proposed: only the version the decision is based on."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class CreatePlanForm(forms.Form):
    title = forms.CharField(label=_("Planens titel"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=PlanKind.choices)
    period_start = forms.IntegerField(label=_("Periode fra (år)"), min_value=1970, max_value=2100)
    period_end = forms.IntegerField(label=_("Periode til (år)"), min_value=1970, max_value=2100)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error(
                "period_end", _("Perioden skal slutte samme år eller efter den starter.")
            )
        return cleaned


class LibrarySearchForm(forms.Form):
    q = forms.CharField(label=_("Søg i mål"), max_length=100, required=False)
