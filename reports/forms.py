from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DkfdsFormMixin
from reports.models import Report


class ReportRequestForm(DkfdsFormMixin, forms.ModelForm):
    """What an editor gives when asking for a report: its title and the recommendation."""

    class Meta:
        model = Report
        fields = ["title", "recommendation"]
        widgets = {"recommendation": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "recommendation": _(
                "Hvad udvalget bedes tage til efterretning eller beslutte. Står øverst i rapporten."
            )
        }
