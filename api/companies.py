"""The company search of the read API: `/api/v1/companies`.

The register is public, and anyone may search a municipality's list of register companies. What
counts as personal data is served only to members of the municipality
(`core.scoping.visible_municipality_ids`), with the member schema: the firms the municipality keeps
on its own list, its key-account owner and note, and the street address of personally owned
firms (often the owner's home). Everyone else gets the public schema, where those keys are absent
or null. The search itself is `businesses.search.search_companies`, the same the pages use.
"""

from __future__ import annotations

from ninja import Query

from api import schemas
from api.views import MUNICIPALITY_PARAM, _is_member, _municipality, api, list_responses
from businesses.models import CompanyProfile
from businesses.search import Hit, search_companies

# Legal forms whose firm is a person (`virksomhedsformkode`): 10 Enkeltmandsvirksomhed and
# 15 Personligt ejet mindre virksomhed (the register's code list; 15 is *unconfirmed*).
PERSONALLY_OWNED = {10, 15}
QUERY_PARAM = {
    "description": "Navn, CVR-nummer, P-nummer eller adresse; stavefejl tåles.",
    "min_length": 1,
    "max_length": 200,
    "examples": ["Albertslund Bageri"],
}
LIMIT_PARAM = {"description": "Højst så mange virksomheder (1-50).", "ge": 1, "le": 50}


def _address(unit_or_company, member: bool, personal: bool) -> str | None:
    return unit_or_company.address if member or not personal else None


def _company(hit: Hit, member: bool, profiles: dict) -> schemas.Company:
    company, unit = hit.company, hit.unit
    personal = company.legal_form_code in PERSONALLY_OWNED
    data = {
        "cvr_number": company.cvr_number,
        "name": company.name,
        "address": _address(company, member, personal),
        "postcode": company.postcode,
        "city": company.city,
        "municipality_code": company.municipality_code,
        "industry_code": company.industry_code,
        "industry_name": company.industry_name,
        "industry_code_system": company.industry_code_system,
        "legal_form": company.legal_form,
        "employee_band": company.employee_band,
        "start_date": company.start_date,
        "end_date": company.end_date,
        "advertising_protected": company.advertising_protected,
        "matched_unit": None
        if unit is None
        else {
            "p_number": unit.p_number,
            "name": unit.name,
            "address": _address(unit, member, personal),
            "municipality_code": unit.municipality_code,
        },
        "score": round(hit.score, 3),
    }
    if not member:
        return schemas.Company(**data)
    profile = profiles.get(company.pk)
    return schemas.MemberCompany(
        **data,
        kept_by_municipality=company.kept_by_id is not None,
        key_account_owner=str(profile.key_account_owner)
        if profile and profile.key_account_owner
        else None,
        note=profile.note if profile else "",
    )


@api.get(
    "/companies",
    response=list_responses(schemas.MemberCompany | schemas.Company),
    operation_id="search_companies",
    tags=["Virksomheder"],
    summary="Søg virksomheder i en kommune",
    description=(
        "Virksomheder med adresse eller produktionsenhed i kommunen efter CVR-registret, bedste "
        "match først: et CVR- eller P-nummer (eller begyndelsen af et) finder virksomheden "
        "direkte, ellers sammenlignes navn og adresse, så stavefejl tåles. Uden login eller for "
        "brugere fra andre kommuner: kun registrets virksomheder, og uden adresse for personligt "
        "ejede virksomheder. For kommunens egne brugere også kommunens egne virksomheder, "
        "virksomhedsansvarlig og note."
    ),
)
def list_companies(
    request,
    municipality: Query[str, MUNICIPALITY_PARAM],
    q: Query[str, QUERY_PARAM],
    limit: Query[int, LIMIT_PARAM] = 20,
):
    place = _municipality(municipality)
    member = _is_member(request, place)
    hits = search_companies(q, municipality=place, limit=limit, with_own_firms=member)
    profiles = {}
    if member and hits:
        profiles = {
            profile.company_id: profile
            for profile in CompanyProfile.objects.of_municipality(place)
            .filter(company__in=[hit.company.pk for hit in hits])
            .select_related("key_account_owner")
        }
    return [_company(hit, member, profiles) for hit in hits]
