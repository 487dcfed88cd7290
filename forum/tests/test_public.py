"""The public pages: proposing a theme, "you said, we did", and following an idea by e-mail."""

import re
from datetime import date
from urllib.parse import unquote

import pytest
from django.test import Client
from django_q.models import Task

from actions.tests.factories import ActionPlanFactory, ActivityFactory
from core import ratelimit
from core.tests.mail import body_of, subject_of
from forum import mail, services
from forum.enums import IdeaStage, IdeaStatus
from forum.models import Follower, Idea
from forum.tests.factories import IdeaFactory
from strategy.enums import PlanStatus
from strategy.tests.factories import GoalFactory, PlanFactory

pytestmark = pytest.mark.django_db

THEMES = "/k/165/erhverv/erhvervsforum/temaer/"
PROPOSAL = {
    "title": "Erhvervsudvikling i Hersted Industripark",
    "description": "Parkeringen og vejene skal fornyes.",
    "proposer_name": "Karin Jensen",
    "proposer_company": "Albertslund Lys A/S",
    "proposer_email": "karin@lys.example",
}


def test_a_proposal_is_stored_but_not_shown_before_staff_accept_it(client, forum):
    response = client.post(THEMES, PROPOSAL, follow=True)

    idea = Idea.objects.get()
    assert (idea.status, idea.forum, idea.proposer_email) == (
        IdeaStatus.PROPOSED,
        forum,
        "karin@lys.example",
    )
    assert "Tak for dit forslag" in response.content.decode()
    assert PROPOSAL["title"] not in Client().get(THEMES).content.decode()

    services.review_idea(idea=idea, status=IdeaStatus.ACCEPTED, expected_version=1)

    page = Client().get(THEMES).content.decode()
    assert PROPOSAL["title"] in page
    assert "Karin" not in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": ""}, "Dette felt er påkrævet"),
        ({"title": "x" * 201}, "skriv højst 200 tegn (du skrev 201)"),
        ({"description": "x" * 2001}, "skriv højst 2000 tegn"),
        ({"proposer_email": "ikke en adresse"}, "gyldig e-mail-adresse"),
        ({"website": "https://spam.example"}, "Lad feltet"),
    ],
)
def test_a_bad_proposal_is_refused_and_keeps_what_was_typed(client, forum, change, message):
    response = client.post(THEMES, PROPOSAL | change)

    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert 'value="Karin Jensen"' in page
    assert Idea.objects.count() == 0


def test_proposals_beyond_the_rate_limit_are_refused(client, forum, monkeypatch):
    monkeypatch.setattr(ratelimit, "FORM_LIMIT", (2, 600))
    for n in range(2):
        client.post(THEMES, PROPOSAL | {"title": f"Tema {n}"})

    response = client.post(THEMES, PROPOSAL)

    assert response.status_code == 429
    assert "for mange forslag" in response.content.decode()
    assert Idea.objects.count() == 2


def test_the_proposal_page_works_before_the_forum_exists(client, municipality):
    assert client.get(THEMES).status_code == 200


@pytest.fixture
def chain(forum, municipality):
    """An accepted theme linked to an adopted plan's activity and goal and to a draft's goal."""
    idea = IdeaFactory(municipality=municipality, forum=forum, title="Nye muligheder med Letbanen")
    strategy = PlanFactory(municipality=municipality)
    goal = GoalFactory(plan=strategy, title="Flere arbejdspladser ved stationerne")
    draft_goal = GoalFactory(
        plan=PlanFactory(municipality=municipality, status=PlanStatus.DRAFT, adopted_on=None),
        title="Hemmeligt udkast",
    )
    activity = ActivityFactory(
        plan=ActionPlanFactory(municipality=municipality), title="Erhvervsbus til Letbanen"
    )
    activity.goals.add(goal, draft_goal)
    services.link_idea(idea=idea, goal=draft_goal)
    return idea, activity, goal


