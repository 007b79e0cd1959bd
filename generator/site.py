"""Site edge: run MkDocs (strict) on a staged docs dir into a temporary site dir, then swap it in.

MkDocs empties ``site_dir`` before building and writes into it in place, so a failed build would
leave a half-built site. Building next to the target and renaming keeps the previous site intact
until the new one is complete.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("generator")


class SiteBuildError(Exception):
    """MkDocs refused or failed to build the site."""


def mkdocs_build(config_file: Path, docs_dir: Path, site_dir: Path, *, material_search: bool = True) -> None:
    """Build with MkDocs in strict mode from ``docs_dir`` into ``site_dir`` (which must not exist).

    ``material_search=False`` drops Material's search plugin (Pagefind indexes the site instead).
    """
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    try:
        overrides = {}
        if not material_search:
            from mkdocs.utils.yaml import yaml_load

            with open(config_file, encoding="utf-8") as fh:
                plugins = (yaml_load(fh) or {}).get("plugins", [])
            overrides["plugins"] = [
                p for p in plugins if (next(iter(p)) if isinstance(p, dict) else p) not in ("search", "material/search")
            ]
        config = load_config(
            str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True, **overrides
        )
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except exceptions.Abort as exc:
        raise SiteBuildError(f"MkDocs stopped: {exc}") from None
    except exceptions.ConfigurationError as exc:
        raise SiteBuildError(f"{config_file}: {exc}") from None


def _old(site_dir: Path) -> Path:
    return site_dir.with_name(site_dir.name + ".old")


def recover(site_dir: Path) -> None:
    """Undo a swap that was interrupted between its two renames: put the previous site back."""
    old = _old(site_dir)
    if old.exists() and not site_dir.exists():
        os.replace(old, site_dir)


def swap_in(new_site: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``new_site`` with renames; the old site stays until the new one is whole."""
    recover(site_dir)
    old = _old(site_dir)
    if old.exists():
        shutil.rmtree(old)
    if site_dir.exists():
        os.replace(site_dir, old)
    try:
        os.replace(new_site, site_dir)
    except BaseException:
        recover(site_dir)
        raise
    if old.exists():
        shutil.rmtree(old)


WORKSPACE_PREFIX = ".build-"


def workspace(site_dir: Path) -> Path:
    """A fresh work folder next to the site, named after this process, after clearing dead ones."""
    for stale in site_dir.parent.glob(WORKSPACE_PREFIX + "*"):
        pid = stale.name[len(WORKSPACE_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)
    import tempfile

    return Path(tempfile.mkdtemp(prefix=f"{WORKSPACE_PREFIX}{os.getpid()}-", dir=site_dir.parent))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def make_readable(root: Path) -> None:
    """Files readable by everyone (link checkers may run as another user)."""
    for dirpath, dirnames, filenames in os.walk(root):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            os.chmod(os.path.join(dirpath, name), 0o644)


def mkdocs_build_isolated(config_file: Path, docs_dir: Path, site_dir: Path, *, material_search: bool = True) -> None:
    """``mkdocs_build`` in a child process, so its memory is returned as soon as it ends."""
    args = [sys.executable, "-m", "generator.site", str(config_file), str(docs_dir), str(site_dir)]
    if not material_search:
        args.append("--no-material-search")
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        message = result.stderr.strip() or "MkDocs failed"
        raise SiteBuildError(message.removeprefix("error: "))
    if result.stderr:
        sys.stderr.write(result.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.site", description="Run MkDocs strict on a docs dir.")
    parser.add_argument("config", type=Path)
    parser.add_argument("docs_dir", type=Path)
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--no-material-search", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)s: %(name)s: %(message)s")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        mkdocs_build(args.config, args.docs_dir, args.site_dir, material_search=not args.no_material_search)
    except SiteBuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
