"""The reference server's ASGI application: auth, scopes, rate-limit headers, idempotency,
request recording and fault injection around the handlers of ``api.py``."""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.types import Receive, Scope, Send

from . import api
from .errors import ApiError, error_envelope
from .faults import DEFAULT_HTML, Fault, FaultKind
from .store import DEFAULT_RATE_LIMIT, ApiKeyRecord, Store, iso

BASE_PATH = "/api/v1"
DEFAULT_TOKEN = "rl_test_key"
DEFAULT_SCOPES = ("read", "write", "admin")


@dataclass
class RecordedRequest:
    """One request as the server received it (recorded before auth or faults apply)."""

    method: str
    path: str  # relative to /api/v1 ("/runs/1"); the full path for requests outside it
    url_path: str  # the full path ("/api/v1/runs/1")
    query: dict[str, str]  # last value per name
    query_list: list[tuple[str, str]]  # every (name, value), in order
    headers: dict[str, str]  # lower-case names
    body: bytes
    json: Any = None  # parsed JSON body (None when not JSON)
    form: dict[str, Any] | None = None  # multipart/urlencoded fields; files as api.UploadedFile
    time: float = field(default_factory=time.time)
    response_status: int | None = (
        None  # what the server answered; None if it dropped the connection
    )
    fault: Fault | None = None  # the fault that fired on this request, if any


@dataclass
class _Stored:
    fingerprint: Any
    status: int
    body: bytes
    content_type: str
    headers: dict[str, str]


