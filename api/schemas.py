"""The shapes the read API returns, with the descriptions that go into openapi.json.

Visibility is expressed by two schemas per object rather than by empty fields: the public one
(`Goal`, `Plan`, `Measurement`, `Activity`) and the member one (`MemberGoal`, `MemberPlan`,
`MemberMeasurement`, `MemberActivity`), which adds what only the municipality's own users may
read (internal notes, measurement notes; an activity's owner, budget, spending, hours and latest
status update). A public response therefore has no `internal_note` key at all.

Numbers (baseline, target, measured values, budgets) are JSON numbers; dates are ISO 8601 dates.
"""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from actions.enums import ActivityStatus, TrafficLight
from strategy.enums import (
    Assessment,
    Comparator,
    Direction,
    GoalKind,
    GoalStatus,
    PlanKind,
    PlanStatus,
    Recurrence,
    TrackKind,
)


class Error(Schema):
    detail: str = Field(description="Fejlbesked på dansk.")


class InvalidParameter(Schema):
    type: str = Field(description="Fejlens art, fx 'missing' eller 'int_parsing'.")
    loc: list[str | int] = Field(description="Hvor fejlen er, fx ['query', 'plan'].")
    msg: str = Field(description="Hvad der er galt (på engelsk, fra valideringen).")


class ValidationError(Schema):
    detail: list[InvalidParameter] = Field(
        description="Én linje pr. parameter, der mangler eller ikke kan bruges."
    )


class Municipality(Schema):
    code: str = Field(description="Den officielle tre-cifrede kommunekode, fx '165'.")
    name: str = Field(description="Kommunens navn, fx 'Albertslund'.")


class PlanRef(Schema):
    id: int
    title: str
    kind: PlanKind = Field(description="Plantype.")
    status: PlanStatus = Field(
        description="'adopted' (vedtaget, offentlig) eller 'draft' (udkast, kun for kommunens "
        "egne brugere)."
    )
    period_start: int = Field(description="Planperiodens første år.")
    period_end: int = Field(description="Planperiodens sidste år.")


class TrackRef(Schema):
    id: int
    title: str
    kind: TrackKind = Field(description="Strategisk eller tværgående spor.")


class Baseline(Schema):
    value: float = Field(description="Udgangspunktets værdi.")
    date: dt.date | None = Field(description="Hvornår udgangspunktet er målt.")
    source: str = Field(description="Kilde til udgangspunktet; tom tekst hvis ikke angivet.")


class Measurement(Schema):
    date: dt.date = Field(description="Målingens dato.")
    value: float | None = Field(
        description="Den målte værdi; null for en vurdering af et kvalitativt mål."
    )
    assessment: Assessment | None = Field(
        description="En persons vurdering af et kvalitativt mål; null for en målt værdi."
    )
    source: str = Field(description="Kilde til målingen.")
    is_illustrative: bool = Field(
        description="Sand for demodata, der ikke stammer fra kommunens dokumenter."
    )


class MemberMeasurement(Measurement):
    note: str = Field(description="Intern note til målingen (kun for kommunens egne brugere).")


class Goal(Schema):
    id: int
    title: str = Field(description="Målet, som det står i planen.")
    kind: GoalKind = Field(description="Kvalitativt mål, kvantificeret mål eller milepæl.")
    plan: PlanRef = Field(description="Planen, målet hører til.")
    track: TrackRef | None = Field(description="Sporet, målet hører til, eller null.")
    theme: str | None = Field(description="Titlen på temaet/indsatsområdet, eller null.")
    parent_id: int | None = Field(
        description="Id på det overordnede mål, eller null. Peger altid på et mål i samme svar."
    )
    metric: str = Field(
        description="Indikatoren, fx 'Nye arbejdspladser'; tom for kvalitative mål."
    )
    unit: str = Field(description="Enhed for indikatoren, fx 'arbejdspladser'.")
    direction: Direction = Field(description="Om en højere eller lavere værdi er bedre.")
    baseline: Baseline | None = Field(description="Udgangspunktet, eller null.")
    comparator: Comparator | None = Field(
        description="Om måltallet er et minimum ('at_least') eller maksimum ('at_most')."
    )
    target: float | None = Field(description="Måltallet, eller null.")
    deadline: dt.date = Field(
        description="Den gældende frist: planens frist for målet, ellers sidste dag i planperioden."
    )
    deadline_is_stated: bool = Field(
        description="Sand hvis planen selv angiver fristen; falsk hvis det er periodens slutning."
    )
    deadline_text: str = Field(description="Fristen med dokumentets egne ord, fx 'inden 2017'.")
    recurrence: Recurrence = Field(description="'none': ét mål ved fristen; 'yearly': årligt mål.")
    recurrence_from_year: int | None = Field(description="Første år for et årligt mål.")
    latest_measurement: Measurement | None = Field(
        description="Den seneste måling til og med i dag, eller null."
    )
    status: GoalStatus = Field(description="Målets status, beregnet ud fra mål og målinger.")
    status_label: str = Field(description="Status som tekst på det aktive sprog (dansk).")
    progress: float | None = Field(
        ge=0, le=1, description="Fremdrift mod måltallet fra 0 til 1, eller null hvis ukendt."
    )


