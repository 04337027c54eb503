"""Settings of one running web app: the corpus database, the app's own folder, the upload limit, the token."""

from __future__ import annotations

import os
import secrets
import socket
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rancang.errors import InputError

#: environment variable holding the access token (required when the app listens beyond this machine)
ENV_TOKEN = "RANCANG_TOKEN"
#: hosts that only this machine can reach; any other bind address needs a token
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
#: default upload limit: a 100-page scanned PDF is well below it
DEFAULT_MAX_UPLOAD = 40 * 1024 * 1024
#: the shortest access token accepted: 16 characters of a generator's alphabet are beyond guessing at any rate
MIN_TOKEN = 16


@dataclass
class Config:
    """What :func:`rancang.web.app.create_app` needs.

    ``db``: corpus database (None: ``$RANCANG_DB`` or the user data folder, as the CLI); ``workdir``: the app's
    own folder, where generated files live until their job expires (a fresh temporary folder when None);
    ``max_upload``: bytes accepted per upload; ``token``: access token (None: no token asked);
    ``inline_jobs``: run background work in the request itself (tests); ``hosts``: host names a request may
    address besides this machine's loopback names (the ``--host`` the app listens on);
    ``job_memory``: bytes of memory one job's worker may use; ``job_seconds``: how long one job may run;
    ``keep_jobs``: ended jobs (readings, results) kept at most; ``keep_days``: days an ended job is kept.

    Raises :class:`InputError` for a token shorter than :data:`MIN_TOKEN` characters.
    """

    db: str | None = None
    workdir: Path | None = None
    max_upload: int = DEFAULT_MAX_UPLOAD
    token: str | None = None
    inline_jobs: bool = False
    keep_jobs: int = 40
    keep_days: float = 7.0
    hosts: tuple[str, ...] = ()
    job_memory: int = 3 * 1024 * 1024 * 1024
    job_seconds: int = 30 * 60
    small_workers: int = 1
    large_workers: int = 1
    temporary: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        if self.token is not None:
            check_token(self.token)
        if self.workdir is None:
            self.workdir = Path(tempfile.mkdtemp(prefix="rancang-web-"))
            self.temporary = True  # removed, with everything generated in it, when the app stops
        self.workdir = Path(self.workdir).resolve()
        self.workdir.mkdir(parents=True, exist_ok=True)

    @property
    def allowed_hosts(self) -> tuple[str, ...]:
        """Host names a request's ``Host`` header may carry: loopback, and the addresses given in ``hosts``."""
        return LOCAL_HOSTS + tuple(h.strip().lower().strip("[]") for h in self.hosts if h.strip())

    @property
    def outdir(self) -> Path:
        """Folder of generated files (one sub-folder per job); downloads never leave it."""
        assert self.workdir is not None  # set by __post_init__
        return self.workdir / "keluaran"


def token_from_env() -> str | None:
    """The access token from ``$RANCANG_TOKEN`` (blank counts as none)."""
    value = os.environ.get(ENV_TOKEN, "").strip()
    return value or None


def needs_token(host: str) -> bool:
    """Whether binding to ``host`` exposes the app beyond this machine (then a token is required)."""
    return host.strip().lower().strip("[]") not in LOCAL_HOSTS


def check_token(token: str) -> None:
    """Refuse a token a guesser could find: fewer than :data:`MIN_TOKEN` characters.

    Raises :class:`InputError` with one sentence naming the remedy."""
    if len(token) < MIN_TOKEN:
        raise InputError(f"token akses di ${ENV_TOKEN} terlalu pendek ({len(token)} karakter; paling sedikit "
                         f"{MIN_TOKEN}): kosongkan ${ENV_TOKEN} agar rancang serve membuat token acak, atau pakai "
                         "token acak yang panjang.")


def new_token() -> str:
    """A fresh access token: 32 URL-safe characters from :mod:`secrets` (192 bits)."""
    return secrets.token_urlsafe(24)


def reachable_names(host: str) -> tuple[str, ...]:
    """Host names and addresses by which other computers may open an app listening on ``host`` (the ``Host``
    headers it accepts besides loopback): the address itself, or, for a wildcard (0.0.0.0, ::), this machine's
    name, full name and addresses. Empty for a loopback ``host``."""
    host = host.strip().lower().strip("[]")
    if host in LOCAL_HOSTS:
        return ()
    if host not in ("0.0.0.0", "::", ""):
        return (host,)
    names = [socket.gethostname(), socket.getfqdn()]
    try:
        names += [str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None)]
    except OSError:
        pass
    for family, probe in ((socket.AF_INET, "192.0.2.1"), (socket.AF_INET6, "2001:db8::1")):
        try:  # the address this machine's LAN route uses (a UDP "connect" sends nothing)
            with socket.socket(family, socket.SOCK_DGRAM) as s:
                s.connect((probe, 9))
                names.append(str(s.getsockname()[0]))
        except OSError:
            continue
    return tuple(dict.fromkeys(n.lower() for n in names if n and n.lower() not in LOCAL_HOSTS))
