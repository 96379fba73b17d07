"""The models stage beside the rest of the package: a forked worker process makes the models.

The models stage (generator/models/) is most of a large document's generation (stripe.yaml:
~10 s of ~14, ~8 s of it inside datamodel-code-generator), and only the models' own files wait
for its output: the templates render from ``ir.Api``, CHANGELOG.md and the shipped document
from the document. So ``ModelsAhead`` forks a worker before the load (a large file) or right
after it, which gets datamodel-code-generator ready while this process loads, validates and
builds; it is sent the document as validated (unless it has it already), lifts the inline
schemas, is sent the class names as soon as the build has planned them and prepares every
schema under them meanwhile (models/early.py); then, given its order (the names the build
kept, the package, the schemas left out; every message a length-prefixed pickle on one
pipe), it makes the models module and splits it into its files (models/split.py: the tree the
module was verified with, not parsed again), while this process renders everything else from
the api the worker was given (``render.package.render_templates``; on two cores, once the
worker leaves it one: ``worker.FreeCore``). The worker sends the
models' files over a pipe in parts as it splits the module (``send_part``: this process, idle
by then, writes each part as it comes, output/staged.py), then its result, and
exits without freeing anything: its ~750,000 objects of datamodel-code-generator's parse
would have cost this process ~0.6 s of cycle collection; nor does this process wait for that
exit (``reap``, at the end of the run).

That render is used only when the worker's attempt makes the models. A schema the models stage
fails on changes the api (blockers.py): the worker's error comes back as it was raised (its
type and attributes: ``SpecError`` with its pointer), the render made meanwhile is dropped, and
the search for the blocker and the attempts after it run in this process, as without a worker;
an error of that render is raised only after the models are made, as it would be without one.
The output is the same bytes either way (tests/codegen/test_parallel.py).

When: where ``fork`` is the platform's way to start a process (not Windows; not macOS, where a
forked process that has loaded system frameworks may crash and Python starts processes with
``spawn``), when no other thread runs (a forked child gets the calling thread only: a lock
another thread held would stay locked in it), for documents with at least ``MIN_SCHEMAS``
model classes (below, the worker costs about what it hides; a worker forked before the load on
the file's size alone is stopped when the document has fewer), and unless
``GENERATOR_PARALLEL=0`` (``=1``: whatever the size, as tests do). Otherwise the models are
made in this process, as before.

A worker that dies (killed, out of memory) is a ``WorkerDied`` error naming its signal or exit
code: reading its pipe ends when it ends, so nothing waits for a dead worker. If this process
is interrupted, the worker is killed and reaped.
"""

from __future__ import annotations

import io
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

from . import ir
from .blockers import modelled
from .models import generate_models, warm_up
from .models.early import Early, pick, prepare_early
from .models.lift import Lifted, lift_inline
from .render.package import model_files
from .worker import (
    FreeCore,
    Worker,
    WorkerDied,
    _dumps,
    _message,
    _pipe_room,
    _receive,
    cores,
    forks,
    reap,
    send_part,
)

__all__ = ["MIN_BYTES", "MIN_SCHEMAS", "ModelsAhead", "Worker", "WorkerDied", "can_fork", "reap"]

T = TypeVar("T")
# Below this many model classes (component schemas and the inline ones the build named) the
# models are made in this process: a worker imports datamodel-code-generator again for each
# document (~0.3 s; one process imports it once for every API version of `make generate`),
# and what it hides is small. Measured (2 cores, loaded): RunRL (58 classes) 0.1-0.2 s slower
# in a worker; k8s-core-v1 (247) about even; github-2020 (410) and stripe.yaml (2,192) faster.
MIN_SCHEMAS = 300
# A document file this large is likely to have them: its worker forks before the load (and
# is stopped if the document has fewer). The corpus: github-2020.json (3.1 MB) and
# stripe.yaml (4.2 MB) have, k8s-core-v1.json (2.0 MB: 247 classes) has not.
MIN_BYTES = 2_500_000


