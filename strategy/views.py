from django.shortcuts import render

from core.scoping import member_required


@member_required
def dashboard(request, member):
    return render(request, "strategy/dashboard.html", {"member": member})
