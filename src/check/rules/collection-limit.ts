import type { DtoSpec, FieldSpec, Limits } from "../../model/index.js";
import { getEntry } from "../../lower/index.js";
import { countMembers } from "../guards.js";
import { defineRule } from "../rule.js";
import { possessive } from "../../util/index.js";
import { implicitWhenAbsent } from "../../model/index.js";

/** Too many (or too few) members in an associative collection or list (TOO_MANY_ITEMS, spec §7). */
export default defineRule({
  meta: {
    id: "collection-limit",
    description: "Enforce the number of tags, buttons, blocks, menu items, action parameters and card sections Bitrix24 allows.",
    why: "The server rejects a layout with more than 2 tags, 2 buttons, 20 blocks, 10 menu items or 20 action parameters with TOO_MANY_ITEMS (spec §7). The docs also ask for at least one body block, which the server does not enforce.",
    severity: "error",
    scope: "declaration",
    spec: "§7, §11.5",
    messages: {
      tooMany: "{what} can hold at most {max} {items}; found {count}. The server answers \"The field {field} of {parent} can only contain up to {max} values.\"",
      tooManyConditional:
        "{what} can hold at most {max} {items}; found up to {count} when the conditions hold ({conditional} of them conditional). The server answers \"The field {field} of {parent} can only contain up to {max} values.\"",
      tooManyServerOnly: {
        text: "{what} can hold at most {max} {items}; found {count}. The server answers \"The field {field} of {parent} can only contain up to {max} values.\", although the docs state no limit.",
        basis: "server",
      },
      tooManyConditionalServerOnly: {
        text: "{what} can hold at most {max} {items}; found up to {count} when the conditions hold ({conditional} of them conditional). The server answers \"The field {field} of {parent} can only contain up to {max} values.\", although the docs state no limit.",
        basis: "server",
      },
      tooManyDocs: { text: "{what} can hold at most {max} {items} according to the docs; found {count}.", severity: "warning", basis: "docs" },
      tooFew: "{what} needs at least {min} {items}; found {count}.",
      tooFewAnswer: "{what} needs at least {min} {items}; found {count}. The server answers \"{answer}\"",
      tooFewDocs: { text: "{what} should have at least {min} {items}: the docs require it, but the server accepts fewer.", severity: "warning", basis: "docs" },
    },
    examples: {
      incorrect: [
        {
          code: 'layout l {\n  icon info\n  header "T" {\n    tag success "a"\n    tag failure "b"\n    tag primary "c"\n  }\n  body {\n    logo document\n    text "x"\n  }\n}\n',
          note: "Three tags.",
        },
      ],
      correct: [
        {
          code: 'layout l {\n  icon info\n  header "T" {\n    tag success "a"\n    tag failure "b"\n  }\n  body {\n    logo document\n    text "x"\n  }\n}\n',
        },
      ],
    },
  },
  create(context) {
    /** `name` gives the message's subject; it is only built when there is something to report. */
    const check = (
      limits: Limits | undefined,
      count: number,
      name: () => string,
      items: string,
      range: Parameters<typeof context.report>[0]["range"],
      conditional = 0,
      server?: { readonly field: string; readonly parent: string },
      partial = false,
    ) => {
      if (!outsideLimits(limits, count, partial)) return;
      const { max } = limits!;
      const min = partial ? undefined : limits!.min;
      const what = name();
      // "1 item", "2 items"; "1 entry", "20 entries".
      const noun = (n: number) => (n === 1 ? items.replace(/ies$/, "y").replace(/s$/, "") : items);
      if (max?.server !== undefined && count > max.server) {
        // Over a limit the docs do not state (or state higher): only the server rejects it.
        const serverOnly = max.docs === undefined || count <= max.docs;
        const messageId = `${conditional > 0 ? "tooManyConditional" : "tooMany"}${serverOnly ? "ServerOnly" : ""}` as const;
        context.report({ messageId, data: { what, max: max.server, items: noun(max.server), count, conditional, field: server?.field ?? "", parent: server?.parent ?? "" }, range });
      } else if (max?.docs !== undefined && count > max.docs) {
        context.report({ messageId: "tooManyDocs", data: { what, max: max.docs, items: noun(max.docs), count }, range });
      }
      if (min?.server !== undefined && count < min.server) {
        const answer = limits!.tooFewAnswer;
        context.report({ messageId: answer ? "tooFewAnswer" : "tooFew", data: { what, min: min.server, items: noun(min.server), count, ...(answer ? { answer } : {}) }, range });
      } else if (min?.docs !== undefined && count < min.docs) {
        context.report({ messageId: "tooFewDocs", data: { what, min: min.docs, items: noun(min.docs), count }, range });
      }
    };
    return {
      collection({ collection, field, ownerDto }) {
        if (field.type.kind !== "collection") return;
        const limit = field.type.limits;
        // The common case first, before anything is built for a report: members within the limits.
        if (!collection.guarded && !outsideLimits(limit, collection.entries.length, collection.partial === true)) return;
        const over = limit.max?.server ?? limit.max?.docs;
        // Members repeated by `each` are counted at run time (runtime-limit); `when` ones count as if sent.
        const name = () => `The ${possessive(ownerDto.title)} '${field.name}'`;
        const server = serverNames(field, ownerDto);
        if (!collection.guarded) {
          // Point at the first member over the limit: that is what has to go.
          const first = collection.entries[over ?? 0]?.range ?? collection.range;
          check(limit, collection.entries.length, name, "items", first, 0, server, collection.partial === true);
          return;
        }
        const count = countMembers(collection.entries.map((e) => e.guard));
        // Point at the first member over the limit (when the most are sent).
        const at = count.sent[over ?? 0] ?? count.sent[count.sent.length - 1];
        const first = (at === undefined ? undefined : collection.entries[at]?.range) ?? collection.range;
        if (count.max > 0 || !count.repeated) check(limit, count.max, name, "items", first, count.conditional, server);
      },
      object({ object, dto, declaration }) {
        if (!dto) return;
        for (const f of countedFields(dto)) {
          const e = getEntry(object, f.name);
          // A misspelt member stands for it (`sektion`): the misspelling is the finding.
          if (!e && object.misspelt?.includes(f.name)) continue;
          if (f.type.kind === "collection" && !e) {
            // A body without members (`body { logo x }`) sends `{}` for the collection (implicitWhenAbsent): it is empty.
            // In the raw `json` form an absent collection is absent, which required-field reports.
            if (object.raw === true || implicitWhenAbsent(f) === undefined || !outsideLimits(f.type.limits, 0, false)) continue;
            check(f.type.limits, 0, () => `The ${possessive(dto.title)} '${f.name}'`, "items", object === declaration.root ? declaration.nameRange : object.range);
          } else if (f.type.kind === "scalarMap" && e?.value.kind === "object") {
            if (!outsideLimits(f.type.limits, e.value.entries.length, e.value.partial === true)) continue;
            const over = f.type.limits.max?.server ?? 0;
            check(f.type.limits, e.value.entries.length, () => `'${f.name}'`, "entries", e.value.entries[over]?.range ?? e.range, 0, serverNames(f, dto), e.value.partial === true);
          } else if (f.type.kind === "list" && f.type.limits) {
            // Absent is required-field's; a value that is no list value-type's or card-data's.
            if (e?.value.kind !== "array") continue;
            const arr = e.value;
            const guarded = arr.guards ? countMembers(arr.items.map((_, i) => arr.guards![i])) : undefined;
            if (guarded?.repeated && guarded.max === 0) continue;
            const count = guarded ? guarded.max : arr.items.length;
            if (!outsideLimits(f.type.limits, count, arr.partial === true)) continue;
            check(f.type.limits, count, () => `The ${possessive(dto.title)} '${f.name}'`, "items", e.range, 0, undefined, arr.partial === true);
          }
        }
      },
    };
  },
});

