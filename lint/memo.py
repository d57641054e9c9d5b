"""A bounded memo for pure functions of short strings (labels, clauses): a report repeats the same
few hundred labels thousands of times, so each distinct one is worked out once, while memory stays
capped however long or hostile the input (the oldest entry goes first once full)."""

from __future__ import annotations

from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedMemo(Generic[K, V]):
    """A dict of at most `size` entries, dropping the oldest entry when a new one would overflow it."""

    __slots__ = ("_data", "size")

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("a memo holds at least one entry")
        self.size = size
        self._data: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        return self._data.get(key)

    def put(self, key: K, value: V) -> V:
        data = self._data
        if key not in data and len(data) >= self.size:
            del data[next(iter(data))]
        data[key] = value
        return value

    def clear(self) -> None:
        self._data.clear()

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data
