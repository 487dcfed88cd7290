"""Teams, topics with their promises, and work calendars in the scoped admin (`core.admin`).

A saved calendar, team or topic recomputes the stored clocks of the open inquiries it affects
(`inquiries.services.recompute_open_deadlines`), inside the admin's transaction. Inquiries are
changed only through their state actions (`inquiries.services.change_state`), never here.
"""

from django.contrib import admin

from core.admin import MunicipalityScopedAdmin, ScopedInlineMixin, admin_site
from inquiries.models import DisabledHoliday, Team, Topic, WorkCalendar, WorkingHours
from inquiries.services import recompute_open_deadlines


class WorkingHoursInline(ScopedInlineMixin, admin.TabularInline):
    model = WorkingHours
    extra = 0


class DisabledHolidayInline(ScopedInlineMixin, admin.TabularInline):
    model = DisabledHoliday
    extra = 0


@admin.register(WorkCalendar, site=admin_site)
class WorkCalendarAdmin(MunicipalityScopedAdmin):
    list_display = ["name", "municipality"]
    inlines = [WorkingHoursInline, DisabledHolidayInline]

    def save_related(self, request, form, formsets, change):
        # The hours and holidays are the inlines: recompute once they are saved too.
        super().save_related(request, form, formsets, change)
        recompute_open_deadlines(calendar=form.instance)


@admin.register(Team, site=admin_site)
class TeamAdmin(MunicipalityScopedAdmin):
    list_display = ["name", "lead", "calendar"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        recompute_open_deadlines(calendar=obj.calendar)


@admin.register(Topic, site=admin_site)
class TopicAdmin(MunicipalityScopedAdmin):
    list_display = ["name", "team", "response_text", "resolution_text", "is_active"]
    list_filter = ["team", "is_active"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        recompute_open_deadlines(topic=obj)
