"""The imports' rows in the permission matrix's world (core/tests/permission_world.py): an
import whose plan is adopted and one whose plan is a draft, each with a proposal."""

from __future__ import annotations

from django.core.files.base import ContentFile

from imports.models import DocumentImport, Proposal


def build_imports(municipality, staff, *, adopted_plan, draft_plan, secret: str, public):
    """Returns (adopted import, its proposal, draft import, its proposal)."""

    def one(plan, title: str, sentence: str):
        document_import = DocumentImport(
            municipality=municipality,
            file_name="strategi.txt",
            text=f"{title}\n\n{sentence}\n",
            title=title,
            kind="strategy",
            structure=[],
            uploaded_by=staff,
            plan=plan,
        )
        document_import.document.save(
            f"import-{municipality.code}-{plan.pk}.txt",
            ContentFile(document_import.text.encode()),
            save=False,
        )
        document_import.save()
        start = len(title) + 2
        proposal = Proposal.objects.create(
            document_import=document_import,
            sentence=sentence,
            start=start,
            end=start + len(sentence),
            original={"text": sentence},
            title=sentence,
            kind="quantified",
            metric="nye arbejdspladser",
            comparator="at_least",
            target=2000,
        )
        return document_import, proposal

    adopted, adopted_proposal = one(
        adopted_plan,
        public("Indlæst strategi"),
        public("Vi vil skabe 2.000 nye arbejdspladser inden 2017."),
    )
    draft, draft_proposal = one(
        draft_plan, f"{secret} Indlæst udkast", f"{secret} Vi vil skabe 77 nye arbejdspladser."
    )
    return adopted, adopted_proposal, draft, draft_proposal