def can_fork(schemas: int) -> bool:
    """Whether the models of a document with ``schemas`` component schemas are made in a
    worker (the module docstring says when)."""
    return forks(schemas >= MIN_SCHEMAS)


# The processes at work while the models of a large document are made: its two halves
# (models/halves.py) and this process's render; with fewer cores, the render waits for one.
_BUSY = 3

# What the worker makes: the models module's source and how many files it split it into, sent
# ahead in parts as they were made (``send_part``: the parent writes them meanwhile); None: the
# parent splits it again, and raises what splitting raises where it would without a worker.
_Made = tuple[str, "int | None"]


def _models(
    data: dict[str, Any],
    names: dict[str, str],
    package: str,
    leave_out: frozenset[str],
    lifted: Lifted | None = None,
    prepared: dict[str, Any] | None = None,
) -> _Made:
    source = generate_models(data, names, package, leave_out, lifted, prepared)
    try:
        files = model_files(source, package, emit=send_part)
    except Exception:  # noqa: BLE001 - see _Made
        return source, None
    return source, len(files)


def _started(job: Callable[[], _Made]) -> tuple[Worker[_Made], FreeCore]:
    """The models worker forked to run ``job``, and the pipe on which it says when it leaves
    this process a core (``worker.FreeCore``)."""
    free = FreeCore()
    try:
        started = Worker(partial(_freeing, free, job))
    except BaseException:
        free.close()
        raise
    free.forked()
    return started, free


def _freeing(free: FreeCore, job: Callable[[], _Made]) -> _Made:
    """In the worker: ``job()``, which says on ``free`` when it leaves the parent a core
    (``models._made``: at once, or when a half of the models is made)."""
    free.inherit()
    return job()


def _prepared(data: dict[str, Any] | None, orders: int, unused: int, store: int) -> _Made:
    """The worker started before the build (``data``: the document as read; None when it
    started before the load): datamodel-code-generator made ready (``models.warm_up``), the
    inline schemas lifted; then what comes on the pipe: the document as validated (when it
    started before the load, or the validation changed the document: a pickle in ``store``),
    the build's early class names, under which every schema is prepared while the build goes
    on (``models.early``), and the order (the names the build kept, the package, the schemas
    left out): the models, from the schemas prepared early when they are the ones to use (else
    prepared again). Nothing comes (the parent's end of the pipe closed) when the parent made
    no first attempt: then nothing is made."""
    os.close(unused)  # the parent's end, so that its closing is seen here
    warm_up()
    lifted = None if data is None else lift_inline(data)
    early: Early | None = None
    with io.FileIO(orders, "r", closefd=True) as pipe:
        message = _receive(pipe)
        if message is not None and message[0] == "data":
            data = pickle.loads(_read_store(store, message[1]))
            lifted = lift_inline(data)
            message = _receive(pipe)
        if message is not None and message[0] == "names" and data is not None:
            early = prepare_early(data, message[1], lifted or lift_inline(data))
            message = _receive(pipe)
    if message is None or message[0] != "order" or data is None:
        raise _NoOrder
    _, names, dropped, package, leave_out = message
    if names is None:  # the early names but ``dropped`` (``ModelsAhead._order``)
        assert early is not None
        names = {k: v for k, v in early.names.items() if k not in dropped}
    prepared = None if early is None else pick(early, names, leave_out)
    return _models(data, names, package, leave_out, lifted, prepared)


def _read_store(store: int, size: int) -> bytes:
    chunks: list[bytes] = []
    while size:
        chunk = os.pread(store, size, sum(len(c) for c in chunks))
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


class _NoOrder(Exception):
    """The worker was started and never asked for the models."""


