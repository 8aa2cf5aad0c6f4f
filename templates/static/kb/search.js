/* kb search worker: a drop-in replacement for material's search worker.
 *
 * Same message protocol as mkdocs-material 9 (SETUP 0, READY 1, QUERY 2, RESULT 3),
 * so material's search box and result list are used unchanged.  Instead of lunr
 * with jieba word pieces, it matches literally: a provision is found when its text
 * contains every query term (NFKC-normalised, case-folded), so 居民委员会 finds
 * exactly the provisions containing 居民委员会 and 经费 never finds 经济.
 *
 * It forgives: an actor's alias finds its name (居委会 → 居民委员会, from the index's
 * "a" map); 第15条, 15条, 十五条 and 第十五条 jump to 第十五条, 第十五条第二款 and 15.2 to its
 * second paragraph (to 第十五条 when it has none); chapter titles are
 * results; words typed apart (社区 治理) rank the provisions that hold them together
 * (社区治理) first.  One result per article (its matching paragraphs under it), so
 * the count material shows is a count of provisions.
 *
 * Nothing is downloaded until the reader searches: the index is the regulation
 * version's own small file, named in this worker's URL (?index=<path from the site
 * root>, built by kb.site.search_index), fetched on the first query.  With &kb=<map>
 * (a site of several regulations) the whole knowledge base is searched, with the same
 * results from every page: the map's shards say which regulations hold every pair of
 * characters of the query, and only their indexes are loaded, a bounded number of bytes.
 * 城市居民委员会组织法第三条 goes to that law's article, then what cites it (as kb search);
 * -经费 leaves out the provisions holding 经费.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
/* at most this many regulations' indexes, and this many bytes of them (about a fifth of that over the
   wire: hosts compress JSON), are loaded for one query (the others that may hold it are named): a search
   never downloads megabytes */
var OTHER_REGS = 16, OTHER_BYTES = 1000000;
/* the pairs of characters of a term looked up in the map's shards: a few, spread over the term, name
   a superset of the regulations holding it (their index then decides) and fetch a few shards only */
var MAX_PAIRS = 4;
var here = new URL(self.location.href);
var siteRoot = new URL("../", here);
var own = null;           /* {docs, alias} of this page's regulation version, once loaded */
var fallback = [];        /* material's own index, used when kb's cannot be loaded */
var kbMap = null;         /* the knowledge-base map, once loaded */
var cache = {};           /* url -> promise of a prepared index */

function norm(s) {
  var out = "";
  for (var ch of s) {
    var n = ch.normalize("NFKC").toLowerCase();
    out += n.length === ch.length ? n : ch;
  }
  return out;
}

/* 《title》, a title inside it in 〈〉: book-title marks do not nest */
function book(t) { return "《" + t.replace(/《/g, "〈").replace(/》/g, "〉") + "》"; }

function esc(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function getJSON(path) {
  return fetch(new URL(path, siteRoot).href).then(function (r) {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  });
}

function prepare(idx) {
  var docs = idx.docs.map(function (d, i) {
    return {
      u: d.u, c: d.c, e: d.e, t: d.t, nt: norm(d.t), order: i, tt: d.tt, d: d.d, k: d.k || "article",
      n: d.n === undefined ? null : String(d.n),
      s: d.s.map(function (x) { return { e: x[0], t: x[1], n: norm(x[1]) }; })
    };
  });
  return { docs: docs, alias: idx.a || {}, title: idx.title || "", version: idx.version || "" };
}

function load(path) {
  if (!cache[path]) cache[path] = getJSON(path).then(prepare);
  return cache[path];
}

/* ---------------------------------------------------------------- numbers: 第15条, 十五条 */

var DIGITS = { "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
               "八": 8, "九": 9 };
var UNITS = { "十": 10, "百": 100, "千": 1000 };

function chineseNumber(s) {
  if (/^[0-9]+$/.test(s)) return parseInt(s, 10);
  var total = 0, digit = null;
  for (var ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch];
    else if (ch in UNITS) { total += (digit === null ? 1 : digit) * UNITS[ch]; digit = null; }
    else return null;
  }
  return total + (digit || 0);
}

