"""The activity edit form: the same limits as the model and the Excel import."""

from datetime import date

from actions.forms import ActivityForm
from actions.tests.factories import ActivityFactory
from actions.tests.test_timetable_views import edit_data


def test_the_form_refuses_a_description_of_more_than_20000_characters(municipality):
    activity = ActivityFactory(plan__municipality=municipality)

    form = ActivityForm(edit_data(activity, description="x" * 20_001), instance=activity)

    assert form.errors == {"description": ["Denne værdi må højst have 20000 tegn (den har 20001)."]}


def test_the_form_takes_the_dates_from_a_changed_period(municipality):
    activity = ActivityFactory(
        plan__municipality=municipality,
        period_text="1. halvår 2016",
        starts_on=date(2016, 1, 1),
        ends_on=date(2016, 6, 30),
    )

    form = ActivityForm(edit_data(activity, period_text=" 2. halvår 2016 "), instance=activity)

    assert form.is_valid(), form.errors
    assert form.changes()["period_text"] == "2. halvår 2016"
    assert (form.changes()["starts_on"], form.changes()["ends_on"]) == (
        date(2016, 7, 1),
        date(2016, 12, 31),
    )
