from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from core.models import Membership


@login_required
def home(request):
    """Send a member of one municipality straight to its dashboard; others choose."""
    memberships = list(Membership.objects.filter(user=request.user).select_related("municipality"))
    if len(memberships) == 1:
        return redirect("strategy:dashboard", code=memberships[0].municipality.code)
    return render(request, "core/home.html", {"memberships": memberships})
