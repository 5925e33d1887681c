"""Nothing lost: changes Elasticsearch could not take wait in the database and reach it in order once it is back.

The cluster is the in-memory stand-in of tests/search_es/cluster.py on a local port: stopping it
closes the port (down), starting it again reopens the same port (back). Every test runs with
each flavour's client (Elasticsearch's, OpenSearch's).
"""

import logging
from io import StringIO

import pytest

from django.core.management import CommandError, call_command
from django.test import TestCase

from search import indexing, sync
from search.access import Viewer
from search.engines import get_database_engine
from search.models import EngineStatus, PendingChange
from search.query import SearchRequest, parse_query
from search.records import Record

from .conftest import engine_at

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("flavour")]

LABELS = {"elasticsearch": "Elasticsearch", "opensearch": "OpenSearch"}


@pytest.fixture
def engine(cluster, settings, monkeypatch):
    """The Elasticsearch engine serves: sync and kb_index write to it (and to the database engine)."""
    settings.KB_ELASTICSEARCH_URL = cluster.url
    engine = engine_at(cluster.url, retry_after=0)
    for module in (sync, indexing):
        monkeypatch.setattr(module, "get_engine", lambda: engine)
    return engine


def database_titles(q):
    response = get_database_engine().search(SearchRequest(q=q), parse_query(q), Viewer())
    return sorted(hit.record["title"] for hit in response.hits)


def queued():
    return list(PendingChange.objects.order_by("pk").values_list("source", flat=True))


def unpublish(page):
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.unpublish()


def run(*args):
    out = StringIO()
    call_command("kb_index", *args, stdout=out)
    return out.getvalue()


def test_a_change_reaches_elasticsearch_and_the_database_engine_at_once(engine, cluster, publish):
    page = publish("Une ressourcerie")
    assert page.search_source in cluster.documents()
    assert database_titles("ressourcerie") == ["Une ressourcerie"]
    assert queued() == []


def test_changes_made_while_the_cluster_is_down_are_queued_in_order_and_the_database_engine_has_them(
    engine, cluster, publish
):
    first = publish("Une ressourcerie")
    cluster.stop()
    second, third = publish("Une recyclerie"), publish("Une épicerie solidaire")
    unpublish(first)

    assert queued() == [second.search_source, third.search_source, first.search_source]
    assert database_titles("recyclerie ressourcerie épicerie") == ["Une recyclerie", "Une épicerie solidaire"]


def test_once_the_cluster_is_back_the_backlog_goes_first_in_order_then_the_new_change(engine, cluster, publish):
    first = publish("Une ressourcerie")
    cluster.stop()
    second, third = publish("Une recyclerie"), publish("Une épicerie solidaire")
    unpublish(first)
    cluster.start()
    already_sent = len(cluster.bulk_actions())

    fourth = publish("Un garage solidaire")

    sent = [(op, source) for op, source, _index in cluster.bulk_actions()[already_sent:]]
    assert sent == [
        ("index", second.search_source),
        ("index", third.search_source),
        ("index", fourth.search_source),
        ("delete", first.search_source),
    ]
    assert set(cluster.documents()) == {second.search_source, third.search_source, fourth.search_source}
    assert queued() == []


def test_the_first_answer_after_an_outage_replays_the_backlog(engine, cluster, publish):
    publish("Une ressourcerie")
    cluster.stop()
    page = publish("Une recyclerie")
    cluster.start()

    engine.autocomplete("recyc", Viewer())  # a read that succeeds, as a search would

    assert page.search_source in cluster.documents()
    assert queued() == []


def test_kb_index_check_reports_the_backlog_and_fails(engine, cluster, publish, flavour):
    publish("Une ressourcerie")
    cluster.stop()
    publish("Une recyclerie")

    with pytest.raises(CommandError, match="à corriger"):
        out = StringIO()
        call_command("kb_index", "check", stdout=out)
    output = out.getvalue()
    assert f"1 modification(s) en attente pour {LABELS[flavour]}" in output
    assert f"moteur injoignable : {LABELS[flavour]}" in output


def test_kb_index_repair_replays_the_backlog_then_finds_nothing_to_do(engine, cluster, publish):
    publish("Une ressourcerie")
    cluster.stop()
    page = publish("Une recyclerie")
    cluster.start()

    run("repair")

    assert page.search_source in cluster.documents()
    assert queued() == []
    assert "0 manquantes, 0 périmées, 0 orphelines trouvées" in run("check")


def test_kb_index_repair_fails_while_the_cluster_is_down_and_keeps_the_backlog(engine, cluster, publish):
    cluster.stop()
    page = publish("Une recyclerie")
    with pytest.raises(CommandError, match="relancez « kb_index repair »"):
        run("repair")
    assert page.search_source in queued()


