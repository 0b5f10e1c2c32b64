#!/usr/bin/env node
/**
 * Deterministic benchmark corpus: 1,000 realistic LayoutDto layouts, each written both as
 * `.b24layout` source (bench/corpus/src/NNNN.b24layout) and as the JSON the compiler must emit
 * for it (bench/corpus/json/NNNN.json), plus one ~2,000-line file of many layouts
 * (bench/corpus/large.b24layout) for the diagnostics-latency measurement.
 *
 * The generator builds the source text and the expected JSON side by side, from the same random
 * choices, and then compiles every source with the library: any error diagnostic or any output
 * that is not deep-equal to the expected JSON aborts the run (exit 1).
 *
 * Usage: node bench/generate.mjs [--count N] [--seed S] [--lib path/to/index.mjs] [--out dir]
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isDeepStrictEqual, parseArgs } from "node:util";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");

export const DEFAULT_SEED = 0x5eed2024;
export const DEFAULT_COUNT = 1000;
export const LARGE_FILE_LINES = 2000;

// ---------------------------------------------------------------------------------------------
// Vocabulary. Icon and logo codes are the system code lists of the model (src/model/codes.ts,
// spec §10); they are read from the source file so the corpus follows the model.

function readCodeList(name) {
  const text = readFileSync(join(root, "src/model/codes.ts"), "utf8");
  const m = new RegExp(`export const ${name}[^=]*=\\s*\\[([\\s\\S]*?)\\];`).exec(text);
  if (!m) throw new Error(`bench/generate: cannot find ${name} in src/model/codes.ts`);
  const codes = [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]);
  if (codes.length < 10) throw new Error(`bench/generate: ${name} looks wrong (${codes.length} codes)`);
  return codes;
}

const ICON_CODES = readCodeList("SYSTEM_ICON_CODES");
const LOGO_CODES = readCodeList("SYSTEM_LOGO_CODES");

/** Phrases with translations; `id` doubles as the translation key. */
const PHRASES = [
  { id: "incomingCall", en: "Incoming call", de: "Eingehender Anruf", ru: "Входящий звонок", fr: "Appel entrant" },
  { id: "outgoingCall", en: "Outgoing call", de: "Ausgehender Anruf", ru: "Исходящий звонок", fr: "Appel sortant" },
  { id: "missedCall", en: "Missed call", de: "Verpasster Anruf", ru: "Пропущенный звонок", fr: "Appel manqué" },
  { id: "client", en: "Client", de: "Kunde", ru: "Клиент", fr: "Client" },
  { id: "responsible", en: "Responsible", de: "Verantwortlich", ru: "Ответственный", fr: "Responsable" },
  { id: "deadline", en: "Deadline", de: "Frist", ru: "Крайний срок", fr: "Échéance" },
  { id: "meeting", en: "Meeting with the client", de: "Termin mit dem Kunden", ru: "Встреча с клиентом", fr: "Rendez-vous client" },
  { id: "invoiceSent", en: "Invoice sent", de: "Rechnung versendet", ru: "Счёт отправлен", fr: "Facture envoyée" },
  { id: "paymentReceived", en: "Payment received", de: "Zahlung erhalten", ru: "Оплата получена", fr: "Paiement reçu" },
  { id: "delivery", en: "Delivery scheduled", de: "Lieferung geplant", ru: "Доставка запланирована", fr: "Livraison prévue" },
  { id: "newOrder", en: "New order", de: "Neue Bestellung", ru: "Новый заказ", fr: "Nouvelle commande" },
  { id: "confirm", en: "Confirm", de: "Bestätigen", ru: "Подтвердить", fr: "Confirmer" },
  { id: "reject", en: "Reject", de: "Ablehnen", ru: "Отклонить", fr: "Refuser" },
  { id: "callBack", en: "Call back", de: "Zurückrufen", ru: "Перезвонить", fr: "Rappeler" },
  { id: "openCard", en: "Open card", de: "Karte öffnen", ru: "Открыть карточку", fr: "Ouvrir la fiche" },
  { id: "aboutClient", en: "About the client", de: "Über den Kunden", ru: "О клиенте", fr: "À propos du client" },
  { id: "notDeciphered", en: "Not deciphered", de: "Nicht entschlüsselt", ru: "Не расшифрован", fr: "Non déchiffré" },
  { id: "urgent", en: "Urgent", de: "Dringend", ru: "Срочно", fr: "Urgent" },
  { id: "paid", en: "Paid", de: "Bezahlt", ru: "Оплачено", fr: "Payé" },
  { id: "overdue", en: "Overdue", de: "Überfällig", ru: "Просрочено", fr: "En retard" },
  { id: "status", en: "Status", de: "Status", ru: "Статус", fr: "Statut" },
  { id: "amount", en: "Amount", de: "Betrag", ru: "Сумма", fr: "Montant" },
  { id: "comment", en: "Comment", de: "Kommentar", ru: "Комментарий", fr: "Commentaire" },
  { id: "phone", en: "Phone", de: "Telefon", ru: "Телефон", fr: "Téléphone" },
  { id: "email", en: "E-mail", de: "E-Mail", ru: "Эл. почта", fr: "E-mail" },
  { id: "reschedule", en: "Reschedule", de: "Verschieben", ru: "Перенести", fr: "Reporter" },
  { id: "recording", en: "Call recording", de: "Gesprächsaufzeichnung", ru: "Запись разговора", fr: "Enregistrement" },
  { id: "signed", en: "Document signed", de: "Dokument unterschrieben", ru: "Документ подписан", fr: "Document signé" },
];

