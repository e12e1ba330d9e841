"""View answers kept per version of the stored data.

A view's answer depends on its arguments and on what is stored. The store
tells its data's version (`GraphStore.data_version`: the server's own count
of writes, whichever process wrote), so an answer is kept under that
version and its arguments, and the first read after any write reads anew:
nothing is invalidated by hand. A store that cannot tell (None) is read
every time. Entries of older versions are never looked up again and age out
of the LRU. A caller finding its answer being read by another thread (a
view and its details panel are two callbacks, often run at once) waits for
that read instead of repeating it.
"""
from __future__ import annotations

import functools
import threading
from typing import Callable, TypeVar

from cachetools import LRUCache, cached
from cachetools.keys import hashkey

from graph.store import GraphStore

T = TypeVar("T")
_CLEARS: list[Callable[[], None]] = []


def per_data_version(maxsize: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Keep up to `maxsize` answers of `read(store, *args)` (hashable
    arguments) per process, keyed by the store's data version and the
    arguments. The version names the graph, so stores of other graphs
    never share an answer."""

    def decorate(read: Callable[..., T]) -> Callable[..., T]:
        @cached(LRUCache(maxsize), key=lambda store, version, *args, **kwargs: hashkey(version, *args, **kwargs),
                condition=threading.Condition(), info=True)
        def known(store: GraphStore, version, *args, **kwargs) -> T:
            return read(store, *args, **kwargs)

        @functools.wraps(read)
        def answer(store: GraphStore, *args, **kwargs) -> T:
            version = store.data_version()
            return read(store, *args, **kwargs) if version is None else known(store, version, *args, **kwargs)

        answer.cache_info = known.cache_info
        _CLEARS.append(known.cache_clear)
        return answer

    return decorate


def forget_all() -> None:
    """Empty every view cache: a benchmark times a first click."""
    for clear in _CLEARS:
        clear()
