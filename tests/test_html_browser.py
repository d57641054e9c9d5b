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
