"""The demo data (`manage.py load_demo`) against the documents it was transcribed from.

The documents are read here from the copies in `strategy/demo/sources/`, so a "Mål" bullet that
the transcription missed, or a paragraph that drifted from the text, fails a test.
"""

import re
from datetime import date
from decimal import Decimal

from core.enums import Role
from core.models import Membership, Municipality, User
from strategy.checks import status_differences
from strategy.demo.albertslund import ILLUSTRATIVE_SOURCE, SOURCES
from strategy.enums import (
    Comparator,
    DataSource,
    Direction,
    GoalKind,
    GoalStatus,
    PlanKind,
    PlanStatus,
    Recurrence,
    TrackKind,
)
from strategy.models import Commitment, Goal, KeyFigure, Measurement, Plan, Theme, Track
from strategy.queries import evaluate_goals, goals_with_measurements
from strategy.rollup import SUM

STRATEGY = "Erhvervsstrategi 2013-2017"
POLICY = "Erhvervspolitik 2023-2026"
JOBS_GOAL = "Vi vil skabe 2.000 nye arbejdspladser i Albertslund Kommune inden 2017."
PASSWORD = "adgangskode-til-test"
PARTNERSHIP_OBJECTIVE = (
    "Der indgås partnerskaber og samarbejder med virksomheder med henblik på at understøtte den "
    "grønne omstilling og rekruttering af kvalificeret arbejdskraft."
)
DIALOGUE_OBJECTIVE = (
    "Virksomhederne oplever, at det er nemt at have dialog med kommunen om relevante forhold."
)

STRATEGY_TEXT = (SOURCES / "albertslund-erhvervsstrategi-2013-2017.txt").read_text("utf-8")
POLICY_TEXT = (SOURCES / "albertslund-erhvervspolitik-2023-2026.txt").read_text("utf-8")


def strategy() -> Plan:
    return Plan.objects.get(municipality__code="165", title=STRATEGY)


def policy() -> Plan:
    return Plan.objects.get(municipality__code="165", title=POLICY)


def goal(title: str, plan_title: str = STRATEGY) -> Goal:
    return Goal.objects.get(plan__title=plan_title, title=title)


def mal_bullets_by_track(text: str) -> dict[str, list[str]]:
    """Each track's "Mål" bullets ("- At ..."), keyed by the track's name as the heading says it."""
    bullets: dict[str, list[str]] = {}
    track, in_goals = None, False
    for line in text.splitlines():
        heading = re.match(r"^(?:Strategisk|Tværgående) spor: (.+)$", line)
        if heading:
            track, in_goals = heading.group(1), False
            bullets[track] = []
        elif track and line.strip() == "Mål":
            in_goals = True
        elif track and line.strip() == "Baggrund":
            in_goals = False
        elif in_goals and line.startswith("- "):
            bullets[track].append(line[2:].strip())
    return bullets


# The paragraphs repaired for a word split over a PDF page break: (joined word, its two halves).
REPAIRED_WORDS = {
    "erhvervsservicen": ("erhvervsser-", "vicen"),
    "universiteter": ("universi-", "teter"),
}


def in_source(paragraph: str, source: str) -> bool:
    source = source.replace("*", "")  # the converter's bold and italic markers
    if paragraph in source:
        return True
    for word, (head, tail) in REPAIRED_WORDS.items():
        if word in paragraph:
            before, after = paragraph.split(word, 1)
            return before + head in source and tail + after in source
    return False


# --- Erhvervsstrategi 2013-2017 -------------------------------------------------------------


def test_strategy_is_adopted_by_the_council_on_10_september_2013(demo):
    plan = strategy()

    assert plan.kind == PlanKind.STRATEGY
    assert plan.status == PlanStatus.ADOPTED
    assert (plan.period_start, plan.period_end) == (2013, 2017)
    assert plan.adopted_on == date(2013, 9, 10)
    assert plan.adopted_by == "Kommunalbestyrelsen i Albertslund"
    assert "Vedtaget tirsdag den 10. september 2013 af Kommunalbestyrelsen i Albertslund." in (
        STRATEGY_TEXT
    )
    assert plan.summary.startswith(
        "Albertslund – et fælles eksperimentarium for vækst og det hele liv\n\n"
    )
    for paragraph in plan.summary.split("\n\n"):
        for sentence in paragraph.split(". "):
            assert sentence.rstrip(".") in STRATEGY_TEXT


