// The demo page: paste or drop a body, see every issue inline, apply the safe fixes, copy.
// Everything comes from the package build (../dist): no CDN, works offline.
import { init, validate, fix } from "../dist/web.mjs";

const $ = (id) => document.getElementById(id);
const esc = (s) => s.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]);
const EXAMPLE = `{
  "messages": [
    { "role": "User", "content": "What changed in the refund policy?" }
  ],
  "temperature": 1.5,
  "tools": [{ "name": "lookup", "input_schema": { "type": "object", "properties": {} } }]
}`;

let lastFixes = [];

function render() {
  const text = $("body").value;
  const options = { kind: $("kind").value, strict: $("strict").checked, spans: true };
  const report = validate(text, options);
  const status = $("status");
  status.textContent = report.valid ? `valid (${report.warnings.length} warning(s))` : `${report.errors.length} error(s), ${report.warnings.length} warning(s)`;
  status.className = report.valid ? "valid" : "invalid";
  // Underline every span in the source view (byte offsets → UTF-16 via TextEncoder lengths).
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const marks = [...report.errors, ...report.warnings]
    .filter((i) => i.span)
    .map((i) => ({ s: i.span.start, e: Math.max(i.span.end, i.span.start + 1), sev: i.severity }))
    .sort((a, b) => a.s - b.s);
  let html = "";
  let pos = 0;
  for (const m of marks) {
    if (m.s < pos) continue;
    html += esc(dec.decode(bytes.subarray(pos, m.s)));
    html += `<mark class="${m.sev}">${esc(dec.decode(bytes.subarray(m.s, m.e)))}</mark>`;
    pos = m.e;
  }
  html += esc(dec.decode(bytes.subarray(pos)));
  $("source").innerHTML = html;
  const fixed = lastFixes.length ? `<p class="issue"><b>Applied ${lastFixes.length} fix(es):</b><br>${lastFixes.map((f) => `<span class="code">${esc(f.code)}</span> ${esc(f.path)}: ${esc(f.before)} → ${esc(f.after)}`).join("<br>")}</p>` : "";
  $("issues").innerHTML = fixed + [...report.errors, ...report.warnings]
    .map((i) => `<div class="issue ${i.severity}" data-code="${esc(i.code)}">
      <div><b>${i.severity}</b> <span class="code">${esc(i.code)}</span> ${i.span ? `line ${i.span.line}:${i.span.column}` : ""} <span class="code">${esc(i.path || "(root)")}</span></div>
      <div>${esc(i.message)}</div>${i.hint ? `<div class="hint">hint: ${esc(i.hint)}</div>` : ""}
      <div class="hint"><a href="../../docs/codes.md#${encodeURIComponent(i.code)}">docs/codes.md#${esc(i.code)}</a></div></div>`)
    .join("") || `<p>No issue: the server would accept this body unchanged.</p>`;
}

await init();
$("body").value = new URLSearchParams(location.search).get("body") ?? EXAMPLE;
for (const id of ["body", "kind", "strict"]) $(id).addEventListener("input", () => ((lastFixes = []), render()));
$("fix").addEventListener("click", () => {
  const out = fix($("body").value, { kind: $("kind").value });
  $("body").value = out.body;
  lastFixes = out.fixes;
  render();
});
$("copy").addEventListener("click", () => navigator.clipboard?.writeText($("body").value));
$("body").addEventListener("drop", async (e) => {
  e.preventDefault();
  const f = e.dataTransfer.files[0];
  if (f) {
    $("body").value = await f.text();
    render();
  }
});
render();
document.body.dataset.ready = "1";