const PEOPLE = ["Sergey Vostrikov", "Anna Müller", "John O'Neil", "Marie Dubois", "Олег Петров", "Li Wei", "José Álvarez", "Fatma Yılmaz"];
const COMPANIES = ["Ltd. Horns and Hooves", "Acme GmbH", "ООО «Ромашка»", "Globex S.A.", "Initech", "Umbrella Corp.", "Müller & Söhne KG"];
const SENTENCES = [
  "The client asked to call back after lunch.",
  "Discussed the contract terms; waiting for the signed copy.",
  "Order will ship from the main warehouse.",
  "Клиент просил перезвонить завтра утром.",
  "Der Kunde wünscht ein neues Angebot.",
  "Payment terms: 50% upfront, the rest on delivery.",
  "Price list v2 attached — see \"Specials\" tab.",
  "Path on the share: C:\\Reports\\2024\\Q3.xlsx",
  "Tab\tseparated\tvalues",
];
const EVENT_IDS = ["confirm", "reject", "callBack", "reschedule", "open-record", "markPaid", "resendInvoice", "startCall"];
const LABEL_WORDS = [
  "client", "phone", "email", "responsible", "status", "amount", "comment", "deadline", "summary", "details",
  "record", "order", "invoice", "contact", "company", "note", "source", "stage", "due", "info", "main-line", "extra_1",
];
const PARAM_KEYS = ["activityId", "clientId", "dealId", "mode", "force", "note", "amount", "step", "lang", "ref"];
const TAG_TYPES = ["warning", "success", "failure", "primary", "secondary"];
const BUTTON_TYPES = ["primary", "secondary"];
const SIZES = ["xs", "sm", "md"];
const COLORS = ["base_50", "base_60", "base_70", "base_90"];
const SCOPES = ["web", "mobile"];
const LANGUAGE_SETS = [["en", "de"], ["en", "ru"], ["en", "de", "fr"], ["de", "en"], ["en", "fr"], ["ru", "en", "de"]];
const NAME_PREFIXES = ["incomingCall", "outgoingCall", "meeting", "invoice", "delivery", "order", "payment", "task", "visit", "docSigned"];

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32).

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  chance(p) {
    return this.next() < p;
  }
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  /** Picks by weight: `[[weight, value], …]`. */
  weighted(pairs) {
    const total = pairs.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, v] of pairs) {
      if ((r -= w) < 0) return v;
    }
    return pairs[pairs.length - 1][1];
  }
}

// ---------------------------------------------------------------------------------------------
// Source rendering helpers.

