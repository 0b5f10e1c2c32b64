/**
 * What rules need to know about members written inside `when`, `else` and `each`: how many there
 * can be at most, and which two can never be sent together.
 */
import { guardChain, isElseOf, isRepeated, type IrGuard, type IrWhen } from "../lower/index.js";
import { appendAll } from "../util/index.js";

/** An `else` guard is a `when` whose condition is the negation of its partner's, made by lowering. */
function elsePartnerOf(guard: IrWhen, candidates: Iterable<IrGuard>): IrWhen | undefined {
  for (const c of candidates) {
    if (c !== guard && c.kind === "when" && isElseOf(c, guard)) return c;
  }
  return undefined;
}

export interface MemberCount {
  /** The most members that can be sent, not counting repeated ones. */
  readonly max: number;
  /** How many of those are conditional. */
  readonly conditional: number;
  /** Whether some members are repeated by `each`: their number is known only at run time. */
  readonly repeated: boolean;
  /** The positions of the members sent when the most are, in written order. */
  readonly sent: readonly number[];
}

/**
 * The most members a collection or list can have, given the guards of its members (`undefined`
 * for an unguarded one): a `when` and its `else` count as the larger of the two.
 */
export function countMembers(guards: readonly (IrGuard | undefined)[]): MemberCount {
  const repeated = guards.some((g) => isRepeated(g));
  const all = new Set<IrGuard>();
  for (const g of guards) if (!isRepeated(g)) for (const x of guardChain(g)) all.add(x);

  /** The positions sent under `parent` when the most are. */
  const under = (parent: IrGuard | undefined): number[] => {
    const sent: number[] = [];
    guards.forEach((g, i) => {
      if (g === parent && !isRepeated(g)) sent.push(i);
    });
    const children = [...all].filter((g) => g.parent === parent);
    const done = new Set<IrGuard>();
    for (const child of children) {
      if (done.has(child) || child.kind !== "when") continue;
      done.add(child);
      const partner = elsePartnerOf(child, children);
      if (partner) done.add(partner);
      const a = under(child);
      const b = partner ? under(partner) : [];
      appendAll(sent, b.length > a.length ? b : a);
    }
    return sent;
  };
  const sent = under(undefined).sort((x, y) => x - y);
  const unconditional = guards.filter((g) => g === undefined).length;
  return { max: sent.length, conditional: sent.length - unconditional, repeated, sent };
}

/** Whether two members can never be sent together: one is under a `when` and the other under its `else`. */
export function areExclusive(a: IrGuard | undefined, b: IrGuard | undefined): boolean {
  const chainA = guardChain(a);
  const chainB = guardChain(b);
  for (const x of chainA) {
    if (x.kind !== "when") continue;
    for (const y of chainB) {
      if (y.kind !== "when") continue;
      if (isElseOf(x, y) || isElseOf(y, x)) return true;
    }
  }
  return false;
}

/** The outermost `each` around a member, if any. */
export function outermostEach(guard: IrGuard | undefined): IrGuard | undefined {
  return guardChain(guard).find((g) => g.kind === "each");
}

/**
 * The most members `each` can add, when every list it repeats over has a `max`
 * (`products: Product[max 9]`): each repeated member counts once per item of every `each` around
 * it. Undefined when some list has no bound, or when no member is repeated.
 */
export function repeatedMax(guards: readonly (IrGuard | undefined)[]): number | undefined {
  let total: number | undefined;
  for (const g of guards) {
    if (!isRepeated(g)) continue;
    let times = 1;
    for (const x of guardChain(g)) {
      if (x.kind !== "each") continue;
      const list = x.list.type;
      if (list?.kind !== "list" || list.max === undefined) return undefined;
      times *= list.max;
    }
    total = (total ?? 0) + times;
  }
  return total;
}
