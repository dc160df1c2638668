"""Carrying annotations from an earlier report as one undo step (reader.ops.carry)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.ops import carry as ops
from reader.ops.changes import Changes
from reader.ui.commands import Command, Context


class CarryCommand(Command):
    """Writes a plan's kept and changed annotations on B; undo deletes every one of them (and
    their origins); redo puts the very same annotations back (same uuids)."""

    def __init__(self, context: Context, plan: ops.CarryPlan) -> None:
        super().__init__(context, QCoreApplication.translate("carry_commands", "Carry Annotations"))
        self.plan = plan
        self.carried: list[ops.Carried] | None = None

    def do(self) -> Changes:
        if self.carried is None:
            self.carried, changes = ops.apply_carry(self.library, self.plan)
            return changes
        self.carried, changes = ops.put_carried(self.library, self.carried)
        return changes

    def undo_changes(self) -> Changes:
        assert self.carried is not None
        self.carried, changes = ops.undo_carry(self.library, self.carried)
        return changes

    def shown_after_do(self) -> int | None:
        return self.plan.b_id