/* a provision's address as readers type it, as kb.text.address reads it -- "第15条", "15条", "十五条",
   "第十条之一", "第十五条第二款", "十五条二款", "第十五条第一款第三项", "15.2", "15.1.3" -- ->
   {number: "15" (the article's: "10-1" for 第十条之一), part: "__para_2" (the eid below the article, as
   kb.text.address.to_eid makes it: an item with no paragraph is in the first), citation: "第十五条第二款"
   (as a text cites it)}; anything else (a bare 15 too: a word searched) -> null */
var NUM = "([0-9]+|[零〇一二两三四五六七八九十百千]+)";
var CN_ADDRESS = new RegExp("^第?" + NUM + "条(?:之" + NUM + ")?(?:第?" + NUM + "款)?(?:第?" + NUM + "项)?(?:第?" + NUM + "目)?$");
var DOTTED_ADDRESS = /^([0-9]+)(?:-([0-9]+))?\.([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?$/;
function provisionAddress(q) {
  var m = CN_ADDRESS.exec(q) || DOTTED_ADDRESS.exec(q);
  if (!m) return null;
  var n = m.slice(1).map(function (x) { return x === undefined ? null : chineseNumber(x); });
  if (n.some(function (x, i) { return m[i + 1] !== undefined && !x; })) return null;    /* 第零条, 十五条零款 */
  var number = n[1] ? n[0] + "-" + n[1] : String(n[0]);
  var part = (n[2] ? "__para_" + n[2] : n[3] ? "__para_1" : "") + (n[3] ? "__point_" + n[3] : "") +
    (n[4] ? "__point_" + n[4] : "");
  var citation = articleCitation(number) + (n[2] ? "第" + cn(n[2]) + "款" : "") + (n[3] ? "第" + cn(n[3]) + "项" : "") +
    (n[4] ? "第" + cn(n[4]) + "目" : "");
  return { number: number, part: part, citation: citation };
}

/* 第N款 / 第N项 from an eid's last part, to title a paragraph shown under its article */
var CN = "零一二三四五六七八九";
function cn(n) {
  if (n < 10) return CN[n];
  if (n < 20) return "十" + (n % 10 ? CN[n % 10] : "");
  if (n < 100) return CN[Math.floor(n / 10)] + "十" + (n % 10 ? CN[n % 10] : "");
  if (n < 10000) {
    var out = "", units = [[1000, "千"], [100, "百"], [10, "十"]], zero = false;
    units.forEach(function (u) {
      var d = Math.floor(n / u[0]) % 10;
      if (d) { out += (zero ? "零" : "") + CN[d] + u[1]; zero = false; }
      else if (out) zero = true;
    });
    return out + (n % 10 ? (zero ? "零" : "") + CN[n % 10] : "");
  }
  return String(n);
}

/* "15" -> 第十五条, "10-1" -> 第十条之一: how the text writes an article's number */
function articleCitation(number) {
  var p = number.split("-");
  return "第" + cn(parseInt(p[0], 10)) + "条" + (p[1] ? "之" + cn(parseInt(p[1], 10)) : "");
}
function partCitation(eid) {
  var out = "";
  eid.split("__").slice(1).forEach(function (p) {
    var m = /^(para|point|item|list|subitem|subpoint)_(\d+)/.exec(p);
    if (!m) return;
    var n = parseInt(m[2], 10);
    out += "第" + cn(n) + (m[1] === "para" ? "款" : m[1] === "point" || m[1] === "item" ? "项" : "目");
  });
  return out;
}

/* ---------------------------------------------------------------- the query */

/* the query: words (in quotes: one word with its spaces), words to leave out (-经费), and the provision it
   names -- of this page's regulation (第十五条, 15.2) or of a law named with it (城市居民委员会组织法第三条,
   《民法典》第二百七十七条, as kb.catalog.citing.law_citation reads it) */
function parse(query) {
  var q = norm(query).trim();
  var terms = [], excl = [], m, re = /["“”]([^"“”]+)["“”]?|([^\s\u3000"“”]+)/g;
  while ((m = re.exec(q))) {
    var t = (m[1] || m[2] || "").trim();
    if (!m[1] && t.length > 1 && t.charAt(0) === "-") {
      t = t.slice(1);
      if (excl.indexOf(t) === -1) excl.push(t);
    } else if (t && terms.indexOf(t) === -1) terms.push(t);
  }
  var address = terms.length === 1 ? provisionAddress(terms[0]) : null;
  var law = address === null && terms.length ? lawCitation(terms.join("")) : null;
  var alts = terms.map(function (t) {
    /* 十五条 means 第十五条, not the end of 第二十五条, and 15.2 第十五条第二款: the provision is searched as
       the text writes it (what cites it) */
    if (address !== null && address.citation !== t) return t.charAt(0) === "第" ? [t, address.citation] : [address.citation];
    return [t];
  });
  return {
    terms: terms, alts: alts, excl: excl, law: law,
    phrase: terms.length > 1 ? terms.join("") : null,
    number: address ? address.number : null,
    part: address ? address.part : ""
  };
}

