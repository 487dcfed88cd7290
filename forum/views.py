"""The forum's pages. For members under /k/<code>/erhvervsforum/: the forum and its terms of
reference, meetings (participants, attendance, minutes, closing), the follow-ups, and ideas with
their chain. For anyone under /k/<code>/erhverv/erhvervsforum/: proposing a theme, "you said, we
did" and following an idea by e-mail.

Thin: read the request, check access (`core.scoping`, `core.access`), call `services` or
`queries`, render. A refused change shows the page again with the message and what was typed.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import ratelimit
from core.access import Rule, access
from core.forms import save_form
from core.models import Municipality
from core.scoping import editor_required, member_object_or_404, member_required
from forum import mail, queries, services
from forum.enums import FollowUpKind, IdeaStatus
from forum.forms import (
    ActionForm,
    AttendanceForm,
    DecisionForm,
    FollowForm,
    FollowUpForm,
    ForumForm,
    IdeaForm,
    LinkForm,
    MeetingForm,
    ParticipantForm,
    ProposalForm,
    RemoveParticipantForm,
    ReviewForm,
    StageForm,
)
from forum.models import FollowUp, Forum, Idea, Meeting

NAV = "forum"
PROPOSAL_SESSION_KEY = "forum_proposal"


def _forum_or_404(member):
    forum = queries.forum_of(member.municipality)
    if forum is None:
        raise Http404
    return forum


# The forum


@member_required
@require_GET
def forum_home(request, member):
    forum = queries.forum_of(member.municipality)
    context = {"member": member, "nav": NAV, "forum": forum, "today": timezone.localdate()}
    if forum is not None:
        context |= {
            "meetings": queries.meetings(forum),
            "open_follow_ups": queries.open_follow_ups(member.municipality),
            "proposals": queries.ideas(member.municipality, IdeaStatus.PROPOSED).count(),
        }
    return render(request, "forum/home.html", context)


@editor_required
@require_http_methods(["GET", "POST"])
def forum_edit(request, member):
    """The terms of reference; the first save creates the municipality's forum."""
    forum = queries.forum_of(member.municipality) or Forum(municipality=member.municipality)
    form = ForumForm(request.POST or None, instance=forum)
    status = 200
    if request.method == "POST":
        status = save_form(
            form,
            lambda: services.save_forum(
                forum=forum, values=form.values(), expected_version=form.cleaned_data["version"]
            ),
        )
        if status is None:
            messages.success(request, _("Kommissoriet er gemt."))
            return redirect("forum:home", code=member.municipality.code)
    return render(
        request,
        "forum/forum_edit.html",
        {"member": member, "nav": NAV, "form": form},
        status=status,
    )


# Meetings


@editor_required
@require_http_methods(["GET", "POST"])
def meeting_create(request, member):
    return _meeting_form(request, member, None)


@editor_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, member, meeting_id):
    meeting = member_object_or_404(Meeting, member, pk=meeting_id)
    return _meeting_form(request, member, meeting)


def _meeting_form(request, member, meeting):
    forum = meeting.forum if meeting else _forum_or_404(member)
    form = MeetingForm(request.POST or None, instance=meeting, municipality=member.municipality)
    status = 200
    if request.method == "POST":
        saved = {}

        def save():
            saved["meeting"] = services.save_meeting(
                forum=forum,
                meeting=meeting,
                values=form.values(),
                themes=form.cleaned_data["themes"],
                expected_version=form.cleaned_data["version"],
            )

        status = save_form(form, save)
        if status is None:
            messages.success(request, _("Mødet er gemt."))
            return redirect(
                "forum:meeting", code=member.municipality.code, meeting_id=saved["meeting"].pk
            )
    return render(
        request,
        "forum/meeting_form.html",
        {"member": member, "nav": NAV, "form": form, "meeting": meeting, "forum": forum},
        status=status,
    )


def _meeting_page(request, member, meeting_id, *, status=200, **forms):
    meeting = member_object_or_404(
        Meeting.objects.select_related("forum", "closed_by"), member, pk=meeting_id
    )
    context = {
        "member": member,
        "nav": NAV,
        "meeting": meeting,
        "participants": list(meeting.participants.select_related("company")),
        "follow_ups": list(meeting.follow_ups.select_related("done_by")),
        "today": timezone.localdate(),
        "participant_form": forms.get("participant_form") or ParticipantForm(),
        "close_form": forms.get("close_form"),
        "attendance_form": forms.get("attendance_form"),
    }
    return render(request, "forum/meeting.html", context, status=status)


