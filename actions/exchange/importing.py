"""Import of an edited sheet: every row validated first, then all rows applied or none.

The rules are in the package's docstring (`actions.exchange`); the writes are the activity
services' (`actions.services`), so the import checks, versions and audits like the edit form.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from actions.enums import ActivityStatus
from actions.exchange.columns import (
    COLUMNS,
    HEADERS,
    NUMBER_LIMITS,
    NUMBER_PLACES,
    SCALAR_FIELDS,
    TEXT_FIELDS,
)
from actions.exchange.reading import (
    FileError,
    _names,
    _parse_date,
    _parse_id,
    _parse_number,
    _text,
    read_sheet,
    row_fingerprint,
)
from actions.models import Activity, Partner
from actions.periods import PeriodError, period_dates
from actions.services import create_activity, update_activity
from core.bounds import validate_plausible_date
from core.concurrency import ConcurrentEditError
from core.imports import RowError
from core.locale import NumberError, format_date, format_number
from core.models import User
from strategy.models import Plan, Theme


@dataclass
class ImportResult:
    """What an import did, or why it did nothing.

    `file_error` is a problem with the whole file (wrong type, too large, no header, no rows);
    `errors` are the problems of single rows. When either is set, nothing was saved, and
    `created`/`updated` are empty; `planned_creates`/`planned_updates` still say what the valid
    rows would have done.
    """

    file_error: str = ""
    errors: list[RowError] = field(default_factory=list)
    row_count: int = 0
    planned_creates: int = 0
    planned_updates: int = 0
    created: list[Activity] = field(default_factory=list)
    updated: list[Activity] = field(default_factory=list)
    unchanged: list[Activity] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.file_error and not self.errors

    @property
    def error_row_count(self) -> int:
        return len({error.row for error in self.errors})


class _Conflict(Exception):
    """Someone saved an activity between reading the rows and applying them."""


class _Refused(Exception):
    """A service refused a row while applying; the argument is the row's errors."""


def _errors_of(number: int, error: ValidationError) -> list[RowError]:
    """A model's or service's ValidationError as errors of row `number`, by column header."""
    return [
        RowError(number, HEADERS.get(name, ""), " ".join(messages))
        for name, messages in error.message_dict.items()
    ]


@dataclass
class _RowOutcome:
    """What reading one row gave: the change to apply, the row's errors, and the activity when
    it was changed in Kurs after the export while the row was changed in the sheet."""

    row: int
    change: _RowChange | None
    errors: list[RowError] = field(default_factory=list)
    conflict: Activity | None = None


@dataclass
class _RowChange:
    row: int
    activity: Activity | None
    values: dict
    themes: list[Theme]
    partners: list[Partner]
    changed: bool = True
    expected_version: int | None = None


class _Row:
    """One row's cells by column key, and its errors: at most one for a cell that cannot be
    read at all (a formula, or longer than its column allows), which is then read as empty."""

    def __init__(self, number: int, values: tuple, positions: dict[str, int], formulas):
        self.number = number
        self.cells = {key: values[i] if i < len(values) else None for key, i in positions.items()}
        self.errors: list[RowError] = []
        self.unreadable: set[str] = set()
        for column in COLUMNS:
            if column.key in formulas:
                self.error(
                    column.key,
                    _(
                        "Cellen indeholder en formel. Skriv selve værdien: importen læser ikke "
                        "formler."
                    ),
                )
            elif (length := len(_text(self.cells.get(column.key)))) > column.max_chars:
                # A hidden column's cell is read as empty; the error about that says what to do.
                if not column.hidden:
                    self.error(
                        column.key,
                        _("Højst %(limit)s tegn; cellen har %(length)s.")
                        % {
                            "limit": format_number(column.max_chars),
                            "length": format_number(length),
                        },
                    )
            else:
                continue
            self.unreadable.add(column.key)

    def cell(self, key: str):
        return None if key in self.unreadable else self.cells[key]

    def error(self, key: str, message: str) -> None:
        if key not in self.unreadable:
            self.errors.append(RowError(self.number, HEADERS[key], message))


