"""The company register: companies and production units from the CVR register, shared by every
municipality, and what each municipality keeps about them itself.

- `Company` and `ProductionUnit` hold one row per CVR number and P-number for the whole country:
  the register is public, and an installation serving all 98 municipalities keeps it once. A
  production unit's `municipality_code` says where it lies, and so which municipality's list it
  is on. Their current name, address, industry, legal form and employee band are stored on the
  row (lists and search read one row per firm); the register's own history of names and
  addresses is kept as dated rows (`CompanyName`, `CompanyAddress`).
- A firm a municipality keeps on its own list without being in the register (or before it is)
  is a `Company` with `kept_by` set: that municipality's data, seen by its members only. When the
  register import meets its CVR number, the row becomes the register's (`kept_by` cleared).
- `CompanyProfile` is what one municipality keeps about a company (key-account owner, note): it
  is scoped like all municipal data.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from businesses.cvr.numbers import validate_cvr, validate_p_number
from businesses.enums import EmployeeBand, IndustryCodeSystem
from businesses.text import normalise
from core.bounds import LongTextField, validate_plausible_date
from core.models import Municipality, ScopedQuerySet, municipality_code_validator

DATE = {"null": True, "blank": True, "validators": [validate_plausible_date]}


class AddressFields(models.Model):
    """A Danish address as the register gives it (`beliggenhedsadresse`)."""

    street = models.CharField(_("vejnavn"), max_length=100, blank=True)
    house_number = models.CharField(_("husnummer"), max_length=20, blank=True)
    postcode = models.CharField(_("postnummer"), max_length=4, blank=True)
    city = models.CharField(_("postdistrikt"), max_length=100, blank=True)
    municipality_code = models.CharField(
        _("kommunekode"),
        max_length=3,
        blank=True,
        validators=[municipality_code_validator],
        db_index=True,
    )

    class Meta:
        abstract = True

    @property
    def address(self) -> str:
        """One line: 'Hovedgaden 12, 2620 Albertslund'."""
        street = " ".join(part for part in (self.street, self.house_number) if part)
        place = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (street, place) if part)


class RegisterUnit(AddressFields):
    """What companies and production units share: name, current address, industry, size, dates
    and the normalised text search compares (`businesses.search`)."""

    name = models.CharField(_("navn"), max_length=300)
    industry_code = models.CharField(_("branchekode"), max_length=6, blank=True)
    industry_name = models.CharField(_("branche"), max_length=300, blank=True)
    industry_code_system = models.CharField(
        _("branchekodesystem"), max_length=4, choices=IndustryCodeSystem.choices, blank=True
    )
    employee_band = models.CharField(
        _("antal ansatte"), max_length=20, choices=EmployeeBand.choices, blank=True
    )
    start_date = models.DateField(_("startdato"), **DATE)
    end_date = models.DateField(_("ophørsdato"), **DATE)
    advertising_protected = models.BooleanField(
        _("reklamebeskyttet"),
        default=False,
        help_text=_("Virksomheden har frabedt sig henvendelser med reklame."),
    )
    register_updated_at = models.DateTimeField(
        _("senest opdateret i CVR"), null=True, blank=True, editable=False
    )
    # Name, address and numbers, normalised (`businesses.text.normalise`); on PostgreSQL a
    # trigram index makes typo-tolerant search fast (migration 0002).
    search_text = models.TextField(_("søgetekst"), blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_text = normalise(" ".join(part for part in self.search_parts() if part))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.end_date is None

    def search_parts(self) -> list[str]:
        return [self.name, self.street, self.house_number, self.postcode, self.city]


class CompanyQuerySet(ScopedQuerySet):
    def on_list_of(self, municipality):
        """The companies on `municipality`'s list: located there, with a production unit there,
        or kept on its own list."""
        unit_there = ProductionUnit.objects.filter(
            company=OuterRef("pk"), municipality_code=municipality.code
        )
        return self.filter(
            Q(municipality_code=municipality.code) | Q(kept_by=municipality) | Exists(unit_there)
        )

    def visible_to(self, municipality):
        """Companies a member of `municipality` may open: the whole public register and the
        municipality's own firms, never another municipality's."""
        return self.filter(Q(kept_by__isnull=True) | Q(kept_by=municipality))


class Company(RegisterUnit):
    """A company (virksomhed): one row per CVR number for the whole country."""

    # A firm kept on one municipality's own list belongs to it; a register row to nobody.
    municipality_path = "kept_by"

    cvr_number = models.CharField(
        _("CVR-nummer"), max_length=8, unique=True, null=True, blank=True, validators=[validate_cvr]
    )
    legal_form_code = models.PositiveSmallIntegerField(
        _("virksomhedsformkode"), null=True, blank=True
    )
    legal_form = models.CharField(_("virksomhedsform"), max_length=100, blank=True)
    kept_by = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="own_companies",
        verbose_name=_("kommunens egen virksomhed"),
        help_text=_("Sat for en virksomhed, som kun kendes fra kommunens egen liste."),
    )

    objects = CompanyQuerySet.as_manager()

    class Meta:
        verbose_name = _("virksomhed")
        verbose_name_plural = _("virksomheder")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cvr_number__isnull=False) | Q(kept_by__isnull=False),
                name="company_in_register_or_kept_by_municipality",
                violation_error_message=_(
                    "En virksomhed uden CVR-nummer skal høre til en kommunes egen liste."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.cvr_number})" if self.cvr_number else self.name

    def search_parts(self) -> list[str]:
        return [*super().search_parts(), self.cvr_number or ""]


class ProductionUnit(RegisterUnit):
    """A production unit (produktionsenhed, P-enhed): a place where a company works."""

    p_number = models.CharField(
        _("P-nummer"), max_length=10, unique=True, validators=[validate_p_number]
    )
    company = models.ForeignKey(
        Company,
        on_delete=models.CASCADE,
        related_name="production_units",
        verbose_name=_("virksomhed"),
    )

    class Meta:
        verbose_name = _("produktionsenhed")
        verbose_name_plural = _("produktionsenheder")
        ordering = ["name", "pk"]
        indexes = [
            models.Index(
                fields=["municipality_code", "company"], name="production_unit_municipality"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} (P {self.p_number})"

    def search_parts(self) -> list[str]:
        return [*super().search_parts(), self.p_number]


class Period(models.Model):
    """A period of the register's history (`periode{gyldigFra, gyldigTil}`); open when current."""

    valid_from = models.DateField(_("gyldig fra"), validators=[validate_plausible_date])
    valid_to = models.DateField(_("gyldig til"), **DATE)

    class Meta:
        abstract = True


