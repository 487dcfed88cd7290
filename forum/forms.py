from django import forms
from django.utils.translation import gettext_lazy as _

from actions.models import Activity
from businesses.cvr.numbers import normalise_number, validate_cvr
from core.forms import DanishDateInput, DkfdsFormMixin, SubmitOnceFormMixin
from forum.enums import IdeaStage, IdeaStatus
from forum.models import Decision, FollowUp, Forum, Idea, Meeting, Participant
from strategy.models import Goal

# The field bots fill in and people never see (as on the inquiry form).
HONEYPOT = "website"
TOO_LONG = _("Teksten er for lang: skriv højst %(limit_value)s tegn (du skrev %(show_value)s).")


class VersionMixin(forms.Form):
    """The version the page was read at (`core.concurrency`)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk and not self.is_bound:
            self.initial["version"] = instance.version

    def values(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in self._meta.fields
            if name in self.cleaned_data and name != "themes"
        }


class ForumForm(DkfdsFormMixin, VersionMixin, forms.ModelForm):
    class Meta:
        model = Forum
        fields = [
            "name",
            "adopted_on",
            "purpose",
            "membership",
            "is_open_to_all",
            "chair",
            "reports_to",
            "responsible",
            "secretariat",
            "decides_nothing",
            "action_plan",
            "source",
        ]
        widgets = {"adopted_on": DanishDateInput}


class MeetingForm(DkfdsFormMixin, VersionMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["planned", "held_on", "title", "place", "themes", "agenda", "minutes"]
        widgets = {
            "held_on": DanishDateInput,
            "themes": forms.CheckboxSelectMultiple,
            "agenda": forms.Textarea(attrs={"rows": 5}),
            "minutes": forms.Textarea(attrs={"rows": 10}),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Idea.objects.of_municipality(municipality).filter(
            status=IdeaStatus.ACCEPTED
        )
        self.fields["themes"].widget.attrs["class"] = "form-checkbox"
        self.fields["themes"].help_text = _(
            "Vælg blandt de temaer, deltagerne har foreslået, og som er godkendt."
        )


class ParticipantForm(DkfdsFormMixin, forms.ModelForm):
    # Typed as people write it ("29 40 34 73", "DK29403473"); stored as the eight digits.
    cvr_number = forms.CharField(
        label=_("CVR-nummer"),
        max_length=20,
        required=False,
        help_text=_("Deltageren knyttes til virksomheden i CVR-registeret."),
    )

    class Meta:
        model = Participant
        fields = ["name", "email", "organisation", "cvr_number", "attended"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].widget.attrs["class"] = "form-checkbox"

    def clean_cvr_number(self):
        raw = self.cleaned_data.get("cvr_number") or ""
        if not raw.strip():
            return ""
        number = normalise_number(raw)
        validate_cvr(number)
        return number


class FollowUpForm(DkfdsFormMixin, VersionMixin, forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["due_on", "subject", "body"]
        widgets = {"due_on": DanishDateInput, "body": forms.Textarea(attrs={"rows": 14})}


class ActionForm(forms.Form):
    """A button that changes a row read at a version."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ReviewForm(ActionForm):
    status = forms.ChoiceField(choices=IdeaStatus.choices, widget=forms.HiddenInput)


class StageForm(DkfdsFormMixin, ActionForm):
    stage = forms.ChoiceField(label=_("Hvor langt er det kommet?"), choices=IdeaStage.choices)


class AttendanceForm(ActionForm):
    attended = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=())

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(p.pk, p.name) for p in meeting.participants.all()]


class RemoveParticipantForm(ActionForm):
    participant = forms.IntegerField(min_value=1, max_value=10**18 - 1)


class DecisionForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["text", "decided_on", "body"]
        widgets = {"decided_on": DanishDateInput, "text": forms.Textarea(attrs={"rows": 3})}


class LinkForm(DkfdsFormMixin, forms.Form):
    activity = forms.ModelChoiceField(
        label=_("Aktivitet, der fører det ud"), queryset=Activity.objects.none(), required=False
    )
    goal = forms.ModelChoiceField(
        label=_("Mål, det tjener"), queryset=Goal.objects.none(), required=False
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = Activity.objects.of_municipality(
            municipality
        ).select_related("plan")
        self.fields["goal"].queryset = Goal.objects.of_municipality(municipality).select_related(
            "plan"
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("activity") and not cleaned.get("goal"):
            raise forms.ValidationError(_("Vælg en aktivitet eller et mål."))
        return cleaned


class IdeaForm(DkfdsFormMixin, forms.ModelForm):
    """An idea staff record themselves (e.g. one raised at a meeting or an event)."""

    class Meta:
        model = Idea
        fields = ["title", "description", "kind", "raised_at"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ProposalForm(DkfdsFormMixin, SubmitOnceFormMixin, forms.Form):
    """The public page: a theme for the forum's next meetings, and who proposes it."""

    title = forms.CharField(
        label=_("Tema"),
        max_length=200,
        help_text=_("Fx 'Nye muligheder med Letbanen'. Højst 200 tegn."),
        error_messages={"max_length": TOO_LONG},
    )
    description = forms.CharField(
        label=_("Hvorfor er temaet vigtigt for virksomhederne?"),
        max_length=2000,
        required=False,
        help_text=_("Højst 2.000 tegn."),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": TOO_LONG},
    )
    proposer_name = forms.CharField(
        label=_("Dit navn"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"max_length": TOO_LONG},
    )
    proposer_company = forms.CharField(
        label=_("Virksomhed"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={"max_length": TOO_LONG},
    )
    proposer_email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Så vi kan spørge, hvis der er noget. Vises ikke offentligt."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website = forms.CharField(
        label=_("Lad dette felt være tomt"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise forms.ValidationError(
                _("Forslaget blev ikke sendt. Lad feltet 'Lad dette felt være tomt' være tomt."),
                code="honeypot",
            )
        return cleaned

    def values(self) -> dict:
        names = ["title", "description", "proposer_name", "proposer_company", "proposer_email"]
        return {name: self.cleaned_data[name] for name in names}


class FollowForm(DkfdsFormMixin, forms.Form):
    """Follow a public idea by e-mail (confirmed by a link)."""

    idea = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=10**18 - 1)
    email = forms.EmailField(
        label=_("Din e-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Skriv din e-mail-adresse."),
            "invalid": _("Skriv en gyldig e-mail-adresse, fx navn@firma.dk."),
        },
    )
    website = ProposalForm.base_fields["website"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise forms.ValidationError(_("Lad feltet 'Lad dette felt være tomt' være tomt."))
        return cleaned
