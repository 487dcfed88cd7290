"""The Gantt view in headless Chromium (Debian's package) driven by Playwright.

Screenshots (gantt-*.png) and the printed PDF go to test-artifacts/. Without /usr/bin/chromium
the tests are skipped, except in CI, which sets KURS_REQUIRE_BROWSER=1 so that a missing
browser fails the run instead.

The two plans are the demo plans (Albertslund Handleplan 2016-2017 and Ballerup Tidsplan
2007-2009) when `actions.demo` exists; otherwise the same two plans are built here with
factories, from the documents in the seeds.
"""

import importlib.util
import re
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command, get_commands
from django.utils import timezone

from actions.enums import ActivityStatus
from actions.periods import parse_period
from actions.tests.factories import (
    ActionPlanFactory,
    ActivityFactory,
    MilestoneFactory,
    PartnerFactory,
    StatusUpdateFactory,
)
from conftest import ARTIFACTS
from core.enums import Role
from core.models import Municipality
from core.tests.factories import MembershipFactory, MunicipalityFactory, UserFactory
from strategy.enums import PlanKind
from strategy.models import Plan
from strategy.tests.factories import ThemeFactory, TrackFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

S = ActivityStatus


def log_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "password")
    page.click("button[type=submit]")
    page.wait_for_load_state()


def add_activities(plan, sections) -> None:
    """Activities per (track, theme) as the documents list them: (title, period, status)."""
    order = 0
    tracks = {}
    for track_title, theme_title, activities in sections:
        if track_title and track_title not in tracks:
            tracks[track_title] = TrackFactory(plan=plan, title=track_title, order=len(tracks))
        track = tracks.get(track_title)
        theme = ThemeFactory(plan=plan, track=track, title=theme_title, order=order)
        for title, period, status in activities:
            dates = parse_period(period) if period else None
            activity = ActivityFactory(
                plan=plan,
                title=title,
                period_text=period,
                starts_on=dates.starts_on if dates else None,
                ends_on=dates.ends_on if dates else None,
                status=status,
                order=order,
            )
            activity.themes.add(theme)
            order += 1


def albertslund_plan(municipality) -> Plan:
    plan = ActionPlanFactory(
        municipality=municipality,
        title="Handleplan 2016-2017",
        period_start=2016,
        period_end=2017,
    )
    gate21 = PartnerFactory(municipality=municipality, name="Gate 21")
    add_activities(
        plan,
        [
            (
                "Grøn Vækst",
                "Lys og lysteknologi",
                [
                    (
                        "Region Hovedstadens fyrtårnsprojekt: udvikling af fælles data-hub",
                        "2016-2017",
                        S.IN_PROGRESS,
                    ),
                    (
                        "Samarbejde om at tiltrække udenlandske investeringer",
                        "2016-2017",
                        S.IN_PROGRESS,
                    ),
                    ("Vært ved delegationsbesøg i DOLL Visitor Centre og LIME", "2016", S.DONE),
                    ("Partnerskabskontrakt om Smart Urban Lighting", "1. halvår 2017", S.PLANNED),
                ],
            ),
            (
                "Grøn Vækst",
                "Smart Urban Services og Smart City",
                [
                    ("Strategi for Smart City", "efteråret 2016", S.DONE),
                    (
                        "Udvikle privacy-manifest for Albertslund Kommune",
                        "1. halvår 2017",
                        S.POSTPONED,
                    ),
                    ("CPH Smart City Lighthouse konference 2016", "oktober 2016", S.DONE),
                    ("Projektudvikling: datahåndtering i stor skala", "2017", S.PLANNED),
                ],
            ),
            (
                "Grøn Vækst",
                "Iværksætteri",
                [
                    (
                        "Iværksætterrådgivning og inkubationsmiljø i Hersted Industripark",
                        "2016-2017",
                        S.IN_PROGRESS,
                    ),
                    ("Grønt og kreativt iværksætteri for unge", "2. halvår 2016", S.DROPPED),
                ],
            ),
            (
                "Kvalificeret arbejdskraft",
                "Rekruttering og jobskabelse",
                [
                    ("Kandidater tilbudt inden for 72 timer", "2016-2017", S.IN_PROGRESS),
                    ("Virksomhedsbesøg med jobcentret", "2016-2017", S.IN_PROGRESS),
                ],
            ),
            (
                "Kvalificeret arbejdskraft",
                "Virksomheders sociale engagement",
                [
                    ("Mentorer mellem virksomheder og iværksættere", "2016", S.DONE),
                    (
                        "Kommunens virksomhedspris til socialt ansvarlig virksomhed",
                        "4. kvartal 2017",
                        S.PLANNED,
                    ),
                ],
            ),
        ],
    )
    first = plan.activities.order_by("order").first()
    first.partners.add(gate21)
    MilestoneFactory(
        activity=first,
        title="Data-hub i drift",
        due_on=date(2016, 12, 1),
        done_on=date(2016, 11, 20),
    )
    MilestoneFactory(activity=first, title="Evaluering", due_on=date(2017, 9, 30))
    StatusUpdateFactory(activity=first, reported_on=date(2017, 3, 31), light="yellow")
    return plan