def _chain_url(idea):
    return f"/k/165/erhverv/erhvervsforum/sagt-gjort/{idea.pk}/"


def test_the_chain_shows_decision_activity_and_goal_but_no_draft(client, chain):
    idea, activity, goal = chain
    services.add_decision(
        idea=idea,
        values={"text": "Erhvervsbus", "decided_on": date(2015, 3, 2), "body": "Økonomiudvalget"},
    )
    services.link_idea(idea=idea, activity=activity, goal=goal)

    page = client.get(_chain_url(idea)).content.decode()

    assert "2. mar. 2015, Økonomiudvalget: Erhvervsbus" in page
    assert activity.title in page and goal.title in page
    assert "Hemmeligt udkast" not in page
    idea.refresh_from_db()
    assert idea.stage == IdeaStage.IN_PROGRESS


def test_a_proposal_not_accepted_has_no_public_chain(client, forum):
    idea = IdeaFactory(municipality=forum.municipality, status=IdeaStatus.PROPOSED)

    assert client.get(_chain_url(idea)).status_code == 404


def _follow(client, idea, email="ole@firma.example"):
    return client.post(
        "/k/165/erhverv/erhvervsforum/foelg/", {"idea": idea.pk, "email": email, "website": ""}
    )


def _link(message, path):
    return re.search(rf"https://kurs\.example{path}\?t=\S+", body_of(message))[0]


def test_following_is_double_opt_in_and_moves_are_mailed_with_unsubscribe(
    client, chain, smtp, django_capture_on_commit_callbacks
):
    idea, activity, goal = chain

    with django_capture_on_commit_callbacks(execute=True):
        response = _follow(client, idea)

    assert "Tjek din mail" in response.content.decode()
    (confirmation,) = smtp.messages
    assert subject_of(confirmation) == 'Bekræft, at du vil følge "Nye muligheder med Letbanen"'
    confirm = _link(confirmation, "/k/165/erhverv/erhvervsforum/foelg/bekraeft/")
    # Opening the link confirms nothing (a mail scanner fetches links); its button does.
    assert "Bekræft, at jeg vil følge" in client.get(confirm).content.decode()
    assert Follower.objects.get().confirmed_at is None
    token = unquote(confirm.split("?t=")[1])
    client.post("/k/165/erhverv/erhvervsforum/foelg/bekraeft/", {"t": token})
    assert Follower.objects.get().confirmed_at is not None

    with django_capture_on_commit_callbacks(execute=True):
        services.link_idea(idea=idea, activity=activity)

    # Sent by a job on the queue (run at once by the test settings), not in the request.
    (job,) = Task.objects.filter(func="forum.mail.notify_followers")
    assert job.success and job.result == 1
    notice = smtp.messages[1]
    assert subject_of(notice) == 'Nyt om "Nye muligheder med Letbanen"'
    assert "Føres ud i livet af aktiviteten: Erhvervsbus til Letbanen" in body_of(notice)
    unsubscribe = _link(notice, "/k/165/erhverv/erhvervsforum/foelg/afmeld/")
    assert notice["List-Unsubscribe"].strip().startswith(f"<{unsubscribe}>, <mailto:")
    assert notice["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_one_click_unsubscribe_post_unfollows_at_once(
    chain, smtp, django_capture_on_commit_callbacks
):
    idea, *_rest = chain
    follower = Follower.objects.create(idea=idea, email="ole@firma.example")
    services.confirm_follower(follower_id=follower.pk)
    url = mail.unsubscribe_url(follower).removeprefix("https://kurs.example")
    # A mail client posts the RFC 8058 body, without a CSRF token or a session.
    client = Client(enforce_csrf_checks=True)

    response = client.post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert Follower.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        services.set_stage(idea=idea, stage=IdeaStage.DONE, expected_version=idea.version)
    assert smtp.messages == []


