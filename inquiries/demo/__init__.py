"""Demo data for inquiries: Albertslund's five service areas as teams and topics with their
service promises, a team calendar, and a few fabricated inquiries in different states.

From the documents:
- the five areas are the Erhvervsstrategi 2013-2017's list of the business service ("fem teams":
  the jobcenter's recruitment and retention; environmental supervision, energy advice and green
  schemes; mobility planning; building cases and local planning; entrepreneur advice);
- "Tilbud om konkrete kandidater til ordinære job senest efter 72 timer efter, virksomhederne
  henvender sig" (Handleplan 2016-2017): a first response within 72 hours, counted as calendar
  hours;
- "kortere sagsbehandlingstid på byggesager (40-60 dage afhængig af sagstype)" (Handleplan
  2016-2017): a decision within 40-60 calendar days, counted from when the application is
  complete.

Assumptions, not from the documents: the office hours (Monday-Thursday 8:00-15:30, Friday
8:00-13:00, every holiday closed but 1 May); a first response within 16 working hours (about two
working days) for the topics whose documents promise no response time; which demo user leads which
team; and every inquiry, company name and CVR number (fabricated, valid by the modulus-11 check).
The inquiries are dated relative to the moment the demo is loaded, so that the queue shows
running clocks. Loading twice changes nothing: rows are found by name, and the inquiries are
only added while the municipality has none.
"""

from __future__ import annotations

from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone

from core.models import Municipality, User
from inquiries import services
from inquiries.enums import Action, ClockStart, TimeUnit
from inquiries.models import DisabledHoliday, Inquiry, Team, Topic, WorkCalendar, WorkingHours
from strategy.demo import upsert

OFFICE_HOURS = {day: (time(8), time(15, 30)) for day in range(4)} | {4: (time(8), time(13))}
OPEN_HOLIDAYS = ["Workers' Day"]
DEFAULT_RESPONSE = {"response_time": 16, "response_unit": TimeUnit.WORKING_HOURS}

# (team, lead's username, topic, what the topic promises)
AREAS = [
    (
        "Jobcentret: rekruttering og fastholdelse",
        "medarbejder",
        "Vi mangler medarbejdere (rekruttering og fastholdelse)",
        {
            "response_time": 72,
            "response_unit": TimeUnit.CALENDAR_HOURS,
            "promise_text": "Tilbud om konkrete kandidater til ordinære job senest efter 72 timer "
            "efter, virksomhederne henvender sig.",
        },
    ),
    (
        "Miljøtilsyn, energirådgivning og grønne ordninger",
        "admin",
        "Miljø, energi og grønne ordninger",
        DEFAULT_RESPONSE,
    ),
    ("Mobilitetsplanlægning", "admin", "Mobilitet og transport", DEFAULT_RESPONSE),
    (
        "Byggesagsbehandling og lokalplanlægning",
        "medarbejder",
        "Byggetilladelse og lokalplaner",
        {
            **DEFAULT_RESPONSE,
            "resolution_min": 40,
            "resolution_max": 60,
            "resolution_unit": TimeUnit.CALENDAR_DAYS,
            "clock_start": ClockStart.WHEN_COMPLETE,
            "promise_text": "Kortere sagsbehandlingstid på byggesager (40-60 dage afhængig af "
            "sagstype).",
        },
    ),
    ("Iværksætterrådgivning", "medarbejder", "Start af virksomhed", DEFAULT_RESPONSE),
]

# (topic index, company, CVR number, contact, message, hours ago, what happened since)
INQUIRIES = [
    (
        0,
        "Hersted Industri ApS",
        "29403473",
        "Karin Jensen",
        "Vi mangler to lagermedarbejdere hurtigst muligt.",
        30,
        [],
    ),
    (
        3,
        "Vallensbæk Byg A/S",
        "10150817",
        "Peter Holm",
        "Ansøgning om byggetilladelse til udvidelse af vores hal på Roskildevej.",
        24 * 12,
        [
            (Action.TAKEN, 24 * 11, ""),
            (Action.PAUSED, 24 * 10, "Mangler tegninger af facaden"),
            (Action.RESUMED, 24 * 4, ""),
        ],
    ),
    (
        3,
        "Albertslund Lys ApS",
        "12345674",
        "Nadia Larsen",
        "Må vi sætte et skilt op på facaden mod Albertslundvej?",
        24 * 3,
        [(Action.INCOMPLETE, 24 * 2, "Mangler oplysning om skiltets størrelse")],
    ),
    (
        4,
        "Grøn Start IVS",
        "35657126",
        "Jonas Berg",
        "Jeg vil starte en virksomhed med urban farming og søger rådgivning.",
        24 * 20,
        [
            (Action.TAKEN, 24 * 19, ""),
            (Action.RESPONDED, 24 * 19, ""),
            (Action.CLOSED, 24 * 6, "Rådgivningsmøde holdt, henvist til Iværksætterhuset"),
        ],
    ),
]


def load(stdout=None) -> dict:
    """Write the demo's teams, topics, calendar and inquiries for Albertslund (165)."""
    municipality = Municipality.objects.get(code="165")
    users = {
        user.username: user for user in User.objects.filter(username__in={"admin", "medarbejder"})
    }
    with transaction.atomic():
        calendar = upsert(
            WorkCalendar, {"municipality": municipality, "name": "Rådhusets åbningstid"}, {}
        )
        for weekday, (opens, closes) in OFFICE_HOURS.items():
            upsert(
                WorkingHours,
                {"calendar": calendar, "weekday": weekday},
                {"opens": opens, "closes": closes},
            )
        for holiday in OPEN_HOLIDAYS:
            upsert(DisabledHoliday, {"calendar": calendar, "holiday": holiday}, {})
        topics = []
        for order, (team_name, lead, topic_name, promise) in enumerate(AREAS):
            team = upsert(
                Team,
                {"municipality": municipality, "name": team_name},
                {"calendar_id": calendar.pk, "lead_id": users[lead].pk if lead in users else None},
            )
            topics.append(
                upsert(
                    Topic,
                    {"municipality": municipality, "name": topic_name},
                    {"team_id": team.pk, "order": order, **promise},
                )
            )
        added = 0
        if not Inquiry.objects.of_municipality(municipality).exists():
            added = _fabricate(municipality, topics, users["medarbejder"])
    if stdout is not None:
        stdout.write(f"Henvendelser: {len(topics)} emner, {added} demohenvendelser\n")
    return {"topics": len(topics), "inquiries": added}


def _fabricate(municipality, topics, staff) -> int:
    now = timezone.now()
    for topic_index, company, cvr, contact, message, hours_ago, history in INQUIRIES:
        inquiry, _saved = services.receive_inquiry(
            municipality=municipality,
            topic=topics[topic_index],
            values={
                "cvr_number": cvr,
                "company_name": company,
                "contact_name": contact,
                "email": f"{contact.split()[0].lower()}@example.org",
                "message": message,
            },
            now=now - timedelta(hours=hours_ago),
            notify=False,
        )
        for action, action_hours_ago, reason in history:
            services.change_state(
                inquiry=inquiry,
                user=staff,
                expected_version=inquiry.version,
                action=action,
                reason=reason,
                now=now - timedelta(hours=action_hours_ago),
                notify=False,
            )
        if not inquiry.is_open:
            services.record_satisfaction(
                inquiry=inquiry, satisfied=True, now=inquiry.closed_at + timedelta(hours=2)
            )
    services.recompute_open_deadlines(now=now)
    return len(INQUIRIES)
