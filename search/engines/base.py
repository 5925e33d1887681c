"""What every engine answers, so that the search service never depends on one."""

from dataclasses import dataclass, field


@dataclass
class EngineHit:
    """A matched record; `snippets` is None when the engine leaves highlighting to the service."""

    record: dict
    score: float = 0.0
    snippets: list | None = None


@dataclass
class EngineResult:
    total: int
    hits: list
    facet_counts: dict = field(default_factory=dict)


class EngineError(Exception):
    """The engine could not answer (unreachable, timed out, refused the request)."""
