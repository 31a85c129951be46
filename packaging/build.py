"""Build the one-folder bundle: `uv run --group packaging python packaging/build.py [--self-test]`.

1. compiles the Qt Linguist translations (.ts -> .qm) with pyside6-lrelease;
2. runs PyInstaller on packaging/gantry_monitor.spec into dist/gantry-monitor/;
3. with --self-test, runs the bundle's `--self-test` and exits with its code.

On Windows the same command builds dist\\gantry-monitor\\gantry-monitor.exe; then compile
packaging/installer.iss with Inno Setup 6 (`iscc packaging\\installer.iss`) for the installer.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"


def tool(name: str) -> str:
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return name


def compile_translations() -> None:
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        print(f"translation {qm.relative_to(ROOT)}")


def bundle_executable() -> Path:
    name = "gantry-monitor.exe" if os.name == "nt" else "gantry-monitor"
    return ROOT / "dist" / "gantry-monitor" / name


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--self-test", action="store_true", help="run the built bundle's self-test")
    args = ap.parse_args()
    compile_translations()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--log-level", "WARN", "--distpath", str(ROOT / "dist"),
                    "--workpath", str(ROOT / "build"), str(ROOT / "packaging" /
                                                           "gantry_monitor.spec")],
                   check=True, cwd=ROOT)
    exe = bundle_executable()
    size = sum(f.stat().st_size for f in exe.parent.rglob("*") if f.is_file())
    print(f"bundle {exe.parent.relative_to(ROOT)}: {size / 1e6:.0f} MB")
    if args.self_test:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        return subprocess.run([str(exe), "--self-test"], env=env, cwd=exe.parent).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
