"""The dashboard: server-rendered pages over the corpus store, with our own small JavaScript.

``router`` holds the HTML pages; the app (``sidelines.api.app.create_app``) includes it and mounts
``STATIC_DIR`` at ``/static``. Pages read ``request.app.state.store``.
"""

from sidelines.web import search  # noqa: F401  (its routes join the pages' router)
from sidelines.web.pages import STATIC_DIR, TEMPLATES_DIR, router

__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "router"]
