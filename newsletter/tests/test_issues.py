"""Writing and sending an issue as staff: sanitised rich text, preview, send once, progress;
the three users (staff, committee reader, outsider)."""

import pytest
from django.urls import reverse

from core import richtext
from newsletter.enums import IssueState
from newsletter.models import Issue
from newsletter.tests.factories import IssueFactory, SubscriberFactory


def issue_url(name, issue):
    return reverse(f"newsletter:{name}", kwargs={"code": "165", "newsletter_issue_id": issue.pk})


def test_rich_text_keeps_the_small_set_and_drops_the_rest():
    raw = (
        '<h2 onclick="x()">Nyt</h2><script>alert(1)</script><p style="color:red">Se '
        '<a href="javascript:alert(1)">her</a> og <a href="https://albertslund.dk">her</a>'
        "</p><img src=x onerror=alert(1)><table><tr><td>t</td></tr></table>"
    )

    assert richtext.clean_typed(raw) == (
        '<h2>Nyt</h2><p>Se <a rel="noopener noreferrer">her</a> og '
        '<a href="https://albertslund.dk" rel="noopener noreferrer">her</a></p>t'
    )


def test_plain_text_becomes_paragraphs():
    assert richtext.clean_typed("Første afsnit\nlinje to\n\nAndet & 3 < 4") == (
        "<p>Første afsnit<br>linje to</p><p>Andet &amp; 3 &lt; 4</p>"
    )


def test_text_version_keeps_links_and_lists():
    html = '<p>Læs <a href="https://albertslund.dk/job">mere</a></p><ul><li>Et</li><li>To</li></ul>'

    assert richtext.to_text(html) == "Læs mere (https://albertslund.dk/job)\n\n- Et\n- To"


def test_staff_writes_an_issue_and_sees_the_sanitised_preview(client, staff, mailing_list):
    client.force_login(staff)

    response = client.post(
        reverse("newsletter:issue_create", kwargs={"code": "165"}),
        {
            "mailing_list": mailing_list.pk,
            "subject": "Nyt fra Jobcentret",
            "body": "<p>Hej <strong>virksomhed</strong></p><script>alert(1)</script>",
        },
    )

    issue = Issue.objects.get()
    assert response.status_code == 302
    assert issue.body == "<p>Hej <strong>virksomhed</strong></p>"
    page = client.get(issue_url("issue", issue)).content.decode()
    assert "<p>Hej <strong>virksomhed</strong></p>" in page
    assert "alert(1)" not in page


def test_issue_form_refuses_bad_input_and_keeps_it(client, staff, mailing_list):
    client.force_login(staff)

    response = client.post(
        reverse("newsletter:issue_create", kwargs={"code": "165"}),
        {"mailing_list": mailing_list.pk, "subject": "x" * 201, "body": "Tekst"},
    )

    assert response.status_code == 400
    assert "subject" in response.context["form"].errors
    assert "Tekst" in response.content.decode()
    assert not Issue.objects.exists()


def test_sending_from_the_page_delivers_and_shows_progress(
    client, staff, mailing_list, smtp, django_capture_on_commit_callbacks
):
    for n in range(3):
        SubscriberFactory(mailing_list=mailing_list, email=f"m{n}@firma.example")
    issue = IssueFactory(mailing_list=mailing_list)
    client.force_login(staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(issue_url("issue_send", issue))
    progress = client.get(issue_url("issue_progress", issue), HTTP_HX_REQUEST="true")

    issue.refresh_from_db()
    assert response.status_code == 302
    assert issue.state == IssueState.SENT
    assert len(smtp.messages) == 3
    assert 'id="count-sent">3<' in progress.content.decode()
    assert "hx-trigger" not in progress.content.decode()  # done: no more polling


def test_progress_polls_while_sending(client, staff, mailing_list):
    issue = IssueFactory(mailing_list=mailing_list, state=IssueState.SENDING)
    client.force_login(staff)

    progress = client.get(issue_url("issue_progress", issue), HTTP_HX_REQUEST="true")

    assert 'hx-trigger="every 2s"' in progress.content.decode()


def test_sent_issue_cannot_be_edited(client, staff, mailing_list):
    issue = IssueFactory(mailing_list=mailing_list, state=IssueState.SENT)
    client.force_login(staff)

    response = client.post(issue_url("issue_edit", issue), {"subject": "Ændret", "body": "x"})

    issue.refresh_from_db()
    assert response.status_code == 302
    assert issue.subject == "Nyt fra Jobcentret"


def test_edit_of_a_draft_checks_the_version(client, staff, mailing_list):
    issue = IssueFactory(mailing_list=mailing_list)
    client.force_login(staff)
    url = issue_url("issue_edit", issue)
    data = {"mailing_list": mailing_list.pk, "subject": "Første", "body": "a", "version": 1}
    client.post(url, data)

    stale = client.post(url, {**data, "subject": "Anden"})

    issue.refresh_from_db()
    assert stale.status_code == 409
    assert issue.subject == "Første"


@pytest.mark.parametrize(("user", "status"), [("committee_reader", 403), ("outsider", 404)])
def test_send_is_refused_to_readers_and_outsiders(
    client, request, mailing_list, smtp, user, status
):
    issue = IssueFactory(mailing_list=mailing_list)
    SubscriberFactory(mailing_list=mailing_list)
    client.force_login(request.getfixturevalue(user))

    response = client.post(issue_url("issue_send", issue))

    issue.refresh_from_db()
    assert response.status_code == status
    assert issue.state == IssueState.DRAFT


def test_committee_reader_sees_the_issue_but_not_the_addresses(
    client, committee_reader, mailing_list
):
    issue = IssueFactory(mailing_list=mailing_list, state=IssueState.SENT)
    client.force_login(committee_reader)

    response = client.get(issue_url("issue", issue))

    assert response.status_code == 200
    assert "Send udgaven" not in response.content.decode()


def test_overview_counts_subscribers_per_state(client, staff, mailing_list):
    SubscriberFactory(mailing_list=mailing_list)
    SubscriberFactory(mailing_list=mailing_list, state="pending")
    IssueFactory(mailing_list=mailing_list)
    client.force_login(staff)

    response = client.get(reverse("newsletter:overview", kwargs={"code": "165"}))

    [row] = response.context["lists"]
    assert (row.confirmed, row.pending, row.unsubscribed, row.bounced) == (1, 1, 0, 0)


def _overview_queries(client, mailing_list, count):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(count):
        issue = IssueFactory(mailing_list=mailing_list, subject=f"Udgave {n}")
        SubscriberFactory(mailing_list=mailing_list)
        issue.deliveries.create(
            subscriber=SubscriberFactory(mailing_list=mailing_list),
            next_attempt_at=issue.created_at,
        )
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("newsletter:overview", kwargs={"code": "165"})).status_code == 200
    return len(queries)


def test_overview_reads_the_same_number_of_queries_for_1_and_3_issues(client, staff, municipality):
    from contacts.tests.factories import MailingListFactory

    client.force_login(staff)
    one = _overview_queries(client, MailingListFactory(municipality=municipality, name="A"), 1)
    three = _overview_queries(client, MailingListFactory(municipality=municipality, name="B"), 3)

    assert one == three
