"""The satisfaction question: e-mailed when an inquiry is closed, answered with one click on a
signed link (its page posts the answer at once: `kurs.js`, tested in the browser test), only
the first answer counts, and a link cannot be forged or turned into another answer or case."""

import re

import pytest
from django.core import signing

from core.tests.mail import body_of, subject_of
from inquiries import satisfaction, services
from inquiries.enums import Action
from inquiries.models import SatisfactionAnswer
from inquiries.tests.conftest import at, receive

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(municipality, topic, staff):
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))
    return services.change_state(
        inquiry=inquiry, user=staff, expected_version=1, action=Action.CLOSED
    )


def links_in(body: str) -> list[str]:
    return re.findall(r"https://kurs\.example(/\S+)", body)


def test_closing_emails_the_question_with_a_yes_and_a_no_link(
    municipality, topic, staff, smtp, django_capture_on_commit_callbacks
):
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))
    with django_capture_on_commit_callbacks(execute=True):
        services.change_state(inquiry=inquiry, user=staff, expected_version=1, action=Action.CLOSED)
    (message,) = smtp.messages
    assert message.envelope_recipients == ["karin@smedie.example"]
    assert (
        subject_of(message) == f"Var du tilfreds? Din henvendelse {inquiry.reference} er afsluttet"
    )
    tokens = [path.split("/")[-2] for path in links_in(body_of(message))]
    assert [satisfaction.read_token(token) for token in tokens] == [
        (inquiry.pk, True),
        (inquiry.pk, False),
    ]


def test_opening_the_link_shows_the_answer_to_send_and_records_nothing(client, closed):
    response = client.get(satisfaction.path_for(closed, True))
    content = response.content.decode()
    assert response.status_code == 200
    assert '<form method="post" data-submit-on-load>' in content
    assert "Ja, jeg var tilfreds" in content
    assert SatisfactionAnswer.objects.count() == 0


def test_the_answer_posted_from_the_link_is_recorded(client, closed):
    response = client.post(satisfaction.path_for(closed, True))
    assert response.status_code == 200
    assert "Du har svaret, at du var tilfreds med hjælpen." in response.content.decode()
    assert SatisfactionAnswer.objects.get().satisfied is True


def test_answering_again_or_with_the_other_link_keeps_the_first_answer(client, closed):
    client.post(satisfaction.path_for(closed, False))
    client.post(satisfaction.path_for(closed, False))
    again = client.post(satisfaction.path_for(closed, True))
    assert "ikke var tilfreds" in again.content.decode()
    assert "ikke var tilfreds" in client.get(satisfaction.path_for(closed, True)).content.decode()
    assert list(SatisfactionAnswer.objects.values_list("satisfied", flat=True)) == [False]


def test_a_forged_or_changed_link_is_not_found(client, closed):
    forged = signing.dumps({"i": closed.pk, "s": True}, salt="another purpose", compress=True)
    genuine = satisfaction.token_for(closed.pk, False)
    changed = genuine.replace(genuine[0], "x" if genuine[0] != "x" else "y", 1)
    for token in (forged, changed, "nonsense"):
        assert client.post(f"/k/165/erhverv/tilfredshed/{token}/").status_code == 404
    assert SatisfactionAnswer.objects.count() == 0


def test_a_link_under_another_municipality_is_not_found(client, closed, other_municipality):
    token = satisfaction.token_for(closed.pk, True)
    assert client.post(f"/k/151/erhverv/tilfredshed/{token}/").status_code == 404


def test_an_open_inquiry_cannot_be_answered(client, municipality, topic):
    inquiry = receive(municipality, topic, at(2026, 1, 5, 9))
    assert client.post(satisfaction.path_for(inquiry, True)).status_code == 404


def test_an_old_link_has_expired(client, closed, time_machine):
    time_machine.move_to(at(2026, 1, 6, 9), tick=False)
    path = satisfaction.path_for(closed, True)
    time_machine.shift(satisfaction.VALID_DAYS * 24 * 3600 + 60)
    assert client.post(path).status_code == 404
