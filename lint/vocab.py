"""The vocabulary (rules/vocabulary.toml) as typed, validated, precompiled data.

Extract and structure read words from here, never from literals in code, so a reviewer can teach
the linter a new unit, qualifier or synonym by editing TOML.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import TypeVar

import regex

from lint.catalog import Pack, load_toml, rules_dir
from lint.errors import RuleFileError

# Full-width → half-width for digits, Latin letters and the few symbols numbers use. Same length, so
# offsets into the original text stay valid.
FULLWIDTH = str.maketrans(
    {chr(0xFF10 + i): chr(0x30 + i) for i in range(10)}
    | {"．": ".", "，": ",", "％": "%", "－": "-", "−": "-", "＋": "+", "　": " "}
)
# Label folding: also brackets, so （境） and (境) compare equal.
LABEL_FOLD = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "、": ","})


# (wide, narrow) pairs of FULLWIDTH: each narrow character is ASCII, never a wide one, so replacing them
# one pair at a time gives what str.translate gives
_WIDE_PAIRS = [(chr(k), v) for k, v in FULLWIDTH.items()]


def open_brackets(text: str) -> int:
    """Brackets (full- or half-width) opened in `text` and not closed there; negative when it closes
    more than it opens ("支出）": the tail of a gloss opened before it)."""
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


def fold_width(text: str) -> str:
    # str.replace per pair present: on CJK text str.translate looks every character up in a dict, ~30×
    # slower on a whole report (the figure scan folds the whole text once, the label readers each clause)
    for wide, narrow in _WIDE_PAIRS:
        if wide in text:
            text = text.replace(wide, narrow)
    return text


def alternation(words: list[str]) -> str:
    """A regex alternation that tries longer words first."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class RetiredCategory:
    """A 政府收支分类科目 name the classification no longer has from budget year `retired` on."""

    name: str
    retired: int
    current: str


@dataclass(frozen=True)
class TableSlot:
    """A figure the 说明 states that has one cell of its own in a table ([[table_slot]] in
    rules/hygiene.toml): the table's title keyword, the figure's label as the extractor normalises it,
    and the column or row headers that name it."""

    table: str
    label: str
    headers: tuple[str, ...]


@dataclass
class ScoreVocab:
    """What a 绩效自评表 is called and how its 总分 is graded ([scores] in vocabulary.toml)."""

    max_headers: list[str] = field(default_factory=list)  # 分值
    score_headers: list[str] = field(default_factory=list)  # 得分
    total_rows: list[str] = field(default_factory=list)  # 合计, 总分
    actual_headers: list[str] = field(default_factory=list)  # 实际完成值: where the 执行率 is written
    rate_rows: list[str] = field(default_factory=list)  # 预算执行率, 年度资金总额
    level1_headers: list[str] = field(default_factory=list)  # 一级指标
    prose_totals: list[str] = field(default_factory=list)  # 自评得分 … in the prose
    not_totals: list[str] = field(default_factory=list)  # 执行率得分, 指标得分: one indicator's score
    score_rate_headers: list[str] = field(default_factory=list)  # 得分率: 得分 ÷ 分值 of the row
    grades: list[tuple[str, list[str], Decimal]] = field(default_factory=list)  # (grade, words, lowest score)
    # the template awards whole points: a prose breakdown of a 总分 written in whole 分 is exact
    whole_points: bool = False
    # "决策指标满分20分，得19.00分": words that make a prose score a weight, not a part of the 总分
    prose_max_words: list[str] = field(default_factory=list)
    prose_score_words: list[str] = field(default_factory=list)  # 得分: "20分，得分18.5分"
    # "…综合得分91.5分。⏎各项得分：产出指标46.2分…": a line opened so lists the parts of the 总分 before it
    prose_openers: list[str] = field(default_factory=list)
    # a stated band rule for the 执行率 score ("执行率≥95%得10分"): FL409's rate × 分值 does not apply
    rate_band_words: list[str] = field(default_factory=list)
    rate_band_marks: list[str] = field(default_factory=list)


FOLD_MEMO = 16384  # distinct labels folded and remembered (a long report has a few thousand)