class _RowReader:
    """Reads one plan's rows against what the plan and the municipality have."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.activities = {
            activity.pk: activity
            for activity in Activity.objects.filter(plan=plan)
            .select_related("owner")
            .prefetch_related("themes", "partners")
        }
        self.themes: dict[str, Theme] = {}
        for theme in Theme.objects.filter(plan=plan).order_by("order", "pk"):
            self.themes.setdefault(theme.title.strip().casefold(), theme)
        self.partners = {
            partner.name.strip().casefold(): partner
            for partner in Partner.objects.filter(municipality_id=plan.municipality_id)
        }
        self.users = {
            user.username: user
            for user in User.objects.filter(
                memberships__municipality_id=plan.municipality_id
            ).distinct()
        }
        self.users_folded: dict[str, list[User]] = {}
        for user in self.users.values():
            self.users_folded.setdefault(user.username.casefold(), []).append(user)
        with translation.override("da"):
            self.statuses = {str(s.label).casefold(): s.value for s in ActivityStatus}
        self.statuses.update({s.value: s.value for s in ActivityStatus})
        self.seen_ids: dict[int, int] = {}

    def read(
        self, number: int, values: tuple, positions: dict[str, int], formulas: set[str]
    ) -> _RowOutcome:
        """Row `number`'s change, its errors, and the activity when it conflicts with an edit
        made in Kurs after the export. `formulas` are the keys of cells holding a formula."""
        row = _Row(number, values, positions, formulas)
        activity = self._activity(row)
        exported_version = None
        if activity is not None:
            exported_version = self._exported_version(row)
            if not row.errors and _text(row.cell("check")) == row_fingerprint(row.cells):
                # Not edited in the sheet: left alone, also when Kurs has changed it since.
                unchanged = _RowChange(number, activity, {}, [], [], changed=False)
                return _RowOutcome(number, unchanged)

        values = {key: _text(row.cell(key)) for key in TEXT_FIELDS}
        if not values["title"]:
            row.error("title", _("Titel skal udfyldes."))
        values["status"] = self._status(row, activity)
        values.update(self._dates(row, values["period_text"], activity))
        values.update(self._numbers(row))
        values["owner"] = self._owner(row)
        themes = self._named(row, "themes", self.themes, _("Planen har ikke temaet '%(name)s'."))
        partners = self._named(
            row,
            "partners",
            self.partners,
            _(
                "Samarbejdspartneren '%(name)s' findes ikke i kommunen. En administrator kan "
                "oprette den under Administration → Samarbejdspartnere."
            ),
        )
        if not row.errors:
            row.errors += self._model_errors(number, values)

        change = None
        if not row.errors:
            change = _RowChange(number, activity, values, themes, partners)
            if activity is not None:
                change.changed = self._differs(activity, change)
                change.expected_version = exported_version
        stale = activity is not None and exported_version not in (None, activity.version)
        if stale and (row.errors or change.changed):
            return _RowOutcome(number, None, row.errors, conflict=activity)
        return _RowOutcome(number, change, row.errors)

    @staticmethod
    def _exported_version(row: _Row) -> int | None:
        with contextlib.suppress(ValueError):
            version = _parse_id(row.cell("version"))
            if version is not None:
                return version
        row.error(
            "id",
            _(
                "Rækken mangler aktivitetens version fra eksporten (den skjulte kolonne "
                "%(column)s). Eksportér planens aktiviteter igen, og ret i det nye ark."
            )
            % {"column": HEADERS["version"]},
        )
        return None

    def _status(self, row: _Row, activity: Activity | None) -> str | None:
        typed = _text(row.cell("status"))
        if not typed:
            return activity.status if activity else ActivityStatus.PLANNED.value
        if typed.casefold() in self.statuses:
            return self.statuses[typed.casefold()]
        with translation.override("da"):
            allowed = ", ".join(str(s.label) for s in ActivityStatus)
        row.error(
            "status",
            _("Ukendt status '%(status)s'. Brug en af: %(allowed)s.")
            % {"status": typed, "allowed": allowed},
        )
        return None

    @staticmethod
    def _dates(row: _Row, period_text: str, activity: Activity | None) -> dict:
        """Start and end as typed (bounded to 1900-2100), then by the period rule."""
        dates = {}
        for key in ("starts_on", "ends_on"):
            dates[key] = None
            try:
                typed = _parse_date(row.cell(key))
                validate_plausible_date(typed)
            except ValidationError as problem:
                row.error(key, " ".join(problem.messages))
            except ValueError:
                row.error(key, _("Skriv en dato, fx 31-12-2016."))
            else:
                dates[key] = typed
        try:
            dates["starts_on"], dates["ends_on"] = period_dates(
                period_text, dates["starts_on"], dates["ends_on"], current=activity
            )
        except PeriodError as problem:
            row.error("period_text", str(problem))
        if dates["starts_on"] and dates["ends_on"] and dates["ends_on"] < dates["starts_on"]:
            row.error(
                "ends_on",
                _("Slut (%(end)s) ligger før Start (%(start)s).")
                % {
                    "end": dates["ends_on"].strftime("%d-%m-%Y"),
                    "start": dates["starts_on"].strftime("%d-%m-%Y"),
                },
            )
        return dates

    @staticmethod
    def _numbers(row: _Row) -> dict:
        numbers = {}
        for key, places in NUMBER_PLACES.items():
            numbers[key] = None
            try:
                amount = _parse_number(row.cell(key))
            except NumberError as problem:
                row.error(key, str(problem))
                continue
            if amount is None:
                continue
            if amount < 0:
                row.error(key, _("Må ikke være negativ."))
                continue
            amount = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
            if amount > NUMBER_LIMITS[key]:
                row.error(key, _("Tallet er for stort."))
                continue
            numbers[key] = amount
        return numbers

    def _owner(self, row: _Row) -> User | None:
        username = _text(row.cell("owner"))
        if not username:
            return None
        user = self.users.get(username)
        if user is None and len(self.users_folded.get(username.casefold(), [])) == 1:
            user = self.users_folded[username.casefold()][0]
        if user is None:
            row.error(
                "owner",
                _("'%(username)s' er ikke brugernavnet på en bruger i kommunen.")
                % {"username": username},
            )
        return user

    @staticmethod
    def _named(row: _Row, key: str, known: dict, unknown: str) -> list:
        """The rows of `known` (by folded name) that the cell's list names, each once."""
        found = []
        for name in _names(row.cell(key)):
            item = known.get(name.casefold())
            if item is None:
                row.error(key, unknown % {"name": name})
            elif item not in found:
                found.append(item)
        return found

    def _activity(self, row: _Row) -> Activity | None:
        """The plan's activity the ID cell names; None for a new row or when it names none."""
        try:
            activity_id = _parse_id(row.cell("id"))
        except ValueError:
            row.error("id", _("ID skal være et helt tal fra Kurs, eller tomt for en ny aktivitet."))
            return None
        if activity_id is None:
            return None
        activity = self.activities.get(activity_id)
        if activity is None:
            row.error(
                "id",
                _(
                    "Der er ingen aktivitet med ID %(id)s i denne plan. Lad ID være "
                    "tomt for at oprette en ny aktivitet."
                )
                % {"id": activity_id},
            )
        elif activity_id in self.seen_ids:
            row.error(
                "id",
                _("ID %(id)s står også i række %(row)s.")
                % {"id": activity_id, "row": self.seen_ids[activity_id]},
            )
            return None
        else:
            self.seen_ids[activity_id] = row.number
        return activity

    def _model_errors(self, number: int, values: dict) -> list[RowError]:
        """The model's own field rules, as a last check (lengths, digits, choices)."""
        candidate = Activity(plan=self.plan, **values)
        try:
            # The plan and the owner are checked above; excluding them saves two queries a row.
            candidate.full_clean(
                exclude=["plan", "owner"], validate_unique=False, validate_constraints=False
            )
        except ValidationError as problem:
            return _errors_of(number, problem)
        return []

    @staticmethod
    def _differs(activity: Activity, change: _RowChange) -> bool:
        for name in SCALAR_FIELDS:
            if getattr(activity, name) != change.values[name]:
                return True
        if {t.pk for t in activity.themes.all()} != {t.pk for t in change.themes}:
            return True
        return {p.pk for p in activity.partners.all()} != {p.pk for p in change.partners}


