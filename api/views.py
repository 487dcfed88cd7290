"""The read API under /api/v1/: municipalities, plans, goals with their computed status, and the
activities of action plans and timetables.

Visibility follows the web pages. Adopted plans with their goals and activities are public and
served without login. Drafts, internal notes of plans and goals, measurement notes, and an
activity's owner, budget, spending, hours and status updates are served only to members of the
municipality (`core.scoping.visible_municipality_ids`); for everybody else a draft does not exist,
and the response uses the public schemas, which leave these keys out altogether.

Authentication is the Django session from the ordinary login, read from `request.user`; the API
has no ninja auth class, so GET requests need no CSRF token. Status and progress come from
the goal's stored status (`strategy.services.refresh_goal_status`), the same the pages show.

The interactive docs page is off (`docs_url=None`): ninja's Swagger page loads its assets from a
CDN unless `ninja` is in INSTALLED_APPS, and the project serves nothing from other hosts. The
machine-readable description is at /api/v1/openapi.json.
"""

from __future__ import annotations

import json
from datetime import date

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.http import HttpResponse
from ninja import NinjaAPI, Query
from ninja.errors import HttpError

from actions.enums import ActivityStatus
from actions.models import Activity, Milestone, Partner, StatusUpdate
from api import schemas
from core import pagecache
from core.ids import MAX_ID_DIGITS
from core.models import Municipality, normalise_municipality_code
from core.scoping import visible_municipality_ids
from inquiries import figures
from inquiries import queries as inquiry_queries
from strategy.enums import GoalStatus
from strategy.models import Goal, Plan, Theme
from strategy.queries import EvaluatedGoal, stored, stored_goals
from strategy.services import current_statuses