@lru_cache(maxsize=FOLD_MEMO)
def fold_label(label: str, strip_chars: str) -> str:
    """A label's spelling folded: NFKC width, quotes (LABEL_FOLD), no spaces or `strip_chars`.
    Memoised per distinct label (bounded): the same labels recur thousands of times in a report.
    The synonyms are applied after, by the vocabulary, since packs may add some."""
    folded = unicodedata.normalize("NFKC", label).translate(LABEL_FOLD)
    return "".join(c for c in folded if c not in strip_chars and not c.isspace())


@dataclass
class Vocabulary:
    units: dict[str, tuple[str, Decimal]]  # unit → (dimension, scale)
    not_followed_by: dict[str, str]
    stages: dict[str, str]  # word → stage
    periods: dict[str, str]  # word → period
    funds: dict[str, str]  # word → fund scope
    scopes: dict[str, str]  # heading word → subject scope (机关运行经费, 基本支出 …)
    partition_scopes: set[str]  # scopes whose breakdowns share no item (基本支出 | 项目支出)
    other_sources: list[str]  # labels of money that is not 财政拨款 (事业收入, 其他收入 …)
    flow_words: list[str]  # a count after these counts this year's purchases/disposals (购置, 报废 …)
    approx_before: list[str]
    approx_after: list[str]
    not_approx_before: list[str]
    restated: list[str]  # 同口径/可比/剔除: a change on a restated basis ([qualifiers] restated)
    title_final: list[str]
    title_budget: list[str]
    title_report: list[str]
    title_no_stage: list[str]
    markers: dict[str, list[str]]
    strip_chars: str
    leading: list[str]
    actions: list[str]  # a label ending in one of these names no thing ([labels] actions)
    cut_after: list[str]  # 收入总计包括本年收入合计: a label keeps what follows the last of these
    trailing: list[str]
    generic: set[str]
    directions: list[str]  # 收入 | 支出: a generic word never inherits a label of the other direction
    synonyms: dict[str, str] = field(default_factory=dict)  # folded name → canonical
    scores: ScoreVocab = field(default_factory=ScoreVocab)
    sides: dict[str, str] = field(default_factory=dict)  # word → income | outgo ([qualifiers.side])
    # [labels] verbs / short_verbs / verb_objects: "加本年收入合计" is 本年收入合计
    label_verbs: list[str] = field(default_factory=list)
    label_short_verbs: list[str] = field(default_factory=list)
    label_verb_objects: list[str] = field(default_factory=list)
    # [qualifiers.whole_lead]: a "X中，" lead-in naming one of these narrows no label after it
    whole_leads: list[str] = field(default_factory=list)
    points_moved_to: list[str] = field(default_factory=list)  # [points] moved_to: 由A%降至B%
    points_compared_with: list[str] = field(default_factory=list)  # [points] compared_with: B%，比上年A%
    stated_comparison: dict[str, list[str]] = field(default_factory=dict)  # [stated_comparison]
    # hygiene (rules/hygiene.toml): what a template leaves behind, and retired category names
    placeholder_chars: str = ""
    placeholder_single: str = ""  # of those, the ones that stand alone before an amount ("x万元")
    template_phrases: list[tuple[str, str]] = field(default_factory=list)  # (text, kind)
    retired_categories: list[RetiredCategory] = field(default_factory=list)
    table_slots: list[TableSlot] = field(default_factory=list)
    # headings: the endings a section title has in full ("情况说明"); one cut short is a slip
    title_endings: list[str] = field(default_factory=list)
    title_stand_ins: list[str] = field(default_factory=list)  # "部门" in a contents entry = the unit's name

    def canonical(self, label: str) -> str:
        """Normalise a label: width, quotes, spaces, brackets, then synonyms."""
        folded = fold_label(label, self.strip_chars)
        return self.synonyms.get(folded, folded)

    def add_synonyms(self, groups: list[list[str]]) -> None:
        for names in groups:
            canon = self.canonical(names[0])
            for name in names:
                self.synonyms[self.canonical(name)] = canon


def _words(table: object, path: Path, key: str) -> list[str]:
    if not isinstance(table, list) or not all(isinstance(w, str) for w in table):
        raise RuleFileError(str(path), f"'{key}' must be a list of strings")
    return list(table)


