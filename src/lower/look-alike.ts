/**
 * Whether a declaration is written as a structure that only looks like its own (spec §15, the
 * model's LOOK_ALIKES): the interface of a CRM_…_DETAIL_ACTIVITY placement written as a `layout`
 * or `blocks`, with `input` blocks, `primaryButton` and `layoutEvent` actions. Read from the
 * statements as written (lowering drops what it does not know) and from the lowered object (what
 * map literals and raw JSON keep).
 */
import { LOOK_ALIKES, type LookAlike } from "../model/index.js";
import type { Range, Statement } from "../syntax/index.js";
import type { IrObject, IrValue } from "./ir.js";

/** One part that gives the look-alike away. */
export interface Evidence {
  /** How a message names it: `an 'input' block`, `'primaryButton'`, `the action 'click'`. */
  readonly what: string;
  readonly range: Range;
}

export interface LookAlikeMatch {
  readonly lookAlike: LookAlike;
  /** In source order. */
  readonly evidence: readonly Evidence[];
}

/**
 * The look-alike `statement` (a declaration building `dto`, lowered to `root`) is written as, if
 * any: it has a part only the look-alike has, and no field only its own structure has.
 */
export function findLookAlike(statement: Statement, dto: string, root: IrObject): LookAlikeMatch | undefined {
  for (const lookAlike of LOOK_ALIKES) {
    if (!lookAlike.mistakenFor.includes(dto)) continue;
    if (root.entries.some((e) => lookAlike.notWith.includes(e.key))) continue;
    const found = new Map<number, Evidence>();
    const add = (what: string, range: Range) => {
      if (!found.has(range.start.offset)) found.set(range.start.offset, { what, range });
    };
    for (const s of statement.body?.statements ?? []) fromStatement(lookAlike, s, true, add);
    fromObject(lookAlike, root, true, add);
    if (found.size === 0) continue;
    return { lookAlike, evidence: [...found.values()].sort((a, b) => a.range.start.offset - b.range.start.offset) };
  }
  return undefined;
}

type Add = (what: string, range: Range) => void;

function fromStatement(lookAlike: LookAlike, s: Statement, top: boolean, add: Add): void {
  const name = s.name.name;
  if (lookAlike.blockTypes.includes(name)) add(`${article(name)} '${name}' block`, s.name.range);
  else if (top && lookAlike.layoutFields.includes(name)) add(`'${name}'`, s.name.range);
  // `action layoutEvent { … }` in a body, `-> click "…"` after a statement.
  const type = name === "action" ? s.args[0] : undefined;
  if (type?.kind === "Identifier" && lookAlike.actionTypes.includes(type.name)) add(`the action '${type.name}'`, type.range);
  const arrow = s.action?.name;
  if (arrow && lookAlike.actionTypes.includes(arrow.name)) add(`the action '${arrow.name}'`, arrow.range);
  for (const inner of s.body?.statements ?? []) fromStatement(lookAlike, inner, false, add);
}

function fromObject(lookAlike: LookAlike, object: IrObject, top: boolean, add: Add): void {
  const type = object.entries.find((e) => e.key === "type")?.value;
  const typeName = type?.kind === "scalar" && typeof type.value === "string" ? type.value : undefined;
  if (typeName !== undefined && type) {
    if (object.dto === "ContentBlockDto" && lookAlike.blockTypes.includes(typeName)) add(`${article(typeName)} '${typeName}' block`, type.range);
    if (object.dto === "ActionDto" && lookAlike.actionTypes.includes(typeName)) add(`the action '${typeName}'`, type.range);
  }
  for (const e of object.entries) {
    if (top && lookAlike.layoutFields.includes(e.key)) add(`'${e.key}'`, e.keyRange);
    fromValue(lookAlike, e.value, add);
  }
}

function fromValue(lookAlike: LookAlike, value: IrValue, add: Add): void {
  switch (value.kind) {
    case "object":
      return fromObject(lookAlike, value, false, add);
    case "collection":
      for (const e of value.entries) fromValue(lookAlike, e.value, add);
      return;
    case "array":
      for (const item of value.items) fromValue(lookAlike, item, add);
      return;
    default:
      return;
  }
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}
