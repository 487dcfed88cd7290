from django import forms
from django.utils.translation import gettext_lazy as _

from officialstats.client import TableInfo
from officialstats.models import MAX_VALUES, table_id_validator
from strategy.enums import GoalKind
from strategy.models import Goal


class TableForm(forms.Form):
    """The first step: which table (its variables are then read from Statistics Denmark)."""

    table = forms.CharField(
        label=_("Tabel i Statistikbanken"),
        max_length=20,
        validators=[table_id_validator],
        help_text=_("Tabellens navn, fx ERHV2 (job), FOLK1A (befolkning) eller PEND101."),
    )

    def clean_table(self):
        return self.cleaned_data["table"].upper()


class SeriesForm(forms.Form):
    """The second step: values chosen from the table's own metadata (`tableinfo`), one list per
    variable, never typed codes; the goal whose indicator the figures are, or none for a figure
    that is only compared."""

    title = forms.CharField(label=_("Titel"), max_length=200)
    goal = forms.ModelChoiceField(
        label=_("Målets indikator"),
        queryset=Goal.objects.none(),
        required=False,
        help_text=_("Tallene gemmes som målinger af dette mål."),
    )
    area_variable = forms.ChoiceField(
        label=_("Sammenlign områder"),
        required=False,
        help_text=_("Vælg variablen med områderne for at vise dem side om side."),
    )
    per_capita = forms.BooleanField(
        label=_("Vis også pr. 1.000 indbyggere"),
        required=False,
        help_text=_("Kun hvor det er rimeligt, fx job, ikke pendlere."),
    )

    def __init__(self, *args, info: TableInfo, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.info = info
        self.fields["goal"].queryset = (
            Goal.objects.of_municipality(municipality)
            .filter(kind=GoalKind.QUANTIFIED, official_series__isnull=True)
            .select_related("plan")
            .order_by("plan__title", "order", "pk")
        )
        self.fields["goal"].label_from_instance = lambda goal: f"{goal.plan.title}: {goal.title}"[
            :160
        ]
        self.choosable = [variable for variable in info.variables if not variable.is_time]
        self.fields["area_variable"].choices = [("", _("Ingen: ét tal"))] + [
            (variable.id, variable.text) for variable in self.choosable
        ]
        for index, variable in enumerate(self.choosable):
            self.fields[f"values_{index}"] = forms.MultipleChoiceField(
                label=variable.text.capitalize(),
                choices=[(value.id, value.text) for value in variable.values],
                widget=forms.SelectMultiple(
                    attrs={"class": "form-select", "size": min(len(variable.values), 8)}
                ),
                help_text=_("Vælg en eller flere; flere værdier lægges sammen."),
            )

    def value_fields(self):
        return [self[f"values_{index}"] for index in range(len(self.choosable))]

    def clean(self):
        cleaned = super().clean()
        for index in range(len(self.choosable)):
            if len(cleaned.get(f"values_{index}", [])) > MAX_VALUES:
                self.add_error(f"values_{index}", _("Vælg højst %(max)s.") % {"max": MAX_VALUES})
        return cleaned

    def selection(self) -> dict[str, list[str]]:
        return {
            variable.id: list(self.cleaned_data[f"values_{index}"])
            for index, variable in enumerate(self.choosable)
        }