def test_a_follower_who_has_not_confirmed_gets_no_notices(
    chain, smtp, django_capture_on_commit_callbacks
):
    idea, activity, _goal = chain
    Follower.objects.create(idea=idea, email="ole@firma.example")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.link_idea(idea=idea, activity=activity)

    assert len(callbacks) == 1
    assert smtp.messages == []


def test_asking_to_follow_again_sends_one_confirmation_an_hour(
    client, chain, smtp, django_capture_on_commit_callbacks
):
    idea, *_rest = chain

    with django_capture_on_commit_callbacks(execute=True):
        _follow(client, idea)
        _follow(client, idea, "OLE@firma.example")

    assert len(smtp.messages) == 1
    assert Follower.objects.get().email == "ole@firma.example"


@pytest.mark.parametrize("token", ["", "forfalsket", mail.token_for(1, mail.UNSUBSCRIBE_SALT)])
def test_a_forged_or_wrong_confirm_link_confirms_nothing(client, chain, token):
    idea, *_rest = chain
    Follower.objects.create(idea=idea, email="ole@firma.example")

    response = client.post("/k/165/erhverv/erhvervsforum/foelg/bekraeft/", {"t": token})

    assert response.status_code == 400
    assert "Linket er ikke gyldigt" in response.content.decode()
    assert Follower.objects.get().confirmed_at is None


@pytest.mark.parametrize(
    "data",
    [
        {"idea": "", "email": "ole@firma.example"},
        {"idea": "987654321", "email": "ole@firma.example"},
        {"idea": "x" * 30, "email": "ole@firma.example"},
        {"email": "ikke-en-adresse"},
    ],
)
def test_a_bad_follow_request_is_refused(client, chain, data):
    idea, *_rest = chain
    data.setdefault("idea", idea.pk)

    response = client.post("/k/165/erhverv/erhvervsforum/foelg/", data)

    assert response.status_code == 400
    assert Follower.objects.count() == 0


@pytest.mark.parametrize("link", ["empty", "forged", "confirm link"])
def test_a_forged_unsubscribe_link_unfollows_no_one(chain, link):
    idea, *_rest = chain
    follower = Follower.objects.create(idea=idea, email="ole@firma.example")
    # A confirm link's token, even for this follower, is no unsubscribe link.
    token = {
        "empty": "",
        "forged": "forfalsket",
        "confirm link": mail.token_for(follower.pk, mail.CONFIRM_SALT),
    }[link]

    response = Client().post(f"/k/165/erhverv/erhvervsforum/foelg/afmeld/?t={token}")

    assert response.status_code == 400
    assert Follower.objects.count() == 1


def test_opening_the_unsubscribe_link_asks_before_it_unfollows(client, chain):
    idea, *_rest = chain
    follower = Follower.objects.create(idea=idea, email="ole@firma.example")

    response = client.get(mail.unsubscribe_url(follower).removeprefix("https://kurs.example"))

    assert 'type="submit">Afmeld</button>' in response.content.decode()
    assert Follower.objects.count() == 1


def test_a_mistyped_follow_address_is_shown_again_on_the_idea_page_with_its_error(client, chain):
    idea, *_rest = chain

    response = client.post(
        "/k/165/erhverv/erhvervsforum/foelg/", {"idea": idea.pk, "email": "ole@firma"}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Linket er ikke gyldigt" not in page
    assert 'value="ole@firma"' in page
    assert "Skriv en gyldig e-mail-adresse" in page
    assert Follower.objects.count() == 0


@pytest.mark.parametrize("field", ["title", "proposer_name"])
def test_a_proposal_with_a_text_of_invisible_characters_alone_is_refused(client, forum, field):
    response = client.post(THEMES, PROPOSAL | {field: "\u200b\u200d"})

    page = response.content.decode()
    assert response.status_code == 400
    assert "Feltet indeholder kun usynlige tegn. Skriv teksten med bogstaver eller tal." in page
    assert 'value="karin@lys.example"' in page
    assert Idea.objects.count() == 0
