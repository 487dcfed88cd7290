"""The targets each page is held to, and how RESULTS.md shows them."""

from bench.results import PageResult, check, render, results_table, targets_table
from bench.wrk import LoadResult


def run(p50: float, p95: float, *, requests: int = 100, non_2xx: int = 0, connections: int = 16):
    return LoadResult(
        connections=connections,
        requests=requests,
        seconds=10.0,
        p50_ms=p50,
        p95_ms=p95,
        p99_ms=p95,
        max_ms=p95,
        non_2xx=non_2xx,
        first_non_2xx=302 if non_2xx else None,
        socket_errors=0,
        timeouts=0,
    )


def page(key="goal", *, p95=40.0, demo=9, national=9, growth_kb=(0, 1024), demo_kb=2048, non_2xx=0):
    return PageResult(
        key=key,
        label=f"{key} page",
        url=f"/{key}/",
        single=run(5.0, 6.0, connections=1),
        loaded=run(p95 / 2, p95, non_2xx=non_2xx),
        queries_demo=demo,
        queries_national=national,
        rss_before_kb={1: 100_000, 2: 100_000},
        rss_after_kb={1: 100_000 + growth_kb[0], 2: 100_000 + growth_kb[1]},
        demo_rss_before_kb={3: 90_000, 4: 90_000},
        demo_rss_after_kb={3: 90_000, 4: 90_000 + demo_kb},
        other_cpu=0.03,
    )


FLOOR = page("floor", p95=10.0, demo=0, national=0)


def test_a_fast_page_with_equal_queries_and_flat_memory_meets_every_target():
    checks = check(page(p95=40.0), FLOOR)

    assert (checks.p95, checks.floor, checks.queries, checks.memory) == (True, True, True, True)
    assert checks.all_met


def test_a_p95_over_150_ms_is_not_met_nor_more_than_five_times_the_floor():
    checks = check(page(p95=151.0), FLOOR)

    assert (checks.p95, checks.floor) == (False, False)


def test_five_times_the_floor_is_met_and_a_little_more_is_not():
    assert check(page(p95=50.0), FLOOR).floor is True
    assert check(page(p95=50.5), FLOOR).floor is False


def test_more_queries_at_national_size_is_not_met():
    assert check(page(demo=9, national=10), FLOOR).queries is False


def test_a_worker_growing_more_than_10_mb_beyond_the_demo_is_not_met():
    assert check(page(growth_kb=(0, 12 * 1024), demo_kb=2048), FLOOR).memory is True
    assert check(page(growth_kb=(0, 12 * 1024 + 1), demo_kb=2048), FLOOR).memory is False


def test_an_answer_that_is_not_2xx_fails_the_row_and_its_latency_target():
    failed = page(p95=20.0, non_2xx=1)

    assert failed.failed
    assert check(failed, FLOOR).p95 is False


def test_results_table_shows_a_pages_figures():
    table = results_table([FLOOR, page(p95=40.0, national=12, growth_kb=(512, 2048))])

    assert table.splitlines()[-1] == (
        "| goal page<br>`/goal/` | 5.0 ms | 20 ms | 40 ms | 10.0 (100 in 10 s) | 0 | 9 | 12 "
        "| 4.0× "
        "| +2.5 (+2.0) | +2.0 | 3% |"
    )


def test_targets_table_marks_what_is_not_met():
    table = targets_table([FLOOR, page(p95=400.0, national=12)])

    assert table.splitlines()[-1] == (
        "| goal page | **not met** | **not met** | **not met** | met |"
    )


def test_rendered_results_name_the_machine_the_data_and_the_summary():
    text = render(
        [FLOOR, page(p95=40.0), page("plan", p95=400.0)],
        machine={"CPU": "AMD EPYC, 2 cores"},
        dataset={"seed": 2013, "scale": 1.0, "version": 1, "counts": {"goals": 6421}},
        settings={"server": "gunicorn"},
        notes=["Before the stored status."],
    )

    assert "- CPU: AMD EPYC, 2 cores" in text
    assert "- goals: 6,421" in text
    assert "All four targets met by 1 of 2 pages (the floor not counted)." in text
    assert "- Before the stored status." in text


def test_the_summary_names_pages_measured_while_other_processes_were_busy():
    busy = page("plan", p95=40.0)
    busy.other_cpu = 0.45

    text = render(
        [FLOOR, page(p95=40.0), busy],
        machine={},
        dataset={},
        settings={},
    )

    assert (
        "Other processes used more than 10% of the CPU while these pages were measured, so "
        "their figures are worse than the page alone: plan page." in text
    )