def _table(t: object, path: Path) -> dict[str, object]:
    if not isinstance(t, dict):
        raise RuleFileError(str(path), "expected a table")
    return t


def _mapping(table: object, path: Path, key: str) -> dict[str, str]:
    """{value: [words]} → {word: value}."""
    if not isinstance(table, dict):
        raise RuleFileError(str(path), f"[{key}] must be a table")
    out: dict[str, str] = {}
    for value, words in table.items():
        for w in _words(words, path, f"{key}.{value}"):
            out[w] = value
    return out


def parse_vocabulary(data: dict[str, object], path: Path) -> Vocabulary:
    def table(key: str) -> dict[str, object]:
        t = data.get(key, {})
        if not isinstance(t, dict):
            raise RuleFileError(str(path), f"[{key}] must be a table")
        return t

    units: dict[str, tuple[str, Decimal]] = {}
    not_followed: dict[str, str] = {}
    for dim, entries in table("units").items():
        if not isinstance(entries, dict):
            raise RuleFileError(str(path), f"[units.{dim}] must be a table")
        if dim == "not_followed_by":
            not_followed = {k: str(v) for k, v in entries.items()}
            continue
        for unit, scale in entries.items():
            if not isinstance(scale, int | float):
                raise RuleFileError(str(path), f"units.{dim}.{unit}: scale must be a number")
            units[unit] = (dim, Decimal(str(scale)))
    quals = table("qualifiers")
    labels = table("labels")
    markers = {k: _words(v, path, f"markers.{k}") for k, v in table("markers").items()}
    vocab = Vocabulary(
        units=units,
        not_followed_by=not_followed,
        stages=_mapping(quals.get("stage", {}), path, "qualifiers.stage"),
        periods=_mapping(quals.get("period", {}), path, "qualifiers.period"),
        funds=_mapping(quals.get("fund", {}), path, "qualifiers.fund"),
        scopes=_mapping(quals.get("scope", {}), path, "qualifiers.scope"),
        partition_scopes=set(
            _words(
                _table(quals.get("partition", {}), path).get("scopes", []),
                path,
                "qualifiers.partition.scopes",
            )
        ),
        other_sources=_words(
            _table(quals.get("other_sources", {}), path).get("words", []),
            path,
            "qualifiers.other_sources.words",
        ),
        flow_words=_words(
            _table(quals.get("flow", {}), path).get("words", []), path, "qualifiers.flow.words"
        ),
        approx_before=_words(quals.get("approx_before", []), path, "qualifiers.approx_before"),
        approx_after=_words(quals.get("approx_after", []), path, "qualifiers.approx_after"),
        not_approx_before=_words(quals.get("not_approx_before", []), path, "qualifiers.not_approx_before"),
        restated=_words(quals.get("restated", []), path, "qualifiers.restated"),
        title_final=_words(quals.get("title_final", []), path, "qualifiers.title_final"),
        title_budget=_words(quals.get("title_budget", []), path, "qualifiers.title_budget"),
        title_report=_words(quals.get("title_report", []), path, "qualifiers.title_report"),
        title_no_stage=_words(quals.get("title_no_stage", []), path, "qualifiers.title_no_stage"),
        markers=markers,
        strip_chars=str(labels.get("strip_chars", "")),
        leading=_words(labels.get("leading", []), path, "labels.leading"),
        actions=_words(labels.get("actions", []), path, "labels.actions"),
        cut_after=_words(labels.get("cut_after", []), path, "labels.cut_after"),
        trailing=_words(labels.get("trailing", []), path, "labels.trailing"),
        generic=set(_words(labels.get("generic", []), path, "labels.generic")),
        directions=_words(labels.get("directions", []), path, "labels.directions"),
    )
    vocab.scores = _scores(table("scores"), path)
    vocab.sides = _mapping(quals.get("side", {}), path, "qualifiers.side")
    vocab.label_verbs = _words(labels.get("verbs", []), path, "labels.verbs")
    vocab.label_short_verbs = _words(labels.get("short_verbs", []), path, "labels.short_verbs")
    vocab.label_verb_objects = _words(labels.get("verb_objects", []), path, "labels.verb_objects")
    vocab.whole_leads = _words(
        _table(quals.get("whole_lead", {}), path).get("words", []), path, "qualifiers.whole_lead.words"
    )
    points = table("points")
    vocab.points_moved_to = _words(points.get("moved_to", []), path, "points.moved_to")
    vocab.points_compared_with = _words(points.get("compared_with", []), path, "points.compared_with")
    stated = table("stated_comparison")
    vocab.stated_comparison = {k: _words(v, path, f"stated_comparison.{k}") for k, v in stated.items()}
    merge_synonyms(vocab, data, path)
    return vocab