BALLERUP_AREAS = [
    (
        "Globalisering og ændrede konkurrencevilkår",
        [
            ("Kvalitativ vurdering af muligheder for konkrete initiativer", "2007", S.DONE),
            ("Dialog med toneangivende virksomheder om globalisering", "2007-09", S.IN_PROGRESS),
            ("Innovationsmuligheder mellem virksomheder, kultur og uddannelse", "2008", S.DONE),
            ("Erhvervsaspekter i den internationale politik", "2. halvår 2008", S.POSTPONED),
        ],
    ),
    (
        "National og regional erhvervspolitik",
        [
            ("Ballerups rolle i den nye regionale sammenhæng", "", S.IN_PROGRESS),
            ("Partnerskab med Vækstforum", "", S.PLANNED),
            ("Høringssvar til den regionale erhvervsudviklingsstrategi", "1. halvår 2008", S.DONE),
        ],
    ),
    (
        "Bycirklen",
        [
            ("Venskabsbyrelationen med Wuxi", "2007-09", S.IN_PROGRESS),
            ("Erhvervsfremme- og erhvervsservicestrategi", "2008", S.DONE),
            ("Fælles markedsføring af Bycirklen", "2009", S.PLANNED),
        ],
    ),
    (
        "Samarbejde med Herlev og Gladsaxe",
        [
            ("Samarbejdsmuligheder afdækkes", "1. halvår 2007", S.DONE),
            ("Fælles workshop for politikere og embedsmænd", "4. kvartal 2007", S.DONE),
            ("Handlingsplan for samarbejdet", "2008K2", S.DONE),
        ],
    ),
    (
        "Samarbejde med kommuner og regioner i andre lande",
        [
            ("Udvælge europæiske partnerregioner", "2007", S.DONE),
            ("Fælles EU-projektansøgning", "efteråret 2008", S.DROPPED),
            ("Erfaringsudveksling om IT- og medicoklynger", "2008-09", S.IN_PROGRESS),
        ],
    ),
    (
        "Bæredygtig udvikling",
        [
            ("Grønne regnskaber i virksomhederne", "2007-09", S.IN_PROGRESS),
            ("Netværk for miljøledelse", "2008", S.DONE),
            ("Klimaplan for erhvervsområderne", "2009", S.PLANNED),
        ],
    ),
    (
        "Uddannelseskoordinering",
        [
            ("Koordineringsgruppe for erhvervsuddannelser", "2007", S.DONE),
            ("Praktikpladsopsøgende arbejde", "2007-09", S.IN_PROGRESS),
            ("Uddannelsesmesse", "marts 2009", S.PLANNED),
        ],
    ),
    (
        "Erhverv og kultur",
        [
            ("Kortlægning af kreative erhverv", "1. halvår 2008", S.DONE),
            ("Kulturnat for virksomheder", "september 2008", S.DONE),
            ("Pilotprojekt med kunstnere i virksomheder", "2009", S.PLANNED),
        ],
    ),
    (
        "Erhvervsservice",
        [
            ("Én indgang for virksomheder", "2007-09", S.IN_PROGRESS),
            ("Erhvervsservicestrategi revideres", "4. kvartal 2008", S.IN_PROGRESS),
            ("Virksomhedsbesøg", "2007-09", S.IN_PROGRESS),
            ("Erhvervsportal på kommunens hjemmeside", "okt. 2008", S.DONE),
        ],
    ),
    (
        "Evaluering",
        [
            ("Evaluering af ressourcer mod resultater", "foråret 2009", S.PLANNED),
        ],
    ),
]


def ballerup_plan(municipality) -> Plan:
    """Ballerup's timetable: 30 activities in 10 focus areas, as in the 2007-2009 document."""
    plan = ActionPlanFactory(
        municipality=municipality,
        kind=PlanKind.TIMETABLE,
        title="Tidsplan 2007-2009",
        period_start=2007,
        period_end=2009,
    )
    add_activities(plan, [(None, area, activities) for area, activities in BALLERUP_AREAS])
    evaluation = plan.activities.get(title="Evaluering af ressourcer mod resultater")
    MilestoneFactory(activity=evaluation, title="Udvalgsmøde", due_on=date(2009, 5, 15))
    return plan


