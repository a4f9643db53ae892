// The call-tree page: fetches /api/tree (docs/call-tree.md) and draws it as
// an icicle chart and a table. Refreshes every 10 s, keeping the zoom.
"use strict";

const state = {
  job: new URLSearchParams(location.search).get("job") || "",
  window: new URLSearchParams(location.search).get("window") || "all",
  tree: null,       // the last /api/tree answer
  zoom: null,       // path of the call zoomed into; null: all roots
  search: "",
  shownDetails: null,  // path of the call in the details panel
  sortKey: "total",
  ascending: false,
};

const $ = (id) => document.getElementById(id);

function formatMs(value) {
  if (value === null || value === undefined) return "–";
  if (value >= 100) return value.toFixed(0);
  if (value >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

function formatShare(node) {
  return node.error_share === null ? "–" : `${node.errors} (${(node.error_share * 100).toFixed(1)} %)`;
}

// Every node of the trees under `roots`, each with its depth and parent path.
function flatten(roots) {
  const nodes = [];
  const visit = (node, depth, parent) => {
    nodes.push({ node, depth, parent });
    node.children.forEach((child) => visit(child, depth + 1, node.path));
  };
  roots.forEach((root) => visit(root, 0, null));
  return nodes;
}

function findNode(path) {
  return flatten(state.tree.roots).find((entry) => entry.node.path === path) || null;
}

function shownRoots() {
  if (state.zoom !== null) {
    const zoomed = findNode(state.zoom);
    if (zoomed) return [zoomed.node];
    state.zoom = null;  // gone from this window
  }
  return state.tree.roots;
}

function matches(node) {
  return state.search !== "" && node.path.toLowerCase().includes(state.search.toLowerCase());
}

async function load() {
  const query = new URLSearchParams({ window: state.window });
  if (state.job) query.set("job", state.job);
  let answer;
  try {
    const response = await fetch(`api/tree?${query}`);
    answer = await response.json();
    if (!response.ok) throw new Error(answer.error || response.statusText);
  } catch (error) {
    $("status").textContent = `Cannot load the tree: ${error.message}`;
    return;
  }
  state.tree = answer;
  state.job = answer.job;
  fillPicker($("job"), answer.jobs, answer.job);
  fillPicker($("window"), answer.windows, answer.window);
  render();
}

function fillPicker(select, values, selected) {
  if ([...select.options].map((o) => o.value).join("\n") !== values.join("\n")) {
    select.replaceChildren(...values.map((value) => new Option(value, value)));
  }
  select.value = selected;
}

function render() {
  const tree = state.tree;
  const seconds = Math.round(tree.window_seconds);
  const calls = tree.roots.reduce((sum, root) => sum + root.count, 0);
  $("status").textContent = tree.jobs.length === 0
    ? "No time_profiler records yet."
    : `${calls} root calls in the last ${seconds} s`;
  renderIcicle();
  renderTable();
  if (state.shownDetails !== null) showDetails(state.shownDetails);
  $("zoom-out").disabled = state.zoom === null;
}

function renderIcicle() {
  const icicle = $("icicle");
  const roots = shownRoots();
  const total = roots.reduce((sum, root) => sum + root.total, 0);
  const width = icicle.clientWidth;
  const rowHeight = parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--row"));
  const boxes = [];
  let depthShown = 0;
  const place = (node, depth, left, share) => {
    const box = document.createElement("div");
    box.className = `box depth${depth % 6}` + (matches(node) ? " match" : "");
    box.tabIndex = 0;
    box.dataset.path = node.path;
    box.dataset.count = node.count;
    box.style.left = `${left * width}px`;
    box.style.width = `${Math.max(share * width, 2)}px`;
    box.style.top = `${depth * rowHeight}px`;
    box.textContent = node.name;
    box.setAttribute("aria-label", `${node.path}: ${node.count} calls, ${formatMs(node.total)} ms total`);
    boxes.push(box);
    depthShown = Math.max(depthShown, depth + 1);
    let childLeft = left;
    for (const child of node.children) {
      const childShare = node.total > 0 ? share * (child.total / node.total) : 0;
      place(child, depth + 1, childLeft, childShare);
      childLeft += childShare;
    }
  };
  // A refresh replaces the boxes: the keyboard user stays where they were.
  const focused = document.activeElement && document.activeElement.closest(".box")
    ? document.activeElement.dataset.path : null;
  let left = 0;
  for (const root of roots) {
    const share = total > 0 ? root.total / total : 1 / roots.length;
    place(root, 0, left, share);
    left += share;
  }
  icicle.replaceChildren(...boxes);
  const refocused = boxes.find((box) => box.dataset.path === focused);
  if (refocused) refocused.focus();
  icicle.style.height = `${Math.max(depthShown, 1) * rowHeight + 2}px`;
  icicle.classList.toggle("searching", state.search !== "");
  renderBreadcrumb();
}

function renderBreadcrumb() {
  const crumb = $("breadcrumb");
  crumb.textContent = state.zoom === null ? "All roots" : `All roots › ${state.zoom.split(".").join(" › ")}`;
}

function renderTable() {
  const roots = shownRoots();
  const rows = flatten(roots).map((entry) => entry.node);
  const key = state.sortKey;
  const value = (node) => (node[key] === null ? -Infinity : node[key]);
  rows.sort((a, b) => (state.ascending ? value(a) - value(b) : value(b) - value(a)) || a.path.localeCompare(b.path));
  $("table").tBodies[0].replaceChildren(...rows.map((node) => {
    const row = document.createElement("tr");
    row.dataset.path = node.path;
    row.className = matches(node) ? "match" : "";
    const cells = [node.path, node.count, formatMs(node.total), formatMs(node.self), formatMs(node.mean),
      formatMs(node.p95), formatShare(node)];
    cells.forEach((text) => {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.appendChild(cell);
    });
    return row;
  }));
  for (const th of $("table").tHead.rows[0].cells) {
    const button = th.querySelector("button");
    if (button && button.dataset.key === key) th.setAttribute("aria-sort", state.ascending ? "ascending" : "descending");
    else th.removeAttribute("aria-sort");
  }
}

function showDetails(path) {
  state.shownDetails = path;
  const entry = findNode(path);
  if (!entry) return;
  const node = entry.node;
  const figures = [["Count", node.count], ["Total", `${formatMs(node.total)} ms`], ["Self", `${formatMs(node.self)} ms`],
    ["Mean", `${formatMs(node.mean)} ms`], ["p50", `${formatMs(node.p50)} ms`], ["p95", `${formatMs(node.p95)} ms`],
    ["p99", `${formatMs(node.p99)} ms`], ["Errors", formatShare(node)]];
  const heading = document.createElement("h2");
  heading.textContent = node.name;
  const where = document.createElement("p");
  where.className = "hint";
  where.textContent = node.path;
  const list = document.createElement("dl");
  for (const [name, text] of figures) {
    const term = document.createElement("dt");
    term.textContent = name;
    const value = document.createElement("dd");
    value.textContent = text;
    value.dataset.figure = name.toLowerCase();
    list.append(term, value);
  }
  $("details").replaceChildren(heading, where, list);
}

function zoomInto(path) {
  state.zoom = path;
  render();
  const box = $("icicle").querySelector(".box");
  if (box) box.focus();
}

function zoomOut() {
  if (state.zoom === null) return;
  const entry = findNode(state.zoom);
  state.zoom = entry ? entry.parent : null;
  render();
}

function start() {
  const icicle = $("icicle");
  icicle.addEventListener("click", (event) => {
    const box = event.target.closest(".box");
    if (box) zoomInto(box.dataset.path);
  });
  icicle.addEventListener("keydown", (event) => {
    const box = event.target.closest(".box");
    if (box && event.key === "Enter") zoomInto(box.dataset.path);
  });
  for (const type of ["mouseover", "focusin"]) {
    icicle.addEventListener(type, (event) => {
      const box = event.target.closest(".box");
      if (box) showDetails(box.dataset.path);
    });
  }
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") zoomOut();
  });
  $("zoom-out").addEventListener("click", zoomOut);
  $("search").addEventListener("input", (event) => {
    state.search = event.target.value.trim();
    render();
  });
  $("job").addEventListener("change", (event) => {
    state.job = event.target.value;
    state.zoom = null;
    history.replaceState(null, "", `?job=${encodeURIComponent(state.job)}`);
    load();
  });
  $("window").addEventListener("change", (event) => {
    state.window = event.target.value;
    load();
  });
  $("table").tHead.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    state.ascending = state.sortKey === button.dataset.key ? !state.ascending : false;
    state.sortKey = button.dataset.key;
    renderTable();
  });
  window.addEventListener("resize", () => state.tree && renderIcicle());
  load();
  setInterval(load, 10000);
}

start();
