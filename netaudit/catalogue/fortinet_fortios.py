"""Catalogue entries: the FortiGate FortiOS parser (input.fortios.*, netaudit/parsers/fortinet_fortios/).

Its warnings (stored as "FILE[:LINE]: message", input.at) and the reasons it gives for a
construct it understands only partly (its ``partial``; several of one construct are one
input.joined text), and what its filters do with a packet no line matches (their
``default_text``, input.fortios.default.*).  The English is the sentence the parser always wrote; file names,
line numbers, names, numbers and quoted configuration text are fields, inserted as they
are.  The generic input entries (files, encodings, truncation, input.at, input.joined)
are in :mod:`netaudit.catalogue.inputs`.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # the reverse-path check of an interface, strict or loose (Interface.urpf_unsure: reason.urpf_unsure)
    "input.fortios.src_check_any_route": {
        "vi": "FortiOS src-check: chấp nhận mọi tuyến quay về qua giao diện, không chỉ tuyến tốt nhất",
        "en": "FortiOS src-check: any route back through the interface, not only the best",
    },
    "input.fortios.no_interface": {"vi": "không có giao diện nào được mô hình hóa", "en": "no interface is modelled"},
    "input.fortios.no_policy": {
        "vi": "không có chính sách nào thì quy tắc chặn ngầm định chặn mọi lưu lượng, nên kết quả sẽ trông như "
        "tuân thủ",
        "en": "with no policy the implicit deny blocks everything, so its verdicts would look compliant",
    },
    "input.fortios.open_config": {
        "vi": "bị cắt cụt: tệp kết thúc khi khối 'config {paths}' vẫn còn mở (mở tại dòng {opened}; thiếu "
        "'end'): phần đã đọc được vẫn được sử dụng",
        "en": "truncated: the file ends inside 'config {paths}' (opened at line {opened}; missing 'end'): "
        "what was read so far is used",
    },
    "input.fortios.too_deep": {
        "vi": "các khối 'config' lồng nhau sâu hơn {depth} cấp: không phải cấu hình do FortiOS xuất ra (tệp bị "
        "hỏng hoặc do công cụ khác sinh ra?); phần đọc được vẫn được sử dụng",
        "en": "nesting deeper than {depth} levels of 'config' blocks: not a configuration as FortiOS writes "
        "it (damaged or generated file?); what was read is used",
    },
    # FortiOS (the tree builder's "line N: …" and the parser's)
    "input.fortios.quote_open": {
        "vi": "chuỗi trong dấu ngoặc kép không được đóng; được đọc như một dòng",
        "en": "quoted string never closed; read as one line",
    },
    "input.fortios.edit_open": {
        "vi": "lệnh 'edit' xuất hiện khi mục {entry} vẫn đang mở (thiếu 'next')",
        "en": "'edit' while entry {entry} is still open (missing 'next')",
    },
    "input.fortios.outside_config": {
        "vi": "lệnh '{command}' nằm ngoài khối config",
        "en": "'{command}' outside a config block",
    },
    "input.fortios.no_key": {"vi": "lệnh '{command}' không có tên thuộc tính", "en": "'{command}' without a key"},
    "input.fortios.no_name": {"vi": "lệnh '{command}' không có tên", "en": "'{command}' without a name"},
    "input.fortios.next_alone": {
        "vi": "lệnh 'next' khi không có 'edit' nào đang mở",
        "en": "'next' without an open 'edit'",
    },
    "input.fortios.end_alone": {
        "vi": "lệnh 'end' khi không có khối 'config' nào đang mở",
        "en": "'end' without an open 'config'",
    },
    "input.fortios.not_applicable": {
        "vi": "lệnh '{command}' không áp dụng được (bảng {table})",
        "en": "'{command}' does not apply (table {table})",
    },
    "input.fortios.unknown_command": {
        "vi": "lệnh {command} không nhận dạng được",
        "en": "unknown command {command}",
    },
    "input.fortios.vdom_undefined": {
        "vi": "giao diện {name} thuộc VDOM {vdom}, VDOM này không được định nghĩa trong bản sao lưu; giao diện không "
        "được đưa vào mô hình",
        "en": "interface {name} belongs to VDOM {vdom}, which the backup does not define; left out",
    },
    "input.fortios.single_vdom": {
        "vi": "bản sao lưu chỉ gồm một VDOM (VDOM {name}, #global_vdom=0): cấu hình toàn cục (config system "
        "global, config system admin, SNMP, NTP) không có trong tệp này, nên các cổng quản trị, Telnet, "
        "trusted host, SNMP và máy chủ NTP của FortiGate chưa xác định và kết quả đánh giá về các nội dung đó "
        "là 'chưa xác định'; cần sao lưu toàn bộ cấu hình (phạm vi global) để kiểm tra đầy đủ",
        "en": "single-VDOM backup (VDOM {name}, #global_vdom=0): the global configuration (config system "
        "global, config system admin, SNMP, NTP) is not in this file, so the FortiGate's administrative "
        "ports, Telnet, trusted hosts, SNMP and NTP server are unknown and verdicts on them are 'unknown'; "
        "back up the full configuration (global scope) for a complete audit",
    },
    "input.fortios.section_unrecognized": {
        "vi": "mục 'config {path}' không nhận dạng được (các dòng của mục này được liệt kê là không nhận dạng được)",
        "en": "section 'config {path}' not recognized (its lines are reported as unrecognized)",
    },
    "input.fortios.section_failed": {
        "vi": "không phân tích được 'config {path}' ({error})",
        "en": "'config {path}' not understood ({error})",
    },
    "input.fortios.hostname_quote": {
        "vi": "lệnh set hostname có dấu ngoặc kép không được đóng; các dòng phía sau bị đọc như một phần của tên "
        "thiết bị",
        "en": "set hostname has an unterminated quote; the lines after it were read as part of it",
    },
    "input.fortios.policies_failed": {
        "vi": "VDOM {vdom}: không phân tích được các chính sách ({error})",
        "en": "VDOM {vdom}: policies not understood ({error})",
    },
    # FortiOS partial reasons (a policy, an address, a service, a VIP, a route, an
    # interface or a section only partly understood); the English is the reason as it
    # always read.  Sections whose effect is not modelled (tables.PARTIAL_SECTIONS):
    "input.fortios.policy6": {
        "vi": "chưa mô hình hóa các firewall policy IPv6 (netaudit chỉ phân tích IPv4)",
        "en": "IPv6 firewall policies not modelled (the engine is IPv4 only)",
    },
    "input.fortios.local_in6": {
        "vi": "chưa mô hình hóa các local-in policy IPv6 (chỉ phân tích IPv4)",
        "en": "IPv6 local-in policies not modelled (IPv4 only)",
    },
    "input.fortios.vip6": {
        "vi": "chưa mô hình hóa các VIP IPv6 (chỉ phân tích IPv4)",
        "en": "IPv6 virtual IPs not modelled (IPv4 only)",
    },
    "input.fortios.vip46": {"vi": "chưa mô hình hóa các VIP NAT46", "en": "NAT46 virtual IPs not modelled"},
    "input.fortios.vip64": {"vi": "chưa mô hình hóa các VIP NAT64", "en": "NAT64 virtual IPs not modelled"},
    "input.fortios.policy46": {"vi": "chưa mô hình hóa các policy NAT46", "en": "NAT46 policies not modelled"},
    "input.fortios.policy64": {"vi": "chưa mô hình hóa các policy NAT64", "en": "NAT64 policies not modelled"},
    "input.fortios.identity_routes": {
        "vi": "chưa mô hình hóa định tuyến theo danh tính người dùng (identity-based route)",
        "en": "identity-based routes not modelled",
    },
    "input.fortios.ttl_policies": {"vi": "chưa mô hình hóa các TTL policy", "en": "TTL policies not modelled"},
    "input.fortios.interface_acls": {
        "vi": "chưa mô hình hóa ACL trên giao diện (chỉ chặn, xử lý bằng phần cứng): các ACL này chỉ có thể chặn "
        "nhiều hơn những gì nêu ở đây",
        "en": "interface ACLs (deny-only, hardware) not modelled: they can only block more than stated here",
    },
    "input.fortios.ztna_proxy": {"vi": "chưa mô hình hóa ZTNA access proxy", "en": "ZTNA access proxy not modelled"},
    "input.fortios.ipmac_binding": {
        "vi": "chưa mô hình hóa ràng buộc IP/MAC (IP/MAC binding)",
        "en": "IP/MAC binding not modelled",
    },
    "input.fortios.policy_vpn": {
        "vi": "chưa mô hình hóa VPN IPsec dạng policy-based",
        "en": "policy-based IPsec VPN not modelled",
    },
    "input.fortios.ocvpn": {
        "vi": "chưa mô hình hóa overlay-controller VPN (OCVPN)",
        "en": "overlay-controller VPN not modelled",
    },
    "input.fortios.wccp": {"vi": "chưa mô hình hóa việc chuyển hướng WCCP", "en": "WCCP redirection not modelled"},
    "input.fortios.nat64": {"vi": "chưa mô hình hóa NAT64", "en": "NAT64 not modelled"},
    "input.fortios.ztna": {"vi": "chưa mô hình hóa ZTNA", "en": "ZTNA not modelled"},
    "input.fortios.not_understood": {"vi": "không hiểu được ({error})", "en": "not understood ({error})"},
    "input.fortios.central_snat": {
        "vi": "chưa mô hình hóa central source NAT (chưa xác định được địa chỉ mà phía bên kia FortiGate nhìn thấy)",
        "en": "central source NAT not modelled (addresses seen beyond the FortiGate unknown)",
    },
    # interfaces (tables.IFACE_PARTIAL, interfaces.py)
    "input.fortios.iface_wccp": {
        "vi": "chưa mô hình hóa việc chuyển hướng WCCP trên giao diện",
        "en": "WCCP redirection on the interface not modelled",
    },
    "input.fortios.iface_sniffer": {
        "vi": "giao diện one-arm sniffer (không chuyển tiếp lưu lượng)",
        "en": "one-arm sniffer interface (does not forward)",
    },
    "input.fortios.iface_qinq": {
        "vi": "chưa mô hình hóa VLAN QinQ (802.1ad)",
        "en": "QinQ (802.1ad) VLAN not modelled",
    },
    "input.fortios.iface_l2tp_client": {
        "vi": "chưa mô hình hóa giao diện L2TP client",
        "en": "L2TP client interface not modelled",
    },
    "input.fortios.vlan_id_unread": {"vi": "không hiểu được VLAN id {vid}", "en": "VLAN id {vid} not understood"},
    "input.fortios.address_unread": {
        "vi": "không đọc được địa chỉ '{value}' của giao diện: không biết địa chỉ của giao diện này",
        "en": "address '{value}' not understood: the interface's addresses are not known",
    },
    "input.fortios.unnumbered": {
        "vi": "chưa mô hình hóa giao diện unnumbered (mượn địa chỉ của giao diện khác)",
        "en": "unnumbered interface (borrows an address) not modelled",
    },
    "input.fortios.tunnel_iface": {
        "vi": "giao diện {type}: đầu xa của đường hầm không có trong tập cấu hình",
        "en": "{type} interface: the far side of the tunnel is not in the snapshot",
    },
    "input.fortios.iface_type_unmodelled": {
        "vi": "chưa mô hình hóa loại giao diện {type}",
        "en": "interface type {type} not modelled",
    },
    "input.fortios.set_unread": {
        "vi": "không hiểu được set {setting} {value}",
        "en": "set {setting} {value} not understood",
    },
    "input.fortios.switch_member_address": {
        "vi": "là thành viên của switch nhưng có địa chỉ riêng",
        "en": "switch member with its own address",
    },
    "input.fortios.transparent": {
        "vi": "chưa mô hình hóa chế độ transparent (lớp 2)",
        "en": "transparent (layer-2) mode not modelled",
    },
    "input.fortios.asymroute": {
        "vi": "chưa mô hình hóa asymroute enable (chuyển tiếp không theo dõi trạng thái kết nối)",
        "en": "asymroute enable (stateless forwarding) not modelled",
    },
    "input.fortios.sdwan_rules": {
        "vi": "chưa mô hình hóa các SD-WAN rule (điều hướng lưu lượng): lưu lượng tới zone SD-WAN có thể đi ra qua "
        "bất kỳ thành viên nào",
        "en": "SD-WAN rules (steering) not modelled: traffic to the SD-WAN zone may leave by any member",
    },
    "input.fortios.ipsec_far_side": {
        "vi": "đường hầm IPsec: đầu xa không có trong tập cấu hình",
        "en": "IPsec tunnel: the far side is not in the snapshot",
    },
    "input.fortios.vpn_clients": {
        "vi": "máy khách {vpn}: các máy ở xa không có trong tập cấu hình",
        "en": "{vpn} clients: remote hosts not in the snapshot",
    },
    "input.fortios.tunnel_unmodelled": {"vi": "chưa mô hình hóa đường hầm {kind}", "en": "{kind} tunnel not modelled"},
    "input.fortios.wire_pair": {
        "vi": "chưa mô hình hóa virtual wire pair (hai cổng nối cầu với nhau)",
        "en": "virtual wire pair (bridged) not modelled",
    },
    "input.fortios.router_policy": {
        "vi": "chưa mô hình hóa policy route (config router policy)",
        "en": "policy route (config router policy) not modelled",
    },
    "input.fortios.enforce_ipsec_unread": {
        "vi": "không hiểu được set enforce-ipsec {value}: L2TP có thể được chấp nhận cả khi không đi trong IPsec",
        "en": "set enforce-ipsec {value} not understood: L2TP may be accepted outside IPsec",
    },
    "input.fortios.server_status_unread": {
        "vi": "không hiểu được set status {value}: máy chủ {server} có thể đang chạy",
        "en": "set status {value} not understood: the {server} server may be running",
    },
    # interfaces that authenticate their users first (interfaces._authentication)
    "input.fortios.local_in_policy_copy": {
        "vi": "bản sao của một chính sách tường lửa cho các địa chỉ của chính FortiGate",
        "en": "a firewall policy's copy for the FortiGate's own addresses",
    },
    "input.fortios.vap_captive_portal": {
        "vi": "captive portal của SSID {ssid} ({name}: security captive-portal{groups}): lưu lượng từ SSID này "
        "chỉ đi qua sau khi đăng nhập portal{exempt}",
        "en": "captive portal of SSID {ssid} ({name}: security captive-portal{groups}): its traffic passes after "
        "a portal login only{exempt}",
    },
    "input.fortios.captive_portal": {
        "vi": "captive portal trên {name} (security-mode captive-portal{groups}): lưu lượng từ giao diện này chỉ "
        "đi qua sau khi đăng nhập portal{exempt}",
        "en": "captive portal on {name} (security-mode captive-portal{groups}): its traffic passes after a "
        "portal login only{exempt}",
    },
    "input.fortios.dot1x": {
        "vi": "xác thực cổng 802.1X trên {name} (security-mode 802.1X{groups}): chỉ lưu lượng của các máy đã xác "
        "thực được đi qua",
        "en": "802.1X port authentication on {name} (security-mode 802.1X{groups}): only authenticated hosts' "
        "traffic passes",
    },
    "input.fortios.auth_groups": {"vi": ", nhóm {names}", "en": ", groups {names}"},
    "input.fortios.auth_exempt": {
        "vi": ", hoặc khi đi tới các đích được miễn trừ trong {names}",
        "en": ", or to the exempt destinations of {names}",
    },
    "input.fortios.security_mode_unread": {
        "vi": "không hiểu được security-mode {mode} trên {name}",
        "en": "security-mode {mode} on {name} not understood",
    },
    # policies (policy.py, admin.py's local-in policies)
    "input.fortios.policy_unread": {"vi": "không hiểu được policy ({error})", "en": "policy not understood ({error})"},
    "input.fortios.policies_unread": {"vi": "không hiểu được các policy", "en": "policies not understood"},
    "input.fortios.policy_conversion_failed": {
        "vi": "lỗi khi chuyển đổi các policy ({error})",
        "en": "policy conversion failed ({error})",
    },
    "input.fortios.ngfw_policy_mode": {
        "vi": "chế độ NGFW policy-based: chưa mô hình hóa các security policy (config firewall security-policy)",
        "en": "NGFW policy-based mode: security policies (config firewall security-policy) not modelled",
    },
    "input.fortios.action_ipsec": {
        "vi": "action ipsec: lưu lượng đi vào một đường hầm VPN policy-based",
        "en": "action ipsec: traffic enters a policy-based VPN tunnel",
    },
    "input.fortios.action_unread": {"vi": "không hiểu được action {action}", "en": "action {action} not understood"},
    "input.fortios.policy_lacks": {
        "vi": "policy thiếu {settings} (FortiOS sẽ không chấp nhận policy như vậy)",
        "en": "policy lacks {settings} (FortiOS would not accept it)",
    },
    "input.fortios.service_negate": {"vi": "chưa mô hình hóa service-negate", "en": "service-negate not modelled"},
    "input.fortios.isdb_destinations": {
        "vi": "đích internet-service (FortiGuard ISDB) được xác định khi vận hành",
        "en": "internet-service destinations (FortiGuard ISDB) resolved at run time",
    },
    "input.fortios.isdb_sources": {
        "vi": "nguồn internet-service-src (FortiGuard ISDB) được xác định khi vận hành",
        "en": "internet-service-src sources (FortiGuard ISDB) resolved at run time",
    },
    "input.fortios.isdb_sources_local": {
        "vi": "nguồn internet-service-src được xác định khi vận hành",
        "en": "internet-service-src sources resolved at run time",
    },
    "input.fortios.schedule": {
        "vi": "schedule {name}: policy chỉ có hiệu lực vào một số thời điểm",
        "en": "schedule {name}: the policy is active only at some times",
    },
    "input.fortios.schedule_local": {
        "vi": "schedule {name}: chỉ có hiệu lực vào một số thời điểm",
        "en": "schedule {name}: active only at some times",
    },
    "input.fortios.identity_policy": {
        "vi": "policy theo danh tính ({names}): chỉ khớp với người dùng đã xác thực",
        "en": "identity-based policy ({names}): matches authenticated users only",
    },
    "input.fortios.narrow_ztna": {"vi": "chính sách ZTNA", "en": "ZTNA policy"},
    "input.fortios.narrow_expiry": {
        "vi": "policy hết hạn vào một ngày định trước",
        "en": "policy expires at a set date",
    },
    "input.fortios.narrow_learning": {
        "vi": "chế độ learning (policy chỉ quan sát)",
        "en": "learning mode (policy only observes)",
    },
    "input.fortios.narrow_wccp": {"vi": "chuyển hướng WCCP", "en": "WCCP redirection"},
    "input.fortios.narrow_http_redirect": {
        "vi": "được chuyển hướng tới một proxy policy",
        "en": "redirected to a proxy policy",
    },
    "input.fortios.narrow_ssh_redirect": {
        "vi": "được chuyển hướng tới một SSH proxy",
        "en": "redirected to an SSH proxy",
    },
    "input.fortios.narrow_nat46": {"vi": "policy thực hiện NAT46", "en": "NAT46"},
    "input.fortios.narrow_nat64": {"vi": "policy thực hiện NAT64", "en": "NAT64"},
    "input.fortios.narrow_reputation": {
        "vi": "điều kiện theo mức uy tín của thiết bị (device reputation)",
        "en": "device reputation match",
    },
    "input.fortios.narrow_vendor_mac": {
        "vi": "điều kiện theo hãng sản xuất của địa chỉ MAC nguồn",
        "en": "source vendor MAC match",
    },
    "input.fortios.narrow_application": {
        "vi": "điều kiện theo ứng dụng (NGFW policy-based)",
        "en": "application match (policy-based NGFW)",
    },
    "input.fortios.narrow_app_category": {
        "vi": "điều kiện theo nhóm ứng dụng (application category)",
        "en": "application category match",
    },
    "input.fortios.narrow_url_category": {"vi": "điều kiện theo danh mục URL", "en": "URL category match"},
    "input.fortios.narrow_app_group": {
        "vi": "điều kiện theo nhóm ứng dụng (application group)",
        "en": "application group match",
    },
    "input.fortios.narrow_ztna_tags": {"vi": "thẻ ZTNA", "en": "ZTNA tags"},
    "input.fortios.narrow_forward_server": {
        "vi": "được chuyển tiếp tới một web proxy",
        "en": "forwarded to a web proxy",
    },
    "input.fortios.dstaddr_negate_vip": {
        "vi": "chưa mô hình hóa dstaddr-negate dùng cùng VIP",
        "en": "dstaddr-negate with a VIP not modelled",
    },
    "input.fortios.vip_undefined": {"vi": "VIP {name} chưa được định nghĩa", "en": "VIP {name} is not defined"},
    "input.fortios.settings_unread": {
        "vi": "không hiểu được các thiết lập: {keys}",
        "en": "settings not understood: {keys}",
    },
    "input.fortios.deny_without_match_vip": {
        "vi": "policy deny không có match-vip: FortiOS không áp dụng policy này cho lưu lượng của VIP {vips}",
        "en": "deny policy without match-vip: FortiOS does not apply it to traffic of VIP {vips}",
    },
    # addresses and address groups (addresses.py)
    "input.fortios.address_undefined": {
        "vi": "địa chỉ {name} chưa được định nghĩa",
        "en": "address {name} is not defined",
    },
    "input.fortios.address_feed": {
        "vi": "địa chỉ {name} là một threat feed bên ngoài ({url}): được tải về khi vận hành",
        "en": "address {name} is an external threat feed ({url}): fetched at run time",
    },
    "input.fortios.no_resource_url": {"vi": "không có URL nguồn", "en": "no resource URL"},
    "input.fortios.address_subnet_unread": {
        "vi": "địa chỉ {name}: không hiểu được subnet {value}",
        "en": "address {name}: subnet {value} not understood",
    },
    "input.fortios.address_range_unread": {
        "vi": "địa chỉ {name}: không hiểu được dải IP",
        "en": "address {name}: ip range not understood",
    },
    "input.fortios.address_wildcard_unread": {
        "vi": "địa chỉ {name}: không hiểu được wildcard",
        "en": "address {name}: wildcard not understood",
    },
    "input.fortios.address_iface_subnet": {
        "vi": "địa chỉ {name}: chưa xác định được subnet của giao diện {iface}",
        "en": "address {name}: subnet of interface {iface} unknown",
    },
    "input.fortios.address_fqdn": {
        "vi": "địa chỉ {name} là fqdn {fqdn}: được phân giải khi vận hành",
        "en": "address {name} is fqdn {fqdn}: resolved at run time",
    },
    "input.fortios.address_geography": {
        "vi": "địa chỉ {name} thuộc loại geography {country}: dải IP của quốc gia được lấy từ FortiGuard khi vận hành",
        "en": "address {name} is geography {country}: country IP ranges come from FortiGuard at run time",
    },
    "input.fortios.address_mac": {
        "vi": "địa chỉ {name} khớp theo địa chỉ MAC",
        "en": "address {name} matches MAC addresses",
    },
    "input.fortios.address_dynamic": {
        "vi": "địa chỉ {name} thuộc loại dynamic ({subtype}): các thành viên được học khi vận hành",
        "en": "address {name} is dynamic ({subtype}): members learned at run time",
    },
    "input.fortios.address_type_unmodelled": {
        "vi": "địa chỉ {name}: chưa mô hình hóa loại {type}",
        "en": "address {name}: type {type} not modelled",
    },
    "input.fortios.addrgrp_loop": {
        "vi": "nhóm địa chỉ {name} chứa chính nó",
        "en": "address group {name} contains itself",
    },
    "input.fortios.addrgrp_empty": {
        "vi": "nhóm địa chỉ {name} không có thành viên nào",
        "en": "address group {name} has no member",
    },
    "input.fortios.addrgrp_exclude_wildcard": {
        "vi": "nhóm địa chỉ {name}: chưa mô hình hóa exclude khi nhóm có thành viên dạng wildcard",
        "en": "address group {name}: exclude with wildcard members not modelled",
    },
    "input.fortios.addrgrp_excluded_unread": {
        "vi": "nhóm địa chỉ {name}: không xác định được thành viên bị loại trừ {member}",
        "en": "address group {name}: excluded {member} not resolvable",
    },
    # services and service groups (services.py)
    "input.fortios.service_undefined": {
        "vi": "dịch vụ {name} chưa được định nghĩa",
        "en": "service {name} is not defined",
    },
    "input.fortios.svcgrp_loop": {
        "vi": "nhóm dịch vụ {name} chứa chính nó",
        "en": "service group {name} contains itself",
    },
    "input.fortios.service_proxy": {
        "vi": "dịch vụ {name} là dịch vụ explicit-proxy",
        "en": "service {name} is an explicit-proxy service",
    },
    "input.fortios.service_destinations": {
        "vi": "dịch vụ {name} giới hạn đích (iprange/fqdn): chưa được mô hình hóa",
        "en": "service {name} restricts destinations (iprange/fqdn) not modelled",
    },
    "input.fortios.service_app_type": {
        "vi": "dịch vụ {name}: chưa mô hình hóa app-service-type {value}",
        "en": "service {name}: app-service-type {value} not modelled",
    },
    "input.fortios.service_range_unread": {
        "vi": "dịch vụ {name}: không hiểu được {setting} {value}",
        "en": "service {name}: {setting} {value} not understood",
    },
    "input.fortios.service_no_range": {
        "vi": "dịch vụ {name} không có dải cổng nào",
        "en": "service {name} has no port range",
    },
    "input.fortios.service_icmp_unread": {
        "vi": "dịch vụ {name}: không hiểu được icmp type/code",
        "en": "service {name}: icmp type/code not understood",
    },
    "input.fortios.service_protocol_number": {
        "vi": "dịch vụ {name}: không hiểu được protocol-number {value}",
        "en": "service {name}: protocol-number {value} not understood",
    },
    "input.fortios.service_protocol": {
        "vi": "dịch vụ {name}: chưa mô hình hóa protocol {protocol} (các giao thức của explicit-proxy)",
        "en": "service {name}: protocol {protocol} not modelled (explicit-proxy protocols)",
    },
    # VIPs, IP pools and source NAT (nat.py)
    "input.fortios.value_unread": {"vi": "không hiểu được {setting} {value}", "en": "{setting} {value} not understood"},
    "input.fortios.vip_type": {"vi": "chưa mô hình hóa VIP loại {type}", "en": "VIP type {type} not modelled"},
    "input.fortios.vip_extaddr": {
        "vi": "chưa mô hình hóa extaddr (IP bên ngoài lấy từ một address object)",
        "en": "extaddr (address-object external IP) not modelled",
    },
    "input.fortios.vip_extip_interface": {
        "vi": "extip 0.0.0.0 = địa chỉ của giao diện bên ngoài, ở đây chưa xác định được",
        "en": "extip 0.0.0.0 = external interface address, unknown here",
    },
    "input.fortios.vip_disabled": {
        "vi": "VIP bị tắt (set status disable): không dịch địa chỉ; các chính sách dùng VIP này khớp với gói tin "
        "nào thì chưa xác định được",
        "en": "VIP disabled (set status disable): it does not translate; what the policies naming it match is not "
        "established",
    },
    "input.fortios.vip_load_balance": {
        "vi": "VIP load-balance được mô hình hóa gần đúng bằng real server đầu tiên",
        "en": "load-balance VIP approximated by its first real server",
    },
    "input.fortios.vip_no_mappedip": {"vi": "VIP không có mappedip", "en": "VIP without mappedip"},
    "input.fortios.vip_no_extport": {
        "vi": "port forwarding không có extport",
        "en": "port forwarding without extport",
    },
    "input.fortios.vip_services": {
        "vi": "chưa mô hình hóa các service object của VIP",
        "en": "VIP service objects not modelled",
    },
    "input.fortios.vip_range_mapping": {
        "vi": "ánh xạ dải địa chỉ/cổng được mô hình hóa gần đúng bằng địa chỉ/cổng ánh xạ đầu tiên",
        "en": "range mapping approximated by the first mapped address/port",
    },
    "input.fortios.ippool_undefined": {"vi": "ippool {name} chưa được định nghĩa", "en": "ippool {name} undefined"},
    "input.fortios.ippool_first": {
        "vi": "ippool {name} được mô hình hóa gần đúng bằng địa chỉ đầu tiên",
        "en": "ippool {name} approximated by its first address",
    },
    "input.fortios.snat_earlier_policy": {
        "vi": "trong mô hình, source NAT cũng được áp dụng cho các gói tin mà một policy không NAT phía trước đã "
        "chấp nhận",
        "en": "source NAT also applied, in the model, to packets an earlier policy without NAT accepts",
    },
    # static routes (routes.py)
    "input.fortios.route_dst_unread": {"vi": "không hiểu được đích của tuyến", "en": "destination not understood"},
    "input.fortios.route_gateway_unread": {
        "vi": "không hiểu được cổng kế tiếp (gateway) '{value}' của tuyến",
        "en": "gateway '{value}' not understood",
    },
    "input.fortios.route_dstaddr": {
        "vi": "không xác định được address object đích {name}",
        "en": "destination address object {name} not resolvable",
    },
    "input.fortios.route_isdb": {
        "vi": "đích là một internet-service (ISDB), được xác định khi vận hành",
        "en": "destination is an internet-service (ISDB) resolved at run time",
    },
    "input.fortios.route_source": {
        "vi": "chưa mô hình hóa tuyến giới hạn theo địa chỉ nguồn",
        "en": "source-restricted route not modelled",
    },
    "input.fortios.route_sdwan_empty": {
        "vi": "tuyến SD-WAN không có thành viên nào",
        "en": "SD-WAN route without members",
    },
    "input.fortios.route_no_target": {
        "vi": "tuyến không có gateway và không có device",
        "en": "route without gateway or device",
    },
    "input.fortios.dynamic_gateway": {
        "vi": "dynamic gateway trên {device}, không phải giao diện DHCP/PPPoE client: chưa xác định được gateway "
        "lấy từ đâu và tuyến có được cài vào bảng định tuyến hay không",
        "en": "dynamic gateway on {device}, which is not a DHCP/PPPoE client: where its gateway comes from, and "
        "whether the route is installed, is not known",
    },
    "input.fortios.no_device": {"vi": "(không có device)", "en": "(no device)"},
    # explicit proxies (proxy.py)
    "input.fortios.proxy_policy_kind": {
        "vi": "chưa mô hình hóa các proxy policy loại {kind}",
        "en": "{kind} proxy policies not modelled",
    },
    "input.fortios.proxy_status_unread": {
        "vi": "không hiểu được set status {value}: proxy có thể đang chạy",
        "en": "set status {value} not understood: the proxy may be running",
    },
    "input.fortios.proxy_ports_unread": {
        "vi": "không hiểu được set {setting} {values}: proxy có thể lắng nghe trên bất kỳ cổng TCP nào",
        "en": "set {setting} {values} not understood: the proxy may listen on any TCP port",
    },
    "input.fortios.proxy_incoming_ip": {
        "vi": "incoming-ip {ip}: proxy chỉ lắng nghe trên địa chỉ đó (chưa được mô hình hóa)",
        "en": "incoming-ip {ip}: the proxy listens on that address only (not modelled)",
    },
    # the FortiGate's own services (admin.py)
    "input.fortios.allowaccess_port": {
        "vi": "allowaccess {word}: chưa mô hình hóa cổng lắng nghe",
        "en": "allowaccess {word}: listening port not modelled",
    },
    "input.fortios.allowaccess_unread": {
        "vi": "không hiểu được allowaccess {word}",
        "en": "allowaccess {word} not understood",
    },
    "input.fortios.global_scope": {
        "vi": "{what} được thiết lập trong cấu hình toàn cục ({gaps}), phần mà bản sao lưu chỉ gồm một VDOM này "
        "không có",
        "en": "{what} is set in the global configuration ({gaps}), which this single-VDOM backup does not hold",
    },
    "input.fortios.global_scope_many": {
        "vi": "{what} được thiết lập trong cấu hình toàn cục ({gaps}), phần mà bản sao lưu chỉ gồm một VDOM này "
        "không có",
        "en": "{what} are set in the global configuration ({gaps}), which this single-VDOM backup does not hold",
    },
    "input.fortios.scope_port": {"vi": "cổng của dịch vụ", "en": "its port"},
    "input.fortios.scope_telnet": {"vi": "việc Telnet có được bật hay không", "en": "whether Telnet is enabled"},
    "input.fortios.scope_trusthosts": {
        "vi": "các trusted host của quản trị viên",
        "en": "the administrators' trusted hosts",
    },
    "input.fortios.scope_snmp": {
        "vi": "việc SNMP có trả lời hay không và trả lời những máy nào",
        "en": "whether SNMP answers and to which hosts",
    },
    "input.fortios.scope_ntp": {
        "vi": "việc FortiGate có cung cấp dịch vụ NTP tại đây hay không",
        "en": "whether the FortiGate serves NTP here",
    },
    "input.fortios.two": {"vi": "{a} và {b}", "en": "{a} and {b}"},
    "input.fortios.series": {"vi": "{a}, {rest}", "en": "{a}, {rest}"},
    "input.fortios.admin_ports": {
        "vi": "{words} có thể trả lời trên một cổng khác: admin-sport, admin-port, admin-ssh-port và "
        "admin-telnet-port được thiết lập trong cấu hình toàn cục (config system global), phần mà bản sao lưu "
        "chỉ gồm một VDOM này không có",
        "en": "{words} may answer on another port: admin-sport, admin-port, admin-ssh-port and admin-telnet-port "
        "are set in the global configuration (config system global), which this single-VDOM backup does not hold",
    },
    "input.fortios.l2tp_no_dialup": {
        "vi": "L2TP chỉ được chấp nhận bên trong IPsec (enforce-ipsec enable), nhưng không có phase1-interface "
        "dial-up nào có phase2 chế độ transport cho biết L2TP kết thúc ở đâu (phase1 dạng policy-based không "
        "được đọc)",
        "en": "L2TP is accepted inside IPsec only (enforce-ipsec enable), but no dial-up phase1-interface with a "
        "transport-mode phase2 says where it terminates (a policy-based phase1 is not read)",
    },
    "input.fortios.l2tp_cleartext": {
        "vi": "L2TP dạng không mã hóa (enforce-ipsec disable): máy chủ L2TP không có thiết lập giao diện; cấu "
        "hình không cho biết nó có trả lời udp/1701 cả ở đây hay không",
        "en": "cleartext L2TP (enforce-ipsec disable): the L2TP server has no interface setting; whether it "
        "answers udp/1701 here too is not in the configuration",
    },
    "input.fortios.pptp_anywhere": {
        "vi": "máy chủ PPTP: không có thiết lập giao diện; cấu hình không cho biết nó có trả lời tcp/1723 cả ở "
        "đây hay không",
        "en": "PPTP server: it has no interface setting; whether it answers tcp/1723 here too is not in the "
        "configuration",
    },
    # What a filter does with a packet no line matches (its Filter.default_text: cited in a
    # witness path and a blocked cell's blocking lines).
    "input.fortios.default.implicit_deny": {
        "vi": "chặn ngầm định của FortiGate (policy 0)",
        "en": "implicit deny (policy 0)",
    },
    "input.fortios.default.local_in": {
        "vi": "không có firewall policy nào cho gói tin từ giao diện đó tới địa chỉ này (với FortiOS, gói tin tới "
        "địa chỉ của một giao diện khác là lưu lượng đi qua thiết bị)",
        "en": "no firewall policy lets the packet reach this address from that interface (FortiOS: another "
        "interface's address is through traffic)",
    },
    "input.fortios.default.allowaccess": {
        "vi": "không phải địa chỉ của giao diện này, hoặc nguồn không được phép",
        "en": "not an address of this interface, or source not allowed",
    },
    "input.fortios.default.proxy_destination": {
        "vi": "không có proxy policy accept nào cho proxy kết nối tới đó",
        "en": "no accept proxy policy lets the proxy connect there",
    },
    "input.fortios.default.proxy_client": {
        "vi": "không có proxy policy accept nào chấp nhận máy khách này",
        "en": "no accept proxy policy admits this client",
    },
}
