"""A job run in a forked child process, and the pipes to and from it (generator/parallel.py
uses it for the models worker).

``Worker(job)`` forks; the child runs ``job()`` and answers over a pipe: what the job sends
ahead with ``send_part`` (as it goes), then its value or its exception, pickled by class,
arguments and attributes (``SpecError`` keeps its pointer). Every message on a pipe, both
ways, is its length then its pickle (``_message``/``_receive`` for the parent's messages to
the child). A child that dies without an answer is ``WorkerDied``: reading its pipe ends when
it ends, so nothing waits for a dead child. The files the child read while the generation's
inputs are recorded (output/fingerprint.py) are added to the parent's record.
"""

from __future__ import annotations

import io
import os
import pickle
import signal
import struct
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any, Generic, NoReturn, TypeVar

from .output.fingerprint import Recorder

T = TypeVar("T")
_OFF = ("0", "off", "no", "false")


def forks(large: bool) -> bool:
    """Whether work is forked off now: where ``fork`` is the platform's way to start a
    process (not Windows; not macOS, where a forked process that has loaded system frameworks
    may crash), when no other thread runs (a forked child gets the calling thread only: a
    lock another thread held would stay locked in it), for ``large`` work, unless
    ``GENERATOR_PARALLEL=0`` (``=1``: whatever the size, as tests do)."""
    setting = os.environ.get("GENERATOR_PARALLEL", "").strip().lower()
    if setting in _OFF:
        return False
    if not hasattr(os, "fork") or sys.platform in ("win32", "cygwin", "darwin"):
        return False
    return threading.active_count() == 1 and (large or setting == "1")


class WorkerDied(ChildProcessError):
    """The worker ended without an answer (killed, out of memory...): a clear error, not a
    hang. An ``OSError``: the command line prints it as one line."""


