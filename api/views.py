"""The read API under /api/v1/: municipalities, plans and goals with their computed status.

Visibility follows the web pages. Adopted plans and their goals are public and served without
login. Drafts, internal notes of plans and goals, and measurement notes are served only to members
of the municipality (`core.scoping.visible_municipality_ids`); for everybody else a draft does not
exist, and the response uses the public schemas, which have no `internal_note` or `note` key.

Authentication is the Django session from the ordinary login, read from `request.user`; the API
has no ninja auth class, so GET requests need no CSRF token. Status and progress come from
`strategy.queries.evaluate_goals`, the same computation the pages use.

The interactive docs page is off (`docs_url=None`): ninja's Swagger page loads its assets from a
CDN unless `ninja` is in INSTALLED_APPS, and the project serves nothing from other hosts. The
machine-readable description is at /api/v1/openapi.json.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone
from ninja import NinjaAPI, Query
from ninja.errors import HttpError

from api import schemas
from core.models import Municipality, normalise_municipality_code
from core.scoping import visible_municipality_ids
from strategy.enums import GoalStatus
from strategy.models import Goal, Plan
from strategy.queries import EvaluatedGoal, evaluate_goals, goals_with_measurements

DESCRIPTION = """\
Læseadgang til kommunernes erhvervspolitik i Kurs: planer, mål og målenes status.

**Synlighed.** Vedtagne planer og deres mål er offentlige og kan hentes uden login. Udkast,
interne noter og noter til målinger ses kun af kommunens egne brugere, der er logget ind i Kurs
(Django-session-cookie). For alle andre findes udkast ikke, og felterne `internal_note` og
`note` er helt udeladt af svaret.

**Kommunekoder.** Parameteren `municipality` er den officielle kommunekode, med eller uden
foranstillet nul: `165` og `0165` er begge Albertslund. En ukendt eller ugyldig kode giver 404,
en manglende kode 422.

