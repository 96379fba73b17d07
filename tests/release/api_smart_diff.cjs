// Runs api-smart-diff (node_modules, pinned in package.json) on two OpenAPI documents given as
// JSON files (the test converts YAML itself) and prints its changes as one JSON array on stdout:
// [{action, type, path, description, before, after}], type one of breaking | non-breaking |
// annotation | unclassified | deprecated; before/after only when they are scalars (a field name,
// an enum value). Used by tests/release/test_independent_diff.py only.
"use strict";
const fs = require("fs");
const { apiCompare } = require("api-smart-diff");

const [before, after] = process.argv.slice(2).map((p) => JSON.parse(fs.readFileSync(p, "utf8")));
const { diffs } = apiCompare(before, after);
const scalar = (v) => (v === null || typeof v !== "object" ? v : undefined);
const out = diffs.map((d) => ({
  action: d.action,
  type: d.type,
  path: d.path,
  description: d.description || "",
  before: scalar(d.before),
  after: scalar(d.after),
}));
process.stdout.write(JSON.stringify(out));
