/**
 * What an expression in JavaScript or TypeScript source is, when it can be known without running
 * the code. Everything else is unknown, never guessed: a variable may hold anything, a call may
 * return anything.
 */
import type * as ESTree from "estree";

/**
 * A node of either parser's tree. typescript-eslint's parser adds node types that ESTree does not
 * know (`TSAsExpression`, …); they are read by their `type` and `expression` only.
 */
export type SourceNode = ESTree.Node;

/**
 * Wrappers that change nothing about the value at run time: TypeScript's `x as T`, `x satisfies T`,
 * `x!`, `<T>x` and `f<T>` (typescript-eslint), and the `ChainExpression` around `a?.b()`.
 * Parentheses are not nodes in ESTree.
 */
const TRANSPARENT = new Set(["TSAsExpression", "TSSatisfiesExpression", "TSNonNullExpression", "TSTypeAssertion", "TSInstantiationExpression", "ChainExpression"]);

/** The expression under the wrappers that do not change the value. */
export function unwrap(node: SourceNode): SourceNode {
  let current = node;
  while (TRANSPARENT.has(current.type)) current = (current as unknown as { expression: SourceNode }).expression;
  return current;
}

export type StaticScalar = string | number | boolean | null;

/**
 * The scalar an expression always evaluates to, or `undefined` when that is not known statically:
 * literals (`"a"`, `1`, `true`, `null`), `-1` and `+1`, a template literal without expressions, and
 * `+` between such strings and numbers (`"crm.activity." + "configurable.add"`), with JavaScript's
 * meaning. `undefined`, `NaN` and `Infinity` are identifiers (they can be shadowed) and a regular
 * expression or a BigInt is not a JSON value: all of them are unknown.
 */
export function staticScalar(node: SourceNode): StaticScalar | undefined {
  const expression = unwrap(node);
  switch (expression.type) {
    case "Literal":
      if ("regex" in expression || "bigint" in expression) return undefined;
      return expression.value;
    case "TemplateLiteral":
      // `cooked` is null for an invalid escape in a tagged template; untagged ones cannot have one.
      return expression.expressions.length === 0 ? (expression.quasis[0]?.value.cooked ?? undefined) : undefined;
    case "UnaryExpression": {
      if (expression.operator !== "-" && expression.operator !== "+") return undefined;
      const operand = staticScalar(expression.argument);
      if (typeof operand !== "number") return undefined;
      return expression.operator === "-" ? -operand : operand;
    }
    case "BinaryExpression": {
      if (expression.operator !== "+" || expression.left.type === "PrivateIdentifier") return undefined;
      const left = staticScalar(expression.left);
      const right = staticScalar(expression.right);
      if (typeof left === "string" || typeof right === "string") {
        if ((typeof left !== "string" && typeof left !== "number") || (typeof right !== "string" && typeof right !== "number")) return undefined;
        return `${left}${right}`;
      }
      return typeof left === "number" && typeof right === "number" ? left + right : undefined;
    }
    default:
      return undefined;
  }
}

/** The string an expression always evaluates to, or `undefined`. */
export function staticString(node: SourceNode): string | undefined {
  const value = staticScalar(node);
  return typeof value === "string" ? value : undefined;
}

/**
 * The name of a property as JavaScript reads it, when it is known statically: `a`, `"a"`, `1`
 * (the key `"1"`), and a computed `["a"]`. A computed key from anything else is unknown.
 */
export function propertyName(key: SourceNode, computed: boolean): string | undefined {
  if (!computed) {
    if (key.type === "Identifier") return key.name;
    if (key.type === "Literal") return key.value === null || "regex" in key ? undefined : String(key.value);
    return undefined;
  }
  const value = staticScalar(key);
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}
