"""What the rest of kb may ask of a catalog, and the records it gets back.  The CLI, the
site and the benchmarks are written against this class only, so the engine behind it
(whoosh today, see :mod:`kb.catalog.whoosh`) can be replaced for a larger corpus without
touching them.  Kept in its own module (and re-exported by :mod:`kb.catalog`) because the
engines subclass it: the package's ``__init__`` opens the engine, and must not be imported
back by it.

Hits and sources are plain dataclasses; nothing here imports an engine.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Hit:
    eid: str                       # the provision shown (best paragraph/item for an article hit)
    article: int | str | None      # article number
    citation: str                  # 第十五条第一款
    type: str                      # article | paragraph | item | definition | obligation | prologue (序言) |
                                   # annex (附件) | part | subpart | chapter | section (a heading: 第三章　社区治理)
    score: float
    snippet: str
    marks: list                    # [start, end] spans of the matches in snippet
    regulation: str = ""
    version: str = ""
    path: str = ""                 # regulation/version/eid
    label: str = ""                # 第十五条 / （一）
    heading: str | None = None     # the article's heading
    line: int | None = None        # source line of the provision shown
    title: str = ""                # the regulation's title
    chapter: str | None = None
    status: str | None = None      # the version's status (草案征求意见稿 …)
    article_eid: str | None = None
    heading_marks: list = field(default_factory=list)
    term: str | None = None        # definitions
    actors: list = field(default_factory=list)
    modalities: list = field(default_factory=list)
    action: str | None = None      # obligations
    deadline: str | None = None    # obligations: the time limit of the duty (15个工作日内)
    source: str = ""               # source file
    version_label: str = ""        # the version's label (草案征求意见稿 …)
    #: words of the query found in different paragraphs of an article (none holds them all):
    #: [[word as written, [citations of the paragraphs and items holding it; 标题: the heading]]]
    spread: list = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


class Hits(list):
    """The hits a search shows (a list), and ``total``: how many it found in all, whatever the
    limit (kb search says "显示前 10 条，共 28 条"); ``exact`` False: ``total`` is a lower bound (a
    paragraph search of a word in thousands of articles counts the parts of the first 500)."""

    def __init__(self, hits=(), total: int | None = None, exact: bool = True):
        super().__init__(hits)
        self.total = len(self) if total is None else total
        self.exact = exact


@dataclass
class SourceSpec:
    """One version of one regulation to catalogue."""
    key: str                       # regulation@version
    path: str
    meta: dict
    latest: bool = True


#: ``progress(done, total, key)``: called once per version a build has parsed
Progress = Callable[[int, int, str], None]


class Catalog(ABC):
    """The catalog of a project (``root``: it lives in ``<root>/.kb/catalog/``), or of
    explicit ``sources`` (benchmarks, tests) at ``path``.  Open one with
    :func:`kb.catalog.open_catalog`."""

    root: Path | None
    path: Path

    # ---- state
    @abstractmethod
    def exists(self) -> bool:
        """A catalog has been built (it may be stale, or of an older format)."""

    @abstractmethod
    def usable(self) -> bool:
        """There is a catalog and this version of kb can read it."""

    @abstractmethod
    def stale_reasons(self) -> list[str]:
        """Why the catalog is out of date, in Chinese for the user (empty: up to date).
        Cheap enough to ask before every search."""

    def is_stale(self) -> bool:
        return bool(self.stale_reasons())

    @abstractmethod
    def size_bytes(self) -> int:
        """The catalog's size on disk."""

    # ---- building
    @abstractmethod
    def build(self, progress: Progress | None = None, full: bool = False) -> dict:
        """Bring the catalog up to date, re-indexing only the versions whose source or
        metadata changed (everything when ``full``); an interrupted build leaves the previous
        catalog answering.  Returns a summary: added/updated/removed (keys), unchanged (count),
        skipped (messages), entries, seconds, layers (used), full."""

    # ---- searching
    def prepare(self, query, literal: bool = False):
        """The query as it is searched: parsed (:func:`kb.catalog.query.parse_query`) and,
        unless ``literal``, each actor name in it also searched under its other names
        (:func:`kb.catalog.synonyms.expand`; what was added is in ``.expansions``)."""
        from kb.catalog.query import ParsedQuery, parse_query
        from kb.catalog.synonyms import expand

        pq = query if isinstance(query, ParsedQuery) else parse_query(query)
        return pq if literal else expand(pq, self.actor_aliases())

    @abstractmethod
    def actor_aliases(self) -> dict[str, str]:
        """alias -> canonical name of every actor the catalog was built with."""

    @abstractmethod
    def search(self, query, type=None, regulation=None, version=None, chapter=None, actor=None,
               modality=None, limit=10, group_by_article=True, literal=False, cites=None) -> Hits:
        """Ranked hits for a query: a string in the language of :mod:`kb.catalog.query`,
        prepared by :meth:`prepare` (actor names expanded unless ``literal``), or a
        :class:`~kb.catalog.query.ParsedQuery`, searched as it is.  ``limit=0``: every hit.  ``version=None`` searches the
        latest version of each regulation; "all": every version.  With no ``type``, one hit
        per article or heading (编、章、节; an article shows its best paragraph or item) when
        ``group_by_article``, else every matching paragraph and item; an explicit ``type``
        lists its entries one by one.  The list's ``total`` counts every hit, beyond the limit too.
        ``cites``: only the articles citing that law or provision (a key of :mod:`kb.catalog.citing`;
        several keys joined by ",": the articles citing any of them, each counted once)."""

    @abstractmethod
    def titles(self) -> dict[str, str]:
        """regulation -> its title, of every regulation the catalog holds."""

    @abstractmethod
    def provisions(self, address, regulation=None, version=None, limit=None) -> list[Hit]:
        """The provision an address names (``(article, paragraph, item, subitem)`` as
        :func:`kb.text.address.parse_address` returns it) in each version searched (as for
        :meth:`search`: the latest of each regulation unless ``version``), its whole text in
        the snippet; empty when no version has it."""

    @abstractmethod
    def unknown_filter(self, regulation=None, version=None, chapter=None, actor=None) -> str | None:
        """Why filters match nothing when a value is unknown to the catalog (a misspelt
        regulation or version, a chapter no text has, an actor no statement names), as a
        message for the user; None when every value exists."""

    @abstractmethod
    def articles(self) -> Iterator[tuple[str, str, dict]]:
        """(key, regulation, stored data) of every article entry of every version, in
        catalog order: what the index was given, for checks against a plain scan."""

    @abstractmethod
    def close(self) -> None:
        """Release what searching keeps open between searches."""
