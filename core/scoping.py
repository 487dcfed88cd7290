"""The one place that decides which municipality's data a user may see and change.

Views never filter by municipality by hand: they take the member from `member_required` (or
`editor_required` for a view that changes data), fetch rows with `member_object_or_404` or a
model's `objects.of_municipality(...)` (`core.models.ScopedQuerySet`), use
`visible_municipality_ids` for lists across municipalities (the API), and call `require_editor`
before a change that a view makes beside reading. An outsider gets 404, as if the data did not
exist; a committee reader who tries to change something gets 403. The two decorators declare the
rule they enforce (`core.access`), which the permission matrix test checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.access import Rule, access
from core.enums import Role
from core.models import Membership, Municipality


@dataclass(frozen=True)
class MemberContext:
    municipality: Municipality
    membership: Membership

    @property
    def can_edit(self) -> bool:
        return self.membership.can_edit


def membership_for(user, municipality: Municipality) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, municipality=municipality).first()


def visible_municipality_ids(user) -> set[int]:
    """Ids of the municipalities whose internal data `user` may read."""
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.filter(user=user).values_list("municipality_id", flat=True))


def administered_municipality_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(user=user, role=Role.ADMINISTRATOR).values_list(
            "municipality_id", flat=True
        )
    )


def member_context(user, code: str) -> MemberContext:
    """The municipality `code` with the user's membership, or 404 for anyone not a member (an
    unknown code and someone else's municipality look the same). One query."""
    membership = (
        Membership.objects.select_related("municipality")
        .filter(user=user, municipality__code=code)
        .first()
        if user.is_authenticated
        else None
    )
    if membership is None:
        raise Http404
    return MemberContext(membership.municipality, membership)


def member_object_or_404(queryset, member: MemberContext, **lookups):
    """The one row of `queryset` in the member's municipality matching `lookups`, or 404.

    `queryset` is a model's scoped queryset (or the model itself), already narrowed or shaped
    for the page (`select_related`, annotations); the municipality filter is added here."""
    if not hasattr(queryset, "of_municipality"):
        queryset = queryset.objects.all()
    return get_object_or_404(queryset.of_municipality(member.municipality), **lookups)


def public_or_member_object_or_404(queryset, user, code: str, **lookups):
    """The municipality `code` and its row of `queryset` matching `lookups`, for anyone once the
    row is public (`is_public`: an adopted plan), for the municipality's members only before;
    everybody else gets 404, as if it did not exist (`Rule.PUBLIC_WHEN_ADOPTED`)."""
    municipality = get_object_or_404(Municipality, code=code)
    if not hasattr(queryset, "of_municipality"):
        queryset = queryset.objects.all()
    row = get_object_or_404(queryset.of_municipality(municipality), **lookups)
    if not row.is_public and membership_for(user, municipality) is None:
        raise Http404
    return municipality, row


def require_editor(context: MemberContext) -> None:
    if not context.can_edit:
        raise PermissionDenied


def member_required(view):
    """Decorate a view taking `code`: logs in, resolves the membership, passes it as `member`.

    Declares `Rule.MEMBER_READ`."""
    return _member_view(view, Rule.MEMBER_READ)


def editor_required(view):
    """`member_required` for a view that changes data: a committee reader gets 403 before
    anything is looked up. Declares `Rule.MEMBER_EDIT`."""
    return _member_view(view, Rule.MEMBER_EDIT)


def _member_view(view, rule: Rule):
    @login_required
    @wraps(view)
    def wrapped(request, code, *args, **kwargs):
        member = member_context(request.user, code)
        if rule is Rule.MEMBER_EDIT:
            require_editor(member)
        return view(request, *args, member=member, **kwargs)

    return access(rule)(wrapped)
