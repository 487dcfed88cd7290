"""Newsletter sending throughput: `uv run python -m bench.newsletter`.

1. Starts a local SMTP sink (aiosmtpd, in a process of its own, so that it does not share the
   sender's interpreter) that accepts every mail and counts them.
2. Measures the sink's own ceiling: the same 10,000 mails Kurs would send (built beforehand with
   `newsletter.mail`, untimed), sent with plain `smtplib` over one connection, before and again
   after Kurs (the machine is shared). Kurs cannot send faster to this sink on this machine.
3. Measures Kurs in the database of `DATABASE_URL` (migrated first; PostgreSQL for a meaningful
   figure): 10,000 confirmed subscribers on a list of a municipality made for the run, one issue,
   `newsletter.services.start_send` (one delivery row per recipient) and then the job itself,
   `newsletter.sending.run`, in `--workers` processes (each with its own database and SMTP
   connections, as the queue's worker processes would be). Checks that the sink got each mail
   once and every row ended "sent", then deletes what it made.
4. Writes mails per second of both into bench/RESULTS.md, in its own section (between the
   `NEWSLETTER SENDING` markers), leaving the rest of the file as it is.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import smtplib
import sys
import time
from pathlib import Path

from bench.sections import NEWSLETTER_SENDING, RESULTS

BENCH_CODE = "998"  # a municipality code no real municipality has


# The sink


def _sink(port: int, ready, stop, counted) -> None:
    from aiosmtpd.controller import Controller

    class Counter:
        async def handle_DATA(self, server, session, envelope):
            with counted.get_lock():
                counted.value += len(envelope.rcpt_tos)
            return "250 OK"

    controller = Controller(Counter(), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    stop.wait()
    controller.stop()


class Sink:
    def __init__(self):
        from core.tests.mail import free_port

        self.port = free_port()
        self.ready = multiprocessing.Event()
        self.stop = multiprocessing.Event()
        self.counted = multiprocessing.Value("i", 0)
        self.process = multiprocessing.Process(
            target=_sink, args=(self.port, self.ready, self.stop, self.counted), daemon=True
        )

    def __enter__(self):
        self.process.start()
        if not self.ready.wait(30):
            raise RuntimeError("the SMTP sink did not start")
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.process.join(10)

    def reset(self) -> None:
        with self.counted.get_lock():
            self.counted.value = 0

    def wait_for(self, count: int, timeout: float = 30) -> int:
        end = time.monotonic() + timeout
        while self.counted.value < count and time.monotonic() < end:
            time.sleep(0.05)
        return self.counted.value


# The two measurements


def ceiling(messages, port: int) -> float:
    """Seconds plain smtplib takes to send `messages` (bytes, sender, recipient) on one
    connection."""
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for raw, sender, recipient in messages:
            smtp.sendmail(sender, [recipient], raw)
    return time.perf_counter() - started


def build_world(count: int):
    from django.utils import timezone

    from contacts.models import MailingList
    from core.models import Municipality
    from newsletter.enums import SubscriberState
    from newsletter.models import Issue, Subscriber

    Municipality.objects.filter(code=BENCH_CODE).delete()
    municipality = Municipality.objects.create(code=BENCH_CODE, name="Benchmark")
    mailing_list = MailingList.objects.create(municipality=municipality, name="Benchmark-nyt")
    now = timezone.now()
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                mailing_list=mailing_list,
                email=f"modtager{n}@bench.invalid",
                state=SubscriberState.CONFIRMED,
                confirmed_at=now,
                unsubscribe_key=f"bench-{n:08d}",
            )
            for n in range(count)
        ),
        batch_size=2_000,
    )
    issue = Issue.objects.create(
        mailing_list=mailing_list,
        subject="Nyt fra Jobcentret",
        body=(
            "<h2>Rekruttering</h2><p>Jobcentret tilbyder konkrete kandidater til ordinære job "
            "senest 72 timer efter, at virksomheden henvender sig.</p><ul><li>Voksenlærlinge"
            "</li><li>Jobrotation</li></ul><p>Læs mere på "
            '<a href="https://albertslund.dk">albertslund.dk</a>.</p>'
        ),
    )
    return municipality, issue


def prebuilt_messages(issue) -> list[tuple[bytes, str, str]]:
    """The mails Kurs sends for `issue`, built as Kurs builds them, for the ceiling run."""
    from newsletter import mail

    rendered = mail.render_issue(issue)
    messages = []
    for subscriber in issue.mailing_list.subscribers.order_by("pk"):
        message = mail.issue_message(
            rendered,
            code=BENCH_CODE,
            email=subscriber.email,
            key=subscriber.unsubscribe_key,
            connection=None,
        )
        messages.append(
            (message.message().as_bytes(linesep="\r\n"), message.from_email, subscriber.email)
        )
    return messages


def _worker(issue_id: int) -> None:
    from newsletter import sending

    sending.run(issue_id)


def kurs(issue, workers: int) -> tuple[float, float]:
    """Seconds for `start_send` and for the sending job(s): one job in this process, or
    `workers` jobs in forked processes (as the queue's worker processes would run them; threads
    would share one interpreter lock)."""
    from django.db import connections

    from newsletter import sending, services

    started = time.perf_counter()
    services.start_send(issue=issue)
    queued = time.perf_counter() - started

    started = time.perf_counter()
    if workers == 1:
        sending.run(issue.pk)
    else:
        connections.close_all()  # a forked child must not share the parent's connection
        context = multiprocessing.get_context("fork")
        processes = [context.Process(target=_worker, args=(issue.pk,)) for _n in range(workers)]
        for process in processes:
            process.start()
        for process in processes:
            process.join()
    return queued, time.perf_counter() - started


# The section


def section(result: dict) -> str:
    rate = result["count"] / result["send_seconds"]
    overall = result["count"] / (result["send_seconds"] + result["queue_seconds"])
    ceiling_rate = result["count"] / result["ceiling_seconds"]
    lines = [
        NEWSLETTER_SENDING.start,
        "## Newsletter sending (`bench.newsletter`)",
        "",
        f"Written by `uv run python -m bench.newsletter` on {result['date']}, "
        f"{result['database']}, {result['workers']} worker(s), batches of "
        f"{result['batch']} mails per SMTP connection. One issue to "
        f"{result['count']:,} confirmed subscribers, sent to a local SMTP sink (aiosmtpd in a "
        "process of its own, accepting everything) on the same shared two-core machine. The "
        "ceiling is the sink itself: the same mails, built beforehand, sent with plain "
        "`smtplib` over one connection.",
        "",
        "| measurement | seconds | mails per second |",
        "|---|---:|---:|",
        f"| SMTP sink ceiling (smtplib, one connection, no Kurs), before Kurs | "
        f"{result['ceiling_before']:.1f} | {result['count'] / result['ceiling_before']:,.0f} |",
        f"| SMTP sink ceiling, after Kurs | "
        f"{result['ceiling_after']:.1f} | {result['count'] / result['ceiling_after']:,.0f} |",
        f"| Kurs: `start_send` (delivery rows for every recipient) | "
        f"{result['queue_seconds']:.1f} | |",
        f"| Kurs: the sending job (`newsletter.sending.run`) | {result['send_seconds']:.1f} | "
        f"{rate:,.0f} |",
        f"| Kurs: from pressing send to the last mail | "
        f"{result['queue_seconds'] + result['send_seconds']:.1f} | {overall:,.0f} |",
        "",
        f"Kurs reached {100 * rate / ceiling_rate:.0f} % of the sink's ceiling (the mean of the "
        "two runs). Checked: the "
        f"sink counted {result['received']:,} mails and every delivery row ended "
        f'"sent" ({result["sent"]:,}). What Kurs adds per mail: claiming rows (a conditional '
        "UPDATE, `SKIP LOCKED` on PostgreSQL), one UPDATE per batch for the sent rows, and the "
        "per-recipient message (one serialised message per batch, with each recipient's address, "
        "unsubscribe key and Message-ID put in). A profile of the job shows most of its time "
        "waiting for the sink's replies.",
        "",
        NEWSLETTER_SENDING.end,
    ]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="subscribers (default 10,000)")
    parser.add_argument("--workers", type=int, default=1, help="sending jobs at once")
    parser.add_argument("--batch", type=int, default=100, help="mails per SMTP connection")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--no-write", action="store_true", help="print, do not write RESULTS.md")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kurs.settings")
    with Sink() as sink:
        os.environ.update(
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(sink.port),
            EMAIL_USE_TLS="false",
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            NEWSLETTER_BATCH_SIZE=str(args.batch),
            KURS_JOBS_SYNC="false",
        )
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.utils import timezone

        from newsletter.enums import DeliveryState

        call_command("migrate", verbosity=0)
        municipality, issue = build_world(args.count)
        try:
            messages = prebuilt_messages(issue)
            # The ceiling before and after Kurs: the machine is shared, and the two runs show
            # how much its load moved while Kurs was measured.
            sink.reset()
            before = ceiling(messages, sink.port)
            sink.wait_for(args.count)
            sink.reset()
            queue_seconds, send_seconds = kurs(issue, args.workers)
            received = sink.wait_for(args.count)
            sent = issue.deliveries.filter(state=DeliveryState.SENT).count()
            sink.reset()
            after = ceiling(messages, sink.port)
            sink.wait_for(args.count)
            result = {
                "date": timezone.now().strftime("%Y-%m-%d %H:%M UTC"),
                "database": f"{connection.vendor} {connection.Database.__name__}",
                "workers": args.workers,
                "batch": args.batch,
                "count": args.count,
                "ceiling_seconds": (before + after) / 2,
                "ceiling_before": before,
                "ceiling_after": after,
                "queue_seconds": queue_seconds,
                "send_seconds": send_seconds,
                "received": received,
                "sent": sent,
            }
        finally:
            # The queued job of `start_send` finds its issue gone and does nothing.
            municipality.delete()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            result["database"] = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    else:
        result["database"] = "SQLite"
    text = section(result)
    print(text)
    if received != args.count or sent != args.count:
        print(f"FAILED: the sink got {received}, {sent} rows sent, of {args.count}")
        return 1
    if not args.no_write:
        NEWSLETTER_SENDING.write(text, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
