"""CSL-JSON export: the items as they are, the format citeproc processors, Zotero and Pandoc read natively."""

import json

from citations.items import compact


def render(entries):
    """A JSON array of CSL items, with their "id" and absolute "URL"; the archive's own data stays in "custom"."""
    return json.dumps([compact(entry.item) for entry in entries], ensure_ascii=False, indent=2) + "\n"
