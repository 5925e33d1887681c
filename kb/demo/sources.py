"""The real ESS texts kept in texts/ (Licence Ouverte): the 2014 law and service-public.fr pages."""

import json
from functools import cache
from pathlib import Path

TEXTS = Path(__file__).with_name("texts")
LAW_TITLE = "Loi n° 2014-856 du 31 juillet 2014 relative à l'économie sociale et solidaire"


@cache
def _records(filename, key):
    with (TEXTS / filename).open(encoding="utf-8") as handle:
        return {record[key]: record for record in map(json.loads, handle)}


def law_paragraphs(article):
    """The paragraphs of one article of the 2014 ESS law."""
    text = _records("loi_ess_2014_articles.jsonl", "article")[article]["text"]
    return [paragraph.strip() for paragraph in text.split("\n\n") if paragraph.strip()]


def law_credit(article):
    return f"{LAW_TITLE}, article {article} (Légifrance, Licence Ouverte)"


def service_public(page_id):
    """A service-public.fr page as a dict: title, description, body, url..."""
    return _records("service_public_associations_ess.jsonl", "id")[page_id]


def service_public_credit(page_id):
    year = service_public(page_id)["date"][:4]
    return f"service-public.fr (DILA), fiche {page_id}, version de {year} (Licence Ouverte)"