class MemberGoal(Goal):
    latest_measurement: MemberMeasurement | None = Field(
        description="Den seneste måling til og med i dag, med intern note, eller null."
    )
    internal_note: str = Field(description="Intern note (kun for kommunens egne brugere).")


class Plan(Schema):
    id: int
    title: str
    kind: PlanKind = Field(description="Plantype.")
    status: PlanStatus = Field(description="'adopted' (vedtaget) eller 'draft' (udkast).")
    period_start: int = Field(description="Planperiodens første år.")
    period_end: int = Field(description="Planperiodens sidste år.")
    adopted_on: dt.date | None = Field(description="Hvornår planen blev vedtaget.")
    adopted_by: str = Field(description="Hvem der vedtog planen, fx 'Kommunalbestyrelsen'.")
    implements_id: int | None = Field(
        description="Id på den plan, som denne plan udmønter, eller null. Peger altid på en plan "
        "i samme svar."
    )
    summary: str = Field(description="Resumé og vision.")


class MemberPlan(Plan):
    internal_note: str = Field(description="Intern note (kun for kommunens egne brugere).")


class ActivityPlan(Schema):
    id: int
    title: str = Field(description="Planens titel.")
    kind: PlanKind = Field(description="Plantype, typisk 'action_plan' eller 'timetable'.")
    status: PlanStatus = Field(
        description="'adopted' (vedtaget, offentlig) eller 'draft' (udkast, kun for kommunens "
        "egne brugere)."
    )


class ActivityPeriod(Schema):
    text: str = Field(
        description="Perioden som i dokumentet, fx '4. kvartal 2008' eller '2007-09'; tom tekst "
        "hvis ikke angivet."
    )
    starts_on: dt.date | None = Field(description="Første dag i perioden, eller null.")
    ends_on: dt.date | None = Field(description="Sidste dag i perioden (fristen), eller null.")


class GoalRef(Schema):
    id: int = Field(description="Målets id, som i /api/v1/goals.")
    title: str = Field(description="Målet, som det står i planen.")


class Milestone(Schema):
    title: str = Field(description="Milepælens titel.")
    due_on: dt.date = Field(description="Frist for milepælen.")
    done_on: dt.date | None = Field(description="Hvornår milepælen blev nået, eller null.")


class Person(Schema):
    username: str = Field(description="Brugernavn i Kurs.")
    name: str = Field(description="Fulde navn; tom tekst hvis ikke angivet.")


class StatusUpdate(Schema):
    reported_on: dt.date = Field(description="Statusopdateringens dato.")
    light: TrafficLight = Field(description="Trafiklys: 'green', 'yellow' eller 'red'.")
    comment: str = Field(description="Kommentar til status.")


class Activity(Schema):
    id: int
    title: str = Field(description="Aktiviteten, som den står i planen.")
    description: str = Field(description="Beskrivelse; tom tekst hvis ingen.")
    plan: ActivityPlan = Field(description="Handleplanen eller tidsplanen, aktiviteten hører til.")
    period: ActivityPeriod = Field(description="Hvornår aktiviteten finder sted.")
    status: ActivityStatus = Field(
        description="'planned', 'in_progress', 'done', 'postponed' eller 'dropped'."
    )
    status_label: str = Field(description="Status som tekst på det aktive sprog (dansk).")
    themes: list[str] = Field(description="Titlerne på aktivitetens temaer/indsatsområder.")
    partners: list[str] = Field(description="Navnene på samarbejdspartnerne.")
    goals: list[GoalRef] = Field(
        description="De mål, aktiviteten tjener; kun mål i planer, som modtageren må se."
    )
    responsible_unit: str = Field(description="Ansvarlig enhed; tom tekst hvis ikke angivet.")
    milestones: list[Milestone] = Field(description="Milepæle, ældste frist først.")


