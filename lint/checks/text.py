"""text: what a hurried draft leaves behind — blanks (“占 %”), placeholders (XXX万元), template
wording (增加（减少）), doubled stops and unclosed brackets, retired category names (issue 8).

Structure found every mark; this only turns marks into findings, one per line and kind.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import Context, finding
from lint.model import Finding
from lint.structure.hygiene import MAX_SHOWN, Mark

PUNCTUATION = {
    "punctuation": ("标点重复或冲突", "doubled or clashing punctuation"),
    "bracket": ("括号或引号未闭合", "a bracket or quote is never closed"),
}

HINTS = {
    "alternative": (
        "（二选一的措辞，应按实际情况只保留一种）",
        " (an either/or wording: keep the one that applies)",
    ),
    "blank": ("（原因或内容留空）", " (the reason or matter is left blank)"),
    "instruction": ("（模板的填写说明，定稿中应删除）", " (an instruction of the template, to be removed)"),
}


def _more(mark: Mark) -> tuple[str, str]:
    """“（本行另有 2 处：XX%、XXX万元）” — the further occurrences of one line."""
    if not mark.others:
        return "", ""
    shown = mark.others[:MAX_SHOWN]
    tail_zh = "等" if len(mark.others) > MAX_SHOWN else ""
    tail_en = ", …" if len(mark.others) > MAX_SHOWN else ""
    return (
        f"（本行另有 {len(mark.others)} 处：{'、'.join(shown)}{tail_zh}）",
        f" ({len(mark.others)} more on this line: {', '.join(shown)}{tail_en})",
    )


def run(ctx: Context) -> Iterator[Finding]:
    analysis = ctx.analysis
    doc = analysis.document
    for rel in analysis.relations:
        if rel.kind != "placeholder":
            continue
        end = rel.data.get("end")
        loc = doc.location(rel.anchor, end if isinstance(end, int) else None)
        yield finding(ctx, "FL281", loc, [], {"text": rel.data.get("text", "")})
    for mark in analysis.marks:
        loc = doc.location(mark.start, mark.end)
        more, more_en = _more(mark)
        if mark.kind == "placeholder":
            yield finding(
                ctx, "FL282", loc, [], {"text": mark.text, "more": more, "more_en": more_en}, actual=mark.text
            )
        elif mark.kind == "placeholder_name":
            yield finding(
                ctx, "FL286", loc, [], {"text": mark.text, "more": more, "more_en": more_en}, actual=mark.text
            )
        elif mark.kind == "template":
            hint, hint_en = HINTS.get(mark.detail, HINTS["instruction"])
            yield finding(
                ctx,
                "FL287" if mark.detail == "instruction" else "FL283",
                loc,
                [],
                {"text": mark.text, "hint": hint, "hint_en": hint_en, "more": more, "more_en": more_en},
                actual=mark.text,
            )
        elif mark.kind in PUNCTUATION:
            what, what_en = PUNCTUATION[mark.kind]
            yield finding(ctx, "FL284", loc, [], {"what": what, "what_en": what_en, "text": mark.text})
        elif mark.kind == "toc_unmatched":
            yield finding(ctx, "FL289", loc, [], {"text": mark.text}, actual=mark.text)
        elif mark.kind == "cut_heading":
            yield finding(
                ctx,
                "FL290",
                loc,
                [],
                {"text": mark.text, "full": mark.detail},
                expected=mark.detail,
                actual=mark.text,
            )
        elif mark.kind == "retired" and analysis.year is not None and analysis.year >= mark.retired:
            yield finding(
                ctx,
                "FL285",
                loc,
                [],
                {"name": mark.text, "retired": mark.retired, "current": mark.current, "year": analysis.year},
                expected=mark.current,
                actual=mark.text,
            )