/** A `"…"` literal for `value`; with `escapeUnicode`, non-ASCII characters are written as escapes. */
function quote(value, escapeUnicode) {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (escapeUnicode && cp > 0x7e) out += cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

function renderScalar(value, r) {
  if (typeof value === "string") return quote(value, r.chance(0.1));
  return String(value);
}

/** `{ k: v, … }` */
function renderMap(obj, r) {
  const parts = Object.entries(obj).map(([k, v]) => `${k}: ${renderScalar(v, r)}`);
  return `{ ${parts.join(", ")} }`;
}

/**
 * A statement under construction: `[label:] head… [-> action] [{ body }]`. `body` holds child
 * statements; `inline` asks for `{ a; b }` on one line.
 */
function stmt(head, { label, action, body, inline = false, actionOnNextLine = false, comment } = {}) {
  return { head, label, action, body, inline, actionOnNextLine, comment };
}

function renderStatements(list, indent, out) {
  for (const s of list) renderStatement(s, indent, out);
}

function renderStatement(s, indent, out) {
  const pad = "  ".repeat(indent);
  let first = `${pad}${s.label ? `${s.label}: ` : ""}${s.head}`;
  const lines = [];
  if (s.action !== undefined) {
    if (s.actionOnNextLine) {
      lines.push(first);
      first = `${pad}    -> ${s.action}`;
    } else {
      first += ` -> ${s.action}`;
    }
  }
  if (s.body === undefined) {
    lines.push(first + (s.comment ? `  // ${s.comment}` : ""));
    out.push(...lines);
    return;
  }
  const canInline = s.body.every((c) => c.body === undefined && !c.actionOnNextLine && !c.comment && !c.head.includes("\n"));
  if (s.body.length === 0) {
    lines.push(`${first} {}`);
    out.push(...lines);
  } else if (s.inline && canInline) {
    const inner = s.body.map((c) => `${c.label ? `${c.label}: ` : ""}${c.head}${c.action !== undefined ? ` -> ${c.action}` : ""}`);
    lines.push(`${first} { ${inner.join("; ")} }` + (s.comment ? `  // ${s.comment}` : ""));
    out.push(...lines);
  } else {
    lines.push(`${first} {` + (s.comment ? `  // ${s.comment}` : ""));
    out.push(...lines);
    renderStatements(s.body, indent + 1, out);
    out.push(`${pad}}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The generator of one file (one or more layouts sharing one `translations` block).

class FileGenerator {
  constructor(r) {
    this.r = r;
    this.languages = r.pick(LANGUAGE_SETS);
    /** Translation keys used, in first-use order. */
    this.keys = [];
    this.useRefs = r.chance(0.35);
  }

  phraseText(p, lang) {
    return p[lang];
  }

  /** A free-form English-ish string for a text value. */
  freeString() {
    const r = this.r;
    return r.weighted([
      [3, () => r.pick(PHRASES).en],
      [2, () => r.pick(PEOPLE)],
      [2, () => r.pick(COMPANIES)],
      [2, () => `+${r.int(1, 49)} ${r.int(100, 999)} ${r.int(100, 999)} ${r.int(1000, 9999)}`],
      [2, () => `${r.int(1, 99)} ${r.int(100, 999)},${String(r.int(0, 99)).padStart(2, "0")} ${r.pick(["€", "$", "₽", "USD"])}`],
      [2, () => `Invoice #${r.int(1000, 99999)} from ${r.int(1, 28)}.${r.int(1, 12)}.2025`],
      [3, () => r.pick(SENTENCES)],
      [1, () => `${r.pick(PEOPLE)} <${r.pick(["sales", "info", "office"])}@example.com>`],
    ])();
  }

  /**
   * A textWithTranslation value: a plain string, an inline language map, or a `@key` reference
   * into the file's translations block. Returns `{ src, json }`.
   */
  text({ allowMap = true } = {}) {
    const r = this.r;
    const mode = !allowMap ? "plain" : r.weighted([[62, "plain"], [20, "map"], [this.useRefs ? 18 : 0, "ref"]]);
    if (mode === "plain") {
      const value = this.freeString();
      return { src: quote(value, r.chance(0.1)), json: value };
    }
    const p = r.pick(PHRASES);
    if (mode === "ref") {
      if (!this.keys.includes(p.id)) this.keys.push(p.id);
      return { src: `@${p.id}`, json: Object.fromEntries(this.languages.map((l) => [l, p[l]])) };
    }
    const langs = r.chance(0.7) ? this.languages : r.pick(LANGUAGE_SETS);
    const json = Object.fromEntries(langs.map((l) => [l, p[l]]));
    const parts = langs.map((l) => `${l}: ${quote(p[l], r.chance(0.1))}`);
    return { src: `{ ${parts.join(", ")} }`, json };
  }

  scalarValue() {
    const r = this.r;
    return r.weighted([
      [4, () => r.int(1, 100000)],
      [3, () => r.pick(["full", "short", "edit", "view", "Привет", "a b"])],
      [1, () => r.chance(0.5)],
      [1, () => r.int(-50, 50) / 4],
    ])();
  }

  params(min, max) {
    const r = this.r;
    const n = r.int(min, max);
    const out = {};
    for (let i = 0; i < n; i++) {
      let k = r.pick(PARAM_KEYS);
      while (k in out) k = PARAM_KEYS[(PARAM_KEYS.indexOf(k) + 1) % PARAM_KEYS.length];
      out[k] = this.scalarValue();
    }
    return out;
  }

  /**
   * An action: `{ src, json }` where src is the text after `->`. `animationType disable` only
   * affects footer buttons, so other actions get `loader` (the checker warns otherwise).
   */
  action({ footerButton = false } = {}) {
    const r = this.r;
    const type = r.weighted([[45, "redirect"], [35, "restEvent"], [20, "openRestApp"]]);
    if (type === "redirect") {
      const uri = r.weighted([
        [4, () => `/crm/${r.pick(["deal", "lead", "contact", "company"])}/details/${r.int(1, 99999)}/`],
        [2, () => `https://example.com/orders/${r.int(1, 99999)}?ref=b24&lang=${r.pick(["en", "de"])}`],
        [1, () => `/company/personal/user/${r.int(1, 500)}/`],
        [1, () => `/crm/type/${r.int(128, 200)}/details/${r.int(1, 999)}/`],
      ])();
      return { src: `redirect ${quote(uri, false)}`, json: { type, uri } };
    }
    if (type === "restEvent") {
      const id = r.chance(0.8) ? r.pick(EVENT_IDS) : `sync_${r.int(1, 999)}`;
      const json = { type, id };
      const parts = [`restEvent ${quote(id, false)}`];
      const params = r.chance(0.4) ? this.params(1, 4) : undefined;
      const animation = r.chance(0.4) ? (footerButton ? r.pick(["loader", "disable"]) : "loader") : undefined;
      if (params) json.actionParams = params;
      if (animation) json.animationType = animation;
      const extra = [];
      if (params) extra.push(`actionParams ${renderMap(params, r)}`);
      if (animation) extra.push(animation);
      if (r.chance(0.5)) extra.reverse();
      return { src: [...parts, ...extra].join(" "), json };
    }
    const json = { type };
    const parts = ["openRestApp"];
    if (r.chance(0.6)) {
      json.actionParams = this.params(1, 5);
      parts.push(renderMap(json.actionParams, r));
    }
    if (r.chance(0.5)) {
      const slider = r.chance(0.7) ? { width: r.pick([500, 700, 900, 1200]) } : { leftBoundary: r.pick([0, 100, 300]) };
      if (r.chance(0.3)) slider.title = r.pick(["Client details", "Order", "Настройки", "Documents"]);
      json.sliderParams = slider;
      parts.push(`sliderParams ${renderMap(slider, r)}`);
    }
    return { src: parts.join(" "), json };
  }

  /** A scope for an element with `act`: openRestApp does nothing in the mobile app, so `web` then. */
  scopeFor(act) {
    return act.json.type === "openRestApp" ? "web" : this.r.pick(SCOPES);
  }

  /** Attaches an action to a statement, sometimes on a continuation line. */
  withAction(s, act) {
    s.action = act.src;
    s.actionOnNextLine = this.r.chance(0.2);
    return s;
  }

  /** Unique labels for a collection: returns a function giving a label or undefined. */
  labeler(probability) {
    const used = new Set();
    return () => {
      if (!this.r.chance(probability)) return undefined;
      for (let i = 0; i < 5; i++) {
        const w = this.r.pick(LABEL_WORDS);
        if (!used.has(w)) {
          used.add(w);
          return w;
        }
      }
      return undefined;
    };
  }

  /** Fills a collection from `make()` results ({ stmt, json }) with labels or generated keys. */
  collection(count, prefix, labelProbability, make) {
    const label = this.labeler(labelProbability);
    const statements = [];
    const json = {};
    for (let i = 1; i <= count; i++) {
      const item = make();
      const l = label();
      item.stmt.label = l;
      statements.push(item.stmt);
      json[l ?? `${prefix}_${i}`] = item.json;
    }
    return { statements, json };
  }

  // ----- blocks -----

  textBlock() {
    const r = this.r;
    const multi = r.chance(0.1);
    let valueText;
    if (multi) {
      const v = `${this.freeString()}\n${this.freeString()}`;
      valueText = { src: quote(v, r.chance(0.1)), json: v };
    } else {
      valueText = this.text();
    }
    const props = { value: valueText.json };
    const head = [`text ${valueText.src}`];
    const body = [];
    const bold = r.chance(0.25) ? true : r.chance(0.05) ? false : undefined;
    const size = r.chance(0.25) ? r.pick(SIZES) : undefined;
    const color = r.chance(0.25) ? r.pick(COLORS) : undefined;
    const title = r.chance(0.1) ? this.text() : undefined;
    const scope = r.chance(0.08) ? r.pick(SCOPES) : undefined;
    if (multi) props.multiline = true;
    if (title) props.title = title.json;
    if (bold !== undefined) props.bold = bold;
    if (size) props.size = size;
    if (color) props.color = color;
    if (scope) props.scope = scope;
    if (multi) head.push("multiline");
    if (bold === true) head.push(r.chance(0.8) ? "bold" : "bold true");
    if (bold === false) body.push(stmt("bold false"));
    if (size) head.push(r.chance(0.7) ? `size ${size}` : size);
    if (color) head.push(r.chance(0.7) ? `color ${color}` : color);
    if (title) body.push(stmt(`title ${title.src}`));
    if (scope) body.push(stmt(`scope ${scope}`));
    const s = stmt(head.join(" "), body.length ? { body, inline: r.chance(0.6) } : {});
    return { stmt: s, json: { type: "text", properties: props } };
  }

  linkBlock() {
    const r = this.r;
    const t = this.text();
    const act = this.action();
    const props = { text: t.json, action: act.json };
    const head = [`link ${t.src}`];
    if (r.chance(0.25)) {
      props.bold = true;
      head.push("bold");
    }
    const body = [];
    if (r.chance(0.08)) {
      props.scope = this.scopeFor(act);
      body.push(stmt(`scope ${props.scope}`));
    }
    const s = this.withAction(stmt(head.join(" "), body.length ? { body, inline: true } : {}), act);
    return { stmt: s, json: { type: "link", properties: props } };
  }

  deadlineBlock() {
    const r = this.r;
    const form = r.weighted([[5, "bare"], [3, "head"], [1, "body"], [1, "scope"]]);
    if (form === "bare") return { stmt: stmt("deadline"), json: { type: "deadline" } };
    if (form === "head") {
      const ro = r.chance(0.5);
      return { stmt: stmt(`deadline readonly ${ro}`), json: { type: "deadline", properties: { readonly: ro } } };
    }
    if (form === "body") {
      const ro = r.chance(0.5);
      return { stmt: stmt("deadline", { body: [stmt(`readonly ${ro}`)], inline: true }), json: { type: "deadline", properties: { readonly: ro } } };
    }
    const scope = r.pick(SCOPES);
    return { stmt: stmt("deadline", { body: [stmt(`scope ${scope}`)], inline: true }), json: { type: "deadline", properties: { scope } } };
  }

  largeTextBlock() {
    const r = this.r;
    const n = r.int(2, 6);
    const lines = [];
    for (let i = 0; i < n; i++) lines.push(r.chance(0.15) && i > 0 && i < n - 1 ? "" : this.freeString().replace(/[\\\t]/g, " "));
    const value = lines.join("\n");
    const props = { value };
    let head;
    if (r.chance(0.6)) {
      // Triple-quoted; the indentation is added at render time through `\n` + marker.
      head = `largeText """\n${lines.map((l) => (l === "" ? "" : `\u0000${l}`)).join("\n")}\n\u0000"""`;
    } else {
      head = `largeText ${quote(value, r.chance(0.1))}`;
    }
    const body = [];
    if (r.chance(0.08)) {
      props.scope = r.pick(SCOPES);
      body.push(stmt(`scope ${props.scope}`));
    }
    return { stmt: stmt(head, body.length ? { body } : {}), json: { type: "largeText", properties: props } };
  }

  simpleBlock() {
    const kind = this.r.weighted([[55, "text"], [30, "link"], [15, "deadline"]]);
    if (kind === "text") return this.textBlock();
    if (kind === "link") return this.linkBlock();
    return this.deadlineBlock();
  }

  withTitleBlock() {
    const r = this.r;
    const t = this.text();
    const inner = this.simpleBlock();
    const props = { title: t.json, block: inner.json };
    const head = [`withTitle ${t.src}`];
    const body = [];
    const inline = r.chance(0.4) ? true : r.chance(0.1) ? false : undefined;
    if (inline === true) head.push("inline");
    if (inline === false) body.push(stmt("inline false"));
    if (inline !== undefined) props.inline = inline;
    if (r.chance(0.05)) {
      // `web` only: a mobile-only container must not hold an openRestApp link.
      props.scope = "web";
      body.push(stmt(`scope ${props.scope}`));
    }
    if (r.chance(0.5)) body.push(inner.stmt);
    else body.unshift(inner.stmt);
    return { stmt: stmt(head.join(" "), { body, inline: r.chance(0.5) }), json: { type: "withTitle", properties: props } };
  }

  lineOfBlocksBlock() {
    const r = this.r;
    const c = this.collection(r.int(1, 4), "block", 0.5, () => this.simpleBlock());
    const props = { blocks: c.json };
    const body = [...c.statements];
    if (r.chance(0.05)) {
      props.scope = "web";
      body.push(stmt(`scope ${props.scope}`));
    }
    return { stmt: stmt("lineOfBlocks", { body, inline: r.chance(0.3) }), json: { type: "lineOfBlocks", properties: props } };
  }

  block() {
    const kind = this.r.weighted([[30, "text"], [15, "link"], [20, "withTitle"], [12, "lineOfBlocks"], [10, "largeText"], [13, "deadline"]]);
    switch (kind) {
      case "text":
        return this.textBlock();
      case "link":
        return this.linkBlock();
      case "withTitle":
        return this.withTitleBlock();
      case "lineOfBlocks":
        return this.lineOfBlocksBlock();
      case "largeText":
        return this.largeTextBlock();
      default:
        return this.deadlineBlock();
    }
  }

  // ----- layout parts -----

  icon() {
    const r = this.r;
    const code = r.pick(ICON_CODES);
    const src = r.chance(0.85) ? `icon ${code}` : `icon ${quote(code, false)}`;
    return { stmt: stmt(src), json: { code } };
  }

  tag() {
    const r = this.r;
    const type = r.pick(TAG_TYPES);
    const t = r.chance(0.5) ? this.text() : (() => {
      const p = r.pick(PHRASES.filter((x) => ["urgent", "paid", "overdue", "notDeciphered", "status", "missedCall"].includes(x.id)));
      return { src: quote(p.en, false), json: p.en };
    })();
    const json = { title: t.json, type };
    const s = stmt(r.chance(0.8) ? `tag ${type} ${t.src}` : `tag ${t.src} ${type}`);
    if (r.chance(0.2)) {
      const act = this.action();
      json.action = act.json;
      this.withAction(s, act);
    }
    return { stmt: s, json };
  }

  header() {
    const r = this.r;
    const title = this.text();
    const json = { title: title.json };
    const act = r.chance(0.35) ? this.action() : undefined;
    if (act) json.titleAction = act.json;
    const tags = this.collection(r.int(0, 2), "tag", 0.5, () => this.tag());
    if (tags.statements.length) json.tags = tags.json;
    // `header { en: "…" }` alone is read as the header object written as a map (lower.ts), not as
    // a header whose title is a language map; such a header uses the body form.
    const mapOnly = !act && !tags.statements.length && title.src.startsWith("{");
    if (mapOnly || (!act && r.chance(0.15))) {
      // Body form: `header { title …; tag … }`.
      return { stmt: stmt("header", { body: [stmt(`title ${title.src}`), ...tags.statements] }), json };
    }
    const s = stmt(`header ${title.src}`, tags.statements.length ? { body: tags.statements } : {});
    if (act) this.withAction(s, act);
    return { stmt: s, json };
  }

  body() {
    const r = this.r;
    const code = r.pick(LOGO_CODES);
    const logoJson = { code };
    const logo = stmt(r.chance(0.9) ? `logo ${code}` : `logo ${quote(code, false)}`);
    if (r.chance(0.25)) {
      const act = this.action();
      logoJson.action = act.json;
      this.withAction(logo, act);
    }
    const blocks = this.collection(r.int(1, 8), "block", 0.6, () => this.block());
    for (const s of blocks.statements) if (r.chance(0.05)) s.comment = r.pick(["shown first", "TODO: translate", "from the CRM field"]);
    return { stmt: stmt("body", { body: [logo, ...blocks.statements] }), json: { logo: logoJson, blocks: blocks.json } };
  }

  button() {
    const r = this.r;
    const type = r.pick(BUTTON_TYPES);
    const t = this.text();
    const act = this.action({ footerButton: true });
    const json = { title: t.json, type, action: act.json };
    const body = [];
    if (r.chance(0.2)) {
      json.scope = this.scopeFor(act);
      body.push(stmt(`scope ${json.scope}`));
    }
    if (r.chance(0.2)) {
      json.hideIfReadonly = r.chance(0.8);
      body.push(stmt(`hideIfReadonly ${json.hideIfReadonly}`));
    }
    const s = stmt(r.chance(0.8) ? `button ${type} ${t.src}` : `button ${t.src} ${type}`, body.length ? { body, inline: r.chance(0.7) } : {});
    return { stmt: this.withAction(s, act), json };
  }

  menuItem() {
    const r = this.r;
    const t = this.text();
    const act = this.action();
    const json = { title: t.json, action: act.json };
    const body = [];
    if (r.chance(0.15)) {
      json.scope = this.scopeFor(act);
      body.push(stmt(`scope ${json.scope}`));
    }
    if (r.chance(0.15)) {
      json.hideIfReadonly = r.chance(0.8);
      body.push(stmt(`hideIfReadonly ${json.hideIfReadonly}`));
    }
    const s = stmt(`item ${t.src}`, body.length ? { body, inline: true } : {});
    return { stmt: this.withAction(s, act), json };
  }

  footer() {
    const r = this.r;
    const json = {};
    const body = [];
    const buttons = this.collection(r.int(0, 2), "button", 0.6, () => this.button());
    if (buttons.statements.length) {
      json.buttons = buttons.json;
      body.push(...buttons.statements);
    }
    if (r.chance(0.7) || !buttons.statements.length) {
      const menu = {};
      const menuBody = [];
      for (const flag of ["showPinItem", "showPostponeItem", "showDeleteItem"]) {
        if (r.chance(0.3)) {
          menu[flag] = r.chance(0.7) ? false : true;
          menuBody.push(stmt(`${flag} ${menu[flag]}`));
        }
      }
      const items = this.collection(r.int(0, 4), "item", 0.5, () => this.menuItem());
      if (items.statements.length) {
        menu.items = items.json;
        menuBody.push(...items.statements);
      }
      json.menu = menu;
      body.push(stmt("menu", { body: menuBody, inline: menuBody.length <= 2 && r.chance(0.5) }));
    }
    return { stmt: stmt("footer", { body }), json };
  }

  layout(name) {
    const r = this.r;
    const icon = this.icon();
    const header = this.header();
    const body = this.body();
    const json = { icon: icon.json, header: header.json, body: body.json };
    const statements = [icon.stmt, header.stmt, body.stmt];
    if (r.chance(0.85)) {
      const footer = this.footer();
      json.footer = footer.json;
      statements.push(footer.stmt);
    }
    // Field order of the DTO is fixed in the JSON; the source may write members in any order.
    if (r.chance(0.15)) statements.splice(0, 2, statements[1], statements[0]);
    return { stmt: stmt(`layout ${name}`, { body: statements }), json };
  }

  /** Renders the translations block for the keys used so far (empty when none). */
  translationsBlock() {
    if (!this.keys.length) return [];
    const byId = new Map(PHRASES.map((p) => [p.id, p]));
    const out = ["translations {"];
    const oneLine = this.r.chance(0.5);
    for (const l of this.languages) {
      if (oneLine) {
        out.push(`  ${l} { ${this.keys.map((k) => `${k} ${quote(byId.get(k)[l], false)}`).join("; ")} }`);
      } else {
        out.push(`  ${l} {`);
        for (const k of this.keys) out.push(`    ${k} ${quote(byId.get(k)[l], false)}`);
        out.push("  }");
      }
    }
    out.push("}");
    return out;
  }
}

