import pytest

from events.tests.factories import EventFactory


@pytest.fixture
def event(municipality):
    return EventFactory(municipality=municipality, title="Netværksmøde om grøn omstilling")