@member_required
@require_GET
def meeting(request, member, meeting_id):
    return _meeting_page(request, member, meeting_id)


@editor_required
@require_POST
def participant_add(request, member, meeting_id):
    meeting = member_object_or_404(Meeting, member, pk=meeting_id)
    form = ParticipantForm(request.POST)
    status = save_form(
        form,
        lambda: services.add_participant(
            meeting=meeting,
            values={name: form.cleaned_data[name] for name in ParticipantForm.Meta.fields},
        ),
    )
    if status is not None:
        return _meeting_page(request, member, meeting_id, status=status, participant_form=form)
    messages.success(request, _("Deltageren er tilføjet."))
    return redirect("forum:meeting", code=member.municipality.code, meeting_id=meeting.pk)


@editor_required
@require_POST
def attendance(request, member, meeting_id):
    meeting = member_object_or_404(Meeting, member, pk=meeting_id)
    form = AttendanceForm(request.POST, meeting=meeting)
    status = save_form(
        form,
        lambda: services.record_attendance(
            meeting=meeting,
            attended_ids=form.cleaned_data["attended"],
            expected_version=form.cleaned_data["version"],
        ),
    )
    if status is not None:
        return _meeting_page(request, member, meeting_id, status=status, attendance_form=form)
    messages.success(request, _("Fremmødet er gemt."))
    return redirect("forum:meeting", code=member.municipality.code, meeting_id=meeting.pk)


@editor_required
@require_POST
def participant_remove(request, member, meeting_id):
    meeting = member_object_or_404(Meeting, member, pk=meeting_id)
    form = RemoveParticipantForm(request.POST)
    status = save_form(
        form,
        lambda: services.remove_participant(
            meeting=meeting,
            participant_id=form.cleaned_data["participant"],
            expected_version=form.cleaned_data["version"],
        ),
    )
    if status is not None:
        return _meeting_page(request, member, meeting_id, status=status, attendance_form=form)
    messages.success(request, _("Deltageren er fjernet."))
    return redirect("forum:meeting", code=member.municipality.code, meeting_id=meeting.pk)


@editor_required
@require_POST
def meeting_close(request, member, meeting_id):
    meeting = member_object_or_404(Meeting.objects.select_related("forum"), member, pk=meeting_id)
    form = ActionForm(request.POST)
    status = save_form(
        form,
        lambda: services.close_meeting(
            meeting=meeting, user=request.user, expected_version=form.cleaned_data["version"]
        ),
    )
    if status is not None:
        return _meeting_page(request, member, meeting_id, status=status, close_form=form)
    messages.success(
        request, _("Mødet er afsluttet. De tre opfølgninger er oprettet med udkast og frister.")
    )
    return redirect("forum:meeting", code=member.municipality.code, meeting_id=meeting.pk)


# Follow-ups


@member_required
@require_GET
def follow_up_list(request, member):
    return render(
        request,
        "forum/follow_up_list.html",
        {
            "member": member,
            "nav": NAV,
            "follow_ups": queries.open_follow_ups(member.municipality),
            "today": timezone.localdate(),
        },
    )


def _follow_up_page(request, member, follow_up_id, *, status=200, form=None, action_form=None):
    follow_up = member_object_or_404(
        FollowUp.objects.select_related("meeting__forum", "done_by"), member, pk=follow_up_id
    )
    recipients = (
        services.participant_addresses(follow_up.meeting)
        if follow_up.kind == FollowUpKind.PARTICIPANTS_MAIL
        else []
    )
    return render(
        request,
        "forum/follow_up.html",
        {
            "member": member,
            "nav": NAV,
            "follow_up": follow_up,
            "form": form or FollowUpForm(instance=follow_up),
            "action_form": action_form,
            "recipients": recipients,
            "today": timezone.localdate(),
        },
        status=status,
    )


@member_required
@require_GET
def follow_up(request, member, forum_follow_up_id):
    return _follow_up_page(request, member, forum_follow_up_id)