def _scores(t: dict[str, object], path: Path) -> ScoreVocab:
    grades: list[tuple[str, list[str], Decimal]] = []
    entries = t.get("grade", [])
    if not isinstance(entries, list):
        raise RuleFileError(str(path), "scores.grade must be an array of tables ([[scores.grade]])")
    for i, g in enumerate(entries):
        if not isinstance(g, dict) or not isinstance(g.get("min"), int | float) or "name" not in g:
            raise RuleFileError(str(path), f"scores.grade #{i + 1}: needs name, words and min (a number)")
        names = _words(g.get("words", [g["name"]]), path, f"scores.grade #{i + 1}.words")
        grades.append((str(g["name"]), names, Decimal(str(g["min"]))))

    def words(key: str) -> list[str]:
        return _words(t.get(key, []), path, f"scores.{key}")

    return ScoreVocab(
        max_headers=words("max_headers"),
        score_headers=words("score_headers"),
        total_rows=words("total_rows"),
        actual_headers=words("actual_headers"),
        rate_rows=words("rate_rows"),
        level1_headers=words("level1_headers"),
        prose_totals=words("prose_totals"),
        not_totals=words("not_totals"),
        score_rate_headers=words("score_rate_headers"),
        grades=grades,
        whole_points=_flag(t.get("whole_points", False), path, "scores.whole_points"),
        prose_max_words=words("prose_max_words"),
        prose_score_words=words("prose_score_words"),
        prose_openers=words("prose_openers"),
        rate_band_words=words("rate_band_words"),
        rate_band_marks=words("rate_band_marks"),
    )


def _flag(value: object, path: Path, what: str) -> bool:
    if not isinstance(value, bool):
        raise RuleFileError(str(path), f"{what} must be true or false")
    return value


def merge_synonyms(vocab: Vocabulary, data: dict[str, object], path: Path) -> None:
    """Add the [[synonyms]] groups of any pack (built-in or user) to the vocabulary."""
    groups = data.get("synonyms", [])
    if not isinstance(groups, list):
        raise RuleFileError(str(path), "'synonyms' must be an array of tables ([[synonyms]])")
    parsed: list[list[str]] = []
    for i, g in enumerate(groups):
        if not isinstance(g, dict) or "names" not in g:
            raise RuleFileError(str(path), f"synonyms #{i + 1}: needs names = [...]")
        names = _words(g["names"], path, f"synonyms #{i + 1}.names")
        if len(names) < 2:
            raise RuleFileError(str(path), f"synonyms #{i + 1}: needs at least two names")
        parsed.append(names)
    vocab.add_synonyms(parsed)


