"""Catalogue entries: the Cisco IOS/IOS-XE parser (input.ios.*, netaudit/parsers/cisco_ios/;
also the reasons both Cisco parsers give, netaudit/parsers/cisco_common.py).

Its warnings (stored as "FILE[:LINE]: message", input.at) and the reasons it gives for a
construct it understands only partly (its ``partial``; several of one construct are one
input.joined text), and what its filters do with a packet no line matches (their
``default_text``, input.ios.default.*).  The English is the sentence the parser always wrote; file names,
line numbers, names, numbers and quoted configuration text are fields, inserted as they
are.  The generic input entries (files, encodings, truncation, input.at, input.joined)
are in :mod:`netaudit.catalogue.inputs`.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # Cisco IOS
    "input.ios.acl_empty": {
        "vi": "ACL {name} không có mục nào; tại nơi ACL này được áp dụng, IOS cho phép mọi lưu lượng",
        "en": "ACL {name} has no entries; where it is applied IOS permits everything",
    },
    "input.ios.ip_routing_assumed": {
        "vi": "cấu hình không nêu rõ ip routing; coi như chức năng định tuyến đang bật (giả định thận trọng)",
        "en": "ip routing not stated; assumed enabled (fail-safe)",
    },
    # Cisco IOS partial reasons (a construct only partly understood: parsers/cisco_ios/ and,
    # for the ones both Cisco parsers give, parsers/cisco_common.py).  The English is the
    # reason as it always read; configuration text, names and numbers are fields.
    "input.ios.line_not_understood": {
        "vi": "không phân tích được dòng {line}: {error}",
        "en": "line {line} not understood: {error}",
    },
    "input.ios.line_unread": {
        "vi": "không phân tích được dòng {line}",
        "en": "line {line} not understood",
    },
    "input.ios.not_understood": {
        "vi": "không phân tích được '{text}'",
        "en": "'{text}' not understood",
    },
    "input.ios.unmodelled_line": {
        "vi": "chưa mô hình hóa '{text}'",
        "en": "'{text}' not modelled",
    },
    "input.ios.at_line": {"vi": "{why} (dòng {line})", "en": "{why} (line {line})"},
    "input.ios.switchport_mode": {
        "vi": "chưa mô hình hóa switchport mode {mode}",
        "en": "switchport mode {mode} not modelled",
    },
    "input.ios.pppoe_client": {
        "vi": "chưa mô hình hóa PPPoE client",
        "en": "PPPoE client not modelled",
    },
    "input.ios.wccp": {
        "vi": "chưa mô hình hóa việc chuyển hướng lưu lượng bằng WCCP",
        "en": "WCCP redirection not modelled",
    },
    "input.ios.ace_option": {
        "vi": "chưa mô hình hóa tùy chọn {option}",
        "en": "{option} not modelled",
    },
    "input.ios.dynamic_ace": {
        "vi": "chưa mô hình hóa mục dynamic (lock-and-key)",
        "en": "dynamic (lock-and-key) entry not modelled",
    },
    "input.ios.og_undefined": {
        "vi": "object-group {name} chưa được định nghĩa",
        "en": "object-group {name} undefined",
    },
    "input.ios.og_partial": {
        "vi": "object-group {name} chỉ được hiểu một phần",
        "en": "object-group {name} partially understood",
    },
    "input.ios.acl_definition_unread": {
        "vi": "không phân tích được phần định nghĩa (dòng {line}: {text})",
        "en": "definition not understood (line {line}: {text})",
    },
    "input.ios.acl_undefined": {
        "vi": "ACL {name} chưa được định nghĩa",
        "en": "ACL {name} is not defined",
    },
    "input.ios.pbr_acl_permits": {
        "vi": "ACL {name} có dòng deny hoặc dòng chưa được hiểu đầy đủ: chỉ các dòng permit của ACL được dùng "
        "làm điều kiện khớp",
        "en": "ACL {name} has deny or partial lines: its permits taken as the match",
    },
    "input.ios.pbr_next_hops": {
        "vi": "có nhiều next hop: chỉ next hop đầu tiên được mô hình hóa",
        "en": "several next hops: the first one modelled",
    },
    "input.ios.vacl": {
        "vi": "chưa mô hình hóa VLAN access-map (VACL)",
        "en": "VLAN access-map (VACL) not modelled",
    },
    "input.ios.vacl_applied": {
        "vi": "VLAN access-map {name} lọc lưu lượng của VLAN (VACL): chưa được mô hình hóa",
        "en": "VLAN access-map {name} filters VLAN traffic (VACL) not modelled",
    },
    "input.ios.port_acl": {
        "vi": (
            "ip access-group {acl} trên cổng lớp 2 {interface} (port ACL): lọc gói tin vào cổng, kể cả lưu"
            " lượng chuyển mạch trong VLAN — chưa mô hình hóa (máy của một vùng được đặt trong VLAN, không sau"
            " một cổng)"
        ),
        "en": (
            "ip access-group {acl} on the Layer-2 port {interface} (a port ACL): it filters the packets entering"
            " the port, switched ones too — not modelled (a zone's hosts are placed in a VLAN, not behind one port)"
        ),
    },
    "input.ios.pppoe_server": {
        "vi": "chưa mô hình hóa PPPoE server (pppoe enable không có pppoe-client)",
        "en": "PPPoE server (pppoe enable without pppoe-client) not modelled",
    },
    "input.ios.pppoe": {"vi": "chưa mô hình hóa PPPoE", "en": "PPPoE not modelled"},
    "input.ios.dtp_desirable": {
        "vi": "DTP dynamic desirable có thể thương lượng để cổng trở thành trunk",
        "en": "DTP dynamic desirable may negotiate a trunk",
    },
    "input.ios.unnumbered": {
        "vi": "chưa mô hình hóa ip unnumbered {interface}",
        "en": "ip unnumbered {interface} not modelled",
    },
    "input.ios.access_group_no_direction": {
        "vi": "ip access-group không nêu chiều áp dụng (in/out)",
        "en": "ip access-group without direction",
    },
    "input.ios.urpf_acl": {
        "vi": "chưa mô hình hóa ACL ngoại lệ của uRPF",
        "en": "uRPF exception ACL not modelled",
    },
    "input.ios.vrf_form": {"vi": "chưa mô hình hóa vrf {form}", "en": "vrf {form} not modelled"},
    "input.ios.private_vlan": {"vi": "chưa mô hình hóa private VLAN", "en": "private VLAN not modelled"},
    "input.ios.qinq": {
        "vi": "chưa mô hình hóa QinQ (second-dot1q)",
        "en": "QinQ (second-dot1q) not modelled",
    },
    "input.ios.service_policy": {
        "vi": "chưa mô hình hóa service-policy (có thể giới hạn tốc độ, loại bỏ hoặc chuyển hướng lưu lượng)",
        "en": "service-policy not modelled (may police/drop/redirect)",
    },
    "input.ios.xconnect": {
        "vi": "chưa mô hình hóa xconnect (pseudowire)",
        "en": "xconnect (pseudowire) not modelled",
    },
    "input.ios.bridge_group": {
        "vi": "chưa mô hình hóa bridge-group (bridging trong suốt)",
        "en": "bridge-group (transparent bridging) not modelled",
    },
    "input.ios.zone_member_line": {
        "vi": "tường lửa theo vùng (zone-based firewall): không phân tích được dòng zone-member",
        "en": "zone-based firewall: zone-member line not understood",
    },
    "input.ios.nvi_nat": {
        "vi": "chưa mô hình hóa NAT NVI (ip nat enable)",
        "en": "NVI NAT (ip nat enable) not modelled",
    },
    "input.ios.ip_admission": {
        "vi": "chưa mô hình hóa authentication proxy (ip admission)",
        "en": "authentication proxy (ip admission) not modelled",
    },
    "input.ios.auth_proxy": {
        "vi": "chưa mô hình hóa authentication proxy",
        "en": "authentication proxy not modelled",
    },
    "input.ios.ip_audit": {"vi": "chưa mô hình hóa IDS (ip audit)", "en": "IDS (ip audit) not modelled"},
    "input.ios.ip_ips": {"vi": "chưa mô hình hóa IPS (ip ips)", "en": "IPS (ip ips) not modelled"},
    "input.ios.mac_access_group": {
        "vi": "chưa mô hình hóa MAC access-group",
        "en": "MAC access-group not modelled",
    },
    "input.ios.evc_service": {
        "vi": "chưa mô hình hóa EVC service instance",
        "en": "EVC service instance not modelled",
    },
    "input.ios.traffic_export": {
        "vi": "chưa mô hình hóa việc xuất bản sao lưu lượng (traffic export)",
        "en": "traffic export not modelled",
    },
    "input.ios.ip_security": {
        "vi": "chưa mô hình hóa các tùy chọn bảo mật IP (IP security options)",
        "en": "IP security options not modelled",
    },
    "input.ios.nat_form": {
        "vi": "chưa mô hình hóa ip nat {side} source {form}",
        "en": "ip nat {side} source {form} not modelled",
    },
    "input.ios.nat_outside_static_ports": {
        "vi": "chưa mô hình hóa ip nat outside source static có nêu cổng",
        "en": "ip nat outside source static with ports not modelled",
    },
    "input.ios.nat_static_route_map": {
        "vi": "NAT tĩnh chỉ áp dụng cho các gói tin mà route-map {name} chọn; việc gói tin nào được chọn chưa "
        "được mô hình hóa",
        "en": "static NAT applies only to the packets route-map {name} selects; which packets those are is not "
        "modelled",
    },
    "input.ios.nat_port_static": {
        "vi": "NAT tĩnh có đổi cổng (port forward :{gport} -> :{lport}): kết nối mà máy bên trong mở từ cổng "
        "{lport} sẽ đi ra từ cổng {gport}, điều này chưa được mô hình hóa (bản thân việc chuyển tiếp cổng thì "
        "đã được mô hình hóa)",
        "en": "static port translation (port forward :{gport} -> :{lport}): a connection the inside host opens "
        "from port {lport} leaves from port {gport}, which is not modelled (the forward is)",
    },
    "input.ios.nat_pool_first": {
        "vi": "NAT pool {pool} được tính gần đúng bằng địa chỉ đầu tiên của pool, {address}",
        "en": "NAT pool {pool} approximated by its first address {address}",
    },
    "input.ios.nat_pool_undefined": {
        "vi": "NAT pool {pool} chưa được định nghĩa",
        "en": "NAT pool {pool} undefined",
    },
    "input.ios.nat_iface_address": {
        "vi": "chưa xác định được địa chỉ của {interface}",
        "en": "address of {interface} unknown",
    },
    "input.ios.route_global": {
        "vi": "next hop được phân giải trong bảng định tuyến global",
        "en": "next hop resolved in the global table",
    },
    "input.ios.route_dhcp": {
        "vi": "next hop được học qua DHCP",
        "en": "next hop learned from DHCP",
    },
    "input.ios.ike_unapplied": {
        "vi": "IKE/IPsec được cấu hình nhưng không được áp dụng cho giao diện nào (crypto map, tunnel protection, "
        "EzVPN client): chưa biết IOS có trả lời IKE hay không",
        "en": "IKE/IPsec configured but applied to no interface (crypto map, tunnel protection, EzVPN client): "
        "whether IOS answers IKE is not known",
    },
    "input.ios.isakmp_off": {
        "vi": "no crypto isakmp (dòng {line}): chưa mô hình hóa việc IKEv2 có còn trả lời hay không",
        "en": "no crypto isakmp (line {line}): whether IKEv2 still answers is not modelled",
    },
    "input.ios.crypto_map_option": {
        "vi": "chưa mô hình hóa '{text}' áp dụng cho toàn bộ crypto map",
        "en": "'{text}' on the whole map not modelled",
    },
    "input.ios.crypto_map_line": {
        "vi": "chưa mô hình hóa crypto map IPsec ('{text}')",
        "en": "IPsec crypto map not modelled ('{text}')",
    },
    "input.ios.ipsec": {"vi": "đường hầm IPsec: {why}", "en": "IPsec {why}"},
    "input.ios.crypto_tunnel": {
        "vi": "các gói tin mà ACL {acl} chọn khi rời {iface} được mã hóa và gửi tới peer {peers} (nằm ngoài các "
        "cấu hình được kiểm tra), và các gói tin từ các mạng ở xa của ACL có thể đến (đã giải mã) từ đường hầm "
        "mà không bị ACL của giao diện kiểm tra: cả hai chiều đều chưa chắc chắn",
        "en": "packets its ACL {acl} selects leaving {iface} are encrypted to peer {peers} (outside the snapshot), "
        "and packets from the ACL's remote networks may come decrypted from it past the interface ACL: both maybe",
    },
    "input.ios.crypto_map_no_entry": {
        "vi": "crypto map {map} không có entry nào trong cấu hình: chưa biết crypto map này mã hóa những gì",
        "en": "crypto map {map} has no entry in the configuration: what it encrypts is not known",
    },
    "input.ios.crypto_entry_dynamic": {
        "vi": "{entry} là entry động (truy cập từ xa, peer bất kỳ): chưa biết các peer và lưu lượng chúng gửi",
        "en": "{entry} is dynamic (remote access, any peer): the peers and what they send are not known",
    },
    "input.ios.crypto_entry_kind": {"vi": "chưa mô hình hóa {entry} {kind}", "en": "{entry} {kind} not modelled"},
    "input.ios.crypto_entry_incomplete": {
        "vi": "{entry} không có {missing}: IOS không dùng entry như vậy, và mô hình không dựa vào điều đó",
        "en": "{entry} has no {missing}: IOS leaves such an entry unused, which the model does not rely on",
    },
    "input.ios.crypto_acl_undefined": {
        "vi": "crypto ACL {name} chưa được định nghĩa",
        "en": "crypto ACL {name} is not defined",
    },
    "input.ios.crypto_acl_standard": {
        "vi": "crypto ACL {name} là một ACL chuẩn (standard)",
        "en": "crypto ACL {name} is a standard ACL",
    },
    "input.ios.crypto_acl_partial": {
        "vi": "crypto ACL {name} chưa được hiểu đầy đủ ({why})",
        "en": "crypto ACL {name} not fully understood ({why})",
    },
    "input.ios.crypto_acl_line": {
        "vi": "crypto ACL {name}: dòng '{text}' chưa được hiểu đầy đủ",
        "en": "crypto ACL {name}: '{text}' not fully understood",
    },
    "input.ios.crypto_acl_gre": {
        "vi": "crypto ACL {name} bảo vệ lưu lượng GRE ('{text}'): chưa mô hình hóa GRE over IPsec",
        "en": "crypto ACL {name} protects GRE ('{text}'): GRE over IPsec is not modelled",
    },
    "input.ios.vpdn_no_enable": {
        "vi": "vpdn-group {group} chấp nhận đường hầm nhưng cấu hình không có `vpdn enable`: chưa xác định được "
        "IOS có trả lời các đường hầm này hay không",
        "en": "vpdn-group {group} accepts tunnels but the configuration has no `vpdn enable`: whether IOS answers "
        "them is not established",
    },
    "input.ios.vpdn_no_protocol": {
        "vi": "vpdn-group {group}: không đọc được giao thức mà nhóm này chấp nhận",
        "en": "vpdn-group {group}: which protocol it accepts was not read",
    },
    "input.ios.vpdn_softshut": {
        "vi": "vpdn softshut (dòng {line}): các phiên mới bị từ chối, chưa được mô hình hóa",
        "en": "vpdn softshut (line {line}): new sessions refused, not modelled",
    },
    "input.ios.vpdn_vrf": {
        "vi": "đường hầm kết thúc trong một VRF: chưa mô hình hóa các giao diện trả lời đường hầm",
        "en": "tunnels terminate in a VRF: the interfaces answering them are not modelled",
    },
    "input.ios.vpdn_l2tp_security": {
        "vi": "L2TP được bảo vệ bằng một IPsec crypto profile: chưa mô hình hóa việc IOS khi đó có từ chối L2TP "
        "không mã hóa hay không",
        "en": "L2TP protected by an IPsec crypto profile: whether IOS then refuses cleartext L2TP is not modelled",
    },
    "input.ios.smart_install_director": {
        "vi": "Smart Install director: chưa mô hình hóa những gì director chấp nhận trên tcp/4786",
        "en": "Smart Install director: what it accepts on tcp/4786 is not modelled",
    },
    "input.ios.smart_install_default": {
        "vi": "không có dòng vstack: trên switch Catalyst chạy phiên bản chưa có bản sửa lỗi CSCvd36820, Smart "
        "Install client được bật theo mặc định (kiểm tra bằng show vstack config)",
        "en": "no vstack line: on a Catalyst switch whose release lacks the fix for CSCvd36820 the Smart "
        "Install client is on by default (show vstack config tells)",
    },
    "input.ios.fwd_udp_no": {
        "vi": "chưa mô hình hóa no ip forward-protocol udp (không nêu cổng)",
        "en": "no ip forward-protocol udp (without a port) not modelled",
    },
    "input.ios.fwd_udp_port": {
        "vi": "không phân tích được cổng UDP {port}",
        "en": "UDP port {port} not understood",
    },
    "input.ios.fwd_flood": {
        "vi": "broadcast UDP được flood theo cây spanning tree (chưa được mô hình hóa)",
        "en": "UDP broadcasts flooded along the spanning tree (not modelled)",
    },
    "input.ios.fwd_any_local": {
        "vi": "broadcast cục bộ của mọi mạng con cũng được chuyển tiếp (chưa được mô hình hóa)",
        "en": "local subnet broadcasts of any subnet forwarded too (not modelled)",
    },
    "input.ios.fwd_sdns": {
        "vi": "broadcast SDNS được chuyển tiếp (chưa được mô hình hóa)",
        "en": "SDNS broadcasts forwarded (not modelled)",
    },
    "input.ios.fwd_unread": {
        "vi": "không phân tích được ip forward-protocol {words}",
        "en": "ip forward-protocol {words} not understood",
    },
    "input.ios.no_service_dhcp": {
        "vi": "no service dhcp: chưa xác định được IOS xử lý thế nào với broadcast DHCP gửi tới helper",
        "en": "no service dhcp: what IOS does with DHCP broadcasts for a helper is not established",
    },
    "input.ios.police_action": {
        "vi": "chưa mô hình hóa police {which} '{action}'",
        "en": "police {which} '{action}' not modelled",
    },
    "input.ios.cp_subinterface": {
        "vi": "chưa mô hình hóa '{text}' (control-plane subinterface)",
        "en": "'{text}' (control-plane subinterface) not modelled",
    },
    "input.ios.policy_map_undefined": {
        "vi": "policy-map {name} chưa được định nghĩa",
        "en": "policy-map {name} undefined",
    },
    "input.ios.policy_map_type": {"vi": "policy-map thuộc loại {kind}", "en": "policy-map of type {kind}"},
    "input.ios.class_map_type": {"vi": "class-map thuộc loại {kind}", "en": "class-map of type {kind}"},
    "input.ios.class_map_undefined": {
        "vi": "class-map {name} chưa được định nghĩa",
        "en": "class-map {name} undefined",
    },
    "input.ios.class_map_empty": {
        "vi": "class-map {name} không có điều kiện khớp nào mà mô hình đọc được",
        "en": "class-map {name} matches nothing the model reads",
    },
    "input.ios.class_map_match_all": {
        "vi": "class-map {name}: chưa mô hình hóa match-all gồm nhiều dòng",
        "en": "class-map {name}: match-all of several lines not modelled",
    },
    "input.ios.class_acl_unusable": {
        "vi": "class-map {name}: ACL {acl} chưa được định nghĩa, rỗng hoặc không phân tích được",
        "en": "class-map {name}: ACL {acl} undefined, empty or not understood",
    },
    "input.ios.class_acl_deny": {
        "vi": "ACL {acl} của class {cls} có dòng deny (các gói tin khớp dòng deny được chuyển sang class kế tiếp)",
        "en": "ACL {acl} of class {cls} has deny lines (packets they take go to the next class)",
    },
    "input.ios.zone_default": {
        "vi": "chưa mô hình hóa zone security default (mọi giao diện không thuộc vùng nào đều là thành viên của "
        "vùng này)",
        "en": "zone security default (every interface of no zone a member of it) not modelled",
    },
    "input.ios.zone_line": {
        "vi": "không phân tích được '{text}' trong {block}",
        "en": "'{text}' in {block} not understood",
    },
    "input.ios.cbac_line": {
        "vi": "không phân tích được dòng CBAC ('{text}')",
        "en": "CBAC line not understood ('{text}')",
    },
    "input.ios.zone_member_twice": {
        "vi": "zone-member security xuất hiện ở nhiều dòng (mỗi giao diện chỉ thuộc một vùng)",
        "en": "zone-member security in more than one line (one zone an interface)",
    },
    "input.ios.zone_undefined": {
        "vi": "zone-member security {zone}: vùng chưa được định nghĩa",
        "en": "zone-member security {zone}: zone not defined",
    },
    "input.ios.zone_self_copp": {
        "vi": "zone-pair {pair} (source {source} destination self): chưa mô hình hóa chính sách của tường lửa "
        "theo vùng đối với lưu lượng tới router khi có cả control-plane policing",
        "en": "zone-pair {pair} (source {source} destination self): the zone firewall's policy on traffic to the "
        "router is not modelled beside control-plane policing",
    },
    "input.ios.inspect_policy_undefined": {
        "vi": "policy-map type inspect {name} chưa được định nghĩa",
        "en": "policy-map type inspect {name} undefined",
    },
    "input.ios.class_no_action": {
        "vi": "class {name} không có hành động inspect, pass hoặc drop",
        "en": "class {name} without an inspect, pass or drop action",
    },
    "input.ios.class_map_not_inspect": {
        "vi": "class-map {name} không thuộc loại inspect",
        "en": "class-map {name} is not of type inspect",
    },
    "input.ios.class_map_nested": {
        "vi": "class-map {name} lồng chính nó",
        "en": "class-map {name} nests itself",
    },
    "input.ios.class_map_two_addresses": {
        "vi": "class-map {name}: chưa mô hình hóa match-all của hai điều kiện địa chỉ",
        "en": "class-map {name}: match-all of two address conditions not modelled",
    },
    "input.ios.match_protocol_within": {
        "vi": "match protocol {proto}: các cổng của giao thức này không có trong bảng của netaudit (chỉ biết nằm "
        "trong các giao thức IP của nó)",
        "en": "match protocol {proto}: its ports are not in netaudit's table (within its IP protocols)",
    },
    "input.ios.match_protocol_unknown": {
        "vi": "match protocol {proto}: các cổng của giao thức này không có trong bảng của netaudit",
        "en": "match protocol {proto}: its ports are not in netaudit's table",
    },
    "input.ios.match_protocol_remapped": {
        "vi": "match protocol {proto}: ip port-map (dòng {line}) ánh xạ giao thức này sang các cổng khác",
        "en": "match protocol {proto}: ip port-map (line {line}) maps it onto other ports",
    },
    "input.ios.class_acl_nat": {
        "vi": "ACL của class nêu các địa chỉ mà NAT có thể chuyển đổi (ACL thấy địa chỉ trước hay sau NAT: chưa "
        "được mô hình hóa)",
        "en": "class ACL names addresses NAT may translate (before or after NAT: not modelled)",
    },
    # What a filter does with a packet no line matches (its Filter.default_text: cited in a
    # witness path and a blocked cell's blocking lines); also the crypto ACL mirrored by
    # netaudit/parsers/cisco_common.py, which both Cisco parsers use.
    "input.ios.default.acl_undefined": {
        "vi": "ACL {acl} không tồn tại: IOS cho qua mọi gói tin",
        "en": "ACL {acl} is not defined: IOS permits every packet",
    },
    "input.ios.default.acl_empty": {
        "vi": "ACL {acl} không có dòng nào: IOS cho qua mọi gói tin",
        "en": "ACL {acl} has no entries: IOS permits every packet",
    },
    "input.ios.default.copp_no_class": {
        "vi": "không khớp class nào của chính sách control-plane: gói tin được cho qua (transmit)",
        "en": "no control-plane policy class matches: transmitted",
    },
    "input.ios.default.copp_class_default_transmit": {
        "vi": "policy-map {name} class class-default: gói tin được cho qua (transmit)",
        "en": "policy-map {name} class class-default: transmitted",
    },
    "input.ios.default.copp_class_default_drop": {
        "vi": "policy-map {name} class class-default: gói tin bị loại bỏ (drop)",
        "en": "policy-map {name} class class-default: dropped",
    },
    "input.ios.default.zone_unzoned": {
        "vi": "cả hai giao diện đều không thuộc security zone nào: tường lửa theo vùng không lọc",
        "en": "neither interface in a security zone: not filtered by the zone firewall",
    },
    "input.ios.default.zone_self": {
        "vi": "lưu lượng tới router từ một vùng không có zone-pair tới self, hoặc từ giao diện không thuộc vùng "
        "nào: được cho qua",
        "en": "traffic to the router from a zone without a zone-pair to self, or from no zone: passes",
    },
    "input.ios.default.crypto_mirrored": {
        "vi": "không khớp crypto ACL (đảo chiều nguồn/đích)",
        "en": "not selected by the crypto ACL (mirrored)",
    },
}
