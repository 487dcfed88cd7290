"""Login throttling: how django-axes counts failed logins in Kurs, and what a locked-out user sees.

The rules (limits and wait from the settings, defaults in brackets):

- One username from one address is locked after `LOGIN_FAILURE_LIMIT` [5] wrong passwords.
- One address is locked for every username after `LOGIN_ADDRESS_FAILURE_LIMIT` [20] wrong
  passwords in all, which stops one machine from trying a few passwords on many accounts. It is
  higher than the first limit because a town hall's staff often share one outgoing address.
- Failures count while they are younger than `LOGIN_COOLOFF_MINUTES` [15]; the lock lifts when
  enough of them have aged out. Attempts during the lock are refused without being counted, so
  the time the lockout page names holds.
- A successful login clears that username's failures from that address, and only those: logging
  in to one's own account must not wipe the count of guesses at other accounts.
- The address is `REMOTE_ADDR`; behind Kurs' reverse proxy (`BEHIND_PROXY`) it is the address the
  proxy saw, read from the right of `X-Forwarded-For`, so a client cannot choose it.

The limits are the same on /login/ and /admin/login/: both go through `authenticate()`.
"""

from __future__ import annotations

import ipaddress
import math
from datetime import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_failure_limit, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


def client_ip(request) -> str | None:
    """The address a login comes from (see the module docstring)."""
    remote = request.META.get("REMOTE_ADDR")
    if not settings.BEHIND_PROXY:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    # Each trusted proxy appends the address it saw; what the client sent stands to the left.
    if len(hops) < settings.PROXY_COUNT:
        return remote
    candidate = hops[-settings.PROXY_COUNT]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def _limit(parameters, account_limit: int) -> int:
    return settings.LOGIN_ADDRESS_FAILURE_LIMIT if parameters == "ip_address" else account_limit


class LoginFailureHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit for each lockout parameter set, not one for all."""

    def _failures_by_set(self, request, credentials):
        """For each set in AXES_LOCKOUT_PARAMETERS: its recent attempts as (time of the latest
        failure, failures) newest first, and the set's own limit."""
        account_limit = get_failure_limit(request, credentials)
        for parameters, attempts in zip(
            get_lockout_parameters(request, credentials),
            self.get_user_attempts(request, credentials),
            strict=True,
        ):
            rows = attempts.order_by("-attempt_time").values_list(
                "attempt_time", "failures_since_start"
            )
            yield list(rows), _limit(parameters, account_limit)

    def get_failures(self, request, credentials=None) -> int:
        """The failures of the set nearest its own limit, scaled to AXES_FAILURE_LIMIT.

        Axes compares this one number with AXES_FAILURE_LIMIT; scaling each set's count by
        AXES_FAILURE_LIMIT / its own limit makes that comparison apply each set's own limit.
        """
        account_limit = get_failure_limit(request, credentials)
        return max(
            (
                sum(failures for _, failures in rows) * account_limit // limit
                for rows, limit in self._failures_by_set(request, credentials)
            ),
            default=0,
        )

    def locked_until(self, request, credentials=None) -> datetime | None:
        """When the lock on this request lifts, or None when it is not locked."""
        cool_off = get_cool_off(request)
        until = None
        for rows, limit in self._failures_by_set(request, credentials):
            counted = 0
            for attempt_time, failures in rows:  # newest first
                counted += failures
                if counted >= limit:
                    # Once this attempt ages out, the newer ones alone are under the limit.
                    lifts = attempt_time + cool_off
                    until = lifts if until is None else max(until, lifts)
                    break
        return until

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        AccessAttempt.objects.filter(
            username=user.get_username(), ip_address=request.axes_ip_address
        ).delete()


def lockout_response(request, original_response=None, credentials=None):
    """The Danish page a locked-out user sees: when they may try again, and what else to do."""
    handler = AxesProxyHandler.get_implementation()
    now = timezone.now()
    until = handler.locked_until(request, credentials) or now + get_cool_off(request)
    response = render(request, "core/locked_out.html", {"until": until}, status=429)
    response["Retry-After"] = str(max(0, math.ceil((until - now).total_seconds())))
    return response