/** Renders statements and resolves the triple-quote indentation markers. */
function renderFile(header, translations, layouts) {
  const out = [...header];
  if (translations.length) out.push(...translations, "");
  layouts.forEach((l, i) => {
    if (i > 0) out.push("");
    renderStatement(l, 0, out);
  });
  // A `"""` head renders as one entry with embedded newlines: indent its lines like the statement.
  const lines = [];
  for (const entry of out) {
    if (!entry.includes("\n")) {
      lines.push(entry);
      continue;
    }
    const [first, ...rest] = entry.split("\n");
    const indent = /^ */.exec(first)[0] + "  ";
    lines.push(first);
    for (const l of rest) lines.push(l.startsWith("\u0000") ? indent + l.slice(1) : l);
  }
  return `${lines.join("\n")}\n`;
}

/** One corpus file: a single layout. */
export function generateLayoutFile(seed, index) {
  const r = new Random(seed ^ Math.imul(index + 1, 0x9e3779b1));
  const g = new FileGenerator(r);
  const name = `${r.pick(NAME_PREFIXES)}${String(index).padStart(4, "0")}`;
  const layout = g.layout(name);
  const header = [`// Benchmark layout ${String(index).padStart(4, "0")} (generated by bench/generate.mjs, seed ${seed})`];
  if (r.chance(0.2)) header.push("/* A timeline record of a configurable activity. */");
  const text = renderFile(header, g.translationsBlock(), [layout.stmt]);
  return { name, text, json: layout.json };
}

