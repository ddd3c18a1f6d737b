// The pages of the workbench, one function per route; each returns a DOM node built from API data.
"use strict";
const el = NG.el;

NG.views.overview = async function () {
  const o = await NG.api("overview");
  const card = (label, value) => el("div", {class: "card"}, el("b", {}, String(value)), label);
  const docs = o.documents;
  return el("div", {id: "overview"},
    el("h1", {}, "Overview"),
    el("div", {class: "cards"}, card("articles", docs.ok || 0), card("duplicates", docs.duplicate || 0),
       card("skipped", docs.skipped || 0), card("failed", docs.failed || 0), card("events", o.events),
       card("claims", o.claims), card("actors", o.actors), card("publishers", o.publishers)),
    el("p", {class: "muted"}, `Published ${o.published_from || "?"} to ${o.published_to || "?"}. Snapshot taken ${o.snapshot.taken_at}` +
       (o.snapshot.stale ? " (a build is running: showing the last copy)" : "") + "."),
    el("h2", {}, "Busiest dyads"),
    NG.table(["pair", "events", "cooperation", "conflict"], o.dyads.slice(0, 8).map(d => el("tr", {},
      el("td", {}, NG.link(`${d.a} \u2013 ${d.b}`, "dyad", {a: d.a, b: d.b, by: "year"})),
      el("td", {}, String(d.events)), el("td", {class: "pos"}, String(d.cooperation)),
      el("td", {class: "neg"}, String(d.conflict))))),
    el("h2", {}, "Latest events"), NG.eventsTable(o.latest),
    el("h2", {}, "Skipped and duplicate inputs"),
    o.skipped.length ? NG.table(["input", "status", "why"], o.skipped.map(s => el("tr", {},
      el("td", {}, s.source.split("/").pop() + (s.record_id ? ` [${s.record_id}]` : "")), el("td", {}, s.status),
      el("td", {}, s.reason || (s.duplicate_of ? "copy of " : ""), s.duplicate_of ? NG.docLink(s.duplicate_of) : null))))
      : el("p", {}, "None."));
};

NG.views.search = async function (params) {
  const q = params.q || "";
  document.getElementById("search-box").value = q;
  const r = await NG.api("search", {q, limit: 15});
  const count = part => ` (${part.total})`;
  return el("div", {id: "search"},
    el("h1", {}, "Search: ", q),
    el("h2", {}, "Actors", count(r.actors)),
    el("ul", {class: "plain actors"}, r.actors.items.map(a => el("li", {},
      NG.actorLink(a.actor_id, a.name), el("span", {class: "muted"}, ` ${a.actor_id} \u00b7 ${a.code || ""} \u00b7 ${a.mentions} mentions`)))),
    el("h2", {}, "Events", count(r.events)), NG.eventsTable(r.events.items),
    el("h2", {}, "Claims", count(r.claims)), NG.claimsTable(r.claims.items),
    el("h2", {}, "Documents", count(r.documents)),
    el("ul", {class: "plain"}, r.documents.items.map(d => el("li", {}, NG.docLink(d.doc_id, d.title),
      el("span", {class: "muted"}, ` ${d.publisher || ""} ${d.published || ""}`)))));
};

