from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DanishDateInput, DkfdsFormMixin, SubmitOnceFormMixin
from outreach.models import AdviceSession, MediaMention
from procurement.forms import clean_cvr


class LogEntryForm(DkfdsFormMixin, SubmitOnceFormMixin, forms.ModelForm):
    """An entry of one of the logs; the service (`services.record_*`) validates and saves
    what `values()` gives it."""

    def _post_clean(self):
        """The service validates and saves."""

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class MentionForm(LogEntryForm):
    link = forms.URLField(label=_("Link"), max_length=1000, required=False, assume_scheme="https")

    class Meta:
        model = MediaMention
        fields = ["mentioned_on", "outlet", "reach", "title", "link"]
        widgets = {"mentioned_on": DanishDateInput()}


class AdviceForm(LogEntryForm):
    cvr_number = forms.CharField(label=_("CVR-nummer"), max_length=20, required=False)

    class Meta:
        model = AdviceSession
        fields = ["advised_on", "advised", "cvr_number", "topic", "adviser"]
        widgets = {"advised_on": DanishDateInput()}

    def clean_cvr_number(self):
        raw = self.cleaned_data["cvr_number"]
        return clean_cvr(raw) if raw.strip() else ""
