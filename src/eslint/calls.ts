/**
 * The REST calls in JavaScript and TypeScript source whose method is known statically, and the
 * expression that holds each call's params. The shapes are those of the Bitrix24 front-end library
 * (`BX24.callMethod`, `BX24.callBatch`) and of `@bitrix24/b24jssdk` (`$b24.callMethod`,
 * `callBatch`, `callBatchByChunk`, `actions.v2|v3.call|batch|batchByChunk.make`,
 * `getHttpClient(…).call|batch`); see the SDK's `dist/esm/index.d.ts`.
 */
import type * as ESTree from "estree";
import { propertyName, staticString, unwrap, type SourceNode } from "./static-value.js";

/** One REST call found in the source. */
export interface PayloadCall {
  /** The method's name, as the call sends it. */
  readonly method: string;
  /** The expression that gives the method's name (where a finding about absent params goes). */
  readonly methodNode: SourceNode;
  /** The params, or `undefined` when the call passes none. */
  readonly params: SourceNode | undefined;
}

/**
 * The name a call's callee ends in: `callMethod` for `callMethod(…)`, `BX24.callMethod(…)`,
 * `this.$b24?.callMethod(…)` and `api["callMethod"](…)`.
 */
function calleeName(callee: SourceNode): string | undefined {
  const node = unwrap(callee);
  if (node.type === "Identifier") return node.name;
  if (node.type === "MemberExpression" && node.property.type !== "PrivateIdentifier") return propertyName(node.property, node.computed);
  return undefined;
}

/** The object a member callee is read from (`BX24` for `BX24.callMethod`), or `undefined`. */
function calleeObject(callee: SourceNode): SourceNode | undefined {
  const node = unwrap(callee);
  return node.type === "MemberExpression" && node.object.type !== "Super" ? unwrap(node.object) : undefined;
}

/** The argument at `index` when it is an expression (not a spread), or `undefined`. */
function argument(call: ESTree.CallExpression, index: number): { readonly known: boolean; readonly node: SourceNode | undefined } {
  for (let i = 0; i < Math.min(index + 1, call.arguments.length); i++) {
    // After a spread the arguments' positions are unknown.
    if (call.arguments[i]!.type === "SpreadElement") return { known: false, node: undefined };
  }
  const node = call.arguments[index] as SourceNode | undefined;
  return { known: true, node };
}

/** A call `(method, params)`: the method's name must be known, the params may be absent. */
function methodAndParams(call: ESTree.CallExpression): PayloadCall[] {
  const method = argument(call, 0);
  if (!method.known || method.node === undefined) return [];
  const name = staticString(method.node);
  if (name === undefined) return [];
  const params = argument(call, 1);
  if (!params.known) return [];
  return [{ method: name, methodNode: method.node, params: params.node }];
}

/**
 * The value of the property `name` of an object literal, as JavaScript reads it: the last one
 * written wins, and a spread after it may replace it (then it is unknown: `known: false`).
 */
function propertyValue(object: ESTree.ObjectExpression, name: string): { readonly known: boolean; readonly node: SourceNode | undefined } {
  let result: { known: boolean; node: SourceNode | undefined } = { known: true, node: undefined };
  for (const property of object.properties) {
    if (property.type === "SpreadElement") {
      result = { known: false, node: undefined };
      continue;
    }
    const key = propertyName(property.key, property.computed);
    if (key === undefined) {
      // A computed key that is not known may be `name`.
      result = { known: false, node: undefined };
      continue;
    }
    if (key !== name) continue;
    result = property.kind === "init" && !property.method ? { known: true, node: property.value } : { known: false, node: undefined };
  }
  return result;
}

/** A command object `{ method, params }`, as the SDK's `make` and the batch forms take it. */
function commandObject(object: ESTree.ObjectExpression): PayloadCall[] {
  const method = propertyValue(object, "method");
  if (!method.known || method.node === undefined) return [];
  const name = staticString(method.node);
  if (name === undefined) return [];
  const params = propertyValue(object, "params");
  if (!params.known) return [];
  return [{ method: name, methodNode: method.node, params: params.node }];
}

/** One batch command: a tuple `["method", params]` or an object `{ method, params }`. */
function batchCommand(command: SourceNode): PayloadCall[] {
  const node = unwrap(command);
  if (node.type === "ObjectExpression") return commandObject(node);
  if (node.type !== "ArrayExpression") return [];
  const [method, params] = node.elements;
  if (!method || method.type === "SpreadElement" || params?.type === "SpreadElement") return [];
  const name = staticString(method);
  if (name === undefined) return [];
  return [{ method: name, methodNode: method, params: params ?? undefined }];
}

/**
 * The commands of a batch: a list of commands, or an object of named commands. A command that is
 * not written out (a variable, a spread) is skipped; the others are still found.
 */
function batchCommands(calls: SourceNode | undefined): PayloadCall[] {
  if (calls === undefined) return [];
  const node = unwrap(calls);
  if (node.type === "ArrayExpression") {
    return node.elements.flatMap((element) => (element && element.type !== "SpreadElement" ? batchCommand(element) : []));
  }
  if (node.type === "ObjectExpression") {
    return node.properties.flatMap((property) => (property.type === "Property" && property.kind === "init" && !property.method ? batchCommand(property.value) : []));
  }
  return [];
}

/** The SDK's action managers: `b24.actions.v2` and `b24.actions.v3`. */
function isActionsManager(node: SourceNode | undefined): boolean {
  if (node === undefined) return false;
  const version = calleeName(node);
  const owner = calleeObject(node);
  return (version === "v2" || version === "v3") && owner !== undefined && calleeName(owner) === "actions";
}

/** `<expr>.getHttpClient(…)`: the SDK's HTTP client, whose `call` and `batch` send requests. */
function isHttpClient(node: SourceNode | undefined): boolean {
  return node !== undefined && node.type === "CallExpression" && calleeName(node.callee) === "getHttpClient";
}

/** The REST calls a call expression makes whose method is a known string (several for a batch). */
export function payloadCalls(call: ESTree.CallExpression): PayloadCall[] {
  const name = calleeName(call.callee);
  switch (name) {
    case "callMethod":
      return methodAndParams(call);
    case "callBatch":
    case "callBatchByChunk":
      return argument(call, 0).known ? batchCommands(argument(call, 0).node) : [];
    case "call":
      return isHttpClient(calleeObject(call.callee)) ? methodAndParams(call) : [];
    case "batch":
      return isHttpClient(calleeObject(call.callee)) && argument(call, 0).known ? batchCommands(argument(call, 0).node) : [];
    case "make":
      return actionCalls(call);
    default:
      return [];
  }
}

/** `b24.actions.v2.call.make({ method, params })` and the batch actions' `make({ calls })`. */
function actionCalls(call: ESTree.CallExpression): PayloadCall[] {
  const action = calleeObject(call.callee);
  if (action === undefined || !isActionsManager(calleeObject(action))) return [];
  const options = argument(call, 0);
  if (!options.known || options.node === undefined) return [];
  const object = unwrap(options.node);
  if (object.type !== "ObjectExpression") return [];
  switch (calleeName(action)) {
    case "call":
      return commandObject(object);
    case "batch":
    case "batchByChunk": {
      const calls = propertyValue(object, "calls");
      return calls.known ? batchCommands(calls.node) : [];
    }
    default:
      return [];
  }
}
