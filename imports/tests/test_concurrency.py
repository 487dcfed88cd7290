"""Two staff deciding the same proposal at the same moment: one decision wins, the other is
refused, nothing is silently overwritten (core.concurrency)."""

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from core.concurrency import ConcurrentEditError
from imports import services
from imports.models import Decision, Proposal


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_decisions_on_one_proposal_keep_exactly_one(
    municipality, staff, administrator
):
    if connection.vendor != "postgresql":
        pytest.skip("needs two concurrent writers: run with DATABASE_URL=postgres://… (CI does)")
    upload = SimpleUploadedFile(
        "plan.txt", "Mål\n\n- At skabe mindst 300 nye job inden 2024\n".encode()
    )
    document_import = services.import_document(municipality=municipality, user=staff, upload=upload)
    pk = document_import.proposals.get().pk
    both_loaded = threading.Barrier(2)
    outcomes, errors = [], []

    def decide(user, decision):
        try:
            proposal = Proposal.objects.get(pk=pk)  # both read version 1
            both_loaded.wait(timeout=10)
            services.decide(proposal=proposal, user=user, expected_version=1, decision=decision)
            outcomes.append(decision)
        except ConcurrentEditError:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=(staff, Decision.ACCEPTED)),
        threading.Thread(target=decide, args=(administrator, Decision.REJECTED)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert len(outcomes) == 2 and outcomes.count("refused") == 1
    winner = next(outcome for outcome in outcomes if outcome != "refused")
    proposal = Proposal.objects.get(pk=pk)
    assert (proposal.decision, proposal.version) == (winner, 2)
