from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from django.urls import reverse

from core.admin import MunicipalityScopedAdmin, ScopedInlineMixin, admin_site
from strategy.models import Commitment, Goal, KeyFigure, Measurement, Plan, Theme, Track
from strategy.services import refresh_goal_status


class RefreshesGoalStatus:
    """After a save or delete in the admin, the stored status of the goals it touched (and of
    every goal above them) is computed again, as the services do after their changes. The admin
    runs each change in a transaction, so the refresh is part of it."""

    def touched_goal_ids(self, obj) -> set[int]:
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        before = self.touched_goal_ids(type(obj).objects.get(pk=obj.pk)) if change else set()
        super().save_model(request, obj, form, change)
        refresh_goal_status(goal_ids=before | self.touched_goal_ids(obj))

    def delete_model(self, request, obj):
        self.delete_queryset(request, type(obj).objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        objs = list(queryset)
        deleted_goals = {obj.pk for obj in objs if isinstance(obj, Goal)}
        touched = set().union(*(self.touched_goal_ids(obj) for obj in objs)) - deleted_goals
        super().delete_queryset(request, queryset)
        refresh_goal_status(goal_ids=touched)


class TrackInline(ScopedInlineMixin, admin.StackedInline):
    model = Track
    extra = 0


class KeyFigureInline(ScopedInlineMixin, admin.TabularInline):
    model = KeyFigure
    extra = 0


class CommitmentInline(ScopedInlineMixin, admin.StackedInline):
    model = Commitment
    extra = 0


class _LinkedDocument:
    """The stored document as the file widget shows it: its name, linked through Kurs."""

    def __init__(self, document):
        plan = document.instance
        self.name = document.name
        self.url = reverse(
            "strategy:plan_document",
            kwargs={"code": plan.municipality.code, "plan_id": plan.pk},
        )

    def __str__(self) -> str:
        return self.name


class PlanDocumentWidget(AdminFileWidget):
    """Links the current document to the plan's document view: /media/ is not served."""

    def format_value(self, value):
        if value and getattr(value, "instance", None) is not None and value.instance.pk:
            return _LinkedDocument(value)
        return super().format_value(value)


@admin.register(Plan, site=admin_site)
class PlanAdmin(RefreshesGoalStatus, MunicipalityScopedAdmin):
    formfield_overrides = {models.FileField: {"widget": PlanDocumentWidget}}
    list_display = ["title", "municipality", "kind", "status", "period_start", "period_end"]
    list_filter = ["kind", "status", "municipality"]
    search_fields = ["title"]
    inlines = [TrackInline, KeyFigureInline, CommitmentInline]

    def touched_goal_ids(self, obj) -> set[int]:
        # The plan's period is the deadline of its goals that state none.
        return set(obj.goals.values_list("pk", flat=True)) if obj.pk else set()


@admin.register(Theme, site=admin_site)
class ThemeAdmin(MunicipalityScopedAdmin):
    list_display = ["title", "track", "plan"]
    list_filter = ["plan"]


@admin.register(Goal, site=admin_site)
class GoalAdmin(RefreshesGoalStatus, MunicipalityScopedAdmin):
    list_display = ["title", "plan", "track", "kind", "target_value", "deadline"]
    list_select_related = ["plan", "track"]
    list_filter = ["kind", "plan"]
    search_fields = ["title", "metric"]

    def touched_goal_ids(self, obj) -> set[int]:
        # The goal, and its parent: moving or deleting a child changes the parent's roll-up.
        return {pk for pk in (obj.pk, obj.parent_id) if pk is not None}


@admin.register(Measurement, site=admin_site)
class MeasurementAdmin(RefreshesGoalStatus, MunicipalityScopedAdmin):
    list_display = ["goal", "measured_on", "value", "assessment", "source", "entered_by"]
    list_select_related = ["goal", "entered_by"]
    list_filter = ["goal__plan"]

    def touched_goal_ids(self, obj) -> set[int]:
        return {obj.goal_id} if obj.goal_id else set()
