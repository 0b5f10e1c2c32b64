/**
 * The page's own script, inlined (with the CSP nonce) so the page loads nothing: the switches
 * (language, platform, theme — from the toolbar, the URL query `?lang=de&platform=mobile&theme=dark`,
 * or the VS Code webview's saved state, which also keeps the scroll position), the "…" menus and
 * "more", the action popup that says what Bitrix24 would do instead of navigating, "copy JSON",
 * and with `--serve` the reload on save.
 * Plain ES2017 in a string: it runs in the browser, not in Node.
 */
export const PREVIEW_SCRIPT = String.raw`
(function () {
  "use strict";
  var body = document.body;
  var vscode = typeof acquireVsCodeApi === "function" ? acquireVsCodeApi() : undefined;
  var descriptions = JSON.parse(document.getElementById("pv-actions").textContent || "{}");
  var KEYS = { lang: "language", platform: "platform", theme: "theme" };

  function state() {
    return { lang: body.getAttribute("data-language"), platform: body.getAttribute("data-platform"), theme: body.getAttribute("data-theme") };
  }

  function pick(map, language) {
    if (Object.prototype.hasOwnProperty.call(map, language) && typeof map[language] === "string") return [map[language], language];
    if (Object.prototype.hasOwnProperty.call(map, "en") && typeof map.en === "string") return [map.en, "en"];
    var first = Object.keys(map)[0];
    return first === undefined ? ["", undefined] : [String(map[first]), first];
  }

  function setText(el, text, multiline) {
    el.textContent = "";
    var lines = multiline ? text.split(/\r?\n/) : [text];
    lines.forEach(function (line, i) {
      if (i > 0) el.appendChild(document.createElement("br"));
      el.appendChild(document.createTextNode(line));
    });
  }

  function applyLanguage(language) {
    var spans = document.querySelectorAll(".b24-i18n");
    for (var i = 0; i < spans.length; i++) {
      var el = spans[i];
      var shown = pick(JSON.parse(el.getAttribute("data-texts") || "{}"), language);
      var mark = el.querySelector(".b24-mark");
      setText(el, shown[0], el.hasAttribute("data-multiline"));
      if (mark) el.appendChild(mark);
      var fallback = shown[1] !== language;
      el.classList.toggle("b24-fallback", fallback);
      if (fallback) el.setAttribute("title", "No '" + language + "' text: shown in '" + shown[1] + "'");
      else el.removeAttribute("title");
    }
    var titled = document.querySelectorAll("[data-title-texts]");
    for (var j = 0; j < titled.length; j++) titled[j].setAttribute("title", pick(JSON.parse(titled[j].getAttribute("data-title-texts") || "{}"), language)[0]);
    showMoreWhereCut();
  }

  // "more" only under a large text its collapsed height cuts, as the web client does (the text of another language may be shorter).
  // Written, read, then written again, each for all texts at once: one layout, not one per text.
  function showMoreWhereCut() {
    var larges = document.querySelectorAll(".b24-large-text");
    var found = [];
    for (var i = 0; i < larges.length; i++) {
      var more = larges[i].nextElementSibling;
      if (!more || !more.classList.contains("b24-more")) continue;
      found.push({ large: larges[i], more: more, open: !larges[i].classList.contains("b24-collapsed"), cut: false });
      larges[i].classList.add("b24-collapsed");
    }
    for (var j = 0; j < found.length; j++) found[j].cut = found[j].large.scrollHeight > found[j].large.clientHeight + 1;
    for (var k = 0; k < found.length; k++) {
      found[k].more.hidden = !found[k].cut;
      if (found[k].open && found[k].cut) found[k].large.classList.remove("b24-collapsed");
    }
  }

  function apply(next, remember) {
    var options = { lang: document.getElementById("pv-lang"), platform: document.getElementById("pv-platform"), theme: document.getElementById("pv-theme") };
    Object.keys(KEYS).forEach(function (key) {
      var value = next[key];
      var select = options[key];
      if (!value || !select) return;
      var allowed = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      if (!allowed) return;
      select.value = value;
      body.setAttribute("data-" + KEYS[key], value);
    });
    applyLanguage(body.getAttribute("data-language"));
    if (!remember) return;
    saveState();
    try {
      var query = new URLSearchParams(location.search);
      var current = state();
      Object.keys(KEYS).forEach(function (key) { query.set(key, current[key]); });
      history.replaceState(null, "", "?" + query.toString() + location.hash);
    } catch (e) { /* a page without a history (some webviews) keeps its state in the toolbar only */ }
  }

  // In a webview the host keeps the state: the editor sends a new page as you type, which keeps the
  // switches and the scroll position through it.
  function saveState() {
    if (!vscode) return;
    var current = state();
    current.scrollY = window.scrollY;
    vscode.setState(current);
  }

  var initial = {};
  var saved = vscode ? vscode.getState() : undefined;
  if (saved) initial = saved;
  try {
    var query = new URLSearchParams(location.search);
    Object.keys(KEYS).forEach(function (key) { if (query.get(key)) initial[key] = query.get(key); });
  } catch (e) { /* no query */ }
  apply(initial, false);
  if (vscode) {
    if (saved && typeof saved.scrollY === "number") window.scrollTo(0, saved.scrollY);
    var scrolling;
    window.addEventListener("scroll", function () {
      clearTimeout(scrolling);
      scrolling = setTimeout(saveState, 50);
    });
  }

  ["pv-lang", "pv-platform", "pv-theme"].forEach(function (id) {
    var select = document.getElementById(id);
    if (!select) return;
    select.addEventListener("change", function () {
      var next = {};
      next[id.slice(3)] = select.value;
      apply(next, true);
    });
  });

  var popup;
  function show(title, lines, detail) {
    if (popup) popup.remove();
    popup = document.createElement("div");
    popup.className = "pv-popup";
    popup.setAttribute("role", "status");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "\u00d7";
    close.addEventListener("click", function () { popup.remove(); popup = undefined; });
    popup.appendChild(close);
    var strong = document.createElement("strong");
    strong.textContent = title;
    popup.appendChild(strong);
    lines.forEach(function (line) {
      var div = document.createElement("div");
      div.textContent = line;
      popup.appendChild(div);
    });
    if (detail !== undefined) {
      var pre = document.createElement("pre");
      pre.textContent = detail;
      popup.appendChild(pre);
    }
    body.appendChild(popup);
  }

  function describe(action) {
    var type = String(action.type);
    var lines = [];
    var detail;
    // Where Bitrix24 opens it (spec 4.12): a link with a domain in a new tab, a relative one in the portal.
    if (type === "redirect") lines.push("Opens " + action.uri + (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(String(action.uri)) ? " in a new tab" : " in the portal: a Bitrix24 object's page in a slider, another page in place"));
    else if (type === "restEvent") {
      lines.push("Sends onCrmTimelineItemAction to the app with id '" + action.id + "'");
      if (action.actionParams !== undefined) detail = "actionParams " + JSON.stringify(action.actionParams, null, 2);
    } else if (type === "openRestApp") {
      lines.push("Opens the app's slider");
      if (action.actionParams !== undefined) detail = "actionParams " + JSON.stringify(action.actionParams, null, 2);
      if (action.sliderParams !== undefined) detail = (detail ? detail + "\n" : "") + "sliderParams " + JSON.stringify(action.sliderParams, null, 2);
      if (body.getAttribute("data-platform") === "mobile") lines.push("Not in the mobile app: nothing happens there.");
    }
    if (action.animationType === "loader") lines.push("While the app answers, the record is locked with a loader.");
    if (action.animationType === "disable") lines.push("While the app answers, the button is disabled.");
    if (descriptions[type]) lines.push(descriptions[type]);
    show("Bitrix24 would: " + type, lines, detail);
  }

  function copy(text, button) {
    function done(ok) {
      var label = button.textContent;
      button.textContent = ok ? "Copied" : "Copy failed";
      setTimeout(function () { button.textContent = label; }, 1200);
    }
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      done(ok);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    else fallback();
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var toggle = target.closest(".b24-menu__toggle");
    if (toggle) {
      var list = toggle.parentElement.querySelector(".b24-menu__list");
      list.hidden = !list.hidden;
      toggle.setAttribute("aria-expanded", String(!list.hidden));
      return;
    }
    var more = target.closest(".b24-more");
    if (more) {
      var large = more.previousElementSibling;
      large.classList.toggle("b24-collapsed");
      more.textContent = large.classList.contains("b24-collapsed") ? "more" : "less";
      return;
    }
    var copyButton = target.closest(".pv-copy");
    if (copyButton) {
      copy(document.getElementById(copyButton.getAttribute("data-json")).textContent, copyButton);
      return;
    }
    var builtIn = target.closest("[data-built-in]");
    if (builtIn) {
      show("Bitrix24 would: " + builtIn.getAttribute("data-built-in"), [builtIn.getAttribute("title") || "A built-in item."]);
      return;
    }
    var acting = target.closest("[data-action]");
    if (acting) {
      event.preventDefault();
      describe(JSON.parse(acting.getAttribute("data-action")));
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    var target = event.target instanceof Element ? event.target.closest("[data-action]") : null;
    if (target && target.tagName !== "BUTTON") { event.preventDefault(); target.click(); }
  });

  var live = body.getAttribute("data-live");
  if (live && typeof EventSource === "function") {
    var source = new EventSource(live);
    source.addEventListener("reload", function () { location.reload(); });
  }
})();
`;
