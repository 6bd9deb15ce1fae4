"""Is a path on a network share? WAL and file locks are not safe there."""
from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "ceph", "glusterfs",
    "9p", "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "fuse.rclone", "fuse.gvfsd-fuse",
}


def _linux_fs_type(path: Path) -> str | None:
    try:
        return fs_type_from_mountinfo(Path("/proc/self/mountinfo").read_text(), path)
    except OSError:
        return None


def fs_type_from_mountinfo(mountinfo: str, path: Path) -> str | None:
    """The file-system type of the deepest mount point holding ``path``."""
    lines = mountinfo.splitlines()
    best, best_type = "", None
    target = str(path)
    for line in lines:
        left, _, right = line.partition(" - ")
        fields = left.split()
        if len(fields) < 5 or not right:
            continue
        mount_point = fields[4].replace("\\040", " ")
        if (target == mount_point or target.startswith(mount_point.rstrip("/") + "/")) and len(mount_point) >= len(best):
            best, best_type = mount_point, right.split()[0]
    return best_type


def is_network_path(path: str | os.PathLike) -> bool:
    p = Path(path)
    if sys.platform == "win32":
        s = str(p)
        if s.startswith("\\\\") or s.startswith("//"):
            return True
        import ctypes

        drive = os.path.splitdrive(str(p.resolve()))[0]
        if drive:
            DRIVE_REMOTE = 4
            return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE
        return False
    existing = p.resolve()
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    fs = _linux_fs_type(existing) if sys.platform.startswith("linux") else None
    return fs in NETWORK_FS if fs else False
