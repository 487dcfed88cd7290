from django.urls import path

from partnerships import views

app_name = "partnerships"
urlpatterns = [
    path("", views.partner_list, name="list"),
    path("ny/", views.partner_create, name="create"),
    path("<id:partner_id>/", views.partner_detail, name="detail"),
    path("<id:partner_id>/ret/", views.partner_edit, name="edit"),
    path("<id:partner_id>/aftaler/ny/", views.agreement_create, name="agreement_create"),
    path("aftaler/<id:agreement_id>/ret/", views.agreement_edit, name="agreement_edit"),
    path("<id:partner_id>/kontakter/ny/", views.contact_create, name="contact_create"),
    path("kontakter/<id:partner_contact_id>/ret/", views.contact_edit, name="contact_edit"),
    path(
        "kontakter/<id:partner_contact_id>/eksport.json",
        views.contact_export,
        name="contact_export",
    ),
    path("kontakter/<id:partner_contact_id>/slet/", views.contact_erase, name="contact_erase"),
]
