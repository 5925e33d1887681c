"""The cluster's index (Elasticsearch or OpenSearch): its French analysis, its mapping and the document of one record.

Two renderings of the same text live side by side:
- `tokens.*` and `attachments.tokens` hold the tokens search.analysis gives the database
  engine, one space apart; the engine's queries match on them only (see the module
  docstring of search.engines.elasticsearch for why);
- the readable fields (title, abstract, body, attachment pages) go through `kb_french`,
  the same chain declared for the cluster: it marks the words of the highlights, and
  `kb_french_synonyms` serves queries written for the cluster directly, with the
  documentalists' synonyms applied at search time.

Two analyses: "full", the French chain above, for any real Elasticsearch or OpenSearch; "server",
the same analyzer names built only from what the Elasticsearch server holds without its optional
modules (see server_analysis).
"""

import datetime
from dataclasses import fields, replace

from elasticsearch.dsl import (
    Date,
    Document,
    Index,
    InnerDoc,
    Integer,
    Keyword,
    MetaField,
    Nested,
    Object,
    SearchAsYouType,
    Text,
    analyzer,
    char_filter,
    normalizer,
    token_filter,
)
from elasticsearch.dsl.utils import merge

from ...analysis import ELISIONS, STOP_WORDS, analyze
from ...query import MAX_RESULT_WINDOW
from ...records import RECORD_FIELDS, AttachmentPage, Record
from ..database import analysed_text

APOSTROPHES = char_filter("kb_apostrophes", "mapping", mappings=["’ => '", "‘ => '", "` => '", "ʼ => '"])
ELISION = token_filter("kb_elision", "elision", articles=sorted(ELISIONS), articles_case=True)
# Elasticsearch's _french_ list, folded as search.analysis folds it: the filter runs after asciifolding.
FRENCH_STOP = token_filter("kb_french_stop", "stop", stopwords=sorted(STOP_WORDS))
FRENCH_STEMMER = token_filter("kb_french_stemmer", "stemmer", language="light_french")
SHINGLES = token_filter("kb_shingles", "shingle", min_shingle_size=2, max_shingle_size=3)

FRENCH = analyzer(
    "kb_french",
    tokenizer="standard",
    char_filter=[APOSTROPHES],
    filter=[ELISION, "lowercase", "asciifolding", FRENCH_STOP, FRENCH_STEMMER],
)
# The words of a title as search.analysis.words() gives them (no stemming, stop words kept): autocomplete.
WORDS = analyzer(
    "kb_words", tokenizer="standard", char_filter=[APOSTROPHES], filter=[ELISION, "lowercase", "asciifolding"]
)
# Runs of two and three words of the titles, spelled as written (accents kept): what the phrase
# suggester corrects against, so that its corrections read as the archive writes them.
TITLE_SHINGLES = analyzer(
    "kb_title_shingles",
    tokenizer="standard",
    char_filter=[APOSTROPHES],
    filter=[ELISION, "lowercase", SHINGLES],
)
# Ties in the ranking read by title, folded as search.analysis folds it (search.engines.columns.title_key).
TITLE_SORT = normalizer("kb_title_sort", filter=["lowercase", "asciifolding"])
# Text that search.analysis already analysed: split on spaces, nothing else.
TOKENS = analyzer("kb_tokens", tokenizer="whitespace")
FRENCH_SYNONYMS = "kb_french_synonyms"


def french_text(**kwargs):
    return Text(analyzer=FRENCH, search_analyzer=FRENCH_SYNONYMS, **kwargs)


class AttachmentPageDocument(InnerDoc):
    """One page of an attached document: a nested object, so that a match can name its page."""

    position = Integer()
    document_id = Integer()
    title = french_text()
    url = Keyword(index=False)
    page = Integer()
    text = french_text()
    tokens = Text(analyzer=TOKENS)


class WeightedTokens(InnerDoc):
    """The weighted fields of the database engine: title, abstract (with authors and keywords), body."""

    title = Text(analyzer=TOKENS)
    abstract = Text(analyzer=TOKENS)
    body = Text(analyzer=TOKENS)


class RecordDocument(Document):
    """One search record (search.records.Record), with what Elasticsearch needs to find, filter and count it."""

    source = Keyword()
    kind = Keyword()
    title = french_text(
        fields={
            "autocomplete": SearchAsYouType(analyzer=WORDS),
            "shingles": Text(analyzer=TITLE_SHINGLES),
            "sort": Keyword(normalizer=TITLE_SORT),
        }
    )
    url = Keyword(index=False)
    date = Date(format="strict_date")
    year = Keyword()
    authors = french_text()
    abstract = french_text()
    keywords = french_text()
    body = french_text()
    attachments = Nested(AttachmentPageDocument)
    poles = Keyword()
    territories = Keyword()
    territory_scope = Keyword()
    # Every territory the record counts under (its own and their ancestors): the facet and its filter.
    territory = Keyword()
    themes = Keyword()
    tags = Keyword()
    access = Keyword()
    fingerprint = Keyword(index=False)
    # Kept for exports and harvesters, never searched: neither indexed nor mapped field by field.
    citation = Object(enabled=False)
    tokens = Object(WeightedTokens)

    class Meta:
        dynamic = MetaField("strict")
        # The tokens are rebuilt from the records, never read back: indexed, not stored.
        source = MetaField(excludes=["tokens.*", "attachments.tokens"])


