"""The action-plan and timetable demo data against the documents it transcribes.

Expected values are written out from the documents (or read from the copied sources in
`actions/demo/sources/`), never from the loader's own tables, so a transcription slip fails here.
"""

import re
from datetime import date
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps

import actions.demo
from actions.enums import ActivityStatus, TrafficLight
from actions.models import (
    Activity,
    Committee,
    Milestone,
    Partner,
    PlanSteering,
    ServicePromise,
    StatusUpdate,
)
from core.models import Municipality
from strategy.enums import GoalKind, PlanKind, PlanStatus, TrackKind
from strategy.models import Plan, Theme

SOURCES = Path(actions.demo.__file__).resolve().parent / "sources"
BALLERUP_SOURCE = SOURCES / "ballerup-tidsplan-2007-2009.txt"
ALBERTSLUND_SOURCE = SOURCES / "albertslund-handleplan-2016-2017.txt"

TIMETABLE = "Tidsplan 2007-2009 for Ballerup Kommunes erhvervspolitik"
POLICY = "Erhvervspolitik og erhvervspolitisk handlingsplan 2005"
ACTION_PLAN = "Handleplan 2016-2017 for Erhvervsstrategien"
STRATEGY = "Erhvervsstrategi 2013-2017"
NATIONAL = "Den nationale og regionale erhvervspolitik"

BALLERUP_THEMES = [
    "Globalisering og ændrede konkurrencevilkår",
    "Den nationale og regionale erhvervspolitik",
    "Regionale samarbejder",
    "Bæredygtig erhvervsudvikling",
    "Uddannelseskoordinering",
    "Potentiale i samarbejdet mellem erhverv og kultur",
    "Erhvervsservice",
]
ALBERTSLUND_TRACKS = [
    ("Grøn vækst", TrackKind.STRATEGIC),
    ("Kvalificeret arbejdskraft", TrackKind.STRATEGIC),
    ("Vækst gennem velfærd", TrackKind.STRATEGIC),
    ("Tværgående spor", TrackKind.CROSS_CUTTING),
]
ALBERTSLUND_THEMES = [
    ("Grøn vækst", "Lys og lysteknologi"),
    ("Grøn vækst", "Smart Urban Services (SUS) og Smart City"),
    ("Grøn vækst", "Iværksætteri"),
    ("Grøn vækst", "Grøn erhvervsudvikling"),
    ("Grøn vækst", "Mobilitet"),
    ("Kvalificeret arbejdskraft", "Rekruttering og jobskabelse"),
    ("Kvalificeret arbejdskraft", "Unges erhvervsuddannelse"),
    ("Kvalificeret arbejdskraft", "Virksomheders sociale engagement"),
    ("Vækst gennem velfærd", "Sundt lys og sensorteknologi"),
    ("Vækst gennem velfærd", "Velfærds- og sundhedsteknologi"),
    ("Tværgående spor", "Erhvervsdialog"),
    ("Tværgående spor", "Regionalt samarbejde og internationalisering"),
    ("Tværgående spor", "Erhvervsområder og Albertslund Midtby"),
    ("Tværgående spor", "Innovation, fundraising og projekter"),
]
NAMED_PARTNERS = [
    "Gate 21",
    "LOOP City",
    "Greater Copenhagen",
    "Copenhagen Capacity",
    "DTU",
    "Invest in Denmark",
    "Region Hovedstaden",
    "Copenhagen Healthtech Cluster",
    "Lighting Metropolis (LIME)",
    "DOLL",
    "Erhvervssammenslutningen",
    "Bo-Vest",
    "Professionshøjskolen Metropol",
    "Væksthus Hovedstaden",
    "AAU",
    "Erhvervsstyrelsen",
    "Innovationsfonden",
    "El-forsk",
    "Green Cities",
    "Freja Ejendomme",
    "Glostrup Kommune",
]
BALLERUP_PARTNERS = [
    "Herlev Kommune",
    "Gladsaxe Kommune",
    "Bycirklen",
    "Vestforbrænding",
    "Milelauget",
    "ÖRIB",
    "Edge Cities",
    "Wuxi (venskabsby)",
    "Kontaktudvalget",
    "Aktivgruppen",
    "Job og Familie",
    "Erhvervsskolerne",
    "Ballerup Erhvervsråd",
    "Vækstforum",
    "Kreative Kommuner",
]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def timetable(demo):
    return Plan.objects.get(municipality__code="151", title=TIMETABLE)


