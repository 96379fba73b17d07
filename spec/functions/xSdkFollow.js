// `x-sdk-follow` (README, "The x-sdk-* extensions"): a helper beside a text/event-stream method
// that prints the events and re-fetches the object with `status-operation` until it is terminal.
//
// given: an operation ($.paths[*][get,put,...]); nothing to check without x-sdk-follow.
// Checks: a mapping of known members; `status-operation` names an operation of this document,
// in the same namespace, taking exactly the stream's path parameters and nothing else required;
// `terminal` a non-empty list of strings; `method` / `status-field` identifiers; `line` a
// string; the operation itself answers text/event-stream.
import { allOperations, label, parametersOf, snakeCase } from "./_ops.js";

const KNOWN = new Set(["method", "status-operation", "status-field", "terminal", "line"]);
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function namespaceOf(op) {
  if (typeof op["x-sdk-namespace"] === "string") return op["x-sdk-namespace"];
  return Array.isArray(op.tags) && op.tags.length ? snakeCase(op.tags[0]) : undefined;
}

export default function xSdkFollow(op, _options, context) {
  if (!op || typeof op !== "object" || !("x-sdk-follow" in op)) return [];
  const follow = op["x-sdk-follow"];
  const at = [...context.path, "x-sdk-follow"];
  // The resolved document: parameters there are objects, not $refs.
  const doc = (context.documentInventory && context.documentInventory.resolved) || context.document.data;
  const path = String(context.path[1]);
  const verb = String(context.path[2]);
  const results = [];
  const fail = (message, sub = []) =>
    results.push({ message: `${label(verb, path, op)}: x-sdk-follow ${message}`, path: [...at, ...sub] });
  if (!follow || typeof follow !== "object" || Array.isArray(follow)) {
    fail("must be a mapping.");
    return results;
  }
  for (const key of Object.keys(follow)) if (!KNOWN.has(key)) fail(`has an unknown member "${key}".`, [key]);
  for (const key of ["method", "status-field"]) {
    if (key in follow && (typeof follow[key] !== "string" || !IDENTIFIER.test(follow[key]))) {
      fail(`"${key}" must be a snake_case identifier.`, [key]);
    }
  }
  if ("line" in follow && typeof follow.line !== "string") fail('"line" must be a string.', ["line"]);
  const terminal = follow.terminal;
  if (!Array.isArray(terminal) || terminal.length === 0 || terminal.some((s) => typeof s !== "string")) {
    fail('"terminal" must be a non-empty list of status values.', ["terminal"]);
  }
  const streams = Object.entries(op.responses || {}).some(
    ([code, r]) => /^2/.test(code) && r && r.content && r.content["text/event-stream"],
  );
  if (!streams) fail("needs an operation that answers text/event-stream.");

  const target = follow["status-operation"];
  if (typeof target !== "string" || !target) {
    fail('needs "status-operation" (an operationId).');
    return results;
  }
  const ops = allOperations(doc);
  const found = ops.find((o) => o.op.operationId === target);
  if (!found) {
    fail(`"status-operation" names no operationId: "${target}".`, ["status-operation"]);
    return results;
  }
  if (namespaceOf(found.op) !== namespaceOf(op)) {
    fail(`"status-operation" (${target}) must be in the same namespace as this operation.`, ["status-operation"]);
  }
  const self = ops.find((o) => o.path === path && o.verb === verb);
  const names = (o) => parametersOf(o.item, o.op).filter((p) => p.in === "path").map((p) => p.name).join(",");
  const extraRequired = parametersOf(found.item, found.op).filter((p) => p.in !== "path" && p.required);
  if (self && (names(found) !== names(self) || extraRequired.length || (found.op.requestBody && found.op.requestBody.required))) {
    fail(`"status-operation" (${target}) must take this operation's path parameters and nothing else required.`, ["status-operation"]);
  }
  return results;
}
