"""Memoising the text scanners, which several rules call on the same sentence.

Plants, investments and the document record each scan the same sentences for regions,
money and dates; a bounded cache keyed by the text makes the second scan free. Long texts
(whole articles) get a tiny cache of their own so a few large documents never pin memory.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache, wraps
from typing import TypeVar

T = TypeVar("T")
SHORT = 2000  # characters: sentences are shorter, whole articles usually longer


def memo_text(fn: Callable[..., list[T]]) -> Callable[..., list[T]]:
    """Cache `fn(text, *hashable_args)`; returns a fresh list each call (callers may edit)."""
    short = lru_cache(maxsize=16384)(lambda *a: tuple(fn(*a)))
    long = lru_cache(maxsize=4)(lambda *a: tuple(fn(*a)))

    @wraps(fn)
    def wrapper(text: str, *args: Hashable) -> list[T]:
        return list((short if len(text) <= SHORT else long)(text, *args))

    def cache_clear() -> None:
        short.cache_clear()
        long.cache_clear()

    wrapper.cache_clear = cache_clear  # type: ignore[attr-defined]
    wrapper.uncached = fn  # type: ignore[attr-defined]
    return wrapper

