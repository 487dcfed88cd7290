from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actions.rules import add_months
from contacts.models import ContactPerson
from core.bounds import TEXT_MAX_LENGTH, validate_plausible_date
from core.forms import DanishDateInput, DkfdsFormMixin, SubmitOnceFormMixin
from core.models import User
from visits.enums import Body
from visits.models import LINE_MAX_LENGTH, VisitTopic

# Rows for needs and follow-ups on the visit form: enough for one meeting; more follow-ups can
# be added on the visit's page later (`NewFollowUpForm`).
EXTRA_ROWS = 3


def _members(municipality):
    return User.objects.members_of(municipality).order_by("first_name", "last_name", "username")


def _topics(municipality):
    return VisitTopic.objects.of_municipality(municipality).filter(is_active=True)


class VisitForm(DkfdsFormMixin, SubmitOnceFormMixin, forms.Form):
    """A visit to one company: when, who, what about."""

    visited_on = forms.DateField(label=_("Dato"), widget=DanishDateInput)
    body = forms.ChoiceField(
        label=_("Besøgt af"),
        choices=Body.choices,
        initial=Body.MUNICIPALITY,
        help_text=_(
            "Registrér også besøg, som borgmesteren, jobcentret eller erhvervshuset har aflagt."
        ),
    )
    production_unit = forms.ModelChoiceField(
        label=_("Produktionsenhed"), queryset=None, required=False
    )
    our_participants = forms.ModelMultipleChoiceField(
        label=_("Vores deltagere"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    their_participants = forms.ModelMultipleChoiceField(
        label=_("Virksomhedens deltagere"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kontaktpersoner oprettes på virksomhedens side."),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Emner"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    other_topic = forms.CharField(label=_("Andet emne"), max_length=200, required=False)
    summary = forms.CharField(
        label=_("Referat"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, municipality, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["production_unit"].queryset = company.production_units.all()
        self.fields["our_participants"].queryset = _members(municipality)
        self.fields["their_participants"].queryset = ContactPerson.objects.of_municipality(
            municipality
        ).filter(company=company)
        self.fields["topics"].queryset = _topics(municipality)
        if not self.is_bound:
            self.initial.setdefault("visited_on", timezone.localdate())


class NeedForm(DkfdsFormMixin, forms.Form):
    topic = forms.ModelChoiceField(label=_("Emne"), queryset=None, required=False)
    text = forms.CharField(label=_("Behov"), max_length=LINE_MAX_LENGTH, required=False)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = _topics(municipality)

    def clean(self):
        data = super().clean()
        if data.get("topic") and not data.get("text"):
            self.add_error("text", _("Skriv behovet."))
        return data


class FollowUpForm(DkfdsFormMixin, forms.Form):
    title = forms.CharField(label=_("Opgave"), max_length=LINE_MAX_LENGTH, required=False)
    owner = forms.ModelChoiceField(label=_("Ansvarlig"), queryset=None, required=False)
    due_on = forms.DateField(label=_("Frist"), widget=DanishDateInput, required=False)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _members(municipality)

    def clean(self):
        data = super().clean()
        if data.get("title") or data.get("owner") or data.get("due_on"):
            for name in ("title", "owner", "due_on"):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, _("Udfyld opgave, ansvarlig og frist."))
        return data


class NewFollowUpForm(SubmitOnceFormMixin, FollowUpForm):
    """A follow-up added on the visit's page after the visit was recorded."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "owner", "due_on"):
            self.fields[name].required = True


NeedFormSet = forms.formset_factory(
    NeedForm, extra=EXTRA_ROWS, max_num=EXTRA_ROWS, validate_max=True
)
FollowUpFormSet = forms.formset_factory(
    FollowUpForm, extra=EXTRA_ROWS, max_num=EXTRA_ROWS, validate_max=True
)


class CompleteFollowUpForm(DkfdsFormMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    done_on = forms.DateField(label=_("Udført den"), widget=DanishDateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("done_on", timezone.localdate())


class RollupForm(DkfdsFormMixin, forms.Form):
    """The period of the roll-up: from and to (both included); a year back by default."""

    fra = forms.DateField(
        label=_("Fra"), widget=DanishDateInput, required=False, validators=[validate_plausible_date]
    )
    til = forms.DateField(
        label=_("Til"), widget=DanishDateInput, required=False, validators=[validate_plausible_date]
    )

    def period(self):
        today = timezone.localdate()
        first, last = add_months(today, -12), today
        if self.is_valid():
            first = self.cleaned_data["fra"] or first
            last = self.cleaned_data["til"] or last
        return first, last
