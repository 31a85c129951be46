"""The `gantry-monitor` console entry point.

It lives in `ui/` because the desktop application is the one sub-command that needs Qt: `app.cli`
runs every other command without importing Qt, and calls back here for the window.
"""

from __future__ import annotations

import argparse
import sys

from app import cli


def _desktop(args: argparse.Namespace) -> int:
    if getattr(args, "self_test", False):
        from ui.selftest import run_self_test

        return run_self_test()
    from ui.main import run  # Qt is imported only now

    return int(run(args))


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, desktop=_desktop)


if __name__ == "__main__":
    sys.exit(main())
