"""The JSON shape of a search response (documented in search/openapi.py)."""

from .query import FACETS


def _labelled(values, labels):
    return [{"value": v, "label": labels.get(v, v)} for v in values]


def facet_json(value):
    data = {"value": value.value, "label": value.label, "count": value.count}
    if value.selected:
        data["selected"] = True
    if value.children:
        data["children"] = [facet_json(child) for child in value.children]
    return data


def _labels(response):
    """Labels of every value the hits name, from the facets already computed for this response."""
    labels = {facet: {} for facet in FACETS}

    def walk(facet, values):
        for value in values:
            labels[facet][value.value] = value.label
            walk(facet, value.children)

    for facet, values in response.facets.items():
        walk(facet, values)
    return labels


def response_json(response):
    labels = _labels(response)
    return {
        "total": response.total,
        "page": response.request.page,
        "page_size": response.request.page_size,
        "page_count": response.page_count,
        "engine": response.engine,
        "fallback": response.fallback,
        "hits": [
            {
                "id": hit.id,
                "kind": hit.kind,
                "title": hit.title,
                "url": hit.url,
                "date": hit.date,
                "authors": hit.authors,
                "snippets": [{"field": s.field, "html": s.html, "page": s.page, "url": s.url} for s in hit.snippets],
                "poles": _labelled(hit.poles, labels["pole"]),
                "territories": _labelled(hit.territories, labels["territory"]),
                "themes": _labelled(hit.themes, labels["theme"]),
                "tags": _labelled(hit.tags, labels["tag"]),
            }
            for hit in response.hits
        ],
        "facets": {facet: [facet_json(v) for v in values] for facet, values in response.facets.items()},
        "suggestion": response.suggestion,
        "messages": [str(message) for message in response.messages],
    }
