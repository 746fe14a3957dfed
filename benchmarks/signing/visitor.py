"""One visitor of the load: a browser holding one keep-alive HTTP/1.1 connection and the CSRF
cookie of its first visit."""

import socket
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit


class Headers:
    """The headers of an answer: `get(name)`, `get_all(name)`, names in any case."""

    def __init__(self, lines):
        self.items = [(name.strip().lower(), value.strip())
                      for name, _colon, value in (line.partition(":") for line in lines)]

    def get_all(self, name):
        return [value for key, value in self.items if key == name.lower()]

    def get(self, name, default=None):
        values = self.get_all(name)
        return values[0] if values else default


class Visitor:
    """One browser: a keep-alive connection, the CSRF cookie of its first visit.

    HTTP/1.1 is spoken over a plain socket rather than with http.client, whose header parsing
    (the email package) cost the load generator, which shares the machine's cores with the
    server, about twice the CPU for the same requests."""

    def __init__(self, base_url):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port or 80
        self.origin = f"http://{parts.netloc}"
        self.netloc = parts.netloc
        self.connection = None
        self.buffer = b""
        self.csrf = ""
        self.retries = 0

    def request(self, method, path, body=None, headers=None):
        """(status, headers, body); once again on a fresh connection when a reused one was
        closed by the server (keep-alive timeout, worker recycled) before answering."""
        headers = {"Host": self.netloc, "User-Agent": "benchmarks/signatures.py",
                   "Accept-Language": "fr", **(headers or {})}
        if self.csrf:
            headers["Cookie"] = f"csrftoken={self.csrf}"
        body = (body or "").encode()
        if body or method == "POST":
            headers["Content-Length"] = str(len(body))
        message = "".join([f"{method} {path} HTTP/1.1\r\n",
                           *(f"{name}: {value}\r\n" for name, value in headers.items()),
                           "\r\n"]).encode("latin-1") + body
        for attempt in (1, 2):
            reused = self.connection is not None
            if not reused:
                self.connection = socket.create_connection((self.host, self.port), timeout=60)
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.buffer = b""
            try:
                self.connection.sendall(message)
                status, answer_headers, data = self.read_answer(method)
            except (ConnectionError, BrokenPipeError) as error:
                self.close()
                if attempt == 2 or not reused or getattr(error, "answered", False):
                    raise
                self.retries += 1
                continue
            if answer_headers.get("Connection", "").lower() == "close":
                self.close()
            return status, answer_headers, data
        raise AssertionError("unreachable")

    def receive(self, started):
        chunk = self.connection.recv(65536)
        if not chunk:
            error = ConnectionResetError("the server closed the connection")
            error.answered = started or bool(self.buffer)
            raise error
        self.buffer += chunk

    def read_until(self, separator):
        while (end := self.buffer.find(separator)) < 0:
            self.receive(started=True)
        line, self.buffer = self.buffer[:end], self.buffer[end + len(separator):]
        return line

    def read_exactly(self, size):
        while len(self.buffer) < size:
            self.receive(started=True)
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def read_answer(self, method):
        while b"\r\n\r\n" not in self.buffer:
            self.receive(started=False)
        head = self.read_until(b"\r\n\r\n").decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        headers = Headers(head[1:])
        if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
            return status, headers, b""
        if headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while size := int(self.read_until(b"\r\n").split(b";")[0], 16):
                chunks.append(self.read_exactly(size))
                self.read_until(b"\r\n")
            while self.read_until(b"\r\n"):  # trailers, then the empty line
                pass
            return status, headers, b"".join(chunks)
        return status, headers, self.read_exactly(int(headers.get("Content-Length", 0)))

    def get_csrf_cookie(self, paths):
        for path in paths:
            _status, headers, _body = self.request("GET", path)
            for header in headers.get_all("Set-Cookie"):
                cookie = SimpleCookie(header)
                if "csrftoken" in cookie:
                    self.csrf = cookie["csrftoken"].value
                    return path
        raise RuntimeError(f"No CSRF cookie from {paths}")

    def post(self, path, fields, address):
        body = urlencode({"csrfmiddlewaretoken": self.csrf, **fields})
        return self.request("POST", path, body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Origin": self.origin,
            "Referer": self.origin + path, "X-Forwarded-For": address,
        })

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        self.buffer = b""