def test_strategy_has_three_strategic_then_four_cross_cutting_tracks_in_document_order(demo):
    tracks = list(Track.objects.filter(plan=strategy()).values_list("title", "kind"))

    assert tracks == [
        ("Grøn vækst", TrackKind.STRATEGIC),
        ("Kvalificeret arbejdskraft", TrackKind.STRATEGIC),
        ("Vækst gennem velfærd", TrackKind.STRATEGIC),
        ("Erhvervsservice", TrackKind.CROSS_CUTTING),
        ("Innovation", TrackKind.CROSS_CUTTING),
        ("Samarbejde & internationalisering", TrackKind.CROSS_CUTTING),
        ("Branding og profilering", TrackKind.CROSS_CUTTING),
    ]


def test_tracks_keep_the_documents_summary_motivation_and_background_verbatim(demo):
    for track in Track.objects.filter(plan=strategy()):
        assert track.summary.startswith("Vi vil ")
        assert track.summary in STRATEGY_TEXT
        assert track.motivation and track.background
        for paragraph in [*track.motivation.split("\n\n"), *track.background.split("\n\n")]:
            assert in_source(paragraph, STRATEGY_TEXT), (track.title, paragraph[:60])


def test_page_break_artefacts_are_repaired_and_the_side_box_follows_its_paragraph(demo):
    service = Track.objects.get(plan=strategy(), title="Erhvervsservice").background
    innovation = Track.objects.get(plan=strategy(), title="Innovation").background

    assert "oplever virksomhederne i visse dele af erhvervsservicen en mangelfuld" in service
    assert "erhvervsser-" not in service
    assert service.index("rådgivning fra den rigtige medarbejder.") < service.index(
        "Albertslunds Kommunes erhvervsservice består af:"
    )
    assert "Samarbejdet med Væksthuset, universiteter, vidensmiljøer" in innovation
    assert "*" not in "".join(Track.objects.values_list("background", flat=True))


def test_business_service_sub_headings_are_its_themes(demo):
    themes = list(Theme.objects.filter(plan=strategy()).values_list("title", "track__title"))

    assert themes == [
        ("Virksomhedernes oplevelse af kommunen", "Erhvervsservice"),
        ("Iværksætter", "Erhvervsservice"),
        ("Rekruttering og fastholdelse", "Erhvervsservice"),
        ("Grøn erhvervsservice", "Erhvervsservice"),
    ]
    for title in ("Virksomhedernes oplevelse af kommunen", "Iværksætter"):
        assert f"\n{title}:\n" in STRATEGY_TEXT


def test_every_mal_bullet_of_the_document_is_a_goal_of_its_track(demo):
    bullets = mal_bullets_by_track(STRATEGY_TEXT)
    goals = Goal.objects.filter(plan=strategy(), track__isnull=False).select_related("track")
    track_of = {g.title: g.track.title for g in goals}

    assert sum(len(items) for items in bullets.values()) == 27
    for heading, items in bullets.items():
        for bullet in items:
            assert bullet in track_of, bullet
            assert track_of[bullet].casefold() == heading.casefold()


def test_the_two_overall_goals_have_no_track(demo):
    overall = list(Goal.objects.filter(plan=strategy(), track=None).values_list("title", "kind"))

    assert overall == [
        (JOBS_GOAL, GoalKind.QUANTIFIED),
        (
            "Vi vil skabe optimale rammer for bæredygtig udvikling og vækst i virksomhederne og "
            "dermed understøtte alle aspekter af livet i Albertslund.",
            GoalKind.QUALITATIVE,
        ),
    ]
    for title, _kind in overall:
        assert f"\n{title}\n" in STRATEGY_TEXT


def test_overall_jobs_goal_starts_from_19369_employed_in_2011(demo):
    jobs = goal(JOBS_GOAL)

    assert "I henhold til Danmarks Statistik var der i 2011 19.369 beskæftigede" in STRATEGY_TEXT
    assert jobs.metric == "Beskæftigede med arbejdssted i Albertslund Kommune"
    assert jobs.unit == "beskæftigede"
    assert jobs.baseline_value == Decimal(19369)
    assert jobs.baseline_date == date(2011, 1, 1)
    assert (
        jobs.baseline_source == "Danmarks Statistik, 2011 (beskæftigede med arbejdssted i kommunen)"
    )
    assert jobs.comparator == Comparator.AT_LEAST
    assert jobs.target_value == Decimal(21369)
    assert jobs.deadline == date(2017, 12, 31)
    assert jobs.deadline_text == "inden 2017"
    assert jobs.data_source == DataSource.STATBANK
    assert "19.369 beskæftigede (2011) plus de 2.000 nye arbejdspladser" in jobs.description


