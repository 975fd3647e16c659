"""JSON responses that are safe even if a browser is tricked into reading them as HTML.

Document text is returned as it was stored, markup and all. ``<``, ``>`` and ``&`` are written
as ``\\u003c``, ``\\u003e``, ``\\u0026``: the same JSON to a parser, but never a tag in the bytes.
With ``X-Content-Type-Options: nosniff`` (set by the app) a browser will not sniff it as HTML.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi.responses import JSONResponse

_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


class SafeJSONResponse(JSONResponse):
    """A JSON response with HTML-significant characters escaped."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        return text.translate(_ESCAPES).encode("utf-8")
