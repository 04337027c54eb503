"""Settings of one running web app: the corpus database, the app's own folder, the upload limit, the token."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

#: environment variable holding the access token (required when the app listens beyond this machine)
ENV_TOKEN = "RANCANG_TOKEN"
#: hosts that only this machine can reach; any other bind address needs a token
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
#: default upload limit: a 100-page scanned PDF is well below it
DEFAULT_MAX_UPLOAD = 40 * 1024 * 1024


@dataclass
class Config:
    """What :func:`rancang.web.app.create_app` needs.

    ``db``: corpus database (None: ``$RANCANG_DB`` or the user data folder, as the CLI); ``workdir``: the app's
    own folder, where generated files live until their job expires (a fresh temporary folder when None);
    ``max_upload``: bytes accepted per upload; ``token``: access token (None: no token asked);
    ``inline_jobs``: run background work in the request itself (tests).
    """

    db: str | None = None
    workdir: Path | None = None
    max_upload: int = DEFAULT_MAX_UPLOAD
    token: str | None = None
    inline_jobs: bool = False
    keep_jobs: int = 40
    temporary: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        if self.workdir is None:
            self.workdir = Path(tempfile.mkdtemp(prefix="rancang-web-"))
            self.temporary = True  # removed, with everything generated in it, when the app stops
        self.workdir = Path(self.workdir).resolve()
        self.workdir.mkdir(parents=True, exist_ok=True)

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