@editor_required
@require_POST
def follow_up_edit(request, member, forum_follow_up_id):
    follow_up = member_object_or_404(FollowUp, member, pk=forum_follow_up_id)
    form = FollowUpForm(request.POST, instance=follow_up)
    status = save_form(
        form,
        lambda: services.save_follow_up(
            follow_up=follow_up,
            values=form.values(),
            expected_version=form.cleaned_data["version"],
        ),
    )
    if status is not None:
        return _follow_up_page(request, member, forum_follow_up_id, status=status, form=form)
    messages.success(request, _("Udkastet er gemt."))
    return redirect(
        "forum:follow_up", code=member.municipality.code, forum_follow_up_id=follow_up.pk
    )


def _follow_up_action(request, member, forum_follow_up_id, action, done_message):
    follow_up = member_object_or_404(
        FollowUp.objects.select_related("meeting"), member, pk=forum_follow_up_id
    )
    form = ActionForm(request.POST)
    result = {}

    def save():
        result["value"] = action(
            follow_up=follow_up, user=request.user, expected_version=form.cleaned_data["version"]
        )

    status = save_form(form, save)
    if status is not None:
        return _follow_up_page(request, member, forum_follow_up_id, status=status, action_form=form)
    messages.success(request, done_message(result["value"]))
    return redirect(
        "forum:follow_up", code=member.municipality.code, forum_follow_up_id=follow_up.pk
    )


@editor_required
@require_POST
def follow_up_done(request, member, forum_follow_up_id):
    return _follow_up_action(
        request,
        member,
        forum_follow_up_id,
        services.complete_follow_up,
        lambda _row: _("Opfølgningen er markeret som udført."),
    )


@editor_required
@require_POST
def follow_up_send(request, member, forum_follow_up_id):
    return _follow_up_action(
        request,
        member,
        forum_follow_up_id,
        services.send_participants_mail,
        lambda sent: _("Mailen er sendt til %(count)s deltagere.") % {"count": sent},
    )


# Ideas (staff)


@member_required
@require_GET
def idea_list(request, member):
    return render(
        request,
        "forum/idea_list.html",
        {
            "member": member,
            "nav": NAV,
            "ideas": queries.ideas(member.municipality).order_by("status", "-created_at"),
            "form": IdeaForm(),
        },
    )


@editor_required
@require_POST
def idea_create(request, member):
    form = IdeaForm(request.POST)
    saved = {}

    def save():
        saved["idea"] = services.create_idea(
            municipality=member.municipality,
            values={**form.cleaned_data, "forum": queries.forum_of(member.municipality)},
        )

    status = save_form(form, save)
    if status is not None:
        return render(
            request,
            "forum/idea_list.html",
            {
                "member": member,
                "nav": NAV,
                "ideas": queries.ideas(member.municipality),
                "form": form,
            },
            status=status,
        )
    messages.success(request, _("Idéen er gemt."))
    return redirect("forum:idea", code=member.municipality.code, idea_id=saved["idea"].pk)


def _idea_page(request, member, idea_id, *, status=200, **forms):
    idea = member_object_or_404(Idea.objects.select_related("forum"), member, pk=idea_id)
    context = {
        "member": member,
        "nav": NAV,
        "idea": idea,
        "decisions": list(idea.decisions.all()),
        "activities": list(idea.activities.select_related("plan")),
        "goals": list(idea.goals.select_related("plan")),
        "events": list(idea.events.all()),
        "meetings": list(idea.meetings.all()),
        "followers": idea.followers.filter(confirmed_at__isnull=False).count(),
        "decision_form": forms.get("decision_form") or DecisionForm(),
        "link_form": forms.get("link_form") or LinkForm(municipality=member.municipality),
        "stage_form": forms.get("stage_form")
        or StageForm(initial={"stage": idea.stage, "version": idea.version}),
        "review_error": forms.get("review_form"),
    }
    return render(request, "forum/idea.html", context, status=status)


@member_required
@require_GET
def idea(request, member, idea_id):
    return _idea_page(request, member, idea_id)


