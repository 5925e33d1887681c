"""Poles: a note belongs to its section's pole; a pole links to its section."""

from django.urls import reverse

from kb.factories import PoleFactory, PoleNotePageFactory, PoleSectionPageFactory


def test_a_pole_note_always_belongs_to_the_pole_of_its_section(site_tree):
    note = PoleNotePageFactory(parent=site_tree.pole_section)
    note.refresh_from_db()
    assert list(note.poles.all()) == [site_tree.pole]


def test_a_pole_note_keeps_the_other_poles_it_is_classed_in(site_tree):
    other = PoleFactory(name="Mobilité solidaire", slug="mobilite-solidaire")
    note = PoleNotePageFactory(parent=site_tree.pole_section, poles=[other])
    note.refresh_from_db()
    assert set(note.poles.all()) == {site_tree.pole, other}


def test_a_pole_with_a_live_section_links_to_the_section(site_tree):
    assert site_tree.pole.get_absolute_url() == site_tree.pole_section.url


def test_a_pole_without_a_section_links_to_its_listing(db):
    pole = PoleFactory(name="Santé", slug="sante")
    assert pole.get_absolute_url() == reverse("kb:pole", args=["sante"])


def test_a_pole_whose_section_is_unpublished_links_to_its_listing(site_tree):
    pole = PoleFactory(name="Alimentation", slug="alimentation")
    section = PoleSectionPageFactory(parent=site_tree.pole_index, pole=pole)
    section.unpublish()
    pole.refresh_from_db()
    assert pole.get_absolute_url() == reverse("kb:pole", args=["alimentation"])
