"""Labels with a verb before them (issue 12 item 11, recall): "年末结转和结余48.13万元，系年初结转和结余
63.52万元，加本年收入合计1286.45万元，减去本年支出合计1301.84万元" — 系/加/减去 are the words of a balance
written out, no part of the labels, so the balance identity finds its four figures; and "加本年收入合计"
is a term of that sum, never a 合计 of the amounts before it."""

from __future__ import annotations

import pytest
from conftest import flat, lint_text, serious

from lint.extract.labels import LabelReader
from lint.model import Finding
from lint.vocab import default_vocabulary

HEAD = "2024年度部门决算情况说明\n一、收入支出决算总体情况\n"

CLEAN = [
    "年末结转和结余48.13万元，系年初结转和结余63.52万元，加本年收入合计1286.45万元，"
    "减去本年支出合计1301.84万元后的余额。",
    "2024年末财政拨款结转结余39.20万元，为年初财政拨款结转结余52.10万元加上本年财政拨款收入1238.17万元"
    "减去本年财政拨款支出1251.07万元。",
    "年初财政拨款结转和结余12.00万元，加本年财政拨款收入310.50万元，减本年财政拨款支出316.10万元，"
    "即年末财政拨款结转和结余6.40万元。",
]

# (text, the figure changed, the identity that finds it)
BROKEN = [
    (CLEAN[0].replace("1301.84", "1301.48"), "1301.48万元", "all_funds_balance"),
    (CLEAN[1].replace("1251.07", "1215.07"), "1215.07万元", "grant_balance"),
    (CLEAN[2].replace("310.50", "301.50"), "301.50万元", "grant_balance"),
]


def _found(text: str) -> list[Finding]:
    return flat(serious(lint_text(HEAD + text)))


@pytest.mark.parametrize(
    ("clause", "label"),
    [
        ("系年初结转和结余", "年初结转和结余"),
        ("加本年收入合计", "收入合计"),
        ("减去本年支出合计", "支出合计"),
        ("加上本年财政拨款收入", "财政拨款收入"),
        ("2024年末财政拨款结转结余", "年末财政拨款结转结余"),
        # a first character that is no verb stays
        ("系统运维费", "系统运维费"),
        ("加班费", "加班费"),
        ("减免税额", "减免税额"),
    ],
)
def test_a_verb_before_a_label_is_no_part_of_it(clause: str, label: str) -> None:
    vocab = default_vocabulary()
    assert LabelReader(vocab).read(clause).label == vocab.canonical(label)


@pytest.mark.parametrize("text", CLEAN)
def test_a_balance_written_out_in_words_raises_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "changed", "identity"), BROKEN)
def test_a_slip_in_a_balance_written_out_in_words_is_found(text: str, changed: str, identity: str) -> None:
    found = _found(text)
    assert len(found) == 1, found
    f = found[0]
    assert f.rule in ("FL271", "FL272") and identity in f.message
    assert changed in [g.text for _, g in f.figures]
    assert len(f.figures) == 4
