"""Reading wrk's output through report.lua, and the command the runner gives wrk."""

from pathlib import Path

import pytest

from bench import wrk

OUTPUT = """Running 10s test @ http://127.0.0.1:8123/k/165/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   812.61ms  120.11ms   1.31s    70.12%
    Req/Sec    10.23      5.01    30.00     71.20%
  196 requests in 10.04s, 48.78MB read
Requests/sec:     19.52
Transfer/sec:      4.86MB
BENCH {"requests": 196, "duration_us": 10040000, "bytes": 51150000, "p50_us": 790500, \
"p95_us": 1102000, "p99_us": 1250000, "max_us": 1310000, "non2xx": 3, "first_non2xx": 302, \
"connect_errors": 0, "read_errors": 1, "write_errors": 0, "timeouts": 2}
"""


def test_parse_reads_the_figures_the_lua_script_printed():
    result = wrk.parse(OUTPUT, connections=16)

    assert result == wrk.LoadResult(
        connections=16,
        requests=196,
        seconds=10.04,
        p50_ms=790.5,
        p95_ms=1102.0,
        p99_ms=1250.0,
        max_ms=1310.0,
        non_2xx=3,
        first_non_2xx=302,
        socket_errors=1,
        timeouts=2,
    )
    assert result.requests_per_second == pytest.approx(19.52, abs=0.01)
    assert result.failed is True


def test_a_run_with_only_2xx_answers_has_not_failed():
    clean = OUTPUT.replace('"non2xx": 3', '"non2xx": 0').replace(
        '"read_errors": 1', '"read_errors": 0'
    )
    clean = clean.replace('"timeouts": 2', '"timeouts": 0').replace(
        '"first_non2xx": 302', '"first_non2xx": 0'
    )

    result = wrk.parse(clean, connections=16)

    assert result.failed is False
    assert result.first_non_2xx is None


def test_parse_without_the_report_line_says_so():
    with pytest.raises(ValueError, match="no BENCH line"):
        wrk.parse("Running 10s test @ http://127.0.0.1:8123/\n", connections=16)


def test_command_sends_the_session_cookie_uses_the_script_and_a_long_timeout():
    command = wrk.command(
        "http://127.0.0.1:8123/k/165/", connections=16, seconds=10, cookie="sessionid=abc"
    )

    assert command[1:] == [
        "--threads=2",
        "--connections=16",
        "--duration=10s",
        "--timeout=120s",
        f"--script={wrk.SCRIPT}",
        "--header=Cookie: sessionid=abc",
        "http://127.0.0.1:8123/k/165/",
    ]
    assert Path(wrk.SCRIPT).exists()


def test_one_connection_runs_one_thread():
    command = wrk.command("http://127.0.0.1:8123/healthz/", connections=1, seconds=5)

    assert command[1:4] == ["--threads=1", "--connections=1", "--duration=5s"]
