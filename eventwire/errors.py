"""Errors and rejection codes.

Exception tree::

    EventwireError                 base of everything eventwire raises
    ├── ConfigError                bad settings, missing model or optional extra
    ├── InputError                 one input item cannot be used (becomes a Rejected record)
    └── StoreError                 the database cannot be opened, migrated or written

Library code raises; the CLI turns errors into messages and exit codes. Per-item problems are not
raised past the pipeline: they become ``Rejected(item, stage, code, reason)`` records.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class. ``code`` is stable across versions and safe to match on."""

    code = "E_EVENTWIRE"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"[{self.code}] {self.args[0]}"


class ConfigError(EventwireError):
    code = "E_CONFIG"


class InputError(EventwireError):
    """One input item is unusable. ``code`` says why; see REJECTION_CODES."""

    code = "E_INPUT"


class StoreError(EventwireError):
    code = "E_STORE"


# Stable codes for rejected items, with the message shown to users.
REJECTION_CODES: dict[str, str] = {
    "E_EMPTY": "the item has no text",
    "E_BINARY": "the item is binary, not text",
    "E_ENCODING": "the item's bytes cannot be decoded as text",
    "E_HTML": "no main text could be extracted from the HTML",
    "E_JSONL": "the JSONL line is not a valid JSON object with 'text' or 'html'",
    "E_LANGUAGE": "the text is not in English",
    "E_TOO_LARGE": "the item is larger than the size limit",
    "E_TOO_SHORT": "the main text is too short to hold an event",
    "E_UNREADABLE": "the file cannot be read",
    "E_DATE": "the publication date is not a valid YYYY-MM-DD date",
    "E_INTERNAL": "an unexpected error occurred while processing the item",
}
