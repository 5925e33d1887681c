"""An existing site starts with every public record exposed, dated by this migration: harvesters then
fetch the whole archive once, and only what changes afterwards."""

from itertools import islice

from django.db import migrations

BATCH = 500


def expose_public_records(apps, schema_editor):
    from oai.tracking import exposure, now

    SearchRecord = apps.get_model("search", "SearchRecord")
    Territory = apps.get_model("kb", "Territory")
    ExposedItem = apps.get_model("oai", "ExposedItem")
    SetMembership = apps.get_model("oai", "SetMembership")
    departements = set(Territory.objects.filter(kind="departement").values_list("code", flat=True))
    stamp = now()
    records = SearchRecord.objects.filter(access="public").order_by("pk").values_list("source", "data").iterator()
    while batch := list(islice(records, BATCH)):
        exposures = {source: exposure(data, departements) for source, data in batch}
        ExposedItem.objects.bulk_create(
            ExposedItem(source=source, datestamp=stamp, fingerprint=fingerprint, metadata=metadata)
            for source, (metadata, _specs, fingerprint) in exposures.items()
        )
        ids = dict(ExposedItem.objects.filter(source__in=list(exposures)).values_list("source", "pk"))
        SetMembership.objects.bulk_create(
            SetMembership(item_id=ids[source], spec=spec)
            for source, (_metadata, specs, _fingerprint) in exposures.items()
            for spec in specs
        )


class Migration(migrations.Migration):
    dependencies = [
        ("oai", "0001_initial"),
        ("search", "0006_ess_synonyms"),
        ("kb", "0004_roles"),
    ]

    operations = [migrations.RunPython(expose_public_records, migrations.RunPython.noop)]
