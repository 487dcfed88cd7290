import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from core import personal_data as registry
from core.access import Rule, access
from core.forms import PersonalDataForm
from core.models import Membership
from core.scoping import editor_required, member_required


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


@editor_required
@require_http_methods(["GET", "POST"])
def personal_data(request, member):
    """Everything held on one e-mail address in every source (`core.personal_data`): shown,
    downloaded as JSON, or erased after a confirm step (all or nothing). The address is posted,
    never put in the page's address, so that it stays out of logs and history."""
    form = PersonalDataForm(request.POST or None)
    context = {"member": member, "nav": "dialogue", "form": form}
    if request.method == "GET":
        return render(request, "core/personal_data.html", context)
    if not form.is_valid():
        confirming = form.data.get("action") == "erase"
        return render(
            request, "core/personal_data.html", context | {"confirming": confirming}, status=400
        )
    municipality, email = member.municipality, form.cleaned_data["email"]
    action = form.cleaned_data["action"]
    if action == "erase":
        counts = registry.erased(registry.erase_all(municipality, email, user=request.user))
        summary = ", ".join(f"{source.label} {count}" for source, count in counts)
        messages.success(
            request,
            _("Alt om adressen er slettet. Rækker slettet eller anonymiseret: %(counts)s.")
            % {"counts": summary},
        )
        return redirect("personal_data", code=municipality.code)
    data = registry.export_all(municipality, email)
    if action == "json":
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="persondata.json"'
        return response
    context |= {"email": email, "held": registry.held(data), "confirming": action == "confirm"}
    return render(request, "core/personal_data.html", context)
