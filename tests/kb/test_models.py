"""Validation rules of the core models, with the French messages editors see."""

import datetime

import pytest

from django.core.exceptions import ValidationError

from kb.factories import TerritoryFactory, ThematicAnswerPageFactory
from kb.models import Territory, TerritoryKind


def test_a_thematic_answer_cannot_be_reviewed_before_it_was_written(db):
    answer = ThematicAnswerPageFactory.build(date=datetime.date(2024, 6, 1), last_reviewed=datetime.date(2024, 1, 1))
    with pytest.raises(ValidationError) as error:
        answer.clean()
    assert error.value.message_dict["last_reviewed"] == ["La relecture ne peut précéder la rédaction."]


def test_an_official_territory_needs_its_official_code(db):
    with pytest.raises(ValidationError) as error:
        Territory(name="Nouvelle commune", kind=TerritoryKind.COMMUNE, code="").clean()
    assert error.value.message_dict["code"] == ["Un territoire officiel a un code officiel."]


def test_a_territory_cannot_be_attached_to_itself(db):
    quartier = TerritoryFactory(name="Malakoff")
    quartier.parent = quartier
    with pytest.raises(ValidationError) as error:
        quartier.clean()
    assert error.value.message_dict["parent"] == ["Un territoire ne peut pas être rattaché à lui-même."]


def test_a_territory_cannot_be_attached_under_its_own_descendant(db):
    pays = TerritoryFactory(name="Pays du vignoble", kind=TerritoryKind.PAYS)
    quartier = TerritoryFactory(name="Bourg", parent=pays)
    pays.parent = quartier
    with pytest.raises(ValidationError) as error:
        pays.clean()
    assert error.value.message_dict["parent"] == ["Ce rattachement créerait une boucle."]


def test_local_territories_with_the_same_name_get_distinct_keys(db):
    first, second = TerritoryFactory(name="Centre-ville"), TerritoryFactory(name="Centre-ville")
    assert (first.key, second.key) == ("centre-ville", "centre-ville-2")


def test_a_territory_is_shown_with_its_code_except_the_region(db, territory):
    assert str(territory("44109")) == "Nantes (44109)"
    assert str(territory("52")) == "Pays de la Loire"
    assert str(TerritoryFactory(name="Malakoff")) == "Malakoff"


def test_moving_a_local_territory_moves_its_children_ancestry(db, territory):
    pays = TerritoryFactory(name="Pays de Retz", kind=TerritoryKind.PAYS, parent=territory("44"))
    quartier = TerritoryFactory(name="Port", parent=pays)
    pays.parent = territory("49")
    pays.save()
    assert set(quartier.ancestors.values_list("code", flat=True)) == {None, "49", "52"}