NG.views.actor = async function (params) {
  const a = await NG.api("actors/" + encodeURIComponent(params.id || ""));
  const [asSource, asTarget, by, about] = await Promise.all([
    NG.api("events", {actor: a.actor_id, role: "source", limit: 25}),
    NG.api("events", {actor: a.actor_id, role: "target", limit: 25}),
    NG.api("claims", {speaker: a.actor_id, limit: 25}),
    NG.api("claims", {about: a.actor_id, limit: 25})]);
  const more = (result, role) => result.total > result.items.length ?
    NG.link(`all ${result.total} \u2192`, "events", {actor: a.actor_id, role}) : null;
  return el("div", {id: "actor"},
    el("h1", {}, a.name || a.actor_id),
    el("p", {}, el("b", {}, a.actor_id), ` \u00b7 ${a.kind || ""} \u00b7 code ${a.code || "none"} \u00b7 ${a.mentions} mentions`),
    el("p", {}, el("b", {}, "Aliases: "), (a.aliases || []).join(", ")),
    el("h2", {}, "Roles over time"),
    NG.table(["role", "title", "since", "until"], a.roles.map(r => el("tr", {},
      el("td", {}, [r.country, r.sector, r.group].filter(Boolean).join(" ")), el("td", {}, r.title || ""),
      el("td", {}, r.since || "\u2026"), el("td", {}, r.until || "now")))),
    el("h2", {}, "Network neighbourhood"),
    NG.table(["actor", "events from", "events to", "weight", ""], a.neighbours.map(n => el("tr", {},
      el("td", {}, NG.actorLink(n.actor_id, n.name)), el("td", {}, String(n.events_out)), el("td", {}, String(n.events_in)),
      el("td", {class: n.weight < 0 ? "neg" : "pos"}, String(n.weight)),
      el("td", {}, NG.link("dyad", "dyad", {a: a.actor_id, b: n.actor_id, by: "year"}))))),
    el("h2", {}, `Events as source (${asSource.total})`), NG.eventsTable(asSource.items), more(asSource, "source"),
    el("h2", {}, `Events as target (${asTarget.total})`), NG.eventsTable(asTarget.items), more(asTarget, "target"),
    el("h2", {}, `Claims by ${a.name} (${by.total})`), NG.claimsTable(by.items),
    el("h2", {}, `Claims about ${a.name} (${about.total})`), NG.claimsTable(about.items));
};

const EVENT_FILTERS = ["actor", "type", "status", "since", "until", "place", "source"];
const TYPES = ["", "ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "MOBILIZE",
               "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN"];
const STATUSES = ["", "asserted", "reported", "planned", "hypothetical", "negated"];

NG.views.events = async function (params) {
  const query = Object.assign({limit: 50, offset: 0}, params);
  const result = await NG.api("events", query);
  const field = name => {
    const choices = {type: TYPES, status: STATUSES}[name];
    const input = choices ? el("select", {name}, choices.map(c => el("option", {value: c}, c || "any")))
      : el("input", {name, size: name === "actor" || name === "source" ? 14 : 9});
    input.value = params[name] || "";
    return el("label", {}, name, input);
  };
  const form = el("form", {class: "filters", id: "event-filters"}, EVENT_FILTERS.map(field),
    el("button", {type: "submit"}, "Filter"));
  form.addEventListener("submit", e => {
    e.preventDefault();
    const chosen = Object.fromEntries([...new FormData(form)].filter(([, v]) => v));
    if (params.role) chosen.role = params.role;
    NG.go("events", chosen);
  });
  return el("div", {id: "events"}, el("h1", {}, "Events"), form, NG.pager(result, params, "events"),
    NG.eventsTable(result.items), NG.pager(result, params, "events"));
};

// The cleaned text cut at every span boundary; each piece carries the classes of the spans covering it.
function highlighted(doc, focus) {
  const spans = [];
  for (const m of doc.mentions) spans.push({s: m.start, e: m.end, cls: "hl-mention", tip: `${m.name} (${m.actor_id})`});
  for (const e of doc.events) spans.push({s: e.start, e: e.end, cls: "hl-event", id: e.event_id, tip: `${e.type} ${e.status}`});
  for (const c of doc.claims) spans.push({s: c.start, e: c.end, cls: "hl-claim", id: c.claim_id, tip: `claim by ${c.speaker || "?"}`});
  const text = doc.text || "";
  const cuts = new Set([0, text.length]);
  for (const s of spans) if (s.s !== null && s.e !== null) { cuts.add(s.s); cuts.add(s.e); }
  const points = [...cuts].filter(p => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const box = el("div", {class: "doctext", id: "doctext"});
  let focused = false;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const over = spans.filter(s => s.s <= a && s.e >= b);
    const piece = text.slice(a, b);
    if (!over.length) { box.append(document.createTextNode(piece)); continue; }
    const isFocus = over.some(s => s.id && s.id === focus);
    const node = el("span", {class: [...new Set(over.map(s => s.cls))].join(" ") + (isFocus ? " hl-focus" : ""),
      title: over.map(s => s.tip).join("; ")}, piece);
    if (isFocus && !focused) { node.id = "focus"; focused = true; }
    box.append(node);
  }
  return box;
}

