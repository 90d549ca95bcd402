"""Starting intent files (``netaudit blueprint --example TYPE [--vendor V]``): one per unit
type, commented in Vietnamese and English so that a technician can fill it in."""

from __future__ import annotations

from .intent import EDGE_VENDORS, UNIT_TYPES

_UNITS = {
    "commune": ("UBND xã Phú Thịnh", "PT", 2, 25, 4, 8, 2),
    "ward": ("UBND phường Bình Minh", "BM", 2, 30, 6, 12, 3),
    "ttpvhcc": ("Trung tâm Phục vụ hành chính công tỉnh", "TTPV", 3, 20, 12, 16, 4),
    "department": ("Sở Khoa học và Công nghệ", "SKHCN", 3, 60, 0, 8, 4),
}

_TEMPLATE = """\
# netaudit blueprint intent (docs/blueprint.md). Sửa rồi chạy / edit, then run:
#   netaudit blueprint intent.yaml -o out/
unit:
  type: {unit_type}            # commune | ward | ttpvhcc | department
  name: "{name}"
  short: {short}                # đầu tên thiết bị / hostname prefix (A-Z, 0-9, -)
level: {level}                  # cấp độ an toàn hệ thống thông tin: 2 | 3
vendor:
  edge: {vendor}            # routeros | ios | fortios | asa (router / tường lửa biên)
  switch: {switch}          # routeros | ios (Catalyst) | none
counts:
  staff_pcs: {pcs}              # máy tính cán bộ / staff computers
  counters: {counters}               # quầy một cửa, kiosk / one-stop counters
  cameras: {cameras}                # camera an ninh (0 = không có vùng camera)
  access_points: {aps}          # điểm phát Wi-Fi / access points
wifi:
  staff_ssid: "{short}-CanBo"
  guest:                        # Wi-Fi cho người dân (false = không có)
    ssid: "{short}-WiFi-Mien-Phi"
    isolation: true             # cách ly máy khách / client isolation
    bandwidth_mbps: 20
uplinks:
  internet:
    provider: VNPT
    address: static             # static | dhcp | pppoe
    ip: 203.0.113.10/30
    gateway: 203.0.113.9
  tslcd:                        # mạng truyền số liệu chuyên dùng (bỏ nếu không có)
    ip: 10.250.12.2/30
    gateway: 10.250.12.1
    networks: [10.160.0.0/16]
servers:                        # máy chủ / servers (host = số cuối của địa chỉ)
  - {{name: NAS-VanBan, host: 10, services: [tcp/443, tcp/445]}}
  - {{name: LaySoThuTu, host: 20, services: [tcp/80, tcp/443]}}
{database}addressing: 10.10.0.0/16           # mỗi vùng một /24 theo số VLAN / one /24 per zone
dns: [203.113.131.1, 203.113.188.1]
ntp: [pool.ntp.org]
"""


def example_text(unit_type: str, vendor: str = "routeros") -> str:
    """The example intent of ``unit_type`` with ``vendor`` at the edge."""
    if unit_type not in UNIT_TYPES:
        raise ValueError(f"unit type must be one of {', '.join(UNIT_TYPES)}")
    if vendor not in EDGE_VENDORS:
        raise ValueError(f"vendor must be one of {', '.join(EDGE_VENDORS)}")
    name, short, level, pcs, counters, cameras, aps = _UNITS[unit_type]
    database = "  - {name: CSDL-MotCua, host: 10, services: [tcp/5432], zone: database}\n" if level >= 3 else ""
    return _TEMPLATE.format(
        unit_type=unit_type,
        name=name,
        short=short,
        level=level,
        vendor=vendor,
        switch="routeros" if vendor == "routeros" else "ios",
        pcs=pcs,
        counters=counters,
        cameras=cameras,
        aps=aps,
        database=database,
    )
