"""Alert deliveries: webhook (signed JSON), e-mail over SMTP, and the console.

Every sink implements :class:`AlertSink`. ``send`` raises :class:`DeliveryError` with the
reason when it finally fails; the loop records the outcome per sink in the alert row.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import smtplib
import ssl
import time
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any, Protocol

import httpx

from wirewatch.errors import WirewatchError
from wirewatch.fetch.client import USER_AGENT
from wirewatch.fetch.ssrf import SSRFGuard
from wirewatch.fetch.transport import PinnedTransport
from wirewatch.watch.settings import SmtpSettings

log = logging.getLogger("wirewatch.watch")
Message = dict[str, Any]   # the JSON an alert (or a digest) is delivered as


class DeliveryError(WirewatchError):
    """A delivery failed after its retries."""


class AlertSink(Protocol):
    """Somewhere alerts go. ``name`` is the delivery name used by rules."""

    name: str

    def send(self, message: Message) -> None:
        """Deliver one alert or digest message; raise :class:`DeliveryError` on failure."""
        ...


def signature(secret: str, body: bytes) -> str:
    """The ``X-Wirewatch-Signature`` header value: ``sha256=<hex HMAC-SHA256 of the body>``."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


class WebhookSink:
    """POSTs the alert as JSON, signed with HMAC-SHA256 when a secret is set; retries with backoff."""

    def __init__(self, name: str, url: str, *, secret: str | None = None, guard: SSRFGuard | None = None,
                 client: httpx.Client | None = None, retries: int = 3, backoff: float = 1.0,
                 timeout: float = 10.0, sleep: Callable[[float], None] = time.sleep) -> None:
        self.name, self.url, self.secret = name, url, secret
        self.guard = guard or SSRFGuard.build()
        self.client = client or httpx.Client(transport=PinnedTransport(self.guard), timeout=timeout,
                                             trust_env=False, follow_redirects=False)
        self.retries, self.backoff, self._sleep = retries, backoff, sleep

    def send(self, message: Message) -> None:
        body = json.dumps(message, ensure_ascii=False, default=str, sort_keys=True).encode("utf-8")
        headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT,
                   "X-Wirewatch-Event": str(message.get("kind", "alert"))}
        if self.secret:
            headers["X-Wirewatch-Signature"] = signature(self.secret, body)
        if message.get("alert_id") is not None:
            headers["X-Wirewatch-Delivery"] = str(message["alert_id"])
        reason = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self._sleep(self.backoff * 2 ** (attempt - 1))
            try:
                self.guard.check(self.url)
                response = self.client.post(self.url, content=body, headers=headers)
            except WirewatchError as exc:
                raise DeliveryError(f"webhook {self.name}: {exc.message}") from exc
            except httpx.HTTPError as exc:
                reason = f"{type(exc).__name__}: {exc}"
                continue
            if response.status_code < 300:
                return
            reason = f"HTTP {response.status_code}"
            if 400 <= response.status_code < 500 and response.status_code not in (408, 429):
                break
        raise DeliveryError(f"webhook {self.name} ({self.url}) failed: {reason}.")


class EmailSink:
    """Sends a plain-text e-mail per alert (and the JSON as an attachment) through SMTP."""

    def __init__(self, name: str, recipients: list[str], smtp: SmtpSettings) -> None:
        self.name, self.recipients, self.smtp = name, recipients, smtp

    def send(self, message: Message) -> None:
        mail = EmailMessage()
        mail["Subject"] = subject(message)
        mail["From"] = self.smtp.sender
        mail["To"] = ", ".join(self.recipients)
        mail.set_content(text(message))
        mail.add_attachment(json.dumps(message, indent=2, default=str, ensure_ascii=False).encode("utf-8"),
                            maintype="application", subtype="json", filename="alert.json")
        try:
            self._deliver(mail)
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"e-mail {self.name} via {self.smtp.host}:{self.smtp.port} failed: "
                                f"{type(exc).__name__}: {exc}.") from exc

    def _deliver(self, mail: EmailMessage) -> None:
        cfg = self.smtp
        factory = smtplib.SMTP_SSL if cfg.ssl else smtplib.SMTP
        with factory(cfg.host, cfg.port, timeout=cfg.timeout) as client:
            if cfg.starttls and not cfg.ssl:
                client.starttls(context=ssl.create_default_context())
            user = os.environ.get(cfg.username_env) if cfg.username_env else None
            if user:
                client.login(user, os.environ.get(cfg.password_env or "", ""))
            client.send_message(mail)


