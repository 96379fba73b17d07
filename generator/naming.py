"""Turning names from a spec into safe, idiomatic Python identifiers.

Every name the generator writes as code (argument, method, namespace, class) goes through here:
the result is ASCII, a valid identifier, not a keyword or soft keyword, and not one of the names
the generated code itself uses in that position (their lists: generator/reserved.py). Collisions
are resolved by the caller with ``unique`` (a numeric suffix, deterministic in spec order).
"""

from __future__ import annotations

import builtins
import functools
import hashlib
import keyword
import re
import unicodedata
from collections.abc import Collection

from .reserved import (
    CLIENT_ATTRIBUTES,
    DEPENDENCY_MODULES,
    FOLLOW_NAMES,
    RESERVED_ARGUMENTS,
    RESERVED_CLASS_NAMES,
    RESOURCE_ATTRIBUTES,
    RUNTIME_ARGUMENTS,
    builtin_class_names,
)

# Before the word boundaries: an acronym's plural is one word (``IDs`` -> ``ids``, ``getURLs``
# -> ``get_urls``, ``DBRPs`` -> ``dbrps``, not ``i_ds``): an ``s`` ending a run of capitals is
# made a capital too.
_ACRONYM_PLURAL = re.compile(r"([A-Z]{2,})s(?![a-z])")
_ACRONYM_PLURAL_BEFORE_CAPITAL = re.compile(r"([A-Z]{2,})s(?=[A-Z])")  # DBRPsID: dbrps_id
# Words whose capitals are not word boundaries, one word each as users write them in Python
# (``OAuth2Token`` -> ``oauth2_token``, ``GraphQL`` -> ``graphql``, ``iOS`` -> ``ios``, not
# ``o_auth2_token``, ``graph_ql``, ``i_os``): a small table, matched as written (its first letter
# in either case, as camelCase puts it) and never before a lower-case letter.
BRAND_WORDS = (
    *"OAuth GraphQL GitHub GitLab IPv4 IPv6 PostgreSQL MySQL NoSQL OpenAI OpenAPI".split(),
    *"iOS iPadOS macOS tvOS watchOS visionOS".split(),
)


def _brand(word: str) -> str:
    """The pattern of a ``BRAND_WORDS`` word: ``graphQL`` only where a name starts or after a
    non-letter (not ``photographQL``); ``IOS``/``MacOS`` not after a capital (not ``BIOS``)."""
    upper, lower, rest = re.escape(word[0].upper()), re.escape(word[0].lower()), re.escape(word[1:])
    if word[0].isupper():
        return f"(?:{upper}|(?<![A-Za-z]){lower}){rest}(?![a-z])"
    return f"(?:(?<![A-Za-z]){lower}|(?<![A-Z]){upper}){rest}(?![a-z])"


_BRAND = re.compile("|".join(_brand(w) for w in sorted(BRAND_WORDS, key=len, reverse=True)))
_SPELLED = re.compile(r"(?<![A-Za-z0-9])[A-Z](?:[/.&][A-Z])+\.?(?![A-Za-z0-9])")  # I/O, U.S.
_PROSE_BRAND = re.compile(r"(?<![A-Za-z0-9'])[A-Z][a-z]{2,}[A-Z]{2,}(?![A-Za-z0-9])")  # InfluxDB
_CAMEL_BOUNDARY_1 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_CAMEL_BOUNDARY_2 = re.compile(r"([a-z0-9])([A-Z])")
_NON_IDENT = re.compile(r"[^0-9a-zA-Z_]+")


# Characters of a name the generator makes (identifier, module, package, class): a module's file
# name must fit in 255 bytes (a 300-character tag failed with "File name too long").
MAX_NAME = 80


def shorten(text: str, limit: int = MAX_NAME, sep: str = "_") -> str:
    """``text``, or its start and 8 hex digits of its hash when longer than ``limit``:
    deterministic, and two long names that differ anywhere stay different."""
    if len(text) <= limit:
        return text
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    if sep != "_":
        digest = digest.upper()
    return text[: limit - len(digest) - len(sep)].rstrip("_") + sep + digest


