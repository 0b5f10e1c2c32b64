import { guardChain, isRepeated, type IrEntry } from "../../lower/index.js";
import { areExclusive, outermostEach } from "../guards.js";
import { defineRule } from "../rule.js";
import { possessive } from "../../util/index.js";

/** The same key twice: a collection label, a map key, or a field set twice in one object (spec §2.4). */
export default defineRule({
  meta: {
    id: "duplicate-key",
    description: "Disallow the same key twice in a collection or map, and the same field set twice in one structure.",
    why:
      "Collections, maps and DTOs are JSON objects (spec §2.4): two members under one key cannot both be sent, so one of them is silently lost. " +
      "A field set twice (`text \"a\" bold` with `bold false` in its body, or two `icon` statements in a layout) leaves it unclear which value the author meant.",
    severity: "error",
    scope: "declaration",
    fixable: true,
    spec: "§2.4",
    messages: {
      field: "'{key}' is set twice in {what}. Remove one of them.",
      member: "Duplicate key '{key}' in the {owner} '{field}': it is already used. Each member needs its own key.",
      mapKey: "Duplicate key '{key}' in '{field}': it is already used.",
      jsonKey: "'{key}' is written twice in this object: JSON.parse keeps the later value and drops the first. Remove one of them.",
      repeatedClash:
        "Key '{key}' is also one of the keys that an 'each' makes ('{base}_1', '{base}_2', …), so one member would replace the other. Rename one of them.",
    },
    examples: {
      incorrect: [
        { code: 'blocks b {\n  client: text "a"\n  client: text "b"\n}\n', note: "Two blocks labelled `client`." },
        { code: 'blocks b {\n  text "a" bold {\n    bold false\n  }\n}\n', note: "`bold` on the head line and again in the body." },
      ],
      correct: [{ code: 'blocks b {\n  client: text "a"\n  phone: text "b" bold\n}\n' }],
    },
  },
  create(context) {
    /** Calls `report` for every entry whose key an earlier entry already has. */
    const duplicates = (entries: readonly IrEntry[], report: (second: IrEntry, first: IrEntry) => void) => {
      const seen = new Map<string, IrEntry>();
      for (const e of entries) {
        if (e.generated) continue;
        const first = seen.get(e.key);
        if (first) report(e, first);
        else seen.set(e.key, e);
      }
    };
    /** `duplicates` for members under `when` / `each` (kept apart: the path of every object stays small). */
    const guardedDuplicates = (entries: readonly IrEntry[], report: (second: IrEntry, first: IrEntry) => void) => {
      const seen = new Map<string, IrEntry[]>();
      for (const e of entries) {
        // Members repeated by `each` get the item's position in their keys (`price_1`, `price_2`).
        if (e.generated || isRepeated(e.guard)) continue;
        const earlier = seen.get(e.key);
        // A member under `when` and one under its `else` are never sent together.
        const first = earlier?.find((x) => !areExclusive(x.guard, e.guard));
        if (first) report(e, first);
        else if (earlier) earlier.push(e);
        else seen.set(e.key, [e]);
      }
    };
    const reportMember = (second: IrEntry, first: IrEntry, owner: string, field: string) =>
      context.report({
        messageId: "member",
        data: { key: second.key, owner: possessive(owner), field },
        range: second.keyRange,
        related: [{ message: "first used", range: first.keyRange }],
      });
    return {
      object({ object, dto, entry }) {
        if (!hasRepeatedKey(object.entries)) return;
        const closed = dto?.closed ?? false;
        duplicates(object.entries, (second, first) => {
          // The same value twice means one thing: the second can go. Different values stay for the author to decide.
          const same = first.value.kind === "scalar" && second.value.kind === "scalar" && first.value.value === second.value.value;
          context.report({
            messageId: closed ? "field" : "mapKey",
            data: { key: second.key, what: demonstrative(dto?.title ?? "object"), field: entry?.key ?? "" },
            range: second.keyRange,
            related: [{ message: closed ? "first set" : "first used", range: first.keyRange }],
            ...(same ? { fix: { description: `Remove the second '${second.key}'`, edits: [{ range: second.range, newText: "" }] } } : {}),
          });
        });
      },
      collection({ collection, field, ownerDto }) {
        if (!collection.guarded) {
          if (!hasRepeatedKey(collection.entries)) return;
          duplicates(collection.entries, (second, first) => reportMember(second, first, ownerDto.title, field.name));
          return;
        }
        // Members under `each` get `_<position>` per loop: the same key at the same depth in two
        // loops makes the same keys, and a key written as `status_1` is one that `status` makes.
        const depth = (e: IrEntry) => guardChain(e.guard).filter((g) => g.kind === "each").length;
        const repeated = collection.entries.filter((e) => isRepeated(e.guard));
        repeated.forEach((e, i) => {
          const twin = repeated.slice(0, i).find((x) => x.key === e.key && depth(x) === depth(e) && !areExclusive(x.guard, e.guard));
          if (twin) reportMember(e, twin, ownerDto.title, field.name);
        });
        for (const e of collection.entries) {
          if (isRepeated(e.guard)) continue;
          const maker = repeated.find((r) => new RegExp(`^${r.key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:_\\d+){${depth(r)}}$`).test(e.key));
          if (!maker) continue;
          const each = outermostEach(maker.guard)!;
          context.report({ messageId: "repeatedClash", data: { key: e.key, base: maker.key }, range: e.keyRange, related: [{ message: "the 'each'", range: each.keywordRange }] });
        }
        guardedDuplicates(collection.entries, (second, first) => reportMember(second, first, ownerDto.title, field.name));
      },
    };
  },
});

/**
 * Whether two written (not generated) entries have one key: the check every object and collection
 * gets, so it allocates nothing for the small ones, which are most of them.
 */
function hasRepeatedKey(entries: readonly IrEntry[]): boolean {
  const n = entries.length;
  if (n < 2) return false;
  if (n > 16) {
    const seen = new Set<string>();
    for (const e of entries) {
      if (e.generated) continue;
      if (seen.has(e.key)) return true;
      seen.add(e.key);
    }
    return false;
  }
  for (let i = 1; i < n; i++) {
    const e = entries[i]!;
    if (e.generated) continue;
    for (let j = 0; j < i; j++) if (entries[j]!.key === e.key && !entries[j]!.generated) return true;
  }
  return false;
}

/** "this text block", "these slider parameters". */
function demonstrative(title: string): string {
  return /[^s]s$/.test(title) ? `these ${title}` : `this ${title}`;
}
