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
    var text = a.getAttribute(note ? "data-note" : "data-def");
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
    var cite = btn.getAttribute("data-cite"), eid = btn.getAttribute("data-eid");
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
    var shown = 0;
    rows.forEach(function (tr) {
      var ok = true;
      sel.forEach(function (s) { if (s.value && tr.getAttribute("data-" + s.getAttribute("data-kb-filter")) !== s.value) ok = false; });
      tr.hidden = !ok;
      if (ok) shown++;
    });
    var c = document.querySelector(".kb-lib-count");
    if (c) c.textContent = "显示 " + shown + " 部";
  }
  document.addEventListener("change", function (e) {
    if (e.target.matches && e.target.matches("select[data-kb-filter]")) filterLibrary();
  });
})();
