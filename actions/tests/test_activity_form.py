"""The activity edit form: the same limits as the model and the Excel import."""

from datetime import date

from actions.forms import ActivityForm
from actions.tests.factories import ActivityFactory


def form_data(activity, **overrides) -> dict:
    return {
        "version": activity.version,
        "title": activity.title,
        "description": activity.description,
        "status": activity.status,
        "period_text": activity.period_text,
        "starts_on": activity.starts_on.isoformat() if activity.starts_on else "",
        "ends_on": activity.ends_on.isoformat() if activity.ends_on else "",
        "responsible_unit": activity.responsible_unit,
        **overrides,
    }


def test_the_form_refuses_a_description_of_more_than_20000_characters(municipality):
    activity = ActivityFactory(plan__municipality=municipality)

    form = ActivityForm(form_data(activity, description="x" * 20_001), instance=activity)

    assert form.errors == {"description": ["Denne værdi må højst have 20000 tegn (den har 20001)."]}


def test_the_form_takes_the_dates_from_a_changed_period(municipality):
    activity = ActivityFactory(
        plan__municipality=municipality,
        period_text="1. halvår 2016",
        starts_on=date(2016, 1, 1),
        ends_on=date(2016, 6, 30),
    )

    form = ActivityForm(form_data(activity, period_text=" 2. halvår 2016 "), instance=activity)

    assert form.is_valid(), form.errors
    assert form.changes()["period_text"] == "2. halvår 2016"
    assert (form.changes()["starts_on"], form.changes()["ends_on"]) == (
        date(2016, 7, 1),
        date(2016, 12, 31),
    )
