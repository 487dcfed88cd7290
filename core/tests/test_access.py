"""Where a URL pattern's access rule is read from (`core.access`): the permission matrix
(`test_permission_matrix.py`) relies on it to tell a pattern without a rule."""

from django.http import HttpResponse
from django.urls import URLResolver, include, path
from django.urls.resolvers import RegexPattern
from django.views import View

from core.access import Rule, access, declare, routes
from core.scoping import editor_required, member_required


def bare(request):
    return HttpResponse()


@access(Rule.PUBLIC)
class PublicPage(View):
    pass


def rules_of(urlpatterns) -> dict[str, Rule | None]:
    """The rule of each pattern of a URL configuration made of `urlpatterns`."""
    root = URLResolver(RegexPattern(r""), urlpatterns)
    return {str(route): route.rule for route in routes(root)}


def test_a_view_without_a_declaration_has_no_rule():
    assert rules_of([path("x/", bare)]) == {"x/": None}


def test_the_member_decorators_declare_the_rule_they_enforce():
    urlpatterns = [
        path("read/", member_required(bare)),
        path("edit/", editor_required(bare)),
    ]

    assert rules_of(urlpatterns) == {"read/": Rule.MEMBER_READ, "edit/": Rule.MEMBER_EDIT}


def test_a_class_based_view_declares_its_rule_on_its_class():
    assert rules_of([path("page/", PublicPage.as_view())]) == {"page/": Rule.PUBLIC}


def test_an_include_declares_the_rule_of_its_patterns_unless_a_view_declares_its_own():
    included = [path("a/", bare), path("b/", member_required(bare))]

    rules = rules_of([declare(Rule.PUBLIC, path("i/", include(included)))])

    assert rules == {"i/a/": Rule.PUBLIC, "i/b/": Rule.MEMBER_READ}


def test_a_pattern_declared_in_an_include_keeps_its_own_rule():
    included = [declare(Rule.UNUSED, path("", bare)), path("a/", bare)]

    rules = rules_of([declare(Rule.PUBLIC, path("i/", include(included)))])

    assert rules == {"i/": Rule.UNUSED, "i/a/": Rule.PUBLIC}
