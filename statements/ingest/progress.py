"""A progress bar for long imports, written to stderr in a few plain lines (no library).

On a terminal the bar redraws itself in place; in a log or a pipe it prints at most about ten
lines, so a CI log stays readable.
"""

WIDTH = 30


class Progress:
    """Call `step(name)` after each item; `close()` at the end."""

    def __init__(self, total, stream, *, label="Importing", lines=10):
        self.total = max(int(total), 0)
        self.stream = stream
        self.label = label
        self.done = 0
        self.interactive = _isatty(stream)
        # Print a line whenever this many more items are done (non-interactive streams).
        self.every = max(1, -(-self.total // lines)) if self.total else 1
        self._last_printed = 0

    def bar(self, name=""):
        filled = WIDTH * self.done // self.total if self.total else WIDTH
        percent = 100 * self.done // self.total if self.total else 100
        text = f"{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total}"
        text += f" {percent:3d}%"
        if name:
            text += f"  {name}"
        return text

    def step(self, name=""):
        self.done = min(self.done + 1, self.total) if self.total else self.done + 1
        if self.interactive:
            self._write("\r\x1b[2K" + self.bar(name))
            if self.done == self.total:
                self._write("\n")
        elif self.done - self._last_printed >= self.every or self.done == self.total:
            self._write(self.bar(name) + "\n")
            self._last_printed = self.done

    def close(self):
        if self.interactive and self.done < self.total:
            self._write("\n")

    def _write(self, text):
        if hasattr(self.stream, "style_func"):
            # Django's OutputWrapper: no newline of its own, and not in stderr's error colour.
            self.stream.write(text, style_func=_plain, ending="")
        else:
            self.stream.write(text)
        flush = getattr(self.stream, "flush", None)
        if flush:
            flush()


def _plain(text):
    return text


def _isatty(stream):
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False