@pytest.fixture
def action_plan(demo):
    return Plan.objects.get(municipality__code="165", title=ACTION_PLAN)


# Ballerup: Tidsplan 2007-2009


@pytest.mark.django_db
def test_ballerup_committee_has_the_seven_members_in_document_order(timetable):
    committee = Committee.objects.get(
        municipality__code="151", name="Erhvervs- og Beskæftigelsesudvalget"
    )
    members = list(committee.members.order_by("order"))
    assert [(m.party, m.name) for m in members] == [
        ("A", "Henrik Bolberg"),
        ("A", "Ley Plum"),
        ("A", "Dorris Børger"),
        ("F", "Birte Kramhøft"),
        ("A", "Grethe Larsen"),
        ("O", "Stig Møller"),
        ("V", "Marianna Hesselholt"),
    ]
    assert [m.party for m in members] == list("AAAFAOV")
    assert [m.role for m in members[:2]] == ["Formand", "Næstformand"]
    assert all(m.role == "" for m in members[2:])
    assert timetable.steering.committee == committee


@pytest.mark.django_db
def test_ballerup_timetable_implements_the_2005_policy(timetable):
    assert timetable.kind == PlanKind.TIMETABLE
    assert timetable.status == PlanStatus.ADOPTED
    assert (timetable.period_start, timetable.period_end) == (2007, 2009)
    assert timetable.adopted_by == "Erhvervs- og Beskæftigelsesudvalget"
    assert "køreplan" in timetable.summary
    policy = timetable.implements
    assert policy.title == POLICY
    assert policy.kind == PlanKind.POLICY
    assert policy.adopted_on is None
    assert policy.adopted_by == "Kommunalbestyrelsen i Ballerup Kommune"
    assert (policy.period_start, policy.period_end) == (2005, 2009)
    assert "i foråret 2005 vedtog Kommunalbestyrelsen" in policy.summary
    assert timetable.source_document.name.endswith(".txt")


@pytest.mark.django_db
def test_ballerup_steering_resources_and_evaluation(timetable):
    steering = PlanSteering.objects.get(plan=timetable)
    assert steering.administration == "Erhvervssekretariatet"
    assert steering.resource_pool == Decimal("400000")
    assert "afsat en pulje på 0,4 mio. kr." in steering.resource_note
    assert "budgetforliget for 2006" in steering.resource_note
    assert steering.evaluation_period == "foråret 2009"
    assert steering.evaluation_due == date(2009, 5, 31)
    assert steering.evaluation_note.startswith(
        "Erhvervs- og Beskæftigelsesudvalget evaluerer i foråret 2009 sammenhængen"
    )
    source = _flat(BALLERUP_SOURCE.read_text())
    assert _flat(steering.resource_note) in source
    assert _flat(steering.evaluation_note) in source


@pytest.mark.django_db
def test_ballerup_seven_focus_areas_in_document_order(timetable):
    source = BALLERUP_SOURCE.read_text()
    listed = source.split("Handlingsplanen indeholder 7 indsatsområder:")[1].split("For hvert")[0]
    from_source = [line.split("❖", 1)[1].strip() for line in listed.splitlines() if "❖" in line]
    themes = list(timetable.themes.order_by("order"))
    assert [t.title for t in themes] == BALLERUP_THEMES == from_source
    assert all(t.track_id is None for t in themes)
    flat = _flat(source)
    for theme in themes:
        for paragraph in theme.description.split("\n\n"):
            assert _flat(paragraph) in flat, (theme.title, paragraph)
    national = timetable.themes.get(title=NATIONAL)
    assert "Det er ikke muligt at angive tidsplan for dette arbejde" in national.description


@pytest.mark.django_db
def test_every_timetable_bullet_is_one_activity_verbatim(timetable):
    source = BALLERUP_SOURCE.read_text()
    lists = source.split("Tidsplan 2007-09:", 1)[1].split("Ressourceplan")[0]
    bullets = [_flat(line.split("❖", 1)[1]) for line in lists.splitlines() if "❖" in line]
    assert len(bullets) == lists.count("❖") == 29
    from_bullets = timetable.activities.exclude(themes__title=NATIONAL).order_by("order")
    assert [a.title for a in from_bullets] == bullets
    assert timetable.activities.filter(themes__title=NATIONAL).count() == 2


