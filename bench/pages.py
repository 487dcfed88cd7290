"""The pages the benchmark drives, found in whatever database it points at, and the logins.

The same rules pick the pages in the national data and in the demo (`load_demo`), so that
their query counts can be compared: the goal of Albertslund (165) whose measurements come
closest to 120, the dashboards of the typical municipality and of Albertslund, Albertslund's plan
with the most goals and its action plan with the most activities, the API lists of 165, the
action plan's public calendar feed and the admin's goal list. Pages are read as a staff member
of the municipality, the admin as Albertslund's administrator (the scoped admin, the heavier
path for a municipal administrator); the floor and the calendar feed without a login.

Logins are Django sessions written to the database for those users, as a login would write
them; the benchmark sends the session cookie.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from importlib import import_module

from bench.dates import STEERING_SINCE
from bench.municipalities import ALBERTSLUND, TYPICAL

GOAL_MEASUREMENTS = 120


@dataclass(frozen=True)
class Page:
    key: str
    label: str
    url: str
    username: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


PAGE_KEYS = (
    "floor",
    "goal",
    "dashboard_typical",
    "dashboard_albertslund",
    "plan",
    "gantt",
    "activities",
    "steering",
    "api_goals",
    "api_activities",
    "calendar",
    "owners_behind",
    "admin_goals",
)


def _member(code: str, role: str) -> str:
    from core.models import Membership

    membership = (
        Membership.objects.filter(municipality__code=code, role=role)
        .select_related("user")
        .order_by("user_id")
        .first()
    )
    if membership is None:
        raise LookupError(f"no {role} in municipality {code}")
    return membership.user.username


def resolve_pages(keys=PAGE_KEYS) -> list[Page]:
    """The benchmark's pages in the current database, in `PAGE_KEYS` order."""
    from django.db.models import Count

    from actions.queries import TIMETABLE_KINDS
    from core.enums import Role
    from strategy.enums import GoalKind
    from strategy.models import Goal, Plan

    albertslund = Goal.objects.filter(plan__municipality__code=ALBERTSLUND)
    typical = TYPICAL
    typical_label = f"Dashboard, typical municipality {TYPICAL}"
    if not Goal.objects.filter(plan__municipality__code=TYPICAL).exists():
        # The demo's Ballerup has a timetable but no goals: an empty dashboard would skip the
        # queries a dashboard with goals runs, so Albertslund stands in.
        typical = ALBERTSLUND
        typical_label = f"Dashboard, typical municipality ({TYPICAL} has no goals; {typical})"
    goal = min(
        albertslund.filter(kind=GoalKind.QUANTIFIED).annotate(count=Count("measurements")),
        key=lambda g: (abs(g.count - GOAL_MEASUREMENTS), g.pk),
    )
    plans = Plan.objects.filter(municipality__code=ALBERTSLUND)
    plan = plans.annotate(count=Count("goals")).order_by("-count", "pk").first()
    action_plan = (
        plans.filter(kind__in=TIMETABLE_KINDS)
        .annotate(count=Count("activities"))
        .order_by("-count", "pk")
        .first()
    )
    staff = _member(ALBERTSLUND, Role.STAFF)
    code, action = ALBERTSLUND, f"/k/{ALBERTSLUND}/handleplaner/{action_plan.pk}"
    goals_of = {c: Goal.objects.filter(plan__municipality__code=c).count() for c in {typical, code}}
    pages = {
        "floor": Page("floor", "Floor: /healthz/ (no database)", "/healthz/"),
        "goal": Page(
            "goal", f"Goal page ({goal.count} measurements)", f"/k/{code}/maal/{goal.pk}/", staff
        ),
        "dashboard_typical": Page(
            "dashboard_typical",
            f"{typical_label} ({goals_of[typical]} goals)",
            f"/k/{typical}/",
            _member(typical, Role.STAFF),
        ),
        "dashboard_albertslund": Page(
            "dashboard_albertslund",
            f"Dashboard, Albertslund ({goals_of[code]} goals)",
            f"/k/{code}/",
            staff,
        ),
        "plan": Page(
            "plan", f"Plan page ({plan.count} goals)", f"/k/{code}/planer/{plan.pk}/", staff
        ),
        "gantt": Page(
            "gantt", f"Gantt ({action_plan.count} activities, 100 a page)", f"{action}/", staff
        ),
        "activities": Page(
            "activities",
            f"Activity list ({action_plan.count} activities, 100 a page)",
            f"{action}/aktiviteter/",
            staff,
        ),
        "steering": Page(
            "steering",
            f"Steering page (changes since {STEERING_SINCE.isoformat()})",
            f"{action}/styring/?siden={STEERING_SINCE.isoformat()}",
            staff,
        ),
        "api_goals": Page(
            "api_goals", "API: goals of 165", f"/api/v1/goals?municipality={code}", staff
        ),
        "api_activities": Page(
            "api_activities",
            "API: activities of 165 (100 a page)",
            f"/api/v1/activities?municipality={code}",
            staff,
        ),
        "calendar": Page("calendar", "Calendar feed (public)", f"{action}/kalender.ics"),
        "owners_behind": Page(
            "owners_behind",
            "Owners behind, Albertslund (loaded into the dashboard)",
            f"/k/{code}/handleplaner/bagud/",
            staff,
        ),
        "admin_goals": Page(
            "admin_goals",
            "Admin: goal list (municipal administrator)",
            "/admin/strategy/goal/",
            _member(ALBERTSLUND, Role.ADMINISTRATOR),
        ),
    }
    return [pages[key] for key in keys]


def login_sessions(usernames) -> dict[str, str]:
    """A new session in the database for each user, as a login writes it: {username: key}.

    The session holds the user's auth hash, which depends on SECRET_KEY: the server that reads
    it must run with the same SECRET_KEY."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from core.models import User

    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    sessions = {}
    for user in User.objects.filter(username__in=set(usernames)):
        store = store_class()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions[user.username] = store.session_key
    return sessions
