"""The official territory tree: import, idempotence, ancestry, local territories, bad files."""

import json
from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from kb import territories as territory_import
from kb.factories import TerritoryFactory
from kb.models import Territory, TerritoryKind
from kb.territories import DEFAULT_SOURCE, TerritoryDataError, import_territories

NANTES, NANTES_METROPOLE, LOIRE_ATLANTIQUE, PAYS_DE_LA_LOIRE = "44109", "244400404", "44", "52"
PAYS_D_ANCENIS, MAINE_ET_LOIRE = "244400552", "49"
INGRANDES = "49160"  # the one commune of the CC du Pays d'Ancenis in Maine-et-Loire
ILE_D_YEU, VENDEE = "85113", "85"


def codes(territories):
    return {t.code for t in territories}


def ancestry_snapshot():
    links = Territory.ancestors.through.objects.values_list("from_territory_id", "to_territory_id")
    return set(links), set(Territory.objects.values_list("pk", "parent_id", "name", "kind"))


def source_items():
    return json.loads(DEFAULT_SOURCE.read_text(encoding="utf-8"))["items"]


def write_source(path, items):
    path.write_text(json.dumps({"items": items}), encoding="utf-8")
    return path


def test_the_import_holds_one_region_five_departements_71_epci_and_1228_communes(db):
    counts = {kind: Territory.objects.filter(kind=kind).count() for kind in TerritoryKind.values}
    assert counts == {
        "region": 1,
        "departement": 5,
        "epci": 71,
        "commune": 1228,
        "pays": 0,
        "quartier": 0,
        "groupement": 0,
    }


def test_a_first_import_reports_every_territory_created(db):
    Territory.objects.update(parent=None)
    Territory.objects.all().delete()
    report = import_territories()
    assert (report.created, report.updated, report.unchanged) == (1305, 0, 0)
    assert report.counts == {"region": 1, "departement": 5, "epci": 71, "commune": 1228}
    assert Territory.objects.count() == 1305


def test_a_second_import_creates_and_updates_nothing(db):
    before = ancestry_snapshot()
    out = StringIO()
    call_command("kb_territories", stdout=out)
    assert "0 créés, 0 mis à jour, 1305 inchangés" in out.getvalue()
    assert "+0 / -0" in out.getvalue()
    assert ancestry_snapshot() == before


def test_a_new_import_repairs_a_renamed_territory_and_a_stray_ancestry_link(db, territory):
    nantes = territory(NANTES)
    Territory.objects.filter(pk=nantes.pk).update(name="Nantes (modifié)")
    nantes.ancestors.add(territory(MAINE_ET_LOIRE))
    report = import_territories()
    assert (report.created, report.updated, report.links_removed) == (0, 1, 1)
    nantes.refresh_from_db()
    assert nantes.name == "Nantes"
    assert codes(nantes.ancestors.all()) == {NANTES_METROPOLE, LOIRE_ATLANTIQUE, PAYS_DE_LA_LOIRE}


def test_commune_counts_under_its_epci_its_departement_and_its_region(db, territory):
    nantes = territory(NANTES)
    assert nantes.parent == territory(NANTES_METROPOLE)
    assert codes(nantes.ancestors.all()) == {NANTES_METROPOLE, LOIRE_ATLANTIQUE, PAYS_DE_LA_LOIRE}
    assert [t.code for t in nantes.lineage()] == [NANTES, NANTES_METROPOLE, LOIRE_ATLANTIQUE, PAYS_DE_LA_LOIRE]
    for code in (NANTES_METROPOLE, LOIRE_ATLANTIQUE, PAYS_DE_LA_LOIRE):
        assert nantes in territory(code).descendants()


def test_an_epci_straddling_two_departements_counts_under_both(db, territory):
    ancenis = territory(PAYS_D_ANCENIS)
    assert codes(ancenis.ancestors.all()) == {LOIRE_ATLANTIQUE, MAINE_ET_LOIRE, PAYS_DE_LA_LOIRE}
    assert ancenis in territory(LOIRE_ATLANTIQUE).descendants()
    assert ancenis in territory(MAINE_ET_LOIRE).descendants()
    # Shown under the département that holds most of its communes.
    assert ancenis.parent.code == LOIRE_ATLANTIQUE


def test_a_commune_of_a_straddling_epci_counts_under_its_own_departement_only(db, territory):
    ingrandes = territory(INGRANDES)
    assert codes(ingrandes.ancestors.all()) == {PAYS_D_ANCENIS, MAINE_ET_LOIRE, PAYS_DE_LA_LOIRE}
    assert ingrandes not in territory(LOIRE_ATLANTIQUE).descendants()


def test_the_commune_without_an_epci_hangs_under_its_departement(db, territory):
    yeu = territory(ILE_D_YEU)
    assert yeu.name == "L'Île-d'Yeu"
    assert yeu.parent == territory(VENDEE)
    assert codes(yeu.ancestors.all()) == {VENDEE, PAYS_DE_LA_LOIRE}