@editor_required
@require_POST
def idea_review(request, member, idea_id):
    idea = member_object_or_404(Idea, member, pk=idea_id)
    form = ReviewForm(request.POST)
    status = save_form(
        form,
        lambda: services.review_idea(
            idea=idea,
            status=form.cleaned_data["status"],
            expected_version=form.cleaned_data["version"],
        ),
    )
    if status is not None:
        return _idea_page(request, member, idea_id, status=status, review_form=form)
    messages.success(request, _("Vurderingen er gemt."))
    return redirect("forum:idea", code=member.municipality.code, idea_id=idea.pk)


@editor_required
@require_POST
def idea_decision(request, member, idea_id):
    idea = member_object_or_404(Idea, member, pk=idea_id)
    form = DecisionForm(request.POST)
    status = save_form(
        form, lambda: services.add_decision(idea=idea, values=dict(form.cleaned_data))
    )
    if status is not None:
        return _idea_page(request, member, idea_id, status=status, decision_form=form)
    messages.success(request, _("Beslutningen er gemt."))
    return redirect("forum:idea", code=member.municipality.code, idea_id=idea.pk)


@editor_required
@require_POST
def idea_link(request, member, idea_id):
    idea = member_object_or_404(Idea, member, pk=idea_id)
    form = LinkForm(request.POST, municipality=member.municipality)
    status = save_form(
        form,
        lambda: services.link_idea(
            idea=idea, activity=form.cleaned_data["activity"], goal=form.cleaned_data["goal"]
        ),
    )
    if status is not None:
        return _idea_page(request, member, idea_id, status=status, link_form=form)
    messages.success(request, _("Koblingen er gemt."))
    return redirect("forum:idea", code=member.municipality.code, idea_id=idea.pk)


@editor_required
@require_POST
def idea_stage(request, member, idea_id):
    idea = member_object_or_404(Idea, member, pk=idea_id)
    form = StageForm(request.POST)
    status = save_form(
        form,
        lambda: services.set_stage(
            idea=idea,
            stage=form.cleaned_data["stage"],
            expected_version=form.cleaned_data["version"],
        ),
    )
    if status is not None:
        return _idea_page(request, member, idea_id, status=status, stage_form=form)
    messages.success(request, _("Status er gemt."))
    return redirect("forum:idea", code=member.municipality.code, idea_id=idea.pk)


# Public pages


def _public_municipality(code: str) -> Municipality:
    return get_object_or_404(Municipality, code=code)


def _limited(request, scope: str) -> bool:
    limit, window = ratelimit.FORM_LIMIT
    return not ratelimit.allow(request, scope=scope, limit=limit, window=window)


# Never cached: the form carries a one-time submission token, the thanks a session's proposal.
@access(Rule.PUBLIC)
@never_cache
@require_http_methods(["GET", "POST"])
def themes(request, code):
    """Accepted themes and a form to propose one: no login; a refused post keeps what was
    typed; a proposal waits for staff before it is shown."""
    municipality = _public_municipality(code)
    forum = queries.forum_of(municipality)
    status = 200
    if request.method == "POST":
        form = ProposalForm(request.POST)
        if _limited(request, "forum-proposal"):
            form.is_valid()
            form.add_error(
                None, _("Der er sendt for mange forslag fra din adresse. Prøv igen om lidt.")
            )
            status = 429
        else:
            saved = {}

            def save():
                saved["idea"], _stored = services.propose_idea(
                    municipality=municipality,
                    forum=forum,
                    values=form.values(),
                    submission_token=form.cleaned_data.get("submission_token"),
                )

            status = save_form(form, save)
            if status is None:
                request.session[PROPOSAL_SESSION_KEY] = saved["idea"].title
                return redirect(f"{request.path}?tak=1")
    else:
        form = ProposalForm()
    thanks = request.GET.get("tak") and request.session.get(PROPOSAL_SESSION_KEY)
    return render(
        request,
        "forum/public_themes.html",
        {
            "municipality": municipality,
            "forum": forum,
            "form": form,
            "accepted": queries.public_ideas(municipality),
            "thanks": thanks,
        },
        status=status,
    )


@access(Rule.PUBLIC)
@require_GET
def chains(request, code):
    """ "You said, we did": the accepted ideas and how far each has come."""
    municipality = _public_municipality(code)
    return render(
        request,
        "forum/public_chains.html",
        {"municipality": municipality, "ideas": queries.public_ideas(municipality)},
    )


