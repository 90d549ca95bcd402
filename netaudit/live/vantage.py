"""The vantage point of a probe or scan run: the interface, its address and MAC, the
default gateway (and its MAC), the DHCP server and the Wi-Fi network (SSID) this machine
is on — what an inspector writes down about where the measurement was taken.

Everything is read from the machine itself (scapy's routing table, /proc, lease files,
``iw``/``iwgetid``), never by sending packets; what cannot be read is ``None`` — and the
report says "not known" rather than guessing.  ``--ssid`` on the command line overrides
the lookup (a wired laptop on the guest switch port, or a machine without ``iw``).
"""

from __future__ import annotations

import glob
import re
import shutil
import subprocess
from pathlib import Path


def vantage_info(iface: str | None, zone: str, ssid: str | None = None) -> dict:
    """Interface, own address/prefix, MAC, default gateway, DHCP server and SSID."""
    from scapy.config import conf

    gw_iface, gateway = None, None
    for net, mask, gw, itf, _addr, _metric in conf.route.routes:
        if net == 0 and mask == 0 and gw != "0.0.0.0":
            gw_iface, gateway = itf if isinstance(itf, str) else getattr(itf, "name", str(itf)), gw
            break
    iface = iface or gw_iface or str(conf.iface)
    address = None
    for net, mask, gw, itf, addr, _metric in conf.route.routes:
        name = itf if isinstance(itf, str) else getattr(itf, "name", str(itf))
        if name == iface and gw == "0.0.0.0" and net != 0 and mask not in (0, 0xFFFFFFFF):
            address = f"{addr}/{bin(mask).count('1')}"
            break
    mac = None
    try:
        from scapy.arch import get_if_hwaddr

        mac = get_if_hwaddr(iface)
    except (OSError, ValueError):
        pass
    return {
        "zone": zone,
        "interface": iface,
        "address": address,
        "mac": mac,
        "gateway": gateway if gw_iface == iface else None,
        "dhcp_server": dhcp_server(iface),
        "ssid": ssid or wifi_ssid(iface),
        "started": None,
        "finished": None,
        "source": "netaudit probe",
    }


def gateway_mac(gateway: str | None) -> str | None:
    """The gateway's MAC from the kernel's ARP table, when it has an entry."""
    try:
        with open("/proc/net/arp", encoding="ascii") as f:
            for line in f.readlines()[1:]:
                parts = line.split()
                if parts and parts[0] == gateway and parts[3] != "00:00:00:00:00:00":
                    return parts[3]
    except OSError:
        pass
    return None


def _run(argv: list[str]) -> str:
    """The output of a short local command, "" when it is missing or fails."""
    if shutil.which(argv[0]) is None:
        return ""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=3, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout if done.returncode == 0 else ""


def wifi_ssid(iface: str) -> str | None:
    """The SSID ``iface`` is associated with (``iw dev IFACE link``, then ``iwgetid``),
    None for a wired interface or when no tool says."""
    if not Path(f"/sys/class/net/{iface}/wireless").exists() and not Path(f"/sys/class/net/{iface}/phy80211").exists():
        return None
    m = re.search(r"^\s*SSID:\s*(.+?)\s*$", _run(["iw", "dev", iface, "link"]), re.M)
    if m:
        return m.group(1)
    out = _run(["iwgetid", iface, "--raw"]).strip()
    return out or None


def dhcp_server(iface: str) -> str | None:
    """The DHCP server of ``iface`` from a lease file (systemd-networkd, dhclient,
    NetworkManager) or NetworkManager itself, when one names it."""
    try:  # systemd-networkd: /run/systemd/netif/leases/<ifindex>
        index = Path(f"/sys/class/net/{iface}/ifindex").read_text().strip()
        text = Path(f"/run/systemd/netif/leases/{index}").read_text()
        m = re.search(r"^SERVER_ADDRESS=(\S+)", text, re.M)
        if m:
            return m.group(1)
    except OSError:
        pass
    found = None
    for pattern in ("/var/lib/dhcp/dhclient*.leases", "/var/lib/dhclient/*.lease*", "/var/lib/NetworkManager/*.lease"):
        for path in sorted(glob.glob(pattern)):
            try:
                text = Path(path).read_text(errors="replace")
            except OSError:
                continue
            for block in re.findall(r"lease\s*\{(.*?)\}", text, re.S):
                m = re.search(r"dhcp-server-identifier\s+([0-9.]+);", block)
                itf = re.search(r'interface\s+"([^"]+)";', block)
                if m and (itf is None or itf.group(1) == iface or iface in Path(path).name):
                    found = m.group(1)  # the last lease wins
    if found:
        return found
    # NetworkManager's internal DHCP client keeps no dhclient-style lease file.
    m = re.search(
        r"dhcp_server_identifier\s*=\s*([0-9.]+)", _run(["nmcli", "-t", "-f", "DHCP4", "device", "show", iface])
    )
    return m.group(1) if m else None
