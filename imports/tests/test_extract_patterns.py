"""Each Danish way of writing a target, and each kind of number that is not one."""

import json

import pytest

from imports.extract import extract_text, goal_json


def goals_of(text: str) -> list[dict]:
    return [goal_json(goal) for goal in extract_text(text).goals]


def only_goal(text: str) -> dict:
    found = goals_of(text)
    assert len(found) == 1, [goal["text"] for goal in found]
    return found[0]


def in_goal_section(*bullets: str) -> str:
    return "Mål\n\n" + "\n".join(f"- {bullet}" for bullet in bullets) + "\n"


def test_thousands_with_a_point_are_read_as_danish_writes_them():
    goal = only_goal("Vi vil skabe 2.000 nye arbejdspladser i kommunen inden 2017.")
    assert goal["target"] == 2000
    assert goal["comparator"] == "at_least"
    assert goal["metric"].startswith("nye arbejdspladser")
    assert goal["deadline"] == 2017


def test_a_range_gives_target_and_target_high():
    goal = only_goal(in_goal_section("At skabe 1.200-1.500 nye job i industrien inden 2020"))
    assert (goal["target"], goal["target_high"]) == (1200, 1500)


def test_a_spaced_range_of_small_numbers():
    goal = only_goal(in_goal_section("At etablere 2 – 3 klynger inden for grøn teknologi"))
    assert (goal["target"], goal["target_high"]) == (2, 3)


def test_percent_with_a_space():
    goal = only_goal("Andelen af virksomheder, der eksporterer, skal være mindst 20 % i 2025.")
    assert (goal["target"], goal["unit"], goal["deadline"]) == (20, "%", 2025)
    assert goal["metric"].startswith("Andelen af virksomheder")


def test_percentage_points_are_their_own_unit():
    goal = only_goal("Beskæftigelsesfrekvensen skal øges med 5 %-point frem mod 2030.")
    assert (goal["target"], goal["unit"], goal["deadline"]) == (5, "procentpoint", 2030)


def test_mindst_hver_fjerde_is_a_quarter():
    goal = only_goal(
        "Mindst hver fjerde virksomhed skal samarbejde med en uddannelsesinstitution i 2025."
    )
    assert (goal["target"], goal["unit"], goal["comparator"]) == (25, "%", "at_least")


def test_fordoble_is_a_factor_of_two_of_the_baseline_given_nearby():
    text = (
        "I dag er der 150 eksporterende virksomheder i kommunen. "
        "Vi vil fordoble antallet af eksporterende virksomheder frem mod 2030."
    )
    goal = only_goal(text)
    assert goal["factor"] == 2
    assert goal["baseline"]["value"] == 150
    assert goal["target"] == 300
    assert goal["deadline"] == 2030


def test_fordoble_without_a_baseline_keeps_the_factor_and_no_target():
    goal = only_goal("Vi vil fordoble antallet af energivirksomheder frem mod 2025.")
    assert (goal["factor"], goal["target"]) == (2, None)
    assert "energivirksomheder" in goal["metric"]


def test_top_10_is_a_rank_at_most_ten():
    goal = only_goal(
        in_goal_section(
            "At kommunen placeres i top 10 på Dansk Industris måling af erhvervsklimaet inden 2017."
        )
    )
    assert (goal["target"], goal["unit"], goal["comparator"]) == (10, "placering", "at_most")
    assert goal["direction"] == "lower_is_better"
    assert "Dansk Industris" in goal["metric"]


def test_blandt_de_tre_bedste_is_a_rank_at_most_three():
    goal = only_goal(
        "Kommunen skal være blandt de tre bedste i regionen til erhvervsservice i 2026."
    )
    assert (goal["target"], goal["unit"], goal["comparator"]) == (3, "placering", "at_most")