def current_plan(municipality, count: int = 30) -> Plan:
    """A plan around today with `count` activities in 8 groups, so the today line shows."""
    today = timezone.localdate()
    plan = ActionPlanFactory(
        municipality=municipality,
        title="Handleplan i gang",
        period_start=today.year - 1,
        period_end=today.year + 1,
    )
    statuses = [S.IN_PROGRESS, S.PLANNED, S.DONE, S.IN_PROGRESS, S.POSTPONED, S.DROPPED]
    themes = [ThemeFactory(plan=plan, track=None, title=f"Indsatsområde {n + 1}") for n in range(8)]
    start = date(today.year - 1, 1, 1)
    for n in range(count):
        starts_on = start + timedelta(days=40 * n)
        activity = ActivityFactory(
            plan=plan,
            title=f"Aktivitet {n + 1}: en ret lang titel, som dokumenterne ofte skriver dem",
            period_text="",
            starts_on=starts_on if n < count - 2 else None,
            ends_on=starts_on + timedelta(days=120 + 10 * (n % 7)) if n < count - 2 else None,
            status=statuses[n % len(statuses)],
            order=n,
        )
        activity.themes.add(themes[n % 8])
        if n % 5 == 0:
            MilestoneFactory(activity=activity, due_on=starts_on + timedelta(days=60))
    return plan


def demo_or_factory_plans(monkeypatch):
    """The two demo plans, loaded by the demo loaders when they exist, or built here."""
    if importlib.util.find_spec("actions.demo") is not None:
        import actions.demo

        if "load_demo" in get_commands():
            monkeypatch.setenv("KURS_DEMO_PASSWORD", "password")
            call_command("load_demo", stdout=StringIO())
        else:  # the strategy demo without its command
            from strategy.demo import load_demo

            load_demo(password="password", reset_existing_passwords=True)
        loaded = actions.demo.load()
        return [loaded["albertslund"]["plan"], loaded["ballerup"]["plan"]], True
    albertslund = Municipality.objects.filter(code="165").first() or MunicipalityFactory(
        code="165", name="Albertslund"
    )
    ballerup = Municipality.objects.filter(code="151").first() or MunicipalityFactory(
        code="151", name="Ballerup"
    )
    return [albertslund_plan(albertslund), ballerup_plan(ballerup)], False


def member_of(*municipalities) -> str:
    user = UserFactory(username="tidsplan", first_name="Tine", last_name="Tidsplan")
    for municipality in municipalities:
        MembershipFactory(user=user, municipality=municipality, role=Role.STAFF)
    return user.username


def test_gantt_of_both_demo_plans_on_a_laptop_and_a_phone(live_server, browser, monkeypatch):
    plans, from_demo = demo_or_factory_plans(monkeypatch)
    username = member_of(*[plan.municipality for plan in plans])
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server, username)
    page.goto(f"{live_server.url}/k/{plans[0].municipality.code}/handleplaner/")
    assert page.locator("#timetable-plans").get_by_text(plans[0].title).count() >= 1
    page.screenshot(path=ARTIFACTS / "gantt-plans.png", full_page=True)

    for plan in plans:
        slug = plan.municipality.name.lower().replace(" ", "-")
        url = f"{live_server.url}/k/{plan.municipality.code}/handleplaner/{plan.pk}/"
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(url)
        assert page.locator("h1").inner_text() == plan.title
        bars = page.locator("svg.tt-gantt rect.bar")
        assert bars.count() >= 1
        # The documents' plans are long over: every open activity with dates is late.
        assert page.locator("svg.tt-gantt .late-label").count() >= 1
        page.screenshot(path=ARTIFACTS / f"gantt-{slug}.png", full_page=True)
        pdf = page.pdf(format="A4", landscape=True)
        (ARTIFACTS / f"gantt-{slug}.pdf").write_bytes(pdf)
        assert pdf_page_count(pdf) == 1

        page.select_option("#filter-group", "track")
        page.wait_for_url(re.compile(r"group=track"))
        page.screenshot(path=ARTIFACTS / f"gantt-{slug}-by-track.png", full_page=True)

        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        box = page.locator(".tt-gantt-box")
        assert box.evaluate("el => el.scrollWidth > el.clientWidth"), "the chart scrolls in its box"
        page.screenshot(path=ARTIFACTS / f"gantt-{slug}-phone.png", full_page=True)

        page.goto(url.replace(f"/{plan.pk}/", f"/{plan.pk}/aktiviteter/"))
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.screenshot(path=ARTIFACTS / f"gantt-{slug}-list-phone.png")
    page.close()
    print("plans from", "actions.demo" if from_demo else "factories")


