// `x-sdk-polling` (DESIGN.md) is complete and points at operations that exist.
//
// given: an operation ($.paths[*][get,put,...]); nothing to check without x-sdk-polling.
// Checks: required members and their types; `success` is a subset of `terminal`;
// `status-operation` (and `cancel-operation`, if given) name operationIds of this document;
// the status operation takes exactly one path parameter (the `id-field` value) and sits in the
// same namespace; the polling operation returns a body.
import { allOperations, label, parametersOf, snakeCase } from "./_ops.js";

const STRING_KEYS = ["status-operation", "id-field", "status-field", "progress-field",
  "cancel-operation", "failure-error", "failure-attribute", "name", "error-field"];
const KNOWN = new Set([...STRING_KEYS, "terminal", "success"]);
const REQUIRED = ["status-operation", "terminal", "success"];

function namespaceOf(op) {
  if (typeof op["x-sdk-namespace"] === "string") return op["x-sdk-namespace"];
  return Array.isArray(op.tags) && op.tags.length ? snakeCase(op.tags[0]) : undefined;
}

export default function xSdkPolling(op, _options, context) {
  if (!op || typeof op !== "object" || !("x-sdk-polling" in op)) return [];
  const polling = op["x-sdk-polling"];
  const at = [...context.path, "x-sdk-polling"];
  // The resolved document: parameters there are objects, not $refs.
  const doc = (context.documentInventory && context.documentInventory.resolved) || context.document.data;
  const path = context.path[1];
  const verb = context.path[2];
  const where = label(String(verb), String(path), op);
  const results = [];
  const fail = (message, sub = []) => results.push({ message: `${where}: x-sdk-polling ${message}`, path: [...at, ...sub] });
  if (!polling || typeof polling !== "object" || Array.isArray(polling)) {
    fail("must be a mapping.");
    return results;
  }
  for (const key of Object.keys(polling)) if (!KNOWN.has(key)) fail(`has an unknown member "${key}".`, [key]);
  for (const key of REQUIRED) if (!(key in polling)) fail(`needs "${key}".`);
  for (const key of STRING_KEYS) {
    if (key in polling && (typeof polling[key] !== "string" || !polling[key])) fail(`"${key}" must be a non-empty string.`, [key]);
  }
  for (const key of ["terminal", "success"]) {
    const v = polling[key];
    if (key in polling && (!Array.isArray(v) || v.length === 0 || v.some((s) => typeof s !== "string"))) {
      fail(`"${key}" must be a non-empty list of status values.`, [key]);
    }
  }
  if (Array.isArray(polling.success) && Array.isArray(polling.terminal)) {
    const extra = polling.success.filter((s) => !polling.terminal.includes(s));
    if (extra.length) fail(`"success" values ${extra.join(", ")} are not in "terminal".`, ["success"]);
  }
  const ops = allOperations(doc);
  const byId = new Map(ops.map((o) => [o.op.operationId, o]));
  for (const key of ["status-operation", "cancel-operation"]) {
    const target = polling[key];
    if (typeof target !== "string" || !target) continue;
    const found = byId.get(target);
    if (!found) {
      fail(`"${key}" names no operationId: "${target}".`, [key]);
      continue;
    }
    const pathParams = parametersOf(found.item, found.op).filter((p) => p.in === "path");
    if (pathParams.length !== 1) {
      fail(`"${key}" (${target}) must take exactly one path parameter (the id), it takes ${pathParams.length}.`, [key]);
    }
    if (namespaceOf(found.op) !== namespaceOf(op)) {
      fail(`"${key}" (${target}) must be in the same namespace as this operation.`, [key]);
    }
  }
  const success = Object.entries(op.responses || {}).filter(([code]) => /^2/.test(code));
  if (!success.some(([, r]) => r && r.content && r.content["application/json"])) {
    fail("needs an operation whose success response is JSON (the object to poll).");
  }
  return results;
}