def test_a_departement_descendants_are_its_epci_and_all_its_communes(db, territory):
    expected = {i["code"] for i in source_items() if i["type"] == "commune" and i["parents"]["departement"] == "44"}
    descendants = territory(LOIRE_ATLANTIQUE).descendants()
    assert codes(descendants.filter(kind=TerritoryKind.COMMUNE)) == expected
    assert len(expected) == 207
    assert descendants.filter(kind=TerritoryKind.EPCI, code=NANTES_METROPOLE).exists()


def test_the_region_counts_every_other_official_territory(db, territory):
    assert territory(PAYS_DE_LA_LOIRE).descendants().count() == 1304


def test_a_local_quartier_counts_under_its_commune_epci_departement_and_region(db, territory):
    quartier = TerritoryFactory(name="Malakoff", kind=TerritoryKind.QUARTIER, parent=territory(NANTES))
    expected = {NANTES, NANTES_METROPOLE, LOIRE_ATLANTIQUE, PAYS_DE_LA_LOIRE}
    assert codes(quartier.ancestors.all()) == expected
    for code in expected:
        assert quartier in territory(code).descendants()
    assert quartier.key == "malakoff"
    assert quartier.get_absolute_url() == "/territoires/malakoff/"


def test_a_local_territory_under_a_local_one_inherits_the_whole_chain(db, territory):
    pays = TerritoryFactory(name="Pays du vignoble nantais", kind=TerritoryKind.PAYS, parent=territory("44"))
    quartier = TerritoryFactory(name="Bourg", parent=pays)
    assert codes(quartier.ancestors.all()) == {None, LOIRE_ATLANTIQUE, PAYS_DE_LA_LOIRE}
    assert pays in quartier.ancestors.all()


def test_local_territories_keep_their_ancestry_across_a_reimport(db, territory):
    quartier = TerritoryFactory(name="Bellevue", parent=territory(NANTES))
    before = ancestry_snapshot()
    import_territories()
    assert ancestry_snapshot() == before
    assert quartier in territory(PAYS_DE_LA_LOIRE).descendants()


def test_a_missing_source_file_is_refused_in_french(db, tmp_path):
    with pytest.raises(CommandError, match="Fichier de territoires illisible"):
        call_command("kb_territories", source=str(tmp_path / "absent.json"))


def test_a_corrupt_source_file_is_refused_and_imports_nothing(db, tmp_path):
    corrupt = tmp_path / "territoires.json"
    corrupt.write_text(DEFAULT_SOURCE.read_text(encoding="utf-8")[:5000], encoding="utf-8")
    before = ancestry_snapshot()
    with pytest.raises(CommandError, match="Fichier de territoires illisible"):
        call_command("kb_territories", source=str(corrupt))
    assert ancestry_snapshot() == before


@pytest.mark.parametrize("payload", ["[]", '{"meta": {}}', '{"items": null}', '{"items": 5}'])
def test_a_file_without_a_list_of_items_is_refused_in_french(db, tmp_path, payload):
    source = tmp_path / "territoires.json"
    source.write_text(payload, encoding="utf-8")
    with pytest.raises(CommandError, match="Fichier de territoires illisible"):
        call_command("kb_territories", source=str(source))


def test_an_invalid_entry_is_refused_before_anything_is_written(db, tmp_path):
    items = [*source_items(), {"code": "44999", "name": "", "type": "commune", "parents": {"departement": "44"}}]
    with pytest.raises(CommandError, match="Entrée de territoire invalide"):
        call_command("kb_territories", source=str(write_source(tmp_path / "t.json", items)))


def test_an_entry_without_parents_is_refused_with_the_french_error(db, tmp_path):
    items = [*source_items(), {"code": "44999", "name": "Nouvelle commune", "type": "commune"}]
    with pytest.raises(TerritoryDataError):
        import_territories(write_source(tmp_path / "t.json", items))
    assert not Territory.objects.filter(code="44999").exists()


def test_an_entry_attached_to_an_unknown_territory_is_refused_with_the_french_error(db, tmp_path):
    orphan = {"code": "35238", "name": "Rennes", "type": "commune", "parents": {"epci": None, "departement": "35"}}
    with pytest.raises(TerritoryDataError, match="35238"):
        import_territories(write_source(tmp_path / "t.json", [*source_items(), orphan]))
    assert not Territory.objects.filter(code="35238").exists()


def test_an_import_that_fails_midway_leaves_nothing_behind(db, tmp_path, monkeypatch):
    new_commune = {
        "code": "44999",
        "name": "Commune nouvelle",
        "type": "commune",
        "parents": {"epci": NANTES_METROPOLE, "departement": "44", "region": "52"},
    }

    def fail():
        raise TerritoryDataError("Panne simulée pendant l'import.")

    monkeypatch.setattr(territory_import, "_rebuild_local_territories", fail)
    before = ancestry_snapshot()
    with pytest.raises(CommandError, match="Panne simulée"):
        call_command("kb_territories", source=str(write_source(tmp_path / "t.json", [*source_items(), new_commune])))
    assert not Territory.objects.filter(code="44999").exists()
    assert ancestry_snapshot() == before