class RunRLReferenceApp:
    """A stateful in-memory RunRL API (ASGI 3). See tests/server/README.md.

    ``tokens`` maps bearer tokens to their scopes (default ``{"rl_test_key": read/write/admin}``);
    each becomes an API key of the single test account (visible in ``GET /keys``). A key with
    the ``admin`` scope may do everything.
    """

    def __init__(
        self,
        tokens: Mapping[str, Sequence[str]] | None = None,
        *,
        rate_limit: int = DEFAULT_RATE_LIMIT,
    ) -> None:
        if tokens is None:
            tokens = {DEFAULT_TOKEN: DEFAULT_SCOPES}
        self.store = Store(tokens, rate_limit)
        self.requests: list[RecordedRequest] = []
        self.faults: list[Fault] = []
        self._idempotency: dict[tuple[str, str, str, str], _Stored] = {}
        self._lock = threading.Lock()

    # -- test hooks -------------------------------------------------------------------------------

    def inject(
        self,
        path: str,
        method: str = "*",
        kind: FaultKind = "status",
        *,
        times: int | None = 1,
        status: int | None = None,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        delay: float = 0.0,
        events: int = 1,
        content_type: str | None = None,
    ) -> Fault:
        """Queue a fault (kinds: see faults.py). Returns it; ``fault.hits`` counts firings."""
        fault = Fault(
            path=path,
            method=method,
            kind=kind,
            times=times,
            status=status,
            body=body,
            headers=dict(headers or {}),
            delay=delay,
            events=events,
            content_type=content_type,
        )
        with self._lock:
            self.faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    def clear_requests(self) -> None:
        with self._lock:
            self.requests.clear()

    def requests_to(
        self, method: str | None = None, path: str | None = None
    ) -> list[RecordedRequest]:
        """Recorded requests, filtered by method and by a regex fullmatch of the relative path."""
        with self._lock:
            out = list(self.requests)
        if method is not None:
            out = [r for r in out if r.method == method.upper()]
        if path is not None:
            rx = re.compile(path)
            out = [r for r in out if rx.fullmatch(r.path)]
        return out

    @property
    def last_request(self) -> RecordedRequest:
        with self._lock:
            return self.requests[-1]

    def add_token(
        self, token: str, scopes: Sequence[str], *, requests_per_hour: int = DEFAULT_RATE_LIMIT
    ) -> ApiKeyRecord:
        """Add an API key (bearer token) with these scopes, e.g. a read-only key for 403 tests."""
        return self.store.add_key(
            token, scopes, requests_per_hour=requests_per_hour, name=f"key {token[:10]}"
        )

    def reset(self) -> None:
        """Back to the initial state: resources, keys, recorded requests, faults, idempotency."""
        with self._lock:
            self.requests.clear()
            self.faults.clear()
            self._idempotency.clear()
        self.store.reset()

    # -- ASGI -------------------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        await self._handle(scope, receive, send)

    async def _handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        rec, json_error = await self._record(request)
        now = time.time()

        fault = self._take_fault(rec.method, rec.path)
        rec.fault = fault
        if fault is not None and fault.delay > 0:
            await asyncio.sleep(fault.delay)
        if fault is not None and fault.kind in ("status", "non_json", "drop"):
            await self._fire_early_fault(fault, rec, receive, send, now)
            return

        key: ApiKeyRecord | None = None
        idem: tuple[tuple[str, str, str, str], Any] | None = None
        try:
            key = self._authenticate(rec, now)
            if not rec.url_path.startswith(BASE_PATH + "/") and rec.url_path != BASE_PATH:
                raise ApiError(404, f"No route for {rec.method} {rec.url_path}")
            route, params, path_exists = api.match_route(rec.method, rec.path)
            if route is None:
                if path_exists:
                    raise ApiError(
                        405,
                        f"Method {rec.method} not allowed on {rec.path}",
                        headers={"Allow": ", ".join(api.allowed_methods(rec.path))},
                    )
                raise ApiError(404, f"No route for {rec.method} {rec.path}")
            if (
                route.scope is not None
                and route.scope not in key.scopes
                and "admin" not in key.scopes
            ):
                raise ApiError(
                    403,
                    f"This API key lacks the '{route.scope}' scope",
                    details={"required_scope": route.scope, "key_scopes": list(key.scopes)},
                )
            names = [name for name, _ in rec.query_list]
            repeated = sorted({name for name in names if names.count(name) > 1})
            if repeated:  # every query parameter of the API is a single value
                raise ApiError(
                    400,
                    f"Invalid query parameter '{repeated[0]}': given more than once",
                    details={name: "must be given once" for name in repeated},
                )
            idem_header = rec.headers.get("idempotency-key")
            if idem_header and rec.method == "POST":
                idem = ((key.token, rec.method, rec.path, idem_header), self._fingerprint(rec))
                stored = self._idempotency.get(idem[0])
                if stored is not None:
                    if stored.fingerprint != idem[1]:
                        raise ApiError(
                            400,
                            "Idempotency-Key was already used with a different request",
                            details={"idempotency_key": idem_header},
                        )
                    headers = dict(stored.headers, **{"Idempotent-Replayed": "true"})
                    await self._send(
                        send,
                        rec,
                        stored.status,
                        stored.body,
                        stored.content_type,
                        headers,
                        key,
                        now,
                    )
                    return
            ctx = api.Ctx(
                store=self.store,
                method=rec.method,
                path=rec.path,
                params=params,
                query=rec.query,
                headers=rec.headers,
                body=rec.body,
                json=rec.json,
                json_error=json_error,
                form=rec.form,
                key=key,
                now=now,
            )
            with self.store.lock:
                reply = route.handler(ctx)
        except ApiError as exc:
            reply = api.Reply(status=exc.status, headers=exc.headers)
            body = json.dumps(
                error_envelope(exc.status, exc.message, exc.code, exc.details)
            ).encode()
            status, ctype = exc.status, "application/json"
        else:
            status, body, ctype = self._render(reply)

        if idem is not None and reply.stream is None and status < 500:
            self._idempotency[idem[0]] = _Stored(idem[1], status, body, ctype, dict(reply.headers))

        if fault is not None and fault.kind == "after_processing_status":
            fstatus = fault.response_status()
            fbody, fctype = self._fault_body(fault, fstatus)
            await self._send(send, rec, fstatus, fbody, fctype, fault.headers, key, now)
            return
        if fault is not None and fault.kind == "after_processing_drop":
            await self._close_connection(receive, rec)
            return
        cut = fault.events if fault is not None and fault.kind == "cut_stream" else None

        if reply.stream is not None and status < 400:
            await self._send_stream(send, receive, rec, reply, ctype, key, now, cut)
            return
        if cut is not None:
            await self._send_start(
                send, rec, status, ctype, reply.headers, key, now, length=len(body)
            )
            await send({"type": "http.response.body", "body": body[:cut], "more_body": True})
            await self._close_connection(receive, rec)
            return
        await self._send(send, rec, status, body, ctype, reply.headers, key, now)

    # -- pieces -----------------------------------------------------------------------------------

    async def _record(self, request: Request) -> tuple[RecordedRequest, bool]:
        body = await request.body()
        url_path: str = request.scope["path"]
        path = url_path[len(BASE_PATH) :] if url_path.startswith(BASE_PATH + "/") else url_path
        headers = {
            k.decode("latin-1").lower(): v.decode("latin-1") for k, v in request.scope["headers"]
        }
        ctype = headers.get("content-type", "")
        parsed: Any = None
        json_error = False
        form: dict[str, Any] | None = None
        if body and ("json" in ctype or not ctype):
            try:
                parsed = json.loads(body)
            except ValueError:
                json_error = "json" in ctype
        elif ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            form = {}
            try:
                async with request.form(max_part_size=64 * 1024 * 1024) as fd:
                    for name, value in fd.multi_items():
                        if isinstance(value, UploadFile):
                            form[name] = api.UploadedFile(
                                filename=value.filename or "",
                                content_type=value.content_type or "",
                                content=await value.read(),
                            )
                        else:
                            form[name] = value
            except Exception:  # malformed multipart: leave what was parsed; the handler answers 422
                pass
        rec = RecordedRequest(
            method=request.method.upper(),
            path=path,
            url_path=url_path,
            query=dict(request.query_params),
            query_list=list(request.query_params.multi_items()),
            headers=headers,
            body=body,
            json=parsed,
            form=form,
        )
        with self._lock:
            self.requests.append(rec)
        return rec, json_error

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.matches(method, path):
                    fault.hits += 1
                    if fault.exhausted:
                        self.faults.remove(fault)
                    return fault
        return None

    def _authenticate(self, rec: RecordedRequest, now: float) -> ApiKeyRecord:
        auth = rec.headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        if not auth:
            raise ApiError(401, "Missing API key: send Authorization: Bearer <key>")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "Malformed Authorization header: expected 'Bearer <key>'")
        with self.store.lock:
            key = self.store.key_for_token(token.strip())
            if key is None:
                raise ApiError(401, "Invalid API key")
            if not key.active:
                raise ApiError(401, "This API key has been deactivated")
            if (
                key.expires_at is not None
                and api.parse_datetime(key.expires_at, "expires_at").timestamp() < now
            ):
                raise ApiError(401, "This API key has expired")
            used, reset = key.rate_window(now)
            key.window_count = used + 1
            key.total_requests += 1
            key.last_used_at = iso()
            if key.window_count > key.requests_per_hour:
                raise ApiError(
                    429,
                    "Hourly request quota exceeded",
                    details={"limit": key.requests_per_hour, "reset": reset},
                    headers={"Retry-After": str(max(1, int(reset - now)))},
                )
        return key

    @staticmethod
    def _fingerprint(rec: RecordedRequest) -> Any:
        if rec.json is not None:
            return ("json", json.dumps(rec.json, sort_keys=True))
        if rec.form is not None:
            items = []
            for k, v in sorted(rec.form.items()):
                if isinstance(v, api.UploadedFile):
                    items.append((k, v.filename, v.content))
                else:
                    items.append((k, str(v), b""))
            return ("form", tuple(items))
        return ("raw", rec.body)

    @staticmethod
    def _render(reply: api.Reply) -> tuple[int, bytes, str]:
        if reply.raw is not None:
            return reply.status, reply.raw, reply.content_type
        if reply.stream is not None:
            return reply.status, b"", reply.content_type
        envelope = {"success": True, "message": reply.message, "data": reply.data}
        return reply.status, json.dumps(envelope).encode(), "application/json"

    @staticmethod
    def _fault_body(fault: Fault, status: int) -> tuple[bytes, str]:
        if fault.kind == "non_json":
            body = fault.body if fault.body is not None else DEFAULT_HTML
            ctype = fault.content_type or "text/html; charset=utf-8"
        elif fault.body is None:
            message = {
                429: "Too many requests",
                500: "Internal server error",
                502: "Bad gateway",
                503: "Service temporarily unavailable",
                504: "Gateway timeout",
            }.get(status, f"Injected error {status}")
            body = error_envelope(status, message, details={"injected": True})
            ctype = fault.content_type or "application/json"
        else:
            body = fault.body
            ctype = fault.content_type or (
                "application/json" if isinstance(body, (dict, list)) else "text/plain"
            )
        if isinstance(body, (dict, list)):
            return json.dumps(body).encode(), ctype
        if isinstance(body, str):
            return body.encode(), ctype
        return bytes(body), ctype

    async def _fire_early_fault(
        self, fault: Fault, rec: RecordedRequest, receive: Receive, send: Send, now: float
    ) -> None:
        if fault.kind == "drop":
            await self._close_connection(receive, rec)
            return
        status = fault.response_status()
        body, ctype = self._fault_body(fault, status)
        headers = dict(fault.headers)
        if status == 429:
            headers.setdefault("X-RateLimit-Remaining", "0")
        key = self.store.key_for_token(
            rec.headers.get("authorization", "").partition(" ")[2].strip()
        )
        await self._send(send, rec, status, body, ctype, headers, key, now)

    def _rate_headers(self, key: ApiKeyRecord | None, now: float) -> dict[str, str]:
        if key is None:
            return {
                "X-RateLimit-Limit": str(DEFAULT_RATE_LIMIT),
                "X-RateLimit-Remaining": str(DEFAULT_RATE_LIMIT),
                "X-RateLimit-Reset": str(int(now // 3600) * 3600 + 3600),
            }
        with self.store.lock:
            used, reset = key.rate_window(now)
        return {
            "X-RateLimit-Limit": str(key.requests_per_hour),
            "X-RateLimit-Remaining": str(max(0, key.requests_per_hour - used)),
            "X-RateLimit-Reset": str(reset),
        }

    async def _send_start(
        self,
        send: Send,
        rec: RecordedRequest,
        status: int,
        content_type: str,
        headers: Mapping[str, str],
        key: ApiKeyRecord | None,
        now: float,
        *,
        length: int | None,
    ) -> None:
        merged = self._rate_headers(key, now)
        merged["Content-Type"] = content_type
        if length is not None:
            merged["Content-Length"] = str(length)
        # Headers given by a handler or a fault win over the defaults (case-insensitively).
        lower = {k.lower(): k for k in merged}
        for k, v in headers.items():
            merged.pop(lower.get(k.lower(), k), None)
            merged[k] = v
        rec.response_status = status
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in merged.items()
                ],
            }
        )

    async def _send(
        self,
        send: Send,
        rec: RecordedRequest,
        status: int,
        body: bytes,
        content_type: str,
        headers: Mapping[str, str],
        key: ApiKeyRecord | None,
        now: float,
    ) -> None:
        await self._send_start(send, rec, status, content_type, headers, key, now, length=len(body))
        await send({"type": "http.response.body", "body": body, "more_body": False})

    async def _send_stream(
        self,
        send: Send,
        receive: Receive,
        rec: RecordedRequest,
        reply: api.Reply,
        content_type: str,
        key: ApiKeyRecord | None,
        now: float,
        cut: int | None,
    ) -> None:
        assert reply.stream is not None
        await self._send_start(
            send, rec, reply.status, content_type, reply.headers, key, now, length=None
        )
        sent = 0
        cycle = getattr(receive, "__self__", None)
        async for chunk in reply.stream():
            if cut is not None and sent >= cut:
                break
            if getattr(cycle, "disconnected", False):
                return
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
            sent += 1
        if cut is not None:
            await self._close_connection(receive, rec, response_started=True)
            return
        await send({"type": "http.response.body", "body": b"", "more_body": False})

    async def _close_connection(
        self, receive: Receive, rec: RecordedRequest, *, response_started: bool = False
    ) -> None:
        """Close the client's TCP connection (see faults.py). Uses uvicorn's transport."""
        if not response_started:
            rec.response_status = None
        cycle = getattr(receive, "__self__", None)
        transport = getattr(cycle, "transport", None)
        if transport is None:
            raise ConnectionAbortedError("fault injection: connection dropped")
        transport.close()
        # Let connection_lost() run, so uvicorn sees the cycle as disconnected and does not
        # try to answer the request with a 500 of its own.
        for _ in range(200):
            if getattr(cycle, "disconnected", True) or getattr(cycle, "response_complete", False):
                break
            await asyncio.sleep(0.005)
