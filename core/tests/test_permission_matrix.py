"""The permission matrix: every URL pattern of the project, read from the URL configuration,
opened by anonymous users, staff, a committee reader and an administrator of Albertslund (165)
and staff of Ballerup (151, the outsider), by GET and by POST with an empty body, answers as the
rule it declares (`core.access`) promises.

Besides the rule's own answer, for every request:
- another municipality's row reached by id through Albertslund's address is answered exactly like
  an id that does not exist, so an address never tells whether a row exists elsewhere;
- no answer shows a user text of a municipality they are not a member of: Ballerup's rows and
  Albertslund's internal texts (drafts, internal notes, status updates, owners' names) carry a
  marker that is looked for in every answer;
- a request the rule refuses changes nothing in the database.

A pattern without a rule, or with a parameter the matrix cannot fill, fails with its name. The
municipalities, rows and visitors are built in `permission_world.py`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields
from urllib.parse import parse_qs, urlsplit

import pytest
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.db import models, transaction
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import Resolver404, path, resolve, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.regex_helper import normalize

from core.access import Route, Rule, routes
from core.admin import admin_site
from core.enums import Role
from core.tests.permission_world import (
    HOME,
    OTHER,
    Rows,
    Visitor,
    World,
    build_municipality,
    marker,
)
from inquiries import satisfaction

MISSING_ID = 987654321


@pytest.fixture(scope="module")
def world_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """The world, built once for the module inside a transaction that is rolled back after it."""
    media = tmp_path_factory.mktemp("matrix-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        home_users, adopted, draft = build_municipality(HOME, "Albertslund", all_marked=False)
        other_users, foreign, _ = build_municipality(OTHER, "Ballerup", all_marked=True)
        visitors = [
            Visitor.of("anonymous", None),
            Visitor.of("staff", home_users[Role.STAFF]),
            Visitor.of("committee reader", home_users[Role.COMMITTEE_READER]),
            Visitor.of("administrator", home_users[Role.ADMINISTRATOR]),
            Visitor.of("outsider", other_users[Role.STAFF]),
        ]
        yield World(media, visitors, adopted, draft, foreign)
        transaction.set_rollback(True)


@pytest.fixture
def world(world_module, db, settings):
    settings.MEDIA_ROOT = world_module.media
    # A page that fetches from Statistics Denmark meets a closed port at once, not the internet.
    settings.STATBANK_URL = "http://127.0.0.1:9/"
    return world_module


# Cases: whose rows an address names.


class Case(enum.Enum):
    NO_IDS = "no ids"
    ADOPTED = "Albertslund's adopted plan"
    DRAFT = "Albertslund's draft"
    FOREIGN = "Ballerup's rows under Albertslund's address"
    MISSING = "ids no row has"

    @property
    def hides(self) -> bool:
        """Whether the address names rows that, for Albertslund's pages, do not exist."""
        return self in (Case.FOREIGN, Case.MISSING)


ROW_PARAMETERS = {f"{row.name}_id": row.name for row in fields(Rows) if row.name != "admin"}
# The admin's ids of a row: `object_id`, the user admin's `id`, and simple-history's unnamed two.
ADMIN_PARAMETERS = {"object_id", "id", "_0", "_1"}
ID_PARAMETERS = ROW_PARAMETERS.keys() | ADMIN_PARAMETERS


def _admin_model(route: Route) -> type[models.Model] | None:
    """The model whose admin serves `route`: the admin mounts each at <app_label>/<model>/."""
    text = str(route)
    for model in admin_site._registry:
        if text.startswith(f"admin/{model._meta.app_label}/{model._meta.model_name}/"):
            return model
    return None


def _row_id(rows: Rows | None, name: str, route: Route):
    if rows is None:
        return MISSING_ID
    if name in ROW_PARAMETERS:
        return getattr(rows, ROW_PARAMETERS[name]).pk
    model = _admin_model(route)
    if model not in rows.admin:
        pytest.fail(
            f"{route}: the permission matrix has no {model} row; add one to build_municipality "
            "(core/tests/permission_world.py)"
        )
    row = rows.admin[model]
    if name == "_1":
        # simple-history's page of one version: the row's id (`_0`), then the version's.
        return row.history.latest().history_id
    return row.pk


