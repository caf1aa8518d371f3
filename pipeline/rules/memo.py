"""Memoising the text scanners, which several rules call on the same sentence.

Plants, investments and the document record each scan the same sentences for regions,
money and dates; a bounded cache keyed by the text makes the second scan free. Long texts
(whole articles) get a tiny cache of their own so a few large documents never pin memory.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache, wraps
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
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



def memo_object(fn: Callable[..., R], size: int = 4096) -> Callable[..., R]:
    """Cache `fn(obj, *hashable_args)` by the identity of `obj` (a sentence of the document
    being parsed: unhashable, never changed once the NLP made it), for rules that ask the
    same of one sentence several times. The cache keeps a reference to each `obj`, so an id
    is never reused for another object while its entry lives; bounded, cleared when full.
    The result is shared: `fn` must return something callers do not edit."""
    cache: dict[tuple, tuple[Any, R]] = {}

    @wraps(fn)
    def wrapper(obj: Any, *args: Hashable) -> R:
        key = (id(obj), *args)
        hit = cache.get(key)
        if hit is not None and hit[0] is obj:
            return hit[1]
        value = fn(obj, *args)
        if len(cache) >= size:
            cache.clear()
        cache[key] = (obj, value)
        return value

    wrapper.cache_clear = cache.clear  # type: ignore[attr-defined]
    wrapper.uncached = fn  # type: ignore[attr-defined]
    return wrapper
