"""A real SMTP server for the tests: aiosmtpd on loopback, with switches for failures."""

import asyncio
import email
import socket
import threading
from email import policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    """Collects messages; can answer 4xx a number of times, or 5xx for some recipients.

    With `reply_delay`, it waits that long before answering the end of data, as a busy
    server does. It then either keeps a message it has not confirmed yet (`keeps`) or,
    like a server that commits only as it answers, drops it when the client goes away
    before the answer (`keeps = False`): aiosmtpd cancels the handler on a lost connection.
    """

    def __init__(self):
        self.messages = []
        self.temporary_failures = 0
        self.reject = set()
        self.reply_delay = 0.0
        self.keeps = True
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.temporary_failures > 0:
                self.temporary_failures -= 1
                return "451 4.3.0 try again later"
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        if self.reply_delay and not self.keeps:
            await asyncio.sleep(self.reply_delay)  # cancelled, and so dropped, if the client dies
        with self.lock:
            self.messages.append(message)
        if self.reply_delay and self.keeps:
            await asyncio.sleep(self.reply_delay)
        return "250 OK"

    def message_ids(self):
        with self.lock:
            return [m["Message-ID"] for m in self.messages]


class Server:
    def __init__(self, port=0, auth=None, tls_context=None):
        self.sink = Sink()
        kwargs = {}
        if auth:
            user, password = auth

            def authenticator(server, session, envelope, mechanism, auth_data):
                ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
                    and auth_data.password.decode() == password
                return AuthResult(success=ok)

            kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=tls_context is not None)
        if tls_context:
            kwargs.update(tls_context=tls_context, require_starttls=True)
        self.port = port or free_port()
        self.controller = Controller(self.sink, hostname="127.0.0.1", port=self.port, **kwargs)

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.controller.stop()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