def parameter(name: str, route: Route, case: Case, world: World):
    """The value the matrix puts for `name` in `route`'s address in `case`."""
    rows = {
        Case.NO_IDS: None,
        Case.ADOPTED: world.adopted,
        Case.DRAFT: world.draft,
        Case.FOREIGN: world.foreign,
        Case.MISSING: None,
    }[case]
    if name == "code":
        return HOME
    if name in ID_PARAMETERS:
        return _row_id(rows, name, route)
    if name in ("uidb64", "token"):
        staff = world.visitor("staff").user
        if name == "uidb64":
            return urlsafe_base64_encode(force_bytes(staff.pk))
        return default_token_generator.make_token(staff)
    words = getattr(route.pattern.pattern.converters.get(name), "words", ())
    if words:
        # A segment that is one of a few fixed words (a report's table or chart, a format).
        return words[0]
    if name == "answer":
        # A satisfaction link's signed answer about Albertslund's closed inquiry.
        return satisfaction.token_for(world.adopted.inquiry.pk, True)
    if name == "app_label":
        return "strategy"
    if name == "url":
        # The admin's catch-all: an address of the admin without its final slash.
        return "strategy/plan"
    pytest.fail(
        f"{route}: the permission matrix cannot fill the parameter <{name}>; add the row to "
        "Rows and build_municipality (core/tests/permission_world.py), or the parameter to "
        "parameter() in core/tests/test_permission_matrix.py"
    )


def parameters_of(route: Route) -> list[str]:
    return [
        name
        for url in (*route.includes, route.pattern)
        for name in normalize(url.pattern.regex.pattern)[0][1]
    ]


def address(route: Route, case: Case, world: World) -> str:
    """`route`'s address with its parameters filled for `case`, checked to resolve to it."""
    parts = []
    for url in (*route.includes, route.pattern):
        template, names = normalize(url.pattern.regex.pattern)[0]
        converters = getattr(url.pattern, "converters", {})
        values = {}
        for name in names:
            value = parameter(name, route, case, world)
            converter = converters.get(name)
            values[name] = converter.to_url(value) if converter else str(value)
        parts.append(template % values)
    result = "/" + "".join(parts)
    assert resolve(result).func == route.pattern.callback, (
        f"{route}: the address {result} made for it resolves to another view"
    )
    if any(url.namespace == "api" for url in route.includes):
        # The read API takes the municipality from the query string.
        result += f"?municipality={HOME}"
    return result


def cases_of(route: Route) -> list[Case]:
    if ID_PARAMETERS.isdisjoint(parameters_of(route)):
        return [Case.NO_IDS]
    return [Case.ADOPTED, Case.DRAFT, Case.FOREIGN, Case.MISSING]


# Answers


class Outcome(enum.Enum):
    ALLOWED = "allowed"
    # A form refused after access was granted: the view takes the POST as a change.
    FORM_ERROR = "a form error (400, 409 or 422)"
    LOGIN = "sent to log in"
    NOT_FOUND = "not found"
    FORBIDDEN = "403"
    METHOD_NOT_ALLOWED = "405"


FORM_ERRORS = {400, 409, 422}
REDIRECTS = {301, 302, 303, 307, 308}


@dataclass
class Answer:
    outcome: Outcome | str  # a status the matrix has no name for, e.g. "HTTP 500"
    bodies: list[bytes] = field(default_factory=list)


def described(outcome: Outcome | str) -> str:
    return outcome.value if isinstance(outcome, Outcome) else outcome


def _body(response) -> bytes:
    # The test client closes a streamed response (a plan document) once it is read to the end.
    return b"".join(response.streaming_content) if response.streaming else response.content


def _rule_at(path: str) -> Rule | None:
    try:
        view = resolve(path).func
    except Resolver404:
        return None
    return next((route.rule for route in ROUTES if route.pattern.callback == view), None)


