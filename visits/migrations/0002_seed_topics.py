"""Give the municipalities that exist already the default visit topics (new ones get them when
they are created: `VisitsConfig.ready`)."""

from django.db import migrations

from visits.enums import DEFAULT_TOPICS


def seed(apps, schema_editor):
    Municipality = apps.get_model("core", "Municipality")
    VisitTopic = apps.get_model("visits", "VisitTopic")
    for municipality in Municipality.objects.all():
        if not VisitTopic.objects.filter(municipality=municipality).exists():
            VisitTopic.objects.bulk_create(
                VisitTopic(municipality=municipality, name=name, order=index)
                for index, name in enumerate(DEFAULT_TOPICS, start=1)
            )


class Migration(migrations.Migration):
    dependencies = [("visits", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
