// The sitrep dashboard: threads, a thread's timeline with evidence, a map
// of its geocoded events, actors and quotes; articles with copied passages
// and evidence highlighted; entities; search.
//
// Article text is untrusted. This file never assigns HTML: every piece of
// data becomes a text node (el() below), attributes are set one by one
// from a fixed list of names, and the server's Content-Security-Policy
// allows no inline script besides.
"use strict";

const main = document.getElementById("main");

// ---- DOM helpers --------------------------------------------------------

const SAFE_ATTRS = new Set(["href", "class", "id", "title", "type", "role", "tabindex", "for", "name",
  "value", "placeholder", "aria-expanded", "aria-controls", "aria-label", "aria-current", "hidden",
  "data-id", "viewBox", "d", "cx", "cy", "r", "x", "y", "x1", "x2", "y1", "y2", "width", "height",
  "preserveAspectRatio", "focusable"]);

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs, ...children) {
  const svg = ["svg", "path", "circle", "g", "line", "text", "title"].includes(tag) && attrs && attrs.svg;
  const node = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "svg" || v === null || v === undefined || v === false) continue;
    if (!SAFE_ATTRS.has(k)) throw new Error("attribute not allowed: " + k);
    if (k === "href" && !/^(#|\/|https?:)/.test(String(v))) continue;
    node.setAttribute(k, v === true ? "" : String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function show(...children) {
  main.replaceChildren();
  append(main, children);
  main.focus({ preventScroll: true });
}

function fail(err) {
  show(el("h1", {}, "Something went wrong"), el("p", { class: "error" }, String(err.message || err)));
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const msg = body && body.error ? body.error.code + ": " + body.error.message : res.status + " " + res.statusText;
    throw new Error(msg);
  }
  return body;
}

const enc = (s) => encodeURIComponent(s);
const articleHref = (id, start, end) =>
  "#/article/" + enc(id) + (start !== undefined ? "?hl=" + start + "-" + end : "");

function title(a) {
  return a.title || (a.lead ? "[" + a.lead.slice(0, 80) + "…]" : a.id || a.article);
}

function meta(...parts) {
  return el("div", { class: "meta" }, parts.filter(Boolean).join(" · "));
}

// ---- Byte spans ------------------------------------------------------------

// Spans are byte offsets into the UTF-8 text; JavaScript strings are
// UTF-16. Convert by encoding once and decoding slices.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Split `text` at byte `ranges` ({start, end, cls, title}) into nodes. */
function highlighted(text, ranges) {
  const bytes = encoder.encode(text);
  const cuts = new Set([0, bytes.length]);
  const valid = ranges.filter((r) => r.start >= 0 && r.end <= bytes.length && r.start < r.end);
  valid.forEach((r) => { cuts.add(r.start); cuts.add(r.end); });
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    const piece = decoder.decode(bytes.subarray(s, e));
    const covering = valid.filter((r) => r.start <= s && r.end >= e);
    if (covering.length === 0) {
      nodes.push(document.createTextNode(piece));
    } else {
      const cls = [...new Set(covering.map((r) => r.cls))].join(" ");
      const tip = covering.map((r) => r.title).filter(Boolean).join("; ");
      nodes.push(el("span", { class: cls, title: tip || null }, piece));
    }
  }
  return nodes;
}

/** A search snippet with its [matches] marked. */
function snippet(text) {
  const out = el("p", { class: "snippet" });
  text.split(/(\[[^\]]*\])/).forEach((part) => {
    if (part.startsWith("[") && part.endsWith("]")) out.appendChild(el("mark", {}, part.slice(1, -1)));
    else if (part) out.appendChild(document.createTextNode(part));
  });
  return out;
}

// ---- Views -------------------------------------------------------------------

