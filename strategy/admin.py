from django.contrib import admin

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


@admin.register(Plan, site=admin_site)
class PlanAdmin(MunicipalityScopedAdmin):
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
