"""``rancang check`` entry point (kept for its importers): the rules live in ``rancang.generate.checks``."""

from __future__ import annotations

from rancang.generate.checks import CHECKS, Finding, check, finding, format_text, rules

__all__ = ["CHECKS", "Finding", "check", "finding", "format_text", "rules"]
