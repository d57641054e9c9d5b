"""Memoised label reading (issue 10): the same answers as reading afresh, memory bounded, and no
answer leaking from one vocabulary to another."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import SEED_PATH

from lint.extract.labels import LABEL_MEMO, LabelReader, label_reader
from lint.memo import BoundedMemo
from lint.vocab import FOLD_MEMO, default_vocabulary, fold_label


def test_bounded_memo_drops_the_oldest_entry_when_full() -> None:
    memo: BoundedMemo[str, int] = BoundedMemo(3)
    for i, k in enumerate("abcd"):
        memo.put(k, i)
    assert len(memo) == 3
    assert "a" not in memo and memo.get("a") is None
    assert [memo.get(k) for k in "bcd"] == [1, 2, 3]
    memo.put("b", 9)  # replacing a key never evicts another
    assert len(memo) == 3 and memo.get("b") == 9 and memo.get("c") == 2


def test_bounded_memo_refuses_a_size_below_one() -> None:
    with pytest.raises(ValueError):
        BoundedMemo(0)


def test_label_reader_memo_stays_bounded_on_distinct_clauses() -> None:
    reader = LabelReader(default_vocabulary())
    for i in range(LABEL_MEMO + 500):
        reader.read(f"第{i}项支出")
        reader.tidy(f"（{i}）工资福利支出")
    assert len(reader._read) == LABEL_MEMO
    assert len(reader._tidy) == LABEL_MEMO


def test_memoised_reads_equal_fresh_reads_on_the_seed() -> None:
    vocab = default_vocabulary()
    shared, clauses = label_reader(vocab), []
    for line in SEED_PATH.read_text("utf-8").splitlines():
        clauses += [c for c in line.replace("，", "。").split("。") if c]
    assert len(clauses) > 100
    for default in (None, "final"):
        first = [shared.read(c, default) for c in clauses]
        again = [shared.read(c, default) for c in clauses]  # from the memo
        fresh = [LabelReader(vocab)._read_uncached(c, default) for c in clauses]
        assert first == again == fresh
        assert all(a is b for a, b in zip(first, again, strict=True))
    assert [shared.tidy(c) for c in clauses] == [LabelReader(vocab)._tidy_uncached(c) for c in clauses]


def test_one_shared_reader_per_vocabulary_object() -> None:
    vocab = default_vocabulary()
    assert label_reader(vocab) is label_reader(vocab)
    other = replace(vocab, synonyms=dict(vocab.synonyms))
    assert label_reader(other) is not label_reader(vocab)


def test_fold_memo_is_bounded_and_synonyms_stay_per_vocabulary() -> None:
    info = fold_label.cache_info()
    assert info.maxsize == FOLD_MEMO
    base = default_vocabulary()
    assert base.canonical("测试项目甲 ") == "测试项目甲"  # folded (and memoised) first
    packed = replace(base, synonyms={**base.synonyms, "测试项目甲": "测试项目乙"})
    assert packed.canonical("测试项目甲") == "测试项目乙"
    assert base.canonical("测试项目甲") == "测试项目甲"
