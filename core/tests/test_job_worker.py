"""The job queue for real: the worker the README names (`make worker`, which runs
`manage.py qcluster`) started as its own process on a database of its own, taking a job queued
by another process and the recurring jobs of `core.schedules` once they are due, with the queue
in the database (the default) and on Redis (`KURS_JOB_BROKER=redis`).

Redis is the machine's at 127.0.0.1:6379 (database 9); without it the Redis case is skipped,
unless KURS_REQUIRE_REDIS=1 (set by .ci/run) makes that a failure."""

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
REDIS_URL = "redis://127.0.0.1:6379/9"


def redis_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def base_env() -> dict[str, str]:
    return {
        name: value
        for name, value in os.environ.items()
        if name not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "KURS_JOBS_SYNC"}
    }


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory) -> Path:
    """A SQLite file migrated once; each case works on a copy of it."""
    path = tmp_path_factory.mktemp("jobs") / "migrated.sqlite3"
    manage("migrate", "--noinput", env=base_env() | {"DATABASE_URL": f"sqlite:///{path}"})
    return path


@pytest.fixture(params=["database", "redis"])
def worker_env(request, tmp_path, migrated_database) -> dict[str, str]:
    """The environment of a worker on a new SQLite file, its queue where the parameter says."""
    database = tmp_path / "db.sqlite3"
    shutil.copyfile(migrated_database, database)
    env = base_env()
    env.update(DATABASE_URL=f"sqlite:///{database}", KURS_JOB_BROKER=request.param)
    if request.param == "redis":
        if not redis_running():
            if os.environ.get("KURS_REQUIRE_REDIS") == "1":
                pytest.fail("Redis is not running at 127.0.0.1:6379 (KURS_REQUIRE_REDIS=1)")
            pytest.skip("needs Redis at 127.0.0.1:6379 (CI has it)")
        env["REDIS_URL"] = REDIS_URL
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
    return env


def manage(*args: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def shell(code: str, *, env: dict[str, str]) -> str:
    return manage("shell", "--no-imports", "-c", code, env=env).strip()


WAIT_FOR_BOTH = """
import time
from django_q.models import Task
deadline = time.monotonic() + 120
while True:
    done = (
        Task.objects.filter(id="{task_id}", success=True).count(),
        Task.objects.filter(group="kurs: platform-figures", success=True).count(),
    )
    if done == (1, 1) or time.monotonic() > deadline:
        break
    time.sleep(0.5)
print(*done)
"""


def test_the_worker_runs_a_queued_job_and_a_due_scheduled_one(worker_env):
    scheduled = manage("schedule_jobs", env=worker_env)
    assert "added: kurs: goal-status" in scheduled
    assert "added: kurs: stalled-reports" in scheduled
    assert scheduled.endswith("11 job(s) scheduled.\n")  # the CVR import waits for CVR_USERNAME
    assert manage("schedule_jobs", env=worker_env) == "11 job(s) scheduled.\n"

    # A job queued by another process, and the due schedule queued as the worker's own
    # scheduler would (it looks every 30 seconds).
    task_id = shell(
        "from django.utils import timezone; from django_q.models import Schedule; "
        "from django_q.scheduler import scheduler; from django_q.tasks import async_task; "
        "Schedule.objects.filter(name='kurs: platform-figures').update(next_run=timezone.now()); "
        "scheduler(); "
        "print(async_task('django.core.management.call_command', 'refresh_goal_status'))",
        env=worker_env,
    )
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=BASE_DIR,
        env=worker_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        done = shell(WAIT_FOR_BOTH.format(task_id=task_id), env=worker_env)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert done == "1 1"
    next_run = shell(
        "from django.utils import timezone; from django_q.models import Schedule; "
        "print(Schedule.objects.get(name='kurs: platform-figures').next_run > timezone.now())",
        env=worker_env,
    )
    assert next_run == "True"
