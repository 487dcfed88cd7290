"""Running the reminder command in the actions tests."""

from io import StringIO

from django.core.management import call_command


def send(on: str, *args) -> str:
    out = StringIO()
    call_command("send_reminders", "--date", on, *args, stdout=out)
    return out.getvalue()