def test_track_job_goals_add_up_to_the_overall_2000(demo):
    jobs = goal(JOBS_GOAL)
    children = list(jobs.children.order_by("order").select_related("track", "theme"))

    assert [
        (c.track.title, c.theme.title if c.theme else None, c.target_value) for c in children
    ] == [
        ("Grøn vækst", None, Decimal(1000)),
        ("Kvalificeret arbejdskraft", None, Decimal(100)),
        ("Vækst gennem velfærd", None, Decimal(400)),
        ("Vækst gennem velfærd", None, Decimal(100)),
        ("Erhvervsservice", "Iværksætter", Decimal(100)),
        ("Samarbejde & internationalisering", None, Decimal(100)),
        ("Branding og profilering", None, Decimal(200)),
    ]
    assert sum(c.target_value for c in children) == Decimal(2000)
    assert sum(c.target_value for c in children) == jobs.target_value - jobs.baseline_value
    for child in children:
        assert child.kind == GoalKind.QUANTIFIED
        assert child.comparator == Comparator.AT_LEAST
        assert child.unit == "arbejdspladser"
        assert child.baseline_value == Decimal(0)
        assert child.baseline_date == date(2013, 1, 1)
        assert child.baseline_source == "Nye arbejdspladser tælles fra strategiens start (0)"
    # "inden 2017" where the bullet says so; the others state no deadline.
    assert [c.deadline for c in children] == [
        date(2017, 12, 31),
        None,
        date(2017, 12, 31),
        date(2017, 12, 31),
        None,
        None,
        None,
    ]
    evaluated = {
        item.goal.title: item
        for item in evaluate_goals(goals_with_measurements(Goal.objects.filter(plan=jobs.plan)))
    }
    assert evaluated[JOBS_GOAL].rollup.method == SUM
    assert evaluated[JOBS_GOAL].rollup.total_target == Decimal(2000)


def test_di_ranking_goal_counts_down_from_37_towards_the_top_10(demo):
    rank = goal(
        "At Albertslund Kommune placeres i top 10 på Dansk Industris barometer over "
        "erhvervsvenlige kommuner inden 2017."
    )

    assert "placeret som nr. 37 ud af 98 kommuner" in STRATEGY_TEXT
    assert rank.theme.title == "Virksomhedernes oplevelse af kommunen"
    assert rank.metric == "Placering i DI's måling af erhvervsvenlige kommuner"
    assert rank.unit == "plads"
    assert rank.direction == Direction.LOWER_IS_BETTER
    assert rank.comparator == Comparator.AT_MOST
    assert rank.baseline_value == Decimal(37)
    assert rank.baseline_date == date(2013, 1, 1)
    assert rank.baseline_source == (
        "Dansk Industri, nyeste analyse før strategien: nr. 37 af 98 kommuner"
    )
    assert rank.target_value == Decimal(10)
    assert rank.deadline == date(2017, 12, 31)


def test_recurring_goals_have_a_yearly_target_from_the_documents_start_year(demo):
    recurring = {
        g.title: (
            g.target_value,
            g.recurrence_from_year,
            g.deadline,
            g.data_source,
            g.platform_source,
        )
        for g in Goal.objects.filter(plan=strategy(), recurrence=Recurrence.YEARLY)
    }

    assert recurring == {
        "At sikre at eksisterende arbejdspladser bevares i Albertslund gennem rekruttering og "
        "opkvalificering af arbejdskraft. Der er mindst 60 godkendte jobrotationer i private "
        "virksomheder i 2013. Hvert år fastsættes mål i den årlige beskæftigelsesplan.": (
            Decimal(60),
            2013,
            date(2013, 12, 31),
            DataSource.MANUAL,
            "",
        ),
        "At der senest i 2015 er mindst 50 iværksættere igennem IværksætterKontakt-punktets "
        "rådgivning i Albertslund om året, svarende til en stigning på 50%.": (
            Decimal(50),
            2015,
            date(2017, 12, 31),
            DataSource.PLATFORM,
            "outreach.entrepreneurs_advised",
        ),
        "At der er mindst 50 eksponeringer af erhvervmæssig omtale i landsdækkende medier og "
        "fagblade om året fra 2013.": (
            Decimal(50),
            2013,
            None,
            DataSource.PLATFORM,
            "outreach.national_media_mentions",
        ),
        "At skabe interesse og viden om Albertslunds erhvervsaktiviteter og muligheder gennem "
        "markedsføring direkte til netværk, sociale medier, på konferencer og via rådgivning og "
        "møder. Der afholdes mindst 10 erhvervsrelaterede netværks-, dialog-, informationsmøder "
        "og konferencer om året fra 2014.": (
            Decimal(10),
            2014,
            None,
            DataSource.PLATFORM,
            "events.held",
        ),
    }
    jobrotation = Goal.objects.get(plan=strategy(), recurrence_from_year=2013, target_value=60)
    assert jobrotation.metric == "Godkendte jobrotationer i private virksomheder"
    assert jobrotation.deadline_text == "i 2013"
    # Without a stated end, the yearly targets run to the end of the strategy's period.
    assert {g.effective_deadline for g in Goal.objects.filter(recurrence=Recurrence.YEARLY)} == {
        date(2013, 12, 31),
        date(2017, 12, 31),
    }


