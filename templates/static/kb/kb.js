/* kb site behaviour: term tooltips, notes on citations kb cannot link, 复制引用, target highlight.
   No outside requests. */
(function () {
  "use strict";
  var tip = null;

  var pinned = null;      /* the term whose tooltip a tap opened (phones have no hover) */
  /* what shows a tooltip: a defined term, and a citation of a law (or provision) the knowledge base does not hold */
  var TIPPED = "a.kb-term, .kb-ref-missing";
  var lastPointer = "mouse";

  function showTip(a, tapped) {
    var note = a.classList.contains("kb-ref-missing");
    var text = note ? a.getAttribute("data-note") : defs()[a.getAttribute("href")];
    if (!text) return;
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "kb-tooltip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    tip.textContent = note ? text : a.textContent + "：" + text;
    tip.classList.toggle("kb-tooltip--pinned", !!tapped);
    if (tapped && !note) {
      /* a tap shows the definition; the tooltip's own link (or a second tap) opens the glossary */
      var more = document.createElement("a");
      more.href = a.href;
      more.className = "kb-tooltip__more";
      more.textContent = "查看术语表 ›";
      tip.appendChild(document.createTextNode(" "));
      tip.appendChild(more);
    }
    tip.hidden = false;
    var r = a.getBoundingClientRect();
    var w = Math.min(360, document.documentElement.clientWidth - 16);
    tip.style.maxWidth = w + "px";
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - w - 8));
    tip.style.left = left + "px";
    /* below the term, or above it when there is no room below: the tooltip stays on the screen */
    var h = tip.offsetHeight, view = window.innerHeight;
    var below = r.bottom + 6 + h <= view - 4 || r.top - 6 - h < 4;
    tip.style.top = (below ? r.bottom + window.scrollY + 6 : r.top + window.scrollY - 6 - h) + "px";
    tip.classList.toggle("kb-tooltip--above", !below);
    a.setAttribute("aria-describedby", "kb-tooltip");
  }

  /* the definitions of the terms linked on the page, once each (kb.site.rendering.Renderer.render) */
  var defsCache = null;
  function defs() {
    if (!defsCache) {
      var el = document.getElementById("kb-defs");
      try { defsCache = el ? JSON.parse(el.getAttribute("data-defs")) : {}; } catch (e) { defsCache = {}; }
    }
    return defsCache;
  }

  /* what the page says once and its provisions share (templates/_macros.html, page_data and tools):
     the citation's prefix (《title》（草案征求意见稿）), the title, the version and the page's public address */
  var pageData = document.getElementById("kb-page");
  function pd(name) { return pageData ? pageData.getAttribute("data-" + name) || "" : ""; }
  var ICON = '<svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path fill="currentColor" ' +
    'd="M6 10a2 2 0 1 0 0 4 2 2 0 0 0 0-4m6 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4m6 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4"/></svg>';
  function ownId(el) { var n = el.closest("[id]"); return n ? n.id : ""; }
  document.querySelectorAll("button.kb-act").forEach(function (b) {
    var label = b.getAttribute("data-c") + "：复制引用或链接";
    b.type = "button";
    b.setAttribute("aria-haspopup", "menu");
    b.setAttribute("aria-label", label);
    b.title = label;
    b.innerHTML = ICON;
  });
  /* each article's 复制引用 (before its 对本条提出意见), and that link's e-mail naming the regulation, the
     version and the article (and on a published site its link) */
  document.querySelectorAll("a.kb-comment[data-c]").forEach(function (a) {
    var c = a.getAttribute("data-c"), link = pd("link");
    var b = document.createElement("button");
    b.type = "button";
    b.className = "kb-copy kb-copy--big md-button";
    b.setAttribute("data-cite", pd("prefix") + c);
    b.title = "复制：" + pd("prefix") + c;
    b.textContent = "复制引用";
    a.parentNode.insertBefore(b, a);
    var sec = a.closest(".kb-article"), h = sec && sec.querySelector("h2[id], h3[id], h4[id], h5[id], h6[id]");
    var body = "法规：《" + pd("title") + "》\n版本：" + pd("version") + "\n条款：" + c + "\n" +
      (link && h ? "链接：" + link + "#" + h.id + "\n" : "") + "\n意见：\n";
    a.href = a.getAttribute("href").split("?")[0] + "?subject=" +
      encodeURIComponent("对《" + pd("title") + "》（" + pd("version") + "）" + c + "的意见") +
      "&body=" + encodeURIComponent(body);
  });

  /* 相关条文: the rows (with the other articles' text) are read when the panel is opened, from the small
     page its link leads to (related/<eid>.html; a reader without scripts follows the link); their links
     are relative to that page. If reading fails the link stays, and opening the panel again retries */
  document.addEventListener("toggle", function (e) {
    var d = e.target;
    if (!d.matches || !d.matches("details.kb-related") || !d.open || d.getAttribute("data-state")) return;
    var more = d.querySelector("a.kb-related-link");
    if (!more) return;
    d.setAttribute("data-state", "loading");
    d.setAttribute("aria-busy", "true");
    var src = new URL(more.getAttribute("href"), location.href), old = d.querySelector(".kb-note");
    if (old) old.remove();
    fetch(src).then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); }).then(function (t) {
      var box = new DOMParser().parseFromString(t, "text/html").querySelector(".kb-related-rows");
      if (!box) throw new Error("no rows");
      box.querySelectorAll("a[href]").forEach(function (a) { a.href = new URL(a.getAttribute("href"), src).href; });
      d.replaceChild(document.adoptNode(box), more);
      d.setAttribute("data-state", "loaded");
    }).catch(function () {
      var p = document.createElement("p");
      p.className = "kb-note";
      p.textContent = "相关条文未能载入，可点上面的链接另页查看，或关闭后再打开重试。";
      d.appendChild(p);
      d.removeAttribute("data-state");
    }).then(function () { d.removeAttribute("aria-busy"); });
  }, true);

  function hideTip() { if (tip && !pinned) tip.hidden = true; }
  function unpin() { pinned = null; hideTip(); }

  function copy(text, btn) {
    var done = function () {
      var old = btn.getAttribute("data-label") || btn.textContent;
      btn.setAttribute("data-label", old);
      btn.classList.add("kb-copied");
      if (btn.classList.contains("kb-copy--big")) btn.textContent = "已复制";
      btn.title = "已复制：" + text;
      setTimeout(function () {
        btn.classList.remove("kb-copied");
        if (btn.classList.contains("kb-copy--big")) btn.textContent = old;
      }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else { fallback(text); done(); }
  }

  function fallback(text) {
    var ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.style.position = "fixed";
    ta.style.opacity = "0";
    document.body.appendChild(ta);
    ta.select();
    try { document.execCommand("copy"); } catch (e) { /* ignore */ }
    document.body.removeChild(ta);
  }

  document.addEventListener("mouseover", function (e) {
    var a = e.target.closest && e.target.closest(TIPPED);
    if (a) showTip(a);
  });
  document.addEventListener("mouseout", function (e) {
    var a = e.target.closest && e.target.closest(TIPPED);
    if (a) hideTip();
  });
  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches(TIPPED)) showTip(e.target);
  });
  document.addEventListener("focusout", hideTip);
  /* material's search box listens to keyup only; Chinese input methods (and pasting) change the
     query without one, so announce every input as a keyup */
  document.addEventListener("input", function (e) {
    if (e.target.matches && e.target.matches("input.md-search__input") && !e.isComposing) {
      e.target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
  });
  document.addEventListener("compositionend", function (e) {
    if (e.target.matches && e.target.matches("input.md-search__input")) {
      e.target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
  });
  /* the count above the search results: provisions, not pages (the worker's figure, see
     overrides/main.html); material writes its own count first, this replaces it */
  var meta = document.querySelector(".md-search-result__meta");
  if (meta && window.MutationObserver) {
    new MutationObserver(function () {
      var t = window.kbSearchTotal;
      if (!t || !(t.provisions || t.pages)) return;
      var text = (t.provisions ? "找到 " + t.provisions + " 条条文" : "找到") +
        (t.pages ? (t.provisions ? "，及 " : " ") + t.pages + " 个章节或主体页面" : "");
      if (meta.textContent !== text) meta.textContent = text;
    }).observe(meta, { childList: true, characterData: true, subtree: true });
  }
  document.addEventListener("pointerdown", function (e) { lastPointer = e.pointerType || "mouse"; }, true);
  document.addEventListener("click", function (e) {
    var m = e.target.closest && e.target.closest(".kb-ref-missing");
    if (m) {
      /* a tap (or a click) on a citation kb cannot link shows why; a second one closes it */
      if (pinned === m) { unpin(); return; }
      pinned = null;
      showTip(m, true);
      pinned = m;
      return;
    }
    var a = e.target.closest && e.target.closest("a.kb-term");
    if (a && lastPointer !== "mouse" && pinned !== a) {
      /* first tap on a term on a touch screen: show its definition instead of leaving the page */
      e.preventDefault();
      pinned = null;
      showTip(a, true);
      pinned = a;
      return;
    }
    if (pinned && !(e.target.closest && e.target.closest("#kb-tooltip"))) unpin();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") unpin();
    /* a citation's note is a button: Enter or Space pins it as a tap does */
    if ((e.key === "Enter" || e.key === " ") && e.target.matches && e.target.matches(".kb-ref-missing")) {
      e.preventDefault();
      e.target.click();
    }
  });
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("button.kb-copy");
    if (!b) return;
    e.preventDefault();
    copy(b.getAttribute("data-cite"), b);
  });

  /* one action per provision: a button (44×44 px to a finger) opening a small menu — copy the
     citation, copy the link — instead of two tiny icons after every paragraph */
  var menu = null, opener = null;
  function closeMenu(focusBack) {
    if (!menu) return;
    menu.remove();
    menu = null;
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      if (focusBack) opener.focus();
    }
    opener = null;
  }
  function item(label, run) {
    var b = document.createElement("button");
    b.type = "button";
    b.setAttribute("role", "menuitem");
    b.className = "kb-menu__item";
    b.textContent = label;
    b.addEventListener("click", function (e) { e.preventDefault(); run(b); });
    return b;
  }
  function openMenu(btn) {
    closeMenu(false);
    opener = btn;
    var cite = pd("prefix") + btn.getAttribute("data-c"), eid = ownId(btn);
    var link = location.href.split("#")[0] + "#" + eid;
    menu = document.createElement("div");
    menu.className = "kb-menu";
    menu.setAttribute("role", "menu");
    menu.setAttribute("aria-label", btn.getAttribute("aria-label"));
    menu.appendChild(item("复制引用：" + cite, function (b) { copy(cite, b); setTimeout(function () { closeMenu(true); }, 600); }));
    menu.appendChild(item("复制本款链接", function (b) { copy(link, b); setTimeout(function () { closeMenu(true); }, 600); }));
    menu.appendChild(item("跳到本款", function () { closeMenu(false); location.hash = eid; }));
    document.body.appendChild(menu);
    var r = btn.getBoundingClientRect(), w = menu.offsetWidth, h = menu.offsetHeight;
    var vw = document.documentElement.clientWidth;
    menu.style.left = Math.max(8, Math.min(r.right + window.scrollX - w, window.scrollX + vw - w - 8)) + "px";
    var below = r.bottom + 4 + h <= window.innerHeight - 4;
    menu.style.top = (below ? r.bottom + window.scrollY + 4 : r.top + window.scrollY - 4 - h) + "px";
    btn.setAttribute("aria-expanded", "true");
    menu.querySelector("button").focus();
  }
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("button.kb-act");
    if (b) { e.preventDefault(); if (opener === b) closeMenu(true); else openMenu(b); return; }
    if (menu && !(e.target.closest && e.target.closest(".kb-menu"))) closeMenu(false);
  });
  document.addEventListener("keydown", function (e) {
    if (!menu) return;
    var items = Array.prototype.slice.call(menu.querySelectorAll("[role=menuitem]"));
    var i = items.indexOf(document.activeElement);
    if (e.key === "Escape") { e.preventDefault(); closeMenu(true); }
    else if (e.key === "ArrowDown") { e.preventDefault(); items[(i + 1) % items.length].focus(); }
    else if (e.key === "ArrowUp") { e.preventDefault(); items[(i - 1 + items.length) % items.length].focus(); }
    else if (e.key === "Tab") closeMenu(false);
  });

  /* material's search box is a dialog without a name */
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog && !dialog.getAttribute("aria-label")) dialog.setAttribute("aria-label", "检索条文");
  // the home page's library: filter the regulations by level, jurisdiction, validity and year
  function filterLibrary() {
    var sel = document.querySelectorAll("select[data-kb-filter]");
    var rows = document.querySelectorAll(".kb-lib-table tbody tr");
    var shown = {};     /* the laws shown: the excerpts of one law (民法典's 物权编, 合同编) are rows of one regulation */
    rows.forEach(function (tr) {
      var ok = true;
      sel.forEach(function (s) { if (s.value && tr.getAttribute("data-" + s.getAttribute("data-kb-filter")) !== s.value) ok = false; });
      tr.hidden = !ok;
      if (ok) shown[tr.getAttribute("data-law")] = true;
    });
    var c = document.querySelector(".kb-lib-count");
    if (c) c.textContent = "显示 " + Object.keys(shown).length + " 部";
  }
  document.addEventListener("change", function (e) {
    if (e.target.matches && e.target.matches("select[data-kb-filter]")) filterLibrary();
  });
})();
