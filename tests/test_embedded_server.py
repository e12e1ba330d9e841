"""The embedded FalkorDB server's life cycle, on real redis-server processes
in private data directories (each test its own, stopped at the end)."""
from __future__ import annotations

import os
import re
import signal
import socket
import stat
import time
from pathlib import Path

import pytest
import redis

from graph import embedded
from graph.embedded import EmbeddedServer, EmbeddedServerError, StartProgress


@pytest.fixture
def server(tmp_path):
    server = EmbeddedServer(tmp_path / "home")
    yield server
    owner = server._owner()
    if owner is not None:
        os.kill(owner.pid, signal.SIGCONT)
        server.stop()


def redis_servers_in(directory: Path) -> list[int]:
    """Pids of redis-server processes working in `directory`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if b"redis-server" in (entry / "cmdline").read_bytes() and os.readlink(entry / "cwd") == str(directory):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_a_stalled_server_is_reported_not_duplicated(server):
    info = server.ensure_running()
    os.kill(info.pid, signal.SIGSTOP)
    started = time.monotonic()
    with pytest.raises(EmbeddedServerError, match=rf"pid {info.pid} in .* not responding; .*kill"):
        EmbeddedServer(server.dir.parent).ensure_running()
    assert time.monotonic() - started < 5
    assert redis_servers_in(server.dir) == [info.pid]
    os.kill(info.pid, signal.SIGCONT)
    assert EmbeddedServer(server.dir.parent).ensure_running() == info


def test_the_server_holds_the_data_directory_lock(server):
    info = server.ensure_running()
    assert embedded._lock_is_held(server.pid_lock)
    # Even with its state file gone, a second start finds the lock, not a free directory.
    server.state_file.write_text("{}")
    with pytest.raises(EmbeddedServerError, match="holds .* names no live server"):
        EmbeddedServer(server.dir.parent).ensure_running()
    assert redis_servers_in(server.dir) == [info.pid]
    os.kill(info.pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while embedded._lock_is_held(server.pid_lock) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not embedded._lock_is_held(server.pid_lock)  # died: the lock went with it


def test_everything_under_the_home_is_private(server):
    os.umask(0o022)  # what a user's shell usually has
    info = server.ensure_running()
    client = embedded._client(info)
    client.set("x", "1")
    server.compact()
    server.stop()
    server.ensure_running()
    home = server.dir.parent
    paths = [home, *home.rglob("*")]
    names = {path.name for path in paths}
    assert {"server.log", "appendonlydir", "redis.conf", "server.json"} <= names
    assert any(name.endswith(".base.rdb") for name in names) and any(name.endswith(".incr.aof") for name in names)
    for path in paths:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"


def test_the_data_is_on_disk_once(server):
    info = server.ensure_running()
    embedded._client(info).set("x", "1")
    server.stop()
    assert not (server.dir / "dump.rdb").exists()
    assert server.ensure_running() and embedded._client(server.info()).get("x") == b"1"


def test_a_loading_server_is_waited_for_with_progress(server, monkeypatch):
    info = server.ensure_running()
    client = embedded._client(info)
    values = {f"k{i}": os.urandom(100).hex() for i in range(300)}  # incompressible: the load is 60 kB
    client.mset(values)
    server.stop()
    # Slow the load down (redis's own test knob: a delay per key loaded) past
    # the time an unanswering server is given: loading must still be waited for.
    base_config = embedded._redis_config
    monkeypatch.setattr(
        embedded, "_redis_config",
        lambda *a: base_config(*a) + "key-load-delay 10000\nloading-process-events-interval-bytes 1024\n",
    )
    monkeypatch.setattr(embedded, "NO_PROGRESS_S", 1.0)
    heard: list[StartProgress] = []
    started = time.monotonic()
    info = server.ensure_running(heard.append)
    assert time.monotonic() - started > 2  # 300 keys x 10 ms
    assert embedded._client(info).get("k299").decode() == values["k299"]
    assert heard and all("loading" in p.message for p in heard)
    assert any(p.fraction is not None and 0 < p.fraction < 1 for p in heard)


def test_a_taken_port_is_skipped(server, monkeypatch):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        ports = iter([taken.getsockname()[1], embedded._free_port()])
        monkeypatch.setattr(embedded, "_free_port", lambda: next(ports))
        info = server.ensure_running()
        assert info.port != taken.getsockname()[1]
        assert embedded._pings(info)


def test_a_crashing_server_is_one_line_with_its_cause(server, monkeypatch):
    monkeypatch.setattr(embedded, "_redis_config", lambda *a: "no-such-directive yes\n")
    with pytest.raises(EmbeddedServerError) as raised:
        server.ensure_running()
    message = str(raised.value)
    assert "\n" not in message and "exited while starting" in message and str(server.log_file) in message


def test_compaction_folds_the_log_into_a_snapshot(server, monkeypatch):
    info = server.ensure_running()
    client = embedded._client(info)
    for i in range(200):
        client.execute_command("GRAPH.QUERY", "g", f"CREATE (:P {{i: {i}, text: '{'x' * 200}'}})")
    assert server.uncompacted_bytes() > 40_000
    monkeypatch.setattr(embedded, "COMPACT_AFTER_BYTES", 10_000)
    assert server.compact_if_needed()
    assert server.uncompacted_bytes() < 1_000
    assert not server.compact_if_needed()
    server.stop()
    info = server.ensure_running()
    assert embedded._client(info).execute_command("GRAPH.RO_QUERY", "g", "MATCH (p:P) RETURN count(p)")[1] == [[200]]


def test_writes_during_a_background_compaction_survive_a_stop(server, monkeypatch):
    info = server.ensure_running()
    client = embedded._client(info)
    for i in range(200):
        client.execute_command("GRAPH.QUERY", "g", f"CREATE (:P {{i: {i}, text: '{'x' * 200}'}})")
    monkeypatch.setattr(embedded, "COMPACT_AFTER_BYTES", 10_000)
    assert server.compact_if_needed(wait=False)
    for i in range(200, 260):  # while the rewrite may still run
        client.execute_command("GRAPH.QUERY", "g", f"CREATE (:P {{i: {i}}})")
    server.stop()  # waits for the rewrite under way, then flushes
    info = server.ensure_running()
    assert embedded._client(info).execute_command("GRAPH.RO_QUERY", "g", "MATCH (p:P) RETURN count(p)")[1] == [[260]]
    assert server.uncompacted_bytes() < 1_000


def test_stop_reports_a_stalled_server(server):
    info = server.ensure_running()
    os.kill(info.pid, signal.SIGSTOP)
    with pytest.raises(EmbeddedServerError, match=f"pid {info.pid}"):
        server.stop()
    os.kill(info.pid, signal.SIGCONT)
    assert server.stop()
    with pytest.raises(redis.exceptions.ConnectionError):
        embedded._client(info).ping()


def test_stop_returns_when_another_process_starts_a_new_server_at_once(server, monkeypatch):
    """A running app restarts the server the moment it goes: stop must not
    wait on the new server's lock (it waited 60 s and failed in CI)."""
    import subprocess
    import sys

    monkeypatch.setattr(embedded, "STOP_TIMEOUT_S", 15.0)
    old = server.ensure_running()
    restarter = subprocess.Popen([sys.executable, "-c", (
        "import os, time\n"
        "from graph.embedded import EmbeddedServer\n"
        "print('watching', flush=True)\n"
        f"while os.path.exists('/proc/{old.pid}') and open('/proc/{old.pid}/stat').read().split(')')[1].split()[0] != 'Z':\n"
        "    time.sleep(0.01)\n"
        f"print('restarted', EmbeddedServer({str(server.dir.parent)!r}).ensure_running().pid, flush=True)\n"
    )], cwd=Path(__file__).resolve().parents[1], stdout=subprocess.PIPE, text=True)
    assert restarter.stdout.readline().strip() == "watching"
    client_of = embedded._client

    def client_whose_shutdown_lets_the_restarter_win(info, *args, **kwargs):
        client = client_of(info, *args, **kwargs)
        shutdown = client.shutdown

        def shutdown_then_wait(*a, **k):
            try:
                shutdown(*a, **k)
            finally:
                assert restarter.stdout.readline().startswith("restarted")

        client.shutdown = shutdown_then_wait
        return client

    monkeypatch.setattr(embedded, "_client", client_whose_shutdown_lets_the_restarter_win)
    started = time.monotonic()
    assert server.stop()
    assert time.monotonic() - started < 10
    assert restarter.wait(timeout=60) == 0
    new = server.info()
    assert new is not None and new.pid != old.pid


