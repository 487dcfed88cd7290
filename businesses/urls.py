from django.urls import path

from businesses import views

app_name = "businesses"
urlpatterns = [
    path("", views.company_list, name="list"),
    path("<id:company_id>/", views.company_detail, name="detail"),
    path("<id:company_id>/ansvarlig/", views.key_account_owner, name="key_account_owner"),
    path("egne/import/", views.own_firms_import, name="import_own"),
]
