"""The demo's figures from Statistics Denmark, read from the answers written from the
documentation (`officialstats.recorded`) through the same client and service as the nightly
command, so `load_demo` never calls the network. Their measurements are marked illustrative.

- Jobs in Albertslund (ERHV2), the indicator of the strategy's 2.000-jobs goal, compared with
  the municipalities that border it (Ballerup, Glostrup, Brøndby, Vallensbæk, Høje-Taastrup),
  Region Hovedstaden and all of Denmark, per 1,000 inhabitants.
- The commuting figures of Erhvervspolitik 2023-2026 (PEND101): who commutes in, who commutes
  out, and who lives and works in Albertslund.
"""

from __future__ import annotations

from core.models import Municipality
from officialstats.client import StatBankClient
from officialstats.models import OfficialSeries
from officialstats.recorded import RecordedStatBank
from officialstats.services import fetch_series
from strategy.demo.albertslund import JOBS_GOAL
from strategy.models import Goal

ALBERTSLUND = "165"
# The municipalities that share a border with Albertslund, then the region and the country.
NEIGHBOURS = ["151", "161", "153", "187", "169"]
REGION_HOVEDSTADEN, DENMARK = "084", "000"


def _series(municipality: Municipality, client: StatBankClient) -> list[dict]:
    residences = [v.id for v in client.table_info("PEND101").variable("BOPKOM").values]
    workplaces = [v.id for v in client.table_info("PEND101").variable("ARBEJDSSTED").values]
    elsewhere = {
        "BOPKOM": [code for code in residences if code != ALBERTSLUND],
        "ARBEJDSSTED": [code for code in workplaces if code != ALBERTSLUND],
    }
    return [
        {
            "title": "Job med arbejdssted i kommunen",
            "unit": "job",
            "table_id": "ERHV2",
            "selection": {
                "OMRÅDE": [ALBERTSLUND, *NEIGHBOURS, REGION_HOVEDSTADEN, DENMARK],
                "BRANCHEDB0710": ["TOT"],
                "TAL": ["ANSATTE"],
            },
            "area_variable": "OMRÅDE",
            "per_capita": True,
            "goal": Goal.objects.of_municipality(municipality).get(title=JOBS_GOAL),
        },
        {
            "title": "Pendler ind til arbejdspladser i Albertslund",
            "table_id": "PEND101",
            "selection": {
                "BOPKOM": elsewhere["BOPKOM"],
                "ARBEJDSSTED": [ALBERTSLUND],
                "KØN": ["TOT"],
            },
        },
        {
            "title": "Bor og arbejder i Albertslund",
            "table_id": "PEND101",
            "selection": {"BOPKOM": [ALBERTSLUND], "ARBEJDSSTED": [ALBERTSLUND], "KØN": ["TOT"]},
        },
        {
            "title": "Pendler ud til arbejdspladser i andre kommuner",
            "table_id": "PEND101",
            "selection": {
                "BOPKOM": [ALBERTSLUND],
                "ARBEJDSSTED": elsewhere["ARBEJDSSTED"],
                "KØN": ["TOT"],
            },
        },
    ]


def load(stdout=None) -> list[OfficialSeries]:
    """Albertslund's series, created or brought back to the demo's, and fetched from the recorded
    answers. Run again, it adds nothing."""
    municipality = Municipality.objects.get(code=ALBERTSLUND)
    client = StatBankClient(RecordedStatBank())
    loaded = []
    for order, data in enumerate(_series(municipality, client)):
        info = client.table_info(data["table_id"])
        series, _created = OfficialSeries.objects.update_or_create(
            municipality=municipality,
            title=data["title"],
            defaults={
                "unit": data.get("unit", "personer"),
                "table_text": info.text,
                "order": order,
                "area_variable": "",
                "per_capita": False,
                "goal": None,
                **{key: value for key, value in data.items() if key != "title"},
            },
        )
        series.full_clean()
        report = fetch_series(series=series, client=client, is_illustrative=True)
        loaded.append(series)
        if stdout is not None:
            stdout.write(
                f"Danmarks Statistik (optagede svar), {series.title}: {len(report.added)} nye tal."
            )
    return loaded