def synonyms_analyzer(synonyms_filter):
    """The search analyzer that applies the documentalists' synonyms (`synonyms_filter`: the flavour's, es.flavours).

    The synonyms come before the stop words so that rules may contain them ("économie sociale
    et solidaire"), and before the stemmer so that rules are written in plain words.
    """
    return analyzer(
        FRENCH_SYNONYMS,
        tokenizer="standard",
        char_filter=[APOSTROPHES],
        filter=[ELISION, "lowercase", "asciifolding", synonyms_filter, FRENCH_STOP, FRENCH_STEMMER],
    )


def index_definition(name, synonyms_filter, shards=1, replicas=0):
    """The DSL Index of one version of the records index (settings, analysis, mapping)."""
    index = Index(name)
    index.settings(
        number_of_shards=shards,
        number_of_replicas=replicas,
        max_result_window=MAX_RESULT_WINDOW,
    )
    index.analyzer(synonyms_analyzer(synonyms_filter))
    index.document(RecordDocument)
    return index


FULL_ANALYSIS, SERVER_ANALYSIS = "full", "server"

# Elasticsearch's integration-test distribution (the one build Maven Central publishes) has no
# analysis-common (elision, asciifolding, stemmer, mapping char filter, synonym_graph, whitespace
# tokenizer), no mapper-extras (search_as_you_type): it refuses the full index. Matching survives
# these names built from the server's own standard tokenizer, lowercase, stop and shingle filters,
# since the queries match search.analysis's tokens; highlights and autocomplete lose accent,
# elision and plural folding, and the index holds no synonyms (the service expands them anyway).
SERVER_ANALYZERS = (
    analyzer("kb_french", tokenizer="standard", filter=["lowercase", FRENCH_STOP]),
    analyzer(FRENCH_SYNONYMS, tokenizer="standard", filter=["lowercase", FRENCH_STOP]),
    analyzer("kb_words", tokenizer="standard", filter=["lowercase"]),
    analyzer("kb_title_shingles", tokenizer="standard", filter=["lowercase", SHINGLES]),
    # search.analysis's tokens are runs of [0-9a-z]: the standard tokenizer splits them as whitespace does.
    analyzer("kb_tokens", tokenizer="standard"),
    normalizer("kb_title_sort", filter=["lowercase"]),
)


def server_analysis():
    """The index's analysis settings with the server's own components only (SERVER_ANALYZERS)."""
    analysis = {}
    for part in SERVER_ANALYZERS:
        merge(analysis, part.get_analysis_definition(), True)
    return analysis


def index_body(name, synonyms_filter, shards=1, replicas=0, analysis=FULL_ANALYSIS):
    """The JSON that creates one version: index_definition's, or its variant on the server's own analysis."""
    body = index_definition(name, synonyms_filter, shards, replicas).to_dict()
    if analysis == SERVER_ANALYSIS:
        body["settings"]["analysis"] = server_analysis()
        # Plain words: the autocomplete's bool_prefix query still completes the last one.
        body["mappings"]["properties"]["title"]["fields"]["autocomplete"] = {"type": "text", "analyzer": "kb_words"}
    return body


def record_document(record):
    """The body Elasticsearch stores for a record: its JSON, its facet keys and its analysed tokens."""
    data = record.as_json()
    title, abstract, body, _attachments = analysed_text(replace(record, attachments=[]))
    return {
        **data,
        "year": str(record.year) if record.year else None,
        "territory": sorted({*record.territories, *record.territory_scope}),
        "attachments": [
            {**page, "position": position, "tokens": " ".join(analyze(page["text"]))}
            for position, page in enumerate(data["attachments"])
        ],
        "fingerprint": record.fingerprint(data),
        "tokens": {"title": title, "abstract": abstract, "body": body},
    }


PAGE_FIELDS = tuple(field.name for field in fields(AttachmentPage))


def document_record(document):
    """The Record a stored document was made from (record_document's inverse, tokens aside)."""
    data = {name: document.get(name) for name in RECORD_FIELDS}
    data["date"] = datetime.date.fromisoformat(data["date"]) if data["date"] else None
    data["attachments"] = [
        AttachmentPage(**{name: page[name] for name in PAGE_FIELDS}) for page in data["attachments"] or []
    ]
    return Record(**data)
