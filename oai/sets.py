"""OAI-PMH sets: by kind, pole, theme and département, named from the archive's own vocabularies.

A set spec is hierarchical ("pole:habitat-cooperatif" lies in "pole"), so an item is stored under both:
a harvester asking for "pole" gets every item that has a pole.
"""

from django.utils.translation import gettext as _

from kb.models import Territory, TerritoryKind
from search.registry import vocabulary

# The record facet each set family reads its labels from.
FAMILIES = {"kind": "kind", "pole": "pole", "theme": "theme", "departement": "territory"}


def family_names():
    return {
        "kind": _("Types de contenu"),
        "pole": _("Pôles"),
        "theme": _("Thèmes"),
        "departement": _("Départements"),
    }


def member_names():
    return {"kind": _("Type"), "pole": _("Pôle"), "theme": _("Thème"), "departement": _("Département")}


def departement_codes():
    """The territory keys that are départements (their INSEE codes)."""
    return set(Territory.objects.filter(kind=TerritoryKind.DEPARTEMENT).values_list("code", flat=True))


def specs(data, departements):
    """The sets of a record (SearchRecord.data), with their parent families, sorted."""
    members = {
        "kind": [data.get("kind")],
        "pole": data.get("poles") or [],
        "theme": data.get("themes") or [],
        "departement": [key for key in data.get("territory_scope") or [] if key in departements],
    }
    found = set()
    for family, keys in members.items():
        for key in filter(None, keys):
            found.update({family, f"{family}:{key}"})
    return sorted(found)


def labels(facet, keys):
    """{key: French label} from the registered vocabulary; a key it no longer knows stands for itself."""
    known = vocabulary(facet).labels(keys) if vocabulary(facet) else {}
    return {key: str(known.get(key) or key) for key in keys}


def names(spec_list):
    """{spec: setName} for these specs: "Pôles", "Pôle : Habitat coopératif", "Département : Loire-Atlantique (44)"."""
    families, members = family_names(), member_names()
    keys = {}
    for spec in spec_list:
        family, _sep, key = spec.partition(":")
        if key:
            keys.setdefault(family, set()).add(key)
    found = {}
    for family, family_keys in keys.items():
        for key, label in labels(FAMILIES.get(family, family), family_keys).items():
            suffix = f" ({key})" if family == "departement" else ""
            found[f"{family}:{key}"] = f"{members.get(family, family)} : {label}{suffix}"
    for spec in spec_list:
        if ":" not in spec:
            found[spec] = str(families.get(spec, spec))
    return found
