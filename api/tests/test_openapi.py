import pytest


@pytest.fixture
def openapi(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


@pytest.mark.django_db
def test_openapi_lists_every_endpoint(openapi):
    assert sorted(openapi["paths"]) == [
        "/api/v1/activities",
        "/api/v1/companies",
        "/api/v1/goals",
        "/api/v1/inquiries/figures",
        "/api/v1/inquiries/open",
        "/api/v1/municipalities",
        "/api/v1/plans",
    ]


@pytest.mark.django_db
def test_openapi_describes_title_and_version(openapi):
    assert (openapi["info"]["title"], openapi["info"]["version"]) == ("Kurs API", "1")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "schemas"),
    [
        ("/api/v1/municipalities", {"$ref": "#/components/schemas/Municipality"}),
        (
            "/api/v1/activities",
            {
                "anyOf": [
                    {"$ref": "#/components/schemas/MemberActivity"},
                    {"$ref": "#/components/schemas/Activity"},
                ]
            },
        ),
        (
            "/api/v1/goals",
            {
                "anyOf": [
                    {"$ref": "#/components/schemas/MemberGoal"},
                    {"$ref": "#/components/schemas/Goal"},
                ]
            },
        ),
        (
            "/api/v1/plans",
            {
                "anyOf": [
                    {"$ref": "#/components/schemas/MemberPlan"},
                    {"$ref": "#/components/schemas/Plan"},
                ]
            },
        ),
    ],
)
def test_each_endpoint_has_a_described_list_response(openapi, path, schemas):
    operation = openapi["paths"][path]["get"]

    response_schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert response_schema["items"] == schemas
    assert operation["description"] != ""


@pytest.mark.django_db
def test_only_member_goal_schema_has_internal_note(openapi):
    schemas = openapi["components"]["schemas"]

    assert "internal_note" not in schemas["Goal"]["properties"]
    assert "internal_note" in schemas["MemberGoal"]["required"]


@pytest.mark.django_db
def test_every_goal_field_is_described(openapi):
    properties = openapi["components"]["schemas"]["Goal"]["properties"]

    undescribed = [name for name, field in properties.items() if not field.get("description")]

    assert undescribed == ["id"]


@pytest.mark.django_db
def test_docs_page_with_cdn_assets_is_not_served(client):
    response = client.get("/api/v1/docs")

    assert response.status_code == 404


MEMBER_ACTIVITY_FIELDS = {"owner", "budget", "spent", "hours", "latest_update"}


@pytest.mark.django_db
def test_only_member_activity_schema_has_owner_budget_and_updates(openapi):
    schemas = openapi["components"]["schemas"]

    assert not MEMBER_ACTIVITY_FIELDS & set(schemas["Activity"]["properties"])
    assert set(schemas["MemberActivity"]["required"]) >= MEMBER_ACTIVITY_FIELDS


@pytest.mark.django_db
def test_every_activity_field_is_described(openapi):
    properties = openapi["components"]["schemas"]["MemberActivity"]["properties"]

    undescribed = [name for name, field in properties.items() if not field.get("description")]

    assert undescribed == ["id"]


@pytest.mark.django_db
def test_activities_take_municipality_an_optional_plan_and_a_page(openapi):
    parameters = openapi["paths"]["/api/v1/activities"]["get"]["parameters"]

    assert [(p["name"], p["required"]) for p in parameters] == [
        ("municipality", True),
        ("plan", False),
        ("limit", False),
        ("offset", False),
    ]
    limit = parameters[2]["schema"]
    assert (limit["default"], limit["minimum"], limit["maximum"]) == (100, 1, 500)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/plans", "/api/v1/goals", "/api/v1/activities"])
def test_each_endpoint_describes_its_422_for_a_missing_or_bad_parameter(openapi, path):
    response = openapi["paths"][path]["get"]["responses"]["422"]

    schema = response["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/ValidationError"}


@pytest.mark.django_db
def test_the_described_422_is_what_the_api_answers(client, openapi):
    response = client.get("/api/v1/goals")

    assert response.status_code == 422
    described = openapi["components"]["schemas"]["InvalidParameter"]["properties"]
    assert set(response.json()["detail"][0]) == set(described)
