"""The installed Qt binding must not eat references to None (PySide6 6.12.0 on Python 3.11 did,
and the app then aborted at random: "Fatal Python error: none_dealloc")."""

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_leave_none_alone():
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        obj.setObjectName("x")
    assert sys.getrefcount(None) >= before - 50
