"""The committee report benchmark at a tiny size: the data it generates, one measured build,
and the Markdown it writes."""

from django.db.models import Count

from actions.models import Activity
from bench.report_pdf import generate, measure, render
from core.models import User
from strategy.models import Goal


def test_generated_plan_has_the_goals_and_activities_asked_for(db):
    plan = generate(goals=4, activities=6, seed=1)

    assert Goal.objects.filter(plan=plan.implements).count() == 4
    assert Activity.objects.filter(plan=plan).count() == 6
    served = Activity.objects.filter(plan=plan).annotate(goals_served=Count("goals"))
    assert {activity.goals_served for activity in served} == {1}


def test_one_measured_build_gives_its_figures_and_the_markdown_shows_them(db):
    plan = generate(goals=3, activities=4, seed=2)

    result = measure(plan, User.objects.get(username="bench"))
    text = render([result], goals=3, activities=4, seed=2, database="SQLite")

    assert result["pages"] >= 3
    assert result["rss_peak_mb"] >= result["rss_before_mb"] > 0
    assert f"| 1 | {result['seconds']} | {result['pages']} |" in text
    assert "a strategy of 3 goals" in text
