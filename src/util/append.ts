/**
 * Appends `items` to `target` one by one. `target.push(...items)` passes every item as an argument
 * on the stack, which overflows past about 120,000 items: a file may hold more statements, map
 * entries or diagnostics than that.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
