"""Reminders to owners: which are due and who is behind (`queries`), and the e-mail that tells
them (`mail`, from `templates/emails/`). The rules both follow are in `actions.rules`; the daily
job that sends them is `manage.py send_reminders`."""
