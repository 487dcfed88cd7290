"""Reading an adopted policy document and proposing its plan: structure and goals.

Offline and rule-based (see `goals` for the rules, `layout` for how lines and sentences are
found, `reading` for the file types). `extract(source)` returns an `Extraction`: the text, the
plan's title and period as the document states them, its tracks and themes (from headings), and
the goals found, each with the offsets of its source sentence in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from imports.extract import goals as rules
from imports.extract.layout import Line, lines_of
from imports.extract.numbers import YEAR, plain
from imports.extract.reading import DocumentError, SourceText, read_bytes, read_file, read_path

__all__ = [
    "DocumentError",
    "Extraction",
    "extract",
    "extract_text",
    "read_bytes",
    "read_file",
    "read_path",
]

TRACK_PREFIX = re.compile(
    r"^(?P<kind>strategisk|tværgående|tematisk)?\s*(?:spor|indsatsområde|fokusområde|tema|"
    r"strategisk spor|tværgående spor)\s*(?:\d+)?\s*[:.–-]\s*(?P<title>.+)$",
    re.I,
)
LABEL_LEVEL = 99  # a goal section opened by a label ends at the next heading or label
PERIOD = re.compile(rf"({YEAR})\s*[-–]\s*({YEAR}|\d\d)(?!\d)")
PLAN_KIND_WORDS = [
    ("action_plan", re.compile(r"handle?(?:ings)?plan", re.I)),
    ("timetable", re.compile(r"tidsplan", re.I)),
    ("policy", re.compile(r"politik", re.I)),
    ("strategy", re.compile(r"strategi|vækstplan|udviklingsplan", re.I)),
]


@dataclass
class Track:
    title: str
    kind: str  # strategic, cross_cutting
    start: int
    themes: list[str] = field(default_factory=list)


@dataclass
class Extraction:
    text: str
    title: str = ""
    kind: str = "strategy"
    period_start: int | None = None
    period_end: int | None = None
    tracks: list[Track] = field(default_factory=list)
    goals: list[rules.Goal] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "title": self.title,
            "kind": self.kind,
            "period": [self.period_start, self.period_end] if self.period_start else None,
            "structure": [
                {"title": track.title, "kind": track.kind, "themes": track.themes}
                for track in self.tracks
            ],
            "goals": [goal_json(goal) for goal in self.goals],
        }


def goal_json(goal: rules.Goal) -> dict:
    baseline = None
    if goal.baseline_value is not None or goal.baseline_year is not None:
        baseline = {
            "value": plain(goal.baseline_value),
            "year": goal.baseline_year,
            "derived": goal.baseline_derived,
        }
    return {
        "text": goal.text,
        "kind": goal.kind,
        "metric": goal.metric,
        "comparator": goal.comparator,
        "target": plain(goal.target),
        "target_high": plain(goal.target_high),
        "unit": goal.unit,
        "factor": plain(goal.factor),
        "direction": goal.direction,
        "deadline": goal.deadline,
        "deadline_text": goal.deadline_text,
        "recurring": goal.recurring,
        "recurring_from": goal.recurring_from,
        "baseline": baseline,
        "track": goal.track,
        "theme": goal.theme,
        "start": goal.start,
        "end": goal.end,
    }


def extract(source: SourceText) -> Extraction:
    return extract_text(source.text, source.marked_headings)


def _track_of(heading: Line) -> Track | None:
    match = TRACK_PREFIX.match(heading.text)
    if not match:
        return None
    kind = "cross_cutting" if (match.group("kind") or "").lower() == "tværgående" else "strategic"
    return Track(title=match.group("title").strip(" *_"), kind=kind, start=heading.start)


def _title_and_period(lines: list[Line]) -> tuple[str, int | None, int | None]:
    headings = [line for line in lines if line.kind == "heading"][:6]
    title = headings[0].text if headings else ""
    for line in headings:
        match = PERIOD.search(line.text)
        if match:
            start, end = int(match.group(1)), match.group(2)
            end = int(end) if len(end) == 4 else int(str(start)[:2] + end)
            if end >= start:
                return (title or line.text), start, end
    return title, None, None


def extract_text(text: str, marked_headings: dict[int, int] | None = None) -> Extraction:
    lines = lines_of(text, marked_headings)
    title, period_start, period_end = _title_and_period(lines)
    extraction = Extraction(
        text=text, title=title[:200], period_start=period_start, period_end=period_end
    )
    for kind, pattern in PLAN_KIND_WORDS:
        if pattern.search(title):
            extraction.kind = kind
            break

    explicit_tracks = any(_track_of(line) for line in lines if line.kind == "heading")
    current_track: Track | None = None
    heading_title: str | None = None  # nearest heading that is not a role heading
    in_goal_section = False
    goal_section_level = 0
    theme: str | None = None
    previous_sentences: list[str] = []
    found: list[rules.Goal] = []
    tracks: dict[str, Track] = {}

    section_deadline: tuple[int | str | None, str] = (None, "")
    # A goal list introduced by a sentence ending in a colon ("… og når vores mål om:") lasts
    # as long as its bullets do.
    list_only = False

    def start_goal_section(text: str, level: int, only_list: bool = False) -> None:
        nonlocal in_goal_section, goal_section_level, theme, section_deadline, list_only
        in_goal_section, goal_section_level, theme = True, level, None
        list_only = only_list
        section_deadline = rules.parse_sentence(text).deadline, text

    for line in lines:
        if line.kind in ("blank", "skip"):
            continue
        if list_only and in_goal_section and line.kind != "bullet":
            in_goal_section = list_only = False
        if line.kind == "heading":
            track = _track_of(line)
            theme = None
            previous_sentences = []
            if track:
                current_track = tracks.setdefault(track.title.lower(), track)
                heading_title = track.title
                in_goal_section = False
            elif rules.is_goal_heading(line.text):
                start_goal_section(line.text, line.level)
            else:
                if (
                    in_goal_section
                    and line.level
                    and goal_section_level
                    and line.level > goal_section_level
                ):
                    theme = line.text  # a sub-heading inside a goal section
                    continue
                in_goal_section = False
                if not rules.ROLE_HEADING.match(line.text):
                    heading_title = line.text
                    if not explicit_tracks:
                        current_track = None
            continue
        if line.kind == "label":
            if rules.is_goal_heading(line.text) and not rules.names_parts(line.text):
                if not in_goal_section or goal_section_level == LABEL_LEVEL:
                    start_goal_section(line.text, LABEL_LEVEL)
                else:
                    theme = line.text.rstrip(":").strip()
            elif (
                in_goal_section
                and goal_section_level != LABEL_LEVEL
                and not rules.names_parts(line.text)
            ):
                theme = line.text.rstrip(":").strip()
            else:
                # A label of another kind ("Strategien dækker følgende temaer:") opens a list
                # that is not goals.
                in_goal_section = False
            continue
        for index, sentence in enumerate(line.sentences):
            goal = _goal_of(sentence.text, line, index, in_goal_section, previous_sentences)
            previous_sentences.append(sentence.text)
            if goal is None:
                continue
            goal.start, goal.end = sentence.start, sentence.end
            goal.in_goal_section = in_goal_section
            goal.theme = theme
            if in_goal_section and goal.deadline is None and section_deadline[0] is not None:
                # "I 2030 stræber vi efter:" dates every goal of its list.
                goal.deadline, goal.deadline_text = section_deadline
                if goal.kind == "qualitative":
                    goal.kind = "milestone"
            if explicit_tracks:
                goal.track = current_track.title if current_track else None
            else:
                goal.track = heading_title
            found.append(goal)
        if (
            line.kind == "paragraph"
            and line.text.rstrip().endswith(":")
            and rules.is_goal_heading(line.text)
            and not rules.names_parts(line.text)
        ):
            start_goal_section(line.text, LABEL_LEVEL, only_list=True)

    extraction.goals = _without_repeats(found)
    if explicit_tracks:
        ordered = sorted(tracks.values(), key=lambda track: track.start)
    else:
        ordered, seen = [], set()
        for goal in extraction.goals:
            if goal.track and goal.track.lower() not in seen:
                seen.add(goal.track.lower())
                ordered.append(Track(title=goal.track, kind="strategic", start=goal.start))
    for track in ordered:
        for goal in extraction.goals:
            if goal.track == track.title and goal.theme and goal.theme not in track.themes:
                track.themes.append(goal.theme)
    extraction.tracks = ordered
    return extraction


def _goal_of(
    sentence: str, line: Line, index: int, in_goal_section: bool, previous: list[str]
) -> rules.Goal | None:
    if len(sentence) < 12 or len(sentence) > 600:
        return None
    goal = rules.parse_sentence(sentence)
    intention = rules.states_intention(sentence)
    if in_goal_section:
        if line.kind == "bullet" and index == 0:
            return _with_nearby_baseline(goal, previous)
        if goal.has_target or goal.deadline is not None:
            explicit = goal.extras.get("explicit_comparator") or goal.unit == "placering"
            if rules.reports_figure(sentence) and not intention and not explicit:
                return None
            if rules.PAST.search(sentence) and line.kind != "bullet":
                return None
            if (
                line.kind == "bullet"
                and goal.deadline is not None
                and not rules.PAST.search(sentence)
            ):
                return goal  # "Den første … er etableret senest i 2017": a milestone of the bullet
            if goal.has_target or intention:
                return _with_nearby_baseline(goal, previous)
        return None
    if not goal.has_target:
        return None
    if not intention:
        return None
    if goal.unit in ("kr.", "mio. kr.", "mia. kr."):
        return None  # money outside a goal list is a budget or a cost, not a target
    # Out of a goal section a number and a "skal" are not enough ("Ring 3 skal …"): the goal
    # must say when, how much at least, or call itself a goal.
    explicit = goal.extras.get("explicit_comparator") or goal.unit in ("placering", "%")
    if not (
        goal.deadline is not None
        or explicit
        or goal.factor is not None
        or rules.STRONG_INTENTION.search(sentence)
    ):
        return None
    if rules.PAST.search(sentence):
        # "hvor der blev sat et mål om …": an intention reported from the past.
        return None
    return _with_nearby_baseline(goal, previous)


def _with_nearby_baseline(goal: rules.Goal, previous: list[str]) -> rules.Goal:
    """A relative target ("fordoble", "en stigning på 50 %") takes its baseline from a figure
    of today stated in the sentences just before it, when the sentence itself has none."""
    if goal.factor is None or goal.target is not None or goal.baseline_value is not None:
        return goal
    for sentence in reversed(previous[-2:]):
        if not rules.reports_figure(sentence):
            continue
        figure = rules.parse_sentence(sentence)
        quantities = [q for q in figure.extras.get("quantities", []) if q.role == "target"]
        if quantities:
            goal.baseline_value = quantities[-1].value
            years = re.findall(YEAR, sentence)
            goal.baseline_year = int(years[-1]) if years else None
            goal.target = (goal.baseline_value * goal.factor).normalize()
            if not goal.unit:
                goal.unit = quantities[-1].unit
            break
    return goal


def _without_repeats(goals: list[rules.Goal]) -> list[rules.Goal]:
    """One goal per target: a foreword that repeats "2.000 nye arbejdspladser" adds nothing.

    Of goals with the same target, unit and first metric word, the one in a goal section, with a
    deadline, comes first; the others are dropped. Qualitative goals are never merged."""

    def key(goal):
        words = [w for w in goal.metric.lower().split() if w not in ("nye", "flere", "ekstra")]
        head = words[0] if words else ""
        return (goal.target, goal.unit, head)

    # Goals in goal sections stand as written; a goal outside one (a foreword, an introduction)
    # is dropped when a goal elsewhere has the same target and metric.
    kept_keys = {key(goal) for goal in goals if goal.target is not None and goal.in_goal_section}
    result, seen_outside = [], set()
    for goal in goals:
        if goal.target is None or goal.in_goal_section:
            result.append(goal)
            continue
        if key(goal) in kept_keys or key(goal) in seen_outside:
            continue
        seen_outside.add(key(goal))
        result.append(goal)
    return result
