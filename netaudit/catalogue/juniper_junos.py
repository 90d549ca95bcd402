"""Catalogue entries: the Juniper Junos parser (input.junos.*, netaudit/parsers/juniper_junos/).

Its warnings, the reasons it gives for a construct it understands only partly (its
``partial``) and what its filters do with a packet no line matches (their
``default_text``, input.junos.default.*).  Configuration text, names and line numbers are
fields, inserted as they are.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # warnings
    "input.junos.cut_short": {
        "vi": "bị cắt cụt: tệp kết thúc bên trong '{block}' (mở ở dòng {line}; thiếu '}}'); phần đọc được "
        "vẫn được sử dụng",
        "en": "truncated: the file ends inside '{block}' (opened at line {line}; missing '}}'): "
        "what was read so far is used",
    },
    "input.junos.step_failed": {
        "vi": "không đọc được cấu hình ({step}: {error}); mọi kết luận qua thiết bị này là chưa xác định",
        "en": "the configuration could not be read ({step}: {error}); no verdict through this device stands",
    },
    # interfaces
    "input.junos.unit_vlans": {
        "vi": "chưa mô hình hóa unit mang nhiều VLAN ({what})",
        "en": "a unit carrying several VLANs ({what}) is not modelled",
    },
    "input.junos.rpf_check": {
        "vi": "chưa mô hình hóa kiểm tra RPF (rpf-check) trên unit này",
        "en": "rpf-check on this unit is not modelled",
    },
    "input.junos.unnumbered": {
        "vi": "địa chỉ mượn (unnumbered-address) chưa được mô hình hóa",
        "en": "unnumbered-address is not modelled",
    },
    "input.junos.l2_filter": {
        "vi": "bộ lọc lớp 2 (ethernet-switching filter {filter}) chưa được mô hình hóa",
        "en": "layer-2 filter (ethernet-switching filter {filter}) not modelled",
    },
    "input.junos.vlan_option": {
        "vi": "tùy chọn VLAN '{what}' chưa được mô hình hóa",
        "en": "VLAN option '{what}' not modelled",
    },
    "input.junos.unit_no_vlan": {
        "vi": "unit {unit} trên cổng gắn thẻ VLAN (vlan-tagging) không có vlan-id",
        "en": "unit {unit} on a vlan-tagging port has no vlan-id",
    },
    "input.junos.svi_no_vlan": {
        "vi": "không VLAN nào khai báo {unit} làm l3-interface: không biết nó phục vụ VLAN nào",
        "en": "no VLAN names {unit} as its l3-interface: which VLAN it serves is unknown",
    },
    "input.junos.tunnel": {
        "vi": "{unit} là giao diện đường hầm (VPN/GRE) chưa được mô hình hóa",
        "en": "{unit} is a tunnel interface (VPN/GRE), not modelled",
    },
    "input.junos.vlan_unknown": {
        "vi": "VLAN '{vlan}' không được khai báo trong vlans",
        "en": "VLAN '{vlan}' is not defined under vlans",
    },
    "input.junos.access_many_vlans": {
        "vi": "cổng access khai báo nhiều VLAN",
        "en": "an access port naming several VLANs",
    },
    "input.junos.mixed_units": {
        "vi": "cổng {port} vừa chuyển mạch (ethernet-switching) vừa định tuyến trên các unit khác nhau",
        "en": "port {port} both switches (ethernet-switching) and routes on different units",
    },
    "input.junos.line_not_understood": {
        "vi": "dòng {line} thuộc cấu hình này không được hiểu",
        "en": "line {line} of this construct was not understood",
    },
    "input.junos.group_unsure": {
        "vi": "dòng {line} kế thừa từ nhóm cấu hình {group}: cách nó gộp với cấu hình (một giá trị hay cộng dồn, "
        "hoặc vị trí trong thứ tự) chưa được xác lập",
        "en": "line {line} inherited from configuration group {group}: how it merges with the configuration "
        "(one value or adding up, or its place in the order) is not established",
    },
    # routing
    "input.junos.instance_type": {
        "vi": "routing-instance {instance} loại {type} chưa được mô hình hóa (chỉ virtual-router và vrf)",
        "en": "routing-instance {instance} of type {type} is not modelled (only virtual-router and vrf are)",
    },
    "input.junos.rib": {
        "vi": "bảng định tuyến '{what}' chưa được mô hình hóa",
        "en": "routing table '{what}' not modelled",
    },
    "input.junos.route_kind": {
        "vi": "tuyến {kind} chưa được mô hình hóa: bảng định tuyến có thể thiếu tuyến",
        "en": "{kind} routes not modelled: the table may lack routes",
    },
    "input.junos.route_attr": {
        "vi": "thuộc tính tuyến tĩnh '{attr}' chưa được mô hình hóa",
        "en": "static route attribute '{attr}' not modelled",
    },
    "input.junos.route_no_next_hop": {
        "vi": "tuyến tĩnh không có next-hop, discard hay reject",
        "en": "static route without next-hop, discard or reject",
    },
    # firewall filters
    "input.junos.apply_path": {
        "vi": "prefix-list {name} lấy địa chỉ từ cấu hình (apply-path), chưa được mô hình hóa",
        "en": "prefix-list {name} takes its prefixes from the configuration (apply-path), not modelled",
    },
    "input.junos.term_filter": {
        "vi": "term {term} gọi một bộ lọc khác (filter), chưa được mô hình hóa",
        "en": "term {term} calls another filter, not modelled",
    },
    "input.junos.term_condition": {
        "vi": "điều kiện '{condition}' của term chưa được mô hình hóa",
        "en": "term condition '{condition}' not modelled",
    },
    "input.junos.term_narrowed": {
        "vi": "term còn có điều kiện chưa mô hình hóa ({conditions})",
        "en": "the term has conditions that are not modelled ({conditions})",
    },
    "input.junos.term_forwarding": {
        "vi": "term chuyển gói tin đi nơi khác ({action}), chưa được mô hình hóa",
        "en": "the term sends packets elsewhere ({action}), not modelled",
    },
    "input.junos.filter_undefined": {
        "vi": "bộ lọc {filter} được áp dụng nhưng không được định nghĩa",
        "en": "filter {filter} is applied but not defined",
    },
    "input.junos.only_except": {
        "vi": "danh sách địa chỉ chỉ có các mục except",
        "en": "an address list with except entries only",
    },
    "input.junos.address_unread": {
        "vi": "không đọc được địa chỉ '{value}'",
        "en": "address '{value}' not understood",
    },
    "input.junos.prefix_list_undefined": {
        "vi": "prefix-list {name} không được định nghĩa",
        "en": "prefix-list {name} is not defined",
    },
    "input.junos.protocol_unknown": {
        "vi": "không nhận ra giao thức '{names}'",
        "en": "protocol '{names}' not understood",
    },
    "input.junos.port_unknown": {
        "vi": "không nhận ra cổng '{names}'",
        "en": "port '{names}' not understood",
    },
    "input.junos.port_without_protocol": {
        "vi": "điều kiện cổng không kèm 'protocol tcp/udp': với giao thức khác, Junos so các byte cùng vị trí",
        "en": "a port condition without 'protocol tcp/udp': other protocols' bytes at that offset are compared",
    },
    "input.junos.icmp_unknown": {
        "vi": "không nhận ra loại ICMP '{name}'",
        "en": "ICMP type '{name}' not understood",
    },
    "input.junos.icmp_without_protocol": {
        "vi": "điều kiện icmp-type không kèm 'protocol icmp'",
        "en": "an icmp-type condition without 'protocol icmp'",
    },
    "input.junos.established_without_tcp": {
        "vi": "tcp-established không kèm 'protocol tcp' (Junos không tự kiểm tra giao thức)",
        "en": "tcp-established without 'protocol tcp' (Junos does not check the protocol itself)",
    },
    "input.junos.lo0_instance": {
        "vi": "bộ lọc đầu vào của {unit} (một routing-instance) chưa được mô hình hóa",
        "en": "the input filter of {unit} (a routing instance) is not modelled",
    },
    # SRX objects and policies
    "input.junos.address_dns": {
        "vi": "địa chỉ {name} là tên miền (dns-name), không biết trước địa chỉ IP",
        "en": "address {name} is a DNS name: its addresses are not known in advance",
    },
    "input.junos.address_loop": {
        "vi": "address-set {name} lồng nhau quá sâu (vòng lặp?)",
        "en": "address-set {name} nests too deep (a loop?)",
    },
    "input.junos.address_undefined": {
        "vi": "địa chỉ {name} không có trong sổ địa chỉ của zone hay sổ global",
        "en": "address {name} is in neither the zone's nor the global address book",
    },
    "input.junos.app_icmp_code": {
        "vi": "điều kiện icmp-code của application chưa được mô hình hóa (coi như mọi mã ICMP)",
        "en": "an application's icmp-code is not modelled (every ICMP code taken)",
    },
    "input.junos.app_no_protocol": {
        "vi": "application không khai báo protocol",
        "en": "an application without a protocol",
    },
    "input.junos.app_predefined_unknown": {
        "vi": "application định sẵn {name} chưa có trong bảng của netaudit",
        "en": "predefined application {name} is not in netaudit's table",
    },
    "input.junos.app_source_port": {
        "vi": "điều kiện source-port của application chưa được mô hình hóa (coi như mọi cổng nguồn)",
        "en": "an application's source-port is not modelled (any source port taken)",
    },
    "input.junos.app_undefined": {
        "vi": "application {name} không được định nghĩa",
        "en": "application {name} is not defined",
    },
    "input.junos.policy_match": {
        "vi": "điều kiện chính sách '{what}' chưa được mô hình hóa",
        "en": "policy match '{what}' not modelled",
    },
    "input.junos.policy_then": {
        "vi": "hành động chính sách '{what}' chưa được mô hình hóa",
        "en": "policy action '{what}' not modelled",
    },
    "input.junos.policy_scheduler": {
        "vi": "chính sách chỉ có hiệu lực theo lịch {name}",
        "en": "the policy is in effect only by schedule {name}",
    },
    "input.junos.policy_no_action": {
        "vi": "chính sách không có hành động then permit/deny/reject",
        "en": "a policy without a then permit/deny/reject action",
    },
    "input.junos.host_other_interface": {
        "vi": "gói tin tới địa chỉ của một giao diện khác trên SRX còn phải qua chính sách an ninh giữa các zone "
        "(chưa mô hình hóa)",
        "en": "a packet to another interface's address of the SRX also passes the security policies between "
        "zones (not modelled)",
    },
    "input.junos.host_protocols_only": {
        "vi": "host-inbound-traffic của {interfaces} chỉ khai báo protocols: không chắc danh sách system-services "
        "của zone còn áp dụng",
        "en": "the host-inbound traffic of {interfaces} lists protocols only: whether the zone's system services "
        "still apply is not established",
    },
    "input.junos.instance_no_unit": {
        "vi": "routing-instance {instance} khai báo giao diện {interface} không có unit: coi là {interface}.0 "
        "(chưa xác lập Junos gắn unit nào)",
        "en": "routing instance {instance} names interface {interface} without a unit: taken as {interface}.0 "
        "(which unit Junos binds is not established)",
    },
    "input.junos.zone_no_unit": {
        "vi": "zone khai báo giao diện {interface} không có unit: coi là {interface}.0 (chưa xác lập Junos gắn "
        "unit nào)",
        "en": "the zone names interface {interface} without a unit: taken as {interface}.0 (which unit Junos "
        "binds is not established)",
    },
    "input.junos.junos_host_zone": {
        "vi": "có chính sách tới zone junos-host giới hạn thêm lưu lượng tới thiết bị (chưa mô hình hóa)",
        "en": "policies to the junos-host zone further restrict traffic to the device (not modelled)",
    },
    # NAT
    "input.junos.packet_mode_nat": {
        "vi": "thiết bị ở chế độ xử lý theo gói (family mpls mode packet-based): NAT không được áp dụng",
        "en": "the device processes packets in packet mode (family mpls mode packet-based): NAT is not applied",
    },
    "input.junos.pool_range": {
        "vi": "pool NAT là một dải địa chỉ: dùng địa chỉ đầu tiên",
        "en": "a NAT pool of an address range: its first address is used",
    },
    "input.junos.pool_overflow": {
        "vi": "pool NAT có overflow-pool chưa được mô hình hóa",
        "en": "the NAT pool's overflow-pool is not modelled",
    },
    "input.junos.pool_instance": {
        "vi": "pool NAT thuộc một routing-instance khác, chưa được mô hình hóa",
        "en": "a NAT pool in another routing instance, not modelled",
    },
    "input.junos.pool_undefined": {
        "vi": "pool NAT {name} không được định nghĩa",
        "en": "NAT pool {name} is not defined",
    },
    "input.junos.pool_empty": {"vi": "pool NAT {name} không có địa chỉ", "en": "NAT pool {name} has no address"},
    "input.junos.pool_several": {
        "vi": "pool NAT {name} có nhiều địa chỉ: dùng địa chỉ đầu tiên",
        "en": "NAT pool {name} has several addresses: the first is used",
    },
    "input.junos.nat_match": {
        "vi": "điều kiện NAT '{what}' chưa được mô hình hóa",
        "en": "NAT match '{what}' not modelled",
    },
    "input.junos.nat_then": {
        "vi": "hành động NAT '{what}' chưa được mô hình hóa",
        "en": "NAT action '{what}' not modelled",
    },
    "input.junos.nat_no_then": {"vi": "quy tắc NAT không có hành động then", "en": "a NAT rule without then"},
    "input.junos.nat_no_context": {
        "vi": "rule-set NAT không có ngữ cảnh 'to': không biết giao diện ra",
        "en": "a NAT rule-set without a 'to' context: the egress interface is unknown",
    },
    "input.junos.static_prefix": {
        "vi": "static NAT giữa hai dải (không phải /32) chưa được mô hình hóa",
        "en": "static NAT between prefixes (not /32) is not modelled",
    },
    # management and sections
    "input.junos.snmp_client_list": {
        "vi": "danh sách client SNMP {name} (client-list) chưa được mô hình hóa",
        "en": "SNMP client list {name} (client-list) not modelled",
    },
    "input.junos.rest_port": {
        "vi": "cổng của dịch vụ REST API lấy theo mặc định (không chắc chắn)",
        "en": "the REST API's port is taken as its default (not certain)",
    },
    "input.junos.logical_systems": {
        "vi": "logical-systems/tenants (nhiều thiết bị ảo trong một) chưa được mô hình hóa",
        "en": "logical systems/tenants (several devices in one) are not modelled",
    },
    "input.junos.bridge_domains": {
        "vi": "bridge-domains chưa được mô hình hóa",
        "en": "bridge-domains are not modelled",
    },
    "input.junos.dhcp_relay": {
        "vi": "chuyển tiếp DHCP (dhcp-relay) chưa được mô hình hóa",
        "en": "DHCP relay is not modelled",
    },
    "input.junos.forwarding_filter": {
        "vi": "bộ lọc chuyển tiếp toàn cục (forwarding-options family) chưa được mô hình hóa",
        "en": "the global forwarding filter (forwarding-options family) is not modelled",
    },
    "input.junos.services_section": {
        "vi": "mục services (dịch vụ trên card dịch vụ, NAT/tường lửa MX) chưa được mô hình hóa",
        "en": "the services section (service cards, MX NAT/stateful firewall) is not modelled",
    },
    # what a filter does with a packet no line matches
    "input.junos.default.filter": {
        "vi": "không term nào của {filter} khớp: loại bỏ ngầm định (implicit discard)",
        "en": "no term of {filter} matches: implicit discard",
    },
    "input.junos.default.policy": {
        "vi": "không chính sách an ninh nào khớp: default-policy deny-all",
        "en": "no security policy matches: default-policy deny-all",
    },
    "input.junos.default.out_of_band": {
        "vi": "không đi qua cổng quản trị riêng (out-of-band): thiết bị định tuyến bình thường",
        "en": "not through an out-of-band management port: the device routes it",
    },
    "input.junos.default.host_inbound": {
        "vi": "host-inbound-traffic của giao diện nhận gói tin không cho phép",
        "en": "the host-inbound traffic of the arriving interface does not let it in",
    },
    "input.junos.default.snmp_clients": {
        "vi": "nguồn không thuộc clients của community SNMP",
        "en": "the source is not among the SNMP community's clients",
    },
}
