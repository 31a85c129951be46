"""The installed program's --self-test, run from the source tree as the bundle runs it."""

import os
import subprocess
import sys


def test_self_test_passes_offscreen():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-m", "ui.launcher", "--self-test"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    assert lines[-1] == "self-test passed"
    for check in ("receiver answers cabinetStatusUpdate", "receiver answers computerStatusUpdate",
                  "stored and in the live state", "decode sample JPEG: 320x240",
                  "decode sample AVI: 160x120", "time zones: Asia/Shanghai, UTC+08:00"):
        assert any(check in line and line.startswith("ok") for line in lines), check
