"""Servers the tests start on loopback: a free port, HTTP and GraphQL calls, a clean stop.
Shared by the browser test of the UI and the entry-point tests."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from typing import Any


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(url: str, data: bytes | None = None, method: str | None = None,
         timeout: float = 10.0) -> bytes:
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json"} if data else {})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (loopback only)
        return resp.read()


def graphql(base: str, query: str, variables: dict[str, Any] | None = None) -> dict:
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    out = json.loads(http(f"{base}/graphql", body, "POST", timeout=60))
    assert "errors" not in out, out
    return out["data"]


def kill(proc: subprocess.Popen) -> None:
    """Stop a process we started, and its children, by its process id (own group)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


LOCATIONS_QUERY = ("{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus "
                   "locationOrLoadError { __typename ... on PythonError { message } } } } } }")


def wait_until_loaded(base: str, proc: subprocess.Popen, log_text: Any,
                      timeout: float) -> None:
    """Wait for the webserver to answer and every code location to load (fails the test
    with the server's log when it exits or does not get there in `timeout` seconds)."""
    import pytest

    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            pytest.fail("the Dagster server exited:\n" + log_text()[-3000:])
        try:
            http(f"{base}/server_info", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline:
                pytest.fail("the Dagster server did not answer /server_info:\n"
                            + log_text()[-3000:])
            time.sleep(0.5)
    while True:
        out = json.loads(http(f"{base}/graphql", json.dumps({"query": LOCATIONS_QUERY}).encode(),
                              "POST", timeout=60))
        entries = ((out.get("data") or {}).get("workspaceOrError") or {}).get(
            "locationEntries") or []
        if entries and all(e["loadStatus"] == "LOADED" for e in entries):
            errors = [e for e in entries
                      if e["locationOrLoadError"]["__typename"] == "PythonError"]
            assert not errors, errors
            return
        if time.monotonic() > deadline:
            pytest.fail(f"code location did not load: {out}")
        time.sleep(0.5)
