"""The names the generated code itself uses, which no name from a spec may take.

Each list belongs to one position in the generated package: a class (``RESERVED_CLASS_NAMES``,
the builtins ``builtin_class_names``), a method argument (``RESERVED_ARGUMENTS``: the runtime's
keyword arguments, the body's locals and globals), an argument of an ``x-sdk-follow`` helper
(``FOLLOW_NAMES``), a client or namespace attribute (``CLIENT_ATTRIBUTES``,
``RESOURCE_ATTRIBUTES``), a package (``DEPENDENCY_MODULES``). generator/naming.py renames a
spec name that would take one (a trailing ``_``, a ``Model`` suffix); build/extension_values.py
refuses an ``x-sdk-*`` value that names one; tests/hostile/ checks the generated code against
them.
"""

from __future__ import annotations

import builtins

# Names no generated class (model or namespace resource) may take: what models.py, the resource
# modules and the client module import or define (templates/client/_method.jinja `imports`,
# templates/client/_client.py.jinja). tests/hostile/test_generic_names.py checks the templates'
# imports against this list.
RESERVED_CLASS_NAMES = frozenset(
    {
        # typing / typing_extensions
        *"Any Annotated AsyncIterator Callable ClassVar Dict Iterator List Literal Mapping".split(),
        *"NotRequired Optional Sequence Set Tuple Type TypeAlias TypedDict Union".split(),
        # pydantic
        *"AnyUrl AwareDatetime BaseModel ConfigDict EmailStr Field NaiveDatetime".split(),
        *"RootModel SecretStr StrictBool StrictBytes StrictFloat StrictInt StrictStr".split(),
        *"AnyHttpUrl HttpUrl IPvAnyAddress Json PositiveInt confloat conint constr".split(),
        *"conlist field_validator model_validator ValidationInfo".split(),
        *"ValidatorFunctionWrapHandler PydanticUndefined".split(),
        # standard library types used in models
        *"Decimal Enum IntEnum StrEnum UUID Path datetime date time timedelta".split(),
        # the runtime and the client modules
        *"OpenEnum PagedResponse PaginationSpec Operation RequestOptions ServerSentEvent".split(),
        *"NotGiven NOT_GIVEN NoneType Body FileInput Headers Query Timeout PollingPolicy".split(),
        *"SyncAPIResource AsyncAPIResource SyncAPIClient AsyncAPIClient ClientConfig".split(),
        *"APIResponse functools httpx TYPE_CHECKING TextIO cached_property".split(),
        *"EventStream AsyncEventStream".split(),
    }
)


def builtin_class_names() -> frozenset[str]:
    """Builtins a class would shadow (``Exception``, ``True``...)."""
    return frozenset(n for n in dir(builtins) if n[:1].isupper())


# THE list of names a generated method argument must not take (``argument_name``; arguments are
# made only in generator/build/arguments.py). An argument is a local name of the method, so it
# must not be any other name the method's signature or body uses:
#
# * the runtime's own keyword arguments (every method has them; ``poll_interval`` and
#   ``max_timeout`` on polling methods, ``idempotency_key`` on keyed ones);
# * the locals the body assigns that do not start with ``_`` (templates/client/_method.jinja
#   ``body``: its request dicts are ``_body``, ``_files``, ``_headers``, ``_cookies``, the first
#   answer of a polling method ``_initial``, which no argument can be);
# * the lower-case module-level and builtin names the body reads: helpers, imported modules,
#   and the classes a ``cast_to``/``item_type`` expression may name (``str``, ``datetime``...).
#   Capitalised names (``Dict``, ``RequestOptions``, models, ``NoneType``) and ``_``-prefixed
#   ones cannot be arguments (``snake_case`` lowers and strips leading underscores), and
#   ``type``/``cast`` are not read by generated bodies (``NoneType``, ``Type[...]``, ``_cast``),
#   so those stay usable as the common argument names they are.
#
# tests/hostile/test_reserved_names.py checks every generated method against this list.
RUNTIME_ARGUMENTS = frozenset(
    {
        "self",
        "extra_headers",
        "extra_query",
        "extra_body",
        "timeout",
        "total_timeout",
        "max_retries",
        "retry_backoff_factor",
        "idempotency_key",
        "poll_interval",
        "max_timeout",
    }
)
BODY_LOCALS = frozenset({"options"})
BODY_GLOBALS = frozenset(
    {"functools", "check_arguments", "isinstance", "str", "int", "float", "bool", "bytes"}
    | {"datetime", "cookie_header"}
)
RESERVED_ARGUMENTS = RUNTIME_ARGUMENTS | BODY_LOCALS | BODY_GLOBALS
# The ``x-sdk-follow`` helper's own arguments, locals and modules: a path parameter of the
# stream named like one is renamed in the helper's signature (``follow_argument``).
FOLLOW_NAMES = frozenset(
    {"self", "file", "poll_interval", "timeout", "out", "pause", "last_event_id", "headers"}
    | {"event", "current", "status", "deadline", "exc", "sys", "json", "time", "asyncio"}
    | {"_APITimeoutError", "_deadline_scope", "follow_deadline", "follow_timeout"}
)

# Attributes of the generated clients (runtime base classes) a namespace or a client-level
# method must not replace.
CLIENT_ATTRIBUTES = frozenset(
    {
        "config",
        "rate_limit",
        "max_retries",
        "copy",
        "with_options",
        "close",
        "aclose",
        "request",
        "request_page",
        "request_stream",
        "options",
        "with_raw_response",
        "with_streaming_response",
    }
)
# Attributes of the namespace (resource) base classes a method must not replace.
RESOURCE_ATTRIBUTES = frozenset({"options"})

# Modules a generated package imports: a package named like one would shadow it.
DEPENDENCY_MODULES = frozenset(
    {"httpx", "httpx_sse", "pydantic", "pydantic_core", "typing_extensions", "anyio", "sniffio",
     "httpcore", "h11", "idna", "certifi", "annotated_types", "typing_inspection"}
)  # fmt: skip
