"""Catalogue entries: the MikroTik RouterOS parser (input.routeros.*, netaudit/parsers/mikrotik_routeros/).

Its warnings (stored as "FILE[:LINE]: message", input.at) and the reasons it gives for a
construct it understands only partly (its ``partial``; several of one construct are one
input.joined text), and what its filters do with a packet no line matches (their
``default_text``, input.routeros.default.*).  The English is the sentence the parser always wrote; file names,
line numbers, names, numbers and quoted configuration text are fields, inserted as they
are.  The generic input entries (files, encodings, truncation — input.ros.* is the
RouterOS cut-short detection of netaudit.parsers.completeness —, input.at, input.joined)
are in :mod:`netaudit.catalogue.inputs`.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # MikroTik RouterOS
    "input.routeros.bridge_undefined": {
        "vi": "cầu nối (bridge) {bridge} chưa được định nghĩa: {names} không thuộc cầu nối nào",
        "en": "bridge {bridge} is not defined: {names} in no bridge",
    },
    "input.routeros.wireless_vlan_unfiltered": {
        "vi": "{iface} gắn thẻ VLAN {vid} cho các máy khách không dây của mình trên cầu nối {bridge} (cầu nối không "
        "bật lọc VLAN); mô hình đặt các máy khách này vào miền không gắn thẻ (untagged) của cầu nối — cần khai "
        "báo zone này theo dải địa chỉ mạng (subnets), không theo attach",
        "en": "{iface} tags its wireless clients into VLAN {vid} of bridge {bridge} (no VLAN filtering); the "
        "model places them in the bridge's untagged domain — declare that zone by subnets, not by attach",
    },
    "input.routeros.untagged_besides_pvid": {
        "vi": "{iface} là thành viên không gắn thẻ (untagged) của VLAN {vlans} ngoài pvid {pvid}; các máy trên "
        "cổng này chỉ gửi lưu lượng vào pvid (được mô hình hóa như vậy)",
        "en": "{iface} is an untagged member of VLAN(s) {vlans} besides its pvid {pvid}; its hosts send into "
        "the pvid only (modelled)",
    },
    "input.routeros.horizon": {
        "vi": "thiết lập horizon trên {iface} (split horizon) không được mô hình hóa: các cổng được coi như thông nhau",
        "en": "horizon on {iface} (split horizon) not modelled: ports treated as connected",
    },
    "input.routeros.vlan_if_untagged_bridge": {
        "vi": "giao diện VLAN {name} (VLAN {vid}) trên {bridge}, nhưng {bridge} không phải thành viên gắn thẻ "
        "(tagged) của VLAN {vid} trong /interface bridge vlan: RouterOS sẽ không chuyển VLAN đó tới giao diện "
        "này (được mô hình hóa là có kết nối, cách hiểu cho phép nhiều lưu lượng hơn)",
        "en": "VLAN interface {name} (VLAN {vid}) on {bridge}, but {bridge} is not a tagged member of VLAN "
        "{vid} in /interface bridge vlan: RouterOS would not deliver that VLAN to it (modelled as "
        "connected, the more permissive reading)",
    },
    "input.routeros.port_no_interface": {
        "vi": "mục bridge port của cầu nối {bridge} không chỉ định giao diện nào (giao diện mà mục này chỉ định "
        "không còn tồn tại): mục này không thêm cổng nào vào cầu nối",
        "en": "bridge port entry of {bridge} names no interface (the interface it named no longer exists): "
        "it adds no port to the bridge",
    },
    "input.routeros.port_no_interface_no_bridge": {
        "vi": "mục bridge port không thuộc cầu nối nào và không chỉ định giao diện nào (giao diện mà mục này chỉ "
        "định không còn tồn tại): mục này không thêm cổng nào vào cầu nối",
        "en": "bridge port entry of no bridge names no interface (the interface it named no longer exists): "
        "it adds no port to the bridge",
    },
    "input.routeros.port_bridge_gone": {
        "vi": "cổng bridge {iface} không thuộc cầu nối nào (cầu nối {bridge} mà mục này chỉ định không còn tồn tại)",
        "en": "bridge port {iface} is in no bridge (the bridge it named {bridge} no longer exists)",
    },
    "input.routeros.port_no_bridge": {
        "vi": "cổng bridge {iface} không thuộc cầu nối nào (cầu nối mà mục này chỉ định không còn tồn tại)",
        "en": "bridge port {iface} is in no bridge (the bridge it named no longer exists)",
    },
    "input.routeros.list_member_no_interface": {
        "vi": "mục thành viên của danh sách giao diện (interface list) {list} không chỉ định giao diện nào (giao "
        "diện mà mục này chỉ định không còn tồn tại): mục này không thêm giao diện nào vào danh sách",
        "en": "interface list member of {list} names no interface (the interface it named no longer exists): "
        "it adds no interface to the list",
    },
    "input.routeros.list_undeclared": {
        "vi": "danh sách giao diện {list} có thành viên nhưng không được khai báo trong /interface list",
        "en": "interface list {list} has members but no /interface list entry",
    },
    "input.routeros.address_on_port": {
        "vi": "địa chỉ {address} được gán trên {iface}, là một cổng của cầu nối {bridge}: RouterOS gán địa chỉ "
        "này cho cầu nối (được mô hình hóa như vậy)",
        "en": "address {address} is on {iface}, a port of bridge {bridge}: RouterOS puts it on the bridge "
        "(modelled so)",
    },
    "input.routeros.rule_names_port": {
        "vi": "quy tắc chỉ định {name}, là một cổng bridge/switch: với lưu lượng được định tuyến, RouterOS so "
        "khớp theo giao diện cầu nối hoặc giao diện VLAN, nên điều kiện này không bao giờ khớp với gói tin "
        "được định tuyến",
        "en": "rule names {name}, a bridge/switch port: for routed traffic RouterOS matches the bridge or "
        "VLAN interface instead, so this condition never matches routed packets",
    },
    "input.routeros.dhcp_client_on_port": {
        "vi": "DHCP client trên {iface}, là một cổng của cầu nối: RouterOS không chạy DHCP client này",
        "en": "DHCP client on {iface}, a bridge port: RouterOS does not run it",
    },
    "input.routeros.dhcp_client_gone": {
        "vi": "DHCP client trên {iface}, là giao diện không còn tồn tại: DHCP client này không chạy trên giao diện nào",
        "en": "DHCP client on {iface}, an interface that no longer exists: it runs nowhere",
    },
    "input.routeros.dhcp_server_gone": {
        "vi": "máy chủ DHCP {name} không gắn với giao diện nào (giao diện mà mục này chỉ định không còn tồn "
        "tại): máy chủ này không cấp phát địa chỉ trên giao diện nào",
        "en": "DHCP server {name} is on no interface (the interface it named no longer exists): it serves nowhere",
    },
    "input.routeros.address_unread": {
        "vi": "dòng /ip address của {iface} không đọc được địa chỉ: không biết địa chỉ của giao diện này",
        "en": "an /ip address line of {iface} whose address is not understood: the interface's addresses are not known",
    },
    "input.routeros.address_gone": {
        "vi": "địa chỉ {address} không gắn với giao diện nào (giao diện mà mục này chỉ định không còn tồn "
        "tại): bộ định tuyến không có địa chỉ này",
        "en": "address {address} is on no interface (the interface it named no longer exists): the router "
        "does not have it",
    },
    # the firewall's and services' default actions (Filter.default_text)
    "input.routeros.default.accept": {
        "vi": "không có quy tắc nào khớp: RouterOS mặc định cho qua (chấp nhận ngầm định của chain)",
        "en": "no rule matched, RouterOS accepts (implicit accept of the chain)",
    },
    "input.routeros.default.forward_empty": {
        "vi": "chain này không có quy tắc nào: RouterOS chuyển tiếp mọi gói tin",
        "en": "no rule in this chain: RouterOS forwards every packet",
    },
    "input.routeros.default.service_address": {
        "vi": "địa chỉ nguồn không có trong address= (RouterOS từ chối)",
        "en": "source address not listed in address= (RouterOS refuses)",
    },
    "input.routeros.default.access_list": {
        "vi": "không có quy tắc {menu} nào khớp: cho phép",
        "en": "no {menu} rule matches: allowed",
    },
    # RouterOS partial reasons (a rule, list or NAT rule only partly understood)
    "input.routeros.matcher_unmodelled": {
        "vi": "chưa mô hình hóa điều kiện {matcher}",
        "en": "{matcher} matcher not modelled",
    },
    "input.routeros.unknown_property": {
        "vi": "thuộc tính {prop} không xác định",
        "en": "unknown property {prop}",
    },
    "input.routeros.address_type_unmodelled": {
        "vi": "chưa mô hình hóa address-type {value}",
        "en": "address-type {value} not modelled",
    },
    "input.routeros.alist_no_entry": {
        "vi": "danh sách địa chỉ {name} không có mục nào trong bản export (rỗng, hoặc được thêm vào khi chạy)",
        "en": "address list {name} has no entry in the export (empty, or filled at run time)",
    },
    "input.routeros.alist_dns": {
        "vi": "danh sách địa chỉ {name} chứa {value}, được phân giải khi chạy (tên DNS)",
        "en": "address list {name} holds {value}, resolved at run time (DNS name)",
    },
    "input.routeros.alist_runtime": {
        "vi": "danh sách địa chỉ {name} được thêm địa chỉ khi chạy",
        "en": "address list {name} is filled at run time",
    },
    "input.routeros.alist_expiring": {
        "vi": "danh sách địa chỉ {name} có mục hết hạn (timeout=): các địa chỉ trong danh sách thay đổi khi chạy",
        "en": "address list {name} has entries that expire (timeout=): its members change at run time",
    },
    "input.routeros.iflist_dynamic": {
        "vi": "danh sách interface 'dynamic' (các interface được tạo khi chạy)",
        "en": "interface list 'dynamic' (interfaces created at run time)",
    },
    "input.routeros.iflist_undefined": {
        "vi": "danh sách interface {name} chưa được khai báo",
        "en": "interface list {name} is not defined",
    },
    "input.routeros.iflist_ppp_server": {
        "vi": "máy chủ PPP tạo một giao diện cho mỗi phiên kết nối và, theo hồ sơ {profile}, đưa giao diện đó "
        "vào danh sách {list} khi đang chạy: không biết trước danh sách {list} gồm những giao diện nào",
        "en": "a PPP server creates an interface for each session and, by profile {profile}, puts it in list "
        "{list} at run time: which interfaces list {list} holds is not known in advance",
    },
    "input.routeros.iflist_detect_internet": {
        "vi": "Detect Internet (detect-interface-list={detect}) tự đưa các giao diện nó theo dõi vào danh sách "
        "{list} khi đang chạy, tùy trạng thái phát hiện được: không biết trước danh sách {list} gồm những giao "
        "diện nào",
        "en": "Detect Internet (detect-interface-list={detect}) puts the interfaces it watches into list {list} "
        "at run time, by the state it detects: which interfaces list {list} holds is not known in advance",
    },
    "input.routeros.hotspot_login_state": {
        "vi": "HotSpot: yêu cầu được chuyển tới trang đăng nhập của portal, tới proxy hay đi tiếp không đổi tùy "
        "thuộc trạng thái đăng nhập và thiết lập proxy của máy khách",
        "en": "HotSpot: whether the request goes to the portal's login page or proxy or on unchanged "
        "depends on the client's login state and proxy settings",
    },
    "input.routeros.hotspot_bypassed": {
        "vi": "HotSpot ip-binding type=bypassed: tài liệu không nói rõ các gói tin này có bỏ qua việc chuyển "
        "hướng của portal hay không",
        "en": "HotSpot ip-binding type=bypassed: whether these packets skip the portal's redirects is not documented",
    },
    # RouterOS partial reasons: rule properties (netaudit/parsers/mikrotik_routeros/conditions.py)
    "input.routeros.value_not_understood": {
        "vi": "không hiểu được {what} {value}",
        "en": "{what} {value} not understood",
    },
    "input.routeros.iface_not_understood": {
        "vi": "không hiểu được giao diện {name}",
        "en": "interface {name} not understood",
    },
    "input.routeros.all_ppp_runtime": {
        "vi": "all-ppp bao gồm cả các giao diện được tạo ra khi đang chạy",
        "en": "all-ppp includes interfaces created at run time",
    },
    "input.routeros.iface_removed": {
        "vi": "giao diện {name} (mã định danh của một giao diện đã bị xóa)",
        "en": "interface {name} (a removed interface's id)",
    },
    "input.routeros.unicast_blackhole": {
        "vi": "address-type unicast trong khi có các route blackhole",
        "en": "address-type unicast with blackhole routes",
    },
    "input.routeros.untracked_notrack": {
        "vi": "connection-state untracked trong khi có các quy tắc raw notrack",
        "en": "connection-state untracked with raw notrack rules",
    },
    "input.routeros.conntrack_disabled": {
        "vi": "theo dõi kết nối (connection tracking) bị tắt: connection-state không bao giờ khớp",
        "en": "connection tracking disabled: connection-state never matches",
    },
    "input.routeros.nat_state_uncertain": {
        "vi": "connection-nat-state chưa xác định chắc chắn: {why}",
        "en": "connection-nat-state: {why}",
    },
    "input.routeros.ipsec_policy": {
        "vi": "ipsec-policy={policy} trong khi có cấu hình IPsec policy",
        "en": "ipsec-policy={policy} with IPsec policies configured",
    },
    # firewall chains flattened (flatten.py, firewall.py, reader.py)
    "input.routeros.action_not_understood": {
        "vi": "không hiểu được action {action}",
        "en": "action {action} not understood",
    },
    "input.routeros.nat_state_approximated": {
        "vi": "connection-nat-state được tính gần đúng từ các quy tắc DNAT, theo hướng có thể che khuất lưu lượng",
        "en": "connection-nat-state approximated by the DNAT image in a direction that could hide traffic",
    },
    "input.routeros.jump_no_target": {"vi": "jump không có jump-target", "en": "jump without jump-target"},
    "input.routeros.jump_loop": {"vi": "vòng lặp jump qua chain {chain}", "en": "jump loop through chain {chain}"},
    "input.routeros.jump_too_deep": {
        "vi": "jump lồng sâu quá {depth} chain",
        "en": "jump nesting deeper than {depth} chains",
    },
    "input.routeros.after_partial_return": {
        "vi": "nằm sau một quy tắc return chưa được hiểu đầy đủ (dòng {line})",
        "en": "follows a partially understood return (line {line})",
    },
    "input.routeros.guard_too_big": {
        "vi": "quá nhiều điều kiện sau các quy tắc return",
        "en": "too many conditions after return rules",
    },
    "input.routeros.fasttrack_new": {
        "vi": "fasttrack-connection trên các gói tin của kết nối mới",
        "en": "fasttrack-connection on packets of new connections",
    },
    "input.routeros.icmp_codes_widened": {
        "vi": "quá nhiều tổ hợp loại/mã ICMP (icmp-options): dòng này được mô hình hóa theo loại ICMP "
        "với mọi mã, rộng hơn quy tắc",
        "en": "too many ICMP type/code pairs (icmp-options): the line is modelled by ICMP type with any code, "
        "wider than the rule",
    },
    "input.routeros.after_raw_unknown": {
        "vi": "nằm sau một quy tắc raw không hiểu được (dòng {line})",
        "en": "follows a raw rule not understood (line {line})",
    },
    "input.routeros.raw_before_dnat": {
        "vi": "quy tắc raw so khớp header của gói tin trước khi NAT đích (destination NAT) được thực hiện",
        "en": "raw rule matches the header before destination NAT",
    },
    "input.routeros.sure_part": {
        "vi": "các gói tin mà quy tắc chắc chắn khớp; quy tắc có thể khớp thêm các gói tin khác: {why}",
        "en": "the packets the rule surely matches; it may match more: {why}",
    },
    "input.routeros.fw_command": {
        "vi": "lệnh '{verb}' trong /ip firewall {table} chưa được mô hình hóa",
        "en": "'{verb}' command in /ip firewall {table} not modelled",
    },
    # NAT (nat.py)
    "input.routeros.to_addresses_range": {
        "vi": "dải to-addresses {value}: được mô hình hóa bằng địa chỉ đầu tiên của dải",
        "en": "to-addresses range {value}: modelled as its first address",
    },
    "input.routeros.to_ports_range": {
        "vi": "dải to-ports {value}: được mô hình hóa bằng cổng đầu tiên của dải",
        "en": "to-ports range {value}: modelled as its first port",
    },
    "input.routeros.srcnat_no_address": {
        "vi": "{action} không có to-addresses: tài liệu không nói rõ địa chỉ nguồn mà quy tắc này ghi vào gói tin",
        "en": "{action} without to-addresses: the source address it gives is not documented",
    },
    "input.routeros.action_first_address": {
        "vi": "action {action} được tính gần đúng bằng địa chỉ đầu tiên",
        "en": "action {action} approximated by its first address",
    },
    "input.routeros.action_unmodelled": {
        "vi": "action {action} chưa được mô hình hóa",
        "en": "action {action} not modelled",
    },
    "input.routeros.netmap_range": {
        "vi": "netmap của một dải địa chỉ được mô hình hóa bằng địa chỉ đầu tiên của dải",
        "en": "netmap of a range modelled as its first address",
    },
    # HotSpot (hotspot.py)
    "input.routeros.hotspot_maybe_disabled": {
        "vi": "HotSpot được thêm mà không có disabled=no: không biết HotSpot này có chạy hay không",
        "en": "HotSpot added without disabled=no: whether it runs is not known",
    },
    "input.routeros.hotspot_no_address": {
        "vi": "HotSpot trên một giao diện không định tuyến địa chỉ nào có trong bản export",
        "en": "HotSpot on an interface that routes no address of the export",
    },
    "input.routeros.hotspot_binding_to_address": {
        "vi": "HotSpot ip-binding có to-address (NAT một-một) chưa được mô hình hóa",
        "en": "HotSpot ip-binding with to-address (one-to-one NAT) not modelled",
    },
    "input.routeros.hotspot_binding_address": {
        "vi": "không hiểu được địa chỉ {address} của HotSpot ip-binding",
        "en": "HotSpot ip-binding address {address} not understood",
    },
    "input.routeros.hotspot_binding_type": {
        "vi": "không hiểu được HotSpot ip-binding type={type}",
        "en": "HotSpot ip-binding type={type} not understood",
    },
    "input.routeros.hotspot_user_chain": {
        "vi": "hồ sơ người dùng HotSpot {profile} gửi gói tin của người dùng tới chain {chain} ({key}): chưa được "
        "mô hình hóa",
        "en": "HotSpot user profile {profile} sends its users' packets to chain {chain} ({key}): not modelled",
    },
    # policy routing (policy_routing.py)
    "input.routeros.mangle_drop": {
        "vi": "bị loại bỏ bởi một quy tắc mangle (mangle drop không được coi là một dòng lọc)",
        "en": "dropped by a mangle rule (mangle drop is not a filter line)",
    },
    "input.routeros.mangle_out_interface": {
        "vi": "out-interface trong prerouting (chưa biết được trước khi có quyết định định tuyến)",
        "en": "out-interface in prerouting (not known before the routing decision)",
    },
    "input.routeros.mark_routing_no_mark": {
        "vi": "mark-routing không có new-routing-mark",
        "en": "mark-routing without new-routing-mark",
    },
    "input.routeros.route_dst_not_understood": {
        "vi": "không hiểu được action=route với route-dst {gateway}",
        "en": "action=route with route-dst {gateway} not understood",
    },
    "input.routeros.mangle_problem": {"vi": "tại mangle prerouting: {why}", "en": "mangle prerouting: {why}"},
    "input.routeros.rule_min_prefix": {
        "vi": "min-prefix={value} (ẩn bớt route khỏi việc tra cứu) chưa được mô hình hóa",
        "en": "min-prefix={value} (routes hidden from the lookup) not modelled",
    },
    "input.routeros.menu_export": {
        "vi": "dòng {line}: tệp chỉ là bản export của một menu ({menu}), không phải toàn bộ cấu hình: "
        "tường lửa, định tuyến và dịch vụ nằm ngoài menu này không có trong tệp, nên không luồng nào "
        "qua thiết bị được kết luận — cần xuất toàn bộ cấu hình bằng lệnh /export",
        "en": "line {line}: the file is the export of one menu ({menu}), not the whole configuration: "
        "the firewall, routes and services outside it are not in the file, so no flow through the "
        "device can be proven — export the whole configuration with /export",
    },
    "input.routeros.rule_chain": {
        "vi": "chain={value} (đặt xen giữa các quyết định định tuyến có sẵn) chưa được mô hình hóa",
        "en": "chain={value} (placed among the built-in routing decisions) not modelled",
    },
    "input.routeros.property_unmodelled": {
        "vi": "{key}={value} chưa được mô hình hóa",
        "en": "{key}={value} not modelled",
    },
    "input.routeros.connected_runtime": {
        "vi": "mạng kết nối trực tiếp của {iface} chỉ được biết khi đang chạy",
        "en": "the connected network of {iface} is learned at run time",
    },
    "input.routeros.dynamic_routing_routes": {
        "vi": "các route học được qua định tuyến động không có trong cấu hình",
        "en": "routes learned by dynamic routing are not in the configuration",
    },
    "input.routeros.mangle_before_dnat": {
        "vi": "mangle prerouting đánh dấu các gói tin này theo địa chỉ đích trước khi NAT đích ghi đè địa chỉ đó",
        "en": "mangle prerouting marks these packets by their destination before destination NAT rewrites it",
    },
    "input.routeros.vrf_table_lookup": {
        "vi": "tra cứu trong bảng định tuyến của VRF {table} (route leaking) chưa được mô hình hóa",
        "en": "lookup in the table of VRF {table} (route leaking) not modelled",
    },
    "input.routeros.table_no_fib": {
        "vi": "bảng định tuyến {table} không có cờ fib",
        "en": "routing table {table} has no fib flag",
    },
    "input.routeros.table_undefined": {
        "vi": "bảng định tuyến {table} chưa được khai báo",
        "en": "routing table {table} is not defined",
    },
    "input.routeros.mark_uncertain": {
        "vi": "routing mark của các gói tin này không chắc chắn: {why}",
        "en": "routing mark of these packets not certain: {why}",
    },
    "input.routeros.v7_mark_order": {
        "vi": "RouterOS v7 có thể tra cứu các gói tin mang mark {mark} trong bảng {mark} trước quy tắc định tuyến "
        "này (tài liệu không nói rõ thứ tự)",
        "en": "RouterOS v7 may resolve packets marked {mark} in table {mark} before this routing rule (order not "
        "documented)",
    },
    "input.routeros.table_more_routes": {
        "vi": "bảng {table} có thể chứa thêm route: {why}",
        "en": "table {table} may hold more routes: {why}",
    },
    "input.routeros.route_dst_not_connected": {
        "vi": "route-dst {gateway} không nằm trong mạng kết nối trực tiếp nào",
        "en": "route-dst {gateway} is not on a connected network",
    },
    "input.routeros.vrf_policy_routing": {
        "vi": "định tuyến theo chính sách (policy routing) cho gói tin đi vào từ một VRF chưa được mô hình hóa",
        "en": "policy routing of packets arriving in a VRF not modelled",
    },
    # interfaces, bridges, wireless, switch chips (interfaces.py, bridges.py, interface_menus.py)
    "input.routeros.bridge_filter": {
        "vi": "quy tắc bridge filter/nat chưa được mô hình hóa (action={action})",
        "en": "bridge filter/nat rule not modelled (action={action})",
    },
    "input.routeros.port_isolation": {
        "vi": "cách ly cổng trên chip switch ({port} chỉ được chuyển tới {ports}): chip bỏ các khung tin cổng này "
        "gửi tới cổng khác, phần này chưa được mô hình hóa",
        "en": "switch-chip port isolation ({port} forwards only to {ports}): the chip drops the frames this port "
        "sends to any other port, which is not modelled",
    },
    "input.routeros.bridge_filter_forward": {
        "vi": "quy tắc bridge filter ở chuỗi forward (action={action}): chỉ tác động lên khung tin cầu nối chuyển "
        "giữa các cổng của nó, phần này chưa được mô hình hóa; lưu lượng đi qua router (định tuyến) không qua "
        "quy tắc này",
        "en": "bridge filter rule in the forward chain (action={action}): it acts only on the frames the bridge "
        "forwards between its ports, which are not modelled; traffic routed by the router does not pass it",
    },
    "input.routeros.capsman_managed": {
        "vi": "các radio do CAPsMAN quản lý: SSID và VLAN do bộ điều khiển thiết lập (không có trong bản export này)",
        "en": "radios managed by CAPsMAN: SSIDs and VLANs are set by the controller (not in this export)",
    },
    "input.routeros.capsman_config": {
        "vi": "cấu hình CAPsMAN (các SSID trên access point từ xa) chưa được mô hình hóa",
        "en": "CAPsMAN configuration (SSIDs on remote access points) not modelled",
    },
    "input.routeros.switch_chip": {
        "vi": "cấu hình VLAN/quy tắc của chip switch (/interface ethernet switch) chưa được mô hình hóa",
        "en": "switch chip VLAN/rule configuration (/interface ethernet switch) not modelled",
    },
    "input.routeros.vlan_on_bridge_port": {
        "vi": "giao diện VLAN trên cổng bridge {port}: RouterOS chuyển các frame của cổng này cho cầu nối trước",
        "en": "VLAN interface on bridge port {port}: RouterOS hands the port's frames to the bridge first",
    },
    "input.routeros.vlan_on_switch_port": {
        "vi": "giao diện VLAN trên cổng switch {port} của một cầu nối có lọc VLAN chưa được mô hình hóa",
        "en": "VLAN interface on switch port {port} of a VLAN-filtering bridge not modelled",
    },
    "input.routeros.qinq": {
        "vi": "VLAN xếp chồng (QinQ) chưa được mô hình hóa",
        "en": "stacked VLAN (QinQ) not modelled",
    },
    "input.routeros.service_tag": {
        "vi": "use-service-tag (802.1ad) chưa được mô hình hóa",
        "en": "use-service-tag (802.1ad) not modelled",
    },
    # routes and services (routes.py, services.py)
    "input.routeros.gateway_other_table": {
        "vi": "gateway được phân giải trong bảng định tuyến {table}",
        "en": "gateway resolved in routing table {table}",
    },
    "input.routeros.gateway_iface_undefined": {
        "vi": "giao diện gateway {iface} chưa được khai báo",
        "en": "gateway interface {iface} not defined",
    },
    "input.routeros.upnp": {
        "vi": "UPnP cho phép các máy bên trong tự tạo chuyển tiếp cổng (port forward)",
        "en": "UPnP lets inside hosts create port forwards",
    },
    "input.routeros.socks_targets_denied": {
        "vi": "các quy tắc phía trước từ chối một số đích, có thể không còn đích nào cho các máy khách này",
        "en": "earlier rules denying targets may leave these clients none",
    },
    "input.routeros.property_not_understood": {
        "vi": "không hiểu được thuộc tính {prop}",
        "en": "property {prop} not understood",
    },
    "input.routeros.proxy_request": {
        "vi": "{key}={value} (điều kiện trên nội dung yêu cầu, không phải trên địa chỉ)",
        "en": "{key}={value} (the request, not its addresses)",
    },
}
