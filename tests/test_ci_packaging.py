"""The CI examples work as shipped: the pre-commit hook's entry and the GitHub Action's run step are
run, as shell commands without network, against a small fixture repository made in a tmp dir."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT, SEED_PATH

BROKEN = ROOT / "fixtures" / "broken" / "01-transposed-part.txt"


def _repo(tmp_path: Path, broken: bool) -> Path:
    repo = tmp_path / "drafts"
    (repo / "reports").mkdir(parents=True)
    shutil.copy(SEED_PATH, repo / "reports" / "seed.txt")
    if broken:
        shutil.copy(BROKEN, repo / "reports" / "broken.txt")
    (repo / "README.rst").write_text("not a report\n", "utf-8")
    return repo


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    bindir = str(Path(sys.executable).parent)  # where the installed `fiscal-lint` script lives
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    return env


def _hook() -> dict[str, object]:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "fiscal-lint" and hook["language"] == "python"
    return hook


def _pre_commit(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """What pre-commit does: the entry plus every staged file its `files` pattern selects."""
    hook = _hook()
    pattern = re.compile(str(hook["files"]))
    files = sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file())
    chosen = [f for f in files if pattern.search(f)]
    assert "README.rst" not in chosen and "reports/seed.txt" in chosen
    cmd = f"{hook['entry']} " + " ".join(chosen)
    return subprocess.run(cmd, shell=True, cwd=repo, env=env, capture_output=True, text=True, timeout=300)


def test_pre_commit_hook_passes_clean_and_blocks_broken(tmp_path: Path) -> None:
    env = _env(tmp_path)
    clean = _pre_commit(_repo(tmp_path / "a", broken=False), env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    broken = _pre_commit(_repo(tmp_path / "b", broken=True), env)
    assert broken.returncode == 1 and "FL201" in broken.stdout


def _action_run(repo: Path, tmp_path: Path, inputs: dict[str, str]) -> tuple[int, str, Path]:
    action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = {s["id"]: s for s in action["runs"]["steps"]}
    assert "github.action_path" in steps["install"]["run"]  # installs this repository, not a registry copy
    assert steps["upload"]["uses"].startswith("github/codeql-action/upload-sarif")
    assert steps["upload"]["with"]["sarif_file"] == "${{ inputs.sarif }}"
    values = {k: str(v.get("default", "")) for k, v in action["inputs"].items()} | inputs
    run = steps["run"]
    env = _env(tmp_path)
    for name, value in run["env"].items():
        env[name] = re.sub(r"\$\{\{ inputs\.([\w-]+) \}\}", lambda m: values[m.group(1)], value)
    summary = tmp_path / "step-summary.md"
    env["GITHUB_STEP_SUMMARY"] = str(summary)
    r = subprocess.run(
        ["bash", "-c", run["run"]], cwd=repo, env=env, capture_output=True, text=True, timeout=600
    )
    return r.returncode, r.stdout + r.stderr, summary


def test_github_action_run_step(tmp_path: Path) -> None:
    repo = _repo(tmp_path, broken=True)
    rc, out, summary = _action_run(repo, tmp_path, {"paths": "reports"})
    assert rc == 1, out
    assert "::error file=reports/broken.txt" in out
    sarif = (repo / "fiscal-lint.sarif").read_text("utf-8")
    assert '"version": "2.1.0"' in sarif and "FL201" in sarif
    text = summary.read_text("utf-8")
    assert text.startswith("## fiscal-lint") and "FL201" in text and "共 2 个文件" in text
    rc_ok, out_ok, _ = _action_run(
        _repo(tmp_path / "ok", broken=False), tmp_path / "ok", {"paths": "reports"}
    )
    assert rc_ok == 0, out_ok
