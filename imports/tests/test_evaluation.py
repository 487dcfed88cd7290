"""The scoring script runs in CI and prints precision and recall per document."""

from imports.evaluation.score import report, score_all


def test_the_extractor_is_scored_against_the_hand_written_goals(capsys):
    scores = score_all()
    with capsys.disabled():
        print("\n" + report(scores))
    assert {score.name for score in scores} >= {
        "seed_001_albertslund_erhvervsstrategi_2013_2017",
        "seed_002_albertslund_erhvervspolitik_2023_2026",
        "seed_004_ballerup_tidsplan_2007_2009",
    }
    assert sum(score.held_out for score in scores) >= 1
    municipalities = {score.municipality for score in scores} - {"Albertslund", "Ballerup"}
    assert len(municipalities) >= 3
    # A floor, not the figure: the README states what the last run measured.
    matched = sum(score.matched for score in scores)
    assert matched / sum(score.expected for score in scores) >= 0.8
    assert matched / sum(score.found for score in scores) >= 0.8


def test_a_document_without_goals_scores_a_found_goal_as_a_miss(tmp_path, monkeypatch):
    from imports.evaluation import score as module

    (tmp_path / "documents").mkdir()
    (tmp_path / "expected").mkdir()
    (tmp_path / "documents" / "plan.txt").write_text(
        "Vi vil skabe 2.000 nye arbejdspladser inden 2017.\n", encoding="utf-8"
    )
    (tmp_path / "expected" / "plan.json").write_text(
        '{"document": "documents/plan.txt", "goals": []}', encoding="utf-8"
    )
    monkeypatch.setattr(module, "HERE", tmp_path)
    monkeypatch.setattr(module, "EXPECTED", tmp_path / "expected")
    [result] = module.score_all()
    assert (result.precision, result.recall) == (0.0, 1.0)
