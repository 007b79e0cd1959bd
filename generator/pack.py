"""Pack edge: zip a built offline site deterministically (sorted names, fixed timestamps)."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path


def pack(site_dir: Path, out: Path) -> int:
    """Write every file of ``site_dir`` into ``out`` under a top folder; return the file count."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    top = out.stem
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files:
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(site_dir).as_posix()}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())
    os.replace(tmp, out)
    return len(files)
