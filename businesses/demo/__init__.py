"""Demo data for the company register: a handful of Albertslund firms.

Everything here is **fabricated**: the firms, people, CVR numbers (`9999xxxx`, valid check
digits) and P-numbers are fictitious, written in the CVR register's documented record format
(`register.jsonl`). `load()` writes them through the same paths as real data: the register
import (`businesses.services.import_file`) and the upload of a municipality's own list
(`businesses.csv_import`), then makes the demo staff user `medarbejder` key-account owner of the
brewery. It assumes municipality 165 exists (`load_demo` loads the strategy demo first); loading
twice changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from businesses.csv_import import import_own_firms
from businesses.models import Company, CompanyProfile
from businesses.services import import_file
from core.models import Municipality, User

REGISTER = Path(__file__).resolve().parent / "register.jsonl"
OWN_LIST = (
    "navn;cvr;vejnavn;husnummer;postnummer;by;note\n"
    'Albertslund Pop-up Marked;;Bibliotekstorvet;1;2620;Albertslund;"Iværksætter fra '
    'iværksætterforløbet 2024; ikke registreret endnu."\n'
    "Vestskov Bryghus ApS;99990074;;;;;Deltager i Strategisk Erhvervsforum.\n"
)


def load(stdout=None) -> dict:
    with transaction.atomic():
        albertslund = Municipality.objects.get(code="165")
        report = import_file(path=REGISTER)
        own = import_own_firms(
            municipality=albertslund,
            file=SimpleUploadedFile("egen-liste.csv", OWN_LIST.encode()),
            filename="egen-liste.csv",
        )
        if not own.ok:
            raise ValueError(f"the demo's own list is refused: {own.errors or own.file_error}")
        owner = User.objects.filter(username="medarbejder").first()
        brewery = Company.objects.get(cvr_number="99990074")
        CompanyProfile.objects.filter(municipality=albertslund, company=brewery).exclude(
            key_account_owner=owner
        ).update(key_account_owner=owner)
    if stdout is not None:
        stdout.write(f"Virksomheder (fabrikerede): {report.summary()}\n")
    return {"register": report, "own": own}