@access(Rule.ADOPTED_ONLY)
@require_GET
def chain(request, code, idea_id):
    """One accepted idea's chain: what was said, decided and done, and the goal it serves.
    A proposal not (yet) accepted is not found, whoever asks."""
    municipality = _public_municipality(code)
    idea = get_object_or_404(
        Idea.objects.of_municipality(municipality), pk=idea_id, status=IdeaStatus.ACCEPTED
    )
    return render(
        request,
        "forum/public_chain.html",
        {
            "municipality": municipality,
            "idea": idea,
            "follow_form": FollowForm(initial={"idea": idea.pk}),
            **queries.public_chain(idea),
        },
    )


@access(Rule.PUBLIC)
@never_cache
@require_http_methods(["GET", "POST"])
def follow(request, code):
    """Ask to follow an idea: the same answer whether or not the address already follows it."""
    municipality = _public_municipality(code)
    if request.method == "GET":
        return redirect("forum:chains", code=municipality.code)
    form = FollowForm(request.POST)
    idea = None
    # The idea is looked up whenever its field is valid, also when the address is not: then the
    # idea's page shows the form again with the address as typed and what is wrong with it.
    form.is_valid()
    if form.cleaned_data.get("idea"):
        idea = (
            Idea.objects.of_municipality(municipality)
            .filter(pk=form.cleaned_data["idea"], status=IdeaStatus.ACCEPTED)
            .first()
        )
        if idea is None:
            form.add_error(None, _("Forslaget findes ikke."))
    status = 400
    if idea is not None:
        if _limited(request, "forum-follow"):
            form.add_error(None, _("For mange tilmeldinger fra din adresse. Prøv igen om lidt."))
            status = 429
        else:
            status = save_form(
                form, lambda: services.follow_idea(idea=idea, email=form.cleaned_data["email"])
            )
    if status is None:
        return render(
            request,
            "forum/public_follow.html",
            {"municipality": municipality, "idea": idea, "state": "sent"},
        )
    context = {"municipality": municipality, "idea": idea, "follow_form": form}
    if idea is not None:
        context |= queries.public_chain(idea)
        return render(request, "forum/public_chain.html", context, status=status)
    return render(request, "forum/public_follow.html", context | {"state": "invalid"}, status=400)


@access(Rule.PUBLIC)
@never_cache
@require_http_methods(["GET", "POST"])
def follow_confirm(request, code):
    """The confirm link: the page posts the confirmation (a mail scanner that only fetches
    links confirms nothing)."""
    municipality = _public_municipality(code)
    token = request.GET.get("t") or request.POST.get("t") or ""
    follower_id = mail.read_token(token, mail.CONFIRM_SALT, max_age=mail.CONFIRM_DAYS * 86400)
    state = "invalid" if follower_id is None else "ask"
    follower = None
    if follower_id is not None and request.method == "POST":
        follower = services.confirm_follower(follower_id=follower_id)
        state = "confirmed" if follower else "invalid"
    if follower is not None and follower.idea.municipality_id != municipality.pk:
        follower, state = None, "invalid"
    return render(
        request,
        "forum/public_follow.html",
        {
            "municipality": municipality,
            "state": state,
            "token": token,
            "idea": follower.idea if follower else None,
            "action": "confirm",
        },
        status=400 if state == "invalid" else 200,
    )


# A mail client's one-click unsubscribe (RFC 8058) POSTs without a CSRF token: the signed link
# is the authority, and it can do nothing but unsubscribe the one follower it names.
@csrf_exempt
@access(Rule.PUBLIC)
@never_cache
@require_http_methods(["GET", "POST"])
def follow_unsubscribe(request, code):
    municipality = _public_municipality(code)
    token = request.GET.get("t") or request.POST.get("t") or ""
    follower_id = mail.read_token(token, mail.UNSUBSCRIBE_SALT)
    state = "invalid" if follower_id is None else "ask_unsubscribe"
    if follower_id is not None and request.method == "POST":
        services.unfollow(municipality=municipality, follower_id=follower_id)
        # Said also when already gone: a second click is not an error.
        state = "unsubscribed"
    return render(
        request,
        "forum/public_follow.html",
        {"municipality": municipality, "state": state, "token": token, "action": "unsubscribe"},
        status=400 if state == "invalid" else 200,
    )