def _conflict_messages(activities: list[Activity]) -> dict[int, str]:
    """For each activity changed in Kurs since the export, the row error that says so, naming
    who changed it last and when (from its newest change in the history, read in one query)."""
    if not activities:
        return {}
    newest = (
        Activity.history.filter(id=OuterRef("id"), history_type="~")
        .order_by("-history_id")
        .values("history_id")[:1]
    )
    records = {
        record.id: record
        for record in Activity.history.filter(
            id__in=[a.pk for a in activities], history_id=Subquery(newest)
        ).select_related("history_user")
    }
    advice = _("Eksportér arket igen, og ret i den nye udgave, så ændringen ikke overskrives.")
    messages = {}
    for activity in activities:
        record = records.get(activity.pk)
        if record is None:
            changed = _("Aktiviteten er ændret i Kurs, efter arket blev eksporteret.")
        else:
            when = timezone.localtime(record.history_date)
            details = {
                "user": record.history_user,
                "when": _("%(date)s kl. %(time)s")
                % {"date": format_date(when), "time": when.strftime("%H:%M")},
            }
            if record.history_user is not None:
                changed = (
                    _(
                        "Aktiviteten er ændret i Kurs af %(user)s den %(when)s, efter arket blev "
                        "eksporteret."
                    )
                    % details
                )
            else:
                changed = (
                    _("Aktiviteten er ændret i Kurs den %(when)s, efter arket blev eksporteret.")
                    % details
                )
        messages[activity.pk] = f"{changed} {advice}"
    return messages


