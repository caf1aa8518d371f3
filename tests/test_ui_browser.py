"""The Dagster UI as a user sees it: the asset lineage graph and a table asset's page,
rendered by headless Chromium against a real `dagster-webserver` on a loopback port.

Chromium is driven over its DevTools protocol (a websocket; `websockets` is already a
dependency of the webserver), so no browser download and no extra package is needed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any

import pytest

from tests.probe import REPO
from tests.servers import free_port, graphql, http, kill, wait_until_loaded

CHROMIUM = "/usr/bin/chromium"
LOAD_TIMEOUT = 180.0  # seconds; a give-up bound, not an assertion on speed

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason=f"{CHROMIUM} is not installed (apt-get install chromium)")


def _report_chart(home: Path) -> None:
    """Record a materialization of `published_datasets` carrying the chart, as the publish
    step does, without running a build (cheap): the UI test then checks how it renders."""
    import dagster as dg
    import pandas as pd

    from pipeline.charts import markdown_image, render_chart

    # tiny tables written for the tests
    plants = pd.DataFrame({"status": ["launched", "launched", "planned"]})
    investments = pd.DataFrame({"currency": ["RUB", "RUB"], "amount": [2.8e10, 5e9],
                                "region": ["Калининградская область", "Татарстан"],
                                "period_start_year": [2019, None]})
    png = render_chart(plants, investments)
    with dg.DagsterInstance.from_config(str(home)) as instance:
        instance.report_runless_asset_event(dg.AssetMaterialization(
            asset_key="published_datasets",
            metadata={"chart": dg.MetadataValue.md(markdown_image(png, "test chart"))}))


@pytest.fixture(scope="module")
def webserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("ui")
    home = tmp / "dagster_home"
    home.mkdir()
    # no telemetry, no background daemons: the page only needs the code location
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    port = free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home), "SEEDS_DIR": str(tmp / "seeds"),
           "DATASETS_DIR": str(tmp / "datasets"), "PIPELINE_CACHE_DIR": str(tmp / "cache")}
    exe = Path(sys.executable).with_name("dagster-webserver")
    cmd = [str(exe) if exe.exists() else shutil.which("dagster-webserver") or "dagster-webserver",
           "-w", str(REPO / "workspace.yaml"), "-h", "127.0.0.1", "-p", str(port)]
    _report_chart(home)
    with open(tmp / "webserver.log", "wb") as log:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_loaded(base, proc, lambda: (tmp / "webserver.log").read_text(errors="replace"),
                          LOAD_TIMEOUT)
        # dismiss the first-visit ("NUX") pop-up for this instance
        graphql(base, "mutation { setNuxSeen }")
        yield base
    finally:
        kill(proc)


class Page:
    """A minimal DevTools-protocol client: navigate and evaluate JavaScript."""

    def __init__(self, ws_url: str) -> None:
        from websockets.sync.client import connect

        self._conn = connect(ws_url, max_size=None, open_timeout=30)
        self._ws = self._conn.__enter__()
        self._ids = count(1)

    def send(self, method: str, **params: Any) -> dict:
        msg_id = next(self._ids)
        self._ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self._ws.recv(timeout=60))
            if msg.get("id") == msg_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def goto(self, url: str) -> None:
        self.send("Page.navigate", url=url)

    def eval(self, expression: str) -> Any:
        out = self.send("Runtime.evaluate", expression=expression, returnByValue=True,
                        awaitPromise=True)
        if "exceptionDetails" in out:
            raise RuntimeError(out["exceptionDetails"])
        return out["result"].get("value")

    def wait_for(self, expression: str, what: str, timeout: float = LOAD_TIMEOUT) -> Any:
        """Poll a JS expression until it is truthy; return its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.eval(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                text = self.eval("document.body ? document.body.innerText.slice(0, 2000) : ''")
                pytest.fail(f"timed out waiting for {what}; page text:\n{text}")
            time.sleep(0.5)

    def screenshot(self, path: Path) -> None:
        import base64

        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot")["data"]))

    def close(self) -> None:
        self._conn.__exit__(None, None, None)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
           "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
           "--window-size=2400,1600", "about:blank"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    page = None
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not port_file.exists() or len(port_file.read_text().split()) < 2:
            if proc.poll() is not None:
                pytest.fail("chromium exited: " + proc.stderr.read().decode(errors="replace"))
            if time.monotonic() > deadline:
                pytest.fail("chromium did not open its DevTools port")
            time.sleep(0.2)
        port = port_file.read_text().split()[0]
        targets = json.loads(http(f"http://127.0.0.1:{port}/json/list"))
        ws_url = next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
        page = Page(ws_url)
        page.send("Page.enable")
        page.send("Runtime.enable")
        page.send("Emulation.setDeviceMetricsOverride", width=2400, height=1600,
                  deviceScaleFactor=1, mobile=False)
        yield page
    finally:
        if page is not None:
            page.close()
        kill(proc)


def _graph_from_api(base: str) -> tuple[set[str], set[tuple[str, str]]]:
    data = graphql(base, "{ assetNodes { assetKey { path } dependencyKeys { path } } }")
    names = {"/".join(n["assetKey"]["path"]) for n in data["assetNodes"]}
    edges = {("/".join(d["path"]), "/".join(n["assetKey"]["path"]))
             for n in data["assetNodes"] for d in n["dependencyKeys"]}
    return names, edges


# Reads the drawn graph: every asset node (a foreignObject that is not a group outline) with
# its text and box, and every edge (an SVG path with an arrow marker) with its end points.
_READ_GRAPH = r"""
(() => {
  const nodes = [];
  for (const fo of document.querySelectorAll('svg foreignObject:not(.group)')) {
    const text = (fo.textContent || '').trim();
    if (!text) continue;
    nodes.push({text, x: +fo.getAttribute('x'), y: +fo.getAttribute('y'),
                w: +fo.getAttribute('width'), h: +fo.getAttribute('height')});
  }
  const edges = [];
  for (const p of document.querySelectorAll('svg path[marker-end]')) {
    const nums = (p.getAttribute('d') || '').match(/-?\d+(\.\d+)?(e-?\d+)?/g) || [];
    if (nums.length < 4) continue;
    const v = nums.map(Number);
    edges.push({x1: v[0], y1: v[1], x2: v[v.length - 2], y2: v[v.length - 1]});
  }
  return {nodes, edges};
})()
"""


# The viewport's zoom-out button: the upper one of the two magnifier buttons at the bottom
# right of the graph (it has no label; the slider between them has role=slider).
_ZOOM_OUT = r"""
(() => {
  const slider = document.querySelector('[role=slider]');
  if (!slider) return false;
  const s = slider.getBoundingClientRect();
  const below = [...document.querySelectorAll('button')]
    .map(b => [b, b.getBoundingClientRect()])
    .filter(([b, r]) => Math.abs(r.x + r.width / 2 - (s.x + s.width / 2)) < 20 && r.y > s.y)
    .sort((a, b) => a[1].y - b[1].y);
  if (!below.length) return false;
  below[0][0].click();
  return true;
})()
"""


# A node's text is its name followed by its facets ("Latest event ..."), possibly after a
# status badge ("Unsynced (5)"); zoomed out, the UI draws a minimal node with the name alone
# (long names shortened with an ellipsis, so those are only found at a closer zoom). A name
# counts where it is not the tail of a longer name: `documents` is not `rejected_documents`.
_NAME_IN_NODE = r"(^|[^A-Za-z0-9_]){}(Latest event|$)"


def _node_boxes(nodes: list[dict], names: set[str]) -> dict[str, dict]:
    """Asset name -> drawn box."""
    boxes: dict[str, dict] = {}
    for node in nodes:
        for n in names:
            if re.search(_NAME_IN_NODE.format(re.escape(n)), node["text"]):
                boxes[n] = node
    return boxes


def _groups(base: str) -> tuple[list[str], str]:
    data = graphql(base, "{ assetNodes { groupName repository { name location { name } } } }")
    groups = sorted({n["groupName"] for n in data["assetNodes"]})
    repo = data["assetNodes"][0]["repository"]
    return groups, f"{repo['name']}@{repo['location']['name']}"


def _near(x: float, y: float, box: dict, pad: float = 40.0) -> bool:
    return (box["x"] - pad <= x <= box["x"] + box["w"] + pad
            and box["y"] - pad <= y <= box["y"] + box["h"] + pad)


def test_lineage_graph_draws_every_asset_and_edge(webserver: str, browser: Page,
                                                  tmp_path: Path) -> None:
    names, edges = _graph_from_api(webserver)
    assert {"raw_documents", "parsed_entities", "officials", "plants", "investments",
            "published_datasets"} <= names
    assert ("parsed_entities", "plants") in edges
    groups, repo = _groups(webserver)
    # groups are drawn collapsed on a first visit; the URL can ask for them expanded (the
    # group id has a global form and a per-code-location form, depending on a UI flag)
    expanded = ",".join([f"global@global:{g}" for g in groups] + [f"{repo}:{g}" for g in groups])
    browser.goto(f"{webserver}/asset-groups?expanded={expanded}")
    # the UI draws only the nodes inside the viewport (and fills in their text lazily): read
    # the graph, and zoom out step by step until every asset has been seen drawn with its
    # name. Boxes and edges are in the graph's own coordinates, which zoom does not change.
    boxes: dict[str, dict] = {}
    drawn: list[dict] = []
    deadline = time.monotonic() + LOAD_TIMEOUT
    while not (names <= set(boxes) and len(drawn) >= len(edges)):
        if time.monotonic() > deadline:
            browser.screenshot(tmp_path / "lineage.png")
            pytest.fail(f"not drawn: {sorted(names - set(boxes))}, "
                        f"{len(drawn)} of {len(edges)} edges")
        graph = browser.eval(_READ_GRAPH) or {"nodes": [], "edges": []}
        boxes.update(_node_boxes(graph["nodes"], names))
        drawn = graph["edges"] if len(graph["edges"]) >= len(drawn) else drawn
        if graph["nodes"] and not names <= set(boxes):
            browser.eval(_ZOOM_OUT)
        time.sleep(1.0)
    try:
        missing = [(a, b) for a, b in sorted(edges)
                   if not any(_near(e["x1"], e["y1"], boxes[a]) and _near(e["x2"], e["y2"],
                                                                          boxes[b])
                              for e in drawn)]
        assert not missing, f"edges not drawn: {missing}"
    except AssertionError:
        browser.screenshot(tmp_path / "lineage.png")
        raise


def test_table_asset_page_lists_columns(webserver: str, browser: Page) -> None:
    from pipeline.schemas import TABLES

    schema = TABLES["officials"].to_schema()
    expected = list(schema.columns)
    description = schema.columns["official_id"].description
    browser.goto(f"{webserver}/assets/officials")
    # the column table: every column name, and a column description (rendered as markdown,
    # which the UI loads lazily, so wait for it rather than for the names alone)
    table = browser.wait_for(
        "(() => { const t = [...document.querySelectorAll('table')].map(e => e.innerText)"
        f".find(t => t.includes('Column name')); const want = {json.dumps(expected)}; "
        f"return t && want.every(c => t.includes(c)) && t.includes({json.dumps(description)})"
        " ? t : null; })()",
        "the officials page to list every column with its description")
    assert "int64" in table and "str" in table


def test_publish_chart_renders_as_an_image(webserver: str, browser: Page,
                                           tmp_path: Path) -> None:
    browser.goto(f"{webserver}/assets/published_datasets")
    show = ("[...document.querySelectorAll('button, a')]"
            ".filter(b => (b.innerText || '').includes('Show Markdown'))")
    browser.wait_for(f"{show}.length > 0", "the chart metadata entry")
    # the chart is the only markdown entry of that materialization
    browser.eval(f"{show}[0].click()")
    img = browser.wait_for(
        "(() => { const i = [...document.querySelectorAll('img')].find("
        "i => i.alt === 'test chart'); return i && i.complete && i.naturalWidth > 0 "
        "? {src: i.getAttribute('src').slice(0, 22), w: i.naturalWidth} : null; })()",
        "the chart image to be decoded")
    assert img["src"] == "data:image/png;base64,"
    assert img["w"] >= 600