NG.views.doc = async function (params) {
  const doc = await NG.api("documents/" + encodeURIComponent(params.id || ""));
  const focus = params.event || params.claim || "";
  const source = doc.url ? el("a", {href: doc.url, rel: "noopener noreferrer", target: "_blank"}, doc.url) : doc.source;
  return el("div", {id: "document"},
    el("h1", {}, doc.title || doc.source),
    el("p", {class: "muted"}, [doc.publisher, doc.published, (doc.authors || []).join(", "), doc.status].filter(Boolean).join(" \u00b7 ")),
    el("p", {}, "Source: ", source),
    el("p", {class: "legend"}, el("span", {class: "hl-mention"}, "actor mention"), el("span", {class: "hl-event"}, "event"),
       el("span", {class: "hl-claim"}, "claim"), el("span", {class: "hl-focus"}, "selected")),
    el("div", {class: "layout"}, highlighted(doc, focus),
      el("div", {class: "side"},
        el("h2", {}, `Events (${doc.events.length})`),
        el("ul", {}, doc.events.map(e => el("li", {}, NG.link(`${e.type} ${e.source_name || e.source || "?"} \u2192 ` +
          `${e.target_name || e.target || "?"}`, "doc", {id: doc.doc_id, event: e.event_id}), " ", NG.status(e.status),
          " ", e.date || ""))),
        el("h2", {}, `Claims (${doc.claims.length})`),
        el("ul", {}, doc.claims.map(c => el("li", {}, NG.link(`${c.speaker || "?"} ${c.cue || ""}`, "doc",
          {id: doc.doc_id, claim: c.claim_id}), ": ", (c.content || "").slice(0, 90)))))));
};

NG.views.dyad = async function (params) {
  const a = params.a || "", b = params.b || "", by = params.by || "year", since = params.since || "";
  const form = el("form", {class: "filters", id: "dyad-form"},
    el("label", {}, "first actor", el("input", {name: "a", value: a, placeholder: "name, id or country code"})),
    el("label", {}, "second actor", el("input", {name: "b", value: b, placeholder: "name, id or country code"})),
    el("label", {}, "by", el("select", {name: "by"}, ["year", "quarter", "month"].map(v =>
      el("option", v === by ? {value: v, selected: "selected"} : {value: v}, v)))),
    el("label", {}, "since", el("input", {name: "since", value: since, size: 7, placeholder: "2021"})),
    el("button", {type: "submit"}, "Show"));
  form.addEventListener("submit", e => { e.preventDefault(); NG.go("dyad", Object.fromEntries(new FormData(form))); });
  const page = el("div", {id: "dyad"}, el("h1", {}, "Dyad"), form);
  if (!a || !b) return NG.append(page, [el("p", {}, "Pick two actors by name, id or country code.")]);
  const d = await NG.api("dyad", {a, b, by, since});
  const list = el("div", {id: "period-events"}, el("p", {class: "muted"}, "Click a point to list its events."));
  const pick = p => list.replaceChildren(el("h2", {}, `${p.period}: ${p.events} events, intensity ${p.intensity}`),
    NG.table(["date", "type", "who \u2192 whom", "status", "sources", "evidence"], p.list.map(e => el("tr", {
      class: "click event-row", onclick: ev => { if (ev.target.tagName !== "A") NG.go("doc", {id: e.doc_id, event: e.event_id}); }},
      el("td", {}, e.date || ""), el("td", {}, e.type), el("td", {}, NG.actorLink(e.source), " \u2192 ", NG.actorLink(e.target)),
      el("td", {}, NG.status(e.status)), el("td", {}, String(e.sources)),
      el("td", {}, NG.quote(e.evidence), " ", NG.docLink(e.doc_id, e.doc_title, {event: e.event_id}))))));
  if (!d.periods.length) return NG.append(page, [el("p", {}, `No events between ${d.a} and ${d.b}.`)]);
  return NG.append(page, [el("h2", {}, `${d.a} \u2013 ${d.b} by ${d.by}`),
    el("p", {class: "muted"}, "Status-weighted mean intensity per period: +10 closest cooperation, \u221210 war; dot size is the number of events."),
    NG.dyadChart(d.periods, pick),
    NG.table(["period", "verbal coop.", "material coop.", "verbal conflict", "material conflict", "events", "intensity"],
      d.periods.map(p => el("tr", {}, [p.period, p.verbal_cooperation, p.material_cooperation, p.verbal_conflict,
        p.material_conflict, p.events, p.intensity].map(v => el("td", {}, v === null ? "" : String(v)))))),
    list]);
};

