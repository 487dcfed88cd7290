from django import forms
from django.utils.translation import gettext_lazy as _

from contacts.models import NOTE_MAX_LENGTH, PERSONAL_FIELDS, ContactPerson
from core.forms import DanishDateInput, DkfdsFormMixin, SubmitOnceFormMixin


class ContactForm(DkfdsFormMixin, SubmitOnceFormMixin, forms.ModelForm):
    """A new contact person at a company, with the legal basis for keeping them."""

    class Meta:
        model = ContactPerson
        fields = PERSONAL_FIELDS
        widgets = {"last_contact_on": DanishDateInput}


class ErasureForm(DkfdsFormMixin, forms.Form):
    """Confirm an erasure on request, with a reason that holds no personal data."""

    reason = forms.CharField(
        label=_("Begrundelse"),
        max_length=NOTE_MAX_LENGTH,
        help_text=_("Uden personoplysninger, fx 'anmodning modtaget pr. e-mail 3. marts'."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=_("Jeg bekræfter, at personen og alle oplysninger om personen skal slettes."),
    )


class ContactEditForm(DkfdsFormMixin, forms.ModelForm):
    """A contact person's recorded data, against the version the page showed."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = ContactPerson
        fields = PERSONAL_FIELDS
        widgets = {"last_contact_on": DanishDateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = self.instance.version
