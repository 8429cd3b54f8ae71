"""Which addresses the room listens on and which clients it lets in.

The laptop's local-network addresses are read from its interfaces (``ip -j addr`` on
Linux, else the host name's addresses): nothing is sent anywhere to find them. Clients
are let in from loopback and the private ranges a group's own Wi-Fi or hotspot uses;
any other address is refused.
"""

from __future__ import annotations

import ipaddress
import json
import shutil
import socket
import subprocess

#: Who may connect: loopback, RFC 1918 and link-local IPv4; IPv6 loopback, unique-local, link-local.
ALLOWED = tuple(ipaddress.ip_network(n) for n in (
    "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16",
    "::1/128", "fc00::/7", "fe80::/10"))
#: Private ranges a laptop's Wi-Fi or hotspot address is in (the ones ``make room`` offers by default).
LAN = ALLOWED[1:4]


def allowed(address: str) -> bool:
    """Whether a client at ``address`` may use the room (an IPv4-mapped IPv6 address counts as IPv4)."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return any(ip in net for net in ALLOWED if net.version == ip.version)


def _from_interfaces() -> list[str]:
    ip = shutil.which("ip")
    if not ip:
        return []
    try:
        out = subprocess.run([ip, "-j", "-4", "addr", "show", "up"], capture_output=True, text=True, timeout=5, check=True)
        return [a["local"] for link in json.loads(out.stdout) for a in link.get("addr_info", []) if "local" in a]
    except (OSError, ValueError, subprocess.SubprocessError, KeyError, TypeError):
        return []


def _from_host_name() -> list[str]:
    try:
        return [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
    except OSError:
        return []


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses on a private local network (Wi-Fi, Ethernet, a
    phone's hotspot), read from its interfaces; empty when it has none."""
    found = _from_interfaces() or _from_host_name()
    out = []
    for a in found:
        ip = ipaddress.ip_address(a)
        if any(ip in net for net in LAN) and a not in out:
            out.append(a)
    return out
