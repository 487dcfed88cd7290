"""National data for the benchmark, reproducible from a seed.

    uv run python -m bench.generate [--seed 2013] [--scale 1.0] [--replace]

Builds on an empty, migrated database (`DATABASE_URL`; PostgreSQL for the real run, SQLite works
for tests) what `bench.sizes` says a scale asks for: municipalities with their members (an
administrator, staff, committee readers), strategies and action plans with tracks, themes,
goals and monthly measurements, partners, committees, activities with milestones and status
updates (`bench.strategy_data`, `bench.actions_data`). Everything is written with `bulk_create`
in batches, in one transaction: no `save()` per row, no signals. History records are written
only where a benchmarked page reads them: goals and measurements (the goal page's history),
activities and milestones (the steering page's "what changed since").

The same seed and scale give the same rows (titles, values, dates); only primary keys and the
unusable password hashes' salt-free marker differ from database to database.

After loading, the project's post-load commands run (`POST_LOAD_COMMANDS`), and the dataset is
recorded in the table `bench_dataset` (seed, scale, generator version, counts), so that
`bench.run` reuses the data when it was generated at the same seed and scale.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

DEFAULT_SEED = 2013
# Bump when the generator writes different rows for the same seed: recorded datasets of an
# older version are then generated again.
GENERATOR_VERSION = 1
BATCH = 2_000
POST_LOAD_COMMANDS = ["refresh_goal_status"]
RECORD_TABLE = "bench_dataset"


@dataclass
class Dataset:
    seed: int
    scale: float
    version: int = GENERATOR_VERSION
    counts: dict = field(default_factory=dict)
    post_load: list = field(default_factory=list)
    seconds: float = 0.0

    def matches(self, seed: int, scale: float) -> bool:
        return (self.seed, self.scale, self.version) == (seed, scale, GENERATOR_VERSION)


def run_post_load(commands: list[str], stream) -> None:
    from django.core.management import call_command

    for name in commands:
        stream.write(f"Efter indlæsning: manage.py {name}\n")
        call_command(name, stdout=stream)


# The record of what was generated


def _ensure_record_table(cursor) -> None:
    cursor.execute(
        f"CREATE TABLE IF NOT EXISTS {RECORD_TABLE} ("
        "seed bigint NOT NULL, scale varchar(32) NOT NULL, version integer NOT NULL, "
        "counts text NOT NULL, post_load text NOT NULL, seconds real NOT NULL)"
    )


def recorded_dataset() -> Dataset | None:
    """The dataset the database holds, as recorded after it was generated, or None."""
    from django.db import connection

    with connection.cursor() as cursor:
        _ensure_record_table(cursor)
        cursor.execute(
            f"SELECT seed, scale, version, counts, post_load, seconds FROM {RECORD_TABLE}"
        )
        row = cursor.fetchone()
    if row is None:
        return None
    seed, scale, version, counts, post_load, seconds = row
    return Dataset(seed, float(scale), version, json.loads(counts), json.loads(post_load), seconds)


def record_dataset(dataset: Dataset) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        _ensure_record_table(cursor)
        cursor.execute(f"DELETE FROM {RECORD_TABLE}")
        cursor.execute(
            f"INSERT INTO {RECORD_TABLE} (seed, scale, version, counts, post_load, seconds) "
            "VALUES (%s, %s, %s, %s, %s, %s)",
            [
                dataset.seed,
                repr(dataset.scale),
                dataset.version,
                json.dumps(dataset.counts),
                json.dumps(dataset.post_load),
                dataset.seconds,
            ],
        )


# Writing


@contextmanager
def own_timestamps(*fields):
    """Let `bulk_create` keep the `created_at` the generator set. `auto_now_add` would stamp
    every row with the moment it is written; the steering page reads `created_at` to find what
    was entered lately, so all 128,400 status updates would be "new"."""
    before = [(f, f.auto_now_add) for f in fields]
    for f, _ in before:
        f.auto_now_add = False
    try:
        yield
    finally:
        for f, value in before:
            f.auto_now_add = value


def _bulk(model, objects) -> list:
    return model.objects.bulk_create(objects, batch_size=BATCH)


def _history(model, objects, *, update: bool = False) -> None:
    if objects:
        model.history.bulk_history_create(objects, batch_size=BATCH, update=update)


def _history_with_changes(model, objects, changes) -> None:
    """A "created" record for every object (with the values it had then) and a "changed"
    record for each of `changes`: (object, {field: value when created}, when changed)."""
    current = []
    for obj, before, _when in changes:
        current.append({name: getattr(obj, name) for name in before})
        for name, value in before.items():
            setattr(obj, name, value)
    _history(model, objects)
    changed = []
    for (obj, _before, when), values in zip(changes, current, strict=True):
        for name, value in values.items():
            setattr(obj, name, value)
        obj._history_date = when
        changed.append(obj)
    _history(model, changed, update=True)


def _depth(goal) -> int:
    depth, parent = 0, goal.parent
    while parent is not None:
        depth, parent = depth + 1, parent.parent
    return depth


def _people(municipality, code: str, slug: str, goal_count: int, rng):
    from bench.actions_data import person_name
    from bench.strategy_data import People
    from core.enums import Role
    from core.models import Membership, User

    albertslund = code == "165"
    staff_count = 25 if albertslund else min(max(goal_count // 6, 3), 15)
    reader_count = 4 if albertslund else 3

    def user(username: str) -> User:
        first, last = person_name(rng).split(" ", 1)
        return User(
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@example.org",
            # Unusable: the benchmark logs its users in with sessions written to the database.
            password="!" + "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=40)),
        )

    people = People(
        administrator=user(f"{slug}-administrator"),
        staff=[user(f"{slug}-medarbejder-{n:02d}") for n in range(1, staff_count + 1)],
        readers=[user(f"{slug}-udvalg-{n}") for n in range(1, reader_count + 1)],
    )
    memberships = [
        Membership(user=people.administrator, municipality=municipality, role=Role.ADMINISTRATOR)
    ]
    memberships += [
        Membership(user=u, municipality=municipality, role=Role.STAFF) for u in people.staff
    ]
    memberships += [
        Membership(user=u, municipality=municipality, role=Role.COMMITTEE_READER)
        for u in people.readers
    ]
    return people, memberships


def slug_of(name: str) -> str:
    folded = name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return "".join(ch if ch.isalnum() else "-" for ch in folded).strip("-")


def choose_municipalities(sizes, rng) -> list[tuple[str, str, str]]:
    from bench.municipalities import ALBERTSLUND, MUNICIPALITIES, TYPICAL

    fixed = [m for m in MUNICIPALITIES if m[0] in {ALBERTSLUND, TYPICAL}]
    others = [m for m in MUNICIPALITIES if m[0] not in {ALBERTSLUND, TYPICAL}]
    chosen = fixed + rng.sample(others, sizes.municipalities - len(fixed))
    return sorted(chosen)


def generate(*, seed: int = DEFAULT_SEED, scale: float = 1.0, stream=None) -> Dataset:
    """Write the national data for `seed` and `scale` into the (empty) database."""
    from django.db import connection, transaction

    from core.models import Municipality

    stream = stream if stream is not None else sys.stderr
    if Municipality.objects.exists():
        raise RuntimeError(
            "The database already holds municipalities: the generator needs an empty, migrated "
            "database (bench.generate --replace empties it first)."
        )
    started = time.monotonic()
    with transaction.atomic():
        counts = _write_all(seed, scale, stream)
    dataset = Dataset(seed, scale, counts=counts)
    dataset.post_load = list(POST_LOAD_COMMANDS)
    run_post_load(dataset.post_load, stream)
    if connection.vendor == "postgresql":
        # Fresh statistics and visibility map, as a database that has lived for a while has.
        # VACUUM cannot run inside a transaction (a test's): ANALYZE alone can.
        statement = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        stream.write(f"{statement}\n")
        with connection.cursor() as cursor:
            cursor.execute(statement)
    dataset.seconds = round(time.monotonic() - started, 1)
    record_dataset(dataset)
    return dataset


def _write_all(seed: int, scale: float, stream) -> dict:
    from actions.models import (
        Activity,
        Committee,
        CommitteeMember,
        Milestone,
        Partner,
        PlanSteering,
        ServicePromise,
        StatusUpdate,
    )
    from bench import actions_data, strategy_data
    from bench.dates import moment
    from bench.sizes import Sizes, fill, split
    from core.models import Membership, Municipality, User
    from core.progress import Progress
    from strategy.models import Commitment, Goal, KeyFigure, Measurement, Plan, Theme, Track

    sizes = Sizes.at(scale)
    layout = random.Random(f"{seed}/layout")
    chosen = choose_municipalities(sizes, layout)
    codes = [code for code, _, _ in chosen]
    weights = [layout.uniform(0.5, 1.5) for _ in chosen]
    fixed_goals = {"165": sizes.albertslund_goals, "151": sizes.typical_goals}
    other_codes = [code for code in codes if code not in fixed_goals]
    other_goals = split(
        sizes.goals - sum(fixed_goals.values()),
        [weights[codes.index(code)] for code in other_codes],
        minimum=3,
    )
    goal_count = {**fixed_goals, **dict(zip(other_codes, other_goals, strict=True))}
    not_albertslund = [code for code in codes if code != "165"]
    activity_count = dict(
        zip(
            not_albertslund,
            split(
                sizes.activities - sizes.albertslund_activities,
                [goal_count[code] * layout.uniform(0.6, 1.4) for code in not_albertslund],
                minimum=1,
            ),
            strict=True,
        )
    )
    activity_count["165"] = sizes.albertslund_activities
    update_counts = split(sizes.status_updates, [1.0] * sizes.activities)

    # Municipalities, people, plans and goals: small enough to hold all at once.
    stream.write(f"Kurs-benchmark: frø {seed}, skala {scale}: {len(chosen)} kommuner\n")
    everything = []
    memberships = []
    for code, name, region in chosen:
        rng = random.Random(f"{seed}/{code}/plans")
        municipality = Municipality(code=code, name=name)
        people, members = _people(municipality, code, slug_of(name), goal_count[code], rng)
        memberships += members
        data = strategy_data.MunicipalityPlans(municipality, region, people)
        strategy_data.build_plans(
            data,
            rng,
            goal_count=goal_count[code],
            big_plan_goals=sizes.big_plan_goals if code == "165" else None,
        )
        everything.append(data)

    _bulk(Municipality, [d.municipality for d in everything])
    users = [
        u for d in everything for u in (d.people.administrator, *d.people.staff, *d.people.readers)
    ]
    _bulk(User, users)
    _bulk(Membership, memberships)
    plans = [p for d in everything for p in d.plans]
    # A plan that implements another is written after it (it needs its id).
    _bulk(Plan, [p for p in plans if p.implements is None])
    _bulk(Plan, [p for p in plans if p.implements is not None])
    _bulk(Track, [t for d in everything for t in d.tracks])
    _bulk(Theme, [t for d in everything for t in d.themes])
    goals = [g for d in everything for g in d.goals]
    by_depth: dict[int, list] = {}
    for goal in goals:
        by_depth.setdefault(_depth(goal), []).append(goal)
    for depth in sorted(by_depth):
        _bulk(Goal, by_depth[depth])
    for data in everything:
        rng = random.Random(f"{seed}/{data.municipality.code}/goal-history")
        for goal in data.goals:
            goal._history_date = moment(strategy_data.creation_day(goal.plan, rng), rng)
            goal._history_user = data.people.administrator
    _history(Goal, goals)
    _bulk(KeyFigure, [k for d in everything for k in d.key_figures])
    _bulk(Commitment, [c for d in everything for c in d.commitments])

    # How many measurements each goal gets, so that the national total comes out exactly.
    series = [goal.bench_series for goal in goals]
    minimums = [s.capacity if s.fixed is not None else min(12, s.capacity) for s in series]
    measured = fill(
        sizes.measurements, [s.capacity for s in series], minimums, random.Random(f"{seed}/fill")
    )
    for one, count in zip(series, measured, strict=True):
        one.count = count

    # Measurements and action plans, municipality by municipality (memory stays bounded).
    totals = {"measurements": 0, "activities": 0, "status_updates": 0, "milestones": 0}
    progress = Progress("Målinger og aktiviteter", len(everything), stream=stream)
    update_offset = 0
    with own_timestamps(
        Measurement._meta.get_field("created_at"), StatusUpdate._meta.get_field("created_at")
    ):
        for data in everything:
            code = data.municipality.code
            rng = random.Random(f"{seed}/{code}/measurements")
            measurements = [
                m
                for goal in data.goals
                for m in strategy_data.measurements_of(goal, rng, data.people)
            ]
            _bulk(Measurement, measurements)
            _history(Measurement, measurements)
            totals["measurements"] += len(measurements)

            rng = random.Random(f"{seed}/{code}/actions")
            plan = data.action_plan
            rows = actions_data.plan_rows(
                data.municipality, data.region, plan, data.action_themes, rng
            )
            _bulk(Partner, rows.partners)
            _bulk(Committee, [rows.committee])
            _bulk(CommitteeMember, rows.committee_members)
            _bulk(PlanSteering, [rows.steering])
            _bulk(ServicePromise, rows.promises)
            count = activity_count[code]
            work = actions_data.activities(
                plan,
                count,
                update_counts[update_offset : update_offset + count],
                themes=data.action_themes,
                goals=[g for g in data.goals if g.plan.kind != "policy"],
                partners=rows.partners,
                staff=data.people.staff,
                region=data.region,
                rng=rng,
            )
            update_offset += count
            _bulk(Activity, work.activities)
            _history_with_changes(Activity, work.activities, work.activity_changes)
            for relation, pairs in (
                ("themes", work.themes),
                ("goals", work.goals),
                ("partners", work.partners),
            ):
                through = getattr(Activity, relation).through
                target = f"{relation.removesuffix('s')}_id"
                _bulk(through, [through(activity_id=a.pk, **{target: t.pk}) for a, t in pairs])
            _bulk(Milestone, work.milestones)
            _history_with_changes(Milestone, work.milestones, work.milestone_changes)
            _bulk(StatusUpdate, work.updates)
            totals["activities"] += len(work.activities)
            totals["status_updates"] += len(work.updates)
            totals["milestones"] += len(work.milestones)
            progress.advance(
                note=f"{data.municipality.name}: {len(measurements)} målinger, {count} aktiviteter"
            )
    progress.close()
    return {
        "municipalities": len(everything),
        "users": len(users),
        "plans": len(plans),
        "goals": len(goals),
        **totals,
    }


def ensure(*, seed: int, scale: float, replace: bool, stream) -> tuple[Dataset, bool]:
    """The dataset for `seed` and `scale`: reused when the database holds it already (running
    any post-load command added since), else generated; with `replace`, a database holding other
    data is emptied first. Returns the dataset and whether it was reused."""
    from django.core.management import call_command

    from core.models import Municipality

    recorded = recorded_dataset()
    if recorded is not None and recorded.matches(seed, scale):
        missing = [name for name in POST_LOAD_COMMANDS if name not in recorded.post_load]
        if missing:
            run_post_load(missing, stream)
            recorded.post_load += missing
            record_dataset(recorded)
        return recorded, True
    if Municipality.objects.exists():
        if not replace:
            raise RuntimeError(
                "The database holds other data than the benchmark's at this seed and scale; "
                "run with --replace to empty it (every table) and generate."
            )
        stream.write("Tømmer databasen (manage.py flush)\n")
        call_command("flush", interactive=False, verbosity=0)
    return generate(seed=seed, scale=scale, stream=stream), False


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument(
        "--replace", action="store_true", help="empty a database holding other data first"
    )
    parser.add_argument("--json", action="store_true", help="print the dataset as JSON on stdout")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kurs.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # Under DEBUG Django keeps the SQL of recent queries; a bulk insert's is megabytes.
    settings.DEBUG = False
    call_command("migrate", interactive=False, verbosity=0)
    dataset, reused = ensure(
        seed=args.seed, scale=args.scale, replace=args.replace, stream=sys.stderr
    )
    if args.json:
        print(json.dumps({**asdict(dataset), "reused": reused}))
    else:
        how = "genbrugt" if reused else f"genereret på {dataset.seconds} s"
        print(f"Datasæt (frø {dataset.seed}, skala {dataset.scale}) {how}: {dataset.counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