def merge_hygiene(vocab: Vocabulary, data: dict[str, object], path: Path) -> None:
    """Add a pack's [placeholders], [[template_phrase]] and [[retired_category]] to the vocabulary."""
    ph = data.get("placeholders", {})
    if not isinstance(ph, dict) or not all(isinstance(ph.get(k, ""), str) for k in ("chars", "single")):
        raise RuleFileError(str(path), '[placeholders] must be a table with chars = "…" and single = "…"')
    chars, single = str(ph.get("chars", "")), str(ph.get("single", ""))
    vocab.placeholder_chars += "".join(c for c in chars if c not in vocab.placeholder_chars)
    vocab.placeholder_single += "".join(c for c in single if c not in vocab.placeholder_single)
    phrases = data.get("template_phrase", [])
    if not isinstance(phrases, list):
        raise RuleFileError(str(path), "'template_phrase' must be an array of tables ([[template_phrase]])")
    for i, t in enumerate(phrases):
        if not isinstance(t, dict) or not isinstance(t.get("text"), str) or not t["text"].strip():
            raise RuleFileError(str(path), f'template_phrase #{i + 1}: needs text = "…"')
        kind = t.get("kind", "instruction")
        if kind not in ("alternative", "blank", "instruction"):
            raise RuleFileError(
                str(path), f"template_phrase #{i + 1}: kind must be alternative, blank or instruction"
            )
        vocab.template_phrases.append((t["text"], str(kind)))
    retired = data.get("retired_category", [])
    if not isinstance(retired, list):
        raise RuleFileError(str(path), "'retired_category' must be an array of tables ([[retired_category]])")
    for i, r in enumerate(retired):
        if (
            not isinstance(r, dict)
            or not isinstance(r.get("name"), str)
            or not isinstance(r.get("retired"), int)
            or isinstance(r.get("retired"), bool)
            or not isinstance(r.get("current", ""), str)
        ):
            raise RuleFileError(
                str(path), f'retired_category #{i + 1}: needs name = "…", retired = YEAR, current = "…"'
            )
        vocab.retired_categories.append(RetiredCategory(r["name"], r["retired"], str(r.get("current", ""))))
    slots = data.get("table_slot", [])
    if not isinstance(slots, list):
        raise RuleFileError(str(path), "'table_slot' must be an array of tables ([[table_slot]])")
    for i, t in enumerate(slots):
        if not isinstance(t, dict) or not all(isinstance(t.get(k), str) and t[k] for k in ("table", "label")):
            raise RuleFileError(
                str(path), f'table_slot #{i + 1}: needs table = "…", label = "…", headers = [...]'
            )
        headers = _words(t.get("headers", []), path, f"table_slot #{i + 1}.headers")
        vocab.table_slots.append(TableSlot(t["table"], t["label"], tuple(headers)))
    heads = data.get("headings", {})
    if not isinstance(heads, dict):
        raise RuleFileError(str(path), '[headings] must be a table with endings = ["…"]')
    for w in _words(heads.get("endings", []), path, "headings.endings"):
        if w not in vocab.title_endings:
            vocab.title_endings.append(w)
    for w in _words(heads.get("stand_ins", []), path, "headings.stand_ins"):
        if w not in vocab.title_stand_ins:
            vocab.title_stand_ins.append(w)


@cache
def default_vocabulary() -> Vocabulary:
    path = rules_dir() / "vocabulary.toml"
    vocab = parse_vocabulary(load_toml(path), path)
    hygiene = rules_dir() / "hygiene.toml"
    if hygiene.is_file():
        merge_hygiene(vocab, load_toml(hygiene), hygiene)
    return vocab


def pack_vocabulary(packs: list[Pack]) -> Vocabulary:
    """A copy of the default vocabulary with every pack's [[synonyms]] merged in (user packs
    passed with --rules included). Synonym chains are closed, so a user group that renames a
    built-in canonical name still maps every built-in variant to one name."""
    base = default_vocabulary()
    vocab = replace(
        base,
        synonyms=dict(base.synonyms),
        template_phrases=list(base.template_phrases),
        retired_categories=list(base.retired_categories),
        table_slots=list(base.table_slots),
        title_endings=list(base.title_endings),
        title_stand_ins=list(base.title_stand_ins),
    )
    for pack in packs:
        merge_synonyms(vocab, pack.data, pack.path)
        if pack.path.resolve() != (rules_dir() / "hygiene.toml").resolve():
            merge_hygiene(vocab, pack.data, pack.path)
    for name in list(vocab.synonyms):
        target, hops = vocab.synonyms[name], 0
        while target in vocab.synonyms and vocab.synonyms[target] != target and hops < 8:
            target, hops = vocab.synonyms[target], hops + 1
        vocab.synonyms[name] = target
    return vocab


_Made = TypeVar("_Made")


def per_vocabulary(make: Callable[[Vocabulary], _Made]) -> Callable[[Vocabulary], _Made]:
    """`make(vocab)` once per vocabulary object (compiled patterns and memos cost milliseconds and
    serve every file of a run); a user pack's vocabulary is another object and gets its own."""
    made: dict[int, tuple[Vocabulary, _Made]] = {}

    def get(vocab: Vocabulary) -> _Made:
        cached = made.get(id(vocab))
        if cached is None or cached[0] is not vocab:
            cached = (vocab, make(vocab))
            made[id(vocab)] = cached
        return cached[1]

    return get
