/**
 * Declaration names for imported payloads: from the input's file name unless given
 * (`layout-object-example.json` → `layoutObjectExample`), a valid name in any case.
 */
import { isWord } from "./literals.js";

/** `layoutObjectExample` from `layout-object-example.json`; `keyword` prefixes a name that would start with a digit. */
export function nameFromFile(fileName: string | undefined, keyword: string): string {
  const base = (fileName ?? "").replace(/^.*[\\/]/, "").replace(/\.json$/i, "");
  const words = base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "");
  let name = words.map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1))).join("");
  if (name === "") return `imported${capitalised(keyword)}`;
  if (/^[0-9]/.test(name)) name = `${keyword}${capitalised(name)}`;
  return isWord(name) ? name : `${name}${capitalised(keyword)}`;
}

function capitalised(s: string): string {
  return s === "" ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** `name`, or `name2`, `name3`, … when it is taken. */
export function uniqueName(name: string, taken: Set<string>): string {
  let out = name;
  for (let n = 2; taken.has(out); n++) out = `${name}${n}`;
  taken.add(out);
  return out;
}
