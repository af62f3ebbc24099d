"""STAND-IN until helper "changelog"'s change log replaces this module wholesale (issue 14).

It keeps the index current the slow way: a rebuild whenever the database's search generation
(`cache.current_generation`) differs from the one this process last indexed.
"""

import threading

_lock = threading.Lock()
_indexed: dict[str, object] = {}  # index path -> generation it was built from


def ensure_fresh(index=None, wait: float = 1.0) -> None:
    from statements.search.cache import current_generation
    from statements.search.index import get_index

    index = index or get_index()
    generation = current_generation()
    key = str(index.path)
    with _lock:
        if index.position() is None or generation is None or _indexed.get(key) != generation:
            index.rebuild(position=0)
            _indexed[key] = generation


def reset() -> None:
    _indexed.clear()
