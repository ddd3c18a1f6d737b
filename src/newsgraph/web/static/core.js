// newsgraph UI core: DOM helpers that only ever insert text, the API client and the hash router.
// Data is never parsed as HTML: every string goes through createTextNode / textContent.
"use strict";
const NG = {};

// el("tr", {class: "x", onclick: fn}, child, "text", ...): attributes are set one by one; strings become text.
NG.el = function (tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "href") node.setAttribute("href", NG.safeHref(value));
    else node.setAttribute(key, String(value));
  }
  NG.append(node, children);
  return node;
};

NG.append = function (node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
};

// Only in-app routes and http(s) URLs may become links; anything else (javascript:, data:) is dropped.
NG.safeHref = function (url) {
  const text = String(url);
  if (text.startsWith("#/") || text.startsWith("/docs")) return text;
  return /^https?:\/\//i.test(text) ? text : "#/";
};

NG.route = function (name, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") query.set(k, v);
  const tail = query.toString();
  return "#/" + name + (tail ? "?" + tail : "");
};

NG.link = (text, name, params) => NG.el("a", {href: NG.route(name, params)}, text);
NG.go = (name, params) => { location.hash = NG.route(name, params); };

NG.api = async function (path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") query.set(k, v);
  const response = await fetch("/api/" + path + (query.toString() ? "?" + query : ""));
  const body = await response.json();
  if (!response.ok) {
    const detail = Array.isArray(body.detail) ? body.detail.map(d => d.loc.slice(-1)[0] + ": " + d.msg).join("; ")
      : body.detail;
    throw new Error(detail || response.statusText);
  }
  return body;
};

NG.table = function (headers, rows) {
  return NG.el("table", {}, NG.el("tr", {}, headers.map(h => NG.el("th", {}, h))), rows);
};

NG.status = s => NG.el("span", {class: "status status-" + (s || "none")}, s || "");
NG.quote = text => NG.el("span", {class: "ev"}, "\u201c" + (text || "") + "\u201d");
NG.actorLink = (id, name) => id ? NG.link(name || id, "actor", {id}) : NG.el("span", {class: "muted"}, "?");
NG.docLink = (docId, title, extra) => NG.link(title || docId, "doc", Object.assign({id: docId}, extra || {}));
NG.view = () => document.getElementById("view");

NG.pager = function (result, params, route) {
  const {total, limit, offset} = result;
  const move = to => NG.el("button", {type: "button", onclick: () => NG.go(route, Object.assign({}, params, {offset: to}))},
    to < offset ? "\u2190 previous" : "next \u2192");
  return NG.el("div", {class: "pager"},
    offset > 0 ? move(Math.max(0, offset - limit)) : null,
    NG.el("span", {class: "muted"}, total ? `${offset + 1}\u2013${Math.min(offset + limit, total)} of ${total}` : "none"),
    offset + limit < total ? move(offset + limit) : null);
};

// An events table whose rows open the document with the evidence highlighted.
NG.eventsTable = function (items) {
  return NG.table(["date", "type", "who \u2192 whom", "status", "evidence", "document"], items.map(e =>
    NG.el("tr", {class: "click event-row", "data-event": e.event_id,
                 onclick: ev => { if (ev.target.tagName !== "A") NG.go("doc", {id: e.doc_id, event: e.event_id}); }},
      NG.el("td", {}, e.date || "undated"),
      NG.el("td", {}, e.type + (e.mode ? "/" + e.mode : "")),
      NG.el("td", {}, NG.actorLink(e.source, e.source_name), " \u2192 ", NG.actorLink(e.target, e.target_name)),
      NG.el("td", {}, NG.status(e.status)),
      NG.el("td", {}, NG.quote(e.evidence)),
      NG.el("td", {}, NG.docLink(e.doc_id, e.doc_title, {event: e.event_id})))));
};

NG.claimsTable = function (items) {
  return NG.table(["speaker", "cue", "content", "document"], items.map(c =>
    NG.el("tr", {},
      NG.el("td", {}, c.speaker_actor ? NG.actorLink(c.speaker_actor, c.speaker_name || c.speaker) : (c.speaker || "")),
      NG.el("td", {}, c.cue || ""),
      NG.el("td", {}, NG.quote(c.content)),
      NG.el("td", {}, NG.docLink(c.doc_id, c.doc_title, {claim: c.claim_id})))));
};

NG.views = {};

NG.render = async function () {
  const hash = location.hash.replace(/^#\/?/, "");
  const [name, query] = hash.split("?");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  const view = NG.views[name || "overview"] || NG.views.overview;
  const root = NG.view();
  root.replaceChildren(NG.el("p", {class: "muted"}, "loading\u2026"));
  try {
    const content = await view(params);
    root.replaceChildren(content);
    const focus = document.getElementById("focus");
    if (focus) focus.scrollIntoView({block: "center"});
  } catch (error) {
    root.replaceChildren(NG.el("div", {class: "error"}, String(error.message || error)));
  }
  document.body.dataset.ready = hash || "overview";
};

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("search-form").addEventListener("submit", event => {
    event.preventDefault();
    const q = document.getElementById("search-box").value.trim();
    if (q) NG.go("search", {q});
  });
  window.addEventListener("hashchange", NG.render);
  NG.render();
});
