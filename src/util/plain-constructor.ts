/**
 * Constructors of plain objects, for the syntax tree and the IR.
 *
 * Why not object literals: V8 "pretenures" the allocation site of an object or array literal once
 * most of what it made survives garbage collection, as the nodes of a kept syntax tree or lowered
 * program do. Every later object from that site is then made in the old generation, and each young
 * object stored in it costs a write barrier; a program dropped right away costs full collections
 * instead of cheap young-generation ones. In a process that keeps what it parsed (a build of many
 * files, the benchmark) that made parsing about twice as slow. Objects made by `new` of a plain
 * function, and arrays made by builtins (`new Array()`, `slice()`), are never pretenured.
 */

/** `T` with writable properties, for the `init` functions of plain constructors. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Makes `init` a constructor of plain objects: `new` on it gives an object whose prototype is
 * `Object.prototype`, with the properties in the order `init` sets them, indistinguishable from
 * the object literal it replaces.
 */
export function plainConstructor<A extends unknown[], T>(init: (this: Writable<T>, ...args: A) => void): new (...args: A) => T {
  (init as unknown as { prototype: object }).prototype = Object.prototype;
  return init as unknown as new (...args: A) => T;
}
