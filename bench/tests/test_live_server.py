"""One short real run: gunicorn as in production with wrk against the floor. Skipped where wrk
is not installed (apt-get install wrk); about three seconds where it is.

The database is an SQLite file that does not exist: /healthz/ must answer without one."""

import pytest

from bench import server, wrk

pytestmark = pytest.mark.skipif(not wrk.available(), reason="wrk is not installed")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("live")


@pytest.fixture(scope="module")
def gunicorn(folder):
    env = server.production_env(
        database_url=f"sqlite:///{folder / 'absent.sqlite3'}",
        secret_key="x" * 50,
        folder=folder,
    )
    running = server.start(env, workers=2, log=folder / "gunicorn.log")
    yield running
    running.stop()


def test_wrk_measures_the_floor_and_counts_answers_that_are_not_2xx(gunicorn, folder):
    floor = wrk.run(gunicorn.base_url + "/healthz/", connections=2, seconds=1)
    missing = wrk.run(gunicorn.base_url + "/healthz/nowhere/", connections=1, seconds=1)

    assert floor.requests > 0
    assert floor.non_2xx == 0
    assert not floor.failed
    assert 0 < floor.p50_ms <= floor.p95_ms <= floor.max_ms
    assert missing.non_2xx == missing.requests > 0
    assert missing.first_non_2xx == 404
    assert not (folder / "absent.sqlite3").exists()


def test_worker_memory_is_read_for_each_worker(gunicorn):
    rss = gunicorn.worker_rss()

    assert len(rss) == 2
    assert all(kb > 10_000 for kb in rss.values())


def test_waiting_for_idle_returns_once_the_queued_requests_are_served(gunicorn):
    wrk.run(gunicorn.base_url + "/healthz/", connections=4, seconds=1)

    gunicorn.wait_idle(timeout=30)

    assert server.open_connections(gunicorn.port) == 0


def test_restarting_gives_new_workers_that_answer(gunicorn):
    before = set(gunicorn.worker_pids())

    gunicorn.restart_workers()

    after = set(gunicorn.worker_pids())
    assert len(after) == 2
    assert not after & before
    assert wrk.run(gunicorn.base_url + "/healthz/", connections=1, seconds=1).non_2xx == 0
