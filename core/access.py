"""Who may open each address: every URL pattern of Kurs declares one access rule, beside its view.

How a view declares its rule:
- `core.scoping.member_required` (`Rule.MEMBER_READ`) and `core.scoping.editor_required`
  (`Rule.MEMBER_EDIT`) record the rule they enforce themselves, so it cannot drift from what the
  view does. Most views need nothing else.
- Any other view says it with `@access(Rule.…)` beside the check it makes; a class-based view on
  its class.
- Addresses a framework generates, whose views are not ours (the admin, the read API, Django's
  language switch), are declared where they are included: `declare(Rule.…, path(…))`. The rule
  then holds for every pattern of the include; one of them can still declare its own.

`core/tests/test_permission_matrix.py` walks the URL configuration (`routes`), fails on a pattern
without a rule, and checks each rule's promise below for anonymous users, staff, a committee
reader and an administrator of the municipality, and staff of another municipality. A new rule
needs its expectations there (`expected`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


class Rule(enum.Enum):
    """What a rule promises. The checks are made by the views, through `core.scoping` (and the
    admin by `core.admin`); declaring a rule checks nothing, the permission matrix does."""

    PUBLIC = "anyone, logged in or not"
    LOGIN = "any logged-in user; anonymous users are sent to log in"
    MEMBER_READ = (
        "the municipality's members, whatever their role; others get 404 as if nothing were "
        "there, anonymous users are sent to log in"
    )
    MEMBER_EDIT = (
        "the municipality's staff and administrators; a committee reader gets 403, others as "
        "MEMBER_READ"
    )
    PUBLIC_WHEN_ADOPTED = (
        "anyone once the plan is adopted; before, the municipality's members only, and 404 for "
        "everybody else, anonymous users too (a calendar client cannot log in)"
    )
    ADOPTED_ONLY = (
        "anyone, for an adopted plan and its goals; a draft is not found, whoever asks, members "
        "too (the public pages show what was adopted, the members' pages the rest)"
    )
    MEMBERS_ONLY = (
        "the municipality's members, whatever their role; everybody else gets 404, anonymous "
        "users too (an API client is not sent to log in)"
    )
    UNUSED = "serves nothing: 404 for everyone (a name that other addresses are built from)"
    ADMIN_SITE = (
        "the Django admin: superusers and municipal administrators, each model admin deciding "
        "what an administrator may do with the rows of their own municipalities; everybody else "
        "is sent to the admin's login"
    )


def access(rule: Rule):
    """Declare `rule` on a view function or a class-based view (a decorator)."""

    def declared(view):
        view.access_rule = rule
        return view

    return declared


def declare(rule: Rule, url: URLPattern | URLResolver) -> URLPattern | URLResolver:
    """Declare `rule` for a URL pattern, or for every pattern of an include, and return it."""
    url.access_rule = rule
    return url


def _declared(obj) -> Rule | None:
    return getattr(obj, "access_rule", None)


@dataclass(frozen=True)
class Route:
    """One URL pattern of the project, with the includes it sits in, outermost first."""

    includes: tuple[URLResolver, ...]
    pattern: URLPattern

    def __str__(self) -> str:
        return "".join(str(url.pattern) for url in (*self.includes, self.pattern)) or "/"

    @property
    def rule(self) -> Rule | None:
        """The rule of the view (function or class), else of the pattern, else of the nearest
        include that declares one."""
        callback = self.pattern.callback
        candidates = (
            callback,
            getattr(callback, "view_class", None),
            self.pattern,
            *reversed(self.includes),
        )
        return next((_declared(c) for c in candidates if _declared(c) is not None), None)


def routes(resolver: URLResolver | None = None, includes=()) -> Iterator[Route]:
    """Every URL pattern of the project, read from the URL configuration, in its order."""
    for url in (resolver or get_resolver()).url_patterns:
        if isinstance(url, URLResolver):
            yield from routes(url, (*includes, url))
        else:
            yield Route(includes, url)
