"""Selections as boolean masks over the documents, and sort orders as permutations.

A filter keeps a set of positions; a query keeps the positions every filter keeps, in the
order of its sort keys. With numpy, intersecting two selections of 100,000 documents is one
vectorised ``&`` and ordering them is one gather through a permutation computed once per
sort: a new selection costs a fraction of a millisecond instead of the set operations and
sorts of Python lists that grow with the size of the site.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

Mask = npt.NDArray[np.bool_]
Positions = npt.NDArray[np.intc]


def view(positions: array[int] | Sequence[int]) -> Positions:
    """``array('i')`` positions as a numpy array, without copying."""
    if isinstance(positions, array):
        return np.frombuffer(positions, dtype=np.intc) if len(positions) else np.empty(0, np.intc)
    return np.asarray(positions, dtype=np.intc)


def mask_of(size: int, *parts: Positions) -> Mask:
    """The documents at any of the positions in ``parts``."""
    mask = np.zeros(size, dtype=np.bool_)
    for part in parts:
        mask[part] = True
    return mask


def permutation(ranks: Sequence[array[int]]) -> Positions:
    """Positions ordered by the first ranks, then the next...; ties keep position order
    (numpy's lexsort is stable and takes its primary key last)."""
    keys = tuple(view(r) for r in reversed(ranks))
    return np.lexsort(keys).astype(np.intc)


def ordered(mask: Mask | None, order: Positions | None, size: int) -> Positions:
    """The selected positions, in ``order`` (None: ascending positions)."""
    if order is None:
        return (
            np.arange(size, dtype=np.intc) if mask is None else np.flatnonzero(mask).astype(np.intc)
        )
    if mask is None:
        return order
    return order[mask[order]]
