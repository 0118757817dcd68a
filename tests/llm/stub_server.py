"""A FAKE OpenAI-compatible and Ollama-compatible chat server on 127.0.0.1, for the real
LangChain clients (langchain-openai, langchain-ollama) to talk to. It replies with a scripted
text, streamed in small pieces, and keeps every request body it was sent."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class StubChatServer:
    """Serves /v1/chat/completions (OpenAI) and /api/chat (Ollama) with one scripted reply."""

    def __init__(self, reply: str) -> None:
        self.reply = reply
        self.requests: list[dict] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> StubChatServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def pieces(self) -> list[str]:
        return [self.reply[i : i + 7] for i in range(0, len(self.reply), 7)]

    def _handler(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.requests.append({"path": self.path, **body})
                if self.path.endswith("/chat/completions"):
                    self._openai(body)
                elif self.path == "/api/chat":
                    self._ollama(body)
                else:
                    self.send_error(404)

            def _openai(self, body: dict) -> None:
                model = body.get("model", "stub")
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                for piece in stub.pieces():
                    self._event({"id": "c1", "object": "chat.completion.chunk", "created": 0,
                                 "model": model, "choices": [{"index": 0, "delta":
                                 {"role": "assistant", "content": piece}, "finish_reason": None}]})
                self._event({"id": "c1", "object": "chat.completion.chunk", "created": 0,
                             "model": model, "choices": [{"index": 0, "delta": {},
                                                          "finish_reason": "stop"}]})
                self.wfile.write(b"data: [DONE]\n\n")

            def _event(self, data: dict) -> None:
                self.wfile.write(f"data: {json.dumps(data)}\n\n".encode())
                self.wfile.flush()

            def _ollama(self, body: dict) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/x-ndjson")
                self.end_headers()
                lines = [{"model": body.get("model"), "created_at": "2026-11-23T00:00:00Z",
                          "message": {"role": "assistant", "content": piece}, "done": False}
                         for piece in stub.pieces()]
                lines.append({"model": body.get("model"), "created_at": "2026-11-23T00:00:00Z",
                              "message": {"role": "assistant", "content": ""}, "done": True,
                              "done_reason": "stop"})
                for line in lines:
                    self.wfile.write((json.dumps(line) + "\n").encode())
                    self.wfile.flush()

        return Handler