class MemberActivity(Activity):
    owner: Person | None = Field(
        description="Den ansvarlige person, eller null (kun for kommunens egne brugere)."
    )
    budget: float | None = Field(
        description="Budget i kroner, eller null (kun for kommunens egne brugere)."
    )
    spent: float | None = Field(
        description="Forbrug i kroner, eller null (kun for kommunens egne brugere)."
    )
    hours: float | None = Field(description="Timer, eller null (kun for kommunens egne brugere).")
    latest_update: StatusUpdate | None = Field(
        description="Den seneste statusopdatering, også interne, eller null (kun for kommunens "
        "egne brugere)."
    )


class ProductionUnitRef(Schema):
    p_number: str = Field(description="P-nummeret (10 cifre).")
    name: str
    address: str | None = Field(
        description="Adressen på én linje; null når den er persondata (se `Company.address`)."
    )
    municipality_code: str = Field(description="Kommunekoden, hvor enheden ligger.")


class Company(Schema):
    cvr_number: str | None = Field(
        description="CVR-nummeret (8 cifre); null for en virksomhed på kommunens egen liste."
    )
    name: str = Field(description="Det nuværende navn.")
    address: str | None = Field(
        description="Den nuværende adresse på én linje. Null for personligt ejede virksomheder "
        "(enkeltmandsvirksomheder), hvis adresse ofte er ejerens bopæl, når spørgeren ikke er "
        "bruger i kommunen."
    )
    postcode: str
    city: str
    municipality_code: str = Field(description="Kommunekoden for virksomhedens adresse.")
    industry_code: str = Field(description="Hovedbranchens kode (6 cifre); tom hvis ukendt.")
    industry_name: str
    industry_code_system: str = Field(description="'DB07' eller 'DB25'; tom hvis ukendt.")
    legal_form: str = Field(description="Virksomhedsformen, fx 'Anpartsselskab'.")
    employee_band: str = Field(description="Registrets ansatte-interval, fx 'ANTAL_5_9'.")
    start_date: dt.date | None
    end_date: dt.date | None = Field(description="Ophørsdato; null for en aktiv virksomhed.")
    advertising_protected: bool = Field(
        description="Reklamebeskyttet: virksomheden har frabedt sig henvendelser med reklame."
    )
    matched_unit: ProductionUnitRef | None = Field(
        description="Produktionsenheden, søgningen ramte, hvis det var en af virksomhedens enheder."
    )
    score: float = Field(description="Hvor godt virksomheden passer på søgningen (0-1).")


class MemberCompany(Company):
    kept_by_municipality: bool = Field(
        description="Sand for en virksomhed på kommunens egen liste (kun for kommunens brugere)."
    )
    key_account_owner: str | None = Field(
        description="Kommunens virksomhedsansvarlige (kun for kommunens egne brugere)."
    )
    note: str = Field(description="Kommunens note om virksomheden (kun for kommunens brugere).")


class InquiryFigures(Schema):
    month: dt.date = Field(
        description="Månedens første dag; sager tælles i den måned, de blev afsluttet."
    )
    team: str = Field(description="Teamet, der afsluttede sagerne.")
    topic: str = Field(description="Emnet, henvendelserne drejede sig om.")
    closed: int = Field(description="Afsluttede henvendelser.")
    judged: int = Field(description="Heraf med et servicemål at holde.")
    kept: int = Field(description="Heraf hvor både første svar og afgørelse kom til tiden.")
    kept_share: float | None = Field(
        description="kept / judged (0-1); null uden sager med servicemål."
    )
    median_days: float | None = Field(description="Median nettotid i kalenderdage (uden pauser).")
    p90_days: float | None = Field(
        description="90-percentil af nettotiden i kalenderdage (nærmeste rang)."
    )


class OpenInquiry(Schema):
    reference: str = Field(description="Sagsnummer.")
    topic: str
    team: str
    state: str = Field(description="received, incomplete, running, waiting eller closed.")
    owner: str | None = Field(description="Sagsbehandlerens navn.")
    company_name: str
    cvr_number: str
    received_at: dt.datetime
    due_at: dt.datetime | None = Field(description="Næste frist (første svar, ellers afgørelse).")
