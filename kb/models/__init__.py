from .archive import ArchivePage, ArchivePageTag, ArchivePageTerritory, FilterableIndexPage
from .pages import (
    HomePage,
    PoleIndexPage,
    PoleNotePage,
    PoleSectionPage,
    PracticeExchangeIndexPage,
    PracticeExchangePage,
    ThematicAnswerIndexPage,
    ThematicAnswerPage,
)
from .taxonomy import Pole, Territory, TerritoryKind, Theme

__all__ = [
    "ArchivePage",
    "ArchivePageTag",
    "ArchivePageTerritory",
    "FilterableIndexPage",
    "HomePage",
    "Pole",
    "PoleIndexPage",
    "PoleNotePage",
    "PoleSectionPage",
    "PracticeExchangeIndexPage",
    "PracticeExchangePage",
    "Territory",
    "TerritoryKind",
    "ThematicAnswerIndexPage",
    "ThematicAnswerPage",
    "Theme",
]
