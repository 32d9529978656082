"""Black-box tests: they run the built `kalendarium` binary as a user would."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def kalendarium_bin() -> str:
    path = os.environ.get("KALENDARIUM_BIN") or str(ROOT / ".build/debug/kalendarium")
    if not os.access(path, os.X_OK):
        pytest.fail(f"no kalendarium binary at {path}; run `swift build` first")
    return path


@pytest.fixture
def run(kalendarium_bin):
    """Runs the binary from the repository root with a 60 s limit."""

    def _run(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [kalendarium_bin, *args], cwd=cwd, capture_output=True, text=True, timeout=60,
            env={**os.environ, **(env or {})},
        )

    return _run


@pytest.fixture
def calendars_copy(tmp_path) -> Path:
    """A writable copy of the shipped calendars/."""
    target = tmp_path / "calendars"
    shutil.copytree(ROOT / "calendars", target)
    return target
