"""Public French text for the relevance suite, as search records.

Two texts already kept in ``kb/demo/texts`` (see its README), both under the Licence
Ouverte / Open Licence of Etalab:

- ``loi_ess_2014_articles.jsonl``: articles 1–9 and 15 of loi n° 2014-856 du 31 juillet
  2014 relative à l'économie sociale et solidaire (Légifrance, DILA, republished by Etalab);
- ``service_public_associations_ess.jsonl``: 101 « Vos droits et démarches » pages of
  service-public.fr for associations and ESS structures (DILA, 2020 versions).

``passages()`` cuts both texts into passages of one to a few paragraphs (questions over
French passages, like SQuAD/PIAF: many passages share a title); ``pages()`` gives the
service-public pages whole (keyword queries over public-service pages). The cut is
deterministic: same files, same passages, same sources.
"""

import json
import re

from kb.demo.sources import TEXTS
from search.records import PUBLIC, Record

LAW_FILE = "loi_ess_2014_articles.jsonl"
SERVICE_PUBLIC_FILE = "service_public_associations_ess.jsonl"

# Passage size, in characters: aim between MIN and MAX, never cut inside a sentence.
MIN_CHARS = 400
MAX_CHARS = 900
# A trailing piece shorter than this is merged into the previous passage when it fits in MERGE_MAX.
TAIL_MIN = 200
MERGE_MAX = 1100

# A sentence ends with . ! ? (or ; in the enumerations of the law) before a space and an upper-case letter,
# a digit, a quote or a dash. Abbreviations such as "n°" or "art." followed by a digit are rare enough here.
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÀÂÇÉÈÊÎÔÛ0-9«\"-])")
_CLOSING = (".", "!", "?", ";", ":", ",", ")", "»")


def _read(filename):
    with (TEXTS / filename).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _is_heading(line):
    """A service-public heading: a short line without closing punctuation ("Cas général")."""
    return len(line) < 100 and not line.endswith(_CLOSING)


def _sentences(text):
    """Split a paragraph that is longer than MAX_CHARS into pieces of whole sentences."""
    pieces, current = [], ""
    for sentence in _SENTENCE_END.split(text):
        if current and len(current) + 1 + len(sentence) > MAX_CHARS:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        pieces.append(current)
    return pieces


def _good_end(unit):
    """Whether a passage may end after this unit: a whole sentence, not a heading or an announcement."""
    return not _is_heading(unit) and not unit.endswith((":", ","))


def _chunks(units, separator):
    """Group paragraphs into passages of about MIN_CHARS..MAX_CHARS characters.

    A passage starts at a heading when it already has MIN_CHARS; when the next paragraph would
    push it over MAX_CHARS, it is cut after the last paragraph that closes a sentence (not after
    a heading or a line ending with ":"), so that a list stays with its announcement when it can.
    """
    flat = []
    for unit in units:
        flat.extend(_sentences(unit) if len(unit) > MAX_CHARS else [unit])

    def size(group):
        return sum(map(len, group)) + len(separator) * max(len(group) - 1, 0)

    chunks, current = [], []
    for unit in flat:
        if current and size(current) >= MIN_CHARS and _is_heading(unit):
            chunks.append(current)
            current = []
        elif current and size(current + [unit]) > MAX_CHARS:
            cut = len(current)
            for index in range(len(current), 0, -1):
                if _good_end(current[index - 1]) and size(current[:index]) >= TAIL_MIN:
                    cut = index
                    break
            if cut == len(current) and size(current) < TAIL_MIN:
                current.append(unit)  # a heading or an announcement stays with what it introduces
                continue
            chunks.append(current[:cut])
            current = current[cut:]
        current.append(unit)
    if current:
        if chunks and size(current) < TAIL_MIN and size(chunks[-1] + current) <= MERGE_MAX:
            chunks[-1].extend(current)
        else:
            chunks.append(current)
    return [separator.join(chunk) for chunk in chunks]


def _record(source, kind, title, url, body, abstract=""):
    return Record(
        source=source, kind=kind, title=title, url=url, date=None, abstract=abstract, body=body, access=PUBLIC
    )


def _law_passages():
    records = []
    for article in _read(LAW_FILE):
        number = article["article"]
        paragraphs = [p.strip() for p in article["text"].split("\n\n") if p.strip()]
        for index, text in enumerate(_chunks(paragraphs, "\n\n"), start=1):
            records.append(
                _record(
                    f"loi:{number}#{index}",
                    "passage",
                    f"Loi ESS 2014, article {number}",
                    f"/relevance/loi-{number}#{index}",
                    text,
                )
            )
    return records


def _service_public_passages():
    records = []
    for page in _read(SERVICE_PUBLIC_FILE):
        lines = [line.strip() for line in page["body"].split("\n") if line.strip()]
        for index, text in enumerate(_chunks(lines, "\n"), start=1):
            records.append(
                _record(f"sp:{page['id']}#{index}", "passage", page["title"], f"/relevance/{page['id']}#{index}", text)
            )
    return records


def passages():
    """The law's articles and the service-public pages cut into passages (source "loi:7#1", "sp:F1119#3")."""
    return [*_law_passages(), *_service_public_passages()]


def pages():
    """The 101 service-public pages whole (source "sp:F1119"): title, description as abstract, body."""
    return [
        _record(
            f"sp:{page['id']}",
            "page",
            page["title"],
            f"/relevance/{page['id']}",
            page["body"],
            abstract=page["description"],
        )
        for page in _read(SERVICE_PUBLIC_FILE)
    ]
