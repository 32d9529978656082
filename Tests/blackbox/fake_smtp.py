"""A small SMTP server that offers PIPELINING and AUTH LOGIN only, to exercise those
paths of the client (aiosmtpd offers neither that way). It records every command."""

import base64
import socketserver
import threading

from smtp_sink import free_port


class FakeSMTP:
    def __init__(self, user="kansli", password="hemligt"):
        self.commands, self.messages = [], []
        fake = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                out = self.wfile
                out.write(b"220 fake ESMTP\r\n")
                state = None
                while True:
                    line = self.rfile.readline()
                    if not line:
                        return
                    text = line.decode(errors="replace").rstrip("\r\n")
                    if state == "user":
                        fake.commands.append("<user>")
                        state = "password" if base64.b64decode(text).decode() == user else "bad"
                        out.write(b"334 UGFzc3dvcmQ6\r\n")
                        continue
                    if state in ("password", "bad"):
                        fake.commands.append("<password>")
                        ok = state == "password" and base64.b64decode(text).decode() == password
                        out.write(b"235 ok\r\n" if ok else b"535 bad credentials\r\n")
                        state = None
                        continue
                    fake.commands.append(text)
                    verb = text.split(" ")[0].upper()
                    if verb == "EHLO":
                        out.write(b"250-fake\r\n250-PIPELINING\r\n250 AUTH LOGIN\r\n")
                    elif verb == "AUTH":
                        state = "user"
                        out.write(b"334 VXNlcm5hbWU6\r\n")
                    elif verb in ("MAIL", "RCPT", "RSET"):
                        out.write(b"250 ok\r\n")
                    elif verb == "DATA":
                        out.write(b"354 go on\r\n")
                        out.flush()
                        data = b""
                        while not data.endswith(b"\r\n.\r\n"):
                            chunk = self.rfile.readline()
                            if not chunk:
                                return
                            data += chunk
                        fake.messages.append(data)
                        out.write(b"250 queued\r\n")
                    elif verb == "QUIT":
                        out.write(b"221 bye\r\n")
                        return
                    else:
                        out.write(b"502 unknown\r\n")
                    out.flush()

        self.port = free_port()
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