async function threadsView(params) {
  const q = new URLSearchParams();
  if (params.get("after")) q.set("after", params.get("after"));
  const data = await api("/api/threads?" + q);
  if (data.items.length === 0 && !q.has("after")) {
    const health = await api("/api/health");
    show(el("h1", {}, "Threads"),
      el("p", { class: "muted" }, "No threads yet: the store holds " + health.articles +
        " articles but no stories or timelines. Browse the ", el("a", { href: "#/articles" }, "articles"),
        " or search them."));
    return;
  }
  show(el("h1", {}, "Threads"),
    el("ul", { class: "list" }, data.items.map((t) => el("li", {},
      el("a", { href: "#/thread/" + enc(t.id) }, t.title || t.id),
      meta(t.first_date && t.last_date ? t.first_date + " – " + t.last_date : null,
        t.events + " events", t.stories + " stories", t.articles + " articles")))),
    data.next !== null ? el("p", { class: "pager" }, el("a", { href: "#/?after=" + data.next }, "Next page")) : null);
}

function eventPlaces(events) {
  const pts = [];
  events.forEach((e) => (e.places || []).forEach((p) => {
    if (typeof p.lat === "number" && typeof p.lon === "number") pts.push({ ...p, event: e });
  }));
  return pts;
}

let worldCache = null;
async function world() {
  if (worldCache === null) {
    worldCache = await fetch("/assets/world.json").then((r) => (r.ok ? r.json() : { countries: [] }))
      .catch(() => ({ countries: [] }));
  }
  return worldCache;
}

// Equirectangular projection: x = (lon + 180) * 2, y = (90 - lat) * 2.
const project = (lon, lat) => [(lon + 180) * 2, (90 - lat) * 2];

async function mapOf(points) {
  const w = await world();
  const svg = el("svg", { svg: true, class: "map", viewBox: "0 0 720 360", role: "img",
    "aria-label": "Map of " + points.length + " geocoded event places", focusable: "false" });
  const grid = el("g", { svg: true, class: "grid" });
  for (let lon = -180; lon <= 180; lon += 30) grid.appendChild(el("line", { svg: true, x1: project(lon, 0)[0], x2: project(lon, 0)[0], y1: 0, y2: 360 }));
  for (let lat = -90; lat <= 90; lat += 30) grid.appendChild(el("line", { svg: true, x1: 0, x2: 720, y1: project(0, lat)[1], y2: project(0, lat)[1] }));
  svg.appendChild(grid);
  const land = el("g", { svg: true, class: "land" });
  (w.countries || []).forEach((c) => land.appendChild(el("path", { svg: true, d: c.d }, el("title", { svg: true }, c.name))));
  svg.appendChild(land);
  if (points.length > 0) {
    const xy = points.map((p) => project(p.lon, p.lat));
    const xs = xy.map((q) => q[0]), ys = xy.map((q) => q[1]);
    const span = Math.max(40, Math.max(...xs) - Math.min(...xs) + 30, (Math.max(...ys) - Math.min(...ys) + 30) * 2);
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    svg.setAttribute("viewBox", [cx - span / 2, cy - span / 4, span, span / 2].map((n) => n.toFixed(1)).join(" "));
    const r = (span / 160).toFixed(2);
    const dots = el("g", { svg: true });
    points.forEach((p, i) => {
      const [x, y] = xy[i];
      dots.appendChild(el("circle", { svg: true, class: "pt", cx: x.toFixed(2), cy: y.toFixed(2), r },
        el("title", { svg: true }, p.name + (p.event.date ? " — " + p.event.date : "") + (p.event.title ? ": " + p.event.title : ""))));
    });
    svg.appendChild(dots);
  }
  return svg;
}