DESCRIPTION = """\
Læseadgang til kommunernes erhvervspolitik i Kurs: planer, mål og målenes status.

**Synlighed.** Vedtagne planer og deres mål er offentlige og kan hentes uden login. Udkast,
interne noter og noter til målinger ses kun af kommunens egne brugere, der er logget ind i Kurs
(Django-session-cookie). For alle andre findes udkast ikke, og felterne `internal_note` og
`note` er helt udeladt af svaret.

**Kommunekoder.** Parameteren `municipality` er den officielle kommunekode, med eller uden
foranstillet nul: `165` og `0165` er begge Albertslund. En ukendt eller ugyldig kode giver 404,
en manglende kode 422.

**Aktiviteter.** Aktiviteterne i vedtagne handleplaner og tidsplaner er offentlige med titel,
periode, status, temaer, samarbejdspartnere, de mål de tjener, og milepæle. Ansvarlig person,
budget, forbrug, timer og seneste statusopdatering (`owner`, `budget`, `spent`, `hours`,
`latest_update`) ses kun af kommunens egne brugere og er ellers helt udeladt af svaret.

**Henvendelser.** Månedstal for servicemålene pr. team og emne (afsluttede sager, holdte
servicemål, median og 90-percentil af nettotiden) er offentlige og uden personoplysninger. Listen
over åbne henvendelser med virksomhed og sagsbehandler ses kun af kommunens egne brugere; for
alle andre findes den ikke (404).

**Status.** Et måls `status` beregnes ud fra målets måltal, frist og målinger på samme måde som
på siderne i Kurs: `achieved`, `on_track`, `not_measured`, `at_risk`, `not_measurable` eller
`off_track`. En aktivitets `status` er den, kommunen har registreret.
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
PAGE_SIZE = 100
MAX_PAGE_SIZE = 500
LIMIT_PARAM = {
    "description": (
        f"Højst så mange aktiviteter i svaret (1-{MAX_PAGE_SIZE}); standard {PAGE_SIZE}."
    ),
    "ge": 1,
    "le": MAX_PAGE_SIZE,
}
OFFSET_PARAM = {
    "description": "Spring så mange aktiviteter over (til de næste sider); standard 0.",
    "ge": 0,
    "le": 10**9,
}
PLAN_PARAM = {
    "description": "Kun aktiviteterne i planen med dette id (valgfri).",
    "ge": 1,
    "le": 10**MAX_ID_DIGITS - 1,
}


def list_responses(item) -> dict:
    """A list of `item` for a municipality, its unknown-code 404 and its bad-parameter 422."""
    return {200: list[item], 404: schemas.Error, 422: schemas.ValidationError}


def _json(items) -> bytes:
    return json.dumps([item.model_dump(mode="json") for item in items], ensure_ascii=False).encode()


def _cached_json(parts: pagecache.Parts, name: str, params: tuple, answer) -> HttpResponse:
    """The JSON of `answer()` (a list of schema objects, validated as they are built), computed
    once per data version of the municipality and kept (`core.pagecache`)."""
    body = parts.get(f"api-{name}", params, lambda: _json(answer()))
    return HttpResponse(body, content_type="application/json; charset=utf-8")


def _cached_page(
    request,
    parts: pagecache.Parts,
    name: str,
    params: tuple,
    items: QuerySet,
    build,
    *,
    limit,
    offset,
) -> HttpResponse:
    """One page of `items` (`limit` from `offset`) as a JSON list of `build(item)`, kept per
    data version like `_cached_json`. The total is in `X-Total-Count` and the next and previous
    pages in a `Link` header (RFC 8288), so the body stays a plain list."""

    def page() -> tuple[int, bytes]:
        return items.count(), _json(build(item) for item in items[offset : offset + limit])

    total, body = parts.get(f"api-{name}", (*params, limit, offset), page)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["X-Total-Count"] = str(total)
    links = []
    if offset + limit < total:
        links.append((offset + limit, "next"))
    if offset > 0:
        links.append((max(offset - limit, 0), "prev"))
    if links:
        query = request.GET.copy()
        query["limit"] = str(limit)
        shown = []
        for start, rel in links:
            query["offset"] = str(start)
            shown.append(f'<{request.build_absolute_uri("?" + query.urlencode())}>; rel="{rel}"')
        response["Link"] = ", ".join(shown)
    return response


def _municipality(raw_code: str) -> Municipality:
    """The municipality with code `raw_code` in any accepted spelling, or a 404 error."""
    try:
        code = normalise_municipality_code(raw_code)
    except ValueError:
        shown = raw_code if len(raw_code) <= 20 else f"{raw_code[:20]}…"
        raise HttpError(
            404, f"'{shown}' er ikke en kommunekode. Brug den tre-cifrede kode, fx 165."
        ) from None
    municipality = Municipality.objects.filter(code=code).first()
    if municipality is None:
        raise HttpError(404, f"Der findes ingen kommune med kommunekoden {code}.")
    return municipality


def _is_member(request, municipality: Municipality) -> bool:
    return municipality.pk in visible_municipality_ids(request.user)


def _visible_plans(municipality: Municipality, member: bool) -> QuerySet[Plan]:
    plans = Plan.objects.of_municipality(municipality)
    return plans if member else plans.public()


def _number(value) -> float | None:
    return None if value is None else float(value)


def _latest_measurement(goal: Goal, member: bool) -> dict | None:
    """The measurement the goal's status stands on (the latest one up to today that counts)."""
    latest = goal.latest_measurement
    if latest is None:
        return None
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


