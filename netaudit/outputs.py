"""Every file netaudit writes goes through here: reports, the ``.drawio`` diagram,
``netaudit init``'s ``site.yaml`` (and any future output).

Rules (docs/limits.md, "Output files"):

* **Checked before the work** (:func:`check`): the destination must not be a symbolic
  link (``lstat``; netaudit never writes through a link — a ``report.drawio`` link
  planted in a config bundle cannot redirect a write), a folder, a device or FIFO, or
  one of the run's inputs (same file: device and inode, or same resolved path); its
  folder must exist and be writable.  Checked again when the configurations are
  loaded (:func:`check_not_inputs`: not the content of a file the audit read) and
  right before the rename.
* **Atomic** (:func:`write_files`): each file is written to a new temporary file in the
  destination's folder (``O_EXCL``, hidden name ``.NAME.XXXX.tmp``), flushed to disk,
  and renamed over the destination (``os.replace``: never follows a link there).  A
  run killed mid-write leaves the previous file intact; a failure before the renames
  leaves nothing behind.  Several files of one run (report + diagram) are all staged
  first and renamed in the order given — the report first, so there is never a
  diagram without its report.
* Mode: an existing destination keeps its permission bits; a new one gets
  ``0666 & ~umask`` (0644 with the usual umask), as ``open()`` would create it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .messages import CATALOGUE, Text
from .model import InputError

_HASH_LIMIT = 256 << 20  # a file larger than this is no device configuration


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _noun(what: str) -> str:
    """``what`` (report, diagram, site file …) as the errors name it: a catalogue Text,
    worded in the reader's language, for every output netaudit writes."""
    key = "output.what." + what.replace(" ", "_")
    return Text(key) if key in CATALOGUE else what


def check(path: str | Path, inputs: Iterable[str | Path] = (), what: str = "output") -> Path:
    """Raise :class:`InputError` (one line, naming ``path``) unless netaudit may write a
    file at ``path``; ``inputs`` are the files (or folders) this run reads."""
    p = Path(path)
    shown = str(path)
    noun = _noun(what)
    if not shown or shown.endswith(("/", os.sep)):
        raise InputError(Text("output.error.folder_name", what=noun), shown or None)
    try:
        st = os.lstat(p)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise InputError(Text("output.error.cannot_write", what=noun, error=str(e.strerror)), shown) from None
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            raise InputError(Text("output.error.symlink", what=noun), shown)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(Text("output.error.is_folder", what=noun), shown)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(Text("output.error.not_regular", what=noun), shown)
        for inp in inputs:
            try:
                ist = os.stat(inp)
            except OSError:
                continue
            if stat.S_ISREG(ist.st_mode) and _same(st, ist):
                raise InputError(Text("output.error.is_input", what=noun, input=str(inp)), shown)
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(Text("output.error.no_folder"), str(parent.resolve()))
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(Text("output.error.no_permission", what=noun), shown)
    return p


def check_distinct(paths: Iterable[tuple[str | Path, str]]) -> None:
    """Two outputs of one run must be two files (``-o x.drawio`` with its diagram …)."""
    seen: dict[str, str] = {}
    for path, what in paths:
        key = os.path.realpath(os.path.abspath(path))
        if key in seen:
            raise InputError(Text("output.error.same_file", first=_noun(seen[key]), second=_noun(what)), str(path))
        seen[key] = what


def _sha256(path: Path) -> str | None:
    try:
        st = os.lstat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > _HASH_LIMIT:
            return None
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except OSError:
        return None


def check_not_inputs(paths: Iterable[str | Path], snapshot, extra: Iterable[str | Path] = ()) -> None:
    """Once the inputs are loaded: no destination holds a file the snapshot read as a
    configuration or state file (same content: the display paths of a folder's files
    need not resolve from here), nor the site file or ``extra`` (same file)."""
    used = {f.sha256 for f in getattr(snapshot, "inputs", []) if f.sha256 and f.kind in ("config", "state")}
    others = [p for p in [getattr(snapshot, "site_file", None), *extra] if p]
    for path in paths:
        p = Path(path)
        try:
            st = os.lstat(p)
        except OSError:
            continue  # not there yet: cannot be an input
        if not stat.S_ISREG(st.st_mode):
            continue  # refused by check() at the write
        for o in others:
            try:
                if _same(st, os.stat(o)):
                    raise InputError(Text("output.error.is_input", what=_noun("output"), input=str(o)), str(path))
            except OSError:
                continue
        if used and _sha256(p) in used:
            raise InputError(Text("output.error.holds_input", what=_noun("output")), str(path))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# Text is encoded and written this many characters at a time: a report of megabytes is
# not held twice (as text and as its bytes).
_SLICE = 1 << 20


def _stage(path: Path, data: str | bytes) -> str:
    """``data`` (text as UTF-8) in a new temporary file next to ``path``; returns its name."""
    try:
        st = os.lstat(path)
        mode = stat.S_IMODE(st.st_mode) & 0o777 if stat.S_ISREG(st.st_mode) else None
    except OSError:
        mode = None
    if mode is None:
        mode = 0o666 & ~_umask()
    parent = str(path.parent) or "."
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), mode)
            if isinstance(data, str):
                for i in range(0, len(data), _SLICE):
                    f.write(data[i : i + _SLICE].encode("utf-8"))
            else:
                f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _unlink(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


def write_files(files: list[tuple[str | Path, str | bytes, str]], inputs: Iterable[str | Path] = ()) -> None:
    """Write ``(path, data, what)`` atomically: all staged, then renamed in order.

    Text is written as UTF-8.  Raises :class:`InputError` naming the file that could not
    be written; nothing staged is left behind on any failure before the renames."""
    inputs = list(inputs)
    staged: list[tuple[Path, str, str]] = []
    try:
        for path, data, what in files:
            p = check(path, inputs, what)
            try:
                staged.append((p, _stage(p, data), what))
            except OSError as e:
                raise InputError(
                    Text("output.error.cannot_write", what=_noun(what), error=str(e.strerror)), str(path)
                ) from None
        while staged:
            p, tmp, what = staged[0]
            check(p, inputs, what)  # still not a link, folder or input
            try:
                os.replace(tmp, p)
            except OSError as e:
                raise InputError(
                    Text("output.error.cannot_write", what=_noun(what), error=str(e.strerror)), str(p)
                ) from None
            staged.pop(0)
        _sync_dirs({str(Path(f[0]).parent) for f in files})
    finally:
        for _, tmp, _ in staged:
            _unlink(tmp)


def _sync_dirs(dirs: set[str]) -> None:
    """Make the renames durable (best effort: not every file system allows it)."""
    for d in dirs:
        try:
            fd = os.open(d, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            continue
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)
