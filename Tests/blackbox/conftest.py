"""Black-box tests: they run the built `kalendarium` binary as a user would."""

import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
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


def wait_until_listening(proc: subprocess.Popen, why=lambda proc: proc.stderr.read(), limit=60) -> str:
    """Reads `serve`'s standard output until "listening on URL"; returns the base URL."""
    deadline = time.monotonic() + limit
    line = ""
    while time.monotonic() < deadline and not line.startswith("listening on"):
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            raise RuntimeError(why(proc))
    return f"http://127.0.0.1:{int(line.strip().rstrip('/').rsplit(':', 1)[1])}"


def http_get(url: str, headers: dict | None = None):
    """GET with a 10 s limit: (status, headers, body), error statuses included."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
