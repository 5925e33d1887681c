"""A change committed by a process that died before its search sync still reaches the index: the worker's
sweep and `kb_index repair` replay what the transaction wrote to the outbox (search.models.UnsyncedChange)."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.test import TestCase
from django.utils import timezone

from resources.factories import ArchiveDocumentFactory
from resources.pdf import make_pdf
from search.indexing import repair
from search.models import SearchRecord, UnsyncedChange
from search.records import source_key
from search.sync import replay_unsynced

from .support import committed


def uploaded_then_killed():
    """A document committed, then its process killed before the after-commit sync ran."""
    with TestCase.captureOnCommitCallbacks(execute=False):
        document = ArchiveDocumentFactory(
            title="Habitat participatif en Loire-Atlantique",
            file=ContentFile(make_pdf(["Les coopératives d'habitants."]), name="habitat.pdf"),
        )
    return source_key("document", document.pk)


def indexed(source):
    return SearchRecord.objects.filter(source=source).exists()


def test_a_synced_commit_leaves_nothing_in_the_outbox(db):
    with committed():
        document = ArchiveDocumentFactory(title="Rapport d'activité")
    assert indexed(source_key("document", document.pk))
    assert not UnsyncedChange.objects.exists()


def test_a_commit_whose_process_died_before_the_sync_is_indexed_by_the_worker(db):
    source = uploaded_then_killed()
    assert not indexed(source)
    assert list(UnsyncedChange.objects.values_list("source", flat=True).distinct()) == [source]

    UnsyncedChange.objects.update(created_at=timezone.now() - timedelta(minutes=5))
    assert replay_unsynced() == 1
    assert indexed(source)
    assert not UnsyncedChange.objects.exists()


def test_a_sync_under_way_is_not_replayed_by_the_worker(db):
    uploaded_then_killed()
    assert replay_unsynced() == 0
    assert UnsyncedChange.objects.exists()


def test_kb_index_repair_replays_every_unsynced_change(db):
    source = uploaded_then_killed()
    repair()
    assert indexed(source)
    assert not UnsyncedChange.objects.exists()
