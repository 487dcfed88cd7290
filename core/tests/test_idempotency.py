"""A form posted twice saves once (`core.idempotency`), also when both posts arrive at once."""

import threading
import uuid
from datetime import date

import pytest
from django.db import connection

from actions.models import StatusUpdate
from actions.tests.factories import ActivityFactory
from core import idempotency
from strategy.models import Measurement
from strategy.services import record_measurement
from strategy.tests.factories import GoalFactory


def measure(goal, user, token):
    return record_measurement(
        goal=goal,
        user=user,
        measured_on=date(2015, 6, 30),
        source="Jobindsats",
        value=1234,
        submission_token=token,
    )


def test_the_same_measurement_form_posted_twice_is_saved_once(client, staff, municipality):
    goal = GoalFactory(plan__municipality=municipality)
    client.force_login(staff)
    data = {
        "measured_on": "2015-06-30",
        "value": "1.234,5",
        "source": "Jobindsats",
        "note": "",
        "submission_token": str(uuid.uuid4()),
    }

    first = client.post(f"/k/165/maal/{goal.pk}/maalinger/", data)
    second = client.post(f"/k/165/maal/{goal.pk}/maalinger/", data)

    assert (first.status_code, second.status_code) == (302, 302)
    assert second["Location"] == f"/k/165/maal/{goal.pk}/"
    assert Measurement.objects.filter(goal=goal).count() == 1
    assert Measurement.history.filter(goal_id=goal.pk).count() == 1


def test_the_same_status_update_form_posted_twice_is_saved_once(client, staff, municipality):
    activity = ActivityFactory(plan__municipality=municipality)
    client.force_login(staff)
    data = {
        "reported_on": "2016-06-30",
        "light": "green",
        "comment": "Godt i gang",
        "is_internal": "on",
        "submission_token": str(uuid.uuid4()),
    }
    url = f"/k/165/handleplaner/aktiviteter/{activity.pk}/statusopdateringer/"

    responses = [client.post(url, data).status_code for _ in range(2)]

    assert responses == [302, 302]
    assert StatusUpdate.objects.filter(activity=activity).count() == 1


def test_two_forms_with_their_own_tokens_save_two_rows(staff, municipality):
    goal = GoalFactory(plan__municipality=municipality)

    measure(goal, staff, uuid.uuid4())
    measure(goal, staff, uuid.uuid4())

    assert Measurement.objects.filter(goal=goal).count() == 2


def test_the_form_offers_a_fresh_token_and_keeps_it_when_reshown(client, staff, municipality):
    goal = GoalFactory(plan__municipality=municipality)
    client.force_login(staff)
    token = str(uuid.uuid4())

    page = client.get(f"/k/165/maal/{goal.pk}/").content.decode()
    reshown = client.post(
        f"/k/165/maal/{goal.pk}/maalinger/",
        {"measured_on": "2015-06-30", "value": "mange", "source": "x", "submission_token": token},
    ).content.decode()

    assert 'name="submission_token"' in page
    assert f'name="submission_token" value="{token}"' in reshown


@pytest.mark.django_db(transaction=True)
def test_two_posts_of_one_form_at_the_same_moment_save_one_row(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("needs two concurrent writers: run with DATABASE_URL=postgres://… (CI does)")
    from core.tests.factories import MembershipFactory

    user = MembershipFactory().user
    goal = GoalFactory(plan__municipality=user.memberships.get().municipality)
    token = uuid.uuid4()
    # Both look for an earlier save before either saves: the worst case.
    both_looked = threading.Barrier(2)
    look = idempotency.saved_with
    looks = []

    def look_then_wait(model, token):
        found = look(model, token)
        looks.append(found)
        if len(looks) <= 2:
            both_looked.wait(timeout=10)
        return found

    monkeypatch.setattr(idempotency, "saved_with", look_then_wait)
    saved, errors = [], []

    def post():
        try:
            saved.append(measure(goal, user, token).pk)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    posts = [threading.Thread(target=post) for _ in range(2)]
    for thread in posts:
        thread.start()
    for thread in posts:
        thread.join(timeout=30)

    assert errors == []
    assert Measurement.objects.filter(goal=goal).count() == 1
    assert saved == [saved[0], saved[0]]
