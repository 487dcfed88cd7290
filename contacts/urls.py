from django.urls import path

from contacts import views

app_name = "contacts"
urlpatterns = [
    path("virksomheder/<id:company_id>/kontakter/ny/", views.contact_create, name="create"),
    path("kontakter/<id:contact_id>/", views.contact_detail, name="detail"),
    path("kontakter/<id:contact_id>/ret/", views.contact_edit, name="edit"),
    path("kontakter/<id:contact_id>/eksport/", views.contact_export_page, name="export"),
    path("kontakter/<id:contact_id>/eksport.json", views.contact_export_json, name="export_json"),
    path("kontakter/<id:contact_id>/slet/", views.contact_erase, name="erase"),
]
