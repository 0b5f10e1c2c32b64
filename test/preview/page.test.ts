/**
 * The preview page as HTML (no browser): what it draws of each payload, where findings go, the
 * menu's built-in items, hostile texts, and that the page can load nothing. The browser tests
 * (browser.test.ts) check the same page rendered.
 */
import { describe, expect, it } from "vitest";
import { preview } from "../../src/index.js";
import { GLYPH_COVERAGE } from "../../src/preview/glyphs.js";
import { pickText } from "../../src/preview/render.js";
import { readPreviewParams } from "../../src/lsp/preview.js";
import { previewMessagePage } from "../../src/preview/message-page.js";

/** The attribute values of the elements matching a simple `data-x="…"` pattern, in order. */
const attributeValues = (html: string, name: string) => [...html.matchAll(new RegExp(`${name}="([^"]*)"`, "g"))].map((m) => m[1]!);

const MISSED_CALL = `layout missedCall {
  icon call-incoming-missed
  header "Missed call" -> redirect "/crm/deal/details/123/" {
    status: tag failure "missed"
  }
  body {
    logo call-incoming
    client: withTitle "Client" inline { text "Müller GmbH" }
  }
  footer {
    about: button primary "About" scope web -> openRestApp { clientId: 456 }
    menu {
      showPostponeItem false
      confirm: item "Confirm" -> restEvent "confirm"
    }
  }
}
`;

