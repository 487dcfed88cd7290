from django.urls import path

from actions.views import exchange as views

urlpatterns = [
    path("<id:plan_id>/excel/", views.excel_export, name="excel_export"),
    path("<id:plan_id>/excel/import/", views.excel_import, name="excel_import"),
    path("<id:plan_id>/kalender.ics", views.calendar_feed, name="calendar"),
]