def component_schemas(data: dict[str, Any]) -> int:
    """How many component schemas ``data`` declares (what ``ModelsAhead.start`` knows of the
    number of model classes before the build: the inline ones it names come on top)."""
    schemas = (data.get("components") or {}).get("schemas") if isinstance(data, dict) else None
    return len(schemas) if isinstance(schemas, dict) else 0


class ModelsAhead(Generic[T]):
    """The pipeline's models step (``blockers.ModelsStep``): the first attempt in a worker
    while ``render(api)`` renders the rest for the api as modelled (the module docstring).
    ``before_load`` forks the worker before the load when the document's file is large,
    ``loaded`` keeps it (or forks it then) when the document has enough schemas, ``settled``
    sends it the document as validated if it needs it, ``planned`` the build's class names as
    soon as they are planned; leaving the context (``with``) stops a worker never asked."""

    def __init__(
        self,
        render: Callable[[ir.Api], T],
        parts: Callable[[dict[str, str]], None] | None = None,
    ) -> None:
        self._data: dict[str, Any] = {}
        self._render = render
        self._parts = parts  # given the models' files as the worker sends them
        self.source: str | None = None  # the models the worker made
        self._package = ""
        self._files: dict[str, str] | None = None
        self._rendered: T | None = None
        self._render_error: Exception | None = None
        self._worker: Worker[_Made] | None = None
        self._orders = -1  # the pipe the early worker reads its messages from
        self._room = 0  # how much that pipe takes without waiting for the worker
        self._store: IO[bytes] | None = None  # where the document is written for it
        self._unread = False  # the worker started before the load: it needs the document
        self._early: dict[str, str] | None = None  # the early names sent
        self._free: FreeCore | None = None  # where the worker says it leaves a core free

    def before_load(self, path: Path) -> None:
        """Fork the worker now, before the load, when the document's file is large
        (``MIN_BYTES``): it makes datamodel-code-generator ready while this process loads and
        validates, and is sent the document as validated (``settled``)."""
        try:
            size = path.stat().st_size
        except OSError:
            return  # the load reports it
        if self._worker is None and forks(size >= MIN_BYTES):
            self._fork(None)

    def loaded(self, data: dict[str, Any]) -> None:
        """The document as read: a worker forked before the load is kept when it has enough
        component schemas (``can_fork``), else stopped; with enough and none forked, fork one
        now, which has the document already (sent again only if the validation changes it)."""
        self._data = data
        enough = can_fork(component_schemas(data))
        if self._worker is not None and not enough:
            self.stop()
        elif self._worker is None and enough:
            self._fork(data)

    def _fork(self, data: dict[str, Any] | None) -> None:
        read, write = os.pipe()
        store = tempfile.TemporaryFile()  # noqa: SIM115 - closed by stop() or the order
        try:
            self._room = _pipe_room(write)
            job = partial(_prepared, data, read, write, store.fileno())
            self._worker, self._free = _started(job)
        except BaseException:
            os.close(write)
            store.close()
            raise
        finally:
            os.close(read)
        self._orders, self._store, self._unread = write, store, data is None

    def settled(self, changed: bool) -> None:
        """The validation has left the document as the later stages read it
        (``validate_document``'s ``settled``): the worker is sent it when it started before
        the load, or holds it as it was before the validation ``changed`` it."""
        if self._worker is None or self._store is None or not (changed or self._unread):
            return
        data = _dumps(self._data)
        view = memoryview(data)
        while view:
            view = view[os.pwrite(self._store.fileno(), view, len(data) - len(view)) :]
        self._write(_message(("data", len(data))))
        self._unread = False

    def planned(self, classes: dict[str, str]) -> None:
        """The build's class names, as soon as it has planned them (``build_api``'s
        ``planned``), for the early worker to prepare every schema under them meanwhile
        (``models.early``). Sent once (a build after a blocker plans nothing new), and only
        when the pipe takes them at once: this process never waits for the worker here."""
        if self._orders < 0 or self._early is not None or self._unread:
            return
        message = _message(("names", classes))
        if len(message) > self._room:
            return
        self._early = dict(classes)
        self._write(message)

    def __call__(self, api: ir.Api, leave_out: frozenset[str]) -> str:
        if self._worker is None:
            if not can_fork(len(api.schemas)):
                return generate_models(self._data, api.schemas, api.package.name, leave_out)
            names, package = dict(api.schemas), api.package.name
            job = partial(_models, self._data, names, package, leave_out)
            self._worker, self._free = _started(job)
        else:
            if self._unread:  # (the pipeline's validation sends it: ``settled``)
                self.settled(True)
            self._send(self._order(api, leave_out))
        worker, self._worker = self._worker, None
        with worker:
            self._core_free()
            try:
                self._rendered = self._render(modelled(api, leave_out))
            except Exception as exc:  # noqa: BLE001 - raised once the models are made
                self._render_error = exc
            sent: dict[str, str] = {}
            # the models stage's SpecError (or WorkerDied) raises here, as generate_models'
            source, count = worker.result(partial(self._part, sent))
        self._files = sent if count is not None and len(sent) == count else None
        self.source, self._package = source, api.package.name
        return source

    def _core_free(self) -> None:
        """Wait for the worker to leave this process a core (``worker.FreeCore``) where there
        are fewer cores than the processes at work: the models' two halves and this one's
        render (with more, the render has a core of its own)."""
        free, self._free = self._free, None
        if free is not None:
            if cores() < _BUSY:
                free.wait()
            free.close()

    def _part(self, sent: dict[str, str], files: dict[str, str]) -> None:
        """Some of the models' files, sent while the worker splits the module."""
        sent.update(files)
        if self._parts is not None:
            self._parts(files)

    def _order(self, api: ir.Api, leave_out: frozenset[str]) -> bytes:
        """The early worker's order: the names the build kept (when they are the early names
        but some, in their order, only the ones it did not keep), the package, the schemas
        left out."""
        names, early = api.schemas, self._early
        if (
            early is not None
            and list(names) == [k for k in early if k in names]
            and all(early[k] == v for k, v in names.items())
        ):
            dropped = [k for k in early if k not in names]
            return _message(("order", None, dropped, api.package.name, leave_out))
        return _message(("order", dict(names), (), api.package.name, leave_out))

    def _send(self, order: bytes) -> None:
        """The early worker's last message; then its pipe is closed."""
        try:
            self._write(order)
        finally:
            self._close()

    def _write(self, message: bytes) -> None:
        """``message`` to the early worker; one that died meanwhile is ``result()``'s error."""
        self._room -= len(message)
        try:
            view = memoryview(message)
            while view:
                view = view[os.write(self._orders, view) :]
        except BrokenPipeError:
            pass

    def _close(self) -> None:
        if self._orders >= 0:
            os.close(self._orders)
            self._orders = -1
        if self._store is not None:
            self._store.close()
            self._store = None

    def stop(self) -> None:
        """Stop a worker started early and never asked (killed and reaped)."""
        self._close()
        self._early = None
        self._unread = False
        if self._free is not None:
            self._free.close()
            self._free = None
        if self._worker is not None:
            worker, self._worker = self._worker, None
            worker.cancel()

    def __enter__(self) -> ModelsAhead[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop a worker started early and never asked (the validation or the build failed,
        or a blocker)."""
        self.stop()

    def made(self, source: str) -> bool:
        """Whether ``source``, the models stage's answer, is the worker's, so that the render
        made meanwhile is the one to use (else a blocker changed the api: render again)."""
        return self.source is not None and source is self.source

    def rendered(self) -> tuple[T, dict[str, str]]:
        """What ``render`` returned (or raised) beside the worker, and the models' files."""
        if self._render_error is not None:
            raise self._render_error
        assert self.source is not None and self._rendered is not None
        files = self._files
        if files is None:
            files = model_files(self.source, self._package)
        return self._rendered, files
