"""The company register generator and the search benchmark at a tiny scale."""

from io import StringIO

import pytest

from bench import companies
from bench.sections import COMPANY_SEARCH
from businesses.cvr.numbers import is_valid_cvr
from businesses.models import Company, ProductionUnit
from businesses.text import normalise

pytestmark = pytest.mark.django_db
SCALE = 0.0001  # 220 companies, 280 production units


def test_generator_writes_the_scaled_register_with_valid_numbers_and_search_text():
    counts = companies.generate(seed=3, scale=SCALE, stream=StringIO())

    assert counts == {"companies": 220, "production units": 280}
    register = Company.objects.filter(cvr_number__isnull=False)
    assert all(is_valid_cvr(number) for number in register.values_list("cvr_number", flat=True))
    company = register.first()
    assert company.search_text == normalise(
        f"{company.name} {company.address} {company.cvr_number}".replace(",", "")
    )
    assert ProductionUnit.objects.filter(search_text="").count() == 0
    assert companies.existing_register(3, SCALE) is True


def test_generator_is_reproducible_from_its_seed():
    companies.generate(seed=3, scale=SCALE, stream=StringIO())
    first = list(Company.objects.order_by("cvr_number").values_list("cvr_number", "name")[:20])
    Company.objects.all().delete()

    companies.generate(seed=3, scale=SCALE, stream=StringIO())

    assert (
        list(Company.objects.order_by("cvr_number").values_list("cvr_number", "name")[:20]) == first
    )


def test_measurement_covers_every_kind_and_finds_the_numbers():
    companies.generate(seed=3, scale=SCALE, stream=StringIO())
    found = companies.samples(seed=3, per_kind=3)

    results = companies.measure(found)
    api = companies.measure_api(found)

    assert sorted(results) == sorted({sample.kind for sample in found})
    assert results["CVR number"]["hits"] == 1.0
    assert api["count"] == 3 * 5


def test_typo_drops_one_letter_of_the_longest_word():
    import random

    assert companies.typo("Albertslund Bageri ApS", random.Random(1)) in {
        "Albertslund Bageri ApS"[:i] + "Albertslund Bageri ApS"[i + 1 :] for i in range(1, 10)
    }


def test_a_section_is_replaced_in_place_and_kept(tmp_path):
    path = tmp_path / "RESULTS.md"
    path.write_text("# Results\n\nPages.\n", encoding="utf-8")
    first = f"{COMPANY_SEARCH.start}\nfirst\n{COMPANY_SEARCH.end}\n"
    second = f"{COMPANY_SEARCH.start}\nsecond\n{COMPANY_SEARCH.end}\n"

    COMPANY_SEARCH.write(first, path)
    COMPANY_SEARCH.write(second, path)

    assert path.read_text() == f"# Results\n\nPages.\n\n{second}"
    assert COMPANY_SEARCH.kept(path) == second
