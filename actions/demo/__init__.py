"""Demo data for action plans and timetables, transcribed from the seed documents.

`load()` writes Ballerup's Tidsplan 2007-2009 (with its committee and the 2005 policy it
implements) and Albertslund's Handleplan 2016-2017 (implementing the strategy demo's
"Erhvervsstrategi 2013-2017"). It assumes the strategy demo is loaded (`python manage.py
load_demo`): municipality 165, that strategy, and the users `medarbejder` and `ballerup`. It
creates Ballerup's municipality row if missing. Rows are found by natural keys and written only
when they differ, all in one transaction, so loading twice changes nothing.
"""

from django.db import transaction


def load(stdout=None) -> dict:
    from actions.demo import albertslund_handleplan, ballerup_tidsplan

    with transaction.atomic():
        ballerup = ballerup_tidsplan.load(stdout)
        albertslund = albertslund_handleplan.load(stdout)
    if stdout is not None:
        for result in (ballerup, albertslund):
            counts = ", ".join(f"{key} {value}" for key, value in result.items() if key != "plan")
            stdout.write(f"{result['plan']}: {counts}\n")
    return {"ballerup": ballerup, "albertslund": albertslund}
