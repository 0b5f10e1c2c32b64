// How an app calls the generated function: typed arguments in, the exact `layout` parameter of
// crm.activity.configurable.add out. `generated/` is written by:
//   npx b24layout build templates/incoming-call --target ts --out-dir templates/incoming-call/generated
import { incomingCall, type LayoutDto } from "./generated/incoming-call.js";

/** What the app's REST client needs: a method name and its parameters. */
export interface RestCall {
  readonly method: string;
  readonly params: { ownerTypeId: number; ownerId: number; fields: { typeId: string }; layout: LayoutDto };
}

export function missedCallRecord(dealId: number): RestCall {
  const layout = incomingCall({
    clientName: "Müller GmbH",
    dealId,
    vip: true,
    missed: true,
    products: [
      { name: "Boiler", price: 1200 },
      { name: "Installation", price: 300 },
    ],
  });
  return { method: "crm.activity.configurable.add", params: { ownerTypeId: 2, ownerId: dealId, fields: { typeId: "CONFIGURABLE" }, layout } };
}
