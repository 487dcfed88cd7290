from django.urls import path

from inquiries import views

app_name = "inquiries"
urlpatterns = [
    # Public: the one entry point for businesses, and the answer to the satisfaction question.
    path("erhverv/henvendelse/", views.public_form, name="form"),
    path("erhverv/henvendelse/tak/", views.thanks, name="thanks"),
    path("erhverv/henvendelse/cvr/", views.cvr_lookup, name="cvr_lookup"),
    path("erhverv/tilfredshed/<str:answer>/", views.satisfaction_answer, name="satisfaction"),
    # Members: the team queue and the case page.
    path("henvendelser/", views.queue, name="queue"),
    path("henvendelser/tal/", views.figures_page, name="figures"),
    path("henvendelser/<id:inquiry_id>/", views.inquiry_detail, name="detail"),
    path("henvendelser/<id:inquiry_id>/handling/", views.inquiry_action, name="action"),
]
