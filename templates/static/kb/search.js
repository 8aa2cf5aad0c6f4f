/* kb search worker: a drop-in replacement for material's search worker.
 *
 * Same message protocol as mkdocs-material 9 (SETUP 0, READY 1, QUERY 2, RESULT 3),
 * so material's search box and result list are used unchanged.  Instead of lunr
 * with jieba word pieces, it matches literally: a provision is found when its text
 * contains every query term (NFKC-normalised, case-folded), so 居民委员会 finds
 * exactly the provisions containing 居民委员会 and 经费 never finds 经济.
 *
 * The index is the regulation version's own small file, named in this worker's URL
 * (?index=<path from the site root>), built by kb.site_search from the model.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var DOCS = null;
var here = new URL(self.location.href);
var siteRoot = new URL("../", here);

function norm(s) {
  var out = "";
  for (var ch of s) {
    var n = ch.normalize("NFKC").toLowerCase();
    out += n.length === ch.length ? n : ch;
  }
  return out;
}

function esc(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function prepare(docs) {
  return docs.map(function (d, i) {
    return {
      u: d.u, c: d.c, e: d.e, t: d.t, nt: norm(d.t), order: i, tt: d.tt, d: d.d,
      s: d.s.map(function (x) { return { e: x[0], t: x[1], n: norm(x[1]) }; })
    };
  });
}

function count(hay, needle) {
  var n = 0, i = hay.indexOf(needle);
  while (i !== -1) { n++; i = hay.indexOf(needle, i + needle.length); }
  return n;
}

/* the text of a segment around its first match, every term marked */
function snippet(seg, terms) {
  var marks = [];
  terms.forEach(function (t) {
    var i = seg.n.indexOf(t);
    while (i !== -1) { marks.push([i, i + t.length]); i = seg.n.indexOf(t, i + t.length); }
  });
  marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  var first = marks.length ? marks[0][0] : 0;
  var from = Math.max(0, first - 40), to = Math.min(seg.t.length, first + 120);
  var out = from > 0 ? "…" : "", pos = from;
  marks.forEach(function (m) {
    if (m[0] < pos || m[1] > to) return;
    out += esc(seg.t.slice(pos, m[0])) + "<mark>" + esc(seg.t.slice(m[0], m[1])) + "</mark>";
    pos = m[1];
  });
  out += esc(seg.t.slice(pos, to)) + (to < seg.t.length ? "…" : "");
  return out;
}

function search(query) {
  var terms = norm(query).split(/[\s\u3000"“”'‘’]+/).filter(Boolean);
  terms = terms.filter(function (t, i) { return terms.indexOf(t) === i; });
  if (!terms.length || !DOCS) return [];
  var hits = [];
  DOCS.forEach(function (d) {
    var whole = d.nt + "\n" + d.s.map(function (x) { return x.n; }).join("\n");
    for (var k = 0; k < terms.length; k++) if (whole.indexOf(terms[k]) === -1) return;
    var score = 0;
    terms.forEach(function (t) {
      d.s.forEach(function (x) { score += count(x.n, t); });
      if (d.nt.indexOf(t) !== -1) score += 3;
    });
    /* a page named exactly by the query (an actor's page) comes first */
    if (!d.e && terms.length === 1 && d.nt === terms[0]) score += 1000;
    var seg = null;
    for (var j = 0; j < d.s.length && !seg; j++)
      if (terms.some(function (t) { return d.s[j].n.indexOf(t) !== -1; })) seg = d.s[j];
    hits.push({ d: d, score: score, seg: seg });
  });
  /* group by page, best page first; inside a page, best provision first */
  var groups = {}, list = [];
  hits.forEach(function (h) {
    var g = groups[h.d.u];
    if (!g) { g = groups[h.d.u] = { u: h.d.u, c: h.d.c, best: 0, order: h.d.order, hits: [] }; list.push(g); }
    g.hits.push(h);
    g.best = Math.max(g.best, h.score);
  });
  list.sort(function (a, b) { return b.best - a.best || a.order - b.order; });
  var termMap = {};
  terms.forEach(function (t) { termMap[t] = true; });
  return list.map(function (g) {
    g.hits.sort(function (a, b) { return b.score - a.score || a.d.order - b.d.order; });
    var score = g.best;
    var head = { location: g.u, title: esc(g.c), text: "", score: score, terms: termMap };
    var items = g.hits.map(function (h) {
      var anchor = h.seg && h.seg.e ? h.seg.e : h.d.e;
      return {
        location: g.u + (anchor ? "#" + anchor : ""),
        title: esc(h.d.tt || h.d.t),
        text: h.d.d ? snippet({ t: h.d.d, n: norm(h.d.d) }, terms) : h.seg ? snippet(h.seg, terms) : "",
        score: score,
        terms: termMap
      };
    });
    /* a page that is itself the hit (an actor page) is shown as one entry with its text */
    if (items.length === 1 && items[0].location === g.u) return items;
    return [head].concat(items);
  });
}

function fromMaterial(docs) {
  /* fallback: material's own index (no kb index available) */
  return (docs || []).map(function (d) {
    var parts = d.location.split("#");
    return { u: parts[0], c: d.title, e: parts[1] || "", t: d.title,
             s: [[parts[1] || "", (d.text || "").replace(/<[^>]*>/g, "")]] };
  });
}

self.kbSearch = search;

self.addEventListener("message", function (ev) {
  var msg = ev.data;
  if (msg.type === SETUP) {
    var name = here.searchParams.get("index");
    var done = function () { self.postMessage({ type: READY }); };
    if (!name) { DOCS = prepare(fromMaterial(msg.data.docs)); done(); return; }
    fetch(new URL(name, siteRoot).href)
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (idx) { DOCS = prepare(idx.docs); done(); })
      .catch(function () { DOCS = prepare(fromMaterial(msg.data.docs)); done(); });
  } else if (msg.type === QUERY) {
    self.postMessage({ type: RESULT, data: { items: search(msg.data || "") } });
  }
});
