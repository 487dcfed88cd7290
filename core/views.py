from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.access import Rule, access
from core.models import Membership
from core.scoping import member_required


@access(Rule.LOGIN)
@login_required
def home(request):
    """Send a member of one municipality straight to its dashboard; others choose."""
    memberships = list(Membership.objects.filter(user=request.user).select_related("municipality"))
    if len(memberships) == 1:
        return redirect("strategy:dashboard", code=memberships[0].municipality.code)
    return render(request, "core/home.html", {"memberships": memberships})


@access(Rule.PUBLIC)
@require_safe
@never_cache
def healthz(request):
    """`ok` when the application server answers: for load balancers, and the benchmark's floor.

    No database, no session, no template. The view sets its own Cache-Control, so that
    `PrivatePagesMiddleware` does not ask for `request.user`, which would read the session from
    the database when the request carries a session cookie."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


@member_required
def dialogue(request, member):
    """The business dialogue in one place: the forum, events, newsletters, partners, tenders,
    media mentions and entrepreneur advice, each an app of its own, reached from one menu item."""
    return render(request, "core/dialogue.html", {"member": member, "nav": "dialogue"})
