"""The demo users: one of each role in Albertslund, and a member of Ballerup as the outsider."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from core.enums import Role
from core.models import Membership, Municipality, User
from strategy.demo import upsert

PASSWORD_VARIABLE = "KURS_DEMO_PASSWORD"
DEVELOPMENT_PASSWORD = "kurs-demo-2026"


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    email: str
    municipality_code: str
    role: str


DEMO_USERS = (
    DemoUser("admin", "Mette", "Kjær", "mette.kjaer@example.org", "165", Role.ADMINISTRATOR),
    DemoUser("medarbejder", "Lars", "Holm", "lars.holm@example.org", "165", Role.STAFF),
    DemoUser(
        "udvalg",
        "Hanne",
        "Østergaard",
        "hanne.oestergaard@example.org",
        "165",
        Role.COMMITTEE_READER,
    ),
    DemoUser("ballerup", "Søren", "Dahl", "soeren.dahl@example.org", "151", Role.STAFF),
)


@dataclass(frozen=True)
class Login:
    user: User
    municipality: Municipality
    role: str
    password_set: bool
    password_works: bool

    @property
    def role_label(self) -> str:
        return Role(self.role).label


def resolve_password(environ: Mapping[str, str], debug: bool) -> tuple[str, bool] | None:
    """The demo password and whether it was chosen explicitly, or None when there is none.

    Outside development (DEBUG off) there is no default: a password everybody can read in the
    source must never guard a production installation.
    """
    chosen = environ.get(PASSWORD_VARIABLE, "")
    if chosen:
        return chosen, True
    if debug:
        return DEVELOPMENT_PASSWORD, False
    return None


def ensure_users(
    municipalities: Mapping[str, Municipality], *, password: str, reset_existing_passwords: bool
) -> list[Login]:
    """Create or update the demo users and their memberships.

    A new user gets `password`. An existing user keeps the password they have, unless
    `reset_existing_passwords`: someone may have changed it on purpose.
    """
    logins = []
    for demo in DEMO_USERS:
        user = User.objects.filter(username=demo.username).first()
        created = user is None
        if created:
            user = User(username=demo.username)
        user.first_name = demo.first_name
        user.last_name = demo.last_name
        user.email = demo.email
        user.is_active = True
        set_password = created or reset_existing_passwords
        if set_password:
            user.set_password(password)
        user.save()
        municipality = municipalities[demo.municipality_code]
        # Saved only when the role differs, so a second load writes no history.
        membership = upsert(
            Membership, {"user": user, "municipality": municipality}, {"role": demo.role}
        )
        # Said in the summary, so nobody is told a password that no longer works.
        works = set_password or user.check_password(password)
        logins.append(Login(user, municipality, membership.role, set_password, works))
    return logins
