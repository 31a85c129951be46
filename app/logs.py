"""The log file: `logs/gantry-monitor.log` in the data folder, rotated (stdlib).

`serve` and the desktop app both call `setup_file_log`; tracebacks go to the file, the user gets
one sentence. `last_errors` reads the tail back for "Copy diagnostics".
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "gantry-monitor.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class OneLineFormatter(logging.Formatter):
    """For the console: the record's sentence without the traceback (the file keeps it)."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info = record.exc_text = record.stack_info = None
        try:
            return super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / "logs" / LOG_NAME


def setup_file_log(data_dir: Path, level: int = logging.INFO) -> Path | None:
    """Add a rotating file handler to the root logger (once per file); None if it cannot be
    written (the app still runs, logging to stderr only)."""
    path = log_path(data_dir)
    root = logging.getLogger()
    for h in root.handlers:
        if isinstance(h, logging.handlers.RotatingFileHandler) and \
                Path(h.baseFilename).resolve() == path.resolve():
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    except OSError as e:
        logging.getLogger(__name__).warning("cannot write the log file %s: %s", path, e)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    for h in root.handlers:  # stderr keeps one line per record
        if type(h) is logging.StreamHandler:
            h.setFormatter(OneLineFormatter(FORMAT))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path


def close_file_log(data_dir: Path) -> None:
    """Remove and close the data folder's handler (tests, and a data folder change)."""
    path = log_path(data_dir).resolve()
    root = logging.getLogger()
    for h in list(root.handlers):
        if isinstance(h, logging.handlers.RotatingFileHandler) and \
                Path(h.baseFilename).resolve() == path:
            root.removeHandler(h)
            h.close()


def last_errors(data_dir: Path, count: int = 20, max_bytes: int = 256 * 1024) -> list[str]:
    """The last `count` WARNING/ERROR/CRITICAL records of the current log file (first lines
    only; the tracebacks stay in the file)."""
    path = log_path(data_dir)
    try:
        with path.open("rb") as f:
            f.seek(0, 2)
            size = f.tell()
            f.seek(max(0, size - max_bytes))
            tail = f.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return []
    marks = (" WARNING ", " ERROR ", " CRITICAL ")
    return [line for line in tail if any(m in line for m in marks)][-count:]
