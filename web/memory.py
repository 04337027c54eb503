"""Telling a job that ran out of memory from one that failed otherwise (the job runner's memory limit, issue 31).

A worker runs each job under ``RLIMIT_AS``; what a library does when an allocation fails differs: Python raises
:class:`MemoryError`, a C library returns ENOMEM, lxml reports "Memory allocation failed" as an XML syntax error
(which the DOCX reader turns into "isi DOCX rusak", blaming a sound file). :func:`out_of_memory` recognises all of
them, and a failure after the job pushed the worker's address space up to the limit, so the page can say the
memory limit was passed.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

#: what a library says when an allocation failed (lxml/libxml2 "Memory allocation failed", C libraries' ENOMEM)
NO_MEMORY = re.compile(r"memory allocation failed|out of memory|cannot allocate memory|not enough memory", re.I)
#: a job whose address space came this close to the limit (a share of it) failed for want of memory
NEAR_LIMIT = 0.9


def vm_peak() -> int:
    """The most address space this process has held (bytes; ``VmPeak`` of ``/proc/self/status``), 0 where the
    system does not tell."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return 0
    m = re.search(r"^VmPeak:\s+(\d+)\s*kB", status, re.M)
    return int(m.group(1)) * 1024 if m else 0


def out_of_memory(exc: BaseException, memory: int, peak_before: int) -> bool:
    """Whether ``exc`` (raised by a job run under ``RLIMIT_AS`` = ``memory`` bytes) comes from memory running out:
    a :class:`MemoryError` or an allocation failure anywhere in its chain (a reader turns lxml's "Memory allocation
    failed" into "isi DOCX rusak", which would blame a sound file), or the job raised the worker's peak address
    space to within :data:`NEAR_LIMIT` of the limit."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, MemoryError) or (isinstance(cause, OSError) and cause.errno == errno.ENOMEM):
            return True
        if NO_MEMORY.search(str(cause)):
            return True
        cause = cause.__cause__ or cause.__context__
    peak = vm_peak()
    return peak > peak_before and peak >= memory * NEAR_LIMIT