@pytest.mark.django_db
def test_ballerup_activities_span_the_period_and_belong_to_ballerup(timetable):
    activities = list(timetable.activities.select_related("owner"))
    assert activities
    for activity in activities:
        assert activity.period_text == "2007-09"
        assert (activity.starts_on, activity.ends_on) == (date(2007, 1, 1), date(2009, 12, 31))
        assert activity.owner.username == "ballerup"
        assert activity.themes.count() == 1


@pytest.mark.django_db
def test_ballerup_regional_sub_areas_and_partners(timetable):
    regional = Activity.objects.filter(plan=timetable, themes__title="Regionale samarbejder")
    starts = [a.description.split(":", 1)[0] for a in regional.order_by("order")]
    assert starts == [
        "Bycirklen",
        "Bycirklen",
        "Samarbejde med Herlev og Gladsaxe Kommuner",
        "Samarbejde med Herlev og Gladsaxe Kommuner",
        "Samarbejde med Herlev og Gladsaxe Kommuner",
        "Samarbejde med kommuner/regioner i andre lande",
        "Samarbejde med kommuner/regioner i andre lande",
    ]
    for name in BALLERUP_PARTNERS:
        assert Partner.objects.get(municipality__code="151", name=name).activities.exists(), name
    council = timetable.activities.get(title__startswith="Ballerup erhvervsråd")
    assert "(Ca. 15 årligt)" in council.title
    assert "(ca. 8 årligt)" in council.title
    assert '"Orientering" 8 gange årligt' in council.title
    assert council.responsible_unit == "Erhvervssekretariatet"
    assert set(
        timetable.activities.filter(themes__title="Uddannelseskoordinering").values_list(
            "responsible_unit", flat=True
        )
    ) == {"Kontaktudvalget"}


# Albertslund: Handleplan 2016-2017


@pytest.mark.django_db
def test_action_plan_implements_the_strategy(action_plan):
    assert action_plan.kind == PlanKind.ACTION_PLAN
    assert action_plan.status == PlanStatus.ADOPTED
    assert (action_plan.period_start, action_plan.period_end) == (2016, 2017)
    assert action_plan.adopted_on is None
    assert action_plan.implements == Plan.objects.get(municipality__code="165", title=STRATEGY)
    assert "Skabe 2000 arbejdspladser i Albertslund Kommune inden 2017" in action_plan.summary
    assert "frontrunner" in action_plan.summary
    steering = action_plan.steering
    assert steering.administration == "Sekretariat for Vækst & Regional Udvikling"
    assert steering.reporting_cycle == "quarterly"
    assert "Kurs' standard" in steering.evaluation_note
    assert action_plan.source_document.name.endswith(".txt")


@pytest.mark.django_db
def test_action_plan_tracks_and_themes_in_document_order(action_plan):
    tracks = list(action_plan.tracks.order_by("order"))
    assert [(t.title, t.kind) for t in tracks] == ALBERTSLUND_TRACKS
    assert tracks[3].summary == (
        "De tværgående spor er indsatser, som går på tværs af de strategiske spor. De skal "
        "bidrage til at opfylde målene i de strategiske spor."
    )
    themes = list(action_plan.themes.select_related("track").order_by("order"))
    assert [(t.track.title, t.title) for t in themes] == ALBERTSLUND_THEMES
    source = _flat(ALBERTSLUND_SOURCE.read_text())
    for theme in themes:
        assert theme.description and _flat(theme.description) in source, theme.title


@pytest.mark.django_db
def test_focus_areas_are_qualitative_goals_verbatim(action_plan):
    goals = list(action_plan.goals.select_related("theme", "track").order_by("order"))
    assert len(goals) == 56
    lys = [g.title for g in goals if g.theme.title == "Lys og lysteknologi"]
    assert lys == [
        "Understøtte DOLLs videreudvikling til et internationalt innovationshub og økosystem for "
        "virksomheder, iværksættere og vidensinstitutioner",
        "Udvikle og deltage i test- og demonstrationsprojekter",
        "Understøtte iværksættere og inkubationsmiljøer på det lys- og sensorteknologiske område",
        "Afsøge nye innovative partnerskaber mellem kommuner og vidensinstitutioner",
        "Skabe sammenhæng mellem erhvervsudviklingen i Hersted Industripark og DOLL.",
    ]
    source = _flat(ALBERTSLUND_SOURCE.read_text())
    for goal in goals:
        assert goal.kind == GoalKind.QUALITATIVE
        assert goal.track == goal.theme.track
        assert goal.title in source, goal.title
    assert action_plan.goals.filter(title__contains="(40-60 dage afhængig af sagstype)").exists()


