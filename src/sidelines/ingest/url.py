"""Fetch an http(s) URL with the standard library: a timeout, a User-Agent, a size limit."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from sidelines.errors import InputError

USER_AGENT = "sidelines/0.1 (diplomatic readout extractor; Python urllib)"
DEFAULT_TIMEOUT = 20.0
#: larger responses are refused: no readout is this big, and a batch must not stall on a download
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Fetched:
    """A fetched response body with what the server said about it."""

    url: str  # the final URL, after redirects
    data: bytes
    content_type: str | None


def is_url(source: str) -> bool:
    """Return whether ``source`` is an http(s) URL rather than a path."""
    return source.lower().startswith(("http://", "https://"))


def url_hostname(url: str | None) -> str | None:
    """Return the host name of an http(s) URL without ``www.`` (``bidenwhitehouse.archives.gov``),
    used as the publisher when a source names none, as trafilatura does for pages."""
    if not url or not is_url(url):
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host.removeprefix("www.")


def fetch_url(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched:
    """Download ``url`` and return its body, final URL and Content-Type.

    Raises:
        InputError: ``[E001]`` for an HTTP error status, a network failure, a timeout, or a body
            larger than ``max_bytes``; the message names the URL.
    """
    if not is_url(url):
        raise InputError(f"{url}: only http:// and https:// URLs can be fetched")
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/markdown,text/plain,"
            "application/json;q=0.9,*/*;q=0.5",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            final_url = response.geturl() or url
            content_type = response.headers.get("Content-Type")
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise InputError(f"{url}: cannot fetch ({exc.reason})") from exc
    except TimeoutError as exc:
        raise InputError(f"{url}: no response within {timeout:g} s") from exc
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise InputError(f"{url}: cannot fetch ({exc})") from exc
    if len(data) > max_bytes:
        raise InputError(f"{url}: response larger than {max_bytes:,} bytes")
    return Fetched(url=final_url, data=data, content_type=content_type)
