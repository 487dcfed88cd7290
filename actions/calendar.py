"""A plan's dates as an iCalendar feed that Outlook (or any calendar) can subscribe to.

One all-day event per milestone (on its due date), per activity deadline (on its last day,
`ends_on`) and for the plan's evaluation (`PlanSteering.evaluation_due`), each with a UID that
stays the same from one fetch to the next, so that subscribers see events move rather than
duplicate: "milestone-<pk>@kurs", "activity-<pk>-deadline@kurs", "plan-<pk>-evaluation@kurs".

A date outside 1900-2100 (`core.bounds`: a typo such as 31-12-9999, stored before writes were
bounded) is left out rather than put in every subscriber's calendar; the plan's pages still show it.

Calendars fetch the feed without logging in. The feed therefore never holds what only members
may read: no budgets, no status updates, no names of people. Titles, dates and statuses are
public for an adopted plan, as in the API.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from actions.enums import ActivityStatus
from actions.exchange import plan_slug
from actions.models import Activity, Milestone, PlanSteering
from core.bounds import is_plausible_date
from strategy.models import Plan

UID_DOMAIN = "kurs"
REFRESH = timedelta(hours=12)


def calendar_filename(plan: Plan) -> str:
    return f"kurs-{plan_slug(plan)}.ics"


def _event(
    *, uid: str, day: date, summary: str, description: str, url: str, now: datetime
) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", now)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    if url:
        event.add("url", url)
    # A deadline does not make anyone busy all day.
    event.add("transp", "TRANSPARENT")
    return event


def _date(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def plan_calendar(
    *,
    plan: Plan,
    activity_url: Callable[[int], str],
    now: datetime,
    plan_url: str = "",
) -> bytes:
    """The plan's milestones, activity deadlines and evaluation date as an .ics file.

    `activity_url(pk)` gives the absolute address of an activity's page; `now` is the DTSTAMP.
    Three queries: the activities, their milestones and the plan's steering. Events are sorted
    by date, then UID.
    """
    activities = list(
        Activity.objects.filter(plan=plan)
        .only("pk", "title", "status", "ends_on", "plan_id")
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "pk"))
        )
        .order_by("order", "pk")
    )
    steering = PlanSteering.objects.filter(plan=plan).only("evaluation_due").first()
    events: list[Event] = []

    def add(*, uid: str, day: date, summary: str, description: str, url: str) -> None:
        if not is_plausible_date(day):
            return
        events.append(
            _event(uid=uid, day=day, summary=summary, description=description, url=url, now=now)
        )

    with translation.override("da"):
        for activity in activities:
            url = activity_url(activity.pk)
            for milestone in activity.milestones.all():
                description = _("Milepæl for aktiviteten »%(activity)s« i %(plan)s.") % {
                    "activity": activity.title,
                    "plan": plan.title,
                }
                if milestone.done_on:
                    done = _("Nået den %(date)s.") % {"date": _date(milestone.done_on)}
                    description = f"{description} {done}"
                add(
                    uid=f"milestone-{milestone.pk}",
                    day=milestone.due_on,
                    summary=_("Milepæl: %(title)s") % {"title": milestone.title},
                    description=description,
                    url=url,
                )
            if activity.ends_on:
                add(
                    uid=f"activity-{activity.pk}-deadline",
                    day=activity.ends_on,
                    summary=_("Frist: %(title)s") % {"title": activity.title},
                    description=_("Aktiviteten i %(plan)s slutter. Status: %(status)s.")
                    % {"plan": plan.title, "status": ActivityStatus(activity.status).label},
                    url=url,
                )
        if steering is not None and steering.evaluation_due:
            add(
                uid=f"plan-{plan.pk}-evaluation",
                day=steering.evaluation_due,
                summary=_("Evaluering: %(plan)s") % {"plan": plan.title},
                description=_("%(plan)s skal være evalueret senest denne dag.")
                % {"plan": plan.title},
                url=plan_url,
            )
        calendar = Calendar()
        calendar.add("prodid", "-//Kurs//Handleplaner//DA")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", f"{plan.title} (Kurs)")
        calendar.add(
            "x-wr-caldesc",
            _("Milepæle, frister og evaluering for %(plan)s.") % {"plan": plan.title},
        )
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", "PT12H")
    for event in sorted(events, key=lambda e: (e.decoded("dtstart"), str(e["uid"]))):
        calendar.add_component(event)
    return calendar.to_ical()
