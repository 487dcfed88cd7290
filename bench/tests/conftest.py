"""National data at a tiny scale, generated once per test module inside a transaction that is
rolled back after it (as the demo fixture in the root conftest)."""

from io import StringIO

import pytest
from django.db import transaction

from bench.generate import generate

SEED = 7
SCALE = 0.01


@pytest.fixture(scope="module")
def national_module(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        dataset = generate(seed=SEED, scale=SCALE, stream=StringIO())
        yield dataset
        transaction.set_rollback(True)


@pytest.fixture
def national(national_module, db):
    """The tiny national dataset for one test; each test runs in its own savepoint."""
    return national_module
