/** Whether a text sits in a badge, whose title/value the server checks more strictly than layout texts (spec §8). */
import { getDeclaration } from "../../model/index.js";
import type { PathStep } from "../rule.js";

const BADGE_DTO = getDeclaration("badge")?.dto;

/** The badge field (`title`, `value`) holding the value reached by `path`, or undefined outside a badge. */
export function badgeField(path: readonly PathStep[]): string | undefined {
  const parent = path.at(-1);
  if (!parent || parent.object.kind !== "object" || parent.object.dto !== BADGE_DTO) return undefined;
  return parent.key;
}
