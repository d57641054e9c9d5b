"""identity (FL271/FL272): fiscal identities from rules/*.toml, checked across the document."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import flat

from lint.catalog import Pack, load_catalog
from lint.engine import Options, lint_document
from lint.errors import RuleFileError
from lint.identities import load_identities, parse_identities
from lint.model import Document, FileResult, Finding

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "report-2024.txt"
TITLE = "2024年度部门整体支出绩效自评报告\n"
CATALOG = load_catalog()


def lint(text: str, extra: list[Path] | None = None) -> FileResult:
    catalog = load_catalog(extra) if extra else CATALOG
    return lint_document(Document(path="<test>", text=text, fmt="txt"), catalog, Options())


def identity_findings(text: str) -> list[Finding]:
    return [f for f in lint(text).findings if f.rule in ("FL271", "FL272")]


def labels(f: Finding) -> list[tuple[str, str, str]]:
    return [(role, fig.label, str(fig.value)) for role, fig in f.figures]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "fiscal-lint"
    return subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


# -- the seed ---------------------------------------------------------------------------------------


def test_seed_has_no_identity_finding_and_no_error_or_warning() -> None:
    result = lint(SEED.read_text(encoding="utf-8"))
    assert result.status == "ok"
    assert [f.rule for f in result.findings if f.severity.label in ("error", "warning")] == []
    assert [f for f in result.findings if f.rule.startswith("FL27")] == []


def test_seed_with_broken_basic_split_is_reported_once_with_every_figure() -> None:
    # 基本支出 = 人员经费 + 公用经费 is stated with 其中 in the seed: the sum rule reports it, the
    # identity does not report the same figures a second time.
    text = SEED.read_text(encoding="utf-8").replace("公用经费63.39万元", "公用经费64.39万元")
    # the 公用经费 breakdown is broken too (its parts still add to 63.39): one finding, the 基本支出
    # sum listed under it as the same cause
    top = [f for f in lint(text).findings if f.severity.label == "error"]
    assert len(top) == 1 and top[0].figures[0][1].label == "公用经费"
    found = flat(top)
    basic = [f for f in found if f.figures[0][1].label == "基本支出"]
    assert len(basic) == 1
    assert basic[0].rule == "FL201"
    assert {lbl for _, lbl, _ in labels(basic[0])} == {"基本支出", "人员经费", "公用经费"}
    assert not any(f.rule == "FL271" for f in found)


# -- figures stated apart: only the identity can see them ---------------------------------------------


def test_basic_split_across_sentences() -> None:
    text = TITLE + "基本支出为332.11万元。\n本年人员经费268.72万元。\n本年公用经费64.39万元。\n"
    found = identity_findings(text)
    assert len(found) == 1
    f = found[0]
    assert f.rule == "FL271" and f.severity.label == "error"
    assert labels(f) == [
        ("total", "基本支出", "332.11"),
        ("part", "人员经费", "268.72"),
        ("part", "公用经费", "64.39"),
    ]
    assert f.location.line == 2
    assert "basic_split" in f.message and "333.11" in f.message


def test_basic_split_that_holds_is_silent() -> None:
    text = TITLE + "基本支出为332.11万元。\n本年人员经费268.72万元。\n本年公用经费63.39万元。\n"
    assert identity_findings(text) == []


def test_sangong_parts_not_summing() -> None:
    text = (
        TITLE
        + "“三公”经费决算支出0.34万元。\n"
        + "因公出国（境）费支出0.00万元。\n"
        + "公务用车购置及运行维护费0.10万元。\n"
        + "本年公务接待费0.14万元。\n"
    )
    found = identity_findings(text)
    assert len(found) == 1
    assert found[0].rule == "FL271"
    assert [lbl for _, lbl, _ in labels(found[0])] == [
        "三公经费",
        "因公出国(境)费支出",
        "公务用车购置及运行维护费",
        "公务接待费",
    ]
    assert found[0].expected == "0.24"


def test_budget_and_final_figures_are_never_combined() -> None:
    parts = "因公出国（境）费0.00万元。\n公务用车购置及运行维护费0.00万元。\n本年公务接待费0.14万元。\n"
    # 预算 0.79 against 决算 parts: different facts, no finding
    assert identity_findings(TITLE + "三公经费预算0.79万元。\n" + parts) == []
    # the same total as a 决算 figure does contradict the parts
    found = identity_findings(TITLE + "三公经费决算0.79万元。\n" + parts)
    assert [f.rule for f in found] == ["FL271"]


def test_previous_year_figures_are_never_combined() -> None:
    text = TITLE + "上年基本支出为300.00万元。\n本年人员经费268.72万元。\n本年公用经费63.39万元。\n"
    assert identity_findings(text) == []


def test_missing_part_is_absent_not_zero() -> None:
    # 公务用车 not mentioned: 0.1 + 0.2 < 0.5 may be completed by it
    short = TITLE + "三公经费0.50万元。\n因公出国（境）费0.10万元。\n公务接待费0.20万元。\n"
    assert identity_findings(short) == []
    # but parts that already exceed the total are wrong whatever the missing part is
    over = TITLE + "三公经费0.20万元。\n因公出国（境）费0.10万元。\n公务接待费0.20万元。\n"
    found = identity_findings(over)
    assert [f.rule for f in found] == ["FL271"]
    assert len(found[0].figures) == 3


def test_part_said_to_be_nil_counts_as_zero() -> None:
    text = (
        TITLE
        + "三公经费0.50万元。\n公务接待费0.20万元，公务用车购置及运行维护费0.10万元。\n本年度无因公出国（境）费。\n"
    )
    found = identity_findings(text)
    assert [f.rule for f in found] == ["FL271"]
    without_nil = text.replace("本年度无因公出国（境）费。\n", "")
    assert identity_findings(without_nil) == []


def test_label_repeated_with_different_values_is_left_to_repeat_rule() -> None:
    text = (
        TITLE
        + "基本支出为332.11万元。\n本年人员经费268.72万元。\n本年公用经费64.39万元。\n基本支出为333.11万元。\n"
    )
    assert identity_findings(text) == []


def test_rounding_is_never_an_error() -> None:
    text = TITLE + "基本支出为10.00万元。\n本年人员经费3.33万元。\n本年公用经费6.66万元。\n"
    assert identity_findings(text) == []
    found = [f for f in lint(text.replace("10.00", "10.02")).findings if f.rule.startswith("FL2")]
    assert [f.rule for f in found] == ["FL271"]


def test_warning_identity_gives_fl272() -> None:
    text = TITLE + "人员经费268.72万元，工资福利支出为260.27万元，对个人和家庭的补助支出0.45万元。\n"
    found = identity_findings(text)
    assert [(f.rule, f.severity.label) for f in found] == [("FL272", "warning")]


def test_item_lists_stay_within_one_sentence() -> None:
    # 物业管理费 of 项目支出 is not a 公用经费 item (the seed's 二（二）): sentence scope keeps them apart
    text = TITLE + "公用经费63.39万元，包括办公费32.01万元。项目支出中物业管理费40.00万元。\n"
    assert identity_findings(text) == []


@pytest.mark.parametrize("code", ["FL271", "FL272"])
def test_rule_examples(code: str) -> None:
    rule = CATALOG.get(code)
    assert rule.doc_zh.strip() and rule.doc_en.strip()
    assert [f.rule for f in identity_findings(rule.example_fail)] == [code]
    assert identity_findings(rule.example_pass) == []


# -- user packs ---------------------------------------------------------------------------------------

USER_PACK = """
[pack]
name = "my-bureau"

