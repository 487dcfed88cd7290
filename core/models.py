from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ObjectDoesNotExist
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.enums import Role

municipality_code_validator = RegexValidator(
    r"^\d{3}$", _("Kommunekoden er tre cifre, fx 165 for Albertslund.")
)


def normalise_municipality_code(raw: str | int) -> str:
    """Return the official three-digit code from '165', '0165' or 165."""
    digits = str(raw).strip()
    if not digits.isdigit():
        raise ValueError(f"not a municipality code: {raw!r}")
    code = digits.lstrip("0").rjust(3, "0")
    if len(code) != 3:
        raise ValueError(f"not a municipality code: {raw!r}")
    return code


def municipality_id_of(obj, path: str | None = None) -> int | None:
    """The id of the municipality `obj` belongs to, following its model's `municipality_path`
    (or `path`); None when a step on the way is missing."""
    path = path or type(obj).municipality_path
    if path == "pk":
        return obj.pk
    *hops, last = path.split("__")
    try:
        for hop in hops:
            obj = getattr(obj, hop)
            if obj is None:
                return None
    except ObjectDoesNotExist:
        return None
    return getattr(obj, f"{last}_id", None)


class ScopedQuerySet(models.QuerySet):
    """Rows of a model that names its way to its municipality in `municipality_path`.

    The one way to select a municipality's rows (pretalx's ScopedManager, NetBox's `restrict()`):
    views, queries and the admin call these methods instead of writing the filter by hand.
    """

    def of_municipality(self, municipality):
        return self.filter(**{self.model.municipality_path: municipality})

    def of_municipalities(self, municipality_ids):
        return self.filter(**{f"{self.model.municipality_path}__in": municipality_ids})


class Municipality(models.Model):
    """A Danish municipality (kommune), the tenant that owns all internal data."""

    code = models.CharField(
        _("kommunekode"), max_length=3, unique=True, validators=[municipality_code_validator]
    )
    name = models.CharField(_("navn"), max_length=100)
    # Goes up with every change to the municipality's data: cached parts of its pages are kept
    # under it and so never outlive a change (`core.pagecache`).
    data_version = models.PositiveBigIntegerField(_("dataversion"), default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["data_version"])

    municipality_path = "pk"

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class UserQuerySet(models.QuerySet):
    def members_of(self, municipality):
        """Users with a role in `municipality` (an instance or an id), each once."""
        return self.filter(memberships__municipality=municipality).distinct()


class KursUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    """A person who logs in to Kurs; what they may see comes from their memberships."""

    objects = KursUserManager()

    class Meta:
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Membership(models.Model):
    """A user's role in one municipality."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("bruger")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("kommune"),
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)
    # Who gave whom which role, and when: the admin's "History" page of a membership.
    history = HistoricalRecords()

    municipality_path = "municipality"

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("medlemskab")
        verbose_name_plural = _("medlemskaber")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality"],
                name="membership_one_role_per_municipality",
                violation_error_message=_("Brugeren har allerede en rolle i denne kommune."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.municipality.name}: {self.get_role_display()}"

    @property
    def can_edit(self) -> bool:
        return self.role in {Role.ADMINISTRATOR, Role.STAFF}

    @property
    def is_administrator(self) -> bool:
        return self.role == Role.ADMINISTRATOR
