"""Demo data for the forum, transcribed from "Kommissorium og handleplan for Strategisk
Erhvervsforum" (Albertslund Kommune, 16 September 2014, `../shared/seeds/003_…txt`): the forum's
terms of reference, its meeting plan for 2014-2015 (one meeting in October 2014, two in 2015, in
January and September: the document gives months, not days, so the meetings carry the month as
planned and no date) and the document's ten example themes, accepted, so that they can be picked
for a meeting and shown on the public theme page. Nothing is invented: no participants, minutes
or decisions (the document has none). Loading twice changes nothing (rows are found by name).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from core.models import Municipality
from forum.enums import IdeaKind, IdeaStatus
from forum.models import Forum, Idea, Meeting
from strategy.demo import upsert

SOURCE = "Kommissorium og handleplan for Strategisk Erhvervsforum, 16. september 2014"

PURPOSE = (
    "Albertslunds virksomheder spiller en stor rolle i kommunens erhvervsstrategi, men er også "
    "væsentlige aktører i kommunens strategi og vision.\n\n"
    "Det Strategiske Erhvervsforum skal have fokus på innovation og udvikling på erhvervsområdet "
    "og sikre et tværgående udviklingsperspektiv indenfor erhvervsstrategiens områder. "
    "Strategisk Erhvervsforum skal gennem dialogen på møderne drøfte vilkårene for at drive og "
    "udvikle virksomhed i området. Dialogen har desuden det formål, at styrke relationen mellem "
    "kommunalbestyrelsen og byens erhvervsaktiviteter samt byens virksomheder imellem."
)
MEMBERSHIP = (
    "Borgmester Steen Christiansen er formand for Strategisk Erhvervsforum og vært for møderne. "
    "Alle interesserede virksomheder i Albertslund Kommune kan deltage i møderne, som er åbne for "
    "alle. Kommunalbestyrelsen er også inviteret til at deltage. Det er de politiske udvalg – og "
    "dermed ikke Strategisk Erhvervsforum, der afgør konkrete sager og tager andre politiske "
    "beslutninger.\n\n"
    "Relevante eksterne parter, som eksperter eller samarbejdspartnere kan inddrages ad hoc."
)
ACTION_PLAN = (
    "Strategisk Erhvervsforum afholder et møde i 2014 (oktober) og to møder i 2015 (januar og "
    "september). Hvert møde tilrettelægges med baggrund i et eller flere aktuelle temaer. "
    "Erhvervsforums deltagere kan foreslå temaer for møderne.\n\n"
    "Formen på møderne i Strategisk Erhvervsforum tilrettelægges med udgangspunkt i temaerne for "
    "det enkelte møde. Møderne følges op med en skriftlig orientering til Økonomiudvalget, en "
    "mail til deltagerne og en artikel på Albertslund Kommunes erhvervshjemmeside."
)
MEETINGS = ["oktober 2014", "januar 2015", "september 2015"]
THEMES = [
    "Visioner for Vækst og udvikling i Copenhagen",
    "Lysregionen, innovation og internationale markeder",
    "Virksomhedsnetværk (Miljø og Klima, Sundhed og Velfærd)",
    "SMV på Vestegnen – aktuelle udfordringer og muligheder",
    "Erhvervsudvikling i Hersted Industripark",
    "Inkubationsmiljøer for iværksættere og virksomheder i vækst",
    "Strategi og Planstrategi for Albertslund – Grøn Vækst, Klimamål og Grøn innovation",
    "Nye muligheder med Letbanen – øget mobilitet, ændret infrastruktur, m.m.",
    "Kvalificeret arbejdskraft og målrettet uddannelse af medarbejdere/virksomhedsklynger",
    "Lokale tiltag",
]


def load(stdout=None) -> dict:
    with transaction.atomic():
        albertslund = Municipality.objects.get(code="165")
        forum = upsert(
            Forum,
            {"municipality": albertslund, "name": "Strategisk Erhvervsforum"},
            {
                "adopted_on": date(2014, 9, 16),
                "purpose": PURPOSE,
                "membership": MEMBERSHIP,
                "is_open_to_all": True,
                "chair": "Borgmester Steen Christiansen",
                "reports_to": "Økonomiudvalget",
                "responsible": "Afdelingschef for Arbejdsmarked, Erhverv og Ydelser Jan Eriksen",
                "secretariat": "Erhvervs- og Udviklingscentret",
                "decides_nothing": True,
                "action_plan": ACTION_PLAN,
                "source": SOURCE,
            },
        )
        for planned in MEETINGS:
            upsert(Meeting, {"forum": forum, "planned": planned}, {})
        for title in THEMES:
            upsert(
                Idea,
                {"municipality": albertslund, "title": title},
                {
                    "forum": forum,
                    "kind": IdeaKind.FORUM_THEME,
                    "status": IdeaStatus.ACCEPTED,
                    "raised_at": f"{SOURCE} (eksempler på temaer)",
                },
            )
    if stdout is not None:
        stdout.write(
            f"Erhvervsforum: kommissoriet, {len(MEETINGS)} planlagte møder og "
            f"{len(THEMES)} temaer fra kommissoriet.\n"
        )
    return {"forum": forum}
