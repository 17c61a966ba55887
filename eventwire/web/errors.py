"""One JSON error shape for every error the HTTP API returns.

    {"error": {"status": 404, "code": "E_NOT_FOUND", "message": "...", "detail": null}}

``ApiError`` is what route code raises. FastAPI's own errors are translated here too: unknown
routes (404), wrong methods (405), request validation (422, ``detail`` lists what is wrong and
where), malformed JSON bodies (400). Unhandled exceptions become a 500 in
:mod:`eventwire.web.guard`, which never sends a traceback.

Codes: ``E_BAD_JSON`` 400, ``E_HOST`` 400, ``E_UNAUTHORIZED`` 401, ``E_NOT_FOUND`` 404,
``E_METHOD`` 405, ``E_TOO_LARGE`` 413, ``E_VALIDATION`` / ``E_QUERY`` / a rejection code from
:data:`eventwire.errors.REJECTION_CODES` 422, ``E_INTERNAL`` / ``E_STORE`` 500.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.errors import StoreError

log = logging.getLogger("eventwire.web")

_CODES: dict[int, str] = {
    400: "E_BAD_REQUEST", 401: "E_UNAUTHORIZED", 403: "E_FORBIDDEN", 404: "E_NOT_FOUND",
    405: "E_METHOD", 413: "E_TOO_LARGE", 422: "E_VALIDATION", 500: "E_INTERNAL",
}


class ApiError(Exception):
    """An error response: HTTP status, stable code, a message for people, optional detail."""

    def __init__(
        self, status: int, code: str, message: str, detail: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail
        self.headers = dict(headers or {})


def error_body(status: int, code: str, message: str, detail: Any = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, "detail": detail}}


def error_bytes(status: int, code: str, message: str) -> bytes:
    """The error body as bytes, for the ASGI guard (which answers before FastAPI runs)."""
    return json.dumps(error_body(status, code, message), separators=(",", ":")).encode("utf-8")


def error_response(
    status: int, code: str, message: str, detail: Any = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(error_body(status, code, message, detail), status_code=status,
                        headers=dict(headers or {}))


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.detail, exc.headers)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    message = exc.detail if isinstance(exc.detail, str) else _phrase(status)
    if status == 404 and message == "Not Found":
        message = f"no such resource: {request.url.path}"
    elif status == 405:
        message = f"method {request.method} is not allowed on {request.url.path}"
    return error_response(status, _CODES.get(status, f"E_HTTP_{status}"), message,
                          headers=exc.headers)


def _clean_issue(issue: Mapping[str, Any]) -> dict[str, Any]:
    """One validation problem without the echoed input (it may be large or sensitive)."""
    return {"loc": [str(p) for p in issue.get("loc", ())], "msg": str(issue.get("msg", "")),
            "type": str(issue.get("type", ""))}


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    issues = [_clean_issue(i) for i in exc.errors()]
    if any(i["type"] == "json_invalid" for i in issues):
        return error_response(400, "E_BAD_JSON", "the request body is not valid JSON", issues)
    where = ", ".join(".".join(i["loc"]) + ": " + i["msg"] for i in issues[:3])
    return error_response(422, "E_VALIDATION", f"invalid request: {where}", issues)


async def _store_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StoreError)
    if exc.code == "E_QUERY":
        return error_response(422, "E_QUERY", str(exc.args[0]))
    log.error("store error on %s %s: %s", request.method, request.url.path, exc)
    return error_response(500, "E_STORE", "the database could not answer this request")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreError, _store_error)


__all__ = ["ApiError", "error_body", "error_bytes", "error_response", "install_error_handlers"]