def _goal(item: EvaluatedGoal, visible_ids: set[int], member: bool) -> schemas.Goal:
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
        "latest_measurement": _latest_measurement(goal, member),
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
    response=list_responses(schemas.MemberPlan | schemas.Plan),
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
    response=list_responses(schemas.MemberGoal | schemas.Goal),
    operation_id="list_goals",
    tags=["Mål"],
    summary="En kommunes mål med status",
    description=(
        "Alle mål i kommunens synlige planer med indikator, måltal, frist, seneste måling og "
        "beregnet status og fremdrift. Uden login eller for brugere fra andre kommuner: kun mål i "
        "vedtagne planer og uden `internal_note` og målingsnoter. For kommunens egne brugere også "
        "mål i udkast, `internal_note` og `latest_measurement.note`. Et overordnet måls status og "
        "fremdrift er de samme som på kommunens egne sider: de samles fra alle dets delmål."
    ),
)
def list_goals(request, municipality: Query[str, MUNICIPALITY_PARAM]):
    place = _municipality(municipality)
    member = _is_member(request, place)
    goals = Goal.objects.filter(plan__in=_visible_plans(place, member))
    parts = current_statuses(pagecache.Parts(place.pk), goals, ("api", member))

    def answer():
        listed = [
            stored(goal)
            for goal in stored_goals(goals).order_by(
                "-plan__period_start", "plan__title", "plan_id", "order", "pk"
            )
        ]
        visible_ids = {item.goal.pk for item in listed}
        return [_goal(item, visible_ids, member) for item in listed]

    return _cached_json(parts, "goals", (member,), answer)


def _activities(place: Municipality, plans: QuerySet[Plan], member: bool) -> QuerySet[Activity]:
    """The activities of `plans` with what the response shows, in a fixed number of queries.

    Goals are limited to the ones the reader may see (the municipality's own, in visible plans),
    partners to the municipality's own; members also get the owner and the latest update.
    """
    activities = (
        Activity.objects.filter(plan__in=plans)
        .select_related("plan")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("order", "pk")),
            Prefetch(
                "partners",
                queryset=Partner.objects.of_municipality(place).order_by("name"),
            ),
            Prefetch(
                "goals",
                queryset=Goal.objects.filter(plan__in=_visible_plans(place, member)).order_by(
                    "plan_id", "order", "pk"
                ),
            ),
            Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "pk")),
        )
        .order_by("-plan__period_start", "plan__title", "plan_id", "order", "pk")
    )
    if member:
        latest = StatusUpdate.objects.filter(activity=OuterRef("pk")).order_by(
            "-reported_on", "-created_at", "-pk"
        )
        activities = activities.select_related("owner").annotate(
            latest_reported_on=Subquery(latest.values("reported_on")[:1]),
            latest_light=Subquery(latest.values("light")[:1]),
            latest_comment=Subquery(latest.values("comment")[:1]),
        )
    return activities


def _activity(activity: Activity, member: bool) -> schemas.Activity:
    plan = activity.plan
    data = {
        "id": activity.pk,
        "title": activity.title,
        "description": activity.description,
        "plan": {"id": plan.pk, "title": plan.title, "kind": plan.kind, "status": plan.status},
        "period": {
            "text": activity.period_text,
            "starts_on": activity.starts_on,
            "ends_on": activity.ends_on,
        },
        "status": activity.status,
        "status_label": str(ActivityStatus(activity.status).label),
        "themes": [theme.title for theme in activity.themes.all()],
        "partners": [partner.name for partner in activity.partners.all()],
        "goals": [{"id": goal.pk, "title": goal.title} for goal in activity.goals.all()],
        "responsible_unit": activity.responsible_unit,
        "milestones": [
            {"title": m.title, "due_on": m.due_on, "done_on": m.done_on}
            for m in activity.milestones.all()
        ],
    }
    if not member:
        return schemas.Activity(**data)
    owner = activity.owner
    return schemas.MemberActivity(
        **data,
        owner=None
        if owner is None
        else {"username": owner.username, "name": owner.get_full_name()},
        budget=_number(activity.budget),
        spent=_number(activity.spent),
        hours=_number(activity.hours),
        latest_update=None
        if activity.latest_reported_on is None
        else {
            "reported_on": activity.latest_reported_on,
            "light": activity.latest_light,
            "comment": activity.latest_comment,
        },
    )


