"""A real package: the wheel carries knowledge/ and prompts/, and works outside the checkout.

Builds the wheel, installs it with --no-deps into a fresh venv outside the checkout whose
only other packages are the project venv's installed dependencies (a .pth line), and runs
`procure samples`, `ingest`, `ask`, `chat` and `rfp` from there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(REPO)],
        check=True, timeout=300, cwd=out,
    )
    return next(out.glob("procure-*.whl"))


def test_the_wheel_carries_knowledge_prompts_and_eval_cases(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "procure_knowledge/interview/plan.yaml" in names
    assert "procure_knowledge/rfp/sections.yaml" in names
    assert sum(n.startswith("procure_knowledge/guidance/") for n in names) >= 20
    assert "procure_prompts/answer.system.md" in names
    assert any(n.startswith("evals/cases/interviews/") for n in names)
    assert "assistant/samples/proposals/meridian.md" in names


def test_the_installed_wheel_runs_outside_the_checkout(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    site = next(env_dir.glob("lib/python*/site-packages"))
    # The heavy dependencies come from the project venv's site-packages, not a new download.
    (site / "project-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    python = env_dir / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
         str(wheel)],
        check=True, timeout=300,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env.update(PROCURE_HOME=str(work / "home"), HF_HUB_OFFLINE="1")

    def procure(*args: str) -> str:
        done = subprocess.run(
            [str(env_dir / "bin" / "procure"), "--workspace", str(work / "ws"), *args],
            cwd=work, env=env, capture_output=True, text=True, timeout=600,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    where = subprocess.run(
        [str(python), "-c", "import assistant, procure_knowledge; print(assistant.__file__); "
         "print(procure_knowledge.__file__)"],
        cwd=work, env=env, capture_output=True, text=True, check=True,
    ).stdout
    assert str(REPO) not in where and str(site) in where
    samples = procure("samples", str(work / "pdfs")).split()
    assert len(samples) == 5
    assert "ok" in procure("ingest", *samples)
    assert "28.50" in procure("ask", "What is Meridian's hourly rate for English voice?")
    assert "organisation" in procure("chat", "start").lower()
    procure("chat", "About 60k contacts a month")
    assert "60,000" in procure("profile")
    assert "open points" in procure("rfp", "--format", "md")
    assert (work / "ws" / "rfp.md").is_file()