def test_a_relative_home_starts_its_server(tmp_path, monkeypatch):
    """PAPERKG_HOME=data: the server runs in its own directory, where the
    relative path to its config file named nothing."""
    monkeypatch.chdir(tmp_path)
    server = EmbeddedServer(Path("data"))
    try:
        info = server.ensure_running()
        assert embedded._client(info).execute_command("GRAPH.QUERY", "g", "RETURN 1")[1] == [[1]]
        assert redis_servers_in(tmp_path / "data" / "falkordb") == [info.pid]
    finally:
        server.stop()


def test_a_copied_home_gets_its_own_server_not_the_originals(server, tmp_path):
    """`cp -a` of a home whose server runs copies a state file naming that
    server: the copy must start its own, and writes to it never reach the original."""
    import shutil

    original = server.ensure_running()
    embedded._client(original).execute_command("GRAPH.QUERY", "g", "CREATE (:P {n: 1})")
    copy = EmbeddedServer(tmp_path / "copy")
    shutil.copytree(server.dir, copy.dir, symlinks=True)
    try:
        assert copy.info() is None
        own = copy.ensure_running()
        assert own.pid != original.pid
        embedded._client(own).execute_command("GRAPH.QUERY", "g", "CREATE (:P {n: 2})")
        count = "MATCH (p:P) RETURN count(p)"
        assert embedded._client(original).execute_command("GRAPH.RO_QUERY", "g", count)[1] == [[1]]
        assert embedded._client(own).execute_command("GRAPH.RO_QUERY", "g", count)[1] == [[2]]
    finally:
        copy.stop()
    assert server.info() == original


