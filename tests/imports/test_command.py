"""manage.py kb_import: the admin's import from a terminal, with a dry run and an exit status scripts can read."""

import pytest

from django.core.management import CommandError, call_command

from imports.models import BatchStatus, ImportBatch
from resources.models import ResearchPaperPage

from .helpers import a_pdf, pdf_zip
from .test_admin import BIBTEX


@pytest.fixture
def bibliography(tmp_path):
    path = tmp_path / "zotero.bib"
    path.write_text(BIBTEX, encoding="utf-8")
    return path


def test_a_dry_run_lists_every_problem_writes_nothing_and_fails(site_tree, bibliography, capsys):
    with pytest.raises(SystemExit) as exit_status:
        call_command("kb_import", str(bibliography), "--dry-run")
    assert exit_status.value.code == 1
    out = capsys.readouterr().out
    assert "Essai à blanc : rien n'a été écrit." in out
    assert "ligne 22 (broken2020) — date : « 2007-13-45 » n'est pas une date" in out
    assert "3 références : 2 à créer, 1 refusée." in out
    assert not ResearchPaperPage.objects.exists()
    assert not ImportBatch.objects.exists()


def test_an_import_is_kept_as_a_batch_with_its_choices(site_tree, bibliography, tmp_path, capsys):
    archive = tmp_path / "pdfs.zip"
    archive.write_bytes(pdf_zip({"Le Goff - 2019.pdf": a_pdf()}))
    with pytest.raises(SystemExit):
        call_command("kb_import", str(bibliography), "--zip", str(archive), "--publish", "--pole", "Habitat coopératif")
    batch = ImportBatch.objects.get()
    assert batch.status == BatchStatus.DONE
    assert batch.counts == {"created": 2, "failed": 1}
    assert list(batch.poles.all()) == [site_tree.pole]
    paper = ResearchPaperPage.objects.get(doi="10.3917/recma.2019.012")
    assert paper.live and list(paper.poles.all()) == [site_tree.pole]
    assert paper.pdf is not None
    assert "3 références : 2 créées, 1 en échec." in capsys.readouterr().out


def test_a_clean_file_exits_zero_and_a_second_run_skips_everything(site_tree, tmp_path, capsys):
    path = tmp_path / "propre.bib"
    path.write_text(BIBTEX.split("@article{broken2020")[0], encoding="utf-8")
    call_command("kb_import", str(path))
    call_command("kb_import", str(path))
    assert ResearchPaperPage.objects.count() == 2
    assert "2 références : 2 ignorées." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["/nulle/part.bib"], "Fichier illisible"),
        (["{file}", "--pole", "inconnu"], "Pôle inconnu : « inconnu »"),
        (["{file}", "--territory", "Atlantide"], "territoire inconnu"),
        (["{file}", "--zip", "/nulle/part.zip"], "Archive ZIP illisible"),
        (["{file}", "--user", "personne"], "Utilisateur inconnu"),
    ],
)
def test_bad_arguments_are_named_in_french(site_tree, bibliography, arguments, message):
    arguments = [str(bibliography) if value == "{file}" else value for value in arguments]
    with pytest.raises(CommandError, match=message):
        call_command("kb_import", *arguments)


def test_an_unreadable_file_fails_with_its_reason(site_tree, tmp_path):
    path = tmp_path / "faux.bib"
    path.write_bytes(b"%PDF-1.4\x00\x01binary")
    with pytest.raises((CommandError, SystemExit)):
        call_command("kb_import", str(path), "--dry-run")
