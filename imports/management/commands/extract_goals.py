"""`manage.py extract_goals FILE [--format json|text]`: the goals and structure Kurs reads from
a policy document (.txt, .docx or text-based .pdf), without saving anything."""

import json

from django.core.management.base import BaseCommand, CommandError

from imports.extract import DocumentError, extract, read_path


class Command(BaseCommand):
    help = (
        "Læs et vedtaget dokument (.txt, .docx, .pdf) og vis de mål og den struktur, Kurs finder."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args, file, format, **options):
        try:
            extraction = extract(read_path(file))
        except FileNotFoundError as error:
            raise CommandError(f"Filen findes ikke: {file}") from error
        except DocumentError as error:
            raise CommandError(str(error)) from error
        data = extraction.as_json()
        if format == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{data['title']} ({data['kind']})")
        for goal in data["goals"]:
            target = "" if goal["target"] is None else f" → {goal['target']} {goal['unit']}"
            self.stdout.write(f"- {goal['text']}{target}")