def open_address(client: Client, method: str, url: str, rule: Rule) -> Answer:
    """Send the request and follow its redirects to the answer the user ends up with.

    A redirect to an address under another rule is the answer itself (that address is checked
    on its own): after a change of language, the home page asks anonymous users to log in."""
    login_pages = {reverse("login"), reverse("admin:login")}
    admin_index = reverse("admin:index")
    response = getattr(client, method)(url)
    bodies = [_body(response)]
    for _hop in range(5):
        if response.status_code not in REDIRECTS:
            break
        came_from = response.wsgi_request.path
        location = urlsplit(response["Location"])
        if location.path in login_pages and "next" in parse_qs(location.query):
            return Answer(Outcome.LOGIN, bodies)
        if location.path == admin_index and came_from not in (
            reverse("admin:login"),
            reverse("admin:logout"),
        ):
            # The admin answers an id it cannot show by sending the user to its index with a
            # warning, instead of with a 404.
            return Answer(Outcome.NOT_FOUND, bodies)
        if _rule_at(location.path) is not rule:
            return Answer(Outcome.ALLOWED, bodies)
        response = client.get(response["Location"])
        bodies.append(_body(response))
    status = response.status_code
    if status < 300:
        return Answer(Outcome.ALLOWED, bodies)
    known = {
        **dict.fromkeys(FORM_ERRORS, Outcome.FORM_ERROR),
        404: Outcome.NOT_FOUND,
        403: Outcome.FORBIDDEN,
        405: Outcome.METHOD_NOT_ALLOWED,
    }
    return Answer(known.get(status, f"HTTP {status}"), bodies)


# What each rule promises


# What a user let in may get: a read-only rule's views answer a POST as a GET or refuse it (405);
# a form error would mean the view takes it as a change, which a read-only rule does not allow.
READ = {Outcome.ALLOWED}
CHANGE = {Outcome.ALLOWED, Outcome.FORM_ERROR}


def expected(rule: Rule, visitor: Visitor, case: Case) -> set[Outcome]:
    role = visitor.role
    if rule is Rule.PUBLIC:
        return CHANGE
    if rule is Rule.LOGIN:
        return {Outcome.LOGIN} if visitor.user is None else CHANGE
    if rule is Rule.UNUSED:
        return {Outcome.NOT_FOUND}
    if rule is Rule.ADOPTED_ONLY:
        return {Outcome.NOT_FOUND} if case.hides or case is Case.DRAFT else READ
    if rule is Rule.MEMBERS_ONLY:
        return READ if role is not None and not case.hides else {Outcome.NOT_FOUND}
    if rule in (Rule.MEMBER_READ, Rule.MEMBER_EDIT):
        if visitor.user is None:
            return {Outcome.LOGIN}
        if role is None:
            return {Outcome.NOT_FOUND}
        if rule is Rule.MEMBER_EDIT and role == Role.COMMITTEE_READER:
            return {Outcome.FORBIDDEN}
        if case.hides:
            return {Outcome.NOT_FOUND}
        return CHANGE if rule is Rule.MEMBER_EDIT else READ
    if rule is Rule.PUBLIC_WHEN_ADOPTED:
        if case.hides or (case is Case.DRAFT and role is None):
            return {Outcome.NOT_FOUND}
        return READ
    if rule is Rule.ADMIN_SITE:
        if role != Role.ADMINISTRATOR:
            return {Outcome.LOGIN}
        # Each model admin decides what an administrator may do (`has_*_permission`, checked
        # in test_admin_scoping): a closed action is a 403, whosever the row.
        return ({Outcome.NOT_FOUND} if case.hides else CHANGE) | {Outcome.FORBIDDEN}
    raise AssertionError(f"the matrix has no expectation for {rule}")


