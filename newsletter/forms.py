"""The newsletter's forms: the public sign-up, an issue, and staff's look-up of an address."""

from django import forms
from django.utils.translation import gettext_lazy as _

from contacts.models import MailingList
from core.forms import DkfdsFormMixin
from inquiries.forms import HONEYPOT
from newsletter.models import NAME_MAX_LENGTH, SUBJECT_MAX_LENGTH, Issue


class ListChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, mailing_list):
        if mailing_list.description:
            return f"{mailing_list.name}: {mailing_list.description}"
        return mailing_list.name


class SignUpForm(DkfdsFormMixin, forms.Form):
    """The public sign-up: which list, the address, optionally who; the consent version shown."""

    mailing_list = ListChoiceField(
        label=_("Nyhedsbrev"),
        queryset=MailingList.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Vælg et af nyhedsbrevene.")},
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Vi sender en mail med et link, som du skal bruge for at bekræfte."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Skriv din e-mail-adresse."),
            "invalid": _("Skriv en gyldig e-mail-adresse, fx navn@firma.dk."),
        },
    )
    name = forms.CharField(
        label=_("Dit navn"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    company_name = forms.CharField(
        label=_("Virksomhed"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    consent_version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=1, max_value=100_000, required=False
    )
    website = forms.CharField(
        label=_("Lad dette felt være tomt"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, lists, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["mailing_list"]
        field.queryset = MailingList.objects.filter(pk__in=[item.pk for item in lists])
        field.widget.attrs["class"] = "form-radio"
        if len(lists) == 1:
            field.widget = forms.HiddenInput()
            field.initial = lists[0].pk

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise forms.ValidationError(
                _("Formularen blev ikke sendt. Lad feltet 'Lad dette felt være tomt' være tomt."),
                code="honeypot",
            )
        return cleaned


class IssueForm(DkfdsFormMixin, forms.ModelForm):
    """An issue: the list, subject and body (HTML from a small set of tags, or plain text)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Issue
        fields = ["mailing_list", "subject", "body"]
        labels = {"mailing_list": _("Liste"), "subject": _("Emne"), "body": _("Tekst")}
        help_texts = {
            "body": _(
                "Skriv almindelige afsnit med en tom linje imellem, eller HTML med <p>, <h2>, "
                "<h3>, <strong>, <em>, <a href>, <ul>, <ol>, <li>, <blockquote> og <br>. Alt "
                "andet fjernes. Se forhåndsvisningen, før du sender."
            )
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mailing_list"].queryset = MailingList.objects.of_municipality(municipality)
        self.fields["mailing_list"].empty_label = None
        self.fields["subject"].max_length = SUBJECT_MAX_LENGTH