NG.views.network = async function () {
  const data = await NG.api("network", {limit: 60});
  return el("div", {id: "network"}, el("h1", {}, "Network"),
    el("p", {class: "muted"}, `${data.actors} actors, ${data.ties} ties; the ${data.nodes.length} most connected shown. ` +
      "Green ties cooperative, red hostile. Drag to pan, scroll to zoom, click an actor to open it."),
    data.nodes.length ? NG.networkChart(data, id => NG.go("actor", {id})) : el("p", {}, "No actor pairs."));
};

NG.views.timeline = async function (params) {
  const all = params.all === "1";
  const query = {corroborated: !all, limit: 100, offset: params.offset || 0};
  const result = await NG.api("clusters", query);
  return el("div", {id: "timeline"}, el("h1", {}, all ? "Timeline of all events" : "Timeline of corroborated events"),
    all ? NG.link("only events told by two or more sources", "timeline", {}) : NG.link("all events", "timeline", {all: 1}),
    NG.pager(result, params, "timeline"),
    NG.table(["date", "type", "who \u2192 whom", "status", "sources", "every source's sentence"], result.items.map(c =>
      el("tr", {}, el("td", {}, c.date || ""), el("td", {}, c.type),
        el("td", {}, NG.actorLink(c.source), " \u2192 ", NG.actorLink(c.target)), el("td", {}, NG.status(c.status)),
        el("td", {}, String(c.sources)),
        el("td", {}, el("ul", {class: "plain"}, c.mentions.map(m => el("li", {}, NG.quote(m.evidence), " ",
          NG.docLink(m.doc_id, m.doc_title, {event: m.event_id})))))))));
};

NG.views.contradictions = async function () {
  const result = await NG.api("contradictions", {limit: 200});
  const side = s => el("div", {class: "box"}, el("b", {}, s.speaker || "?"), ": ", NG.quote(s.text), el("br"),
    NG.docLink(s.doc_id, s.doc_title, s.kind === "event" ? {} : {}));
  return el("div", {id: "contradictions"}, el("h1", {}, "Contradictions"),
    result.items.length ? result.items.map(c => el("section", {class: "contradiction"}, el("h2", {}, `${c.kind}: ${c.topic}`),
      el("div", {class: "two"}, side(c.told), side(c.denied)))) : el("p", {}, "No source denies what another asserts."));
};

NG.views.interests = async function () {
  const result = await NG.api("interests", {limit: 200});
  const keys = ["actor", "stance", "wants", "object", "status", "evidence"];
  return el("div", {id: "interests"}, el("h1", {}, "Interests"),
    el("p", {class: "muted"}, result.note || `${result.total} statements of an aim: who wants what, in document order.`),
    result.items.length ? NG.table(keys, result.items.map(r => el("tr", {}, keys.map(k =>
      el("td", {}, String(r[k] ?? "")))))) : null);
};