/**
 * Whether `count` members break `limits` (a minimum only where every member is written: members
 * not written may be there, a spread in a JSON payload of JavaScript code, so only "too many" is
 * certain when `partial`). Asked before a report's words are put together.
 */
function outsideLimits(limits: Limits | undefined, count: number, partial: boolean): boolean {
  if (!limits) return false;
  const { max } = limits;
  const min = partial ? undefined : limits.min;
  const over = (max?.server !== undefined && count > max.server) || (max?.docs !== undefined && count > max.docs);
  const under = (min?.server !== undefined && count < min.server) || (min?.docs !== undefined && count < min.docs);
  return over || under;
}

/** How the server's TOO_MANY_ITEMS names the field and its structure (spec §2.1). */
function serverNames(field: FieldSpec, owner: DtoSpec): { field: string; parent: string } {
  return { field: field.name, parent: owner.serverClass ?? owner.name };
}

const countedByDto = new Map<DtoSpec, readonly FieldSpec[]>();

/** The fields whose member count has limits that the object handler checks. */
function countedFields(dto: DtoSpec): readonly FieldSpec[] {
  let fields = countedByDto.get(dto);
  if (!fields) {
    fields = dto.fields.filter(
      (f) => f.type.kind === "collection" || f.type.kind === "scalarMap" || (f.type.kind === "list" && f.type.limits !== undefined),
    );
    countedByDto.set(dto, fields);
  }
  return fields;
}
