import type { FieldSpec, Limits } from "../../model/index.js";
import { countMembers, outermostEach, repeatedMax } from "../guards.js";
import type { IrGuard } from "../../lower/index.js";
import { defineRule } from "../rule.js";
import { countWords } from "../../util/index.js";

/**
 * `each` inside a collection or list that has a maximum: how many members it adds is known only
 * when the template is called, so the limit is checked then (spec §7).
 */
export default defineRule({
  meta: {
    id: "runtime-limit",
    description: "Warn where `each` adds members to a collection with a limit (20 blocks, 2 tags, 10 menu items, …) that can only be checked when the template is called; a list with a `max` is counted now.",
    why: "The server rejects a layout over the limit with TOO_MANY_ITEMS (spec §7). With `each`, the number of members depends on the list passed in: the generated code counts them and throws an error naming the layout and the limit, so a mistake shows up in the app, not as a failed REST call. A list parameter declared with its most items (`products: Product[max 9]`) is counted now instead: no warning when the members fit, an error when the lists at their `max` would not.",
    severity: "warning",
    appliesTo: ["b24layout"],
    // The members and guards of one collection or list of the declaration, and its own parameters.
    scope: "declaration",
    spec: "§7",
    messages: {
      boundTooLarge: {
        text: "{what} can hold at most {max} items; with its lists at their 'max', this 'each' makes up to {most} ({fixed} written without it). Lower a list's 'max', or move members out.",
        severity: "error",
      },
      repeated:
        "{what} can hold at most {max} {items}; this 'each' adds as many as its list has ({fixed} written without it), so the limit is checked when the template is called: the generated code throws if there are more.",
      repeatedServerOnly: {
        text: "{what} can hold at most {max} {items} (a limit of the server, not of the docs); this 'each' adds as many as its list has ({fixed} written without it), so the limit is checked when the template is called: the generated code throws if there are more.",
        basis: "server",
      },
    },
    examples: {
      incorrect: [
        { code: 'blocks b(products: string[]) {\n  each product in $products {\n    text "${product}"\n  }\n}\n' },
        { code: 'blocks b(products: string[max 20]) {\n  text "Products"\n  each product in $products {\n    text "${product}"\n  }\n}\n', note: "20 products and a title make 21 blocks." },
      ],
      correct: [
        { code: 'blocks b(first: string, second: string) {\n  text "${first}"\n  text "${second}"\n}\n' },
        { code: 'blocks b(products: string[max 19]) {\n  text "Products"\n  each product in $products {\n    text "${product}"\n  }\n}\n', note: "At most 19 products and one title: 20 blocks fit." },
      ],
    },
  },
  create(context) {
    // A file without templates has no template values or guarded members to look at.
    if (!context.program.templated) return {};
    const check = (limits: Limits | undefined, guards: readonly (IrGuard | undefined)[], what: () => string) => {
      const max = limits?.max?.server ?? limits?.max?.docs;
      if (max === undefined) return;
      const serverOnly = limits?.max?.docs === undefined;
      const count = countMembers(guards);
      if (!count.repeated) return;
      const each = guards.map(outermostEach).find((g) => g !== undefined)!;
      const bound = repeatedMax(guards);
      if (bound !== undefined) {
        // Every list has a `max`: the most members are known now, and fit or do not.
        if (count.max + bound <= max) return;
        context.report({ messageId: "boundTooLarge", data: { what: what(), max: countWords(max), most: countWords(count.max + bound), fixed: count.max }, range: each.keywordRange });
        return;
      }
      context.report({ messageId: serverOnly ? "repeatedServerOnly" : "repeated", data: { what: what(), max, items: "items", fixed: count.max }, range: each.keywordRange });
    };
    const listLimits = (f: FieldSpec | undefined) => (f?.type.kind === "list" ? f.type.limits : undefined);
    return {
      collection({ collection, field, ownerDto }) {
        if (field.type.kind !== "collection" || !collection.guarded) return;
        check(field.type.limits, collection.entries.map((e) => e.guard), () => `The '${field.name}' of the ${ownerDto.title}`);
      },
      // Guarded items are only ever members of a list field (guardItem in the lowering).
      fieldTypes: ["list"],
      field({ field, value, ownerDto }) {
        if (value.kind !== "array" || !value.guards) return;
        check(listLimits(field), value.items.map((_, i) => value.guards![i]), () => `The '${field.name}' of the ${ownerDto.title}`);
      },
    };
  },
});