/* the query with an index's aliases: an alias finds the name (居委会 → 居民委员会), not the other way (a
   name finds itself only); aliases is {alias: name} or {alias: [names]} */
function withAliases(q, aliases) {
  var alts = q.alts.map(function (v, i) {
    var t = q.terms[i];
    if (v.length !== 1 || v[0] !== t) return v;
    // own keys only: a query word such as constructor or toString would read Object.prototype's function and throw
    var own = Object.prototype.hasOwnProperty.call(aliases, t) ? aliases[t] : [];
    var names = [].concat(own).filter(function (n) { return n.indexOf(t) === -1; });
    return v.concat(names);
  });
  return Object.assign({}, q, { alts: alts });
}

/* ---------------------------------------------------------------- a law's provision: 城市居民委员会组织法第三条 */

var LAW_THEN_PROVISION = new RegExp("^(.+?)(第" + NUM + "条(?:之" + NUM + ")?(?:第" + NUM + "[款项目])*)$");

/* {name, address} when the whole query is a law's name then a provision; null otherwise */
function lawCitation(s) {
  if (s.length > 80 || /["():：]/.test(s)) return null;
  var m = LAW_THEN_PROVISION.exec(s);
  if (!m) return null;
  var name = m[1].replace(/^[《〈]+|[》〉]+$/g, "");
  var address = provisionAddress(m[2]);
  if (name.length < 2 || /[《》]/.test(name) || address === null) return null;
  return { name: name, address: address };
}

/* a title as kb.layers.laws.match_key compares titles: no book-title marks, no 中华人民共和国 */
function titleKey(t) {
  return norm(t).replace(/[《》〈〉]/g, "").replace(/^中华人民共和国/, "");
}

/* the regulations (numbers in the map) a law's name means, as kb.catalog.citing.laws_named: those whose
   title it is, else those whose title ends with it (居民委员会组织法) */
function lawsNamed(name, titles) {
  var key = titleKey(name), out = [];
  titles.forEach(function (t, i) { if (titleKey(t) === key) out.push(i); });
  if (!out.length && key.length >= 4) {
    titles.forEach(function (t, i) { var k = titleKey(t); if (k.length > key.length && k.slice(-key.length) === key) out.push(i); });
  }
  return out;
}

/* the query naming a law's provision, searched in the laws it names: the provision itself (the jump), and
   the words as the texts cite it (城市居民委员会组织法》第三条, with every title of those laws) */
function lawQuery(q, titles) {
  var a = q.law.address, v = [q.terms.join("")];
  [q.law.name].concat(titles.map(titleKey)).forEach(function (t) {
    [t + a.citation, t + "》" + a.citation].forEach(function (y) { if (v.indexOf(y) === -1) v.push(y); });
  });
  return Object.assign({}, q, { terms: [q.terms.join("")], alts: [v], phrase: null, number: a.number, part: a.part });
}

function count(hay, needle) {
  var n = 0, i = hay.indexOf(needle);
  while (i !== -1) { n++; i = hay.indexOf(needle, i + needle.length); }
  return n;
}

function has(hay, variants) {
  return variants.some(function (v) { return hay.indexOf(v) !== -1; });
}

/* the text of a segment around its first match, every variant of every term marked */
function snippet(seg, words) {
  var marks = [];
  words.forEach(function (t) {
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

/* the provisions citing a law as a whole (根据《中华人民共和国城市居民委员会组织法》): its titles in book-title
   marks, those citing the provision (found by the query before) left out */
function lawAsWhole(q, titles) {
  var v = [];
  titles.forEach(function (t) {
    [book(norm(t)), "《" + titleKey(t) + "》"].forEach(function (y) { if (v.indexOf(y) === -1) v.push(y); });
  });
  return Object.assign({}, q, { terms: [v[0]], alts: [v], excl: q.excl.concat(q.alts[0]), phrase: null, number: null,
                                part: "", law: null });
}

/* ---------------------------------------------------------------- searching one index */

function scoreSeg(seg, q) {
  var s = 0;
  q.alts.forEach(function (v) { v.forEach(function (t) { s += count(seg.n, t); }); });
  if (q.phrase) s += 100 * count(seg.n, q.phrase);
  return s;
}

/* [{doc, score, segs: [matching segments, best first]}] */
function hits(index, q) {
  var out = [];
  index.docs.forEach(function (d) {
    var jump = q.number !== null && d.n === q.number;
    var whole = d.nt + "\n" + d.s.map(function (x) { return x.n; }).join("\n");
    if (q.excl.some(function (t) { return whole.indexOf(t) !== -1; })) return;
    var found = q.alts.every(function (v) { return has(whole, v); });
    if (!found && !jump) return;
    if (d.k !== "article" && d.k !== "page" && !q.alts.every(function (v) { return has(d.nt, v); })) return;
    var score = 0;
    if (jump) score += 100000;
    if (d.k !== "article" && d.k !== "page") {
      /* a chapter or an actor named by the query comes first */
      score += d.nt === q.terms.join("") || d.nt === q.terms.join(" ") ? 10000 : 1000;
    }
    q.alts.forEach(function (v) { if (has(d.nt, v)) score += 3; });
    if (q.phrase && d.nt.indexOf(q.phrase) !== -1) score += 100;
    var segs = [];
    d.s.forEach(function (x) {
      var sc = scoreSeg(x, q);
      if (sc > 0) segs.push({ seg: x, score: sc });
      score += sc;
    });
    segs.sort(function (a, b) { return b.score - a.score || 0; });
    /* 第十五条第二款: the article's paragraph is what the result opens (第十五条 itself when it has none) */
    var part = jump && q.part ? partOf(d, q.part) : null;
    if (part) segs = [{ seg: part, score: 0 }].concat(segs.filter(function (x) { return x.seg !== part; }));
    /* tiers: the article or page the query names; provisions holding the words together; the rest */
    var tier = jump || (d.k !== "article" && d.k !== "page") ? 0 :
      q.phrase && whole.indexOf(q.phrase) !== -1 ? 1 : 2;
    out.push({ d: d, score: score, segs: segs, jump: jump, tier: tier, part: part });
  });
  out.sort(function (a, b) { return a.tier - b.tier || b.score - a.score || a.d.order - b.d.order; });
  return out;
}

/* the segment of an article a provision's eid below it names (__para_2), or its first segment below that
   (an item's paragraph: the paragraph's own text is its first); null when the article has none */
function partOf(d, part) {
  var eid = d.e + part;
  return d.s.filter(function (x) { return x.e === eid || x.e.indexOf(eid + "__") === 0; })[0] || null;
}

/* 第十五条（协助事项清单） -> 第十五条第二款（协助事项清单）: a result opening a paragraph or item says which */
function partTitle(title, eid) {
  return title.replace(/^(第[^（]*?条(?:之[一二三四五六七八九十]+)?)/, function (label) { return label + partCitation(eid); });
}

/* material's result groups, one per page (best page first): the page (a chapter's title when the
   chapter itself is a hit), then one entry per article found on it.  material shows an item with
   no "#" in its location as the page and collapses items scored below the first, so every item
   carries the page's score. */
function groups(list, q, regTitle) {
  var words = [];
  q.alts.forEach(function (v) { v.forEach(function (t) { if (words.indexOf(t) === -1) words.push(t); }); });
  if (q.phrase) words.push(q.phrase);
  var termMap = {};
  q.terms.forEach(function (t) { termMap[t] = true; });
  var where = regTitle ? book(regTitle) : "";
  var byPage = {}, pages = [];
  list.forEach(function (h) {
    /* a page's provisions of a lower tier make a group of their own, after every higher tier's */
    var key = (h.tier === 0 ? 0 : h.tier) + "|" + h.d.u;
    if (h.tier === 0 && byPage["1|" + h.d.u]) key = "1|" + h.d.u;
    var g = byPage[key];
    if (!g) { g = byPage[key] = { u: h.d.u, c: h.d.c, best: h.score, page: null, hits: [] }; pages.push(g); }
    if (h.d.k === "article" || h.d.k === "page") g.hits.push(h); else g.page = h;
  });
  return pages.map(function (g) {
    var page = g.page;
    var head = { location: g.u, title: esc(where + (page ? page.d.tt || page.d.t : g.c)),
                 text: page && page.d.d ? esc(page.d.d) : "", score: g.best, terms: termMap };
    var items = g.hits.map(function (h) {
      var d = h.d, best = h.segs.length ? h.segs[0].seg : null;
      return { location: g.u + (best && best.e ? "#" + best.e : d.e ? "#" + d.e : ""),
               title: esc(h.part ? partTitle(d.t, h.part.e) : d.t), text: best ? snippet(best, words) : "",
               score: g.best, terms: termMap };
    });
    /* a page that is itself the hit (a chapter, an actor) and nothing under it: one entry with its text */
    return items.length ? [head].concat(items) : [head];
  });
}

/* how many provisions and how many pages (chapters, actors) a result holds: material counts groups */
function tally(list) {
  var provisions = 0, pages = 0;
  list.forEach(function (h) { if (h.d.k === "article" || h.d.k === "page") provisions++; else pages++; });
  return { provisions: provisions, pages: pages };
}

/* ---------------------------------------------------------------- other regulations */

/* the shard of a pair of characters: kb.site.search_index.shard_of */
function shardOf(bigram, n) {
  var cps = Array.from(bigram);
  return (cps[0].codePointAt(0) * 31 + cps[1].codePointAt(0)) % n;
}

function pairs(t) {
  var chars = Array.from(t), out = [];
  for (var i = 0; i + 1 < chars.length; i++) {
    if (/\s/.test(chars[i]) || /\s/.test(chars[i + 1])) continue;
    var g = chars[i] + chars[i + 1];
    if (out.indexOf(g) === -1) out.push(g);
  }
  return out;
}

/* at most MAX_PAIRS of a term's pairs: the first, the last and evenly between */
function keyPairs(t) {
  var gs = pairs(t);
  if (gs.length <= MAX_PAIRS) return gs;
  var out = [];
  for (var i = 0; i < MAX_PAIRS; i++) out.push(gs[Math.round(i * (gs.length - 1) / (MAX_PAIRS - 1))]);
  return out;
}

/* the regulations (numbers in the map) that hold the key pairs of characters of some variant of every term */
function candidates(q) {
  var need = {};
  q.alts.forEach(function (v) { v.forEach(function (t) { keyPairs(t).forEach(function (g) { need[g] = true; }); }); });
  var grams = Object.keys(need);
  var files = {};
  grams.forEach(function (g) { files[shardOf(g, kbMap.shards)] = true; });
  return Promise.all(Object.keys(files).map(function (i) {
    return load_shard(i);
  })).then(function () {
    var all = kbMap.regs.map(function (_, i) { return i; });
    function regsOf(t) {
      var gs = keyPairs(t);
      if (!gs.length) return all;
      var set = null;
      gs.forEach(function (g) {
        var lst = (shardCache[shardOf(g, kbMap.shards)] || {})[g] || [];
        set = set === null ? lst.slice() : set.filter(function (x) { return lst.indexOf(x) !== -1; });
      });
      return set;
    }
    var result = all;
    q.alts.forEach(function (v) {
      var any = [];
      v.forEach(function (t) { regsOf(t).forEach(function (x) { if (any.indexOf(x) === -1) any.push(x); }); });
      result = result.filter(function (x) { return any.indexOf(x) !== -1; });
    });
    return result;
  });
}

var shardCache = {};
function load_shard(i) {
  if (shardCache[i]) return Promise.resolve(shardCache[i]);
  return getJSON(kbName.replace(/\.json$/, "-" + i + ".json")).then(function (s) { shardCache[i] = s; return s; });
}

function loadMap() {
  if (!kbName) return Promise.resolve(null);
  return kbMap ? Promise.resolve(kbMap) : getJSON(kbName).then(function (m) { kbMap = m; return m; });
}

/* an index searched with its aliases: {groups, tally}; an index's page urls are from the site root */
function found(idx, q, title) {
  q = withAliases(q, idx.alias);
  var h = hits(idx, q);
  return { groups: groups(h, q, title), tally: tally(h) };
}

/* the regulations of the map the queries may be in, chosen by the queries alone (never by the page they
   are typed on): the laws a query names (城市居民委员会组织法第三条) first and always, then the others in the
   map's order, at most OTHER_REGS and OTHER_BYTES of them.  -> {cands: each query's candidates, shown: [map
   numbers], rest: [map numbers]} */
function chosen(qs, named) {
  return Promise.all(qs.map(function (q) { return candidates(withAliases(q, kbMap.a || {})); })).then(function (cands) {
    var regs = [];
    cands.forEach(function (c) { c.forEach(function (i) { if (regs.indexOf(i) === -1) regs.push(i); }); });
    regs.sort(function (x, y) { return x - y; });
    var shown = named.slice(), rest = [], bytes = 0;
    regs.forEach(function (i) {
      if (named.indexOf(i) !== -1) return;
      var size = kbMap.regs[i][3] || 0;
      if (shown.length < OTHER_REGS + named.length && bytes + size <= OTHER_BYTES) { shown.push(i); bytes += size; }
      else rest.push(i);
    });
    return { cands: cands, shown: shown, rest: rest };
  });
}

/* the knowledge base searched: the same results from whichever page the search starts.  A law's provision
   (城市居民委员会组织法第三条) as kb search shows it: the provision, the provisions citing it, then those
   citing the law as a whole */
function acrossKb(q) {
  var titles = kbMap.regs.map(function (r) { return r[1]; });
  var named = q.law ? lawsNamed(q.law.name, titles) : [];
  var qs = [q];
  if (q.law) {
    var held = named.map(function (i) { return titles[i]; });
    q = lawQuery(q, held);
    qs = held.length ? [q, lawAsWhole(q, held)] : [q];
  }
  return chosen(qs, named).then(function (c) {
    return Promise.all(c.shown.map(function (i) {
      return load(kbMap.regs[i][0]).then(null, function () { return null; });
    })).then(function (idxs) {
      var lists = [];
      qs.forEach(function (x, k) {
        c.shown.forEach(function (i, j) {
          var law = k === 0 && named.indexOf(i) !== -1;
          if (idxs[j] && (law || c.cands[k].indexOf(i) !== -1)) {
            lists.push(found(idxs[j], law ? x : Object.assign({}, x, { number: null, part: "" }), titles[i]));
          }
        });
      });
      var out = merged(lists);
      if (c.rest.length) {
        out.push([{ location: kbMap.regs[c.rest[0]][2], title: esc("另有 " + c.rest.length + " 部法规可能含有此词"),
                    text: esc(c.rest.slice(0, 20).map(function (i) { return book(titles[i]); }).join("、") +
                              (c.rest.length > 20 ? "……" : "") + "（打开该法规后检索）"),
                    score: 0, terms: {} }]);
      }
      return out;
    });
  });
}

/* the groups of several searches, one list, their tallies added up (material counts groups) */
function merged(lists) {
  var out = [].concat.apply([], lists.map(function (x) { return x.groups; }));
  out.tally = { provisions: 0, pages: 0 };
  lists.forEach(function (x) { out.tally.provisions += x.tally.provisions; out.tally.pages += x.tally.pages; });
  return out;
}

/* ---------------------------------------------------------------- the worker */

var ownName = here.searchParams.get("index");
var kbName = here.searchParams.get("kb");

/* {items: material's groups, total: {provisions, pages}}.  With a map (several regulations) words are
   searched across the knowledge base, the same from every page; this page's regulation is searched
   first only for what is its own: a bare provision (第十五条, 15.2), and the text of a version the map
   does not list (an earlier one) */
function search(query) {
  var q = parse(query || "");
  if (!q.terms.length) return Promise.resolve({ items: [], total: { provisions: 0, pages: 0 } });
  return loadMap().then(function (map) {
    var listed = map !== null && map.regs.some(function (r) { return r[0] === ownName; });
    /* a word searched where the map lists this page's index needs the map's indexes only */
    if (listed && q.number === null) {
      return acrossKb(q).then(function (more) { return { items: more, total: more.tally }; },
                              function () { return ownIndex().then(function (idx) { return alone(idx, q, idx.title); }); });
    }
    return ownIndex().then(function (idx) {
      /* a bare provision (第十五条) is this page's regulation's */
      if (!map || q.number !== null) return alone(idx, q, map ? idx.title : "");
      /* the text of a version the map does not list (an earlier one): first, then the knowledge base */
      var mine = found(idx, q, idx.title ? idx.title + (idx.version ? "（" + idx.version + "）" : "") : "");
      return acrossKb(q).then(function (more) {
        return { items: mine.groups.concat(more), total: { provisions: mine.tally.provisions + more.tally.provisions,
                                                           pages: mine.tally.pages + more.tally.pages } };
      }, function () { return { items: mine.groups, total: mine.tally }; });
    });
  }, function () { return ownIndex().then(function (idx) { return alone(idx, q, ""); }); });
}

/* this page's regulation version's index (material's own, when it cannot be loaded) */
function ownIndex() {
  var ready = own || !ownName ? Promise.resolve() :
    load(ownName).then(function (idx) { own = idx; }, function () { own = null; });
  return ready.then(function () { return own || { docs: fallback, alias: {}, title: "", version: "" }; });
}

/* a site of one regulation (or no map to be had): this page's index only */
function alone(idx, q, title) {
  var r = found(idx, q, title || "");
  return { items: r.groups, total: r.tally };
}

function fromMaterial(docs) {
  /* fallback: material's own index (no kb index available) */
  return prepare({ docs: (docs || []).map(function (d) {
    var parts = d.location.split("#");
    return { u: parts[0], c: d.title, e: parts[1] || "", t: d.title, k: "page",
             s: [[parts[1] || "", (d.text || "").replace(/<[^>]*>/g, "")]] };
  }) }).docs;
}

self.kbSearch = function (query) { return search(query); };

var latest = 0;
self.addEventListener("message", function (ev) {
  var msg = ev.data;
  if (msg.type === SETUP) {
    fallback = fromMaterial(msg.data && msg.data.docs);
    /* ready at once: the index is fetched when the reader first searches */
    self.postMessage({ type: READY });
  } else if (msg.type === QUERY) {
    var mine = ++latest;
    if (!(msg.data || "").trim()) {       /* the box opened empty: nothing to fetch yet */
      self.postMessage({ type: RESULT, data: { items: [], total: { provisions: 0, pages: 0 } } });
      return;
    }
    search(msg.data || "").then(function (r) {
      /* total: what the count above the list says (overrides/main.html shows it) */
      if (mine === latest) self.postMessage({ type: RESULT, data: { items: r.items, total: r.total } });
    });
  }
});
