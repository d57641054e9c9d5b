"""The same count written before and after a list (issue 12 item 5, recall): "下辖七个服务站：甲站、…，
共7个". The count after the list counts it too, so a slip there is found; the restatement no longer
hides the list from the count check (its "7个" read as an item that is itself a count)."""

from __future__ import annotations

import pytest
from conftest import flat, lint_text, serious

from lint.model import Finding

HEAD = "2024年度部门决算情况说明\n一、机构设置\n"
STATIONS = "东湖站、西湖站、南湖站、北湖站、中心站、滨江站、临港站"
OFFICES = "办公室、财务科、人事科、法规科、执法科"
SCHOOLS = "、".join(f"{n}幼儿园" for n in "甲乙丙丁戊己庚辛壬癸子丑")

CLEAN = [
    f"本街道下辖七个社区服务站：{STATIONS}，共7个。",
    f"局机关内设5个科室，分别为：{OFFICES}，合计5个。",
    f"全区有十二所公办幼儿园：{SCHOOLS}，共十二所。",
]

# (text, the count that is wrong, how many are listed)
BROKEN = [
    (f"本街道下辖七个社区服务站：{STATIONS}，共8个。", "8个", 7),
    (f"局机关内设5个科室，分别为：{OFFICES}，合计6个。", "6个", 5),
    (f"全区有十二所公办幼儿园：{SCHOOLS}，共十一所。", "十一所", 12),
    # a name left out: the two counts agree, the list does not — one finding, at the first count
    (f"本街道下辖七个社区服务站：{STATIONS.replace('、临港站', '')}，共7个。", "七个", 6),
    (f"局机关内设6个科室，分别为：{OFFICES}，合计5个。", "6个", 5),
]


def _found(text: str) -> list[Finding]:
    return flat(serious(lint_text(HEAD + text)))


@pytest.mark.parametrize("text", CLEAN)
def test_a_list_counted_before_and_after_that_agrees_raises_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "count", "listed"), BROKEN)
def test_a_count_before_or_after_a_list_that_disagrees_is_found(text: str, count: str, listed: int) -> None:
    found = _found(text)
    counts = [f for f in found if f.rule == "FL251"]
    assert len(counts) == 1, found
    f = counts[0]
    assert [g.text for _, g in f.figures] == [count]
    assert f.expected == str(listed)
    # anything else said names the same wrong count ("5个…合计6个" read as a total too)
    assert all(count in [g.text for _, g in x.figures] for x in found), found


def test_a_total_of_another_unit_after_the_list_is_not_its_count() -> None:
    # 共9人 counts people, not the 科室 listed
    assert _found(f"局机关内设5个科室，分别为：{OFFICES}，共9人。") == []