def ascii_text(name: str) -> str:
    """``naïve`` -> ``naive``: letters with accents lose them; other non-ASCII goes."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def snake_case(name: str) -> str:
    """``getRunHistory`` -> ``get_run_history``; ``shared-configs`` -> ``shared_configs``;
    ``getURLs`` -> ``get_urls``; ``OAuth2Token`` -> ``oauth2_token``; ``GraphQL`` -> ``graphql``."""
    return _underscored(acronym_words(ascii_text(str(name))))


def acronym_words(text: str) -> str:
    """``text`` with an acronym's plural and the ``BRAND_WORDS`` made single words for the case
    split (``getURLs`` -> ``getURLS``, ``OAuth2`` -> ``Oauth2``, ``iOSApp`` -> ``IosApp``).
    Model attributes get the same (generator/models: ``_acronym_fields``), so an argument and
    the attribute it fills match. Letters written with slashes or dots are one word (``Data
    I/O`` -> ``Data IO``); in words written apart (a title, a tag), a capitalized word that ends
    in capitals is one word too (``InfluxDB OSS`` -> ``Influxdb OSS``), as the text spells it."""
    text = _SPELLED.sub(lambda m: re.sub(r"[/.&]", "", m[0]), text)
    if " " in text:
        text = _PROSE_BRAND.sub(lambda m: m[0][:1] + m[0][1:].lower(), text)
    text = _BRAND.sub(lambda m: m[0][:1].upper() + m[0][1:].lower(), text)
    text = _ACRONYM_PLURAL_BEFORE_CAPITAL.sub(r"\1S_", text)
    return _ACRONYM_PLURAL.sub(r"\1S", text)


def _underscored(text: str) -> str:
    """Words split at case changes and non-identifier characters, lower-cased, joined by ``_``."""
    text = _CAMEL_BOUNDARY_1.sub(r"\1_\2", text)
    text = _CAMEL_BOUNDARY_2.sub(r"\1_\2", text)
    text = _NON_IDENT.sub("_", text).strip("_").lower()
    text = re.sub(r"_+", "_", text)
    return text or "_"


def pascal_case(name: str) -> str:
    """``shared_configurations`` -> ``SharedConfigurations`` (at most ``MAX_NAME`` long)."""
    # Not snake_case's acronym rules: class names keep their capitals the way they always did
    # (``OAuth.Token`` -> ``OAuthToken``, ``orgIDs`` -> ``OrgIDs``), released names included.
    parts = [p for p in re.split(r"[^0-9a-zA-Z]+", _underscored(ascii_text(str(name)))) if p]
    text = shorten("".join(p[:1].upper() + p[1:] for p in parts) or "X", sep="")
    if text[0].isdigit():
        text = "_" + text
    return text


# Fixed (not ``keyword.softkwlist``): the output must not depend on the generator's Python.
_SOFT_KEYWORDS = {"_", "case", "match"}


def identifier(name: str) -> str:
    """A safe Python identifier for a parameter or attribute (at most ``MAX_NAME`` long)."""
    text = shorten(snake_case(name))
    if text == "_":
        text = "value"
    if text[0].isdigit():
        text = "_" + text
    if keyword.iskeyword(text) or text in _SOFT_KEYWORDS or text in RUNTIME_ARGUMENTS:
        text += "_"
    elif text == "l":  # E741/E743: ambiguous with 1 (snake_case never yields O or I)
        text += "_"
    return text


# A query parameter named with a comparison operator (Twilio's ``DateSent<``, ``DateSent>``
# beside ``DateSent``): the operator in words, instead of ``date_sent_2``, ``date_sent_3``.
_COMPARISONS = (
    ("<=", "lte", "on_or_before"),
    (">=", "gte", "on_or_after"),
    ("<", "lt", "before"),
    (">", "gt", "after"),
)


def comparison_words(name: str, *, dated: bool) -> str:
    """``DateSent<`` -> ``DateSent_before`` (a date: ``before``, ``after``, ``on_or_before``,
    ``on_or_after``), ``Price>=`` -> ``Price_gte`` (else ``lt``, ``gt``, ``lte``, ``gte``);
    any other name as it is."""
    for operator, plain, date in _COMPARISONS:
        stem = name[: -len(operator)]
        if name.endswith(operator) and _NON_IDENT.sub("", stem):
            return f"{stem}_{date if dated else plain}"
    return name


def argument_name(name: str, *, whole_body: bool = False) -> str:
    """A method argument: an identifier that does not shadow the method body's own names."""
    text = identifier(name)
    if text in RESERVED_ARGUMENTS and not (whole_body and text == "body"):
        text += "_"
    elif text in ("l", "O", "I"):  # E741: ambiguous with 1 and 0
        text += "_"
    return text


