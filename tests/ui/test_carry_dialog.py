"""Annotate ▸ Carry Annotations From…: the preview lists kept / changed / dropped, Apply writes
exactly what it listed as one undo step, and the Annotations dock says where each came from."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from reader.ops.annotations import annotate_quote
from reader.ui.dialogs.carry_dialog import CarryDialog
from reader.ui.docks.annotation_model import ORIGIN_ROLE
from tests.unit.test_carry import GDP, JOBS, REMOVED, A, B

AFTER = "国内生产总值增长4.5%左右"


def add_reports(library) -> tuple[int, int]:
    a_id, _ = library.add(A, title="2025年政府工作报告", year=2025, kind="report")
    b_id, _ = library.add(B, title="2026年政府工作报告", year=2026, kind="report")
    annotate_quote(library, a_id, GDP, color="red", note="增长目标", tags=["目标"])
    annotate_quote(library, a_id, JOBS, color="green")
    annotate_quote(library, a_id, A.blocks[REMOVED].text[5:25], color="blue")
    return a_id, b_id


def run_dialog(qtbot, window, act) -> tuple[bool, list[tuple[str, str, str]], int | None]:
    """Open the dialog on the open document, let `act` drive it, return what carry_from did,
    what the preview listed and which document it offered."""
    seen: dict[str, object] = {}

    def drive() -> None:
        dialog = window.annotating.carry_dialog
        if dialog is None:  # not shown yet
            QTimer.singleShot(10, drive)
            return
        assert isinstance(dialog, CarryDialog)
        seen["rows"] = dialog.statuses()
        seen["source"] = dialog.source_id()
        act(dialog)

    QTimer.singleShot(0, drive)
    applied = window.annotating.carry_from()
    rows = seen["rows"]
    assert isinstance(rows, list)
    source = seen["source"]
    return applied, rows, source if isinstance(source, int) else None


def test_preview_matches_apply_and_undo_removes_all(qtbot, window, library):
    a_id, b_id = add_reports(library)
    window.refresh_library()
    window.open_document(b_id)
    applied, rows, source = run_dialog(qtbot, window, lambda dialog: dialog.apply_button.click())
    assert applied
    assert source == a_id  # last year's report of the same kind, by default
    assert sorted(status for status, _, _ in rows) == ["changed", "dropped", "kept"]
    changed = next(row for row in rows if row[0] == "changed")
    assert (changed[1], changed[2]) == (GDP, AFTER)

    on_b = library.annotations(b_id)
    listed = sorted(after for status, _, after in rows if status != "dropped")
    assert sorted(a.quote for a in on_b) == listed == sorted([JOBS, AFTER])
    gdp = next(a for a in on_b if a.quote == AFTER)
    assert (gdp.color, gdp.note, gdp.tags) == ("red", "增长目标", ("目标",))

    # The dock says where it came from and what changed.
    model = window.annotating.dock.model
    rows_by_quote = {model.annotation(n).quote: n for n in range(model.rowCount())}
    origin = model.index(rows_by_quote[AFTER], 0).data(ORIGIN_ROLE)
    assert origin == f"carried from 2025年政府工作报告\n{GDP} → {AFTER}"
    assert model.index(rows_by_quote[JOBS], 0).data(ORIGIN_ROLE) == "carried from 2025年政府工作报告"

    window.undo_stack.undo()  # one step removes them all
    assert library.annotations(b_id) == []
    window.undo_stack.redo()
    assert {a.uuid for a in library.annotations(b_id)} == {a.uuid for a in on_b}


def test_cancel_writes_nothing_and_a_second_carry_adds_nothing(qtbot, window, library):
    _a_id, b_id = add_reports(library)
    window.refresh_library()
    window.open_document(b_id)
    applied, _rows, _source = run_dialog(qtbot, window, lambda dialog: dialog.reject())
    assert not applied and library.annotations(b_id) == []
    run_dialog(qtbot, window, lambda dialog: dialog.apply_button.click())
    first = library.annotations(b_id)
    seen = []

    def check(dialog: CarryDialog) -> None:
        seen.append((dialog.apply_button.isEnabled(), dialog.summary.text()))
        dialog.reject()

    run_dialog(qtbot, window, check)
    assert seen == [(False, "0 kept, 0 changed, 1 dropped of 3 annotations. 2 were carried before and are left as they are.")]
    assert library.annotations(b_id) == first
