"""Work cut into batches: the one chunking function every layer uses (the
store's batched reads and writes, a load's papers, a cluster's partitions)."""
from __future__ import annotations

import itertools
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size`, the last one shorter. An iterator is drawn
    a batch at a time, so a stream is never held whole. (Python 3.12's
    `itertools.batched` gives tuples; these go into query parameters and
    to workers as lists.)"""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    items = iter(items)
    while batch := list(itertools.islice(items, size)):
        yield batch
