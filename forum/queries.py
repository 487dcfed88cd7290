"""What the forum's pages read, each in a bounded number of queries."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q

from actions.models import Activity
from forum.enums import IdeaStatus, MeetingState
from forum.models import Decision, FollowUp, Forum, Idea, IdeaEvent, Meeting
from strategy.enums import PlanStatus
from strategy.models import Goal


def forum_of(municipality) -> Forum | None:
    """The municipality's forum (Kurs keeps one per municipality for now: the first)."""
    return Forum.objects.of_municipality(municipality).order_by("pk").first()


def meetings(forum: Forum):
    """The forum's meetings, oldest first (undated ones, planned by month, by their order), with
    how many were invited and came."""
    return (
        Meeting.objects.filter(forum=forum)
        .annotate(
            invited=Count("participants", distinct=True),
            came=Count("participants", filter=Q(participants__attended=True), distinct=True),
        )
        .prefetch_related("themes")
        .order_by("held_on", "pk")
    )


def open_follow_ups(municipality):
    """Follow-ups not yet done, soonest due first, with their meeting."""
    return (
        FollowUp.objects.of_municipality(municipality)
        .filter(done_at__isnull=True)
        .select_related("meeting__forum")
        .order_by("due_on", "pk")
    )


def ideas(municipality, status=None):
    rows = Idea.objects.of_municipality(municipality).annotate(
        decision_count=Count("decisions", distinct=True)
    )
    return rows.filter(status=status) if status else rows


def public_ideas(municipality):
    """Accepted ideas, the ones with a step first and newest first."""
    return (
        Idea.objects.of_municipality(municipality)
        .filter(status=IdeaStatus.ACCEPTED)
        .annotate(steps=Count("events"))
        .order_by("-steps", "title")
    )


def public_chain(idea: Idea) -> dict:
    """What the public page of an accepted idea shows: its decisions, the activities and goals of
    adopted plans it is linked to, its steps, and the held meetings that discussed it."""
    adopted = {"plan__status": PlanStatus.ADOPTED}
    return {
        "decisions": list(Decision.objects.filter(idea=idea)),
        "activities": list(
            Activity.objects.filter(pk__in=idea.activities.values("pk"), **adopted)
            .select_related("plan")
            .prefetch_related(
                Prefetch("goals", queryset=Goal.objects.filter(**adopted).order_by("pk"))
            )
        ),
        "goals": list(
            Goal.objects.filter(pk__in=idea.goals.values("pk"), **adopted).select_related("plan")
        ),
        "events": list(IdeaEvent.objects.filter(idea=idea)),
        "meetings": list(
            idea.meetings.filter(state=MeetingState.HELD)
            .select_related("forum")
            .order_by("held_on")
        ),
    }
