from django.db import migrations, models


def mark_records_stale(apps, schema_editor):
    """Records written before term frequencies and field lengths existed: a blank fingerprint makes
    `kb_index repair` (run by `make setup`) write them again, with their new postings."""
    apps.get_model("search", "SearchRecord").objects.update(fingerprint="")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_postings_and_changes"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchrecord", name="title_length", field=models.PositiveIntegerField(default=0)
        ),
        migrations.AddField(
            model_name="searchrecord", name="abstract_length", field=models.PositiveIntegerField(default=0)
        ),
        migrations.AddField(
            model_name="searchrecord", name="body_length", field=models.PositiveIntegerField(default=0)
        ),
        migrations.AddField(
            model_name="searchrecord", name="attachments_length", field=models.PositiveIntegerField(default=0)
        ),
        migrations.RunPython(mark_records_stale, migrations.RunPython.noop),
    ]