def test_stop_knows_from_the_log_when_the_server_finished_its_shutdown(server):
    """A server hung in its exit after shutting down is killed, not waited on
    for a minute; what tells that is its own log line for its own pid."""
    info = server.ensure_running()
    before = server._log_since(0)
    assert server.stop()
    after = server._log_since(len(before.encode()))
    assert embedded._said_ready_to_exit(after, info.pid)
    assert not embedded._said_ready_to_exit(before, info.pid)  # the line is this stop's
    assert not embedded._said_ready_to_exit(after, info.pid + 1)  # and this server's


def test_a_server_gone_while_connecting_is_a_store_error_and_the_next_call_recovers(server):
    """The client asks the server about itself on connecting; a server that
    went in between (a `db stop` racing a running app) reaches the app as the
    store's one-line error, which it shows as its alert, not as an HTTP 500."""
    from graph.falkor import FalkorStore
    from graph.store import StoreError

    store = FalkorStore(server, "gone_while_connecting")
    store.write("CREATE (:Paper {id: 'kept'})")
    gone = store._info
    assert server.stop()
    with pytest.raises(StoreError, match=f"127.0.0.1:{gone.port} is not answering"):
        store._connect(gone)
    assert store.scalar("MATCH (p:Paper) RETURN count(p)") == 1  # the next call finds (here: starts) the server again
    store.close()


