/**
 * `--extract-translations`: every language map the import writes (`{ en: …, de: … }`) goes into a
 * `translations` table and is referred to as `@key`; maps with the same texts share one key. The
 * key comes from the English text (else the first one): `"Incoming call"` → `incomingCall`; when
 * the text has no Latin letters or digits, from the JSON path (`status2Title`). Keys are unique.
 *
 * Only maps the table can hold are extracted: non-empty, every language id a word, every text a
 * string. The others stay inline. The table lists each key only in the languages its map has, so
 * maps with different language sets give `missing-translation` warnings when checked.
 */
import { isWord, quoted } from "./literals.js";
import type { JsonPath } from "../json/index.js";
import type { JsonObject } from "../json/index.js";
import type { OutLine, OutStatement } from "./printer.js";

const MAX_KEY_WORDS = 4;
const MAX_KEY_LENGTH = 32;

interface TableEntry {
  readonly key: string;
  readonly texts: readonly (readonly [language: string, text: string])[];
}

export class TranslationTableBuilder {
  private readonly entries: TableEntry[] = [];
  private readonly byContent = new Map<string, string>();
  private readonly keys = new Set<string>();

  /** The `@key` for a language map, or undefined when the map stays inline. */
  reference(map: JsonObject, path: JsonPath): string | undefined {
    if (map.entries.length === 0) return undefined;
    const texts: [string, string][] = [];
    for (const e of map.entries) {
      if (!isWord(e.key) || e.value.kind !== "scalar" || typeof e.value.value !== "string") return undefined;
      texts.push([e.key, e.value.value]);
    }
    const content = JSON.stringify([...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const known = this.byContent.get(content);
    if (known !== undefined) return `@${known}`;
    const key = this.uniqueKey(keyFromText(texts) ?? keyFromPath(path));
    this.byContent.set(content, key);
    this.keys.add(key);
    this.entries.push({ key, texts });
    return `@${key}`;
  }

  /** Where the table stands, for `rollback`: the keys made from here on can be taken back. */
  checkpoint(): number {
    return this.entries.length;
  }

  /** Forgets the keys made since `checkpoint` (an attempt the importer gave up, which writes its maps inline). */
  rollback(checkpoint: number): void {
    for (const e of this.entries.splice(checkpoint)) {
      this.keys.delete(e.key);
      for (const [content, key] of this.byContent) if (key === e.key) this.byContent.delete(content);
    }
  }

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  /** `translations { en { key "…" } de { … } }`, languages in the order they first appear. */
  statement(): OutStatement {
    const languages: string[] = [];
    for (const e of this.entries) for (const [language] of e.texts) if (!languages.includes(language)) languages.push(language);
    const body: OutLine[] = languages.map((language) => ({
      kind: "statement",
      name: language,
      args: [],
      body: this.entries.flatMap((e) => {
        const text = e.texts.find(([l]) => l === language);
        return text ? [{ kind: "statement" as const, name: e.key, args: [quoted(text[1])] }] : [];
      }),
    }));
    return { kind: "statement", name: "translations", args: [], body };
  }

  private uniqueKey(base: string): string {
    if (!this.keys.has(base)) return base;
    for (let n = 2; ; n++) if (!this.keys.has(`${base}${n}`)) return `${base}${n}`;
  }
}

/** `incomingCall` from "Incoming call" (the English text, else the first), or undefined without Latin letters or digits. */
function keyFromText(texts: readonly (readonly [string, string])[]): string | undefined {
  const text = (texts.find(([l]) => l === "en") ?? texts[0])![1];
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "");
  return camelKey(words);
}

/** A translation key for a text (`incomingCall` for "Incoming call"), for the editor's "extract to translation key". */
export function keyForText(text: string): string | undefined {
  return keyFromText([["en", text]]);
}

/** `status2Title` from `header.tags.status2.title`: the last two names, leaving out `properties`. */
function keyFromPath(path: JsonPath): string {
  const names = path.filter((s): s is string => typeof s === "string" && s !== "properties");
  const words = names.slice(-2).flatMap((n) => n.split(/[^A-Za-z0-9]+/)).filter((w) => w !== "");
  return camelKey(words) ?? "text";
}

function camelKey(words: readonly string[]): string | undefined {
  let key = "";
  for (const [i, w] of words.slice(0, MAX_KEY_WORDS).entries()) {
    const next = i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase();
    if (key !== "" && key.length + next.length > MAX_KEY_LENGTH) break;
    key += next;
  }
  if (key === "") return undefined;
  const prefixed = /^[0-9]/.test(key) ? `text${key}` : key;
  return isWord(prefixed) ? prefixed : `${prefixed}Text`;
}
