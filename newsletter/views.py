"""The newsletter's pages.

Public, no login (`/k/<code>/erhverv/nyhedsbrev/…`): the sign-up, the page after it, the
confirmation and the unsubscribe page. The confirmation link opens a page with one button that
POSTs: mail scanners and link previews fetch every link in a mail with GET, and a link that
confirmed on GET would put on the list an address whose owner never clicked (double opt-in would
prove nothing). One click on the button is the person's own act. Unsubscribing is the other way
round: a POST to the link unsubscribes at once without a CSRF token (RFC 8058 one-click, sent by
mail programs; the random key in the link is the authentication), and a GET shows a page with
the button.

Members: the overview of lists and issues, an issue (preview, send, progress, resume) and
writing an issue. What is held on an e-mail address is looked up, exported and erased on the
municipality's one personal-data page (`core.personal_data`).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import ratelimit
from core.access import Rule, access
from core.forms import save_form
from core.htmx import render_partial_or_page
from core.lockout import client_ip
from core.models import Municipality
from core.scoping import editor_required, member_object_or_404, member_required
from newsletter import queries, services
from newsletter.forms import IssueForm, SignUpForm
from newsletter.models import ConsentText, Issue

SIGNUP_LIMIT = (10, 600)


def _public_municipality(code: str) -> Municipality:
    return get_object_or_404(Municipality, code=code)


# Public pages (never cached: they carry CSRF tokens and one-time links)


@access(Rule.PUBLIC)
@never_cache
@require_http_methods(["GET", "POST"])
def signup(request, code):
    """The sign-up form of the municipality's public lists (`?liste=<slug>` for one of them)."""
    municipality = _public_municipality(code)
    lists = list(queries.public_lists(municipality))
    chosen = request.GET.get("liste", "")[:50]
    if chosen:
        lists = [mailing_list for mailing_list in lists if mailing_list.slug == chosen] or lists
    consents = {mailing_list.pk: services.current_consent(mailing_list) for mailing_list in lists}
    status = 200
    if request.method == "POST" and lists:
        form = SignUpForm(request.POST, lists=lists)
        limit, window = SIGNUP_LIMIT
        if not ratelimit.allow(request, scope="newsletter-signup", limit=limit, window=window):
            form.is_valid()
            form.add_error(
                None, _("Der er sendt for mange tilmeldinger fra din adresse. Prøv igen om lidt.")
            )
            status = 429
        else:
            status = save_form(form, lambda: _sign_up(request, form))
            if status is None:
                return redirect("newsletter:thanks", code=municipality.code)
    else:
        form = SignUpForm(lists=lists)
        if len(lists) == 1:
            form.initial["consent_version"] = consents[lists[0].pk].version
    return render(
        request,
        "newsletter/signup.html",
        {
            "municipality": municipality,
            "form": form,
            "lists": lists,
            "consents": [consents[mailing_list.pk] for mailing_list in lists],
        },
        status=status,
    )


def _sign_up(request, form) -> None:
    mailing_list = form.cleaned_data["mailing_list"]
    # The page showed the version in the form (one list), or each list's current text (several).
    consent = ConsentText.objects.filter(
        mailing_list=mailing_list, version=form.cleaned_data["consent_version"] or 0
    ).first() or services.current_consent(mailing_list)
    services.sign_up(
        mailing_list=mailing_list,
        email=form.cleaned_data["email"],
        name=form.cleaned_data["name"],
        company_name=form.cleaned_data["company_name"],
        consent=consent,
        ip=client_ip(request),
        page=request.build_absolute_uri(),
    )


@access(Rule.PUBLIC)
@never_cache
@require_GET
def thanks(request, code):
    """The same page whatever the address: it never tells whether it was on the list."""
    municipality = _public_municipality(code)
    return render(request, "newsletter/thanks.html", {"municipality": municipality})


@access(Rule.PUBLIC)
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, code):
    """GET: the page with the one button; POST: confirm (see the module doc)."""
    municipality = _public_municipality(code)
    token = (request.POST.get("t") or request.GET.get("t") or "")[:100]
    if request.method == "POST":
        subscriber = services.confirm(municipality=municipality, token=token, ip=client_ip(request))
        if subscriber is not None:
            return render(
                request,
                "newsletter/confirmed.html",
                {"municipality": municipality, "subscriber": subscriber},
            )
        pending = None
    else:
        pending = services.pending_by_token(municipality, token)
    return render(
        request,
        "newsletter/confirm.html",
        {"municipality": municipality, "pending": pending, "token": token},
        # A used, expired or forged link: the page says so (not 404: the person needs words).
        status=200 if pending else 400,
    )


