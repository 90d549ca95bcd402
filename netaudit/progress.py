"""A minimal progress spinner on the terminal for work that takes more than a second.

Shown only when the stream is a terminal (``isatty``) and ``TERM`` is not ``dumb``;
nothing at all otherwise, so pipes, files and CI logs stay clean.  The spinner starts
after :data:`DELAY` seconds (fast runs show nothing), draws one line —
``⠹ rendering the PDF… 4.2 s`` — and erases it when the work ends.  Phase texts are
netaudit's own words, never data from the inputs.

Anything else written to stderr meanwhile (warnings) goes through
:func:`write_above`, which erases the spinner line first so no line is garbled.
"""

from __future__ import annotations

import os
import threading
import time
from typing import TextIO

DELAY = 1.0
FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
ASCII_FRAMES = "|/-\\"
_ACTIVE: Progress | None = None


class Progress:
    """``with Progress(stream) as p: …; p.phase("rendering the PDF"); …``"""

    def __init__(self, stream: TextIO, text: str = "", *, delay: float = DELAY, enabled: bool | None = None):
        self.stream = stream
        self.text = text
        self.delay = delay
        self.enabled = _is_terminal(stream) if enabled is None else enabled
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._shown = False
        self._start = 0.0
        utf8 = "utf" in str(getattr(stream, "encoding", "") or "").lower()
        self.frames = FRAMES if utf8 else ASCII_FRAMES
        self.dots = "…" if utf8 else "..."

    def __enter__(self) -> Progress:
        global _ACTIVE
        if self.enabled:
            self._start = time.monotonic()
            self._thread = threading.Thread(target=self._run, name="netaudit-progress", daemon=True)
            self._thread.start()
            _ACTIVE = self
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        """End the spinner and erase its line (again: nothing)."""
        global _ACTIVE
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._thread = None
        self.clear()
        if _ACTIVE is self:
            _ACTIVE = None

    def phase(self, text: str) -> None:
        """What is being done now (shown from the next frame on)."""
        self.text = text

    def clear(self) -> None:
        """Erase the spinner line (it comes back on the next frame while work goes on)."""
        with self._lock:
            if self._shown:
                self.stream.write("\r\033[K")
                self.stream.flush()
                self._shown = False

    def _run(self) -> None:
        if self._stop.wait(self.delay):
            return
        i = 0
        while not self._stop.is_set():
            elapsed = time.monotonic() - self._start
            with self._lock:
                frame = self.frames[i % len(self.frames)]
                self.stream.write(f"\r\033[K{frame} {self.text}{self.dots} {elapsed:.1f} s")
                self.stream.flush()
                self._shown = True
            i += 1
            self._stop.wait(0.1)


def _is_terminal(stream) -> bool:
    try:
        return bool(stream.isatty()) and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def write_above(write, text: str) -> int:
    """``write(text)`` for anything else written to stderr while a spinner runs: the
    spinner line is erased first, under its lock, so no line is garbled (the spinner
    comes back on its next frame)."""
    active = _ACTIVE
    if active is None:
        return write(text)
    with active._lock:
        if active._shown:
            active.stream.write("\r\033[K")
            active._shown = False
        return write(text)


def phase(text: str) -> None:
    """Name the phase of the running spinner, if any."""
    if _ACTIVE is not None:
        _ACTIVE.phase(text)


def stop() -> None:
    """End the running spinner, if any (before a summary is printed)."""
    if _ACTIVE is not None:
        _ACTIVE.stop()
