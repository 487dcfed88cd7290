"""Sending an issue through a real SMTP server: the unsubscribe headers and their one-click
POST, a server that refuses for a while, a hard bounce, the pause and resume, contact persons on
the list, and two workers claiming at once (PostgreSQL)."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.urls import reverse

from businesses.tests.factories import CompanyFactory
from contacts.services import subscribe
from contacts.tests.factories import ContactPersonFactory
from core.tests.mail import body_of, subject_of
from newsletter import sending, services
from newsletter.enums import DeliveryState, IssueState, SubscriberState
from newsletter.models import Delivery, Issue, Subscriber
from newsletter.tests.factories import IssueFactory, SubscriberFactory


@pytest.fixture
def subscribers(mailing_list):
    return [
        SubscriberFactory(mailing_list=mailing_list, email=f"modtager{n}@firma.example")
        for n in range(12)
    ]


@pytest.fixture
def issue(mailing_list):
    return IssueFactory(
        mailing_list=mailing_list,
        subject="Rekruttering i 2016",
        body="<p>Jobcentret tilbyder <strong>kandidater</strong> inden for 72 timer.</p>",
    )


def send(issue, capture):
    with capture(execute=True):
        services.start_send(issue=issue)
    issue.refresh_from_db()
    return issue


def delivered_to(inbox) -> list[str]:
    return sorted(address for m in inbox.messages for address in m.envelope_recipients)


def test_each_mail_carries_one_click_unsubscribe_headers(
    issue, subscribers, smtp, django_capture_on_commit_callbacks
):
    send(issue, django_capture_on_commit_callbacks)

    message = smtp.to("modtager0@firma.example")[0]
    key = Subscriber.objects.get(email="modtager0@firma.example").unsubscribe_key
    https = f"https://kurs.example/k/165/erhverv/nyhedsbrev/afmeld/?t={key}"
    assert (
        message["List-Unsubscribe"].strip()
        == f"<{https}>, <mailto:kurs@albertslund.example?subject=afmeld%20{key}>"
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert subject_of(message) == "Rekruttering i 2016"
    assert "Jobcentret tilbyder kandidater inden for 72 timer." in body_of(message)
    assert https in body_of(message)
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "<strong>kandidater</strong>" in html


def test_one_click_post_unsubscribes_at_once_without_csrf(
    issue, subscribers, smtp, django_capture_on_commit_callbacks
):
    send(issue, django_capture_on_commit_callbacks)
    url = smtp.to("modtager3@firma.example")[0]["List-Unsubscribe"].strip().split(">")[0][1:]
    path = url.removeprefix("https://kurs.example")
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    subscriber = Subscriber.objects.get(email="modtager3@firma.example")
    assert subscriber.state == SubscriberState.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


def test_unsubscribe_get_only_asks(client, subscribers):
    subscriber = subscribers[0]
    url = (
        reverse("newsletter:unsubscribe", kwargs={"code": "165"})
        + f"?t={subscriber.unsubscribe_key}"
    )

    response = client.get(url)

    subscriber.refresh_from_db()
    assert response.status_code == 200
    assert "Tryk på knappen" in response.content.decode()
    assert subscriber.state == SubscriberState.CONFIRMED


def test_every_subscriber_gets_exactly_one_mail_when_the_server_refuses_for_a_while(
    issue, subscribers, flaky_smtp, django_capture_on_commit_callbacks
):
    inbox = flaky_smtp(refuse_first=8, refusal="451 4.3.0 Mailbox busy, try later")

    issue = send(issue, django_capture_on_commit_callbacks)

    assert issue.state == IssueState.SENT
    assert delivered_to(inbox) == sorted(s.email for s in subscribers)
    assert inbox.refused == 8
    rows = Delivery.objects.filter(issue=issue)
    assert sorted(rows.values_list("state", flat=True).distinct()) == [DeliveryState.SENT]
    assert sum(rows.values_list("attempts", flat=True)) == 12 + 8


def test_421_closing_the_connection_is_retried(
    issue, subscribers, flaky_smtp, django_capture_on_commit_callbacks
):
    inbox = flaky_smtp(refuse_first=3, refusal="421 4.7.0 Too many connections, closing")

    issue = send(issue, django_capture_on_commit_callbacks)

    assert issue.state == IssueState.SENT
    assert delivered_to(inbox) == sorted(s.email for s in subscribers)


def test_a_run_of_failures_pauses_the_send_and_resume_finishes_it(
    issue, subscribers, flaky_smtp, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_PAUSE_AFTER = 5
    inbox = flaky_smtp(refuse_first=5)

    issue = send(issue, django_capture_on_commit_callbacks)

    assert issue.state == IssueState.PAUSED
    assert issue.pause_reason.startswith("5 fejl i træk; seneste: 451")
    assert inbox.messages == []
    assert Delivery.objects.filter(issue=issue, state=DeliveryState.SENDING).count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        services.resume_send(issue=issue)
    issue.refresh_from_db()

    assert issue.state == IssueState.SENT
    assert delivered_to(inbox) == sorted(s.email for s in subscribers)


def test_paused_issue_shows_a_resume_button(
    client, staff, issue, subscribers, flaky_smtp, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_PAUSE_AFTER = 2
    flaky_smtp(refuse_first=2)
    send(issue, django_capture_on_commit_callbacks)
    client.force_login(staff)

    page = client.get(
        reverse("newsletter:issue", kwargs={"code": "165", "newsletter_issue_id": issue.pk})
    )

    assert "Genoptag afsendelsen" in page.content.decode()


def test_hard_bounce_marks_the_address_and_stops_mail_to_it(
    mailing_list, issue, subscribers, flaky_smtp, django_capture_on_commit_callbacks
):
    inbox = flaky_smtp(rejected={"modtager5@firma.example"})

    issue = send(issue, django_capture_on_commit_callbacks)

    assert issue.state == IssueState.SENT
    bounced = Delivery.objects.get(issue=issue, subscriber__email="modtager5@firma.example")
    assert (bounced.state, bounced.attempts) == (DeliveryState.BOUNCED, 1)
    assert bounced.last_error.startswith("550 5.1.1")
    assert Subscriber.objects.get(email="modtager5@firma.example").state == SubscriberState.BOUNCED
    assert len(inbox.messages) == 11

    second = send(IssueFactory(mailing_list=mailing_list), django_capture_on_commit_callbacks)

    assert not Delivery.objects.filter(
        issue=second, subscriber__email="modtager5@firma.example"
    ).exists()
    assert len(inbox.messages) == 22


def test_temporary_errors_wait_longer_each_time_and_end_failed_with_the_reason(
    issue, subscribers, flaky_smtp, settings
):
    settings.NEWSLETTER_RETRY_DELAYS = [60, 300]
    flaky_smtp(refuse_first=1000)
    Issue.objects.filter(pk=issue.pk).update(state=IssueState.SENDING)
    services.enrol_contact_persons(issue.mailing_list)
    now = sending.timezone.now()
    Delivery.objects.create(issue=issue, subscriber=subscribers[0], next_attempt_at=now)
    delivery = Delivery.objects.get()

    waits = []
    for _attempt in range(3):
        sending.send_batch(
            issue, sending.claim(issue.pk, "w", 10), sending.mail.render_issue(issue), "w"
        )
        delivery.refresh_from_db()
        if delivery.state == DeliveryState.QUEUED:
            waits.append(
                round((delivery.next_attempt_at - sending.timezone.now()).total_seconds() / 60)
            )
            Delivery.objects.update(next_attempt_at=now - timedelta(seconds=1))

    assert waits == [1, 5]
    assert delivery.state == DeliveryState.FAILED
    assert delivery.attempts == 3
    assert delivery.last_error == "Opgivet efter 3 forsøg: 451 4.3.0 Try again later"


def test_unsubscribed_after_start_is_not_mailed_and_says_why(
    issue, subscribers, smtp, django_capture_on_commit_callbacks
):
    services.start_send(issue=issue)  # queued, the job not run yet
    services.unsubscribe(subscriber=subscribers[0])

    sending.run(issue.pk)

    row = Delivery.objects.get(subscriber=subscribers[0])
    assert (row.state, row.last_error) == (
        DeliveryState.FAILED,
        "Ikke sendt: modtageren er afmeldt.",
    )
    assert len(smtp.messages) == 11


def test_row_left_sending_by_a_dead_worker_is_not_sent_again(issue, subscribers, smtp):
    services.start_send(issue=issue)
    Delivery.objects.filter(subscriber=subscribers[0]).update(
        state=DeliveryState.SENDING,
        claimed_by="dead",
        claimed_at=sending.timezone.now() - timedelta(hours=1),
    )

    sending.run(issue.pk)

    row = Delivery.objects.get(subscriber=subscribers[0])
    assert row.state == DeliveryState.FAILED
    assert "måske sendt" in row.last_error
    assert smtp.to("modtager0@firma.example") == []
    assert Issue.objects.get(pk=issue.pk).state == IssueState.SENT


def test_issue_is_sent_once_however_often_send_is_pressed(
    issue, subscribers, smtp, django_capture_on_commit_callbacks
):
    send(issue, django_capture_on_commit_callbacks)

    with pytest.raises(services.ValidationError):
        services.start_send(issue=issue)
    assert len(smtp.messages) == 12


def test_contact_persons_on_the_list_receive_the_issue_within_advertising_protection(
    municipality, mailing_list, issue, smtp, django_capture_on_commit_callbacks
):
    open_firm = CompanyFactory(advertising_protected=False)
    protected = CompanyFactory(advertising_protected=True)
    plain = ContactPersonFactory(
        municipality=municipality, company=open_firm, email="Ole@Firma.example"
    )
    opted = ContactPersonFactory(
        municipality=municipality, company=protected, email="eva@firma.example"
    )
    subscribe(mailing_list=mailing_list, contact=plain)
    subscribe(
        mailing_list=mailing_list,
        contact=opted,
        opted_in_at=sending.timezone.now(),
        opt_in_note="Tilmeldt på messen",
    )

    send(issue, django_capture_on_commit_callbacks)

    assert delivered_to(smtp) == ["eva@firma.example", "ole@firma.example"]
    assert Subscriber.objects.get(email="ole@firma.example").contact == plain


def test_firm_protected_since_subscribing_is_skipped(
    municipality, mailing_list, issue, smtp, django_capture_on_commit_callbacks
):
    firm = CompanyFactory(advertising_protected=False)
    contact = ContactPersonFactory(
        municipality=municipality, company=firm, email="ole@firma.example"
    )
    subscribe(mailing_list=mailing_list, contact=contact)
    firm.advertising_protected = True
    firm.save()

    send(issue, django_capture_on_commit_callbacks)

    assert smtp.messages == []


@pytest.mark.django_db(transaction=True)
def test_two_workers_claiming_at_once_never_take_the_same_row(municipality, mailing_list):
    if connection.vendor != "postgresql":
        pytest.skip(
            "SKIP LOCKED and truly concurrent writers need PostgreSQL; SQLite serialises writers"
        )
    issue = IssueFactory(mailing_list=mailing_list, state=IssueState.SENDING)
    now = sending.timezone.now()
    Delivery.objects.bulk_create(
        Delivery(
            issue=issue,
            subscriber=SubscriberFactory(mailing_list=mailing_list, email=f"m{n}@firma.example"),
            next_attempt_at=now,
        )
        for n in range(200)
    )
    barrier = threading.Barrier(2)
    claims = {}

    def worker(name):
        try:
            barrier.wait()
            taken = []
            while batch := sending.claim(issue.pk, name, 7):
                taken += [d.pk for d in batch]
                Delivery.objects.filter(pk__in=[d.pk for d in batch]).update(
                    state=DeliveryState.SENT
                )
            claims[name] = taken
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert set(claims["a"]).isdisjoint(claims["b"])
    assert sorted(claims["a"] + claims["b"]) == sorted(
        Delivery.objects.values_list("pk", flat=True)
    )
    assert claims["a"] and claims["b"]


@pytest.mark.django_db(transaction=True)
def test_two_workers_sending_at_once_mail_each_subscriber_once(
    municipality, mailing_list, smtp, settings
):
    if connection.vendor != "postgresql":
        pytest.skip(
            "SKIP LOCKED and truly concurrent writers need PostgreSQL; SQLite serialises writers"
        )
    settings.NEWSLETTER_BATCH_SIZE = 5
    issue = IssueFactory(mailing_list=mailing_list, state=IssueState.SENDING)
    now = sending.timezone.now()
    emails = [f"m{n}@firma.example" for n in range(60)]
    Delivery.objects.bulk_create(
        Delivery(
            issue=issue,
            subscriber=SubscriberFactory(mailing_list=mailing_list, email=email),
            next_attempt_at=now,
        )
        for email in emails
    )
    barrier = threading.Barrier(2)

    def worker():
        try:
            barrier.wait()
            sending.run(issue.pk)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert delivered_to(smtp) == sorted(emails)
    assert Issue.objects.get(pk=issue.pk).state == IssueState.SENT
    assert set(Delivery.objects.values_list("state", flat=True)) == {DeliveryState.SENT}


def _parsed(message):
    import email
    import email.policy

    return email.message_from_bytes(
        message.message().as_bytes(linesep="\r\n"), policy=email.policy.default
    )


@pytest.mark.parametrize(
    "paragraph", ["Kort afsnit.", "Et meget langt afsnit om jobrotation. " * 80]
)
def test_prepared_message_is_the_built_message_for_each_recipient(issue, paragraph):
    from newsletter import mail

    issue.body = f"<p>{paragraph}</p>"
    rendered = mail.render_issue(issue)
    prepared = mail.PreparedIssue(rendered, "165")

    fast = _parsed(
        prepared.message_for(email="ole@firma.example", key="abc_DEF-123", connection=None)
    )
    built = _parsed(
        mail.issue_message(
            rendered, code="165", email="ole@firma.example", key="abc_DEF-123", connection=None
        )
    )

    for name in ("To", "From", "Subject", "List-Unsubscribe", "List-Unsubscribe-Post", "List-Id"):
        assert fast[name] == built[name]
    assert fast["Message-ID"] != built["Message-ID"]
    for kind in ("plain", "html"):
        assert (
            fast.get_body(preferencelist=(kind,)).get_content()
            == built.get_body(preferencelist=(kind,)).get_content()
        )
    assert "afmeld/?t=abc_DEF-123" in fast.get_body(preferencelist=("plain",)).get_content()


def test_address_that_is_not_plain_ascii_is_built_the_ordinary_way(issue, smtp):
    from newsletter import mail

    prepared = mail.PreparedIssue(mail.render_issue(issue), "165")

    message = prepared.message_for(email="søren@firma.example", key="abc", connection=None)

    assert type(message) is not mail._PreparedMessage
    assert message.to == ["søren@firma.example"]


def test_job_waiting_long_for_a_retry_schedules_itself_and_ends(
    issue, subscribers, flaky_smtp, settings
):
    from django_q.models import Schedule

    settings.NEWSLETTER_RETRY_DELAYS = [3600]
    flaky_smtp(refuse_first=1)
    services.start_send(issue=issue)

    sending.run(issue.pk)

    [later] = Schedule.objects.all()
    waiting = Delivery.objects.get(state=DeliveryState.QUEUED)
    assert later.func == "newsletter.sending.run"
    assert abs((later.next_run - waiting.next_attempt_at).total_seconds()) < 5
    assert Delivery.objects.filter(state=DeliveryState.SENT).count() == 11
    assert Issue.objects.get(pk=issue.pk).state == IssueState.SENDING


def test_refused_connection_pauses_and_resume_sends_once_the_server_is_back(
    issue, subscribers, flaky_smtp, settings, django_capture_on_commit_callbacks
):
    from core.tests.mail import free_port

    settings.NEWSLETTER_PAUSE_AFTER = 4
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens

    issue = send(issue, django_capture_on_commit_callbacks)

    assert issue.state == IssueState.PAUSED
    assert "ConnectionRefusedError" in issue.pause_reason
    assert Delivery.objects.filter(attempts=1, state=DeliveryState.QUEUED).count() == 4

    inbox = flaky_smtp()
    with django_capture_on_commit_callbacks(execute=True):
        services.resume_send(issue=issue)

    assert Issue.objects.get(pk=issue.pk).state == IssueState.SENT
    assert delivered_to(inbox) == sorted(s.email for s in subscribers)
