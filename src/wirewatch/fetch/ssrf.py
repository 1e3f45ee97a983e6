"""The SSRF guard: every outgoing request (and every redirect hop) is checked here.

A URL passes when its scheme is http or https and every address its host resolves to is
a public unicast address. Loopback, private, link-local, multicast, reserved, unspecified,
shared (CGNAT), IPv4-mapped/compatible/NAT64/6to4/Teredo forms of those, and cloud
metadata endpoints are refused. Numeric host forms that ``inet_aton`` accepts
(``2130706433``, ``0x7f.1``, ``0177.0.0.1``, ``127.1``) are decoded the way the C library
would, so they cannot sneak past. A host listed in ``allow_hosts`` is the only way past.

The resolver is injectable (``Resolver``) so tests can make any name resolve anywhere.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import httpx

from wirewatch.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
#: host name -> IP address strings (as ``getaddrinfo`` would give them).
Resolver = Callable[[str], Sequence[str]]

ALLOWED_SCHEMES = frozenset({"http", "https"})
#: Names refused whatever they resolve to.
BLOCKED_NAMES = frozenset({"localhost", "metadata.google.internal", "metadata", "instance-data",
                           "metadata.azure.internal"})
BLOCKED_SUFFIXES = (".localhost", ".internal", ".local", ".localdomain", ".home.arpa")
METADATA_ADDRESSES = frozenset({ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254"),
                                ipaddress.ip_address("100.100.100.200"), ipaddress.ip_address("169.254.170.2")})
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NUMERIC_V4 = re.compile(r"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+)){0,3}$", re.IGNORECASE)


def system_resolver(host: str) -> list[str]:
    """Every address the system resolver gives for ``host``."""
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}.",
                         hint="Check the URL; the name does not resolve.") from exc
    return sorted({str(info[4][0]) for info in infos})


def literal_address(host: str) -> IPAddress | None:
    """The address a numeric host denotes (every form the C library accepts), else None."""
    bare = host.strip("[]")
    try:
        return ipaddress.ip_address(bare.split("%", 1)[0])
    except ValueError:
        pass
    if _NUMERIC_V4.match(bare):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(bare))
        except OSError:
            return None
    return None


def embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address hidden in an IPv6 one (mapped, compatible, NAT64, 6to4, Teredo)."""
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    packed = int(address)
    if address in _NAT64 or (packed >> 32 == 0 and packed > 1):   # NAT64, IPv4-compatible ::a.b.c.d
        return ipaddress.IPv4Address(packed & 0xFFFFFFFF)
    return None


def blocked_reason(address: IPAddress) -> str | None:
    """Why connecting to ``address`` is refused, or None when it is a public unicast address."""
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    inner = embedded_ipv4(address)
    if inner is not None:
        reason = blocked_reason(inner)
        return f"an IPv6 form of {inner}, {reason}" if reason else None
    for attribute, label in (("is_unspecified", "unspecified"), ("is_loopback", "loopback"),
                             ("is_link_local", "link-local"), ("is_multicast", "multicast"),
                             ("is_private", "private"), ("is_reserved", "reserved")):
        if getattr(address, attribute):
            return f"a {label} address"
    if not address.is_global:
        return "not a public address"
    return None


def _normal_host(host: str) -> str:
    return host.strip().rstrip(".").lower()


@dataclass(frozen=True)
class SSRFGuard:
    """Checks URLs before any byte is sent. ``allow_hosts`` names hosts that skip the checks."""

    allow_hosts: frozenset[str] = frozenset()
    resolver: Resolver = field(default=system_resolver, compare=False)

    @classmethod
    def build(cls, allow_hosts: Iterable[str] = (), resolver: Resolver | None = None) -> SSRFGuard:
        hosts = frozenset(_normal_host(h).strip("[]") for h in allow_hosts if h.strip())
        return cls(hosts, resolver or system_resolver)

    def is_allowed_host(self, host: str) -> bool:
        return _normal_host(host).strip("[]") in self.allow_hosts

    def check(self, url: str | httpx.URL) -> list[str]:
        """Addresses ``url`` may connect to; raises :class:`FetchError` when it is refused.

        An allowed host returns ``[]``: connect by name, as asked.
        """
        parsed = _parse(url)
        host = _normal_host(parsed.host)
        if parsed.scheme not in ALLOWED_SCHEMES:
            raise _refused(url, f"the scheme {parsed.scheme or '(none)'!r} is not http or https")
        if not host:
            raise _refused(url, "it has no host")
        if self.is_allowed_host(host):
            return []
        if "%" in host or any(ch.isspace() for ch in host):
            raise _refused(url, "the host name is malformed")
        if host in BLOCKED_NAMES or host.endswith(BLOCKED_SUFFIXES):
            raise _refused(url, f"{host} is a local or metadata host name")
        literal = literal_address(host)
        addresses = [literal] if literal is not None else self._resolve(host)
        for address in addresses:
            reason = blocked_reason(address)
            if reason:
                raise _refused(url, f"{host} is {address}, {reason}" if literal is None
                               else f"{host} is {reason}")
        return [str(a) for a in addresses]

    def _resolve(self, host: str) -> list[IPAddress]:
        found = list(self.resolver(host))
        if not found:
            raise FetchError(f"cannot resolve host {host!r}: no addresses.")
        out: list[IPAddress] = []
        for text in found:
            address = literal_address(str(text))
            if address is None:
                raise FetchError(f"resolver returned {text!r} for {host!r}, not an IP address.")
            out.append(address)
        return out


def _parse(url: str | httpx.URL) -> httpx.URL:
    try:
        return url if isinstance(url, httpx.URL) else httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(f"{str(url)[:200]!r} is not a valid URL: {exc}.") from exc


def _refused(url: str | httpx.URL, why: str) -> FetchError:
    return FetchError(f"refused to fetch {str(url)[:200]}: {why}.",
                      hint="Only public http(s) hosts are fetched; pass --allow-host HOST (or allow_hosts "
                           "in the config file) to reach this one on purpose.")
