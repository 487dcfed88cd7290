"""Production as the README describes it: `make serve` with DEBUG off and the settings from the
environment. Run for real in subprocesses: Django's deployment checks, the loud failure on a
missing setting, and gunicorn serving the login page and the static files."""

import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    """The environment of a production start on a temporary SQLite database."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DEBUG"}
        and not name.startswith(("SECURE_", "BEHIND_PROXY", "STATIC_", "MEDIA_"))
    }
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="kurs.albertslund.example,127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    return env


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("behind_proxy", ["true", "false"])
def test_deployment_check_finds_nothing_to_warn_about(production_env, behind_proxy):
    production_env["BEHIND_PROXY"] = behind_proxy

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "System check identified no issues (1 silenced).\n"
    assert result.stderr == ""


@pytest.mark.parametrize("name", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_a_required_setting(production_env, name):
    del production_env[name]

    result = manage("check", env=production_env)

    assert result.returncode == 1
    assert f"django.core.exceptions.ImproperlyConfigured: {name} must be set" in result.stderr


def test_production_settings_turn_on_hsts_ssl_redirect_and_persistent_connections(
    production_env,
):
    production_env["BEHIND_PROXY"] = "true"
    code = (
        "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS, "
        "s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER, "
        "s.USE_X_FORWARDED_HOST, s.DATABASES['default']['CONN_MAX_AGE'])"
    )

    result = manage("shell", "--verbosity", "0", "-c", code, env=production_env)

    assert result.stdout == "31536000 True True ('HTTP_X_FORWARDED_PROTO', 'https') True 60\n"


def make_serve(env: dict[str, str], **variables: str) -> list[str]:
    command = ["make", "--no-print-directory", "serve"]
    uv = os.environ.get("UV") or shutil.which("uv")
    if uv:
        command.append(f"UV={uv}")
    return command + [f"{name}={value}" for name, value in variables.items()]


def test_make_serve_names_the_missing_setting(production_env):
    del production_env["ALLOWED_HOSTS"]

    result = subprocess.run(
        make_serve(production_env),
        cwd=BASE_DIR,
        env=production_env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 2
    assert "make serve: ALLOWED_HOSTS must be set (see README.md, Production)" in result.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port: int, path: str, **headers: str) -> tuple[http.client.HTTPResponse, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": "kurs.albertslund.example", **headers})
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def wait_until_serving(port: int, server: subprocess.Popen, seconds: int = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"make serve stopped:\n{server.stdout.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"nothing answered on port {port} within {seconds} s")


@pytest.fixture
def served(production_env):
    """`make serve` behind a (pretend) TLS-terminating proxy, stopped after the test."""
    production_env["BEHIND_PROXY"] = "true"
    port = free_port()
    server = subprocess.Popen(
        make_serve(production_env, HOST="127.0.0.1", PORT=str(port), WORKERS="1"),
        cwd=BASE_DIR,
        env=production_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        wait_until_serving(port, server)
        yield port
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


def test_make_serve_serves_the_login_page_and_static_files_with_debug_off(served):
    proxied = {"X-Forwarded-Proto": "https"}

    login, login_body = get(served, "/login/", **proxied)
    css, css_body = get(served, "/static/kurs/kurs.css", **proxied)
    dkfds, _ = get(served, "/static/vendor/dkfds-11.2.0/css/dkfds.min.css", **proxied)
    plain_http, _ = get(served, "/login/")
    missing, missing_body = get(served, "/ingen-side/", **proxied)

    assert login.status == 200
    assert login.getheader("Content-Type") == "text/html; charset=utf-8"
    assert "<h1>Log ind i Kurs</h1>" in login_body.decode()
    assert login.getheader("Strict-Transport-Security") == "max-age=31536000; includeSubDomains"
    assert css.status == 200
    assert css.getheader("Content-Type") == 'text/css; charset="utf-8"'
    assert css_body == (BASE_DIR / "static" / "kurs" / "kurs.css").read_bytes()
    assert (dkfds.status, dkfds.getheader("Content-Type")) == (200, 'text/css; charset="utf-8"')
    assert plain_http.status == 301
    assert plain_http.getheader("Location") == "https://kurs.albertslund.example/login/"
    assert missing.status == 404
    assert "DEBUG = True" not in missing_body.decode()
