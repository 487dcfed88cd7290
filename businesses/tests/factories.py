import factory

from businesses.cvr.numbers import cvr_check_digit
from businesses.models import Company, ProductionUnit


def valid_cvr(n: int) -> str:
    """The n-th fabricated CVR number (91xxxxxx) with a valid modulus-11 check digit."""
    base = 9_100_000 + n * 10
    while (digit := cvr_check_digit(str(base))) is None:
        base += 1
    return f"{base}{digit}"


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    cvr_number = factory.Sequence(valid_cvr)
    name = factory.Sequence(lambda n: f"Fiktiv Virksomhed {n} ApS")
    street = "Hovedgaden"
    house_number = factory.Sequence(lambda n: str(n + 1))
    postcode = "2620"
    city = "Albertslund"
    municipality_code = "165"


class ProductionUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductionUnit

    company = factory.SubFactory(CompanyFactory)
    p_number = factory.Sequence(lambda n: f"{9_980_000_000 + n}")
    name = factory.SelfAttribute("company.name")
    street = factory.SelfAttribute("company.street")
    house_number = factory.SelfAttribute("company.house_number")
    postcode = factory.SelfAttribute("company.postcode")
    city = factory.SelfAttribute("company.city")
    municipality_code = factory.SelfAttribute("company.municipality_code")
