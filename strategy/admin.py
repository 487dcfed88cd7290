from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from django.urls import reverse

from core.admin import MunicipalityScopedAdmin, ScopedInlineMixin, admin_site
from strategy.models import Commitment, Goal, KeyFigure, Measurement, Plan, Theme, Track


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
class PlanAdmin(MunicipalityScopedAdmin):
    formfield_overrides = {models.FileField: {"widget": PlanDocumentWidget}}
    list_display = ["title", "municipality", "kind", "status", "period_start", "period_end"]
    list_filter = ["kind", "status", "municipality"]
    search_fields = ["title"]
    inlines = [TrackInline, KeyFigureInline, CommitmentInline]


@admin.register(Theme, site=admin_site)
class ThemeAdmin(MunicipalityScopedAdmin):
    list_display = ["title", "track", "plan"]
    list_filter = ["plan"]


@admin.register(Goal, site=admin_site)
class GoalAdmin(MunicipalityScopedAdmin):
    list_display = ["title", "plan", "track", "kind", "target_value", "deadline"]
    list_filter = ["kind", "plan"]
    search_fields = ["title", "metric"]


@admin.register(Measurement, site=admin_site)
class MeasurementAdmin(MunicipalityScopedAdmin):
    list_display = ["goal", "measured_on", "value", "assessment", "source", "entered_by"]
    list_filter = ["goal__plan"]