/** The large file: layouts sharing one translations block until it has `lines` lines. */
export function generateLargeFile(seed, lines) {
  const r = new Random(seed ^ 0x1a2b3c4d);
  const g = new FileGenerator(r);
  g.useRefs = true;
  const layouts = [];
  let text = "";
  for (let i = 0; text.split("\n").length - 1 < lines; i++) {
    layouts.push({ name: `large${String(i).padStart(4, "0")}`, ...g.layout(`large${String(i).padStart(4, "0")}`) });
    text = renderFile(["// Large benchmark file (generated by bench/generate.mjs)"], g.translationsBlock(), layouts.map((l) => l.stmt));
  }
  return { text, layouts: layouts.map((l) => ({ name: l.name, json: l.json })) };
}

// ---------------------------------------------------------------------------------------------
// Self-check against the library.

function plain(v) {
  return JSON.parse(JSON.stringify(v));
}

/** Compiles `text`; returns a problem description or undefined. Counts order-only differences. */
function verify(compile, text, expected, label, stats) {
  const result = compile(text);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  const warnings = result.diagnostics.filter((d) => d.severity !== "error");
  if (warnings.length) {
    stats.filesWithWarnings++;
    for (const w of warnings) stats.warningRules.set(w.ruleId, (stats.warningRules.get(w.ruleId) ?? 0) + 1);
  }
  if (errors.length) {
    const d = errors[0];
    return `${label}: ${errors.length} error(s); first at ${d.range.start.line}:${d.range.start.column} [${d.ruleId}] ${d.message}`;
  }
  if (result.outputs.length !== expected.length) return `${label}: expected ${expected.length} output(s), got ${result.outputs.length}`;
  for (let i = 0; i < expected.length; i++) {
    const out = result.outputs[i];
    if (out.name !== expected[i].name) return `${label}: output ${i} is named '${out.name}', expected '${expected[i].name}'`;
    if (out.kind !== "layout") return `${label}: output ${i} has kind '${out.kind}', expected 'layout'`;
    const got = plain(out.value);
    if (!isDeepStrictEqual(got, expected[i].json)) {
      return `${label}: output '${out.name}' differs from the expected JSON\n--- expected\n${JSON.stringify(expected[i].json, null, 2)}\n--- got\n${JSON.stringify(got, null, 2)}`;
    }
    if (JSON.stringify(got) !== JSON.stringify(expected[i].json)) stats.keyOrderDiffs++;
  }
  return undefined;
}