# A stand-in for a server whose exit hangs: on SIGTERM it logs redis's last
# shutdown line, then its main thread exits while another keeps running (and
# keeps the data directory's lock). A real server cannot be made to hang in
# its exit on demand; CI saw one (state Z, lock held, 60 s) under load.
HUNG_EXIT = """
import ctypes, fcntl, signal, sys, threading, time
lock = open(sys.argv[1], "w")
fcntl.flock(lock, fcntl.LOCK_EX)

def bye(*_):
    with open(sys.argv[2], "a") as log:
        log.write(f"{__import__('os').getpid()}:M 01 Jan 2026 00:00:00.000 # Redis is now ready to exit, bye bye...\\n")
    ctypes.CDLL(None).pthread_exit(None)

signal.signal(signal.SIGTERM, bye)
threading.Thread(target=time.sleep, args=(float(sys.argv[3]),), name="module-thread").start()
print("ready", flush=True)
signal.pause()
"""


def stand_in_server(server, thread_seconds: float = 600):
    """HUNG_EXIT running as the server of record of `server`'s data
    directory: it holds the lock, and the state file names it with a port
    nothing listens on, so it answers no ping."""
    import json
    import subprocess
    import sys

    server.dir.mkdir(parents=True)
    process = subprocess.Popen([sys.executable, "-c", HUNG_EXIT, str(server.pid_lock), str(server.log_file), str(thread_seconds)],
                               cwd=server.dir, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "ready"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server.state_file.write_text(json.dumps({"pid": process.pid, "port": port, "password": "x"}))
    return process


def test_stop_ends_a_server_whose_main_thread_exited_but_whose_threads_hang(server, monkeypatch):
    monkeypatch.setattr(embedded, "EXIT_GRACE_S", 1.0)
    monkeypatch.setattr(embedded, "STOP_TIMEOUT_S", 20.0)
    hung = stand_in_server(server)
    try:
        started = time.monotonic()
        assert server.stop()
        assert time.monotonic() - started < 10  # not the 20 s time limit
        assert hung.wait(timeout=5) == -signal.SIGKILL
        assert not embedded._lock_is_held(server.pid_lock)
    finally:
        hung.kill()


def test_a_start_while_the_server_is_stopping_waits_for_it_and_starts_its_own(server):
    """`db stop` elsewhere: the server's main thread has exited, another of
    its threads still holds the data directory for a moment. A process that
    needs the server then (a running app) waits for it to go and starts a
    new one; it failed with "exited while starting" (seen in CI)."""
    stopping = stand_in_server(server, thread_seconds=1.5)
    try:
        stopping.send_signal(signal.SIGTERM)
        while embedded._proc_stat(stopping.pid)[0] != "Z":
            time.sleep(0.01)
        assert embedded._process_state(stopping.pid) == "S"  # stopping, not gone
        started = server.ensure_running()
        assert started.pid != stopping.pid and stopping.wait(timeout=5) == 0
        assert server.info() == started
    finally:
        stopping.kill()


def test_a_process_whose_main_thread_exited_is_running_while_a_thread_is(tmp_path):
    import subprocess
    import sys

    hung = subprocess.Popen([sys.executable, "-c", HUNG_EXIT, str(tmp_path / "lock"), str(tmp_path / "log"), "600"],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert hung.stdout.readline().strip() == "ready"
        hung.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 5
        while embedded._proc_stat(hung.pid)[0] != "Z" and time.monotonic() < deadline:
            time.sleep(0.02)
        assert embedded._proc_stat(hung.pid)[0] == "Z"  # what the main thread's exit looks like
        assert embedded._process_state(hung.pid) == "S"  # but a thread runs on
        assert re.search(r"state S \(threads: \S+ Z, \S+ S\)$", embedded._describe(hung.pid))  # names: python or python3
        assert embedded._lock_holders(tmp_path / "lock") == [hung.pid]
    finally:
        hung.kill()
    hung.wait(timeout=5)
    assert embedded._process_state(hung.pid) is None
