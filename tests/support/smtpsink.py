#!/usr/bin/python3
"""A real SMTP server for the tests (aiosmtpd, Debian's python3-aiosmtpd): every message it accepts
is written to FOLDER/NNN.eml, its envelope first ("X-Envelope-From: …", "X-Envelope-To: a, b").
Prints the port it listens on, then serves until killed.

    smtpsink.py FOLDER [--port N] [--starttls CERT KEY | --tls CERT KEY] [--auth USER:PASSWORD]

--starttls offers STARTTLS and requires it before MAIL; --tls is TLS from the first byte; --auth
requires AUTH (after TLS) with that user and password.
"""
import argparse
import os
import signal
import socket
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Folder:
    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        count = len([n for n in os.listdir(self.folder) if n.endswith(".eml")])
        path = os.path.join(self.folder, "%03d.eml" % count)
        head = "X-Envelope-From: %s\r\nX-Envelope-To: %s\r\n" % (envelope.mail_from, ", ".join(envelope.rcpt_tos))
        with open(path + ".part", "wb") as out:
            out.write(head.encode() + envelope.original_content)
        os.rename(path + ".part", path)  # whole messages only, for the test reading the folder
        return "250 Message accepted"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--auth", metavar="USER:PASSWORD")
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    options = {}
    pair = args.starttls or args.tls
    if pair:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(pair[0], pair[1])
        if args.starttls:
            options.update(tls_context=context, require_starttls=True)
        else:
            options.update(ssl_context=context)
    if args.auth:
        user, password = args.auth.split(":", 1)

        def check(server, session, envelope, mechanism, data):
            ok = data.login == user.encode() and data.password == password.encode()
            return AuthResult(success=ok, handled=False)

        # With --tls the whole connection is encrypted; aiosmtpd only knows of STARTTLS when it checks.
        options.update(authenticator=check, auth_required=True, auth_require_tls=bool(args.starttls))
    port = args.port or free_port()
    controller = Controller(Folder(args.folder), hostname="127.0.0.1", port=port, ready_timeout=10, **options)
    controller.start()
    print(port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
