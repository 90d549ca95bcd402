"""Catalogue entries: the H3C Comware parser (input.comware.*, netaudit/parsers/h3c_comware/).

The reasons it gives for a construct it understands only partly (its ``partial``), and
what its filters do with a packet no line matches (their ``default_text``,
input.comware.default.*).  Where the Comware parser reads a construct with the Huawei VRP
reader (the same documented meaning), the reason is VRP's entry (input.vrp.*, worded
without the vendor's name).  File names, line numbers, names, numbers and quoted
configuration text are fields, inserted as they are.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # Commands whose effect is not modelled (syntax.*_PARTIAL)
    "input.comware.pbr": {
        "vi": "chưa mô hình hóa định tuyến theo chính sách (policy-based routing)",
        "en": "policy-based routing not modelled",
    },
    "input.comware.mpls": {"vi": "chưa mô hình hóa chuyển tiếp MPLS", "en": "MPLS forwarding not modelled"},
    "input.comware.ipsec": {
        "vi": "chưa mô hình hóa IPsec (policy, profile, áp dụng trên interface)",
        "en": "IPsec (policies, profiles, their use on an interface) not modelled",
    },
    "input.comware.ike": {
        "vi": "chưa mô hình hóa IKE (profile, proposal, keychain)",
        "en": "IKE (profiles, proposals, keychains) not modelled",
    },
    "input.comware.l2tp": {"vi": "chưa mô hình hóa các đường hầm L2TP", "en": "L2TP tunnels not modelled"},
    "input.comware.v5_firewall": {
        "vi": "chưa mô hình hóa tường lửa của Comware V5 (firewall enable / firewall default / firewall "
        "packet-filter / zone / interzone): các quy tắc của nó quyết định những gì thiết bị chuyển tiếp",
        "en": "Comware V5 firewall (firewall enable / firewall default / firewall packet-filter / zone / "
        "interzone) not modelled: its rules decide what the device forwards",
    },
    "input.comware.aspf": {
        "vi": "chưa mô hình hóa ASPF (lọc gói tin có trạng thái)",
        "en": "ASPF (stateful packet inspection) not modelled",
    },
    "input.comware.nat_static": {
        "vi": "chưa mô hình hóa NAT tĩnh (nat static … / nat static enable)",
        "en": "static NAT (nat static … / nat static enable) not modelled",
    },
    "input.comware.nat_policy": {
        "vi": "chưa mô hình hóa chính sách NAT toàn cục (nat global-policy / nat policy / nat hairpin)",
        "en": "global NAT policy (nat global-policy / nat policy / nat hairpin) not modelled",
    },
    "input.comware.dpi": {
        "vi": "chưa mô hình hóa kiểm tra lớp ứng dụng (app-profile, IPS, inspect)",
        "en": "application-layer inspection (app-profile, IPS, inspect) not modelled",
    },
    "input.comware.security_policy_off": {
        "vi": "security-policy disable: chưa xác định được chính sách nào quyết định khi tắt security-policy",
        "en": "security-policy disable: which policy decides with security policies disabled is not established",
    },
    "input.comware.sp_packet_filter": {
        "vi": "packet-filter của zone-pair cùng với security-policy ip: chưa xác định được cái nào quyết định",
        "en": "a zone-pair's packet-filter beside security-policy ip: which one decides is not established",
    },
    "input.comware.sp_intra": {
        "vi": "security-zone intra-zone default permit cùng với security-policy ip: chưa xác định được thứ tự áp dụng",
        "en": "security-zone intra-zone default permit beside security-policy ip: which is applied first is not "
        "established",
    },
    "input.comware.zone_vlan_member": {
        "vi": "interface được đưa vào security zone theo VLAN (thành viên lớp 2): chưa mô hình hóa",
        "en": "interface imported into a security zone with VLANs (a Layer-2 member) not modelled",
    },
    "input.comware.zone_pair_any": {
        "vi": "zone-pair với zone 'any': chưa mô hình hóa",
        "en": "zone-pair with the 'any' zone not modelled",
    },
    "input.comware.zone_unzoned": {
        "vi": "gói tin giữa hai interface không thuộc security zone nào: tùy dòng thiết bị được chuyển tiếp hay bị hủy",
        "en": "packets between two interfaces in no security zone: forwarded or discarded depending on the product",
    },
    "input.comware.zone_local": {
        "vi": "gói tin từ interface không thuộc security zone nào gửi tới chính thiết bị (Local zone): chưa xác "
        "định được thiết bị xử lý thế nào",
        "en": "packets for the device itself (the Local zone) from an interface in no security zone: what the "
        "device does is not established",
    },
    "input.comware.zone_pair_default": {
        "vi": "gói tin không khớp quy tắc nào của zone-pair: chưa xác định được hành động mặc định",
        "en": "a packet no rule of the zone-pair matches: the default action is not established",
    },
    "input.comware.group_member": {
        "vi": "thành viên object-group chưa đọc được: '{line}'",
        "en": "object-group member not read: '{line}'",
    },
    "input.comware.group_unread": {
        "vi": "object-group {group} không tồn tại hoặc chưa đọc hết",
        "en": "object-group {group} not defined or not fully read",
    },
    "input.comware.default.zones": {
        "vi": "không có dòng nào khớp: bị hủy (chính sách security zone của Comware)",
        "en": "no line matched: discarded (Comware security zone policy)",
    },
    "input.comware.zone_member": {
        "vi": "interface thuộc một zone tường lửa: chưa mô hình hóa chính sách giữa các zone",
        "en": "interface in a firewall zone: the policy between zones is not modelled",
    },
    "input.comware.super_vlan": {
        "vi": "chưa mô hình hóa super VLAN (gộp VLAN)",
        "en": "super VLAN (VLAN aggregation) not modelled",
    },
    "input.comware.private_vlan": {"vi": "chưa mô hình hóa private VLAN", "en": "private VLAN not modelled"},
    "input.comware.vlan_mapping": {"vi": "chưa mô hình hóa VLAN mapping", "en": "VLAN mapping not modelled"},
    "input.comware.vxlan": {"vi": "chưa mô hình hóa VXLAN / VSI", "en": "VXLAN / VSI not modelled"},
    "input.comware.qinq": {"vi": "chưa mô hình hóa QinQ", "en": "QinQ not modelled"},
    "input.comware.protocol_vlan": {
        "vi": "chưa mô hình hóa VLAN theo MAC, subnet hay giao thức",
        "en": "MAC, subnet or protocol-based VLANs not modelled",
    },
    "input.comware.portal": {
        "vi": "chưa mô hình hóa xác thực portal (ai được dùng mạng trước khi đăng nhập)",
        "en": "portal authentication (who may use the network before logging in) not modelled",
    },
    "input.comware.wlan": {
        "vi": "chưa mô hình hóa WLAN (AP group, service template): các AP đưa khách Wi-Fi vào VLAN nào",
        "en": "WLAN (AP groups, service templates) not modelled: which VLAN the APs put the Wi-Fi clients in",
    },
    "input.comware.port_isolate": {
        "vi": "chưa mô hình hóa nhóm cô lập cổng toàn cục",
        "en": "global port isolation groups not modelled",
    },
    "input.comware.qos_policy": {
        "vi": "chưa mô hình hóa QoS policy áp trên interface (behavior của nó có thể chặn hay chuyển hướng gói tin)",
        "en": "QoS policy on the interface not modelled (its behaviors may drop or redirect packets)",
    },
    "input.comware.tunnel": {
        "vi": "đầu xa của đường hầm không có trong bản chụp cấu hình",
        "en": "the tunnel's far side is not in the snapshot",
    },
    "input.comware.unnumbered": {
        "vi": "chưa mô hình hóa ip address unnumbered",
        "en": "ip address unnumbered not modelled",
    },
    "input.comware.manage": {
        "vi": "chưa mô hình hóa các dịch vụ quản trị mà interface trả lời (manage …, SecPath)",
        "en": "which management services the interface answers (manage …, SecPath) not modelled",
    },
    "input.comware.port_bridge": {
        "vi": "chưa mô hình hóa việc cổng chuyển tiếp khung tin về chính nó (port bridge enable)",
        "en": "frames forwarded back out of the port they came in by (port bridge enable) not modelled",
    },
    # Interfaces, ACLs, packet filters
    "input.comware.vlan_type": {
        "vi": "dạng vlan-type chưa được mô hình hóa: '{line}'",
        "en": "vlan-type form not modelled: '{line}'",
    },
    "input.comware.packet_filter_form": {
        "vi": "dạng packet-filter chưa được mô hình hóa (ACL lớp 2 hoặc dạng ip-group của V5): '{line}'",
        "en": "packet-filter form not modelled (a Layer-2 ACL or V5's ip-group form): '{line}'",
    },
    "input.comware.packet_filter_global": {
        "vi": "dạng packet-filter toàn cục này chưa được mô hình hóa",
        "en": "this system-view packet-filter form not modelled",
    },
    "input.comware.packet_filter_undefined": {
        "vi": "packet-filter dùng ACL {acl} không tồn tại: chưa xác định được thiết bị xử lý gói tin thế nào",
        "en": "packet-filter names ACL {acl}, which is not defined: what the device then does is not established",
    },
    "input.comware.nat_server_filter": {
        "vi": (
            "cổng vừa có packet-filter chiều vào vừa có nat server: chưa xác định được bộ lọc xét gói tin trước"
            " khi dịch (địa chỉ, cổng công cộng) hay sau khi dịch (máy bên trong)"
        ),
        "en": (
            "the interface has an inbound packet-filter and a nat server: whether the filter sees the packets"
            " before the translation (the public address and port) or after it (the inside host) is not established"
        ),
    },
    "input.comware.port_packet_filter": {
        "vi": (
            "packet-filter {acl} trên cổng lớp 2 {interface}: lọc mọi gói vào/ra cổng, kể cả lưu lượng chuyển"
            " mạch trong VLAN — chưa mô hình hóa (máy của một vùng được đặt trong VLAN, không sau một cổng)"
        ),
        "en": (
            "packet-filter {acl} on the Layer-2 port {interface}: it filters every packet the port receives or"
            " sends, switched ones too — not modelled (a zone's hosts are placed in a VLAN, not behind one port)"
        ),
    },
    "input.comware.svi_local": {
        "vi": "packet-filter của VLAN interface lọc gói tin nó chuyển tiếp ở lớp 3; chưa xác định được nó có "
        "lọc gói tin gửi tới chính thiết bị hay không",
        "en": "a VLAN interface's packet-filter filters what it forwards at Layer 3; whether it also filters "
        "packets for the device itself is not established",
    },
    "input.comware.rule_option": {"vi": "chưa mô hình hóa '{option}'", "en": "'{option}' not modelled"},
    # NAT
    "input.comware.nat_vpn": {
        "vi": "nat outbound với VPN instance chưa được mô hình hóa: '{line}'",
        "en": "nat outbound with a VPN instance not modelled: '{line}'",
    },
    "input.comware.nat_reversible": {
        "vi": "nat outbound reversible (địa chỉ công khai của máy bên trong nhận cả kết nối mới từ ngoài vào): "
        "chưa mô hình hóa: '{line}'",
        "en": "nat outbound reversible (an inside host's public address takes new connections from outside too) "
        "not modelled: '{line}'",
    },
    "input.comware.nat_group_interface": {
        "vi": "address-group lấy địa chỉ của một interface: chưa mô hình hóa",
        "en": "address-group taking an interface's address not modelled",
    },
    "input.comware.nat_and_filter": {
        "vi": "nat outbound và packet-filter chiều ra: chưa mô hình hóa thứ tự giữa chúng",
        "en": "nat outbound and an outbound packet-filter: their order not modelled",
    },
    # Management plane
    "input.comware.server_default": {
        "vi": "không có dòng '{command}' và không rõ phiên bản Comware (V7 tắt theo mặc định; V5 tùy dòng thiết bị)",
        "en": "no '{command}' line and the Comware release is not known (off by default on V7; on V5 it depends "
        "on the model)",
    },
    "input.comware.server_default_v5": {
        "vi": "không có dòng '{command}': trên Comware V5 giá trị mặc định tùy dòng thiết bị và phiên bản",
        "en": "no '{command}' line: on Comware V5 the default depends on the model and release",
    },
    "input.comware.vty_protocol_default_v5": {
        "vi": "các user-interface vty không có 'protocol inbound': trên Comware V5 giá trị mặc định chưa được xác định",
        "en": "no 'protocol inbound' on the vty user interfaces: on Comware V5 the default is not established",
    },
    "input.comware.vty_uncovered": {
        "vi": (
            "không khối line vty nào cho phép {proto}, nhưng các khối chỉ gồm line {lines}: các line vty khác"
            " (V7: 0 đến 63) giữ mặc định (cho phép Telnet và SSH, không ACL) — chưa xác định được kết nối"
            " dùng line nào"
        ),
        "en": (
            "no line vty block admits {proto}, but the blocks name lines {lines} only: the other vty lines"
            " (V7: 0 to 63) keep the default (Telnet and SSH admitted, no ACL) — which line a connection"
            " takes is not established"
        ),
    },
    "input.comware.vty_protocol_default": {
        "vi": "các line vty không có 'protocol inbound' và không rõ phiên bản Comware",
        "en": "no 'protocol inbound' on the vty lines and the Comware release is not known",
    },
    "input.comware.http_default": {
        "vi": "không có dòng '{command}': máy chủ web có chạy theo mặc định hay không phụ thuộc dòng thiết bị "
        "và phiên bản Comware (xem bằng display ip http / display ip https)",
        "en": "no '{command}' line: whether the web server runs by default depends on the model and Comware "
        "release (display ip http / display ip https tells)",
    },
    "input.comware.netconf_soap": {
        "vi": "chưa mô hình hóa NETCONF over SOAP (qua máy chủ web)",
        "en": "NETCONF over SOAP (through the web server) not modelled",
    },
    "input.comware.line_class": {
        "vi": "'line class vty' đặt giới hạn đăng nhập ({line}): chưa mô hình hóa cách nó kết hợp với thiết "
        "lập của từng line vty",
        "en": "'line class vty' restricts logins ({line}): how it combines with each vty line's own setting is "
        "not modelled",
    },
    "input.comware.line_class_line": {
        "vi": "thiết lập đăng nhập của 'line class vty': chưa mô hình hóa",
        "en": "login setting of 'line class vty' not modelled",
    },
    # What a filter does with a packet no line matches (its Filter.default_text).
    "input.comware.default.packet_filter": {
        "vi": "không có quy tắc nào khớp: packet-filter của Comware cho gói tin đi qua (hành động mặc định)",
        "en": "no rule matched: Comware's packet-filter permits the packet (its default action)",
    },
    "input.comware.default.packet_filter_deny": {
        "vi": "không có quy tắc nào khớp: bị từ chối (packet-filter default deny)",
        "en": "no rule matched: denied (packet-filter default deny)",
    },
    "input.comware.default.acl": {
        "vi": "không có quy tắc nào khớp: bị từ chối (cách Comware dùng ACL cho đăng nhập/SNMP/NAT)",
        "en": "no rule matched: denied (Comware login/SNMP/NAT use of an ACL)",
    },
}
