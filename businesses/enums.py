from django.db import models
from django.utils.translation import gettext_lazy as _


class IndustryCodeSystem(models.TextChoices):
    """The industry code list a code belongs to: the register moved from DB07 to DB25 in 2025."""

    DB07 = "DB07", _("DB07 (NACE rev. 2)")
    DB25 = "DB25", _("DB25 (NACE rev. 2.1)")


class EmployeeBand(models.TextChoices):
    """The register's employee bands (`intervalKodeAntalAnsatte`)."""

    NONE = "ANTAL_0_0", _("0 ansatte")
    ONE = "ANTAL_1_1", _("1 ansat")
    FROM_2 = "ANTAL_2_4", _("2-4 ansatte")
    FROM_5 = "ANTAL_5_9", _("5-9 ansatte")
    FROM_10 = "ANTAL_10_19", _("10-19 ansatte")
    FROM_20 = "ANTAL_20_49", _("20-49 ansatte")
    FROM_50 = "ANTAL_50_99", _("50-99 ansatte")
    FROM_100 = "ANTAL_100_199", _("100-199 ansatte")
    FROM_200 = "ANTAL_200_499", _("200-499 ansatte")
    FROM_500 = "ANTAL_500_999", _("500-999 ansatte")
    FROM_1000 = "ANTAL_1000_", _("1.000 ansatte og derover")


class CompanySource(models.TextChoices):
    """Where a company's row comes from."""

    REGISTER = "cvr", _("CVR-registret")
    MUNICIPALITY = "municipality", _("Kommunens egen liste")
