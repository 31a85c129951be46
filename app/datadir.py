"""The data folder must be on a local disk: SQLite's locking is unreliable on network shares.

Windows: a UNC path (\\\\server\\share) or a drive letter whose GetDriveTypeW is DRIVE_REMOTE.
Linux: the mount holding the folder has an nfs / cifs / smb type in /proc/mounts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

from app.config import ConfigError

NETWORK_FS = ("nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs",
              "9p", "fuse.sshfs")
DRIVE_REMOTE = 4
MOUNTS = Path("/proc/mounts")


class DataDirError(ConfigError):
    """The data folder cannot be used; the message is one sentence for the user."""


def _unescape(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes.
    for code, ch in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, ch)
    return field


def _mount_type(path: Path, mounts_text: str) -> str | None:
    """The filesystem type of the longest mount point containing `path`."""
    best, best_type = "", None
    p = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point, fstype = _unescape(parts[1]), parts[2]
        inside = p == point or p.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fstype
    return best_type


def _is_mapped_network_drive(path: str) -> bool:
    """Windows only: the drive letter of `path` is a mapped network drive."""
    drive = PureWindowsPath(path).drive
    if sys.platform != "win32" or len(drive) != 2 or drive[1] != ":":
        return False
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE  # type: ignore[attr-defined]


def network_share_kind(data_dir: Path, mounts: Path = MOUNTS) -> str | None:
    """A word for the network share holding `data_dir` ("UNC path", "mapped network drive",
    "nfs"...), None when it is on a local disk."""
    raw = str(data_dir)
    if raw.startswith("\\\\") or raw.startswith("//"):
        return "UNC path"
    if sys.platform == "win32":
        return "mapped network drive" if _is_mapped_network_drive(os.path.abspath(raw)) else None
    try:
        text = mounts.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    # realpath: symbolic links followed as far as the path exists (it may not exist yet).
    fstype = _mount_type(Path(os.path.realpath(raw)), text)
    if fstype and (fstype in NETWORK_FS or fstype.split(".")[0] in ("nfs", "cifs", "smb3")):
        return fstype
    return None


def check_data_dir(data_dir: Path, mounts: Path = MOUNTS) -> None:
    """Raise DataDirError if the data folder is on a network share."""
    kind = network_share_kind(data_dir, mounts)
    if kind:
        raise DataDirError(
            f"The data folder {data_dir} is on a network share ({kind}); "
            "choose a folder on a local disk, because the database cannot be kept safely "
            "over the network.")
