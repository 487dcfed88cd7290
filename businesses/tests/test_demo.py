from businesses.models import Company, CompanyProfile


def test_demo_has_fabricated_albertslund_firms_and_an_own_firm(demo):
    assert Company.objects.filter(cvr_number__startswith="9999").count() == 4
    own = Company.objects.get(name="Albertslund Pop-up Marked")
    assert (own.kept_by.code, own.cvr_number) == ("165", None)
    profile = CompanyProfile.objects.get(company__cvr_number="99990074")
    assert (profile.key_account_owner.username, profile.note) == (
        "medarbejder",
        "Deltager i Strategisk Erhvervsforum.",
    )
    assert CompanyProfile.objects.get(company=own).note == (
        "Iværksætter fra iværksætterforløbet 2024; ikke registreret endnu."
    )


def test_demo_company_page_opens_for_the_demo_staff(demo, client):
    from core.models import User

    client.force_login(User.objects.get(username="medarbejder"))
    company = Company.objects.get(cvr_number="99990090")

    response = client.get(f"/k/165/virksomheder/{company.pk}/")

    assert response.status_code == 200
    assert "Albertslund Lampefabrik A/S" in response.content.decode()