function eventItem(e, index) {
  const panelId = "ev-" + index;
  const toggle = el("button", { class: "event-toggle", type: "button", "aria-expanded": "false", "aria-controls": panelId, "data-id": e.id },
    el("span", { class: "event-date" }, e.date || "undated"),
    e.title || [(e.actors || []).map((a) => a.name).join(", "), e.type].filter(Boolean).join(" — ") || e.id,
    e.type ? el("span", { class: "badge" }, e.type) : null,
    el("span", { class: "badge" }, (e.evidence || []).length + " sources"));
  const panel = el("ul", { class: "evidence", id: panelId, hidden: true },
    (e.evidence || []).map((ev) => el("li", {},
      el("mark", { class: "ev" }, ev.text || "(sentence)"), " ",
      el("a", { href: articleHref(ev.article, ev.start, ev.end), class: "evidence-link" }, "in article " + ev.article.slice(0, 12)))),
    (e.places || []).length ? el("li", { class: "meta" }, "Where: " + e.places.map((p) => p.name).join(", ")) : null);
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") === "true";
    toggle.setAttribute("aria-expanded", String(!open));
    panel.hidden = open;
  });
  return el("li", {}, toggle, panel);
}

/** Arrow keys move between the timeline's event buttons. */
function rovingKeys(list) {
  list.addEventListener("keydown", (ev) => {
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
    const buttons = [...list.querySelectorAll(".event-toggle")];
    const i = buttons.indexOf(document.activeElement);
    if (i < 0) return;
    ev.preventDefault();
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, i + (ev.key === "ArrowDown" ? 1 : -1)))];
    next.focus();
  });
}

async function threadView(id, params) {
  const query = new URLSearchParams();
  ["from", "to", "actor", "place", "type"].forEach((k) => params.get(k) && query.set(k, params.get(k)));
  const t = await api("/api/threads/" + enc(id) + (query.toString() ? "?" + query : ""));
  const timeline = el("ol", { class: "timeline", "aria-label": "Timeline" }, t.events.map(eventItem));
  rovingKeys(timeline);
  const actors = new Map();
  t.events.forEach((e) => (e.actors || []).forEach((a) => {
    const key = a.entity || a.name;
    const cur = actors.get(key) || { name: a.name, entity: a.entity, n: 0 };
    cur.n += 1;
    actors.set(key, cur);
  }));
  const actorList = [...actors.values()].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
  const filterForm = el("form", { class: "filters", id: "event-filters" },
    ["from", "to", "actor", "place", "type"].map((k) => el("label", {}, k,
      el("input", { name: k, value: params.get(k) || "", type: k === "from" || k === "to" ? "date" : "text" }))),
    el("button", { type: "submit" }, "Filter"));
  filterForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    new FormData(filterForm).forEach((v, k) => v && q.set(k, v));
    location.hash = "#/thread/" + enc(id) + (q.toString() ? "?" + q : "");
  });
  const quotes = el("ul", { class: "list", id: "thread-quotes" }, el("li", { class: "muted" }, "Loading quotes…"));
  show(el("h1", {}, t.title || t.id),
    meta(t.events.length + " events", t.stories.length + " stories", t.articles.length + " articles"),
    filterForm,
    el("div", { class: "cols" },
      el("section", { "aria-label": "Timeline" }, el("h2", {}, "Timeline"),
        t.events.length ? timeline : el("p", { class: "muted" }, "No events match.")),
      el("aside", {},
        el("h2", {}, "Map"), await mapOf(eventPlaces(t.events)),
        el("h2", {}, "Actors"),
        el("ul", { class: "actors" }, actorList.map((a) => el("li", {},
          a.entity ? el("a", { href: "#/entity/" + enc(a.entity) }, a.name) : a.name, " ", el("span", { class: "meta" }, "×" + a.n)))),
        el("h2", {}, "Quotes"), quotes,
        el("h2", {}, "Articles"),
        el("ul", { class: "list" }, t.articles.map((a) => el("li", {},
          el("a", { href: articleHref(a.id) }, title(a)), meta(a.source, a.published)))))));
  const found = [];
  for (const a of t.articles.slice(0, 20)) {
    const page = await api("/api/quotes?article=" + enc(a.id)).catch(() => ({ items: [] }));
    found.push(...page.items);
  }
  quotes.replaceChildren(...(found.length ? found.slice(0, 30).map(quoteItem) : [el("li", { class: "muted" }, "No quotes.")]));
}

