"""A local HTTP server for a built site, on 127.0.0.1 only, started and stopped by the tests."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves a built site under the path of its site_url, as a host would: unknown pages get
    the site's 404.html with status 404, and requests are not logged to the test output."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix):]
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None
                   ) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(folder: Path, prefix: str = "/") -> tuple[ThreadingHTTPServer, str]:
    """Serve `folder` at `prefix` on a free port of 127.0.0.1; return the server and its URL."""
    handler = functools.partial(type("Handler", (SiteHandler,), {"prefix": prefix}),
                                directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"
