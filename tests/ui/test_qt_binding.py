"""Guards the pinned Qt binding against the reference leak that made PySide6 6.12.0 abort."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal()


def test_signal_emission_keeps_refcounts(qapp):
    e = _Emitter()
    e.fired.connect(lambda: None)
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        e.fired.emit()
    # 6.12.0 lost one reference to True per emission (and aborted once it reached zero).
    assert abs(sys.getrefcount(True) - before_true) < 50
    assert abs(sys.getrefcount(None) - before_none) < 50