@access(Rule.PUBLIC)
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, code):
    """POST unsubscribes at once (RFC 8058 one-click; the key authenticates); GET asks."""
    municipality = _public_municipality(code)
    key = (request.GET.get("t") or request.POST.get("t") or "")[:64]
    subscriber = services.subscriber_by_key(municipality, key)
    done = False
    if subscriber is not None and request.method == "POST":
        services.unsubscribe(subscriber=subscriber)
        done = True
    return render(
        request,
        "newsletter/unsubscribe.html",
        {"municipality": municipality, "subscriber": subscriber, "done": done, "key": key},
        status=200 if subscriber else 400,
    )


# Members' pages


@member_required
@require_GET
def overview(request, member):
    return render(
        request,
        "newsletter/overview.html",
        {
            "member": member,
            "nav": "newsletter",
            "lists": queries.lists_with_counts(member.municipality),
            "issues": queries.issues(member.municipality),
        },
    )


@editor_required
@require_http_methods(["GET", "POST"])
def issue_create(request, member):
    form = IssueForm(request.POST or None, municipality=member.municipality)
    status = 200
    if request.method == "POST":
        created = {}

        def save():
            created["issue"] = services.create_issue(
                mailing_list=form.cleaned_data["mailing_list"],
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                user=request.user,
            )

        status = save_form(form, save)
        if status is None:
            return redirect(
                "newsletter:issue",
                code=member.municipality.code,
                newsletter_issue_id=created["issue"].pk,
            )
    return render(
        request,
        "newsletter/issue_form.html",
        {"member": member, "nav": "newsletter", "form": form, "issue": None},
        status=status,
    )


def _issue(member, issue_id) -> Issue:
    return member_object_or_404(
        Issue.objects.select_related("mailing_list__municipality", "created_by", "sent_by"),
        member,
        pk=issue_id,
    )


@editor_required
@require_http_methods(["GET", "POST"])
def issue_edit(request, member, newsletter_issue_id):
    issue = _issue(member, newsletter_issue_id)
    if not issue.is_draft:
        messages.error(request, _("Udgaven er sendt og kan ikke ændres."))
        return redirect(
            "newsletter:issue", code=member.municipality.code, newsletter_issue_id=issue.pk
        )
    form = IssueForm(
        request.POST or None,
        instance=issue,
        municipality=member.municipality,
        initial={"version": issue.version},
    )
    status = 200
    if request.method == "POST":
        status = save_form(
            form,
            lambda: services.update_issue(
                issue=issue,
                expected_version=form.cleaned_data["version"] or 0,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
            ),
        )
        if status is None:
            return redirect(
                "newsletter:issue", code=member.municipality.code, newsletter_issue_id=issue.pk
            )
    return render(
        request,
        "newsletter/issue_form.html",
        {"member": member, "nav": "newsletter", "form": form, "issue": issue},
        status=status,
    )


def _issue_context(member, issue) -> dict:
    return {
        "member": member,
        "nav": "newsletter",
        "issue": issue,
        "progress": queries.progress(issue),
        "problems": queries.problems(issue) if member.can_edit else [],
        # Before sending: how many confirmed subscribers it goes to (contact persons come on top).
        "recipients": queries.confirmed_count(issue.mailing_list) if issue.is_draft else 0,
    }


@member_required
@require_GET
def issue_detail(request, member, newsletter_issue_id):
    """The issue: its preview (the sanitised body, as sent), and its sending with progress."""
    issue = _issue(member, newsletter_issue_id)
    return render(request, "newsletter/issue_detail.html", _issue_context(member, issue))


@member_required
@require_GET
def issue_progress(request, member, newsletter_issue_id):
    """The progress part of the issue page, polled by htmx while the issue is being sent."""
    issue = _issue(member, newsletter_issue_id)
    return render_partial_or_page(
        request,
        partial="newsletter/_progress.html",
        page="newsletter/issue_detail.html",
        context=_issue_context(member, issue),
    )


@editor_required
@require_POST
def issue_send(request, member, newsletter_issue_id):
    issue = _issue(member, newsletter_issue_id)
    try:
        count = services.start_send(issue=issue, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("Afsendelsen er startet til %(count)s modtagere.") % {"count": count}
        )
    return redirect("newsletter:issue", code=member.municipality.code, newsletter_issue_id=issue.pk)


@editor_required
@require_POST
def issue_resume(request, member, newsletter_issue_id):
    issue = _issue(member, newsletter_issue_id)
    try:
        services.resume_send(issue=issue)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Afsendelsen fortsætter."))
    return redirect("newsletter:issue", code=member.municipality.code, newsletter_issue_id=issue.pk)
