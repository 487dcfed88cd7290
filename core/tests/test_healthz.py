"""/healthz/ answers `ok` for load balancers without touching the database, whoever asks."""

from django.test import Client


def test_healthz_answers_ok_without_a_database_query():
    # No `db` fixture: pytest-django fails the test if anything opens a database connection.
    response = Client().get("/healthz/")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_healthz_sets_no_cookie_and_is_not_cached():
    response = Client().get("/healthz/")

    assert response.cookies == {}
    assert "no-store" in response["Cache-Control"]


def test_healthz_with_a_session_cookie_still_reads_no_session(
    client, staff, django_assert_num_queries
):
    client.force_login(staff)

    with django_assert_num_queries(0):
        response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.content == b"ok"


def test_healthz_answers_head_and_refuses_post():
    client = Client()

    assert client.head("/healthz/").status_code == 200
    assert client.post("/healthz/").status_code == 405
