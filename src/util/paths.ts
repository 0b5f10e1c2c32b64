/** Path arithmetic shared by the import resolver and the CLI (no file-system access). */
import { isAbsolute, relative, sep } from "node:path";

/**
 * Whether `path` is `root` or lies under it (both absolute and normalised). By name only: a
 * sibling folder called `..x` is inside, `../x` is not.
 */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
