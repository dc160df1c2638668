"""Every remembered setting in one place: its key, its type and its default.

Widgets never spell a QSettings key; they call these functions, so a key is renamed, typed or
given a default in one line, and a value of the wrong type from an old or hand-edited settings
file falls back to the default instead of reaching a widget.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

# Window
GEOMETRY = "window/geometry"
STATE = "window/state"
YEARS_GEOMETRY = "years/geometry"  # the Targets by Year window
OUTCOMES_GEOMETRY = "outcomes/geometry"  # the Targets and Outcomes window
TIMELINE_GEOMETRY = "timeline/geometry"  # the Term Timeline window
TIMELINE_TERMS = "timeline/terms"  # the terms last drawn, as typed ("" = none)
TIMELINE_PER_10K = "timeline/per_10k"  # True: per 10,000 characters (default); False: raw counts
TIMELINE_BARS = "timeline/bars"  # True: bars; False: lines (default)
# Reading
LAST_DOCUMENT = "reader/last_document"
CONFIRM_REMOVE = "library/confirm_remove"  # False once the reader ticked "don't ask again"
CONFIG_PREFIX = "reader/config/"  # + a document's script: the conversion last chosen for it
BILINGUAL_PREFIX = "reader/bilingual/"  # + a document's script: bilingual view chosen (bool)
WARN_IDIOMS = "reader/warn_idioms"  # False once the reader ticked "don't show again"
POSITION_PREFIX = "reader/position/"  # + a document id: "block fraction" of the top line left at
FONT_SIZE = "view/font_size"
FONT_FAMILY = "view/font_family"  # only a family the reader chose; "" for the script's own
READING_FACE = "view/reading_face"  # "sans" or "serif" (default sans)
LINE_HEIGHT = "view/line_height"  # percent of the font's line spacing, 100–200 (default 160)
PARAGRAPH_SPACING = "view/paragraph_spacing"  # percent of a line after each paragraph (default 50)
SINGLE_PANE = "view/single_pane"
SINGLE_PANE_SIDE = "view/single_pane_side"  # 0: the original stays, 1: the converted one
THEME = "view/theme"
LANGUAGE = "view/language"  # "system" (default), "en", "zh_CN" or "zh_TW"; read at start-up
HIGHLIGHT_PREFIX = "highlights/"  # + an extraction kind: whether its layer shows
# Annotating
ANNOTATION_COLOR = "annotations/color"
# Files
IMPORT_FOLDER = "import/folder"
EXPORT_FOLDER = "export/folder"
EXPORT_FORMAT = "export/format"
ANNOTATIONS_FOLDER = "import/annotations_folder"


_read_only = False


def set_read_only(read_only: bool) -> None:
    """While read-only, settings are read but never written (a `gui --screenshot` run must not
    change what the reader's next start opens)."""
    global _read_only
    _read_only = read_only


def _get(key: str, default: object = None) -> object:
    return QSettings().value(key, default)


def _set(key: str, value: object) -> None:
    if not _read_only:
        QSettings().setValue(key, value)


def get_int(key: str) -> int | None:
    value = _get(key)
    if not isinstance(value, (str, bytes, int, float)):
        return None  # missing (None), or a type int() refuses
    try:
        return int(value)
    except ValueError:
        return None


def get_bool(key: str, default: bool) -> bool:
    value = _get(key, default)
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("true", "1")


def get_str(key: str, default: str = "") -> str:
    value = _get(key, default)
    return value if isinstance(value, str) else default


def get_bytes(key: str) -> QByteArray | None:
    value = _get(key)
    return value if isinstance(value, QByteArray) else None


def set_value(key: str, value: object) -> None:
    _set(key, value)


# -- named accessors for the settings with a rule of their own ------------------------------------


def conversion_for(script: str, default: str) -> str:
    return get_str(CONFIG_PREFIX + script, default)


def set_conversion_for(script: str, config: str) -> None:
    _set(CONFIG_PREFIX + script, config)


def bilingual_for(script: str) -> bool:
    """Whether the reader last chose the bilingual view for a document of this script."""
    return get_bool(BILINGUAL_PREFIX + script, False)


def set_bilingual_for(script: str, bilingual: bool) -> None:
    _set(BILINGUAL_PREFIX + script, bilingual)


def single_pane_side() -> int:
    return 1 if get_int(SINGLE_PANE_SIDE) == 1 else 0


def highlight_shown(kind: str) -> bool:
    return get_bool(HIGHLIGHT_PREFIX + kind, True)


def set_highlight_shown(kind: str, shown: bool) -> None:
    _set(HIGHLIGHT_PREFIX + kind, shown)


def reading_position(doc_id: int) -> tuple[int, float] | None:
    """(top block, fraction of it scrolled past) where the document was left, if known."""
    parts = get_str(POSITION_PREFIX + str(doc_id)).split()
    try:
        block, fraction = int(parts[0]), float(parts[1])
    except (IndexError, ValueError):
        return None
    return (block, min(max(fraction, 0.0), 1.0)) if block >= 0 else None


def set_reading_position(doc_id: int, block: int, fraction: float) -> None:
    _set(POSITION_PREFIX + str(doc_id), f"{block} {fraction:.4f}")


def sync() -> None:
    if not _read_only:
        QSettings().sync()
