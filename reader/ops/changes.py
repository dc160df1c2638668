"""What an operation changed, in the spirit of Anki's OpChanges: the UI refreshes from this alone."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Changes:
    """Which parts of the library an operation touched.

    documents: ids of documents added, removed, restored or given new text (the library list
    and any open view of them need refreshing). annotated: ids of documents whose annotations
    changed (repaint highlights, relist). annotations: uuids of annotations written (to select
    them). tags, colors: the tag list or the colour names changed.
    """

    documents: frozenset[int] = field(default_factory=frozenset)
    annotated: frozenset[int] = field(default_factory=frozenset)
    annotations: frozenset[str] = field(default_factory=frozenset)
    tags: bool = False
    colors: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.documents | other.documents,
            self.annotated | other.annotated,
            self.annotations | other.annotations,
            self.tags or other.tags,
            self.colors or other.colors,
        )

    def __bool__(self) -> bool:
        return bool(self.documents or self.annotated or self.annotations or self.tags or self.colors)


NOTHING = Changes()
