"""The HTML report in a real browser (headless Debian chromium driven by playwright): contents
link to each file, infos are collapsed, PDF findings carry a page crop; report text stays inert."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from test_cli import run

CHROMIUM = Path("/usr/bin/chromium")


def _html(tmp_path: Path) -> Path:
    out = tmp_path / "report.html"
    pdf = ROOT / "fixtures" / "pdf" / "broken-01-transposed-part.pdf"
    txt = tmp_path / "evil.txt"
    txt.write_text("<script>alert(1)</script>合计100.00万元，其中：甲60.00万元，乙41.00万元。\n", "utf-8")
    run("check", "-f", "html", "-o", str(out), str(pdf), str(txt), str(ROOT / "fixtures" / "broken"))
    return out


def test_html_contents_infos_collapsed_and_crop(tmp_path: Path) -> None:
    page = _html(tmp_path).read_text("utf-8")
    anchors = re.findall(r'href="#(file-\d+)"', page)
    assert anchors and all(f'id="{a}"' in page for a in anchors)
    assert "<details><summary>提示" in page
    assert "data:image/png;base64," in page and "#page=" in page
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_html_in_a_headless_browser(tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not CHROMIUM.exists() or shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    report = _html(tmp_path)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            tab = browser.new_page()
            tab.goto(report.as_uri())
            links = tab.locator('a[href^="#file-"]')
            assert links.count() >= 30
            links.nth(1).click()
            assert tab.evaluate("location.hash") == "#file-2"
            top = tab.evaluate("document.getElementById('file-2').getBoundingClientRect().top")
            assert abs(top) < 5  # the anchor scrolled its file to the top
            crops = tab.locator("img.crop")
            assert crops.count() >= 1
            assert tab.evaluate("document.querySelector('img.crop').naturalWidth") > 50
            assert tab.evaluate("window.alertFired === undefined")
            assert tab.locator("details:not([open])").count() >= 1
        finally:
            browser.close()


def _batch(tmp_path: Path) -> Path:
    """The HTML report written into a sub-folder (-o out/sub/report.html), of a PDF and a draft."""
    out = tmp_path / "out" / "sub" / "report.html"
    out.parent.mkdir(parents=True)
    pdf = ROOT / "fixtures" / "pdf" / "broken-01-transposed-part.pdf"
    run(
        "check",
        "-f",
        "html",
        "-o",
        str(out),
        str(pdf),
        str(ROOT / "fixtures" / "broken" / "01-transposed-part.txt"),
    )
    return out


def test_html_filters_culprit_and_relative_pdf_link(tmp_path: Path) -> None:
    report = _batch(tmp_path)
    page = report.read_text("utf-8")
    for key in ("error", "warning", "info", "FL201", "FL303"):
        assert f'<span class="flt" id="only-{key}"></span>' in page and f'href="#only-{key}"' in page
        assert f"#only-{key}:target~main .finding:not(.{key}){{display:none}}" in page
    assert '<div class="finding error FL201">' in page
    # the figures the suggestion names are marked apart from the others
    assert page.count('<mark class="culprit"') >= 1 and '<tr class="culprit">' in page
    assert "<script" not in page
    hrefs = re.findall(r'href="([^"#]+\.pdf)#page=(\d+)"', page)
    assert hrefs
    for href, _ in hrefs:
        assert not Path(href).is_absolute()
        assert (report.parent / href).resolve() == (
            ROOT / "fixtures" / "pdf" / "broken-01-transposed-part.pdf"
        )


def test_html_filters_in_a_headless_browser(tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not CHROMIUM.exists() or shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    report = _batch(tmp_path)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            tab = browser.new_page()
            tab.goto(report.as_uri())
            shown = (
                "[...document.querySelectorAll('main div.finding.{0}')].filter(d => d.offsetParent).length"
            )
            assert tab.evaluate(shown.format("error")) == 2
            tab.click('a[href="#only-FL303"]')
            assert tab.evaluate(shown.format("FL201")) == 0
            tab.click('a[href="#only-error"]')
            assert tab.evaluate(shown.format("error")) == 2 and tab.evaluate(shown.format("FL201")) == 2
            tab.click('a[href="#all"]')
            assert tab.evaluate(shown.format("FL201")) == 2
            colour = "getComputedStyle(document.querySelector('mark.culprit')).backgroundColor"
            plain = "getComputedStyle(document.querySelector('mark:not(.culprit)')).backgroundColor"
            assert tab.evaluate(colour) != tab.evaluate(plain)
        finally:
            browser.close()
