import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from businesses.tests.factories import CompanyFactory
from forum.models import Follower, Participant
from forum.personal_data import ERASED, erase_person, export_person
from forum.tests.factories import IdeaFactory, MeetingFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

EMAIL = "karin@lys.example"


@pytest.fixture
def held(forum, municipality, other_municipality):
    meeting = MeetingFactory(forum=forum, held_on=date(2014, 10, 22))
    ParticipantFactory(
        meeting=meeting,
        name="Karin Jensen",
        email=EMAIL,
        cvr_number="29403473",
        company=CompanyFactory(cvr_number="29403473"),
        attended=True,
    )
    ParticipantFactory(meeting=meeting, name="Ole Hansen")
    idea = IdeaFactory(
        municipality=municipality,
        title="Letbanen",
        proposer_name="Karin Jensen",
        proposer_email="KARIN@lys.example",
        proposer_company="Lys A/S",
    )
    Follower.objects.create(idea=idea, email=EMAIL)
    elsewhere = IdeaFactory(municipality=other_municipality, proposer_email=EMAIL)
    return meeting, idea, elsewhere


def test_export_holds_everything_on_the_address_in_the_municipality(held, municipality):
    data = export_person(municipality=municipality, email="Karin@Lys.example")

    assert [(m["name"], m["attended"], m["date"]) for m in data["meetings"]] == [
        ("Karin Jensen", True, "2014-10-22")
    ]
    assert [(p["title"], p["company"]) for p in data["proposals"]] == [("Letbanen", "Lys A/S")]
    assert [(f["idea"], f["confirmed"]) for f in data["following"]] == [("Letbanen", None)]


def test_erasure_removes_the_person_but_keeps_the_meeting_counts(held, municipality):
    meeting, idea, elsewhere = held

    counts = erase_person(municipality=municipality, email=EMAIL)

    assert counts == {"followers": 1, "participants": 1, "proposals": 1}
    erased = meeting.participants.get(attended=True)
    assert (erased.name, erased.email, erased.cvr_number, erased.company) == (
        ERASED,
        "",
        "",
        None,
    )
    assert meeting.participants.count() == 2
    idea.refresh_from_db()
    assert (idea.title, idea.proposer_name, idea.proposer_email) == ("Letbanen", "", "")
    assert Follower.objects.count() == 0
    elsewhere.refresh_from_db()
    assert elsewhere.proposer_email == EMAIL
    assert export_person(municipality=municipality, email=EMAIL) == {
        "meetings": [],
        "proposals": [],
        "following": [],
    }


def test_the_command_exports_as_json_and_erases(held):
    out = StringIO()
    call_command("personal_data", "--municipality", "165", "--email", EMAIL, stdout=out)
    assert json.loads(out.getvalue())["forum"]["meetings"][0]["name"] == "Karin Jensen"

    out = StringIO()
    call_command("personal_data", "--municipality", "165", "--email", EMAIL, "--erase", stdout=out)
    assert json.loads(out.getvalue())["forum"] == {
        "followers": 1,
        "participants": 1,
        "proposals": 1,
    }
    assert Participant.objects.filter(email=EMAIL).count() == 0
