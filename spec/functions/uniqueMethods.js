// Every operation (and every request media type with its own x-sdk-method) becomes one Python
// method, and x-sdk-follow one more; two of them must not get the same (namespace, method) name.
//
// given: the document root ($).
import { allOperations, snakeCase } from "./_ops.js";

export default function uniqueMethods(doc) {
  const seen = new Map();
  const results = [];
  for (const { path, verb, op } of allOperations(doc)) {
    const namespace =
      typeof op["x-sdk-namespace"] === "string"
        ? op["x-sdk-namespace"]
        : Array.isArray(op.tags) && op.tags.length
          ? snakeCase(op.tags[0])
          : snakeCase(String(path).split("/").filter((s) => s && !s.startsWith("{"))[0] || "default");
    const content = (op.requestBody && op.requestBody.content) || {};
    const perMedia = Object.entries(content).filter(([, m]) => m && m["x-sdk-method"]);
    const names = perMedia.length
      ? perMedia.map(([mt, m]) => [m["x-sdk-method"], ["paths", path, verb, "requestBody", "content", mt, "x-sdk-method"]])
      : [[op["x-sdk-method"] || snakeCase(op.operationId || `${verb}_${path}`), ["paths", path, verb]]];
    const follow = op["x-sdk-follow"];
    if (follow && typeof follow === "object") {
      names.push([follow.method || "follow", ["paths", path, verb, "x-sdk-follow", "method"]]);
    }
    for (const [name, where] of names) {
      const key = `${namespace}.${name}`;
      if (seen.has(key)) {
        results.push({ message: `Method ${key || name} is generated twice (also by ${seen.get(key)}).`, path: where });
      } else {
        seen.set(key, `${verb.toUpperCase()} ${path}`);
      }
    }
  }
  return results;
}
