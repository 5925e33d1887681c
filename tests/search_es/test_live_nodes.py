"""A three-node OpenSearch cluster loses a node: readers, editors and the admin carry on, nothing is lost.

The test starts its own cluster (`cluster/cluster.sh --name faults --nodes 3`, the jars `make
cluster` brings), gives the records index one replica per shard, indexes the demo archive, then
kills the node that holds the primary shard while the search API is queried and pages are
published. A second test kills a node in the middle of `kb_index rebuild`. Runs when the suite is
given a cluster (KB_TEST_CLUSTER_URL, set by `.ci/run` after `make cluster`); `make test` runs it
on the SQLite leg only: the cluster's behaviour does not depend on the database.
"""

import json
import os
import shutil
import subprocess
import threading
import time
import uuid
from io import StringIO
from pathlib import Path

import pytest

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.urls import reverse

from kb.factories import PracticeExchangePageFactory
from kb.models import PracticeExchangeIndexPage
from search import indexing
from search.engines import get_engine
from search.engines.es import lifecycle
from search.models import SearchRecord

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "cluster" / "cluster.sh"
NAME = "faults"
QUERIES = ["coopérative", "habitat", "finances solidaires", "mobilité"]
# Three JVMs beside the suite's own node on two cores: small heaps are plenty for the demo archive.
HEAP = "-Xms256m -Xmx384m"


def why_not():
    """The reason this module cannot run here, or ''."""
    if not settings.KB_TEST_CLUSTER_URL:
        return "aucun cluster n'est donné à la suite (KB_TEST_CLUSTER_URL) : « make cluster » d'abord, comme .ci/run"
    built = (ROOT / "cluster" / "target" / "classpath.txt").exists()
    if not shutil.which("java") or not (built or shutil.which("mvn")):
        return "Java ou Maven manquent pour démarrer trois nœuds OpenSearch"
    return ""


def cluster_sh(*args, timeout=300):
    """Run cluster/cluster.sh on the faults cluster; its output, or a failure carrying it."""
    env = {**os.environ, "KB_CLUSTER_HEAP": HEAP}
    command = [str(SCRIPT), *args, "--name", NAME]  # the project's own script, fixed arguments
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)  # noqa: S603
    if done.returncode:
        raise RuntimeError(f"cluster.sh {' '.join(args)} : {done.stdout}{done.stderr}")
    return done.stdout


@pytest.fixture(scope="module")
def nodes():
    """The http URLs of three nodes forming one cluster, green; stopped and removed afterwards."""
    reason = why_not()
    if reason:
        pytest.skip(reason)
    cluster_sh("stop")
    cluster_sh("clean")
    started = time.perf_counter()
    try:
        cluster_sh("start", "--nodes", "3")
    except RuntimeError as error:
        pytest.skip(f"trois nœuds OpenSearch n'ont pas pu démarrer : {error}")
    print(f"\n3 nœuds verts en {time.perf_counter() - started:.1f} s")
    env = cluster_sh("env")
    urls = env.split("KB_ELASTICSEARCH_URL=")[1].split()[0]
    yield urls
    cluster_sh("stop")
    cluster_sh("clean")


@pytest.fixture
def served(nodes, settings):
    """The whole site searches the three-node cluster, behind an alias of its own, one replica per shard."""
    cluster_sh("start")  # the node a test left down comes back
    call_command("kb_demo", stdout=StringIO())  # into the database engine alone: no cluster named yet
    settings.KB_ELASTICSEARCH_URL = nodes
    settings.KB_SEARCH_FLAVOUR = "opensearch"
    settings.KB_ELASTICSEARCH_INDEX = f"kb-faults-{uuid.uuid4().hex[:8]}"
    settings.KB_ELASTICSEARCH_REPLICAS = 1
    settings.KB_SEARCH_TIMEOUT = 5.0
    engine = get_engine()
    indexing.rebuild()
    wait_for(engine, "green")
    yield engine
    engine.writer.indices.delete(index=f"{engine.alias}-v*", ignore_unavailable=True)


def wait_for(engine, status, nodes=None):
    # opensearch-py reads a `timeout` argument as its own request timeout: the server's goes in params.
    params = {"wait_for_status": status, "timeout": "90s", **({"wait_for_nodes": str(nodes)} if nodes else {})}
    answer = engine.writer.cluster.health(index=engine.alias, params=params, request_timeout=100)
    assert not answer["timed_out"], answer
    return answer