export function generatorHash() {
  return createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url))).update(readFileSync(join(root, "src/model/codes.ts"))).digest("hex").slice(0, 16);
}

async function main() {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: String(DEFAULT_COUNT) },
      seed: { type: "string", default: String(DEFAULT_SEED) },
      lib: { type: "string", default: join(root, "dist/index.mjs") },
      out: { type: "string", default: join(here, "corpus") },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive integer, got '${values.count}'`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got '${values.seed}'`);
  const lib = await import(pathToFileURL(resolve(values.lib)).href);
  if (typeof lib.compile !== "function") throw new Error(`${values.lib} does not export compile()`);

  const out = resolve(values.out);
  // Only what this script writes is removed, whatever --out points at.
  for (const d of ["src", "json"]) rmSync(join(out, d), { recursive: true, force: true });
  for (const f of ["large.b24layout", "manifest.json"]) rmSync(join(out, f), { force: true });
  mkdirSync(join(out, "src"), { recursive: true });
  mkdirSync(join(out, "json"), { recursive: true });

  const stats = { filesWithWarnings: 0, warningRules: new Map(), keyOrderDiffs: 0 };
  const problems = [];
  let srcBytes = 0;
  let jsonBytes = 0;
  let srcLines = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const id = String(i + 1).padStart(4, "0");
    const f = generateLayoutFile(seed, i + 1);
    const json = `${JSON.stringify(f.json, null, 2)}\n`;
    writeFileSync(join(out, "src", `${id}.b24layout`), f.text);
    writeFileSync(join(out, "json", `${id}.json`), json);
    srcBytes += Buffer.byteLength(f.text);
    jsonBytes += Buffer.byteLength(json);
    srcLines += f.text.split("\n").length - 1;
    const p = verify(lib.compile, f.text, [{ name: f.name, json: f.json }], `src/${id}.b24layout`, stats);
    if (p) problems.push(p);
  }
  const large = generateLargeFile(seed, LARGE_FILE_LINES);
  writeFileSync(join(out, "large.b24layout"), large.text);
  const largeProblem = verify(lib.compile, large.text, large.layouts, "large.b24layout", stats);
  if (largeProblem) problems.push(largeProblem);

  if (problems.length) {
    console.error(`bench/generate: ${problems.length} file(s) failed the self-check against ${values.lib}:`);
    for (const p of problems.slice(0, 5)) console.error(`\n${p}`);
    if (problems.length > 5) console.error(`\n… and ${problems.length - 5} more.`);
    process.exit(1);
  }
  const manifest = {
    generator: generatorHash(),
    seed,
    count,
    sourceBytes: srcBytes,
    jsonBytes,
    sourceLines: srcLines,
    largeFile: { lines: large.text.split("\n").length - 1, bytes: Buffer.byteLength(large.text), layouts: large.layouts.length },
  };
  writeFileSync(join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const ms = Math.round(performance.now() - started);
  console.log(
    `bench/generate: ${count} layouts (${(srcBytes / 1024).toFixed(0)} KiB source, ${(jsonBytes / 1024).toFixed(0)} KiB JSON, ${srcLines} lines) ` +
      `+ large.b24layout (${manifest.largeFile.lines} lines, ${manifest.largeFile.layouts} layouts) in ${ms} ms; self-check passed.`,
  );
  if (stats.filesWithWarnings) {
    const rules = [...stats.warningRules].map(([k, v]) => `${k} ×${v}`).join(", ");
    console.log(`bench/generate: note: ${stats.filesWithWarnings} file(s) have warnings (${rules}).`);
  }
  if (stats.keyOrderDiffs) console.log(`bench/generate: note: ${stats.keyOrderDiffs} output(s) deep-equal but with a different key order.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`bench/generate: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  });
}