def _apply(changes: list[_RowChange], *, plan: Plan, user, result: ImportResult) -> None:
    """Apply every change through the activity services, in one transaction: an edit by someone
    else (ConcurrentEditError) or a value the service refuses (ValidationError) in any row takes
    back the rows applied before it."""
    reason = _("Importeret fra Excel")
    with transaction.atomic():
        for change in changes:
            try:
                if change.activity is None:
                    activity = create_activity(
                        plan=plan,
                        user=user,
                        values=change.values,
                        themes=change.themes,
                        partners=change.partners,
                        reason=reason,
                    )
                    result.created.append(activity)
                elif not change.changed:
                    result.unchanged.append(change.activity)
                else:
                    activity = update_activity(
                        activity=change.activity,
                        user=user,
                        expected_version=change.expected_version,
                        changes=change.values,
                        themes=change.themes,
                        partners=change.partners,
                        reason=reason,
                    )
                    result.updated.append(activity)
            except ConcurrentEditError as error:
                raise _Conflict(change.row) from error
            except ValidationError as error:
                raise _Refused(_errors_of(change.row, error)) from error


def import_activities(*, plan: Plan, user, file, filename: str) -> ImportResult:
    """Create and update `plan`'s activities from the .xlsx `file`; all rows or none.

    `file` is a binary file object (an upload); at most 5 MB of it is read. Returns an
    ImportResult; nothing is saved unless `result.ok`. Side effects when saved: the activities,
    their theme and partner lists, a `version` bump on each changed activity, and history rows
    naming `user` with the reason "Importeret fra Excel".
    """
    result = ImportResult()
    try:
        sheet = read_sheet(file, filename)
    except FileError as problem:
        result.file_error = str(problem)
        return result
    result.row_count = len(sheet.rows)
    reader = _RowReader(plan)
    outcomes = [
        reader.read(number, values, sheet.positions, sheet.formula_keys(number))
        for number, values in sheet.rows
    ]
    conflicts = _conflict_messages([o.conflict for o in outcomes if o.conflict is not None])
    changes: list[_RowChange] = []
    for outcome in outcomes:
        if outcome.conflict is not None:
            message = conflicts[outcome.conflict.pk]
            result.errors.append(RowError(outcome.row, HEADERS["id"], message))
        result.errors += outcome.errors
        if outcome.change is not None:
            changes.append(outcome.change)
    result.planned_creates = sum(1 for c in changes if c.activity is None)
    result.planned_updates = sum(1 for c in changes if c.activity is not None and c.changed)
    if result.errors:
        return result
    try:
        _apply(changes, plan=plan, user=user, result=result)
    except _Refused as refused:
        result.created, result.updated, result.unchanged = [], [], []
        result.errors = refused.args[0]
    except _Conflict as conflict:
        result.created, result.updated, result.unchanged = [], [], []
        result.file_error = _(
            "Aktiviteten i række %(row)s blev ændret af en anden under importen. Intet er gemt: "
            "eksportér arket igen og ret i den nye udgave."
        ) % {"row": conflict.args[0]}
    return result
