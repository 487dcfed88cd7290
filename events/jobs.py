"""Events' work as background jobs (django-q2): `expire_offers_job` lets lapsed offers expire
and offers their seats to the next people waiting. Schedule it, e.g. every 15 minutes, or run
`manage.py expire_event_offers`; both call `services.expire_offers`."""

from __future__ import annotations

import logging

from events import services

logger = logging.getLogger(__name__)


def expire_offers_job() -> int:
    """The job's entry point (a dotted path for `async_task` or a `Schedule`)."""
    expired = services.expire_offers()
    logger.info("Expired %s event offer(s)", expired)
    return expired
