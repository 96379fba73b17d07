// `x-sdk-pagination` (DESIGN.md): style page|single; for `page`, the page and size parameters
// are query parameters of the operation.
//
// given: a path item ($.paths[*]); checks each of its operations that has x-sdk-pagination.
import { label, operationsOf, parametersOf } from "./_ops.js";

const KNOWN = new Set(["style", "items", "meta", "page-param", "size-param"]);

export default function xSdkPagination(pathItem, _options, context) {
  const results = [];
  const path = context.path[context.path.length - 1];
  for (const [verb, op] of operationsOf(pathItem)) {
    if (!("x-sdk-pagination" in op)) continue;
    const pag = op["x-sdk-pagination"];
    const at = [...context.path, verb, "x-sdk-pagination"];
    const fail = (message, sub = []) =>
      results.push({ message: `${label(verb, path, op)}: x-sdk-pagination ${message}`, path: [...at, ...sub] });
    if (!pag || typeof pag !== "object" || Array.isArray(pag)) {
      fail("must be a mapping.");
      continue;
    }
    for (const key of Object.keys(pag)) if (!KNOWN.has(key)) fail(`has an unknown member "${key}".`, [key]);
    const style = pag.style === undefined ? "page" : pag.style;
    if (style !== "page" && style !== "single") {
      fail(`style must be "page" or "single", not ${JSON.stringify(style)}.`, ["style"]);
      continue;
    }
    if (style !== "page") continue;
    const query = new Set(parametersOf(pathItem, op).filter((p) => p.in === "query").map((p) => p.name));
    for (const [key, fallback] of [["page-param", "page"], ["size-param", "per_page"]]) {
      const name = pag[key] === undefined ? fallback : pag[key];
      if (!query.has(name)) fail(`"${key}" names "${name}", which is not a query parameter of the operation.`, [key]);
    }
  }
  return results;
}