[[synonyms]]
names = ["培训经费", "培训费支出"]

[[identity]]
name = "meeting_training"
kind = "exact"
total = ["会议培训费"]
parts = [["会议费"], ["培训经费"]]
source = "本局口径"
"""

USER_TEXT = TITLE + "会议培训费5.00万元。\n本年会议费2.00万元。\n本年培训费支出2.00万元。\n"


def test_user_pack_identity_and_synonym_through_cli(tmp_path: Path) -> None:
    pack = tmp_path / "my.toml"
    pack.write_text(USER_PACK, encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(USER_TEXT, encoding="utf-8")
    plain = cli("check", "--format", "json", str(report))
    assert plain.returncode == 0, plain.stderr
    proc = cli("check", "--format", "json", "--rules", str(pack), str(report))
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert [f["rule"] for f in findings] == ["FL271"]
    assert [(x["role"], x["label"], x["value"]) for x in findings[0]["figures"]] == [
        ("total", "会议培训费", "5.00"),
        ("part", "会议费", "2.00"),
        ("part", "培训经费", "2.00"),  # the user's synonym applies everywhere: labels are canonical
    ]
    assert "meeting_training" in findings[0]["message"]


def test_user_synonym_is_what_makes_the_part_match(tmp_path: Path) -> None:
    pack = tmp_path / "my.toml"
    pack.write_text(
        USER_PACK.replace('names = ["培训经费", "培训费支出"]', 'names = ["甲费", "乙费"]'), encoding="utf-8"
    )
    # without the synonym 培训费支出 is not 培训经费: one part is missing and 2 < 5 is no error
    result = lint(USER_TEXT, [pack])
    assert [f.rule for f in result.findings if f.rule.startswith("FL27")] == []


def test_user_identity_replaces_builtin_of_same_name(tmp_path: Path) -> None:
    pack = tmp_path / "fix.toml"
    pack.write_text(  # replacing a built-in identity must be said (issue 11): override = true
        '[pack]\nname = "fix"\noverride = true\n\n'
        '[[identity]]\nname = "basic_split"\nkind = "warning"\ntotal = ["基本支出"]\n'
        'parts = [["人员经费"], ["公用经费"]]\n',
        encoding="utf-8",
    )
    text = TITLE + "基本支出为332.11万元。\n本年人员经费268.72万元。\n本年公用经费64.39万元。\n"
    assert [f.rule for f in lint(text, [pack]).findings if f.rule.startswith("FL27")] == ["FL272"]


BROKEN = {
    "bad-toml": ('[[identity]]\nname = "x"\nkind = = "exact"\n', "invalid TOML", None),
    "unknown-key": (
        '[[identity]]\nname = "x"\ntotal = ["甲"]\nparts = [["乙"], ["丙"]]\nweight = 2\n',
        "weight",
        5,
    ),
    "parts-not-list": ('\n[[identity]]\nname = "x"\ntotal = ["甲"]\nparts = "乙"\n', "parts", 5),
    "slot-not-list": ('[[identity]]\nname = "x"\ntotal = ["甲"]\nparts = ["乙", "丙"]\n', "parts #1", 4),
    "bad-kind": ('[[identity]]\nname = "x"\nkind = "maybe"\ntotal = ["甲"]\nparts = [["乙"]]\n', "kind", 3),
    "no-total": ('[[identity]]\nname = "x"\nparts = [["乙"]]\n', "total", 1),
    "mixed-sign": ('[[identity]]\nname = "x"\ntotal = ["甲"]\nparts = [["乙", "−丙"]]\n', "sign", 4),
    "bad-synonyms": ('[[synonyms]]\nnames = ["甲"]\n', "synonyms", None),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_pack_exits_2_with_one_line(tmp_path: Path, case: str) -> None:
    body, needle, line = BROKEN[case]
    pack = tmp_path / f"{case}.toml"
    pack.write_text(body, encoding="utf-8")
    proc = cli("check", "--rules", str(pack), str(SEED))
    assert proc.returncode == 2
    err = proc.stderr.strip()
    assert "Traceback" not in proc.stderr
    assert len(err.splitlines()) == 1, err
    assert str(pack) in err and needle in err
    if line is not None:
        assert f"{pack}:{line}:" in err


def test_parse_error_names_identity_and_key(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        '[[identity]]\nname = "dup"\ntotal = ["甲"]\nparts = [["乙"], ["甲"]]\n', encoding="utf-8"
    )
    pack = Pack(
        name="p", path=path, data={"identity": [{"name": "dup", "total": ["甲"], "parts": [["乙"], ["甲"]]}]}
    )
    with pytest.raises(RuleFileError) as e:
        parse_identities(pack)
    assert "'dup'" in str(e.value) and "both the total and a part" in str(e.value)
    assert e.value.line_no == 4


def test_builtin_identities_load() -> None:
    ids = {i.name: i for i in load_identities(CATALOG.packs)}
    for name in ("income_total", "expend_by_nature", "basic_split", "sangong", "sangong_car", "procurement"):
        assert name in ids
    assert ids["basic_split"].formula() == "基本支出 = 人员经费 + 公用经费"
    assert ids["personnel_by_econ"].code == "FL272"