class CompanyName(Period):
    """A name the company had in a period, as the register records it."""

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="names", verbose_name=_("virksomhed")
    )
    name = models.CharField(_("navn"), max_length=300)

    class Meta:
        verbose_name = _("navn")
        verbose_name_plural = _("navne")
        ordering = ["company", "-valid_from"]

    def __str__(self) -> str:
        return self.name


class CompanyAddress(Period, AddressFields):
    """An address the company had in a period, as the register records it."""

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="addresses", verbose_name=_("virksomhed")
    )

    class Meta:
        verbose_name = _("adresse")
        verbose_name_plural = _("adresser")
        ordering = ["company", "-valid_from"]

    def __str__(self) -> str:
        return self.address


class CompanyProfile(models.Model):
    """What one municipality keeps about a company: its key-account owner and a note."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="company_profiles",
        verbose_name=_("kommune"),
    )
    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="profiles", verbose_name=_("virksomhed")
    )
    key_account_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="key_accounts",
        verbose_name=_("virksomhedsansvarlig"),
    )
    note = LongTextField(_("note"), blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("kommunens oplysninger om virksomheden")
        verbose_name_plural = _("kommunens oplysninger om virksomheder")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "company"],
                name="company_profile_one_per_municipality",
                violation_error_message=_("Kommunen har allerede oplysninger om virksomheden."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.company} – {self.municipality.name}"


class RegisterSync(models.Model):
    """The last import from the CVR register for one municipality: where the next one starts."""

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        related_name="register_sync",
        verbose_name=_("kommune"),
    )
    changed_since = models.DateTimeField(
        _("ændret siden"),
        help_text=_("Seneste opdateringstidspunkt i forrige import; næste import henter nyere."),
    )
    finished_at = models.DateTimeField(_("afsluttet"))
    added = models.PositiveIntegerField(_("tilføjet"), default=0)
    changed = models.PositiveIntegerField(_("ændret"), default=0)
    closed = models.PositiveIntegerField(_("ophørt"), default=0)

    class Meta:
        verbose_name = _("import fra CVR")
        verbose_name_plural = _("importer fra CVR")

    def __str__(self) -> str:
        return f"{self.municipality.name}: {self.changed_since:%Y-%m-%d %H:%M}"
