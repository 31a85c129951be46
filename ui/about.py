"""Help menu: "Copy diagnostics" (versions, settings without secrets, receiver, last errors) and
the About box."""

from __future__ import annotations

import platform
from importlib import metadata
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.config import Settings
from app.logs import last_errors, log_path

SECRET_KEYS = {"auth_code", "device_auth_code", "control_pin"}
MASK = "******"


def app_version() -> str:
    try:
        return metadata.version("gantry-monitor")
    except metadata.PackageNotFoundError:  # a bundle without the distribution's metadata
        return "unknown"


def versions() -> dict[str, str]:
    return {
        "Gantry Monitor": app_version(),
        "Python": platform.python_version(),
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        "OS": f"{platform.system()} {platform.release()} ({platform.version()}; "
              f"{platform.machine()})",
    }


def masked(value: Any) -> Any:
    """A settings document with every auth code and the PIN replaced (set or not stays visible)."""
    if isinstance(value, dict):
        return {k: ((MASK if v else "(empty)") if k in SECRET_KEYS and isinstance(v, str)
                    else masked(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [masked(v) for v in value]
    return value


def diagnostics(settings: Settings, data_dir: Path, receiver: str, started: bool,
                error: str = "") -> str:
    """Plain text for a support request: nothing secret in it."""
    import tomlkit

    lines = ["Gantry Monitor diagnostics", ""]
    lines += [f"{k}: {v}" for k, v in versions().items()]
    lines += ["", f"Data folder: {data_dir}", f"Log file: {log_path(data_dir)}",
              f"Receiver: {receiver}", f"Core running: {'yes' if started else 'no'}"]
    if error:
        lines.append(f"Start error: {error}")
    lines += ["", "Settings (secrets masked):",
              tomlkit.dumps(masked(settings.model_dump(mode="json"))).rstrip()]
    errors = last_errors(data_dir)
    lines += ["", f"Last warnings and errors in the log ({len(errors)}):"]
    lines += errors or ["(none)"]
    return "\n".join(lines) + "\n"


def copy_diagnostics(text: str) -> None:
    QApplication.clipboard().setText(text)


def show_about(parent: QWidget | None) -> None:
    v = versions()
    body = QCoreApplication.translate(
        "About", "<h3>Gantry Monitor %1</h3><p>Supervisory application for ETC toll gantries: "
                 "receives device reports, keeps their history, raises alarms and sends control "
                 "commands.</p>").replace("%1", v["Gantry Monitor"])
    body += "<p>" + "<br>".join(f"{k} {val}" for k, val in v.items() if k != "Gantry Monitor")
    body += "</p>"
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("About", "About Gantry Monitor"))
    box.setText(body)
    box.setIcon(QMessageBox.Icon.Information)
    box.setModal(True)
    box.open()  # not exec(): the asyncio loop keeps running under the box


def receiver_text(core: Any) -> str:
    r = core.receiver
    if r._runner is not None:
        return f"listening on {r.scheme}://{core.settings.host}:{r.port}/monitor.do"
    return f"not listening ({core.settings.host}:{core.settings.port})"

