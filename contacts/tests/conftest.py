from visits.tests.conftest import company, contact, owner  # noqa: F401  (the fixtures, reused)