def test_entrepreneur_baseline_is_derived_from_the_50_percent_increase(demo):
    entrepreneurs = Goal.objects.get(plan=strategy(), recurrence_from_year=2015)

    assert entrepreneurs.baseline_value == Decimal("33.3333")
    assert entrepreneurs.baseline_value * Decimal("1.5") == Decimal("49.99995")
    assert "Afledt" in entrepreneurs.baseline_source
    assert "stigning på 50%" in entrepreneurs.baseline_source
    assert entrepreneurs.deadline_text == "senest i 2015 ... om året"


def test_website_bullet_is_a_milestone_at_the_end_of_2013_and_a_visitor_target(demo):
    website = goal(
        "At etablere en erhvervsrettet hjemmeside inden udgangen af 2013 og nå 18.000 besøgende "
        "på erhvervshjemmesiden inden for det første år svarende til en stigning på 50%."
    )
    milestone, visitors = website.children.order_by("order")

    assert website.kind == GoalKind.QUALITATIVE
    assert milestone.title == "Erhvervsrettet hjemmeside etableret inden udgangen af 2013"
    assert milestone.kind == GoalKind.MILESTONE
    assert milestone.deadline == date(2013, 12, 31)
    assert milestone.deadline_text == "inden udgangen af 2013"
    assert visitors.kind == GoalKind.QUANTIFIED
    assert visitors.target_value == Decimal(18000)
    assert visitors.baseline_value == Decimal(12000)
    assert visitors.baseline_value * Decimal("1.5") == visitors.target_value
    assert "Afledt" in visitors.baseline_source
    assert visitors.deadline == date(2014, 12, 31)


def test_bullets_with_two_targets_become_a_parent_with_children(demo):
    education = goal(
        "At der lokaliseres mindst to nye uddannelsesretninger i Albertslund. Den første "
        "uddannelsesretning er etableret senest i 2017."
    )
    jobcentre = goal(
        "At størstedelen af virksomhederne inden udgangen af 2015 oplever en effektiv "
        "kommunikation med Albertslund Jobcenter. Nyhedsbrev på de relevante samarbejdsområder "
        "med 500 abonnenter inden 2017."
    )

    assert (education.kind, education.target_value, education.deadline) == (
        GoalKind.QUANTIFIED,
        Decimal(2),
        None,
    )
    (first,) = education.children.all()
    assert (first.title, first.kind, first.deadline) == (
        "Den første uddannelsesretning er etableret senest i 2017.",
        GoalKind.MILESTONE,
        date(2017, 12, 31),
    )
    assert (jobcentre.kind, jobcentre.deadline) == (GoalKind.QUALITATIVE, date(2015, 12, 31))
    (newsletter,) = jobcentre.children.all()
    assert newsletter.title == (
        "Nyhedsbrev på de relevante samarbejdsområder med 500 abonnenter inden 2017."
    )
    assert (newsletter.target_value, newsletter.deadline, newsletter.data_source) == (
        Decimal(500),
        date(2017, 12, 31),
        DataSource.PLATFORM,
    )
    assert newsletter.theme.title == "Rekruttering og fastholdelse"