def database_rows() -> dict[str, list[dict]]:
    """Every row of every model but sessions and login attempts, which a request may touch."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models()
        if model._meta.app_label not in ("sessions", "axes")
    }


def leaked_markers(visitor: Visitor, bodies: list[bytes]) -> list[str]:
    return [
        marker(code)
        for code in (HOME, OTHER)
        if code not in visitor.member_of and any(marker(code).encode() in body for body in bodies)
    ]


ROUTES = list(routes())


@dataclass(frozen=True)
class Request:
    case: Case
    url: str
    visitor: Visitor
    method: str
    promised: frozenset[Outcome]

    def __str__(self) -> str:
        case = "" if self.case is Case.NO_IDS else f" ({self.case.value})"
        return f"{self.method.upper()} {self.url}{case} as {self.visitor.name}"

    @property
    def is_refused(self) -> bool:
        return self.promised.isdisjoint(CHANGE)


def requests_for(route: Route, world: World) -> list[Request]:
    """Every visitor's GET and POST in every case; a case whose address is another's is left out
    (an admin row that is the same for a draft)."""
    requests, urls = [], set()
    for case in cases_of(route):
        url = address(route, case, world)
        if url in urls:
            continue
        urls.add(url)
        for visitor in world.visitors:
            promised = frozenset(expected(route.rule, visitor, case))
            requests += [
                Request(case, url, visitor, method, promised) for method in ("get", "post")
            ]
    return requests


def check(request: Request, client: Client, rule: Rule, outcomes: dict) -> list[str]:
    request.visitor.log_in(client)
    answer = open_address(client, request.method, request.url, rule)
    outcomes[request.case, request.visitor.name, request.method] = answer.outcome
    problems = []
    if answer.outcome not in request.promised | {Outcome.METHOD_NOT_ALLOWED}:
        promised = " or ".join(sorted(map(described, request.promised)))
        problems.append(
            f"{request}: {described(answer.outcome)}, but {rule.name} promises {promised}"
        )
    if leaked := leaked_markers(request.visitor, answer.bodies):
        problems.append(f"{request}: shows {', '.join(leaked)}")
    return problems


def foreign_rows_told_apart(outcomes: dict) -> list[str]:
    return [
        f"{method.upper()} as {name}: Ballerup's row is answered {described(outcome)}, an id no "
        f"row has {described(outcomes[Case.MISSING, name, method])}, which tells that it exists"
        for (case, name, method), outcome in outcomes.items()
        if case is Case.FOREIGN and outcome != outcomes[Case.MISSING, name, method]
    ]


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_every_address_answers_as_its_declared_rule_promises(route, world):
    rule = route.rule
    assert rule is not None, (
        f"{route} declares no access rule: decorate its view with member_required or "
        "editor_required, or with core.access.access(Rule....) (see core/access.py)"
    )
    requests = requests_for(route, world)
    clients = {visitor.name: Client() for visitor in world.visitors}
    outcomes, problems = {}, []
    for request in requests:
        if not (request.is_refused and request.method == "post"):
            problems += check(request, clients[request.visitor.name], rule, outcomes)

    # The refused POSTs together, the database compared before and after them (once, not per
    # request, which would take most of the test's time).
    refused = [r for r in requests if r.is_refused and r.method == "post"]
    for visitor in world.visitors:
        visitor.log_in(clients[visitor.name])
    before = database_rows()
    for request in refused:
        problems += check(request, clients[request.visitor.name], rule, outcomes)
    if database_rows() != before:
        problems.append(
            "one of these refused POSTs changed the database: " + ", ".join(map(str, refused))
        )

    problems += foreign_rows_told_apart(outcomes)
    assert problems == [], f"{route} ({rule.name}):\n" + "\n".join(problems)


# The matrix's own parts can fail


def test_the_matrix_names_a_parameter_it_cannot_fill(world):
    route = Route((), path("<str:colour>/", lambda request, colour: HttpResponse()))

    with pytest.raises(pytest.fail.Exception, match="cannot fill the parameter <colour>"):
        address(route, Case.ADOPTED, world)


def test_members_see_the_marked_texts_the_matrix_looks_for_in_answers_to_others(world):
    staff, outsider = world.visitor("staff"), world.visitor("outsider")
    own, foreign = Client(), Client()
    own.force_login(staff.user)
    foreign.force_login(outsider.user)

    draft = own.get(f"/k/{HOME}/handleplaner/aktiviteter/{world.draft.activity.pk}/")
    ballerup = foreign.get(f"/k/{OTHER}/maal/{world.foreign.goal.pk}/")

    assert leaked_markers(outsider, [draft.content]) == [marker(HOME)]
    assert leaked_markers(staff, [ballerup.content]) == [marker(OTHER)]
