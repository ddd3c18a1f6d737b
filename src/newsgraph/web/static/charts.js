// SVG charts drawn with createElementNS: the dyad's intensity on a true time axis, and the actor network.
"use strict";
const SVG = "http://www.w3.org/2000/svg";

NG.svg = function (tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  return NG.append(node, children);
};

// '2024' -> 1 Jan 2024; '2024-Q3' -> 1 Jul 2024; '2024-05' -> 1 May 2024 (UTC milliseconds).
NG.periodStart = function (period) {
  const q = /^(\d{4})-Q(\d)$/.exec(period);
  if (q) return Date.UTC(+q[1], (+q[2] - 1) * 3, 1);
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(period);
  return m ? Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, 1) : NaN;
};

// Cooperation (+10) to conflict (-10) per period; x is time, so gaps between periods show as gaps.
NG.dyadChart = function (periods, onPick) {
  const W = 900, H = 280, L = 44, R = 16, T = 14, B = 30;
  const points = periods.map(p => Object.assign({t: NG.periodStart(p.period)}, p)).filter(p => !isNaN(p.t));
  const ts = points.map(p => p.t);
  const pad = 180 * 86400000;
  const t0 = Math.min(...ts) - pad, t1 = Math.max(...ts) + pad;
  const x = t => L + (t - t0) / (t1 - t0) * (W - L - R);
  const y = v => T + (10 - v) / 20 * (H - T - B);
  const chart = NG.svg("svg", {class: "chart", viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img",
                               "aria-label": "intensity over time"});
  for (const v of [-10, -5, 0, 5, 10]) {
    chart.append(NG.svg("line", {x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: v === 0 ? "#888" : "#eee"}),
                 NG.svg("text", {x: L - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 11}, String(v)));
  }
  const first = new Date(t0).getUTCFullYear(), last = new Date(t1).getUTCFullYear();
  const step = Math.max(1, Math.ceil((last - first + 1) / 14));
  for (let year = first; year <= last; year += step) {
    const tx = x(Date.UTC(year, 0, 1));
    if (tx < L) continue;
    chart.append(NG.svg("line", {x1: tx, x2: tx, y1: H - B, y2: H - B + 5, stroke: "#888"}),
                 NG.svg("text", {x: tx, y: H - 8, "text-anchor": "middle", "font-size": 11}, String(year)));
  }
  const valued = points.filter(p => p.intensity !== null);
  chart.append(NG.svg("polyline", {fill: "none", stroke: "#3d85c6", "stroke-width": 1.5,
    points: valued.map(p => `${x(p.t).toFixed(1)},${y(p.intensity).toFixed(1)}`).join(" ")}));
  for (const p of valued) {
    chart.append(NG.svg("circle", {class: "point", "data-period": p.period, cx: x(p.t), cy: y(p.intensity),
      r: 4 + Math.min(10, Math.sqrt(p.events) * 2), fill: p.intensity < 0 ? "#cc0000" : "#38761d", "fill-opacity": 0.75,
      onclick: () => onPick(p)},
      NG.svg("title", {}, `${p.period}: ${p.events} events, intensity ${p.intensity}`)));
  }
  return chart;
};

// The network: drag to pan, wheel to zoom, click a node to open the actor.
NG.networkChart = function (data, onOpen) {
  const W = 1000, H = 640, M = 60;
  const pos = new Map(data.nodes.map(n => [n.id, [M + n.x * (W - 2 * M), M + n.y * (H - 2 * M)]]));
  const chart = NG.svg("svg", {class: "network", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network"});
  const layer = NG.svg("g", {});
  chart.append(layer);
  for (const e of data.edges) {
    const [x1, y1] = pos.get(e.source), [x2, y2] = pos.get(e.target);
    layer.append(NG.svg("line", {x1, y1, x2, y2, stroke: e.weight >= 0 ? "#38761d" : "#cc0000", "stroke-opacity": 0.5,
      "stroke-width": 1 + Math.log1p(e.events)}, NG.svg("title", {}, `${e.source} \u2192 ${e.target}: ${e.events} events`)));
  }
  for (const n of data.nodes) {
    const [cx, cy] = pos.get(n.id);
    const node = NG.svg("g", {class: "node", "data-actor": n.id},
      NG.svg("circle", {cx, cy, r: 5 + 18 * (n.degree || 0), fill: ["#3d85c6", "#e69138", "#6aa84f", "#8e7cc3",
        "#c27ba0", "#45818e"][(n.community || 0) % 6]}, NG.svg("title", {}, `${n.name} (${n.id})`)),
      NG.svg("text", {x: cx, y: cy - 9 - 18 * (n.degree || 0), "text-anchor": "middle"}, n.name || n.id));
    node.addEventListener("click", () => { if (!moved) onOpen(n.id); });
    layer.append(node);
  }
  let view = {x: 0, y: 0, k: 1}, start = null, moved = false;
  const apply = () => layer.setAttribute("transform", `translate(${view.x},${view.y}) scale(${view.k})`);
  chart.addEventListener("pointerdown", e => { start = [e.clientX, e.clientY, view.x, view.y]; moved = false; });
  chart.addEventListener("pointermove", e => {
    if (!start) return;
    const scale = W / chart.getBoundingClientRect().width;
    const dx = (e.clientX - start[0]) * scale, dy = (e.clientY - start[1]) * scale;
    if (Math.abs(dx) + Math.abs(dy) > 3) moved = true;
    view.x = start[2] + dx; view.y = start[3] + dy; apply();
  });
  window.addEventListener("pointerup", () => { start = null; });
  chart.addEventListener("wheel", e => {
    e.preventDefault();
    const box = chart.getBoundingClientRect(), scale = W / box.width;
    const px = (e.clientX - box.left) * scale, py = (e.clientY - box.top) * scale;
    const k = Math.min(8, Math.max(0.3, view.k * (e.deltaY < 0 ? 1.2 : 1 / 1.2)));
    view.x = px - (px - view.x) * k / view.k; view.y = py - (py - view.y) * k / view.k; view.k = k; apply();
  }, {passive: false});
  return chart;
};
