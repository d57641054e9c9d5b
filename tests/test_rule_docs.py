"""Every rule carries its documentation, and its examples behave as documented (ruff/sqlfluff style)."""

from __future__ import annotations

import pytest
from conftest import catalog, flat

from lint.catalog import RuleDef
from lint.engine import Options, lint_document
from lint.readers.markdown import parse_markdown_tables
from lint.readers.text import read_text

RULES = sorted(catalog().rules.values(), key=lambda r: r.code)


def _codes(text: str) -> set[str]:
    doc = read_text(text.encode("utf-8"), "<example>", "md")
    parse_markdown_tables(doc)
    # a relation merged under another finding of the same cause is reported all the same
    return {f.rule for f in flat(lint_document(doc, catalog(), Options()).findings)}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_docs_in_both_languages(rule: RuleDef) -> None:
    for field in ("summary_zh", "summary_en", "message_zh", "message_en", "doc_zh", "doc_en"):
        assert getattr(rule, field).strip(), f"{rule.code} lacks {field}"
    assert rule.example_fail.strip() and rule.example_pass.strip(), f"{rule.code} lacks examples"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_failing_example_fails_and_passing_example_passes(rule: RuleDef) -> None:
    assert rule.code in _codes(rule.example_fail), f"{rule.code}: example_fail does not trigger it"
    assert rule.code not in _codes(rule.example_pass), f"{rule.code}: example_pass triggers it"
