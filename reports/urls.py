from django.urls import path

from reports import views

app_name = "reports"
urlpatterns = [
    path("plan/<id:plan_id>/", views.plan_reports, name="plan_reports"),
    path("plan/<id:plan_id>/bestil/", views.report_request, name="request"),
    path("<id:report_id>/", views.report_detail, name="report"),
    path("<id:report_id>/fremdrift/", views.report_progress, name="progress"),
    path("<id:report_id>/send/", views.report_send, name="send"),
    path("<id:report_id>/rapport.html", views.report_html, name="html"),
    path("<id:report_id>/rapport.pdf", views.report_pdf, name="pdf"),
]
