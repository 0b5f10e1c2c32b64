/** The sections and elements of a card declaration's `data`, for the card rules (spec §11.2). */
import { getEntry, getScalar, type IrDeclaration, type IrGuard, type IrObject, type IrScalar } from "../../lower/index.js";

export interface CardSection {
  readonly object: IrObject;
  /** 0-based position in `data`, as the server's messages count (spec §11.5). */
  readonly index: number;
  readonly name: IrScalar | undefined;
  readonly elements: readonly CardElement[];
  /** Written inside `when` or `each`. */
  readonly guard: IrGuard | undefined;
}

export interface CardElement {
  readonly object: IrObject;
  readonly index: number;
  readonly name: IrScalar | undefined;
  /** Written inside `when` or `each` in its section. */
  readonly guard: IrGuard | undefined;
}

/** Whether the declaration builds card parameters. */
export function isCard(declaration: IrDeclaration): boolean {
  return declaration.root.dto === "CardParams";
}

export function cardSections(declaration: IrDeclaration): CardSection[] {
  const data = getEntry(declaration.root, "data")?.value;
  if (data?.kind !== "array") return [];
  return data.items.flatMap((item, index) => {
    if (item.kind !== "object") return [];
    const elements = getEntry(item, "elements")?.value;
    return [
      {
        object: item,
        index,
        name: getScalar(item, "name"),
        guard: data.guards?.[index],
        elements:
          elements?.kind === "array"
            ? elements.items.flatMap((e, j) => (e.kind === "object" ? [{ object: e, index: j, name: getScalar(e, "name"), guard: elements.guards?.[j] }] : []))
            : [],
      },
    ];
  });
}