def test_other_deadlines_follow_the_documents_wording(demo):
    stated = dict(
        Goal.objects.filter(plan=strategy())
        .exclude(deadline_text="")
        .values_list("deadline_text", "deadline")
    )

    assert stated == {
        "inden 2017": date(2017, 12, 31),
        "senest i 2017": date(2017, 12, 31),
        "inden udgangen af 2015": date(2015, 12, 31),
        "senest i 2015": date(2015, 12, 31),
        "senest i 2015 ... om året": date(2017, 12, 31),
        "inden udgangen af 2013": date(2013, 12, 31),
        "frem til 2014": date(2014, 12, 31),
        "inden for det første år": date(2014, 12, 31),
        "i 2013": date(2013, 12, 31),
    }
    assert not Goal.objects.filter(plan=strategy(), deadline=None).exclude(deadline_text="")


def test_strategy_key_figures_are_the_documents_numbers(demo):
    figures = {f.label: (f.value, f.unit, f.period, f.source) for f in strategy().key_figures.all()}

    assert len(figures) == 19
    assert figures["Beskæftigede med arbejdssted i Albertslund Kommune"] == (
        Decimal(19369),
        "beskæftigede",
        "2011",
        "Danmarks Statistik",
    )
    assert figures["Fuldtidsbeskæftigede lønmodtagere med arbejdssted i Albertslund Kommune"] == (
        Decimal(16492),
        "fuldtidsbeskæftigede",
        "2011",
        "Jobindsats.dk",
    )
    assert sorted(value for value, *_ in figures.values()) == sorted(
        Decimal(v)
        for v in (
            "20000",
            "19369",
            "16492",
            "7",
            "18",
            "33",
            "200000",
            "81",
            "102",
            "37",
            "25",
            "5",
            "16",
            "2.3",
            "4425",
            "5",
            "9",
            "29",
            "5",
        )
    )
    for number in (
        "ca. 20.000 arbejdspladser",
        "19.369",
        "16.492",
        "syv af virksomhederne",
        "18 %",
        "33%",
        "200.000m²",
        "81%",
        "102 nationaliteter",
        "nr. 37 ud af 98",
        "ca. 25 medarbejdere",
        "fem teams",
        "16 virksomheder",
        "2,3 mio. kr.",
        "4.425 MWh",
        "mere end 5 mio. kr.",
        "9 andre kommuner",
        "regionens 29 kommuner",
        "fem andre kommuner",
    ):
        assert number in STRATEGY_TEXT


# --- Erhvervspolitik 2023-2026 --------------------------------------------------------------


def test_policy_is_adopted_for_2023_2026_without_a_known_date(demo):
    plan = policy()

    assert plan.kind == PlanKind.POLICY
    assert plan.status == PlanStatus.ADOPTED
    assert (plan.period_start, plan.period_end) == (2023, 2026)
    assert plan.adopted_on is None
    assert plan.implements is None
    assert plan.summary.startswith("Den bæredygtige by for børnene, det grønne og fællesskabet")
    assert "de kommende tre år, 2024-26." in plan.summary
    assert "2024-26" in plan.internal_note


def test_policy_has_its_two_objectives_and_four_commitments(demo):
    objectives = list(Goal.objects.filter(plan=policy()).values_list("title", "kind", "track"))
    commitments = list(Commitment.objects.filter(plan=policy()).values_list("title", flat=True))

    assert objectives == [
        (
            "Der indgås partnerskaber og samarbejder med virksomheder med henblik på at "
            "understøtte den grønne omstilling og rekruttering af kvalificeret arbejdskraft.",
            GoalKind.QUALITATIVE,
            None,
        ),
        (
            "Virksomhederne oplever, at det er nemt at have dialog med kommunen om relevante "
            "forhold.",
            GoalKind.QUALITATIVE,
            None,
        ),
    ]
    for title, _kind, _track in objectives:
        assert f"***{title}***" in POLICY_TEXT
    assert commitments == [
        "Indgå partnerskaber og samarbejder med virksomheder",
        "Kendskab til erhvervslivet og virksomhederne i Albertslund",
        "Tydeliggøre udbudsprocesserne",
        "Målrettet og koordineret dialog",
    ]
    for commitment in Commitment.objects.filter(plan=policy()):
        assert f"## {commitment.title}\n\n{commitment.text}\n" in POLICY_TEXT
    dialogue = Goal.objects.get(plan=policy(), order=2)
    assert dialogue.description.endswith(
        "når virksomhederne har et konkret behov. Der er rum for, at vi som kommune samlet set "
        "forbedrer os i den dialog."
    )


