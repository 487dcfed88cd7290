"""The reminder e-mail, word for word: every kind of reminder, grouped and in order, in Danish."""

from datetime import date

import pytest
from django.utils import translation

from actions.enums import ReportingCycle
from actions.models import PlanSteering
from actions.reminders.mail import email_for
from actions.reminders.queries import due_reminders
from actions.tests.factories import (
    ActionPlanFactory,
    ActivityFactory,
    MilestoneFactory,
    StatusUpdateFactory,
)
from strategy.tests.factories import GoalFactory, MeasurementFactory, PlanFactory

TODAY = date(2016, 9, 10)


@pytest.fixture
def due(municipality, owner):
    """One reminder of every kind, and both wordings of each."""
    plan = ActionPlanFactory(municipality=municipality, title="Handleplan 2016-2017")
    PlanSteering.objects.create(plan=plan, reporting_cycle=ReportingCycle.HALF_YEARLY)
    silent = ActivityFactory(plan=plan, owner=owner, title="Uden opdatering")
    reported = ActivityFactory(
        plan=plan, owner=owner, title="Med opdatering", ends_on=date(2016, 9, 20)
    )
    StatusUpdateFactory(activity=reported, reported_on=date(2016, 2, 29))
    MilestoneFactory(activity=reported, title="Workshop", due_on=date(2016, 9, 1))
    MilestoneFactory(activity=silent, title="Rapport", due_on=date(2016, 9, 12))
    strategy = PlanFactory(municipality=municipality, title="Erhvervsstrategi")
    unmeasured = GoalFactory(plan=strategy, owner=owner, title="Nye job")
    measured = GoalFactory(plan=strategy, owner=owner, title="Flere virksomheder")
    MeasurementFactory(goal=measured, measured_on=date(2016, 1, 15))
    ids = {"silent": silent.pk, "reported": reported.pk}
    ids |= {"unmeasured": unmeasured.pk, "measured": measured.pk}
    return due_reminders(TODAY, municipality), ids


def test_the_email_lists_every_reminder_grouped_by_kind_overdue_first(owner, due):
    reminders, ids = due
    activity = "https://kurs.example/k/165/handleplaner/aktiviteter/{}/".format
    goal = "https://kurs.example/k/165/maal/{}/".format

    subject, body = email_for(owner, reminders, TODAY, "https://kurs.example/")

    assert subject == "Kurs: 7 påmindelser om dine aktiviteter og mål"
    assert body == (
        "Kære Eva\n"
        "\n"
        "Her er dine påmindelser fra Kurs pr. 10. sep. 2016.\n"
        "\n"
        "Frister, der er overskredet\n"
        "---------------------------\n"
        "* Med opdatering (Handleplan 2016-2017)\n"
        "  Milepælen “Workshop” skulle være nået 1. sep. 2016.\n"
        f"  {activity(ids['reported'])}\n"
        "\n"
        "Statusopdateringer, der mangler\n"
        "-------------------------------\n"
        "* Uden opdatering (Handleplan 2016-2017)\n"
        "  Aktiviteten har ingen statusopdatering endnu. Planen følges op halvårligt, så en ny "
        "har været forfalden siden 1. jul. 2016.\n"
        f"  {activity(ids['silent'])}\n"
        "* Med opdatering (Handleplan 2016-2017)\n"
        "  Seneste statusopdatering er fra 29. feb. 2016. Planen følges op halvårligt, så en ny "
        "har været forfalden siden 29. aug. 2016.\n"
        f"  {activity(ids['reported'])}\n"
        "\n"
        "Målinger, der mangler\n"
        "---------------------\n"
        "* Nye job (Erhvervsstrategi)\n"
        "  Målet er ikke målt endnu. Målet følges op kvartalsvis, så en ny måling har været "
        "forfalden siden 1. apr. 2013.\n"
        f"  {goal(ids['unmeasured'])}\n"
        "* Flere virksomheder (Erhvervsstrategi)\n"
        "  Seneste måling er fra 15. jan. 2016. Målet følges op kvartalsvis, så en ny måling har "
        "været forfalden siden 15. apr. 2016.\n"
        f"  {goal(ids['measured'])}\n"
        "\n"
        "Frister inden for de næste 14 dage\n"
        "----------------------------------\n"
        "* Uden opdatering (Handleplan 2016-2017)\n"
        "  Milepælen “Rapport” skal være nået 12. sep. 2016.\n"
        f"  {activity(ids['silent'])}\n"
        "* Med opdatering (Handleplan 2016-2017)\n"
        "  Aktiviteten skal være afsluttet 20. sep. 2016.\n"
        f"  {activity(ids['reported'])}\n"
        "\n"
        "Du får denne mail, fordi du er ansvarlig. Hver påmindelse sendes kun én gang; kommer der "
        "ikke en opdatering, minder Kurs dig om det igen ved næste frist.\n"
        "\n"
        "Venlig hilsen\n"
        "Kurs\n"
    )


def test_one_reminder_is_named_in_the_singular_and_the_email_is_danish_in_any_language(owner, due):
    reminders, ids = due

    with translation.override("en"):
        subject, body = email_for(owner, reminders[:1], TODAY, "https://kurs.example")

    assert subject == "Kurs: 1 påmindelse om dine aktiviteter og mål"
    assert body.splitlines()[4:9] == [
        "Frister, der er overskredet",
        "---------------------------",
        "* Med opdatering (Handleplan 2016-2017)",
        "  Milepælen “Workshop” skulle være nået 1. sep. 2016.",
        f"  https://kurs.example/k/165/handleplaner/aktiviteter/{ids['reported']}/",
    ]
