"""Catalogue entries: the Huawei VRP parser (input.vrp.*, netaudit/parsers/huawei_vrp/).

Its warnings (stored as "FILE[:LINE]: message", input.at) and the reasons it gives for a
construct it understands only partly (its ``partial``; several of one construct are one
input.joined text), and what its filters do with a packet no line matches (their
``default_text``, input.vrp.default.*).  The English is the sentence the parser always wrote; file names,
line numbers, names, numbers and quoted configuration text are fields, inserted as they
are.  The generic input entries (files, encodings, truncation, input.at, input.joined)
are in :mod:`netaudit.catalogue.inputs`.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # Huawei VRP
    # Huawei VRP partial reasons (a command, an ACL, a traffic policy, a NAT rule, a
    # service or an interface only partly understood); the English is the reason as it
    # always read.  Commands whose effect is not modelled (syntax.*_PARTIAL):
    "input.vrp.snmp_community_unread": {
        "vi": "dòng 'snmp-agent community' có '{word}' chưa đọc được: không xác định được community này cho phép "
        "những địa chỉ nguồn nào",
        "en": "an 'snmp-agent community' line with '{word}' not read: which sources the community admits is not known",
    },
    "input.vrp.firewall_interzone": {
        "vi": "chưa mô hình hóa bộ lọc gói tin giữa các zone của tường lửa AR (firewall interzone)",
        "en": "AR firewall inter-zone packet filters not modelled",
    },
    "input.vrp.firewall_default": {
        "vi": "chưa mô hình hóa hành động mặc định của tường lửa AR",
        "en": "AR firewall default action not modelled",
    },
    "input.vrp.pbr": {
        "vi": "chưa mô hình hóa định tuyến theo chính sách (policy-based routing)",
        "en": "policy-based routing not modelled",
    },
    "input.vrp.mpls": {"vi": "chưa mô hình hóa chuyển tiếp MPLS", "en": "MPLS forwarding not modelled"},
    "input.vrp.vsi": {
        "vi": "chưa mô hình hóa các VPLS instance (L2VPN)",
        "en": "VPLS instances (L2VPN) not modelled",
    },
    "input.vrp.l2tp_group": {"vi": "chưa mô hình hóa các đường hầm L2TP", "en": "L2TP tunnels not modelled"},
    "input.vrp.ipsec": {"vi": "chưa mô hình hóa các IPsec policy", "en": "IPsec policies not modelled"},
    "input.vrp.ike": {
        "vi": "chưa mô hình hóa các IKE peer và IKE proposal",
        "en": "IKE peers and proposals not modelled",
    },
    "input.vrp.super_vlans": {
        "vi": "chưa mô hình hóa các super VLAN (gộp VLAN)",
        "en": "super VLANs (VLAN aggregation) not modelled",
    },
    "input.vrp.super_vlan": {
        "vi": "chưa mô hình hóa super VLAN (gộp VLAN)",
        "en": "super VLAN (VLAN aggregation) not modelled",
    },
    "input.vrp.mux_vlans": {
        "vi": "chưa mô hình hóa các MUX VLAN (principal/group/separate)",
        "en": "MUX VLANs (principal/group/separate) not modelled",
    },
    "input.vrp.mux_vlan": {"vi": "chưa mô hình hóa MUX VLAN", "en": "MUX VLAN not modelled"},
    "input.vrp.vlan_mapping": {"vi": "chưa mô hình hóa VLAN mapping", "en": "VLAN mapping not modelled"},
    "input.vrp.qinq": {
        "vi": "chưa mô hình hóa QinQ (xếp chồng thẻ 802.1ad)",
        "en": "QinQ (802.1ad stacking) not modelled",
    },
    "input.vrp.vlan_stacking": {
        "vi": "chưa mô hình hóa QinQ (VLAN stacking)",
        "en": "QinQ (VLAN stacking) not modelled",
    },
    "input.vrp.qinq_termination": {
        "vi": "chưa mô hình hóa giao diện con QinQ termination",
        "en": "QinQ termination sub-interface not modelled",
    },
    "input.vrp.tunnel_far_side": {
        "vi": "đường hầm GRE/IPsec: đầu bên kia của đường hầm không có trong tập cấu hình được kiểm tra",
        "en": "GRE/IPsec tunnel: the far side of the tunnel is not in the snapshot",
    },
    "input.vrp.ipsec_policy_iface": {
        "vi": "chưa mô hình hóa IPsec policy áp dụng trên giao diện",
        "en": "IPsec policy on the interface not modelled",
    },
    "input.vrp.vsi_binding": {
        "vi": "chưa mô hình hóa liên kết giao diện với VPLS (l2 binding vsi)",
        "en": "VPLS binding not modelled",
    },
    "input.vrp.zone_member": {
        "vi": "chưa mô hình hóa việc giao diện thuộc zone của tường lửa (AR, USG): chính sách giữa các zone quyết định",
        "en": "firewall zone membership (AR, USG) not modelled: the policy between the zones decides",
    },
    "input.vrp.mac_vlan": {
        "vi": "chưa mô hình hóa việc gán VLAN theo địa chỉ MAC",
        "en": "MAC-based VLAN assignment not modelled",
    },
    "input.vrp.subnet_vlan": {
        "vi": "chưa mô hình hóa việc gán VLAN theo subnet",
        "en": "subnet-based VLAN assignment not modelled",
    },
    "input.vrp.protocol_vlan": {
        "vi": "chưa mô hình hóa việc gán VLAN theo giao thức",
        "en": "protocol-based VLAN assignment not modelled",
    },
    "input.vrp.ip_unnumbered": {
        "vi": "chưa mô hình hóa giao diện IP unnumbered",
        "en": "IP unnumbered interface not modelled",
    },
    "input.vrp.ppp_ipcp": {
        "vi": "chưa mô hình hóa việc thương lượng địa chỉ qua PPP (IPCP)",
        "en": "PPP address negotiation not modelled",
    },
    "input.vrp.firewall_zones": {
        "vi": "chưa mô hình hóa các zone của tường lửa AR, USG (policy giữa các zone có theo dõi trạng thái kết nối)",
        "en": "AR, USG firewall zones (stateful inter-zone policy) not modelled",
    },
    "input.vrp.security_policy": {
        "vi": "chưa mô hình hóa chính sách bảo mật giữa các zone của tường lửa USG (security-policy)",
        "en": "USG security policy between zones (security-policy) not modelled",
    },
    "input.vrp.policy_interzone": {
        "vi": (
            "chưa mô hình hóa chính sách giữa các zone của tường lửa USG (policy interzone): "
            "giao diện không thuộc zone nào không chuyển tiếp gói tin"
        ),
        "en": "USG inter-zone policy (policy interzone) not modelled: an interface in no zone forwards nothing",
    },
    "input.vrp.usg_zones": {
        "vi": (
            "tường lửa USG: giao diện không thuộc zone nào không chuyển tiếp gói tin, "
            "chưa mô hình hóa chính sách giữa các zone (mặc định từ chối)"
        ),
        "en": (
            "USG firewall: an interface in no zone forwards nothing; "
            "the policy between zones (default deny) not modelled"
        ),
    },
    "input.vrp.service_manage": {
        "vi": "chưa mô hình hóa việc giới hạn dịch vụ quản trị theo giao diện (service-manage)",
        "en": "per-interface management access (service-manage) not modelled",
    },
    "input.vrp.line_unread": {"vi": "không hiểu được dòng {line}", "en": "line {line} not understood"},
    # ACL rules and ACLs (acls.py, convert.py)
    "input.vrp.wildcard_prefix": {
        "vi": "wildcard '{wildcard}' được hiểu là độ dài tiền tố (prefix length)",
        "en": "wildcard '{wildcard}' read as a prefix length",
    },
    "input.vrp.tcp_flag": {"vi": "chưa mô hình hóa tcp-flag {flag}", "en": "tcp-flag {flag} not modelled"},
    "input.vrp.option_unmodelled": {"vi": "chưa mô hình hóa '{option}'", "en": "'{option}' not modelled"},
    "input.vrp.acl_kind": {"vi": "chưa mô hình hóa ACL loại {kind}", "en": "{kind} ACL not modelled"},
    "input.vrp.match_order_auto": {
        "vi": "chưa mô hình hóa match-order auto (thứ tự depth-first) khi ACL có cả quy tắc permit và deny",
        "en": "match-order auto (depth-first order) with permit and deny rules not modelled",
    },
    # traffic policies (convert.py)
    "input.vrp.policy_undefined": {
        "vi": "traffic policy {name} chưa được định nghĩa",
        "en": "traffic policy {name} is not defined",
    },
    "input.vrp.pair_undefined": {
        "vi": "classifier {classifier} hoặc behavior {behavior} chưa được định nghĩa",
        "en": "classifier {classifier} or behavior {behavior} not defined",
    },
    "input.vrp.classifier_unread": {
        "vi": "classifier {classifier}: chưa mô hình hóa {lines}",
        "en": "classifier {classifier}: {lines} not modelled",
    },
    "input.vrp.behavior_unread": {
        "vi": "behavior {behavior}: chưa mô hình hóa {lines}",
        "en": "behavior {behavior}: {lines} not modelled",
    },
    "input.vrp.classifier_and": {
        "vi": "classifier {classifier}: chưa mô hình hóa operator and trên nhiều ACL",
        "en": "classifier {classifier}: operator and over several ACLs not modelled",
    },
    "input.vrp.classifier_acl_undefined": {
        "vi": "classifier {classifier}: ACL {acl} chưa được định nghĩa",
        "en": "classifier {classifier}: ACL {acl} not defined",
    },
    "input.vrp.classifier_deny": {
        "vi": "ACL {acl} {rule}: chưa mô hình hóa quy tắc deny trong ACL của một classifier",
        "en": "ACL {acl} {rule}: a deny rule in a classifier's ACL not modelled",
    },
    # interfaces (interfaces.py, convert.py)
    "input.vrp.unnumbered": {
        "vi": "chưa mô hình hóa ip address unnumbered",
        "en": "ip address unnumbered not modelled",
    },
    "input.vrp.dot1q_form": {
        "vi": "chưa mô hình hóa dạng lệnh dot1q termination này",
        "en": "dot1q termination form not modelled",
    },
    "input.vrp.l2_acl_filter": {
        "vi": "chưa mô hình hóa ACL lớp 2 {acl} trong traffic-filter",
        "en": "Layer-2 ACL {acl} in traffic-filter not modelled",
    },
    "input.vrp.filter_option": {
        "vi": "chưa mô hình hóa tùy chọn {option} của traffic-filter",
        "en": "traffic-filter option {option} not modelled",
    },
    "input.vrp.packet_filter": {
        "vi": "chưa mô hình hóa firewall packet-filter của AR trên giao diện",
        "en": "AR firewall packet-filter on the interface not modelled",
    },
    "input.vrp.dot1q_tunnel": {
        "vi": "chưa mô hình hóa cổng QinQ (dot1q-tunnel)",
        "en": "QinQ (dot1q-tunnel) port not modelled",
    },
    "input.vrp.lnp": {
        "vi": "link-type negotiation (LNP) có thể biến cổng thành cổng trunk",
        "en": "link-type negotiation (LNP) may make the port a trunk",
    },
    "input.vrp.port_filter": {
        "vi": (
            "{command} trên cổng lớp 2 {interface}: lọc gói tin vào/ra cổng, kể cả lưu lượng chuyển mạch"
            " trong VLAN — chưa mô hình hóa (máy của một vùng được đặt trong VLAN, không sau một cổng)"
        ),
        "en": (
            "{command} on the Layer-2 port {interface}: it filters the packets the port receives or sends,"
            " switched ones too — not modelled (a zone's hosts are placed in a VLAN, not behind one port)"
        ),
    },
    "input.vrp.filter_and_policy": {
        "vi": "traffic-filter và traffic-policy cùng một chiều: chưa mô hình hóa cách hai cơ chế này kết hợp",
        "en": "traffic-filter and traffic-policy in one direction: their combination not modelled",
    },
    "input.vrp.filter_order": {
        "vi": "traffic-filter của giao diện và traffic-filter của VLAN hoặc của toàn thiết bị: chưa mô hình hóa thứ "
        "tự áp dụng giữa chúng",
        "en": "a traffic-filter of the interface and one of its VLAN or the device: their order not modelled",
    },
    # NAT (nat.py, convert.py)
    "input.vrp.nat_group_sections": {
        "vi": "chưa mô hình hóa address-group dạng section",
        "en": "address-group with sections not modelled",
    },
    "input.vrp.nat_group_unread": {
        "vi": "NAT address-group {group} chưa được định nghĩa hoặc không đọc được",
        "en": "NAT address-group {group} not defined or not read",
    },
    "input.vrp.nat_group_first": {
        "vi": "address-group {group} được mô hình hóa gần đúng bằng địa chỉ đầu tiên",
        "en": "address-group {group} approximated by its first address",
    },
    "input.vrp.nat_acl_undefined": {
        "vi": "ACL {acl} của nat outbound chưa được định nghĩa",
        "en": "ACL {acl} of nat outbound is not defined",
    },
    "input.vrp.nat_and_filter": {
        "vi": "nat outbound và traffic-filter chiều ra (outbound): chưa mô hình hóa thứ tự áp dụng giữa chúng",
        "en": "nat outbound and an outbound traffic-filter: their order not modelled",
    },
    "input.vrp.nat_server_address": {
        "vi": "chưa xác định được địa chỉ của {iface}",
        "en": "address of {iface} unknown",
    },
    "input.vrp.nat_server_vpn": {
        "vi": "chưa mô hình hóa nat server có VPN instance",
        "en": "nat server with a VPN instance not modelled",
    },
    "input.vrp.nat_server_ports": {
        "vi": "chưa mô hình hóa việc nat server dịch chuyển dải cổng",
        "en": "port range shifted by nat server not modelled",
    },
    # the device's own services (convert.py), WLAN (wlan.py)
    "input.vrp.netconf_default": {
        "vi": "không có dòng 'snetconf server enable': NETCONF có trả lời theo mặc định hay không phụ thuộc "
        "phiên bản VRP (xem bằng display snetconf server status)",
        "en": "no 'snetconf server enable' line: whether NETCONF answers by default depends on the VRP release "
        "(display snetconf server status tells)",
    },
    "input.vrp.netconf_acl": {
        "vi": "ACL {acl} của máy chủ SSH được coi là ACL của NETCONF: chưa khẳng định được nó áp dụng cho "
        "phiên NETCONF",
        "en": "the SSH server's ACL {acl} is taken as NETCONF's: that it applies to NETCONF sessions is not "
        "established",
    },
    "input.vrp.server_default": {
        "vi": "không có dòng '{command} server enable': giá trị mặc định phụ thuộc phiên bản VRP (xem bằng "
        "display telnet server status / display ssh server status)",
        "en": "no '{command} server enable' line: the default depends on the VRP release (display telnet server "
        "status / display ssh server status tells)",
    },
    "input.vrp.server_source_default": {
        "vi": "không có dòng '{command} server-source': trên phiên bản {version} máy chủ có thể không trả lời ở "
        "địa chỉ nào cho đến khi cấu hình '{command} server-source all-interface' hoặc '-i' — mặc định phụ "
        "thuộc phiên bản VRP (xem bằng display {command} server status)",
        "en": "no '{command} server-source' line: on {version} the server may answer on no address until "
        "'{command} server-source all-interface' or '-i' is configured — the default depends on the VRP release "
        "(display {command} server status tells)",
    },
    "input.vrp.server_source_no_version": {
        "vi": "không có dòng '{command} server-source' và tệp không ghi phiên bản VRP: trên V200R020 trở về sau "
        "máy chủ có thể không trả lời ở địa chỉ nào theo mặc định (xem bằng display {command} server status)",
        "en": "no '{command} server-source' line and the file names no VRP release: from V200R020 on the server "
        "may answer on no address by default (display {command} server status tells)",
    },
    "input.vrp.snmp_source_default": {
        "vi": "không có dòng 'snmp-agent protocol source-interface' hay 'snmp-agent protocol source-status "
        "all-interface': trên phiên bản {version} SNMP agent có thể không trả lời ở địa chỉ nào cho đến khi cấu "
        "hình một trong hai dòng đó — mặc định phụ thuộc phiên bản VRP",
        "en": "no 'snmp-agent protocol source-interface' or 'snmp-agent protocol source-status all-interface' "
        "line: on {version} the SNMP agent may answer on no address until one of them is configured — the "
        "default depends on the VRP release",
    },
    "input.vrp.snmp_source_no_version": {
        "vi": "không có dòng 'snmp-agent protocol source-interface|source-status' và tệp không ghi phiên bản VRP: "
        "trên V200R020 trở về sau SNMP agent có thể không trả lời ở địa chỉ nào theo mặc định",
        "en": "no 'snmp-agent protocol source-interface|source-status' line and the file names no VRP release: "
        "from V200R020 on the SNMP agent may answer on no address by default",
    },
    "input.vrp.snmp_source_missing": {
        "vi": "'snmp-agent protocol source-interface {iface}' nêu một giao diện không có trong tệp: SNMP agent "
        "được coi như trả lời ở mọi địa chỉ",
        "en": "'snmp-agent protocol source-interface {iface}' names an interface not in the file: the SNMP agent "
        "is taken to answer on every address",
    },
    "input.vrp.server_source_unread": {
        "vi": "chưa mô hình hóa dòng '{line}': máy chủ được coi như trả lời ở mọi địa chỉ",
        "en": "'{line}' not modelled: the server is taken to answer on every address",
    },
    "input.vrp.server_source_missing": {
        "vi": "'server-source -i {iface}' nêu một giao diện không có trong tệp: máy chủ được coi như trả lời ở "
        "mọi địa chỉ",
        "en": "'server-source -i {iface}' names an interface not in the file: the server is taken to answer on "
        "every address",
    },
    "input.vrp.server_source_address_unknown": {
        "vi": "'server-source -a {address}': không xác định được đúng một giao diện (trong VPN instance đã nêu) "
        "mang địa chỉ này: máy chủ được coi như trả lời ở mọi địa chỉ",
        "en": "'server-source -a {address}': not exactly one interface (in the VPN instance named) holds this "
        "address: the server is taken to answer on every address",
    },
    "input.vrp.server_source_address_more": {
        "vi": "'server-source -a {address}': máy chủ chỉ trả lời ở địa chỉ này, được mô hình hóa là mọi địa chỉ "
        "của {iface}",
        "en": "'server-source -a {address}': the server answers on this address only, modelled as every address "
        "of {iface}",
    },
    "input.vrp.permit_interface": {
        "vi": "chưa mô hình hóa '{line}' (các giao diện được phép đăng nhập)",
        "en": "'{line}' (the interfaces logins are permitted on) not modelled",
    },
    "input.vrp.web_server_source": {
        "vi": "'{line}': máy chủ web chỉ trả lời ở một số địa chỉ; chưa khẳng định được là những địa chỉ nào",
        "en": "'{line}': the web server answers on some addresses only; which ones is not established",
    },
    "input.vrp.vty_protocol_default": {
        "vi": "các line vty không có 'protocol inbound': giá trị mặc định phụ thuộc phiên bản VRP",
        "en": "no 'protocol inbound' on the vty lines: the default depends on the VRP release",
    },
    "input.vrp.http_default": {
        "vi": "không có dòng '{command} enable': máy chủ web có chạy theo mặc định hay không phụ thuộc vào dòng "
        "thiết bị và phiên bản VRP (xem bằng display http server)",
        "en": "no '{command} enable' line: whether the web server runs by default depends on the model and VRP "
        "release (display http server tells)",
    },
    "input.vrp.two_login_acls": {
        "vi": "cả ACL {vty} của các line vty và '{proto} server acl {server}' cùng áp dụng cho đăng nhập {proto}: "
        "chỉ mô hình hóa ACL {server}",
        "en": "both the vty lines' ACL {vty} and '{proto} server acl {server}' apply to {proto} logins: only ACL "
        "{server} is modelled",
    },
    "input.vrp.web_manager_port": {
        "vi": "'web-manager enable' không ghi cổng: cổng HTTPS mặc định (443 hay 8443) phụ thuộc phiên bản VRP "
        "(xem bằng display web-manager configuration)",
        "en": "'web-manager enable' names no port: the default HTTPS port (443 or 8443) depends on the VRP release "
        "(display web-manager configuration tells)",
    },
    "input.vrp.wlan_vlans": {
        "vi": "chưa mô hình hóa việc các AP đưa service VLAN của các SSID đi đâu (chuyển tiếp trực tiếp hay qua "
        "đường hầm, đường uplink của AP)",
        "en": "where the APs put the SSIDs' service VLANs (direct or tunnel forwarding, AP uplinks) is not modelled",
    },
    # What a filter does with a packet no line matches (its Filter.default_text: cited in a
    # witness path and a blocked cell's blocking lines).
    "input.vrp.default.acl": {
        "vi": "không có quy tắc nào khớp: bị từ chối (cách VRP dùng ACL cho đăng nhập/SNMP/NAT)",
        "en": "no rule matched: denied (VRP login/SNMP/NAT use of an ACL)",
    },
    "input.vrp.default.traffic_filter": {
        "vi": "không có quy tắc nào khớp: traffic-filter của VRP cho gói tin đi qua",
        "en": "no rule matched: VRP's traffic-filter lets the packet pass",
    },
    "input.vrp.default.traffic_policy": {
        "vi": "không có classifier nào khớp: traffic policy của VRP cho gói tin đi qua",
        "en": "no classifier matched: VRP's traffic policy lets the packet pass",
    },
    "input.vrp.default.acl_undefined": {"vi": "ACL {acl} không tồn tại", "en": "ACL {acl} is not defined"},
    "input.vrp.default.acl_empty": {"vi": "ACL {acl} không có quy tắc nào", "en": "ACL {acl} has no rules"},
    # A traffic-filter line naming such an ACL, cited with the note: the line as configured,
    # the note as a VRP comment.
    "input.vrp.default.annotated_line": {
        "vi": "{line}  # {note}: traffic-filter cho mọi gói tin đi qua",
        "en": "{line}  # {note}: the traffic-filter passes every packet",
    },
}
