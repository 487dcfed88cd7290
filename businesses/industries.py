"""Industry sections (hovedafsnit) of the Danish industry codes: a firm's six-digit code
(`Company.industry_code`) read as the section its first two digits (the NACE division) lie in,
for figures per industry (`visits.rollup`).

DB07 follows NACE rev. 2 (sections A-U) and DB25, which the register uses from 2025, NACE rev.
2.1 (A-V: information and communication is split in two, and the sections after it move one
letter on). The names are Danmarks Statistik's short Danish names, abbreviated.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from businesses.enums import IndustryCodeSystem


@dataclass(frozen=True)
class Section:
    system: str
    letter: str
    name: str
    divisions: tuple[int, int]  # first and last two-digit division, both included

    @property
    def key(self) -> str:
        """A stable key for addresses, e.g. 'DB07-C'."""
        return f"{self.system}-{self.letter}"

    def prefixes(self) -> list[str]:
        first, last = self.divisions
        return [f"{division:02d}" for division in range(first, last + 1)]


_COMMON = [
    ("A", _("Landbrug, skovbrug og fiskeri"), (1, 3)),
    ("B", _("Råstofindvinding"), (5, 9)),
    ("C", _("Industri"), (10, 33)),
    ("D", _("Energiforsyning"), (35, 35)),
    ("E", _("Vandforsyning og renovation"), (36, 39)),
    ("F", _("Bygge og anlæg"), (41, 43)),
]
_DB07 = [
    *_COMMON,
    ("G", _("Handel"), (45, 47)),
    ("H", _("Transport"), (49, 53)),
    ("I", _("Hoteller og restauranter"), (55, 56)),
    ("J", _("Information og kommunikation"), (58, 63)),
    ("K", _("Finansiering og forsikring"), (64, 66)),
    ("L", _("Ejendomshandel og udlejning"), (68, 68)),
    ("M", _("Videnservice"), (69, 75)),
    ("N", _("Rejsebureauer, rengøring og anden operationel service"), (77, 82)),
    ("O", _("Offentlig administration, forsvar og politi"), (84, 84)),
    ("P", _("Undervisning"), (85, 85)),
    ("Q", _("Sundhed og socialvæsen"), (86, 88)),
    ("R", _("Kultur og fritid"), (90, 93)),
    ("S", _("Andre serviceydelser"), (94, 96)),
    ("T", _("Private husholdninger med ansat medhjælp"), (97, 98)),
    ("U", _("Eksterritoriale organisationer"), (99, 99)),
]
_DB25 = [
    *_COMMON,
    ("G", _("Handel"), (46, 47)),
    ("H", _("Transport"), (49, 53)),
    ("I", _("Hoteller og restauranter"), (55, 56)),
    ("J", _("Udgivervirksomhed, radio og tv"), (58, 60)),
    ("K", _("Telekommunikation, it og informationstjenester"), (61, 63)),
    ("L", _("Finansiering og forsikring"), (64, 66)),
    ("M", _("Ejendomshandel og udlejning"), (68, 68)),
    ("N", _("Videnservice"), (69, 75)),
    ("O", _("Administrativ og operationel service"), (77, 82)),
    ("P", _("Offentlig administration, forsvar og politi"), (84, 84)),
    ("Q", _("Undervisning"), (85, 85)),
    ("R", _("Sundhed og socialvæsen"), (86, 88)),
    ("S", _("Kultur og fritid"), (90, 93)),
    ("T", _("Andre serviceydelser"), (94, 96)),
    ("U", _("Private husholdninger med ansat medhjælp"), (97, 98)),
    ("V", _("Eksterritoriale organisationer"), (99, 99)),
]

SECTIONS = [
    Section(system, letter, name, divisions)
    for system, table in ((IndustryCodeSystem.DB07, _DB07), (IndustryCodeSystem.DB25, _DB25))
    for letter, name, divisions in table
]
BY_KEY = {section.key: section for section in SECTIONS}
UNKNOWN_KEY = "ukendt"


def section_of(code: str, system: str) -> Section | None:
    """The section of a six-digit industry `code` in `system` (DB07 when the register left the
    system out), or None when the code is missing or unknown."""
    if len(code) < 2 or not code[:2].isdigit():
        return None
    division = int(code[:2])
    system = system or IndustryCodeSystem.DB07
    return next(
        (
            section
            for section in SECTIONS
            if section.system == system and section.divisions[0] <= division <= section.divisions[1]
        ),
        None,
    )