**Status.** `status` beregnes ud fra målets måltal, frist og målinger på samme måde som på siderne
i Kurs: `achieved`, `on_track`, `not_measured`, `at_risk`, `not_measurable` eller `off_track`.
"""

api = NinjaAPI(
    title="Kurs API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs_url=None,
)

MUNICIPALITY_PARAM = {
    "description": "Kommunekode, fx 165 eller 0165 (Albertslund).",
    "examples": ["165"],
}


def _municipality(raw_code: str) -> Municipality:
    """The municipality with code `raw_code` in any accepted spelling, or a 404 error."""
    try:
        code = normalise_municipality_code(raw_code)
    except ValueError:
        raise HttpError(
            404, f"'{raw_code}' er ikke en kommunekode. Brug den tre-cifrede kode, fx 165."
        ) from None
    municipality = Municipality.objects.filter(code=code).first()
    if municipality is None:
        raise HttpError(404, f"Der findes ingen kommune med kommunekoden {code}.")
    return municipality


def _is_member(request, municipality: Municipality) -> bool:
    return municipality.pk in visible_municipality_ids(request.user)


def _visible_plans(municipality: Municipality, member: bool) -> QuerySet[Plan]:
    plans = Plan.objects.filter(municipality=municipality)
    return plans if member else plans.public()


def _number(value) -> float | None:
    return None if value is None else float(value)


def _latest_measurement(goal: Goal, today, member: bool) -> dict | None:
    """The last measurement up to today, as the status rules see them (prefetched, ordered)."""
    measurements = [m for m in goal.measurements.all() if m.measured_on <= today]
    if not measurements:
        return None
    latest = measurements[-1]
    data = {
        "date": latest.measured_on,
        "value": _number(latest.value),
        "assessment": latest.assessment or None,
        "source": latest.source,
        "is_illustrative": latest.is_illustrative,
    }
    if member:
        data["note"] = latest.note
    return data


def _goal(item: EvaluatedGoal, visible_ids: set[int], today, member: bool) -> schemas.Goal:
    goal, plan, track = item.goal, item.goal.plan, item.goal.track
    data = {
        "id": goal.pk,
        "title": goal.title,
        "kind": goal.kind,
        "plan": {
            "id": plan.pk,
            "title": plan.title,
            "kind": plan.kind,
            "status": plan.status,
            "period_start": plan.period_start,
            "period_end": plan.period_end,
        },
        "track": None
        if track is None
        else {"id": track.pk, "title": track.title, "kind": track.kind},
        "theme": None if goal.theme is None else goal.theme.title,
        # A parent in a plan the reader may not see is left out, so as not to reveal it exists.
        "parent_id": goal.parent_id if goal.parent_id in visible_ids else None,
        "metric": goal.metric,
        "unit": goal.unit,
        "direction": goal.direction,
        "baseline": None
        if goal.baseline_value is None
        else {
            "value": _number(goal.baseline_value),
            "date": goal.baseline_date,
            "source": goal.baseline_source,
        },
        "comparator": goal.comparator or None,
        "target": _number(goal.target_value),
        "deadline": goal.effective_deadline,
        "deadline_is_stated": goal.deadline is not None,
        "deadline_text": goal.deadline_text,
        "recurrence": goal.recurrence,
        "recurrence_from_year": goal.recurrence_from_year,
        "latest_measurement": _latest_measurement(goal, today, member),
        "status": item.status.value,
        "status_label": str(GoalStatus(item.status).label),
        "progress": item.progress,
    }
    if member:
        return schemas.MemberGoal(**data, internal_note=goal.internal_note)
    return schemas.Goal(**data)


def _plan(plan: Plan, visible_ids: set[int], member: bool) -> schemas.Plan:
    data = {
        "id": plan.pk,
        "title": plan.title,
        "kind": plan.kind,
        "status": plan.status,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "adopted_on": plan.adopted_on,
        "adopted_by": plan.adopted_by,
        "implements_id": plan.implements_id if plan.implements_id in visible_ids else None,
        "summary": plan.summary,
    }
    if member:
        return schemas.MemberPlan(**data, internal_note=plan.internal_note)
    return schemas.Plan(**data)


@api.get(
    "/municipalities",
    response=list[schemas.Municipality],
    operation_id="list_municipalities",
    tags=["Kommuner"],
    summary="Kommuner",
    description="Alle kommuner i Kurs med kode og navn, sorteret efter navn. Offentlig.",
)
def list_municipalities(request):
    return Municipality.objects.order_by("name", "code")


@api.get(
    "/plans",
    response={200: list[schemas.MemberPlan | schemas.Plan], 404: schemas.Error},
    operation_id="list_plans",
    tags=["Planer"],
    summary="En kommunes planer",
    description=(
        "Kommunens planer (strategier, politikker, handleplaner og tidsplaner), nyeste periode "
        "først. Uden login eller for brugere fra andre kommuner: kun vedtagne planer og uden "
        "`internal_note`. For kommunens egne brugere også udkast og `internal_note`."
    ),
)
def list_plans(request, municipality: Query[str, MUNICIPALITY_PARAM]):
    place = _municipality(municipality)
    member = _is_member(request, place)
    plans = list(_visible_plans(place, member).order_by("-period_start", "title", "pk"))
    visible_ids = {plan.pk for plan in plans}
    return [_plan(plan, visible_ids, member) for plan in plans]


@api.get(
    "/goals",
    response={200: list[schemas.MemberGoal | schemas.Goal], 404: schemas.Error},
    operation_id="list_goals",
    tags=["Mål"],
    summary="En kommunes mål med status",
    description=(
        "Alle mål i kommunens synlige planer med indikator, måltal, frist, seneste måling og "
        "beregnet status og fremdrift. Uden login eller for brugere fra andre kommuner: kun mål i "
        "vedtagne planer og uden `internal_note` og målingsnoter. For kommunens egne brugere også "
        "mål i udkast, `internal_note` og `latest_measurement.note`. Et overordnet måls status og "
        "fremdrift samles kun fra de delmål, som modtageren må se."
    ),
)
def list_goals(request, municipality: Query[str, MUNICIPALITY_PARAM]):
    place = _municipality(municipality)
    member = _is_member(request, place)
    goals = Goal.objects.filter(plan__in=_visible_plans(place, member)).order_by(
        "-plan__period_start", "plan__title", "plan_id", "order", "pk"
    )
    today = timezone.localdate()
    evaluated = evaluate_goals(goals_with_measurements(goals), today=today)
    visible_ids = {item.goal.pk for item in evaluated}
    return [_goal(item, visible_ids, today, member) for item in evaluated]