function quoteItem(q) {
  return el("li", {},
    el("q", {}, q.text), " — ",
    q.speaker_entity ? el("a", { href: "#/entity/" + enc(q.speaker_entity) }, q.speaker || q.speaker_entity) : (q.speaker || "unattributed"),
    " ", el("a", { href: articleHref(q.article, q.start, q.end), class: "meta" }, "source"));
}

async function articleView(id, params) {
  const a = await api("/api/articles/" + enc(id));
  const ranges = [];
  a.near_duplicates.forEach((d) => d.shared_passages.forEach((p) =>
    ranges.push({ start: p.start, end: p.end, cls: "hl-copied", title: "also in " + (d.title || d.article) + (p.quote ? " (a quotation both cite)" : "") })));
  const hl = /^(\d+)-(\d+)$/.exec(params.get("hl") || "");
  if (hl) ranges.push({ start: Number(hl[1]), end: Number(hl[2]), cls: "hl-evidence", title: "evidence" });
  const text = el("div", { class: "article-text", id: "article-text", tabindex: "0", "aria-label": "Article text" }, highlighted(a.text, ranges));
  const entities = new Map();
  a.entities.forEach((m) => entities.set(m.entity, m.name || m.entity));
  show(
    el("h1", { id: "article-title" }, a.title || "(untitled)"),
    meta(a.source, a.published, a.authors.join(", "), a.language),
    a.url ? el("p", { class: "meta" }, el("a", { href: a.url }, a.url)) : null,
    a.thread ? el("p", {}, "Thread: ", el("a", { href: "#/thread/" + enc(a.thread) }, a.thread)) : null,
    el("p", { class: "legend meta" }, el("span", { class: "hl-copied" }, "passage shared with another article"),
      el("span", { class: "hl-evidence" }, "evidence sentence")),
    el("div", { class: "cols" },
      el("section", { "aria-label": "Text" }, text),
      el("aside", {},
        el("h2", {}, "Shares passages with"),
        a.near_duplicates.length ? el("ul", { class: "list" }, a.near_duplicates.map((d) => el("li", {},
          el("a", { href: articleHref(d.article) }, d.title || d.article),
          meta(d.source, "similarity " + d.similarity, d.shared_passages.length + " passages")))) : el("p", { class: "muted" }, "No other article."),
        a.duplicate_of ? el("p", {}, "Exact copy of ", el("a", { href: articleHref(a.duplicate_of) }, a.duplicate_of)) : null,
        el("h2", {}, "Quotes"),
        a.quotes.length ? el("ul", { class: "list" }, a.quotes.map((q) => quoteItem({ ...q, article: a.id,
          text: decoder.decode(encoder.encode(a.text).subarray(q.start, q.end)) }))) : el("p", { class: "muted" }, "None."),
        el("h2", {}, "Entities"),
        el("ul", { class: "actors" }, [...entities].map(([eid, name]) => el("li", {}, el("a", { href: "#/entity/" + enc(eid) }, name)))))));
  const mark = text.querySelector(".hl-evidence");
  if (mark) mark.scrollIntoView({ block: "center" });
}

async function articlesView(params) {
  const q = new URLSearchParams();
  ["from", "to", "actor", "place", "source", "q", "after"].forEach((k) => params.get(k) && q.set(k, params.get(k)));
  const page = await api("/api/articles?" + q);
  const next = new URLSearchParams(q);
  if (page.next !== null) next.set("after", page.next);
  show(el("h1", {}, "Articles"),
    el("ul", { class: "list" }, page.items.map((a) => el("li", {},
      el("a", { href: articleHref(a.id) }, title(a)), meta(a.source, a.published)))),
    page.next !== null ? el("p", { class: "pager" }, el("a", { href: "#/articles?" + next }, "Next page")) : null);
}