@pytest.mark.django_db
def test_central_activities_verbatim_and_linked_to_strategy_goals(action_plan):
    strategy = action_plan.implements
    source = _flat(ALBERTSLUND_SOURCE.read_text())
    activities = list(action_plan.activities.select_related("owner"))
    assert len(activities) == 80
    for activity in activities:
        assert activity.is_central
        assert activity.title in source, activity.title
        assert activity.owner.username == "medarbejder"
        assert activity.themes.count() == 1
        assert activity.goals.filter(plan=strategy).exists(), activity.title
        assert not activity.goals.exclude(plan=strategy).exists()
        if activity.period_text == "2016-2017":
            assert (activity.starts_on, activity.ends_on) == (date(2016, 1, 1), date(2017, 12, 31))
    conference = action_plan.activities.get(title="CPH Smart City Lighthouse konference 2016")
    assert conference.period_text == "2016"
    assert (conference.starts_on, conference.ends_on) == (date(2016, 1, 1), date(2016, 12, 31))
    jobcenter = action_plan.activities.filter(title__startswith="Jobcentrets")
    assert set(jobcenter.values_list("responsible_unit", flat=True)) == {"Jobcenter Albertslund"}


@pytest.mark.django_db
def test_service_promises(action_plan):
    promises = {p.response_time: p for p in ServicePromise.objects.filter(plan=action_plan)}
    assert set(promises) == {"72 timer", "40-60 dage"}
    assert promises["72 timer"].text == (
        "Tilbud om konkrete kandidater til ordinære job senest efter 72 timer efter, "
        "virksomhederne henvender sig."
    )
    assert promises["72 timer"].theme.title == "Rekruttering og jobskabelse"
    assert promises["40-60 dage"].text == (
        "Fastholde god byggesagsbehandling og kortere sagsbehandlingstid på byggesager (40-60 "
        "dage afhængig af sagstype)"
    )
    assert promises["40-60 dage"].theme.title == "Grøn erhvervsudvikling"


@pytest.mark.django_db
def test_named_partners_exist_and_are_linked(action_plan):
    for name in NAMED_PARTNERS:
        found = Partner.objects.get(municipality__code="165", name=name)
        assert found.activities.filter(plan=action_plan).exists(), name
    gate21 = Partner.objects.get(municipality__code="165", name="Gate 21")
    assert {a.title.split(",")[0] for a in gate21.activities.all()} == {
        "Smart Grøn innovationsplatform",
        "Deltage i netværk",
    }


# Both plans


@pytest.mark.django_db
def test_every_status_and_traffic_light_appears(demo):
    plans = Plan.objects.filter(title__in=[TIMETABLE, ACTION_PLAN])
    statuses = set(Activity.objects.filter(plan__in=plans).values_list("status", flat=True))
    assert statuses == set(ActivityStatus.values)
    lights = set(
        StatusUpdate.objects.filter(activity__plan__in=plans).values_list("light", flat=True)
    )
    assert lights == set(TrafficLight.values)
    for update in StatusUpdate.objects.filter(activity__plan__in=plans):
        assert update.is_internal
        assert update.comment.startswith("Illustrativ:")
    for plan in plans:
        assert Milestone.objects.filter(activity__plan=plan).exists()
        assert plan.activities.filter(budget__isnull=False).exists()


def _counts() -> dict:
    models = [
        *apps.get_app_config("actions").get_models(),
        *apps.get_app_config("strategy").get_models(),
        Municipality,
    ]
    return {model._meta.label: model.objects.count() for model in models}


@pytest.mark.django_db
def test_loading_twice_changes_nothing(demo):
    before = _counts()
    activity = Activity.objects.get(title="Lighting Metropolis (LIME)")
    actions.demo.load(stdout=StringIO())
    assert _counts() == before
    assert Activity.objects.get(pk=activity.pk).version == activity.version
    assert before["strategy.Plan"] >= 4
    assert before["strategy.Theme"] >= 21
    assert before["strategy.Goal"] >= 56
    assert before["actions.HistoricalActivity"] > 0
    assert Theme.objects.filter(plan__title=ACTION_PLAN).count() == 14


def test_sources_are_the_seed_transcripts():
    assert re.match(r"HANDLEPLAN 2016-2017 FOR ERHVERVSSTRATEGIEN", ALBERTSLUND_SOURCE.read_text())
    assert "Transkript:" not in ALBERTSLUND_SOURCE.read_text()
    assert BALLERUP_SOURCE.read_text().strip().startswith("Tidsplan 2007 - 2009")