@pytest.mark.parametrize(
    "wording, year",
    [
        ("senest i 2015", 2015),
        ("inden 2017", 2017),
        ("inden udgangen af 2015", 2015),
        ("frem mod 2030", 2030),
        ("i 2028", 2028),
    ],
)
def test_deadlines(wording, year):
    goal = only_goal(f"Vi vil skabe mindst 300 nye arbejdspladser i kommunen {wording}.")
    assert goal["deadline"] == year
    assert wording.split()[-1] in goal["deadline_text"]


def test_a_deadline_on_a_date_is_an_iso_date():
    goal = only_goal("Kommunen skal have mindst 40 nye virksomheder senest 1. juli 2026.")
    assert goal["deadline"] == "2026-07-01"


def test_om_aaret_is_recurring():
    goal = only_goal(in_goal_section("At der er mindst 50 iværksættere i rådgivning om året."))
    assert goal["recurring"] is True


def test_aarligt_fra_a_year_is_recurring_from_that_year_and_no_deadline():
    goal = only_goal(in_goal_section("At der afholdes mindst 10 erhvervsmøder årligt fra 2014."))
    assert goal["recurring"] is True
    assert goal["recurring_from"] == 2014
    assert goal["deadline"] is None


def test_a_level_year_is_a_baseline_year():
    goal = only_goal("Antallet af overnatninger skal tilbage på 2019-niveau i 2025.")
    assert goal["baseline"] == {"value": None, "year": 2019, "derived": False}
    assert goal["deadline"] == 2025
    assert goal["comparator"] == "at_least"


def test_a_stigning_paa_50_procent_from_a_baseline_in_the_sentence():
    goal = only_goal(
        "Vi vil øge antallet af turister fra 57.000 i dag med en stigning på 50 % frem mod 2030."
    )
    assert goal["baseline"]["value"] == 57000 or goal["target"] == 85500


def test_a_stigning_paa_50_procent_beside_an_absolute_target_derives_the_baseline():
    goal = only_goal(
        in_goal_section("At nå 18.000 besøgende på hjemmesiden svarende til en stigning på 50%.")
    )
    assert goal["target"] == 18000
    assert goal["baseline"] == {"value": 12000, "year": None, "derived": True}


def test_fra_today_til_target_is_a_baseline_not_a_second_goal():
    goal = only_goal("Vi vil øge antallet af arbejdspladser fra 57.000 i dag til 60.000 i 2030.")
    assert goal["target"] == 60000
    assert goal["baseline"]["value"] == 57000
    assert goal["deadline"] == 2030


def test_fra_a_year_til_target_gives_the_baseline_year():
    goal = only_goal("Vi vil øge antallet af iværksættere fra 400 i 2022 til 500 i 2026.")
    assert goal["baseline"] == {"value": 400, "year": 2022, "derived": False}
    assert goal["target"] == 500


# Numbers that are not goals.


def test_todays_figures_are_not_goals():
    assert goals_of("Vi har ca. 20.000 arbejdspladser i kommunen. Ledigheden er i dag 4 %.") == []


def test_past_results_are_not_goals():
    text = (
        "I 2011 var der 19.369 beskæftigede. Vi skabte 1.900 nye arbejdspladser fra 2015 til 2020."
    )
    assert goals_of(text) == []


def test_an_intention_reported_from_the_past_is_not_a_goal():
    assert goals_of("I 2011 blev der sat et mål om at skabe 2.000 nye arbejdspladser.") == []


def test_meeting_and_consultation_dates_are_not_goals():
    text = (
        "Udvalget behandlede strategien på mødet den 19. februar 2015. "
        "Forslaget skal i høring fra 27. juni til 14. august 2017."
    )
    assert goals_of(text) == []


def test_counts_of_chapters_and_tracks_are_not_goals():
    text = (
        "Strategien skal bæres af tre strategiske spor og fire tværgående spor. "
        "Planen skal have 7 indsatsområder og 33 indsatser."
    )
    assert goals_of(text) == []


def test_table_of_contents_and_page_numbers_are_not_goals():
    text = "Indhold\n\nMål for vækst\t8\nBaggrund..........12\n\n14\n\nSe side 12 om målene.\n"
    assert goals_of(text) == []