async function searchView(params) {
  const q = params.get("q") || "";
  document.getElementById("q").value = q;
  if (!q.trim()) { show(el("h1", {}, "Search"), el("p", { class: "muted" }, "Type words in the search box.")); return; }
  const page = await api("/api/search?q=" + enc(q));
  show(el("h1", {}, "Search: ", q),
    page.items.length ? el("ol", { class: "list", id: "results" }, page.items.map((h) => el("li", {},
      el("a", { href: articleHref(h.article) }, h.title || h.article), meta(h.source, h.published), snippet(h.snippet))))
      : el("p", { class: "muted" }, "No matches."));
}

async function entitiesView(params) {
  const q = new URLSearchParams();
  ["kind", "q", "after"].forEach((k) => params.get(k) && q.set(k, params.get(k)));
  const page = await api("/api/entities?" + q);
  const next = new URLSearchParams(q);
  if (page.next !== null) next.set("after", page.next);
  show(el("h1", {}, "Entities"),
    el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Name"), el("th", {}, "Kind"), el("th", {}, "Mentions"), el("th", {}, "Articles"))),
      el("tbody", {}, page.items.map((e) => el("tr", {},
        el("td", {}, el("a", { href: "#/entity/" + enc(e.id) }, e.name), " ", el("span", { class: "meta" }, e.id)),
        el("td", {}, e.kind), el("td", {}, e.mentions), el("td", {}, e.articles))))),
    page.next !== null ? el("p", { class: "pager" }, el("a", { href: "#/entities?" + next }, "Next page")) : null);
}

async function entityView(id) {
  const e = await api("/api/entities/" + enc(id));
  show(el("h1", {}, e.name), meta(e.kind, e.country, e.sector, e.mentions + " mentions", e.articles + " articles"),
    e.aliases.length ? el("p", { class: "meta" }, "Also: " + e.aliases.join(", ")) : null,
    el("h2", {}, "Articles"),
    el("ul", { class: "list" }, e.article_list.items.map((a) => el("li", {},
      el("a", { href: articleHref(a.id) }, title(a)), meta(a.source, a.published)))));
}

async function quotesView(params) {
  const q = new URLSearchParams();
  ["after", "speaker"].forEach((k) => params.get(k) && q.set(k, params.get(k)));
  const page = await api("/api/quotes?" + q);
  const next = new URLSearchParams(q);
  if (page.next !== null) next.set("after", page.next);
  show(el("h1", {}, "Quotes"), el("ul", { class: "list" }, page.items.map(quoteItem)),
    page.next !== null ? el("p", { class: "pager" }, el("a", { href: "#/quotes?" + next }, "Next page")) : null);
}

// ---- Routing ---------------------------------------------------------------

async function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  document.querySelectorAll(".top nav a").forEach((a) =>
    a.setAttribute("aria-current", a.getAttribute("href") === "#/" + (parts[0] || "") ? "page" : "false"));
  try {
    if (parts.length === 0) await threadsView(params);
    else if (parts[0] === "thread" && parts[1]) await threadView(parts[1], params);
    else if (parts[0] === "article" && parts[1]) await articleView(parts[1], params);
    else if (parts[0] === "articles") await articlesView(params);
    else if (parts[0] === "search") await searchView(params);
    else if (parts[0] === "entities") await entitiesView(params);
    else if (parts[0] === "entity" && parts[1]) await entityView(parts[1]);
    else if (parts[0] === "quotes") await quotesView(params);
    else show(el("h1", {}, "Not found"), el("p", {}, el("a", { href: "#/" }, "Back to threads")));
    document.body.dataset.view = parts[0] || "threads";
  } catch (err) {
    fail(err);
  }
}

document.getElementById("search").addEventListener("submit", (ev) => {
  ev.preventDefault();
  location.hash = "#/search?q=" + enc(document.getElementById("q").value);
});
document.addEventListener("keydown", (ev) => {
  const typing = ["INPUT", "TEXTAREA", "SELECT"].includes(document.activeElement.tagName);
  if (ev.key === "/" && !typing) { ev.preventDefault(); document.getElementById("q").focus(); }
});
window.addEventListener("hashchange", route);
route();
