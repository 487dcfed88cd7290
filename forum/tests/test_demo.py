"""The forum demo (`load_demo`): the terms of reference, the 2014-2015 meeting plan and the ten
example themes of the kommissorium of 16 September 2014; loading again adds nothing."""

from datetime import date

import pytest
from django.test import Client

from forum import demo as forum_demo
from forum.models import Forum, Idea, Meeting

pytestmark = pytest.mark.django_db


def test_the_demo_forum_is_set_up_as_its_terms_of_reference(demo):
    forum = Forum.objects.get(municipality__code="165")

    assert (forum.name, forum.chair, forum.reports_to, forum.adopted_on) == (
        "Strategisk Erhvervsforum",
        "Borgmester Steen Christiansen",
        "Økonomiudvalget",
        date(2014, 9, 16),
    )
    assert forum.is_open_to_all and forum.decides_nothing
    assert "Alle interesserede virksomheder" in forum.membership


def test_the_demo_meeting_plan_keeps_the_months_the_document_gives(demo):
    meetings = Meeting.objects.filter(forum__municipality__code="165").order_by("pk")

    assert [(m.planned, m.held_on) for m in meetings] == [
        ("oktober 2014", None),
        ("januar 2015", None),
        ("september 2015", None),
    ]


def test_the_demo_themes_are_the_documents_examples_and_public(demo):
    themes = Idea.objects.filter(municipality__code="165").order_by("pk")

    assert [t.title for t in themes][:2] == [
        "Visioner for Vækst og udvikling i Copenhagen",
        "Lysregionen, innovation og internationale markeder",
    ]
    assert themes.count() == 10
    page = Client().get("/k/165/erhverv/erhvervsforum/temaer/").content.decode()
    assert "Erhvervsudvikling i Hersted Industripark" in page


def test_loading_the_forum_demo_again_adds_nothing(demo):
    before = (Forum.objects.count(), Meeting.objects.count(), Idea.objects.count())

    forum_demo.load()

    assert (Forum.objects.count(), Meeting.objects.count(), Idea.objects.count()) == before
