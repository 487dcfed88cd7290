from core.models import Membership


def memberships(request):
    """The user's municipalities, for the header's switcher."""
    if not request.user.is_authenticated:
        return {"user_memberships": []}
    return {
        "user_memberships": Membership.objects.filter(user=request.user)
        .select_related("municipality")
        .order_by("municipality__name")
    }