class Worker(Generic[T]):
    """``job()`` run in a forked child; ``result()`` returns its value or raises its
    exception. A context manager: leaving it before ``result()`` kills and reaps the child."""

    def __init__(self, job: Callable[[], T]) -> None:
        reap()
        for stream in (sys.stdout, sys.stderr):  # what is buffered is written once, here
            stream.flush()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            _serve(job, write)
        os.close(write)
        self._pid: int | None = pid
        self._read = read

    def result(self, on_part: Callable[[Any], None] | None = None) -> T:
        """The job's value, or its exception raised here; ``WorkerDied`` when the child
        ended without an answer. Waits no longer than the child lives. ``on_part`` gets what
        the job sent ahead of its value (``send_part``), as it comes."""
        assert self._pid is not None, "result() is asked once"
        read, self._read = self._read, -1
        answer = None
        with io.FileIO(read, "r", closefd=True) as pipe:
            while (frame := _frame(pipe)) is not None:  # None: the child's end closed
                kind, value, reads = frame
                if kind != "part":
                    answer = frame
                    break
                if on_part is not None:
                    on_part(value)
        pid, self._pid = self._pid, None
        if answer is None:
            _, status = os.waitpid(pid, 0)
            raise WorkerDied(_death(pid, status))
        _EXITING.append(pid)  # reaped later (``reap``): its exit frees its memory, ~0.05 s
        kind, value, reads = answer
        _merge_reads(reads)
        if kind == "error":
            raise value
        return value  # type: ignore[no-any-return]

    def cancel(self) -> None:
        """Kill and reap the child, unless ``result()`` did."""
        if self._pid is None:
            return
        pid, self._pid = self._pid, None
        if self._read >= 0:
            os.close(self._read)
            self._read = -1
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)

    def __enter__(self) -> Worker[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cancel()


# Workers that answered and are exiting: ``reap`` waits for them.
_EXITING: list[int] = []


def cores() -> int:
    """How many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


# In a worker forked with a ``FreeCore`` (and in the processes it forks): the end of its pipe
# that ``core_freed`` writes to; -1 elsewhere.
_FREE_CORE = -1


class FreeCore:
    """A pipe on which a worker tells its parent when it leaves the parent a core
    (``core_freed``). Until then the worker's processes may take every core there is (the two
    halves of a large document's models on two cores: models/halves.py), and what the parent
    does beside them (rendering the other files, ruff) only slowed the longer half down, for
    the parent waits for the models anyway (stripe.yaml on two cores: ~1 s in all).

    ``inherit`` is called in the forked child, ``forked`` in the parent after the fork; the
    parent then ``wait``s. A worker that ends (its processes' ends of the pipe closed) ends the
    wait too, so nothing waits for a dead worker."""

    def __init__(self) -> None:
        self._read, self._write = os.pipe()

    def inherit(self) -> None:
        """In the forked child: ``core_freed`` writes to this pipe."""
        global _FREE_CORE
        os.close(self._read)
        self._read = -1
        _FREE_CORE = self._write

    def forked(self) -> None:
        """In the parent once the child is forked: the child alone holds the writing end."""
        if self._write >= 0:
            os.close(self._write)
            self._write = -1

    def wait(self) -> None:
        """Until the worker leaves this process a core, or ends; once."""
        if self._read >= 0:
            os.read(self._read, 1)  # a byte, or b"" once every writing end is closed
        self.close()

    def close(self) -> None:
        for fd in (self._read, self._write):
            if fd >= 0:
                os.close(fd)
        self._read = self._write = -1


def core_freed() -> None:
    """In a worker forked with a ``FreeCore``: tell the parent that this process leaves it a
    core now (once per process: a process it forked before holds its own end and may say so
    first); nothing elsewhere."""
    global _FREE_CORE
    fd, _FREE_CORE = _FREE_CORE, -1
    if fd < 0:
        return
    try:
        os.write(fd, b".")
    except OSError:  # the parent has stopped listening (it read another process's byte)
        pass
    os.close(fd)


def reap() -> None:
    """Wait for the workers that answered to have exited (``result`` does not: the process's
    exit, freeing its memory, takes a moment the run need not wait for)."""
    while _EXITING:
        pid = _EXITING.pop()
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:  # reaped already (a SIGCHLD handler of the caller's)
            pass


def _serve(job: Callable[[], Any], fd: int) -> NoReturn:
    """The child: run ``job``, write ``(kind, value, reads)`` to ``fd`` (after what the job
    sent with ``send_part``), exit at once (no cleanup: the parent's atexit handlers, buffers
    and objects are not the child's)."""
    global _PARTS
    _PARTS = fd
    code = 1
    try:
        try:
            answer: tuple[str, Any] = ("ok", job())
        except BaseException as exc:  # noqa: BLE001 - every failure goes back, typed
            if os.environ.get("GENERATOR_TRACEBACK"):
                traceback.print_exc()
            answer = ("error", _sendable(exc))
        _send(fd, (*answer, _own_reads()))
        os.close(fd)  # the answer is whole: the parent need not wait for this exit's cleanup
        code = 0
    except BaseException:
        if os.environ.get("GENERATOR_TRACEBACK"):
            traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001, S110 - exiting regardless
                pass
        os._exit(code)


# In a worker: the pipe to the parent (``send_part``); -1 elsewhere.
_PARTS = -1
_LENGTH = struct.Struct(">Q")  # each message on the pipe: its length, then its pickle


def send_part(value: object) -> bool:
    """In a worker: send ``value`` to the parent now, ahead of the job's value (``result``'s
    ``on_part`` gets it while the job goes on); False elsewhere (nothing is sent)."""
    if _PARTS < 0:
        return False
    _send(_PARTS, ("part", value, None))
    return True


def _send(fd: int, message: tuple[str, Any, Any]) -> None:
    data = _dumps(message)
    view = memoryview(_LENGTH.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _frame(pipe: io.FileIO) -> tuple[str, Any, Any] | None:
    """The next message on the pipe; None when it ends (before a whole message: the child
    died) or the message cannot be read."""
    head = _exactly(pipe, _LENGTH.size)
    if head is None:
        return None
    data = _exactly(pipe, _LENGTH.unpack(head)[0])
    if data is None:
        return None
    try:
        kind, value, reads = pickle.loads(data)
    except Exception:  # noqa: BLE001 - a message the child could not finish
        return None
    return kind, value, reads


def _exactly(pipe: io.FileIO, size: int) -> bytes | None:
    buffer = bytearray(size)
    view, got = memoryview(buffer), 0
    while got < size:
        n = pipe.readinto(view[got:])
        if not n:
            return None
        got += n
    return bytes(buffer)


def _dumps(value: object) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


class _Pickler(pickle.Pickler):
    """Pickles an exception by its class, ``args`` and attributes (``SpecError`` and its
    subclasses take keyword-only arguments, or others than their message)."""

    def reducer_override(self, obj: object) -> Any:
        if isinstance(obj, BaseException):
            return _rebuild, (type(obj), obj.args, dict(vars(obj)))
        return NotImplemented


def _rebuild(cls: type[BaseException], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    exc = cls.__new__(cls, *args)
    exc.args = args
    vars(exc).update(state)
    return exc


def _sendable(exc: BaseException) -> BaseException:
    """``exc``, when it survives the pipe; else what it says, as a ``RuntimeError`` (a class
    defined in a function, an attribute that cannot be pickled)."""
    try:
        pickle.loads(_dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _own_reads() -> tuple[set[str], set[str]]:
    """The files and directories the child read while the generation is recorded
    (output/fingerprint.py): the parent's record of the generation's inputs gets them too."""
    recorder = Recorder._installed
    if recorder is None or not recorder.active:
        return set(), set()
    return recorder.files, recorder.dirs


def _merge_reads(reads: tuple[set[str], set[str]]) -> None:
    recorder = Recorder._installed
    if recorder is not None and recorder.active:
        recorder.files |= reads[0]
        recorder.dirs |= reads[1]


def _death(pid: int, status: int) -> str:
    what = f"the models worker (process {pid})"
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = str(number)
        hint = " (out of memory? the kernel's OOM killer sends it)" if name == "SIGKILL" else ""
        return f"{what} was killed by {name}{hint}; GENERATOR_PARALLEL=0 makes the models here"
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else status
    return f"{what} exited ({code}) without an answer; GENERATOR_PARALLEL=0 makes the models here"


# The order pipe's size asked for (Linux: F_SETPIPE_SZ), so that the early names (~130 KB
# pickled on stripe.yaml) are written at once, without waiting for the worker to read them.
_PIPE_SIZE = 1 << 20


def _message(value: object) -> bytes:
    """A message on the order pipe, as on the answer's (``_LENGTH``, then the pickle)."""
    data = _dumps(value)
    return _LENGTH.pack(len(data)) + data


def _receive(pipe: io.FileIO) -> Any:
    """The next message on ``pipe``; None when the pipe closed first (the parent sent no more)."""
    head = _exactly(pipe, _LENGTH.size)
    if head is None:
        return None
    data = _exactly(pipe, _LENGTH.unpack(head)[0])
    return None if data is None else pickle.loads(data)


def _pipe_room(fd: int) -> int:
    """How many bytes the empty pipe ``fd`` takes at once (its buffer, enlarged where it can
    be); 0 where this cannot be known (then nothing is sent that could wait for the worker)."""
    try:
        import fcntl

        try:
            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
        except OSError:
            pass  # more than /proc/sys/fs/pipe-max-size: the default size
        return fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ)
    except (ImportError, AttributeError, OSError):
        return 0
