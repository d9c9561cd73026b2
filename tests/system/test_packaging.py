"""The package as people install it: the sdist and the wheel built from a
clean copy of the sources, checked with twine, and the wheel installed into a
fresh venv (its dependencies from the package index), where ``backtui`` runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from practice import __version__

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "practice", "man")


def run(*command: str | Path, **options) -> subprocess.CompletedProcess:
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True, **options)
    assert done.returncode == 0, f"{command}: {done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """The sdist and the wheel (built from the sdist, as ``python -m build`` does)."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, source)
    return out


def wheel(dist: Path) -> Path:
    [found] = dist.glob("backtui-*.whl")
    return found


@pytest.mark.slow
def test_twine_passes_both(dist):
    files = sorted(dist.iterdir())
    assert sorted(f.suffix for f in files) == [".gz", ".whl"]
    run(sys.executable, "-m", "twine", "check", "--strict", *files)


@pytest.mark.slow
def test_the_metadata_follows_current_practice(dist):
    with zipfile.ZipFile(wheel(dist)) as archive:
        text = archive.read(f"backtui-{__version__}.dist-info/METADATA").decode()
    metadata = Parser().parsestr(text)
    assert metadata["Version"] == __version__
    assert metadata["License-Expression"] == "MIT" and metadata.get_all("License-File") == ["LICENSE"]
    classifiers = metadata.get_all("Classifier")
    assert {"Environment :: Console", "Intended Audience :: End Users/Desktop",
            "Programming Language :: Python :: 3", "Operating System :: OS Independent"} <= set(classifiers)
    assert not [c for c in classifiers if c.startswith("License ::")]  # PEP 639: the expression only
    assert "Homepage, https://github.com/backtui/backtui" in metadata.get_all("Project-URL")


def test_the_wheel_carries_every_data_file_and_the_man_page(dist):
    with zipfile.ZipFile(wheel(dist)) as archive:
        names = set(archive.namelist())
    data = {str(p.relative_to(ROOT)) for p in (ROOT / "practice").rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc")}
    assert data and data <= names  # the catalog, the stylesheet, whatever joins them
    assert f"backtui-{__version__}.data/data/share/man/man1/backtui.1" in names
    assert f"backtui-{__version__}.dist-info/licenses/LICENSE" in names


def test_the_sdist_holds_what_the_wheel_is_built_from(dist):
    [sdist] = dist.glob("backtui-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"LICENSE", "man/backtui.1", "practice/catalog/exercises.json", "practice/app/backtui.tcss"} <= names


@pytest.mark.slow
def test_the_wheel_installs_into_a_fresh_venv_and_runs(dist, tmp_path):
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python, backtui = venv / "bin" / "python", venv / "bin" / "backtui"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--disable-pip-version-check",
        wheel(dist))
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "BACKTUI_DATA_DIR": str(tmp_path / "data")}
    assert run(backtui, "--version", env=env).stdout == f"backtui {__version__}\n"
    installed = run(python, "-c", "import importlib.metadata as m; print(m.version('backtui'))", env=env)
    assert installed.stdout == f"{__version__}\n"
    status = run(backtui, "status", env=env)
    assert " done, about " in status.stdout and "Streak 0 days" in status.stdout
    assert "glute-bridge" in run(backtui, "completion", "bash", env=env).stdout
    assert (venv / "share" / "man" / "man1" / "backtui.1").read_text() == (ROOT / "man" / "backtui.1").read_text()
