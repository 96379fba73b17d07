"""The release tools: the spec-to-spec diff (``diff``), each package's history and CHANGELOG.md
(``changelog``), the release gate (``gate``). They use the generator (its reading stage, its
package facts, its templates); the generator never imports them."""
