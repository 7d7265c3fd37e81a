// The hub page: signs in with the API portal's public client (password grant), keeps the token in memory only, and
// renders /api/hub/* with DOM text nodes (never HTML from data).
"use strict";

let token = null;

const el = (tag, text, attributes = {}) => {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
};

const anchorOf = urn => "ds-" + encodeURIComponent(urn);

async function getJson(path) {
  const response = await fetch(path, { headers: { Authorization: "Bearer " + token } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.title || response.statusText);
  }
  return response.json();
}

function table(headers, rows) {
  const t = el("table");
  const head = el("tr");
  headers.forEach(h => head.append(el("th", h)));
  t.append(head);
  rows.forEach(cells => {
    const row = el("tr");
    cells.forEach(cell => row.append(cell instanceof Node ? wrap(cell) : el("td", cell)));
    t.append(row);
  });
  return t;
}

function wrap(node) {
  const cell = el("td");
  cell.append(node);
  return cell;
}

function list(items, toNode = item => el("span", item)) {
  const ul = el("ul");
  if (items.length === 0) ul.append(el("li", "none", { class: "muted" }));
  items.forEach(item => { const li = el("li"); li.append(toNode(item)); ul.append(li); });
  return ul;
}

const datasetLink = urn => el("a", urn, { href: "#" + anchorOf(urn), "data-tab-link": "datasets" });

const views = {
  async capabilities() {
    const { capabilities, unavailable } = await getJson("/api/hub/capabilities");
    const nodes = capabilities.map(c => {
      const article = el("article");
      article.append(el("h2", c.metadata.name), el("p", c.metadata.description));
      article.append(table(["owner", "lifecycle", "system", "type", "OpenAPI", "version"], [[
        c.spec.owner, c.spec.lifecycle, c.spec.system, c.spec.type, c.spec.openApiPath ?? "none",
        c.metadata.annotations["aspiremsa.io/version"] ?? ""]]));
      article.append(el("h3", "Provides APIs"), list(c.spec.providesApis));
      article.append(el("h3", "Consumes APIs"), list(c.spec.consumesApis));
      article.append(el("h3", "Depends on"), list(c.spec.dependsOn));
      article.append(el("h3", "Datasets"), list(c.spec.datasets.map(d => d.urn), datasetLink));
      return article;
    });
    if (unavailable.length > 0) nodes.unshift(el("p", "Deployed but not answering now: " + unavailable.join(", "), { class: "muted" }));
    return nodes;
  },
  async events() {
    const events = await getJson("/api/hub/events");
    return events.map(e => {
      const article = el("article");
      article.append(el("h2", e.type), datasetLink(e.urn));
      article.append(table(["publishers", "published by", "consumers", "consumed by"], [[
        e.publishers.join(", "), e.publishedBy.join(", "), e.consumers.join(", "), e.consumedBy.join(", ")]]));
      article.append(el("h3", "JSON Schema"), el("pre", JSON.stringify(e.schema, null, 2)));
      return article;
    });
  },
  async datasets() {
    const datasets = await getJson("/api/hub/datasets");
    return datasets.map(d => {
      const article = el("article", undefined, { id: anchorOf(d.urn) });
      article.append(el("h2", d.name), el("p", d.urn, { class: "muted" }));
      article.append(table(["platform", "kind", "owner", "described by", "partitioned by"], [[
        d.platform, d.kind, d.owner, d.describedBy.join(", "), d.partitionedBy.join(", ")]]));
      article.append(table(["column", "type", "nullable"], d.columns.map(c => [c.name, c.type, c.nullable ? "yes" : "no"])));
      article.append(el("h3", "Upstream"), list(d.upstream, datasetLink));
      article.append(el("h3", "Downstream"), list(d.downstream, datasetLink));
      return article;
    });
  },
};

async function show(tab) {
  document.querySelectorAll("#tabs button").forEach(b => b.setAttribute("aria-pressed", String(b.dataset.tab === tab)));
  const content = document.getElementById("content");
  content.replaceChildren(el("p", "Loading…", { class: "muted" }));
  try {
    content.replaceChildren(...await views[tab]());
    if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  } catch (error) {
    content.replaceChildren(el("p", "Could not load: " + error.message));
  }
}

async function signIn(event) {
  event.preventDefault();
  const form = new FormData(event.target);
  const body = new URLSearchParams({
    grant_type: "password", client_id: "aspiremsa-cli", scope: "openid roles",
    username: form.get("username"), password: form.get("password"),
  });
  const response = await fetch("/connect/token", { method: "POST", body });
  const output = document.getElementById("sign-in-error");
  if (!response.ok) {
    output.textContent = "Sign-in failed.";
    return;
  }
  token = (await response.json()).access_token;
  output.textContent = "";
  event.target.hidden = true;
  document.getElementById("hub").hidden = false;
  await show("capabilities");
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("sign-in").addEventListener("submit", signIn);
  document.getElementById("tabs").addEventListener("click", e => { if (e.target.dataset.tab) show(e.target.dataset.tab); });
  document.getElementById("content").addEventListener("click", e => {
    if (e.target.dataset.tabLink === "datasets" && !document.getElementById(e.target.getAttribute("href").slice(1))) {
      show("datasets");
    }
  });
});
