"""The world of the permission matrix (`test_permission_matrix.py`): Albertslund (165) and
Ballerup (151) with the same rows, a member of each role, and the visitors who open every address.

Texts only members of a municipality may see carry its marker: all of Ballerup's, and
Albertslund's internal ones (drafts, internal notes, measurement notes, status updates, users'
names). A page of a new kind of row needs a field in `Rows`, built in `build_municipality`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import models
from django.test import Client
from django.utils import timezone

from actions.models import Activity, Committee, Partner, PlanSteering, ServicePromise
from actions.tests.factories import (
    ActionPlanFactory,
    ActivityFactory,
    MilestoneFactory,
    StatusUpdateFactory,
)
from businesses.models import Company, CompanyProfile, ProductionUnit
from businesses.tests.factories import CompanyFactory, ProductionUnitFactory
from contacts.enums import ErasureCause, LegalBasis
from contacts.models import ContactPerson, ErasureLog, MailingList
from core.enums import Role
from core.models import Membership, Municipality, User
from core.tests.factories import MembershipFactory, MunicipalityFactory
from events.enums import RegistrationState
from events.models import Event, Registration
from forum import services as forum_services
from forum.enums import IdeaStatus
from forum.models import FollowUp as ForumFollowUp
from forum.models import Forum, Idea, Meeting, Participant
from imports.models import DocumentImport, Proposal
from imports.tests.world import build_imports
from inquiries.enums import State
from inquiries.models import Inquiry, Team, Topic, WorkCalendar
from inquiries.tests.factories import TopicFactory
from newsletter.models import ConsentText, Issue
from officialstats.models import OfficialFigure, OfficialSeries
from officialstats.tests.factories import OfficialSeriesFactory
from outreach.enums import Reach
from outreach.models import AdviceSession, MediaMention
from partnerships.models import Agreement, PartnerContact
from procurement.models import Bid, Debriefing, DialogueMeeting, InterestRegistration, Tender
from reports.enums import ReportState
from reports.models import Report, ReportLook, ReportVersion
from strategy.enums import PlanStatus
from strategy.models import Goal, Measurement, Plan, Theme
from strategy.tests.factories import (
    GoalFactory,
    MeasurementFactory,
    PlanFactory,
    ThemeFactory,
    TrackFactory,
)
from visits.enums import Body
from visits.models import FollowUp, Need, Visit, VisitTopic

HOME, OTHER = "165", "151"


def marker(code: str) -> str:
    """Put in the texts that only members of municipality `code` may see."""
    return f"HEMMELIG{code}"


@dataclass(frozen=True)
class Rows:
    """The rows whose ids fill an address: `<plan_id>` takes the plan's, and so on (a page of a
    new kind of row needs a field here, built in `build_municipality`); and a row per model in
    the admin, for its `<object_id>`."""

    plan: Plan
    goal: Goal
    activity: Activity
    company: Company
    inquiry: Inquiry
    series: OfficialSeries
    report: Report
    contact: ContactPerson
    visit: Visit
    follow_up: FollowUp
    event: Event
    registration: Registration
    document_import: DocumentImport
    proposal: Proposal
    meeting: Meeting
    forum_follow_up: ForumFollowUp
    idea: Idea
    newsletter_issue: Issue
    partner: Partner
    agreement: Agreement
    partner_contact: PartnerContact
    tender: Tender
    bid: Bid
    advice: AdviceSession
    admin: dict[type[models.Model], models.Model]


@dataclass(frozen=True)
class Visitor:
    name: str
    user: User | None
    member_of: frozenset[str]  # municipality codes
    role: str | None  # in Albertslund

    @classmethod
    def of(cls, name: str, user: User | None) -> Visitor:
        memberships = (
            {} if user is None else {m.municipality.code: m.role for m in user.memberships.all()}
        )
        return cls(name, user, frozenset(memberships), memberships.get(HOME))

    def log_in(self, client: Client) -> None:
        # A POST to a logout page ends the session: the next request logs in again.
        if self.user is not None and "_auth_user_id" not in client.session:
            client.force_login(self.user)


@dataclass
class World:
    media: object
    visitors: list[Visitor]
    adopted: Rows
    draft: Rows
    foreign: Rows

    def visitor(self, name: str) -> Visitor:
        return next(visitor for visitor in self.visitors if visitor.name == name)


def _with_document(plan: Plan, text: str) -> Plan:
    plan.source_document.save(f"plan-{plan.pk}.txt", ContentFile(text.encode()))
    return plan


def build_municipality(code: str, name: str, *, all_marked: bool) -> tuple[dict, Rows, Rows]:
    """A municipality with a member of each role, an adopted strategy with goals and
    measurements, an adopted action plan with steering, an activity, a milestone and a status
    update, and a draft of each; returns its users and its adopted and draft rows."""
    secret = marker(code)

    def public(text: str) -> str:
        return f"{secret} {text}" if all_marked else text

    municipality = MunicipalityFactory(code=code, name=name)
    memberships = {
        role: MembershipFactory(
            municipality=municipality,
            role=role,
            user__username=f"{role}-{code}",
            user__last_name=secret,
        )
        for role in Role
    }
    staff = memberships[Role.STAFF].user

    strategy = PlanFactory(
        municipality=municipality, title=public("Erhvervsstrategi"), internal_note=secret
    )
    track = TrackFactory(plan=strategy, title=public("Vækst"))
    theme = ThemeFactory(track=track, title=public("Iværksætteri"))
    parent = GoalFactory(
        plan=strategy, track=track, title=public("Flere job"), internal_note=secret
    )
    goal = GoalFactory(
        plan=strategy, track=track, theme=theme, parent=parent, title=public("Nye job")
    )
    measurement = MeasurementFactory(goal=goal, note=secret)
    action_plan = _with_document(
        ActionPlanFactory(
            municipality=municipality,
            title=public("Handleplan"),
            implements=strategy,
            internal_note=secret,
        ),
        public("Handleplanen som vedtaget"),
    )
    committee = Committee.objects.create(municipality=municipality, name=public("Erhvervsudvalg"))
    steering = PlanSteering.objects.create(
        plan=action_plan, committee=committee, resource_note=secret
    )
    partner = Partner.objects.create(
        municipality=municipality, name=public("Gate 21"), description=secret
    )
    promise = ServicePromise.objects.create(plan=action_plan, text=public("Svar inden 72 timer"))
    activity = ActivityFactory(plan=action_plan, title=public("Virksomhedsbesøg"), owner=staff)
    activity.goals.add(goal)
    activity.partners.add(partner)
    activity.themes.add(theme)
    MilestoneFactory(activity=activity, title=public("Første besøg"))
    StatusUpdateFactory(activity=activity, author=staff, comment=secret)

    draft_strategy = PlanFactory(
        municipality=municipality,
        title=f"{secret} Udkast til strategi",
        status=PlanStatus.DRAFT,
        adopted_on=None,
    )
    draft_goal = GoalFactory(plan=draft_strategy, title=f"{secret} Udkast til mål")
    MeasurementFactory(goal=draft_goal, note=secret)
    draft_action_plan = _with_document(
        ActionPlanFactory(
            municipality=municipality,
            title=f"{secret} Udkast til handleplan",
            status=PlanStatus.DRAFT,
            adopted_on=None,
        ),
        f"{secret} Udkastet",
    )
    draft_activity = ActivityFactory(plan=draft_action_plan, title=f"{secret} Udkast", owner=staff)

    # The CVR register is national and public; a firm on the municipality's own list and what
    # the municipality keeps about a company are its own.
    registered = CompanyFactory(name=public("Bageriet ApS"), municipality_code=code)
    unit = ProductionUnitFactory(company=registered)
    profile = CompanyProfile.objects.create(
        municipality=municipality, company=registered, key_account_owner=staff, note=secret
    )
    own_firm = CompanyFactory(
        cvr_number=None, name=f"{secret} Foreningen", municipality_code=code, kept_by=municipality
    )

    # A closed inquiry, so that its satisfaction link can be answered; what a business wrote is
    # for the municipality's members only.
    topic = TopicFactory(municipality=municipality, name=public("Byggetilladelse"))
    inquiry = Inquiry.objects.create(
        municipality=municipality,
        reference=f"{code}-1",
        topic=topic,
        team=topic.team,
        owner=staff,
        state=State.CLOSED,
        cvr_number=registered.cvr_number,
        company_name=registered.name,
        company=registered,
        contact_name=f"{secret} Karin",
        email=f"karin{code}@example.com",
        message=f"{secret} Vi vil bygge en hal.",
        received_at=timezone.now(),
        closed_at=timezone.now(),
    )
    series = OfficialSeriesFactory(
        municipality=municipality,
        title=public("Arbejdspladser"),
        selection={"OMRÅDE": [code], "TAL": ["ANSATTE"]},
        area_variable="OMRÅDE",
    )
    OfficialFigure.objects.create(
        series=series,
        area_code=code,
        area_name=name,
        period="2022",
        period_start=date(2022, 1, 1),
        value=Decimal(19369),
    )
    look = ReportLook.objects.create(municipality=municipality)

    def built_report(plan: Plan, title: str) -> Report:
        # Stored as a finished build stores it; what the PDF holds is the reports app's tests'.
        report = Report.objects.create(
            plan=plan, title=title, requested_by=staff, state=ReportState.DONE, progress=100
        )
        ReportVersion.objects.create(
            report=report,
            as_of=timezone.localdate(),
            html=f"<p>{title}</p>",
            pdf=b"%PDF-1.7\n%%EOF\n",
            page_count=1,
            checksum="0" * 64,
            snapshot={},
        )
        return report

    report = built_report(action_plan, public("Status til udvalget"))

    # A contact person (personal data) and a visit to the registered firm with a need and a
    # follow-up: all the municipality's members' only.
    contact = ContactPerson.objects.create(
        municipality=municipality,
        company=registered,
        name=f"{secret} Mette",
        email=f"karin{code}@example.com",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    )
    visit = Visit.objects.create(
        municipality=municipality,
        company=registered,
        visited_on=timezone.localdate(),
        body=Body.MAYOR,
        other_topic=secret,
        summary=secret,
    )
    visit.their_participants.set([contact])
    visit.our_participants.set([staff])
    visit.topics.set(VisitTopic.objects.of_municipality(municipality)[:1])
    Need.objects.create(visit=visit, text=f"{secret} Flere faglærte")
    follow_up = FollowUp.objects.create(
        visit=visit, title=f"{secret} Ring tilbage", owner=staff, due_on=timezone.localdate()
    )

    mailing_list = MailingList.objects.create(municipality=municipality, name=public("Erhvervsnyt"))
    newsletter_issue = Issue.objects.create(
        mailing_list=mailing_list, subject=f"{secret} Nyhedsbrev", body=f"<p>{secret}</p>"
    )
    consent = ConsentText.objects.create(mailing_list=mailing_list, version=1, text=public("Ja"))
    erasure = ErasureLog.objects.create(
        municipality=municipality,
        contact_id=contact.pk + 1000,
        erased_at=timezone.now(),
        cause=ErasureCause.REQUEST,
        reason=secret,
    )

    # A public event with a registration (personal data: members only), and an event that is
    # not public, which the public pages do not show.
    event = Event.objects.create(
        municipality=municipality,
        kind="network",
        title=public("Netværksmøde"),
        starts_at=timezone.now() + timedelta(days=30),
        capacity=10,
    )
    registration = Registration.objects.create(
        event=event,
        name=f"{secret} Deltager",
        email=f"deltager{code}@example.com",
        state=RegistrationState.REGISTERED,
        registered_at=timezone.now(),
        changed_at=timezone.now(),
        token=f"token-{code}",
    )
    hidden_event = Event.objects.create(
        municipality=municipality,
        kind="dialogue",
        title=f"{secret} Internt møde",
        starts_at=timezone.now() + timedelta(days=30),
        is_public=False,
    )

    # The business forum: a held meeting with a participant (personal data) and its follow-ups,
    # an accepted theme linked to an adopted and a draft goal, and a proposal not yet accepted.
    forum = Forum.objects.create(municipality=municipality, name=public("Erhvervsforum"))
    meeting = Meeting.objects.create(
        forum=forum, title=public("Grøn vækst"), held_on=timezone.localdate(), minutes=secret
    )
    Participant.objects.create(
        meeting=meeting, name=f"{secret} Ole", email=f"ole{code}@example.com", company=registered
    )
    forum_theme = Idea.objects.create(
        municipality=municipality,
        forum=forum,
        title=public("Letbanen"),
        status=IdeaStatus.ACCEPTED,
        proposer_name=f"{secret} Anne",
    )
    meeting.themes.add(forum_theme)
    forum_services.link_idea(idea=forum_theme, activity=activity, goal=goal)
    forum_services.link_idea(idea=forum_theme, goal=draft_goal, activity=draft_activity)
    forum_services.add_decision(
        idea=forum_theme,
        values={"text": public("Ny busrute"), "decided_on": timezone.localdate(), "body": "ØU"},
    )
    forum_follow_up = forum_services.close_meeting(
        meeting=meeting, user=staff, expected_version=meeting.version
    )[0]
    forum_proposal = Idea.objects.create(
        municipality=municipality, forum=forum, title=f"{secret} Forslag"
    )
    # Partnerships, tenders and the outreach logs: the public tender page shows a public
    # tender (its contact is published on purpose); everything else is the members' only.
    agreement = Agreement.objects.create(partner=partner, title=secret, purpose=secret)
    agreement.activities.add(activity)
    agreement.goals.add(goal)
    partner_contact = PartnerContact.objects.create(
        partner=partner, name=f"{secret} Poul", email=f"poul{code}@example.com"
    )
    tender = Tender.objects.create(
        municipality=municipality,
        title=public("Rengøring af rådhuset"),
        description=public("Rengøring fra 2027"),
        expected_publication=date(2027, 1, 15),
        contact_name=public("Indkøb"),
        contact_email=f"indkob{code}@example.com",
        is_public=True,
    )
    draft_tender = Tender.objects.create(
        municipality=municipality,
        title=f"{secret} Ikke offentliggjort udbud",
        expected_publication=date(2027, 2, 1),
        contact_name=secret,
        contact_email=f"indkob{code}@example.com",
    )
    DialogueMeeting.objects.create(tender=tender, held_on=date(2026, 11, 1), participants=secret)
    InterestRegistration.objects.create(
        tender=tender,
        cvr_number=registered.cvr_number,
        company=registered,
        company_name=f"{secret} Bageriet",
        contact_name=f"{secret} Ole",
        email=f"ole{code}@example.com",
    )
    bid = Bid.objects.create(
        tender=tender,
        company=registered,
        cvr_number=registered.cvr_number,
        company_name=f"{secret} Bageriet",
        received_on=date(2026, 11, 20),
    )
    other_bid = Bid.objects.create(
        tender=tender, company_name=f"{secret} Andet firma", received_on=date(2026, 11, 21)
    )
    Debriefing.objects.create(
        bid=other_bid, told_on=date(2026, 12, 1), reason=secret, told_by=secret
    )
    MediaMention.objects.create(
        municipality=municipality,
        mentioned_on=date(2026, 5, 1),
        outlet=secret,
        reach=Reach.NATIONAL,
        title=secret,
    )
    advice = AdviceSession.objects.create(
        municipality=municipality,
        advised_on=date(2026, 5, 2),
        advised=f"{secret} Iværksætter",
        topic=secret,
        adviser=secret,
    )

    admin_rows = {
        Municipality: municipality,
        Membership: memberships[Role.STAFF],
        User: staff,
        Plan: action_plan,
        Theme: theme,
        Goal: goal,
        Measurement: measurement,
        Partner: partner,
        Committee: committee,
        PlanSteering: steering,
        ServicePromise: promise,
        Company: own_firm,
        CompanyProfile: profile,
        ProductionUnit: unit,
        WorkCalendar: topic.team.calendar,
        Team: topic.team,
        Topic: topic,
        ReportLook: look,
        Report: report,
        VisitTopic: visit.topics.get(),
        MailingList: mailing_list,
        ErasureLog: erasure,
        ConsentText: consent,
    }
    imported, proposal, draft_imported, draft_proposal = build_imports(
        municipality,
        staff,
        adopted_plan=strategy,
        draft_plan=draft_strategy,
        secret=secret,
        public=public,
    )
    users = {role: membership.user for role, membership in memberships.items()}
    adopted = Rows(
        plan=action_plan,
        goal=goal,
        activity=activity,
        company=own_firm,
        inquiry=inquiry,
        series=series,
        report=report,
        contact=contact,
        visit=visit,
        follow_up=follow_up,
        event=event,
        registration=registration,
        document_import=imported,
        proposal=proposal,
        meeting=meeting,
        forum_follow_up=forum_follow_up,
        idea=forum_theme,
        newsletter_issue=newsletter_issue,
        partner=partner,
        agreement=agreement,
        partner_contact=partner_contact,
        tender=tender,
        bid=bid,
        advice=advice,
        admin=admin_rows,
    )
    draft = Rows(
        plan=draft_action_plan,
        goal=draft_goal,
        activity=draft_activity,
        company=own_firm,
        inquiry=inquiry,
        series=series,
        report=built_report(draft_action_plan, f"{secret} Udkast til status"),
        contact=contact,
        visit=visit,
        follow_up=follow_up,
        event=hidden_event,
        registration=registration,
        document_import=draft_imported,
        proposal=draft_proposal,
        meeting=meeting,
        forum_follow_up=forum_follow_up,
        idea=forum_proposal,
        newsletter_issue=newsletter_issue,
        partner=partner,
        agreement=agreement,
        partner_contact=partner_contact,
        tender=draft_tender,
        bid=bid,
        advice=advice,
        admin=admin_rows | {Plan: draft_action_plan, Goal: draft_goal},
    )
    return users, adopted, draft
