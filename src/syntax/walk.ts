/** Walks over the syntax tree, for the services that read it directly (the editor's). */
import type { Argument, Statement } from "./ast.js";

/** Every statement under `statements` in source order, with the statements whose bodies hold it (outermost first). */
export function* statementsWithin(statements: readonly Statement[], chain: readonly Statement[] = []): Generator<{ statement: Statement; chain: readonly Statement[] }> {
  for (const s of statements) {
    yield { statement: s, chain };
    if (s.body) yield* statementsWithin(s.body.statements, [...chain, s]);
  }
}

/** Every value of a statement's head and action: the arguments, and what maps and lists hold. */
export function argumentValues(statement: Statement): Argument[] {
  const out: Argument[] = [];
  const walk = (a: Argument) => {
    out.push(a);
    if (a.kind === "Map") for (const e of a.entries) walk(e.value);
    if (a.kind === "List") for (const i of a.items) walk(i);
  };
  for (const a of statement.args) walk(a);
  for (const a of statement.action?.args ?? []) walk(a);
  return out;
}
