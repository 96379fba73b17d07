// Helpers shared by the project's Spectral functions (spec/.spectral.yaml). Not a rule itself:
// Spectral only loads the files listed under `functions:` in the ruleset.
export const VERBS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

// Every operation of a (resolved) path item: [verb, operation].
export function operationsOf(pathItem) {
  if (!pathItem || typeof pathItem !== "object") return [];
  return VERBS.filter((v) => pathItem[v] && typeof pathItem[v] === "object").map((v) => [v, pathItem[v]]);
}

// Every operation of the document: {path, verb, op, item}.
export function allOperations(doc) {
  const out = [];
  const paths = (doc && doc.paths) || {};
  for (const [path, item] of Object.entries(paths)) {
    for (const [verb, op] of operationsOf(item)) out.push({ path, verb, op, item });
  }
  return out;
}

// Path-item and operation parameters together (the operation's win, by name and location).
export function parametersOf(item, op) {
  const merged = new Map();
  for (const p of [...((item && item.parameters) || []), ...((op && op.parameters) || [])]) {
    if (p && typeof p === "object") merged.set(`${p.in}:${p.name}`, p);
  }
  return [...merged.values()];
}

// "camelCase" / "PascalCase" / "kebab-case" -> "snake_case" (the generator's default names).
export function snakeCase(text) {
  return String(text)
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();
}

export function label(verb, path, op) {
  const id = op && op.operationId ? ` (${op.operationId})` : "";
  return `${verb.toUpperCase()} ${path}${id}`;
}
