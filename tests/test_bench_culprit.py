"""The culprit sweep's own model of which changes one slip decides (bench/culprit.py)."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from culprit import decided, slips
from seed_oracle import COUNT, Occ


def test_slips_swap_across_the_point_and_shift_it_both_ways() -> None:
    found = set(slips("732.74"))
    assert ("swap", "737.24") in found and ("swap", "372.74") in found
    assert ("shift", "7327.4") in found and ("shift", "73.274") in found
    assert ("digit", "732.75") in found and ("digit", "032.74") not in found  # no leading zero
    assert all(n != "732.74" for _, n in found)
    assert ("shift", "50") in set(slips("5")) and ("shift", "0.5") in set(slips("5"))


def test_one_slip_decides_a_figure_in_two_relations() -> None:
    # 1210.48 written 1201.48 breaks the difference and the rate; only 1210.48 repairs both
    assert decided(Occ(31, "1210.48万元"), "1201.48", "1210.48")


def test_several_slips_repair_a_part_of_a_long_sum() -> None:
    # 9571 = 36 + 171 + 183 + 9181: 36 written 46 is repaired as well by 171 → 161, 183 → 173 …
    assert not decided(Occ(84, "36条"), "46", "36")


def test_a_count_against_its_list_is_never_decided() -> None:
    assert not decided(COUNT, "8", "7")  # the count, or a name left out of the list