def test_addresses_and_phone_numbers_are_not_goals():
    text = "Kontakt\n\nNordmarks Allé 1\n2620 Albertslund\n+45 4368 6868\n"
    assert goals_of(text) == []


def test_budgets_are_not_goals():
    text = "Der er afsat en pulje på 0,4 mio. kr. til initiativerne, som skal gennemføres i 2026."
    assert goals_of(text) == []


def test_a_ring_road_number_with_skal_is_not_a_goal():
    text = "Den kommende letbane langs med Ring 3 skal gøre området mere attraktivt."
    assert goals_of(text) == []


def test_a_heading_that_miscounts_its_goals_does_not_drop_any():
    bullets = [f"At skabe mindst {n}0 nye arbejdspladser i område {n}" for n in range(1, 8)]
    text = "Seks mål\n\n" + "\n".join(f"- {bullet}" for bullet in bullets) + "\n"
    found = goals_of(text)
    assert [goal["target"] for goal in found] == [10, 20, 30, 40, 50, 60, 70]


def test_a_repeated_target_in_the_foreword_is_one_goal():
    text = (
        "Forord\n\nVi har sat et mål om at skabe 2.000 nye arbejdspladser.\n\n"
        "Mål\n\n- At skabe 2.000 nye arbejdspladser inden 2017.\n"
    )
    found = goals_of(text)
    assert len(found) == 1
    assert found[0]["deadline"] == 2017


def test_a_qualitative_bullet_under_a_goal_heading_is_a_goal_without_a_target():
    goal = only_goal(in_goal_section("At fremme innovationsevnen hos virksomhederne"))
    assert goal["kind"] == "qualitative"
    assert goal["target"] is None


def test_a_milestone_has_a_deadline_and_no_target():
    goal = only_goal(in_goal_section("At etablere en innovationsplatform senest i 2015"))
    assert (goal["kind"], goal["deadline"], goal["target"]) == ("milestone", 2015, None)


def test_offsets_point_at_the_source_sentence():
    text = "Forord\n\nIndledende ord. Vi vil skabe 2.000 nye arbejdspladser inden 2017. Tak.\n"
    goal = only_goal(text)
    assert text[goal["start"] : goal["end"]] == goal["text"]
    assert goal["text"] == "Vi vil skabe 2.000 nye arbejdspladser inden 2017."


def test_tracks_and_themes_come_from_headings_and_labels():
    text = (
        "Erhvervsstrategi 2020-2024\n\n"
        "Strategisk spor: Grøn vækst\n\nMål\n\nIværksættere:\n\n- At skabe 100 nye virksomheder\n\n"
        "Tværgående spor: Erhvervsservice\n\nMål\n\n- At svare alle virksomheder inden 2021\n"
    )
    extraction = extract_text(text)
    data = extraction.as_json()
    assert data["period"] == [2020, 2024]
    assert [(t["title"], t["kind"]) for t in data["structure"]] == [
        ("Grøn vækst", "strategic"),
        ("Erhvervsservice", "cross_cutting"),
    ]
    assert data["structure"][0]["themes"] == ["Iværksættere"]
    assert [g["track"] for g in data["goals"]] == ["Grøn vækst", "Erhvervsservice"]
    json.dumps(data)  # serialisable as it is


def test_a_goal_to_reduce_is_reached_at_or_below_its_target():
    goal = only_goal("Ledigheden skal nedbringes til højst 3 % inden 2027.")
    assert (goal["target"], goal["unit"], goal["comparator"]) == (3, "%", "at_most")
    assert goal["direction"] == "lower_is_better"


def test_small_and_medium_firms_are_not_a_reduction():
    goal = only_goal(
        "Vi vil hjælpe mindst 40 mindre og mellemstore virksomheder i gang med eksport i 2026."
    )
    assert (goal["target"], goal["comparator"], goal["direction"]) == (
        40,
        "at_least",
        "higher_is_better",
    )
