"""The API's interactive docs at ``/api/v1/docs``: Swagger UI, served from this machine.

Swagger UI's files (version 5, which reads the OpenAPI 3.1 that FastAPI writes) come from the
installed ``fastapi-offline`` package (the ``api`` extra), never from a CDN; the page's only script besides them is our small initializer, and its content
security policy lets it reach this server alone. Without the package the page is the plain list
of operations (which is also the page's ``<noscript>`` content).
"""

from __future__ import annotations

import importlib.util
from html import escape
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, HTTPException
from fastapi.responses import FileResponse, HTMLResponse, Response

__all__ = ["api_docs_page", "install_docs", "swagger_ui_dir"]

#: the Swagger UI files the page loads (nothing else of the package is served)
ASSETS = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui.css": "text/css",
}
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
#: our initializer: the schema of this server, "try it out" on, no call to the online validator
INIT_JS = """"use strict";
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.getAttribute("data-schema"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    tryItOutEnabled: true,
    validatorUrl: null,
    displayRequestDuration: true,
    persistAuthorization: false,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
"""


def swagger_ui_dir() -> Path | None:
    """The folder of Swagger UI's files in the installed ``fastapi-offline``, or None."""
    spec = importlib.util.find_spec("fastapi_offline")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        static = Path(folder) / "static"
        if (static / "swagger-ui-bundle.js").is_file():
            return static
    return None


def _operations(schema: dict[str, Any]) -> str:
    rows = []
    for path, operations in sorted(schema.get("paths", {}).items()):
        for method, operation in operations.items():
            parameters = ", ".join(
                escape(f"{p['name']} ({p.get('in', '')})") for p in operation.get("parameters", [])
            )
            body = " · JSON body" if "requestBody" in operation else ""
            rows.append(
                f"<tr><td><code>{escape(method.upper())}</code></td><td><code>{escape(path)}"
                f"</code></td><td>{escape(operation.get('summary', ''))}</td>"
                f"<td>{parameters}{body}</td></tr>"
            )
    return (
        "<table><thead><tr><th>method</th><th>path</th><th>what</th><th>parameters</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def api_docs_page(schema: dict[str, Any], prefix: str, interactive: bool) -> str:
    """The docs page: Swagger UI over ``{prefix}/openapi.json`` when ``interactive``, and the
    escaped list of operations (shown without JavaScript, or alone without Swagger UI)."""
    title = escape(f"{schema['info']['title']} {schema['info']['version']} API")
    intro = (
        f"<p>The machine-readable schema is <a href='{prefix}/openapi.json'>{prefix}/openapi.json"
        "</a>. Lists answer <code>{data, count, next_cursor}</code>; errors <code>{error: {code, "
        "message, status}}</code>. Write routes need the operator's token: "
        "<em>Authorize</em> with it.</p>"
    )
    style = (
        "<style>body{font:15px system-ui,sans-serif;margin:0}.intro{margin:1rem 2rem}"
        "td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left;"
        "vertical-align:top}</style>"
    )
    head = (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        "<link rel='icon' href='data:,'>"
    )
    if not interactive:
        return (
            f"{head}{style}</head><body><div class='intro'><h1>{title}</h1>{intro}"
            f"<p>Install <code>fastapi-offline</code> (the api extra) to try the API from this "
            f"page.</p>{_operations(schema)}</div></body></html>"
        )
    return (
        f"{head}<link rel='stylesheet' href='{prefix}/docs/assets/swagger-ui.css'>{style}</head>"
        f"<body><div class='intro'><h1>{title}</h1>{intro}</div>"
        f"<div id='swagger-ui' data-schema='{prefix}/openapi.json'></div>"
        f"<noscript><div class='intro'>{_operations(schema)}</div></noscript>"
        f"<script src='{prefix}/docs/assets/swagger-ui-bundle.js'></script>"
        f"<script src='{prefix}/docs/init.js'></script></body></html>"
    )


def install_docs(app: FastAPI, prefix: str) -> None:
    """Add the docs page, its initializer and Swagger UI's files under ``{prefix}/docs``."""
    router = APIRouter(include_in_schema=False)
    headers = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff"}

    @router.get(f"{prefix}/docs", response_class=HTMLResponse)
    def api_docs() -> HTMLResponse:
        """Try every operation of the API from the browser."""
        page = api_docs_page(app.openapi(), prefix, swagger_ui_dir() is not None)
        return HTMLResponse(page, headers=headers)

    @router.get(f"{prefix}/docs/init.js")
    def api_docs_init() -> Response:
        return Response(INIT_JS, media_type="text/javascript", headers=headers)

    @router.get(f"{prefix}/docs/assets/{{name}}", response_model=None)
    def api_docs_asset(name: str) -> Response:
        folder = swagger_ui_dir()
        if folder is None or name not in ASSETS:
            raise HTTPException(status_code=404, detail=f"no docs asset {name!r}")
        return FileResponse(
            folder / name, media_type=ASSETS[name], headers={"Cache-Control": "max-age=86400"}
        )

    app.include_router(router)
