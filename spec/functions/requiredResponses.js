// Operations that can fail in a given way must document that failure.
//
// given: a path item ($.paths[*]); options:
//   codes: status codes that must be documented, e.g. ["401", "403", "429"]
//   when:  "secured"     - the operation has a non-empty security requirement (its own or the
//                          document's): bad/missing key, missing scope, quota
//          "path-params" - the path has parameters: an unknown id is a 404
//          "input"       - the operation takes a request body or a parameter with constraints
//                          (enum, bounds, lengths, pattern, format, ...): invalid input is a 422
import { label, operationsOf, parametersOf } from "./_ops.js";

const CONSTRAINTS = [
  "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
  "minLength", "maxLength", "pattern", "format", "minItems", "maxItems", "uniqueItems",
];

function constrained(schema, depth = 0) {
  if (!schema || typeof schema !== "object" || depth > 8) return false;
  if (CONSTRAINTS.some((k) => k in schema)) return true;
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    if (Array.isArray(schema[key]) && schema[key].some((s) => constrained(s, depth + 1))) return true;
  }
  return schema.items ? constrained(schema.items, depth + 1) : false;
}

function secured(op, doc) {
  const security = op.security !== undefined ? op.security : doc && doc.security;
  return Array.isArray(security) && security.some((req) => req && Object.keys(req).length > 0);
}

const REASONS = {
  secured: "it requires authentication",
  "path-params": "its path has parameters (an unknown id)",
  input: "it takes a request body or constrained parameters (invalid input)",
};

export default function requiredResponses(pathItem, options, context) {
  const { codes = [], when } = options || {};
  const doc = context.document && context.document.data;
  const path = context.path[context.path.length - 1];
  const results = [];
  for (const [verb, op] of operationsOf(pathItem)) {
    let applies;
    if (when === "secured") applies = secured(op, doc);
    else if (when === "path-params") applies = /\{[^}]+\}/.test(String(path));
    else if (when === "input")
      applies = Boolean(op.requestBody) || parametersOf(pathItem, op).some((p) => constrained(p.schema));
    else throw new Error(`requiredResponses: unknown option when=${when}`);
    if (!applies) continue;
    const responses = op.responses || {};
    const missing = codes.filter((c) => !(String(c) in responses));
    if (missing.length) {
      results.push({
        message: `${label(verb, path, op)} must document ${missing.join(", ")}: ${REASONS[when]}.`,
        path: [...context.path, verb, "responses"],
      });
    }
  }
  return results;
}