@api.get(
    "/activities",
    response=list_responses(schemas.MemberActivity | schemas.Activity),
    operation_id="list_activities",
    tags=["Aktiviteter"],
    summary="En kommunes aktiviteter",
    description=(
        "Aktiviteterne i kommunens synlige planer med plan, periode, status, temaer, "
        "samarbejdspartnere, de mål de tjener, ansvarlig enhed og milepæle; nyeste planperiode "
        "først og i planens rækkefølge. Uden login eller for brugere fra andre kommuner: kun "
        "aktiviteter i vedtagne planer, kun mål i vedtagne planer, og uden `owner`, `budget`, "
        "`spent`, `hours` og `latest_update`. For kommunens egne brugere også aktiviteter i "
        "udkast og disse felter. Med `plan` kun aktiviteterne i den plan; en plan, som "
        "modtageren ikke må se, giver 404. Svaret er en side på højst `limit` aktiviteter "
        "(standard 100) fra `offset`; det samlede antal står i headeren `X-Total-Count`, og "
        'headeren `Link` peger på næste og forrige side (`rel="next"`, `rel="prev"`).'
    ),
)
def list_activities(
    request,
    municipality: Query[str, MUNICIPALITY_PARAM],
    plan: Query[int | None, PLAN_PARAM] = None,
    limit: Query[int, LIMIT_PARAM] = PAGE_SIZE,
    offset: Query[int, OFFSET_PARAM] = 0,
):
    place = _municipality(municipality)
    member = _is_member(request, place)
    plans = _visible_plans(place, member)
    if plan is not None:
        plans = plans.filter(pk=plan)
        if not plans.exists():
            raise HttpError(404, f"Kommunen har ingen plan med id {plan}.")
    return _cached_page(
        request,
        pagecache.Parts(place.pk),
        "activities",
        (member, plan),
        _activities(place, plans, member),
        lambda activity: _activity(activity, member),
        limit=limit,
        offset=offset,
    )


YEAR_PARAM = {"description": "Året, fx 2026.", "ge": 1900, "le": 2100}


@api.get(
    "/inquiries/figures",
    response=list_responses(schemas.InquiryFigures),
    operation_id="list_inquiry_figures",
    tags=["Henvendelser"],
    summary="Servicemål: månedstal pr. team og emne",
    description=(
        "For hver måned i året, team og emne: afsluttede henvendelser, hvor mange havde et "
        "servicemål, hvor mange holdt det, og median og 90-percentil af nettotiden i "
        "kalenderdage (uden den tid, sagen ventede på virksomheden). Offentlig; ingen "
        "personoplysninger."
    ),
)
def list_inquiry_figures(
    request, municipality: Query[str, MUNICIPALITY_PARAM], year: Query[int, YEAR_PARAM]
):
    place = _municipality(municipality)
    return [
        schemas.InquiryFigures(**vars(row), kept_share=row.kept_share)
        for row in figures.monthly(place, date(year, 1, 1), date(year, 12, 31))
    ]


@api.get(
    "/inquiries/open",
    response={200: list[schemas.OpenInquiry], 404: schemas.Error, 422: schemas.ValidationError},
    operation_id="list_open_inquiries",
    tags=["Henvendelser"],
    summary="Åbne henvendelser (kun kommunens brugere)",
    description=(
        "Kommunens åbne henvendelser, mindst tid tilbage først, med virksomhed, team, status, "
        "sagsbehandler og næste frist. Kun for kommunens egne brugere; for alle andre 404."
    ),
)
def list_open_inquiries(request, municipality: Query[str, MUNICIPALITY_PARAM]):
    place = _municipality(municipality)
    if not _is_member(request, place):
        raise HttpError(404, f"Der findes ingen åbne henvendelser for kommunekoden {place.code}.")
    return [
        schemas.OpenInquiry(
            reference=row.inquiry.reference,
            topic=row.inquiry.topic.name,
            team=row.inquiry.team.name,
            state=row.inquiry.state,
            owner=str(row.inquiry.owner) if row.inquiry.owner else None,
            company_name=row.inquiry.company_name,
            cvr_number=row.inquiry.cvr_number,
            received_at=row.inquiry.received_at,
            due_at=row.inquiry.due_at,
        )
        for row in inquiry_queries.queue(place, {})
    ]