describe("the page", () => {
  it("has a system glyph for every system icon and logo code of the model", () => {
    expect(GLYPH_COVERAGE).toEqual({ iconsWithout: [], logosWithout: [] });
  });

  it("draws a record's parts with their JSON paths, and the built-in menu items the server adds", () => {
    const html = preview(MISSED_CALL, { display: "call.b24layout", nonce: "n0" });
    expect(attributeValues(html, "data-path")).toEqual([
      "header/title",
      "header/tags/status",
      "header",
      "icon",
      "body/logo",
      "body/blocks/client/properties/block/properties/value",
      "body/blocks/client/properties/block",
      "body/blocks/client",
      "body",
      "footer/buttons/about",
      "footer/menu/items/confirm",
      "footer/menu",
      "footer",
      "",
    ].sort((a, b) => html.indexOf(`data-path="${a}"`) - html.indexOf(`data-path="${b}"`)));
    // showPostponeItem false; a layout alone is not known to be scheduled: Pin and Delete (Pin noted).
    expect(attributeValues(html, "data-built-in")).toEqual(["Pin", "Delete"]);
    expect(html).toContain('data-scope="web"');
    expect(html).toContain('data-action-type="openRestApp"');
  });

  it("marks a block's scope (in its properties, where the REST payload has it) for the platform switch", () => {
    const html = preview(`layout x { icon call; header "H"; body { logo call-incoming; web: text "Web only" scope web; mobile: largeText "Mobile only" scope mobile; both: text "Both" } }\n`);
    const scopeOf = (path: string) => new RegExp(`data-path="${path}" data-key="[^"]*" data-type="[^"]*"(?: data-scope="([a-z]+)")?`).exec(html)?.[1];
    expect(["body/blocks/web", "body/blocks/mobile", "body/blocks/both"].map(scopeOf)).toEqual(["web", "mobile", undefined]);
  });

  it("drops Pin while an activity is scheduled, and Postpone when it has no deadline", () => {
    const activity = (fields: string) => `activity a {
  ownerTypeId deal
  ownerId 1
  ${fields}
  layout { icon call; header "H"; body { text "t" } footer { menu { x: item "X" -> restEvent "x" } } }
}
`;
    expect(attributeValues(preview(activity('completed false\n  deadline "2025-03-03T10:00:00+01:00"')), "data-built-in")).toEqual(["Postpone", "Delete"]);
    expect(attributeValues(preview(activity("completed false")), "data-built-in")).toEqual(["Delete"]);
    expect(attributeValues(preview(activity("completed true")), "data-built-in")).toEqual(["Pin", "Delete"]);
    // Without a footer the record still has its "…" menu: the built-in items are on by default.
    const withoutFooter = (fields: string) => activity(fields).replace(/ footer \{[^\n]*\} \} \}/, " }");
    expect(withoutFooter("completed true")).not.toContain("footer");
    expect(attributeValues(preview(withoutFooter("completed true")), "data-built-in")).toEqual(["Pin", "Delete"]);
    expect(attributeValues(preview(`layout x { icon call; header "H"; body { logo call-incoming; text "t" } }\n`), "data-built-in")).toEqual(["Pin", "Postpone", "Delete"]);
  });

  it("notes the buttons and menu items hidden from users who cannot edit the record", () => {
    const html = preview(`layout x { icon call; header "H"; body { logo call-incoming; text "t" } footer { b: button primary "B" hideIfReadonly -> restEvent "b"; menu { a: item "A" hideIfReadonly -> restEvent "a"; c: item "C" -> restEvent "c" } } }\n`);
    const hidden = [...html.matchAll(/data-path="(footer\/[^"]+)" data-key="[^"]*"(?: data-scope="[a-z]+")? data-hide-if-readonly title="hidden from users who cannot edit the record"/g)].map((m) => m[1]);
    expect(hidden).toEqual(["footer/buttons/b", "footer/menu/items/a"]);
  });

  it("reads the menu's flags as the server casts a string (\"false\" and \"N\" hide the item)", () => {
    const html = preview(`layout x { icon call; header "H"; body { logo call-incoming; text "t" } footer { menu { showPinItem "false"; showDeleteItem "N"; showPostponeItem "Y" } } }\n`);
    expect(attributeValues(html, "data-built-in")).toEqual(["Postpone"]);
  });

  it("draws a deadline block as Bitrix24 does: not for an activity without a deadline, read-only once it is completed", () => {
    const activity = (fields: string) => `badge b warning { title "T"; value "V" }
activity a {
  ownerTypeId deal
  ownerId 1
  ${fields}
  layout { icon call; header "H"; body { logo call-incoming; due: withTitle "Due" { deadline } } }
}
`;
    const deadlineOf = (html: string, kind = "activity") => /<span class="(b24-deadline[^"]*)"[^>]*>(?:<svg[\s\S]*?<\/svg>)?([^<]*)<\/span>/.exec(html.slice(html.indexOf(`data-kind="${kind}"`)))?.slice(1);
    expect(deadlineOf(preview(activity('completed false\n  deadline "2025-03-03T10:00:00+01:00"')))).toEqual(["b24-deadline b24-deadline--editable", "2025-03-03T10:00:00+01:00"]);
    expect(deadlineOf(preview(activity('completed true\n  deadline "2025-03-03T10:00:00+01:00"')))).toEqual(["b24-deadline", "2025-03-03T10:00:00+01:00"]);
    expect(deadlineOf(preview(activity("completed false")))).toEqual(["b24-deadline b24-deadline--absent", "not shown: the activity has no deadline"]);
    // A layout on its own: the activity it will belong to is not known.
    expect(deadlineOf(preview(`layout l { icon call; header "H"; body { logo call-incoming; deadline } }\n`), "layout")).toEqual(["b24-deadline b24-deadline--editable", "the activity&#39;s deadline"]);
  });

  it("shows an open activity's badge on the kanban card, and says a completed activity's badge is removed", () => {
    const source = (completed: string) => `badge b warning { title "Status"; value "Open" }
activity a { ownerTypeId deal; ownerId 1; completed ${completed}; badgeCode b; layout { icon call; header "H"; body { logo call-incoming; text "t" } } }
`;
    const activityPart = (html: string) => html.slice(html.indexOf('data-kind="activity"'));
    expect(activityPart(preview(source("false")))).toMatch(/class="b24-badge b24-badge--warning" data-code="b"/);
    const completed = activityPart(preview(source("true")));
    expect(completed).not.toContain('class="b24-badge');
    // The checker's warning (badge-on-completed) outlines the note.
    expect(completed).toMatch(/<div class="pv-missing b24-problem b24-problem--warning" data-path="fields\/badgeCode" data-finding="1"[^>]*>The badge 'b' is not shown: Bitrix24 removes a badge when its activity is completed\./);
  });

  it("outlines the element a finding is in, numbers it, and says at the top that Bitrix24 would reject the payload", () => {
    const html = preview(MISSED_CALL.replace("tag failure", "tag wrongtype"), { display: "bad.b24layout" });
    expect(html).toMatch(/class="b24-tag b24-tag--secondary b24-problem b24-problem--error" data-path="header\/tags\/status" data-finding="1"/);
    expect(html).toContain("Bitrix24 would reject this payload");
    expect(html).toMatch(/<li class="pv-sev--error" data-rule="enum-value"><sup class="b24-mark b24-mark--error">1<\/sup> 4:17 error enum-value: &#39;wrongtype&#39; is not a valid &#39;type&#39; for a tag/);
  });

  it("has no banner for a clean file, and a warning outlines without one", () => {
    const html = preview(MISSED_CALL.replace("icon call-incoming-missed", "icon my-portal-icon"));
    expect(html).not.toContain("would reject");
    expect(html).toMatch(/class="b24-icon b24-icon--unknown b24-problem b24-problem--warning" data-path="icon"/);
    // A code without a glyph: a placeholder naming it.
    expect(html).toMatch(/<span class="b24-unknown-code"[^>]*>my-portal-icon<\/span>/);
  });

  it("escapes hostile texts, and no payload ends its JSON script early", () => {
    const html = preview(`layout x { icon call; header "</script><img src=x onerror=alert(1)>"; body { text "a\\"b' & <b>" } }\n`);
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("\\u003c/script>\\u003cimg");
    expect(html.match(/<script/g)!.length).toBe(html.match(/<\/script>/g)!.length);
  });

  it("loads nothing: a CSP of 'none' but its own style and script, and no URL to fetch", () => {
    const html = preview(MISSED_CALL, { nonce: "abc123" });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!.replace(/&#39;/g, "'");
    expect(csp).toBe("default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123'; img-src data:; base-uri 'none'; form-action 'none'");
    expect(html).not.toMatch(/\b(?:src|href)=/);
    expect(html).not.toMatch(/url\(|@import/);
    expect(html).not.toMatch(/style="/);
  });

  it("shows each set of template values side by side, and a template without values says what it needs", () => {
    const source = `layout greet(name: string, vip: bool = false) { icon call; header "Hello \${name}"; body { logo call-incoming; text "x" } }\n`;
    expect(preview(source)).toContain("give values for 'name' with --params");
    const html = preview(source, { paramSets: [{ name: "anna", values: { greet: { name: "Anna" } } }, { name: "bob", values: { greet: { name: "Bob", vip: true } } }] });
    expect(attributeValues(html, "data-set")).toEqual(["anna", "bob"]);
    expect(html.indexOf("Hello Anna")).toBeLessThan(html.indexOf("Hello Bob"));
  });

  it("offers every language of the texts, English first and chosen by default", () => {
    const html = preview(`layout x { icon call; header { de: "Hallo", fr: "Salut" }; body { text { en: "Hi", de: "Hallo" } } }\n`);
    expect([...html.matchAll(/<option value="([a-z]+)"/g)].map((m) => m[1]).slice(0, 3)).toEqual(["en", "de", "fr"]);
    // The title has no English text: it falls back to its first entry, marked.
    expect(html).toMatch(/<span class="b24-i18n b24-fallback" title="No &#39;en&#39; text: shown in &#39;de&#39;"[^>]*>Hallo<\/span>/);
    expect(pickText({ de: "Hallo", en: "Hi" }, "fr")).toEqual({ text: "Hi", shown: "en" });
    expect(pickText({ de: "Hallo", en: "Hi" }, "de")).toEqual({ text: "Hallo", shown: "de" });
  });
});

describe("the b24layout/preview request's params", () => {
  it("takes the document and the switches, and drops what could widen the CSP", () => {
    expect(readPreviewParams({ textDocument: { uri: "file:///a.b24layout" }, language: "de", platform: "mobile", theme: "dark", cspSources: ["https://*.vscode-cdn.net", "x; script-src *", "'unsafe-inline'"] })).toEqual({
      textDocument: { uri: "file:///a.b24layout" },
      language: "de",
      platform: "mobile",
      theme: "dark",
      cspSources: ["https://*.vscode-cdn.net"],
    });
    expect(readPreviewParams({ textDocument: { uri: 1 } })).toBeUndefined();
    expect(readPreviewParams(null)).toBeUndefined();
    expect(readPreviewParams({ textDocument: { uri: "u" }, language: "de\"><script>", platform: "tv" })).toEqual({ textDocument: { uri: "u" } });
  });
});

describe("the page an editor shows when there is no preview to show", () => {
  it("says why, escaped, under a CSP that allows nothing", () => {
    const html = previewMessagePage(`The preview cannot be drawn: <script>alert("x")</script>`);
    expect(html).toContain("The preview cannot be drawn: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`);
    expect(html).not.toMatch(/<script/);
  });
});
