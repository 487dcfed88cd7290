import pytest

from forum.tests.factories import ForumFactory


@pytest.fixture
def forum(municipality):
    return ForumFactory(municipality=municipality)
