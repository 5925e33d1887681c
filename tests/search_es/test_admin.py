"""The admin warns while the search server fails or runs degraded, and sends the documentalists' synonyms to it."""

import datetime

import pytest

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escapejs

from search.models import EngineStatus, PendingChange, Synonym

pytestmark = pytest.mark.django_db

WARNING = "Elasticsearch ne répond pas"


@pytest.fixture
def documentalist(client):
    client.force_login(User.objects.create_superuser("documentaliste", password="motdepasse-documentaliste"))
    return client


def admin_page(client):
    return client.get(reverse("wagtailadmin_home")).content.decode()


def failed(minutes_ago, answered_minutes_ago=None):
    now = timezone.now()
    EngineStatus.objects.create(
        engine="elasticsearch",
        failed_at=now - datetime.timedelta(minutes=minutes_ago),
        answered_at=now - datetime.timedelta(minutes=answered_minutes_ago)
        if answered_minutes_ago is not None
        else None,
        error="Connection error",
    )


def test_admin_pages_warn_while_elasticsearch_has_just_failed(documentalist, settings, cluster):
    settings.KB_ELASTICSEARCH_URL = cluster.url
    failed(minutes_ago=2)
    PendingChange.objects.create(source="page:3")
    html = admin_page(documentalist)
    assert "w-messages:add" in html and WARNING in html
    assert "1 modification(s) attendent" in html
    assert WARNING in documentalist.get(reverse("wagtailadmin_explore_root")).content.decode()


def test_no_warning_once_elasticsearch_answered_again(documentalist, settings, cluster):
    settings.KB_ELASTICSEARCH_URL = cluster.url
    failed(minutes_ago=5, answered_minutes_ago=1)
    assert WARNING not in admin_page(documentalist)


def test_no_warning_for_an_old_failure(documentalist, settings, cluster):
    settings.KB_ELASTICSEARCH_URL = cluster.url
    failed(minutes_ago=60)
    assert WARNING not in admin_page(documentalist)


def test_no_warning_without_elasticsearch(documentalist, settings):
    settings.KB_ELASTICSEARCH_URL = ""
    failed(minutes_ago=1)
    assert WARNING not in admin_page(documentalist)


def test_the_warning_is_escaped_for_its_script(documentalist, settings, cluster):
    settings.KB_ELASTICSEARCH_URL = cluster.url
    failed(minutes_ago=1)
    html = admin_page(documentalist)
    script = html[html.index("w-messages:add") :]
    assert "répond depuis la base de données" in script
    assert "'Elasticsearch ne répond pas (dernier" in script


def test_the_warning_names_the_server_in_use(documentalist, settings, cluster):
    settings.KB_ELASTICSEARCH_URL, settings.KB_SEARCH_FLAVOUR = cluster.url, "opensearch"
    failed(minutes_ago=1)
    assert "OpenSearch ne répond pas" in admin_page(documentalist)


def test_a_cluster_missing_a_node_is_reported_degraded(documentalist, settings, cluster):
    settings.KB_ELASTICSEARCH_URL = cluster.url
    cluster.health = {"status": "yellow", "number_of_nodes": 2, "unassigned_shards": 3}
    html = admin_page(documentalist)
    assert "Elasticsearch fonctionne en mode dégradé (état jaune) : 2 nœud(s) en service, 3 copie(s)" in html
    assert cluster.calls("GET", "/_cluster/health/kb-records")


def test_a_cluster_that_lost_every_copy_of_a_shard_says_the_database_answers(documentalist, settings, cluster):
    settings.KB_ELASTICSEARCH_URL = cluster.url
    cluster.health = {"status": "red", "number_of_nodes": 1, "unassigned_shards": 2}
    html = admin_page(documentalist)
    assert escapejs("Elasticsearch a perdu une partie de l'index (état rouge)") in html
    assert escapejs("répond depuis la base de données tant que l'index est incomplet") in html


def test_a_cluster_that_cannot_say_its_health_is_reported_down(documentalist, settings, closed_url):
    settings.KB_ELASTICSEARCH_URL = closed_url
    assert WARNING in admin_page(documentalist)


def test_synonyms_are_edited_in_the_admin_and_sent_to_the_synonyms_set(documentalist, settings, cluster):
    settings.KB_ELASTICSEARCH_URL = cluster.url
    response = documentalist.post(
        reverse("wagtailsnippets_search_synonym:add"),
        {"expressions": "SCOP\nsociété coopérative et participative", "note": ""},
    )
    assert response.status_code == 302
    synonym = Synonym.objects.get(key=None)
    rule = {"id": f"synonym-{synonym.pk}", "synonyms": "SCOP, société coopérative et participative"}
    sent = cluster.synonyms["kb-records-synonyms"]
    # The shipped ESS vocabulary goes with it, one rule per group.
    assert rule in sent and len(sent) == Synonym.objects.count()

    documentalist.post(reverse("wagtailsnippets_search_synonym:delete", args=[synonym.pk]))
    assert rule not in cluster.synonyms["kb-records-synonyms"]
    assert len(cluster.synonyms["kb-records-synonyms"]) == Synonym.objects.count()


def test_a_synonym_is_saved_even_when_elasticsearch_cannot_take_it(documentalist, settings, closed_url):
    settings.KB_ELASTICSEARCH_URL = closed_url
    response = documentalist.post(
        reverse("wagtailsnippets_search_synonym:add"), {"expressions": "IAE\ninsertion"}, follow=True
    )
    assert Synonym.objects.filter(key=None).count() == 1
    assert "Elasticsearch ne les a pas reçus" in response.content.decode()