def test_setup_warns_and_goes_on_while_the_cluster_is_down_and_the_backlog_waits(engine, cluster, publish, flavour):
    """`make run` runs `kb_index repair --allow-unreachable`: the site must start, searching the database."""
    cluster.stop()
    page = publish("Une recyclerie")
    err = StringIO()

    call_command("kb_index", "repair", "--allow-unreachable", stdout=StringIO(), stderr=err)

    assert f"Attention : {LABELS[flavour]} n'a pas tout reçu" in err.getvalue()
    assert "la recherche du site répond depuis la base de données" in err.getvalue()
    assert page.search_source in queued()
    assert database_titles("recyclerie") == ["Une recyclerie"]


def test_while_the_cluster_is_known_down_a_publish_queues_without_reading_the_backlog(
    cluster, settings, monkeypatch, publish
):
    """Each publish used to re-read a whole batch of queued records before finding the cluster still down."""
    settings.KB_ELASTICSEARCH_URL = cluster.url
    engine = engine_at(cluster.url, retry_after=60)
    monkeypatch.setattr(sync, "get_engine", lambda: engine)
    cluster.stop()
    first = publish("Une recyclerie")  # fails: the cluster is known down from now on
    reads = []
    read = sync.read
    monkeypatch.setattr(sync, "read", lambda sources, related=None: reads.append(sources) or read(sources, related))

    second = publish("Une épicerie solidaire")

    assert queued() == [first.search_source, second.search_source]
    assert all(first.search_source not in sources for sources in reads)


def test_a_record_the_cluster_refuses_for_good_is_logged_and_not_queued(engine, cluster, publish, caplog):
    cluster.create_version("kb-records-v1", alias="kb-records")
    cluster.refused.add("page:999")
    with caplog.at_level(logging.ERROR, logger="search.engines.es.lifecycle"):
        engine.index([Record(source="page:999", kind="practice_exchange", title="Date impossible", url="/x/")])
    assert "refused a record for good" in caplog.text and "page:999" in caplog.text
    assert queued() == []


def test_a_rebuild_fills_a_new_version_then_swaps_the_alias_in_one_atomic_call(engine, cluster, publish):
    page = publish("Une ressourcerie")
    old = cluster.aliases["kb-records"]
    cluster.indices[old]["page:404"] = {"title": "Disparue"}

    output = run("rebuild")

    new = cluster.aliases["kb-records"]
    assert new != old and new.startswith("kb-records-v")
    assert list(cluster.documents(new)) == [page.search_source]
    assert old not in cluster.indices
    calls = [(method, path) for method, path, _params, _body in cluster.requests]
    created = calls.index(("PUT", f"/{new}"))
    # Elasticsearch's client sends bulks with PUT, OpenSearch's with POST.
    bulk = [path for _method, path in calls].index("/_bulk", created)
    swap = calls.index(("POST", "/_aliases"))
    assert created < bulk < swap < calls.index(("DELETE", f"/{old}"))
    (_method, _path, _params, body) = cluster.calls("POST", "/_aliases")[-1]
    assert body == {
        "actions": [{"remove": {"index": old, "alias": "kb-records"}}, {"add": {"index": new, "alias": "kb-records"}}]
    }
    assert output.startswith("1 fiches indexées en ")


def test_a_new_version_is_built_without_refresh_or_replica_and_gets_them_back_before_the_swap(engine, cluster, publish):
    publish("Une ressourcerie")
    run("rebuild")
    new = cluster.aliases["kb-records"]
    (_m, _p, _params, created) = cluster.calls("PUT", f"/{new}")[0]
    assert created["settings"]["refresh_interval"] == "-1"
    assert created["settings"]["number_of_replicas"] == 0
    assert "aliases" not in created
    (_m, _p, _params, restored) = cluster.calls("PUT", f"/{new}/_settings")[0]
    assert restored == {"refresh_interval": None, "number_of_replicas": 0}
    assert cluster.calls("POST", f"/{new}/_refresh")


def test_changes_made_during_a_rebuild_reach_the_new_index(engine, cluster, publish, monkeypatch):
    publish("Une ressourcerie")
    records = indexing.all_records
    published_meanwhile = []

    def records_then_a_publication():
        yield from records()
        published_meanwhile.append(publish("Publiée pendant la reconstruction"))

    monkeypatch.setattr(indexing, "all_records", records_then_a_publication)
    run("rebuild")

    (page,) = published_meanwhile
    assert page.search_source in cluster.documents()
    assert queued() == []
    assert EngineStatus.objects.get(engine="elasticsearch").rebuilding_since is None


def test_a_rebuild_with_the_cluster_down_rebuilds_the_database_and_says_elasticsearch_kept_its_index(
    engine, cluster, publish, flavour
):
    publish("Une ressourcerie")
    get_database_engine().clear()
    cluster.stop()

    with pytest.raises(CommandError, match=f"{LABELS[flavour]} garde son index précédent"):
        run("rebuild")

    assert database_titles("ressourcerie") == ["Une ressourcerie"]
    assert EngineStatus.objects.get(engine="elasticsearch").rebuilding_since is None
