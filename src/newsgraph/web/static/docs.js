// The API reference, rendered offline from the server's own /openapi.json (no CDN, text only).
"use strict";
function node(tag, text, cls) {
  const n = document.createElement(tag);
  if (text !== undefined) n.textContent = text;
  if (cls) n.className = cls;
  return n;
}
document.addEventListener("DOMContentLoaded", async () => {
  const spec = await (await fetch("/openapi.json")).json();
  const root = document.getElementById("endpoints");
  root.append(node("p", spec.info.description || ""));
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const section = node("section", undefined, "endpoint");
      section.append(node("h2", `${method.toUpperCase()} ${path}`), node("p", op.description || op.summary || ""));
      const params = op.parameters || [];
      if (params.length) {
        const table = node("table");
        const head = node("tr");
        for (const h of ["parameter", "in", "required", "type", "description"]) head.append(node("th", h));
        table.append(head);
        for (const p of params) {
          const row = node("tr");
          const schema = p.schema || {};
          const type = schema.enum ? schema.enum.join(" | ") : (schema.anyOf || [schema]).map(s =>
            s.enum ? s.enum.join(" | ") : s.type + (s.pattern ? ` ${s.pattern}` : "") +
            (s.minimum !== undefined ? ` \u2265 ${s.minimum}` : "") + (s.maximum !== undefined ? ` \u2264 ${s.maximum}` : ""))
            .filter(t => t !== "null").join(" or ");
          for (const v of [p.name, p.in, p.required ? "yes" : "", type, p.description || ""]) row.append(node("td", v));
          table.append(row);
        }
        section.append(table);
      }
      root.append(section);
    }
  }
  document.body.dataset.ready = "docs";
});