def test_filters_refresh_the_gantt_in_place_and_carry_over_to_the_list(live_server, browser):
    municipality = MunicipalityFactory(code="151", name="Ballerup")
    plan = ballerup_plan(municipality)
    username = member_of(municipality)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server, username)
    page.goto(f"{live_server.url}/k/151/handleplaner/{plan.pk}/")
    total = page.locator("svg.tt-gantt .row-label").count()
    assert total == 30

    page.select_option("#filter-status", "planned")
    page.wait_for_url(re.compile(r"status=planned"))
    page.wait_for_function("document.querySelectorAll('svg.tt-gantt .row-label').length < 30")
    planned = plan.activities.filter(status=S.PLANNED).count()
    assert page.locator("svg.tt-gantt .row-label").count() == planned
    page.screenshot(path=ARTIFACTS / "gantt-filtered.png", full_page=True)

    page.click("#tt-views >> text=Liste")
    page.wait_for_url(re.compile(r"/aktiviteter/\?status=planned"))
    assert page.locator("#activity-table tbody tr").count() == planned
    page.screenshot(path=ARTIFACTS / "gantt-list.png", full_page=True)


def pdf_page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_gantt_of_30_activities_prints_on_one_a4_landscape_page(live_server, browser):
    municipality = MunicipalityFactory(code="165", name="Albertslund")
    plan = current_plan(municipality, count=30)
    username = member_of(municipality)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server, username)
    page.goto(f"{live_server.url}/k/165/handleplaner/{plan.pk}/")
    assert page.locator("svg.tt-gantt .row-label").count() == 30
    assert page.locator("svg.tt-gantt line.today").count() == 1
    page.screenshot(path=ARTIFACTS / "gantt-current.png", full_page=True)

    pdf = page.pdf(format="A4", landscape=True)
    (ARTIFACTS / "gantt-print.pdf").write_bytes(pdf)
    # What the printed page shows: A4 landscape less 10 mm margins, at 96 dpi.
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 1047, "height": 718})
    page.screenshot(path=ARTIFACTS / "gantt-print.png", full_page=True)
    assert pdf_page_count(pdf) == 1
    # The stylesheet itself asks for A4 landscape (297 x 210 mm = 842 x 595 pt).
    css_sized = page.pdf(prefer_css_page_size=True)
    assert pdf_page_count(css_sized) == 1
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", css_sized)
    assert (round(float(box[1])), round(float(box[2]))) == (842, 595)


def test_from_the_gantt_to_an_activity_a_status_update_and_the_edit_form(live_server, browser):
    municipality = MunicipalityFactory(code="165", name="Albertslund")
    plan = albertslund_plan(municipality)
    username = member_of(municipality)
    activity = plan.activities.order_by("order").first()
    activity.budget, activity.spent, activity.hours = 400000, 125000, 120
    activity.description = "Region Hovedstadens fyrtårnsprojekt om en fælles data-hub for lys."
    activity.save()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server, username)
    page.goto(f"{live_server.url}/k/165/handleplaner/{plan.pk}/")

    page.click(f"svg.tt-gantt a[href$='/aktiviteter/{activity.pk}/']")
    page.wait_for_url(re.compile(rf"/aktiviteter/{activity.pk}/$"))
    assert "400.000 kr." in page.locator("#activity-facts").inner_text()
    page.check("input[name=light][value=red]", force=True)
    page.fill("#id_comment", "Partnerne mangler at underskrive kontrakten.")
    page.click("button:has-text('Gem statusopdatering')")
    page.wait_for_selector(".alert-success")
    assert "Partnerne mangler" in page.locator("#status-updates li").first.inner_text()
    page.screenshot(path=ARTIFACTS / "gantt-activity.png", full_page=True)

    page.click("text=Redigér aktivitet")
    page.fill("#id_period_text", "blah")
    page.click("button:has-text('Gem')")
    assert "kan ikke læses" in page.locator(".form-error-message").first.inner_text()
    page.screenshot(path=ARTIFACTS / "gantt-activity-edit-error.png", full_page=True)

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/k/165/handleplaner/aktiviteter/{activity.pk}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=ARTIFACTS / "gantt-activity-phone.png", full_page=True)
