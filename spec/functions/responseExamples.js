// Every response shows what it looks like: it has content (unless its status has no body) and
// every media type of that content carries an `example` or `examples`.
//
// given: a response object ($.paths[*][*].responses[*], $.components.responses[*]).
const NO_BODY = new Set(["204", "205", "304"]);

export default function responseExamples(response, _options, context) {
  if (!response || typeof response !== "object") return [];
  // A status code under an operation, a name under components.responses.
  const status = String(context.path[context.path.length - 1]);
  const content = response.content;
  if (!content || Object.keys(content).length === 0) {
    if (NO_BODY.has(status)) return [];
    return [{ message: `Response ${status} has no content, so no example.`, path: [...context.path] }];
  }
  const results = [];
  for (const [mediaType, media] of Object.entries(content)) {
    const examples = media && media.examples;
    const hasExamples = examples && typeof examples === "object" && Object.keys(examples).length > 0;
    if (!media || (media.example === undefined && !hasExamples)) {
      results.push({
        message: `Response ${status} (${mediaType}) has no example or examples.`,
        path: [...context.path, "content", mediaType],
      });
    }
  }
  return results;
}
