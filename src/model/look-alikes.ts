/**
 * Structures that look like a LayoutDto but are something else (spec §15): b24layout does not
 * compile them, and a declaration written as one is reported as what it is, once, instead of
 * one finding for each of its parts.
 */

export interface LookAlike {
  /** Names it in the IR (IrDeclaration.lookAlike). */
  readonly id: string;
  /** How messages name it. */
  readonly title: string;
  /** Where it goes instead, for messages. */
  readonly sentWith: string;
  readonly spec: string;
  /** The declarations' DTOs it may be mistaken for. */
  readonly mistakenFor: readonly string[];
  /** Content block types only it has (`input`). */
  readonly blockTypes: readonly string[];
  /** Top-level fields of its layout only it has (`primaryButton`). */
  readonly layoutFields: readonly string[];
  /**
   * Action types only it has: `layoutEvent` as its docs spell it, and `click` / `js`, the names of
   * its docs' sections for `redirect` and `layoutEvent`, which authors write too.
   */
  readonly actionTypes: readonly string[];
  /**
   * Fields of the structure it is mistaken for that it does not have: a declaration that writes
   * one is that structure with a misplaced member, not the look-alike.
   */
  readonly notWith: readonly string[];
}

/**
 * The interface of the CRM_XXX_DETAIL_ACTIVITY placement with `useBuiltInInterface = Y`
 * (api-reference/widgets/crm/detail-activity-area.md): a "LayoutDto" of `blocks`,
 * `primaryButton` and `secondaryButton`, with input, select and list blocks and layoutEvent actions.
 */
export const PLACEMENT_INTERFACE: LookAlike = {
  id: "placement",
  title: "the built-in interface of a CRM_…_DETAIL_ACTIVITY placement (useBuiltInInterface = Y)",
  sentWith: "BX24.placement.call('setLayout', …) in the placement's handler",
  spec: "§15",
  mistakenFor: ["LayoutDto", "RestAppLayoutDto"],
  blockTypes: ["input", "textarea", "select", "dropdownMenu", "list", "section"],
  layoutFields: ["primaryButton", "secondaryButton"],
  actionTypes: ["layoutEvent", "click", "js"],
  notWith: ["icon", "header", "body", "footer"],
};

export const LOOK_ALIKES: readonly LookAlike[] = [PLACEMENT_INTERFACE];
