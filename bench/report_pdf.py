"""How long and how much memory the committee report's PDF takes for a plan of typical size:
`uv run python -m bench.report_pdf` (`make bench-report`).

1. A database (`--database-url`; by default a new SQLite file in a temporary folder, so no
   PostgreSQL is needed) is migrated and given one municipality with a strategy of `--goals`
   goals (60, a typical municipality's, `bench.sizes`) in six tracks, each goal with monthly
   measurements for three years, and an action plan carrying it out with `--activities`
   activities (300), each serving a goal and a theme, with budgets, a milestone and status
   updates. The data comes from `--seed`.
2. The report is built `--runs` times (3), each in a fresh Python process that runs the job a
   worker runs (`reports.jobs.build_report`): its time, its pages and size, and the process's
   peak resident memory (ru_maxrss, which includes WeasyPrint's C libraries) before the build
   (Django loaded) and after it.
3. The figures go to `bench/REPORT_PDF.md` (`--output`), with the machine and the data.

A report is built on one CPU core; what it costs is what a worker needs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from statistics import median

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = BASE_DIR / "bench" / "REPORT_PDF.md"
TRACKS = 6
THEMES_PER_TRACK = 2
MEASURED_MONTHS = 36


def _setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kurs.settings")
    import django

    django.setup()


def generate(*, goals: int, activities: int, seed: int, today: date | None = None):
    """A municipality with a strategy of `goals` goals and an action plan of `activities`
    activities carrying it out (see the module doc). Returns the action plan."""
    from actions.enums import ActivityStatus, TrafficLight
    from actions.models import Activity, Milestone, StatusUpdate
    from core.enums import Role
    from core.models import Membership, Municipality, User
    from strategy.enums import Assessment, Comparator, GoalKind, PlanKind, PlanStatus, Recurrence
    from strategy.models import Goal, Measurement, Plan, Theme, Track
    from strategy.services import refresh_goal_status

    rng = random.Random(seed)
    today = today or date.today()
    first = today.year - 2
    municipality, _ = Municipality.objects.get_or_create(code="999", name="Benchkommune")
    user, _ = User.objects.get_or_create(username="bench", first_name="Bench", last_name="Bruger")
    Membership.objects.get_or_create(user=user, municipality=municipality, role=Role.STAFF)
    strategy = Plan.objects.create(
        municipality=municipality,
        kind=PlanKind.STRATEGY,
        title=f"Erhvervsstrategi {first}-{first + 4} ({seed})",
        status=PlanStatus.ADOPTED,
        period_start=first,
        period_end=first + 4,
    )
    plan = Plan.objects.create(
        municipality=municipality,
        kind=PlanKind.ACTION_PLAN,
        title=f"Handleplan {first}-{first + 4} ({seed})",
        status=PlanStatus.ADOPTED,
        period_start=first,
        period_end=first + 4,
        implements=strategy,
    )
    tracks = Track.objects.bulk_create(
        Track(plan=plan, kind="strategic", title=f"Spor {n + 1}", order=n) for n in range(TRACKS)
    )
    themes = Theme.objects.bulk_create(
        Theme(plan=plan, track=track, title=f"{track.title}, tema {n + 1}", order=n)
        for track in tracks
        for n in range(THEMES_PER_TRACK)
    )
    start, deadline = date(first, 1, 1), date(first + 4, 12, 31)
    made = []
    for number in range(goals):
        kind = rng.choices(
            [GoalKind.QUANTIFIED, GoalKind.QUALITATIVE, GoalKind.MILESTONE], [8, 1, 1]
        )[0]
        yearly = kind == GoalKind.QUANTIFIED and rng.random() < 0.25
        quantified = kind == GoalKind.QUANTIFIED
        made.append(
            Goal(
                plan=strategy,
                title=f"Mål {number + 1}: flere virksomheder og arbejdspladser i kommunen",
                kind=kind,
                order=number,
                unit="arbejdspladser" if quantified else "",
                comparator=Comparator.AT_LEAST if quantified else "",
                target_value=Decimal(rng.randint(50, 5000)) if quantified else None,
                baseline_value=Decimal(0) if quantified and not yearly else None,
                baseline_date=start if quantified and not yearly else None,
                deadline=deadline,
                recurrence=Recurrence.YEARLY if yearly else Recurrence.NONE,
                recurrence_from_year=first if yearly else None,
            )
        )
    made = Goal.objects.bulk_create(made)
    measurements = []
    for goal in made:
        for month in range(MEASURED_MONTHS):
            measured_on = start + timedelta(days=30 * month)
            if measured_on > today:
                break
            if goal.kind == GoalKind.QUALITATIVE:
                value, assessment = None, rng.choice(list(Assessment)).value
            elif goal.kind == GoalKind.MILESTONE:
                value, assessment = Decimal(int(month > 30)), ""
            else:
                share = month / MEASURED_MONTHS * rng.uniform(0.3, 1.2)
                value, assessment = (goal.target_value * Decimal(str(share))).quantize(1), ""
            measurements.append(
                Measurement(
                    goal=goal,
                    measured_on=measured_on,
                    value=value,
                    assessment=assessment,
                    source="Benchmark",
                )
            )
    Measurement.objects.bulk_create(measurements)
    rows = Activity.objects.bulk_create(
        Activity(
            plan=plan,
            title=f"Aktivitet {n + 1}: netværksmøder, virksomhedsbesøg og vejledning",
            description="Beskrivelse af aktiviteten. " * 5,
            period_text=f"{first}-{first + 4}",
            starts_on=start + timedelta(days=rng.randint(0, 400)),
            ends_on=today + timedelta(days=rng.randint(-200, 700)),
            status=rng.choice(list(ActivityStatus)).value,
            budget=Decimal(rng.randint(0, 500)) * 1000,
            spent=Decimal(rng.randint(0, 400)) * 1000,
            hours=Decimal(rng.randint(0, 900)),
            order=n,
        )
        for n in range(activities)
    )
    Activity.themes.through.objects.bulk_create(
        Activity.themes.through(activity=activity, theme=rng.choice(themes)) for activity in rows
    )
    Activity.goals.through.objects.bulk_create(
        Activity.goals.through(activity=activity, goal=rng.choice(made)) for activity in rows
    )
    Milestone.objects.bulk_create(
        Milestone(activity=a, title="Delmål", due_on=a.starts_on + timedelta(days=180))
        for a in rows
    )
    StatusUpdate.objects.bulk_create(
        StatusUpdate(
            activity=activity,
            reported_on=today - timedelta(days=rng.randint(1, 300)),
            light=rng.choice(list(TrafficLight)).value,
            comment="Aktiviteten skrider frem; næste skridt er aftalt med partnerne.",
            author=user,
        )
        for activity in rows
        for _ in range(rng.randint(1, 3))
    )
    refresh_goal_status(goal_ids=[goal.pk for goal in made], today=today)
    return plan


def measure(plan, user) -> dict:
    """Build the report of `plan` once, in this process, as the worker does; its figures."""
    from reports import jobs
    from reports.models import Report

    report = Report.objects.create(plan=plan, title="Benchmark", requested_by=user)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    jobs.build_report(report.pk)
    seconds = time.perf_counter() - started
    report.refresh_from_db()
    if report.state != "done":
        raise RuntimeError(f"the report failed: {report.error}")
    version = report.version
    return {
        "seconds": round(seconds, 2),
        "pages": version.page_count,
        "pdf_bytes": len(bytes(version.pdf)),
        "html_bytes": len(version.html.encode()),
        "rss_before_mb": round(rss_before / 1024, 1),
        "rss_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def render(
    results: list[dict], *, goals: int, activities: int, seed: int, database: str, note: str = ""
) -> str:
    """The figures as Markdown."""
    times = [run["seconds"] for run in results]
    lines = [
        "# Committee report PDF: time and memory",
        "",
        f"Written by `python -m bench.report_pdf` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPU cores, Python "
        f"{platform.python_version()}, {platform.platform()}; database: {database}.",
        f"Data (seed {seed}): a strategy of {goals} goals in {TRACKS} tracks with monthly "
        f"measurements, an action plan of {activities} activities with budgets, milestones and "
        "1-3 status updates each. Each run builds the report in a fresh process, as the worker "
        "does (`reports.jobs.build_report`): content, HTML, PDF, the stored version.",
        "",
        "| run | seconds | pages | PDF | HTML | RSS before | RSS peak | growth |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for number, run in enumerate(results, start=1):
        lines.append(
            f"| {number} | {run['seconds']} | {run['pages']} | {run['pdf_bytes'] // 1024} kB "
            f"| {run['html_bytes'] // 1024} kB | {run['rss_before_mb']} MB "
            f"| {run['rss_peak_mb']} MB | {run['rss_peak_mb'] - run['rss_before_mb']:.1f} MB |"
        )
    lines += [
        "",
        f"Median {median(times)} s; the worker's peak resident memory "
        f"{max(run['rss_peak_mb'] for run in results)} MB. RSS is the whole process at its "
        "largest: before the build with Django loaded, at the peak with WeasyPrint and its C "
        "libraries (Pango, HarfBuzz) too.",
        "",
    ]
    return "\n".join(lines)


def _child(database_url: str, plan_id: int) -> None:
    """One measured build in this fresh process: prints its figures as JSON."""
    _setup(database_url)
    from core.models import User
    from strategy.models import Plan

    result = measure(Plan.objects.get(pk=plan_id), User.objects.get(username="bench"))
    print(json.dumps(result))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--goals", type=int, default=60)
    parser.add_argument("--activities", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--database-url", help="default: a new SQLite file in a temporary folder")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--note", default="", help="a sentence for the results, e.g. the load")
    parser.add_argument("--measure-plan", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.goals < 1 or args.activities < 1 or args.runs < 1:
        parser.error("--goals, --activities and --runs must be 1 or more")
    if args.measure_plan:
        _child(args.database_url, args.measure_plan)
        return
    with tempfile.TemporaryDirectory() as folder:
        database_url = args.database_url or f"sqlite:///{folder}/report-bench.sqlite3"
        _setup(database_url)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        plan = generate(goals=args.goals, activities=args.activities, seed=args.seed)
        results = []
        for _run in range(args.runs):
            completed = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bench.report_pdf",
                    "--database-url",
                    database_url,
                    "--measure-plan",
                    str(plan.pk),
                ],
                cwd=BASE_DIR,
                check=True,
                capture_output=True,
                text=True,
            )
            results.append(json.loads(completed.stdout.strip().splitlines()[-1]))
            sys.stderr.write(f"[bench.report_pdf] run {len(results)}: {results[-1]}\n")
    engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    args.output.write_text(
        render(
            results, goals=args.goals, activities=args.activities, seed=args.seed, database=engine
        ),
        encoding="utf-8",
    )
    sys.stderr.write(f"[bench.report_pdf] wrote {args.output}\n")


if __name__ == "__main__":
    main()