def follow_argument(name: str) -> str:
    """A stream's path argument as an argument of its ``x-sdk-follow`` helper."""
    return name + "_" if name in FOLLOW_NAMES else name


def method_name(name: str, reserved: Collection[str] = RESOURCE_ATTRIBUTES) -> str:
    text = identifier(name)
    # A method may shadow a builtin (``list``, ``filter``) on a class: fine and idiomatic.
    if text in reserved:
        text += "_"
    return text


def namespace_name(name: str) -> str:
    """The client attribute (and module) of a namespace."""
    text = identifier(name)
    if text in CLIENT_ATTRIBUTES:
        text += "_"
    return text


def unique(name: str, taken: Collection[str]) -> str:
    """``name``, or ``name_2``, ``name_3``... : the first not in ``taken``."""
    if name not in taken:
        return name
    stem = name.rstrip("_") or name
    counter = 2
    while f"{stem}_{counter}" in taken:
        counter += 1
    return f"{stem}_{counter}"


def is_builtin(name: str) -> bool:
    return hasattr(builtins, name)


def is_identifier(name: str) -> bool:
    """An ASCII Python identifier that is not a keyword."""
    return name.isascii() and name.isidentifier() and not keyword.iskeyword(name)


def package_name_problem(value: str) -> str:
    """Why ``value`` cannot name a generated package ("" if it can): a lower-case identifier
    that no standard-library or dependency module has (the package would shadow it)."""
    import sys

    if not re.fullmatch(r"[a-z_][a-z0-9_]*", value) or not is_identifier(value):
        return f"{value!r} is not a valid Python package name (lower case, digits, underscores)"
    if value in sys.stdlib_module_names or value in DEPENDENCY_MODULES:
        return f"{value!r} would shadow the module of that name"
    return ""


def package_name_from_title(title: str) -> str:
    """A package name from ``info.title``: snake_case, never a stdlib or dependency name."""
    import sys

    name = shorten(snake_case(title))
    if name == "_" or not name:
        name = "api"
    if name[0].isdigit():
        name = "api_" + name
    if (
        name in sys.stdlib_module_names
        or name in DEPENDENCY_MODULES
        or name in ("keyword", "builtins")
        or keyword.iskeyword(name)
    ):
        name += "_client"
    return name


@functools.lru_cache(maxsize=1 << 16)
def class_base(name: str) -> str:
    """``pet.store`` -> ``PetStore``, ``1st`` -> ``Model1st``, nothing usable -> ``Model``:
    ASCII PascalCase that is an identifier. Remembered (bounded): naming the inline schemas
    asks for the same few names again and again (stripe.yaml: 15,000 calls, 4,000 names,
    0.16 s of the build without the cache)."""
    base = pascal_case(name).lstrip("_")
    if not base or base == "X":  # pascal_case's answer for a name with no letters or digits
        return "Model"
    return "Model" + base if base[0].isdigit() else base


def plan_class_names(
    schemas: Collection[str], reserved: Collection[str] = frozenset()
) -> dict[str, str]:
    """{component schema name: unique, safe Python class name}, deterministic (spec order).

    A name that already is a plain PascalCase identifier is kept; anything else is
    PascalCased; clashes with reserved names get a ``Model`` suffix, duplicates a number.
    """
    taken = {n.lower() for n in RESERVED_CLASS_NAMES | builtin_class_names() | set(reserved)}
    taken.update(keyword.kwlist)
    out: dict[str, str] = {}
    used: set[str] = set()
    for raw in schemas:
        name = str(raw)
        plain = re.fullmatch(r"[A-Z][A-Za-z0-9]*", name)
        base = shorten(name, sep="") if plain else class_base(name)
        if base.lower() in taken or base in ("I", "O", "l"):  # E742: ambiguous class names
            base += "Model"
        candidate = base
        counter = 1
        # case-insensitive: two classes must not differ only in case (readers and file systems)
        while candidate.lower() in used or candidate.lower() in taken:
            counter += 1
            candidate = f"{base}{counter}"
        used.add(candidate.lower())
        out[raw] = candidate
    return out


def field_name(name: object) -> str:
    """The attribute a model gives a wire field (``runStatus`` -> ``run_status``), as
    datamodel-code-generator names it: snake_case, a keyword gets a ``_``."""
    from .spectext import raw

    text = snake_case(str(raw(name)))
    if text[0].isdigit():
        text = "field_" + text
    return text + "_" if keyword.iskeyword(text) else text