def primary_node(engine, index):
    """The number (1 to 3) of the node holding the primary copy of the index's shard."""
    shards = engine.writer.cat.shards(index=index, format="json", h="prirep,node")
    (primary,) = [shard["node"] for shard in shards if shard["prirep"] == "p"]
    return int(primary.rsplit("-", 1)[1])


def api(client, q):
    answer = json.loads(client.get(reverse("search:api"), {"q": q}).content)
    return answer["total"], answer["fallback"]


def publish(title):
    with TestCase.captureOnCommitCallbacks(execute=True):
        page = PracticeExchangePageFactory(
            parent=PracticeExchangeIndexPage.objects.get(), title=title, summary="", live=False
        )
        page.save_revision().publish()
    return page


def in_background(function, *args):
    outcome = {}

    def run():
        try:
            outcome["value"] = function(*args)
        except Exception as error:  # reported by the test, not lost in the thread
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


pytestmark = pytest.mark.django_db


def test_a_node_dies_while_readers_search_and_editors_publish(served, client):
    engine = served
    full = {q: api(client, q) for q in QUERIES}
    assert all(total > 0 and not fallback for total, fallback in full.values()), full
    victim = primary_node(engine, engine.alias)

    started = time.perf_counter()
    killer, outcome = in_background(cluster_sh, "stop", "--node", str(victim), "--kill")
    answers, published = [], []
    while killer.is_alive() or len(published) < 3:
        answers += [(q, *api(client, q)) for q in QUERIES]
        if len(answers) % (4 * len(QUERIES)) == 0:
            published.append(publish(f"Un atelier vélo Zéphyrin n° {len(published) + 1}"))
    killer.join()
    assert "error" not in outcome, outcome
    health = wait_for(engine, "yellow", nodes=2)
    seconds = time.perf_counter() - started
    answers += [(q, *api(client, q)) for q in QUERIES]

    wrong = [(q, total) for q, total, _fallback in answers if total != full[q][0]]
    fallbacks = sum(fallback for _q, _total, fallback in answers)
    print(
        f"\nnœud {NAME}-{victim} tué : {len(answers)} recherches en {seconds:.1f} s, {len(wrong)} total faux, "
        f"{fallbacks} servies par la base, {len(published)} publications ; "
        f"{health['unassigned_shards']} copie(s) sans nœud"
    )
    assert wrong == []
    assert api(client, "Zéphyrin") == (len(published), False)
    assert [api(client, q) for q in QUERIES] == list(full.values())  # the degraded cluster itself answers

    documentalist = User.objects.create_superuser("documentaliste", password="motdepasse-documentaliste")
    client.force_login(documentalist)
    admin = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "OpenSearch fonctionne en mode dégradé (état jaune) : 2 nœud(s) en service" in admin

    cluster_sh("start", "--node", str(victim))
    wait_for(engine, "green", nodes=3)
    check = StringIO()
    call_command("kb_index", "check", stdout=check)
    expected = SearchRecord.objects.count()
    assert f"{expected} fiches attendues ; 0 manquantes, 0 périmées, 0 orphelines" in check.getvalue()


def test_a_node_killed_in_the_middle_of_a_rebuild_leaves_the_alias_on_the_complete_version(served, client, monkeypatch):
    engine = served
    (complete,) = engine.versions.current()
    full = {q: api(client, q) for q in QUERIES}
    expected = SearchRecord.objects.count()
    index_batch, killed = lifecycle.Rebuild.index, []

    def index_then_lose_a_node(rebuild, records):
        if killed:
            return index_batch(rebuild, records)
        # The new version has no replica while it fills: losing its node loses the shard.
        killed.append(primary_node(engine, rebuild.name))
        killer, _outcome = in_background(cluster_sh, "stop", "--node", str(killed[0]), "--kill")
        try:
            return index_batch(rebuild, records)
        finally:
            killer.join()

    monkeypatch.setattr(lifecycle.Rebuild, "index", index_then_lose_a_node)
    monkeypatch.setattr(indexing, "batches", lambda records, size: original_batches(records, 10))
    started = time.perf_counter()
    with pytest.raises(CommandError, match="OpenSearch garde son index précédent"):
        call_command("kb_index", "rebuild", stdout=StringIO())
    seconds = time.perf_counter() - started
    print(f"\nreconstruction interrompue par la perte du nœud {NAME}-{killed[0]} en {seconds:.1f} s")

    assert engine.versions.current() == [complete]
    assert engine.writer.count(index=engine.alias)["count"] == expected
    assert {q: api(client, q) for q in QUERIES} == full


original_batches = indexing.batches
