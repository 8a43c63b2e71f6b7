"""The fixed parts of the dashboard's pages: shell, stylesheet and script.

Private to the command line. Every page carries its own copy of the style
sheet and the script, so that a single page still works when it is mailed
alone. The Content-Security-Policy of each page forbids every load from the
network (``default-src 'none'``) and allows only the one inline script,
by its hash; the script reads the tables already on the page, never
evaluates data.
"""

from __future__ import annotations

import base64
import hashlib
import string
from typing import Final

#: The style sheet: readable from 375 px (phone) to wide screens, and printable.
CSS: Final = """
:root { --ink: #1b1b1b; --muted: #555; --line: #d0d0d0; --band: #f4f6f8;
  --achieved: #009E73; --on_track: #56B4E9; --at_risk: #D55E00; --no_trend: #E69F00;
  --no_figure: #999999; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.45;
  font-family: "Noto Sans", "Segoe UI", "DejaVu Sans", Roboto, Arial, sans-serif; }
header, main, footer { max-width: 84rem; margin: 0 auto; padding: 0.75rem 1rem; }
header { border-bottom: 3px solid var(--at_risk); }
h1 { font-size: 1.5rem; margin: 0.25rem 0; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; }
p.meta, p.note, footer { color: var(--muted); font-size: 0.9rem; }
a { color: #0b5394; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.5rem; vertical-align: top;
  text-align: left; }
td:not(.num) { min-width: 5.5rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead th { background: var(--band); }
th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0;
  padding: 0; cursor: pointer; text-align: inherit; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
label.filter { display: block; margin: 0.5rem 0; }
label.filter input { font: inherit; padding: 0.3rem 0.5rem; width: min(24rem, 100%);
  border: 1px solid var(--muted); border-radius: 4px; }
.status { white-space: normal; }
.o-achieved { color: #006b4f; } .o-at_risk { color: #a33f00; font-weight: 600; }
.o-on_track { color: #1d6a96; } .o-no_trend { color: #8a5a00; }
.o-no_figure { color: var(--muted); }
figure { margin: 0.5rem 0; }
figure svg { width: 100%; max-width: 56rem; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 0.9rem; }
.summary { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.summary dl { display: grid; grid-template-columns: auto auto; gap: 0.2rem 0.75rem; margin: 0; }
.summary dd { margin: 0; text-align: right; font-weight: 600; }
.summary figure { flex: 1 1 18rem; max-width: 32rem; }
@media (max-width: 480px) {
  header, main, footer { padding: 0.5rem 0.6rem; }
  h1 { font-size: 1.2rem; }
  table { font-size: 0.8rem; }
  th, td { padding: 0.3rem 0.35rem; }
}
@media print {
  header { border-bottom: 1px solid #000; }
  label.filter, .sort-hint { display: none; }
  th button::after { content: none !important; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.8em; }
  .scroll { overflow: visible; }
  tr, figure { break-inside: avoid; }
  body { font-size: 10pt; }
}
"""

#: The script: sort a table by a clicked heading, filter its rows by a text box.
#: Text is compared without diacritics, so ``khanh hoa`` finds ``Khánh Hòa``.
SCRIPT: Final = """
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "")
      .replace(/\\u0111/g, "d").replace(/\\u0110/g, "D").toLowerCase();
  }
  function compare(x, y) {
    if (x === y) { return 0; }
    if (x === "") { return 1; }
    if (y === "") { return -1; }
    var nx = Number(x), ny = Number(y);
    if (!isNaN(nx) && !isNaN(ny)) { return nx === ny ? 0 : (nx < ny ? -1 : 1); }
    return x.localeCompare(y);
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll("thead th button").forEach(function (button) {
      button.addEventListener("click", function () {
        var th = button.parentNode, column = th.cellIndex;
        var up = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (h) {
          h.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-sort");
          var y = b.cells[column].getAttribute("data-sort");
          if (x === "" || y === "") { return compare(x, y); }
          return up ? compare(x, y) : compare(y, x);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-filter"));
    input.addEventListener("input", function () {
      var query = fold(input.value.trim());
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = query !== "" && fold(row.textContent).indexOf(query) < 0;
      });
    });
  });
}());
"""

_HASH: Final = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()

#: No load from anywhere: styles inline, the one script by its hash.
CSP: Final = (f"default-src 'none'; style-src 'unsafe-inline'; "
              f"script-src 'sha256-{_HASH}'; img-src data:")

#: The shell of every page; the fields are escaped HTML already.
PAGE: Final = string.Template("""<!DOCTYPE html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="$csp">
<meta name="generator" content="de_an06 $version">
<title>$title</title>
<style>$css</style>
</head>
<body>
<header>
$nav<h1>$heading</h1>
<p class="meta">$meta</p>
</header>
<main>
$body
</main>
<footer><p>$footer</p></footer>
<script>$script</script>
</body>
</html>
""")