def test_policy_commuting_and_business_house_figures(demo):
    values = [figure.value for figure in KeyFigure.objects.filter(plan=policy())]

    assert values == [
        Decimal(128),
        Decimal(3217),
        Decimal(86),
        Decimal(21562),
        Decimal(3352),
        Decimal(13336),
    ]
    for number in ("er 128", "3217 deltagere", "86%", "21.562", "3352", "13.336"):
        assert number in POLICY_TEXT


def test_each_plan_keeps_its_source_document(demo):
    for plan, text in ((strategy(), STRATEGY_TEXT), (policy(), POLICY_TEXT)):
        assert plan.source_document.name.startswith("plans/albertslund-erhvervs")
        with plan.source_document.open("rb") as handle:
            assert handle.read().decode("utf-8") == text


# --- Measurements and status ----------------------------------------------------------------


def test_every_goal_status_appears_and_these_goals_show_them(demo):
    """Which goal shows which status in the demo, on 1 October 2026, the day after staff's
    (illustrative) assessments of the policy's objectives; statuses change with the date, so the
    test names it.

    The strategy's deadlines have passed, so it can show only achieved, off track and no longer
    measurable (a deadline passed without data, or without a final assessment). On track and at
    risk therefore come from the policy's two objectives, as staff assessed them. Not measured
    yet needs a goal with a deadline ahead and no measurement: the documents have none, and the
    demo does not invent one.
    """
    evaluated = {
        item.goal.title: item.status
        for item in evaluate_goals(
            goals_with_measurements(Goal.objects.filter(plan__municipality__code="165")),
            today=date(2026, 10, 1),
        )
    }

    assert evaluated["Erhvervsrettet hjemmeside etableret inden udgangen af 2013"] == (
        GoalStatus.ACHIEVED
    )
    assert (
        evaluated[
            "At Albertslund Kommune placeres i top 10 på Dansk Industris barometer over "
            "erhvervsvenlige kommuner inden 2017."
        ]
        == GoalStatus.OFF_TRACK
    )
    assert (
        evaluated[
            "At størstedelen af virksomhederne i Albertslund inden udgangen af 2015 oplever én "
            "indgang til kommunen og en stærkere erhvervsrettet kommunikation til virksomhederne."
        ]
        == GoalStatus.NOT_MEASURABLE
    )
    assert evaluated["At understøtte innovationsevnen hos virksomheder i Albertslund"] == (
        GoalStatus.NOT_MEASURABLE
    )
    assert evaluated[PARTNERSHIP_OBJECTIVE] == GoalStatus.ON_TRACK
    assert evaluated[DIALOGUE_OBJECTIVE] == GoalStatus.AT_RISK
    assert evaluated[JOBS_GOAL] == GoalStatus.OFF_TRACK


def test_all_measurements_are_illustrative_and_entered_by_staff(demo):
    measurements = Measurement.objects.filter(goal__plan__municipality__code="165")
    # The jobs goal's yearly figures 2011-2023 come from Statistics Denmark (officialstats.demo).
    typed = measurements.exclude(source__startswith="Danmarks Statistik, ERHV2, ")

    assert (typed.count(), measurements.count()) == (37, 37 + 13)
    assert measurements.filter(is_illustrative=False).count() == 0
    assert set(typed.values_list("source", flat=True)) == {ILLUSTRATIVE_SOURCE}
    assert set(typed.values_list("entered_by__username", flat=True)) == {"medarbejder"}
    assert measurements.filter(value=None).count() == 4  # the policy's assessments
    assert measurements.exclude(assessment="").count() == 4


def test_demo_users_have_one_role_each(demo, demo_password):
    memberships = {
        m.user.username: (m.municipality.code, m.role)
        for m in Membership.objects.select_related("user", "municipality")
    }

    assert memberships == {
        "admin": ("165", Role.ADMINISTRATOR),
        "medarbejder": ("165", Role.STAFF),
        "udvalg": ("165", Role.COMMITTEE_READER),
        "ballerup": ("151", Role.STAFF),
    }
    assert dict(Municipality.objects.values_list("code", "name")) == {
        "165": "Albertslund",
        "151": "Ballerup",
    }
    for user in User.objects.all():
        assert user.check_password(demo_password)
        assert user.first_name and user.last_name
        assert user.email.endswith("@example.org")


def test_the_stored_status_of_every_demo_goal_equals_the_rules(demo):
    assert status_differences() == []
