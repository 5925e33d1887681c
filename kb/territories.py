"""Import of the official territory tree (région, départements, EPCI, communes)."""

import json
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from wagtail.search.backends import get_search_backend

from .models.taxonomy import OFFICIAL_KINDS, Territory, TerritoryKind

logger = logging.getLogger(__name__)

DEFAULT_SOURCE = Path(__file__).with_name("data") / "territories-pays-de-la-loire.json"
KINDS = {
    "region": TerritoryKind.REGION,
    "departement": TerritoryKind.DEPARTEMENT,
    "epci": TerritoryKind.EPCI,
    "commune": TerritoryKind.COMMUNE,
}


class TerritoryDataError(ValueError):
    """The territory file cannot be imported as it is."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    links_added: int = 0
    links_removed: int = 0
    counts: dict | None = None


def load_items(path):
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
        items = payload["items"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise TerritoryDataError(f"Fichier de territoires illisible ({path}) : {exc}") from exc
    if not isinstance(items, list):
        raise TerritoryDataError(f"Fichier de territoires illisible ({path}) : « items » n'est pas une liste.")
    for item in items:
        if (
            not isinstance(item, dict)
            or item.get("type") not in KINDS
            or not item.get("code")
            or not item.get("name")
            or not isinstance(item.get("parents"), dict)
        ):
            raise TerritoryDataError(f"Entrée de territoire invalide : {str(item)[:200]}")
    return items


def _placement(items):
    """Each code's display parent and the set of codes it counts under."""
    known = {item["code"] for item in items}
    by_type = {kind: [i for i in items if i["type"] == kind] for kind in KINDS}
    commune_deps_by_epci = {}
    for commune in by_type["commune"]:
        epci = commune["parents"].get("epci")
        if epci:
            commune_deps_by_epci.setdefault(epci, Counter())[commune["parents"].get("departement")] += 1

    parent, ancestors = {}, {}
    for item in items:
        code, parents = item["code"], item["parents"]
        if item["type"] == "region":
            parent[code], ancestors[code] = None, set()
        elif item["type"] == "departement":
            parent[code], ancestors[code] = parents.get("region"), {parents.get("region")}
        elif item["type"] == "epci":
            deps = [d for d in parents.get("departements", []) if d in known]
            main = commune_deps_by_epci.get(code, Counter()).most_common(1)
            parent[code] = main[0][0] if main else (deps[0] if deps else None)
            ancestors[code] = {*deps, *(r for r in parents.get("regions", []) if r in known)}
        else:
            epci, dep, region = parents.get("epci"), parents.get("departement"), parents.get("region")
            parent[code] = epci if epci in known else dep
            ancestors[code] = {epci, dep, region}
        ancestors[code] = {c for c in ancestors[code] if c in known}
        if parent[code] is not None and parent[code] not in known:
            raise TerritoryDataError(
                f"{item['name']} ({code}) est rattaché à un territoire absent du fichier : {parent[code]}."
            )
    return parent, ancestors


@transaction.atomic
def import_territories(path=DEFAULT_SOURCE):
    """Create or update every official territory and its ancestry; safe to run again."""
    items = load_items(path)
    parent_codes, ancestor_codes = _placement(items)
    report = ImportReport(counts=dict(Counter(item["type"] for item in items)))
    existing = {t.code: t for t in Territory.objects.filter(code__in=[i["code"] for i in items])}

    to_create, touched = [], []
    for item in items:
        wanted = {"name": item["name"], "kind": KINDS[item["type"]]}
        territory = existing.get(item["code"])
        if territory is None:
            slug = f"{slugify(item['name'])[:180]}-{item['code']}"
            to_create.append(Territory(code=item["code"], slug=slug, **wanted))
        elif any(getattr(territory, k) != v for k, v in wanted.items()):
            for key, value in wanted.items():
                setattr(territory, key, value)
            touched.append(territory)
    Territory.objects.bulk_create(to_create, batch_size=500)
    report.created = len(to_create)
    by_code = {t.code: t for t in Territory.objects.filter(code__in=[i["code"] for i in items])}

    for code, territory in by_code.items():
        wanted_parent = by_code[parent_codes[code]].pk if parent_codes[code] else None
        if territory.parent_id != wanted_parent:
            territory.parent_id = wanted_parent
            if territory not in touched and code in existing:
                touched.append(territory)
    Territory.objects.bulk_update(touched, ["name", "kind", "parent"], batch_size=500)
    Territory.objects.bulk_update([by_code[c] for c in by_code if c not in existing], ["parent"], batch_size=500)
    report.updated = len(touched)
    report.unchanged = len(items) - report.created - report.updated

    report.links_added, report.links_removed = _sync_ancestry(by_code, ancestor_codes)
    _rebuild_local_territories()
    changed = [by_code[t.code] for t in to_create] + touched
    if changed:
        get_search_backend().add_bulk(Territory, changed)
    logger.info(
        "territories: %d created, %d updated, %d unchanged, ancestry +%d/-%d",
        report.created,
        report.updated,
        report.unchanged,
        report.links_added,
        report.links_removed,
    )
    return report


def _sync_ancestry(by_code, ancestor_codes):
    Link = Territory.ancestors.through
    wanted = {(by_code[code].pk, by_code[anc].pk) for code, ancestors in ancestor_codes.items() for anc in ancestors}
    official_ids = [t.pk for t in by_code.values()]
    current = set(
        Link.objects.filter(from_territory_id__in=official_ids).values_list("from_territory_id", "to_territory_id")
    )
    stale = current - wanted
    if stale:
        for from_id, to_id in stale:
            Link.objects.filter(from_territory_id=from_id, to_territory_id=to_id).delete()
    missing = wanted - current
    Link.objects.bulk_create([Link(from_territory_id=a, to_territory_id=b) for a, b in missing], batch_size=1000)
    return len(missing), len(stale)


def _rebuild_local_territories():
    """Local territories inherit their ancestry from official ones, which may have moved."""
    for territory in Territory.objects.exclude(kind__in=OFFICIAL_KINDS).filter(parent__kind__in=OFFICIAL_KINDS):
        territory.rebuild_local_ancestry()
