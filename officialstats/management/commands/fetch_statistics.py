"""`python manage.py fetch_statistics`: new figures from Statistics Denmark, nightly.

Fetches every series (`officialstats.models.OfficialSeries`), one after the other, each all or
nothing (`officialstats.services.fetch_series`), and reports per series what was added, what
Statistics Denmark revised and how much was unchanged. A series that fails (no network, an error
answer, a changed table) is reported with its goal and table and left as it was; the others are
still fetched, and the command exits non-zero naming the ones that failed.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from core.locale import format_number
from officialstats.client import StatBankClient, StatBankError
from officialstats.models import OfficialSeries
from officialstats.services import fetch_series


def describe(series: OfficialSeries) -> str:
    target = f"målet '{series.goal}'" if series.goal_id else f"'{series.title}'"
    place = f"{series.municipality.name} ({series.municipality.code})"
    return f"{place}, {target}, tabel {series.table_id}"


def _change(change) -> str:
    where = f"{change.area} {change.period}".strip()
    if change.old is None:
        return f"{where}: {format_number(change.new, code='da')}"
    return (
        f"{where}: {format_number(change.old, code='da')} → {format_number(change.new, code='da')}"
    )


class Command(BaseCommand):
    help = (
        "Henter nye tal fra Danmarks Statistik til alle koblede mål og sammenligninger og "
        "gemmer dem som målinger med kilde og periode. Kør dagligt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--municipality", help="Kun denne kommune (kommunekode, fx 165).")

    def handle(self, *args, municipality=None, **options):
        series_list = OfficialSeries.objects.for_fetching()
        if municipality:
            series_list = series_list.filter(municipality__code=municipality)
        client = StatBankClient()
        failed = []
        for series in series_list:
            try:
                report = fetch_series(series=series, client=client)
            except (StatBankError, ValidationError) as error:
                message = "; ".join(error.messages) if isinstance(error, ValidationError) else error
                self.stderr.write(f"FEJL {describe(series)}: {message} Intet er ændret.")
                failed.append(describe(series))
                continue
            self.stdout.write(
                f"{describe(series)}: {len(report.added)} nye, {len(report.changed)} rettede, "
                f"{report.unchanged} uændrede."
            )
            for label, changes in (("Ny", report.added), ("Rettet", report.changed)):
                for change in changes:
                    self.stdout.write(f"  {label}: {_change(change)}")
        if failed:
            raise CommandError(f"{len(failed)} kunne ikke hentes: " + " | ".join(failed))