class ConsoleSink:
    """Hands each message to a callback (the CLI prints it)."""

    def __init__(self, emit: Callable[[Message], None], name: str = "console") -> None:
        self.name, self._emit = name, emit

    def send(self, message: Message) -> None:
        self._emit(message)


class JsonlFileSink:
    """Appends each message as one JSON line to a file (for log shippers, SIEMs or ``tail -f``).

    Registered as the ``jsonl`` alert sink: ``sink = "jsonl"`` with ``options = {path = "..."}``.
    Each line is written and flushed in one call under an exclusive lock, so several workers can
    share one file without interleaving lines.
    """

    def __init__(self, name: str, options: dict[str, Any]) -> None:
        path = options.get("path")
        if not isinstance(path, str) or not path.strip():
            raise DeliveryError(f"delivery {name!r}: the jsonl sink needs options.path (a file path).")
        unknown = sorted(set(options) - {"path"})
        if unknown:
            raise DeliveryError(f"delivery {name!r}: unknown jsonl sink option(s): {', '.join(unknown)}.")
        self.name, self.path = name, os.path.expanduser(path)

    def send(self, message: Message) -> None:
        import fcntl

        line = (json.dumps(message, ensure_ascii=False, default=str) + "\n").encode("utf-8")
        try:
            with open(self.path, "ab") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX)
                try:
                    handle.write(line)
                    handle.flush()
                finally:
                    fcntl.flock(handle, fcntl.LOCK_UN)
        except OSError as exc:
            raise DeliveryError(f"cannot append to {self.path}: {exc.strerror or exc}") from exc


# ----- wording ----------------------------------------------------------------------------------

def _where(event: dict[str, Any]) -> str:
    place = event.get("place") or {}
    return ", ".join(str(p) for p in (place.get("name"), place.get("country")) if p) or "unknown place"


def subject(message: Message) -> str:
    """One line: rule, what, where, headline."""
    rule = (message.get("rule") or {}).get("name", "rule")
    if message.get("kind") == "digest":
        return f"[wirewatch] {message.get('channel')} digest: {len(message.get('alerts', []))} alerts"
    if message.get("kind") == "spike":
        group = ", ".join(f"{v}" for v in (message.get("group") or {}).values())
        return f"[wirewatch] {rule}: spike of {message.get('count')} events ({group})"
    events = message.get("events") or [{}]
    title = (message.get("article") or {}).get("title") or ""
    return f"[wirewatch] {rule}: {events[0].get('type')} in {_where(events[0])} — {title}"[:200]


def text(message: Message) -> str:
    """The readable body: each event with its evidence sentence, and the link."""
    if message.get("kind") == "digest":
        return "\n\n".join(subject(a) + "\n" + text(a) for a in message.get("alerts", []))
    lines = [subject(message), ""]
    if message.get("kind") == "spike":
        lines.append(f"{message.get('count')} events in the window {message['window']['start']} → "
                     f"{message['window']['end']}; baseline mean {message.get('baseline_mean')}.")
    for event in message.get("events", []):
        killed = f", {event['killed']} killed" if event.get("killed") else ""
        actor = (event.get("actor") or {}).get("name") or "an unnamed actor"
        target = (event.get("target") or {}).get("name") or "an unnamed target"
        lines.append(f"- {event.get('type')} ({event.get('status')}) by {actor} against {target} "
                     f"in {_where(event)}{killed}")
        lines.append(f"  evidence: \"{event.get('evidence')}\"")
    lines.append(f"link: {message.get('link') or 'none'}")
    return "\n".join(lines) + "\n"
