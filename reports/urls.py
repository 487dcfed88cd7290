from django.urls import path, register_converter

from reports import exports, tables, views


class Choice:
    """A path segment that is one of a few fixed words."""

    words: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.regex = "|".join(cls.words)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class TableName(Choice):
    words = tuple(exports.TABLES)


class TableFormat(Choice):
    words = tuple(tables.WRITERS)


class PlanChart(Choice):
    words = ("tidslinje", "ressourcer")


class ChartFormat(Choice):
    words = ("svg", "png")


register_converter(TableName, "table")
register_converter(TableFormat, "table_format")
register_converter(PlanChart, "plan_chart")
register_converter(ChartFormat, "chart_format")

app_name = "reports"
urlpatterns = [
    path("plan/<id:plan_id>/", views.plan_reports, name="plan_reports"),
    path("plan/<id:plan_id>/bestil/", views.report_request, name="request"),
    path("<id:report_id>/", views.report_detail, name="report"),
    path("<id:report_id>/fremdrift/", views.report_progress, name="progress"),
    path("<id:report_id>/send/", views.report_send, name="send"),
    path("<id:report_id>/rapport.html", views.report_html, name="html"),
    path("<id:report_id>/rapport.pdf", views.report_pdf, name="pdf"),
    path("plan/<id:plan_id>/<table:table>.<table_format:fmt>", views.table_export, name="table"),
    path("plan/<id:plan_id>/<plan_chart:chart>.<chart_format:fmt>", views.plan_chart, name="chart"),
    path("maal/<id:goal_id>/diagram.<chart_format:fmt>", views.goal_chart, name="goal_chart"),
    path(
        "statistik/<id:series_id>/diagram.<chart_format:fmt>",
        views.series_chart,
        name="series_chart",
    ),
]
