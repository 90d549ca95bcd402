"""Catalogue entries: the Cisco ASA parser (input.asa.*, netaudit/parsers/cisco_asa/).

Its warnings (stored as "FILE[:LINE]: message", input.at) and the reasons it gives for a
construct it understands only partly (its ``partial``; several of one construct are one
input.joined text), and what its filters do with a packet no line matches (their
``default_text``, input.asa.default.*).  The English is the sentence the parser always wrote; file names,
line numbers, names, numbers and quoted configuration text are fields, inserted as they
are.  The generic input entries (files, encodings, truncation, input.at, input.joined)
are in :mod:`netaudit.catalogue.inputs`.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # Partial reasons of the ASA's IPsec tunnels (parsers/cisco_asa/vpn.py): the English
    # is the reason as it always read; the Vietnamese reaches the reports through them.
    "input.asa.vpn_on_default": {
        "vi": "sysopt connection permit-vpn được bật theo mặc định",
        "en": "sysopt connection permit-vpn is on by default",
    },
    "input.asa.vpn_on_line": {
        "vi": "sysopt connection permit-vpn được bật (dòng {line})",
        "en": "sysopt connection permit-vpn is on (line {line})",
    },
    "input.asa.vpn_bypass": {
        "vi": "{on}, nên các gói tin được giải mã từ đường hầm IPsec này không bị access-list của cổng và "
        "mức bảo mật (security level) kiểm tra{filter}; mô hình không phân biệt được chúng với các gói tin "
        "không mã hóa có cùng địa chỉ, vốn do access-list quyết định",
        "en": "{on}, so packets decrypted from this IPsec tunnel bypass the interface access-lists and "
        "security levels{filter}; the model cannot tell them from cleartext packets with the same "
        "addresses, which the access-lists decide",
    },
    "input.asa.vpn_filter_permits": {
        "vi": ", và vpn-filter {acl} của group-policy {gp} cho phép chúng",
        "en": ", and vpn-filter {acl} of group-policy {gp} permits them",
    },
    "input.asa.vpn_no_filter": {
        "vi": ", và không có vpn-filter nào được biết cho đường hầm này",
        "en": ", and no vpn-filter is known for the tunnel",
    },
    "input.asa.vpn_filter_denies": {
        "vi": "vpn-filter {acl} của group-policy {gp} loại bỏ các gói tin này khi chúng đến (đã giải mã) từ "
        "đường hầm IPsec của crypto map {map} {seq}; mô hình không phân biệt được chúng với các gói tin "
        "không mã hóa có cùng địa chỉ, vốn do access-list quyết định",
        "en": "vpn-filter {acl} of group-policy {gp} drops these packets when they come decrypted from the "
        "IPsec tunnel of crypto map {map} {seq}; the model cannot tell them from cleartext packets "
        "with the same addresses, which the access-lists decide",
    },
    "input.asa.l2tp_no_protocol": {
        "vi": "crypto map {map} cung cấp transform set chế độ transport {ts} cho các peer động, nhưng không "
        "có dòng vpn-tunnel-protocol nào nêu l2tp-ipsec: có chấp nhận L2TP over IPsec hay không phụ thuộc "
        "vào giá trị mặc định của DfltGrpPolicy, mà cấu hình không thể hiện",
        "en": "crypto map {map} offers transport-mode transform set {ts} to dynamic peers, but no "
        "vpn-tunnel-protocol line names l2tp-ipsec: whether L2TP over IPsec is admitted depends on "
        "DfltGrpPolicy's defaults, which a configuration does not show",
    },
    "input.asa.l2tp_no_transport": {
        "vi": "vpn-tunnel-protocol có nêu l2tp-ipsec, nhưng crypto map {map} không cung cấp cho các peer "
        "động transform set IKEv1 nào được đọc là chế độ transport: chưa xác định được máy khách L2TP có "
        "kết nối được hay không",
        "en": "vpn-tunnel-protocol names l2tp-ipsec, but crypto map {map} offers dynamic peers no IKEv1 "
        "transform set read as transport mode: whether L2TP clients connect is not established",
    },
    "input.asa.resolution_failed": {
        "vi": "lỗi khi liên kết các đối tượng, ACL và NAT ({error}); mô hình của thiết bị này không đầy đủ",
        "en": "resolution failed ({error}); the model of this device is incomplete",
    },
    # Cisco ASA
    "input.asa.access_group_unusable": {
        "vi": "lệnh access-group chỉ định ACL {acl}, nhưng ACL này {what}; ASA từ chối lệnh này nên không có ACL "
        "nào được áp dụng",
        "en": "access-group names ACL {acl}, which is {what}; the ASA rejects the command, so no ACL is applied",
    },
    "input.asa.acl_standard": {"vi": "là một ACL chuẩn (standard)", "en": "a standard ACL"},
    "input.asa.acl_undefined": {"vi": "chưa được định nghĩa", "en": "not defined"},
    "input.asa.nameif_twice": {
        "vi": "nameif {nameif} được dùng cho hai giao diện",
        "en": "nameif {nameif} used twice",
    },
    "input.asa.address_no_nameif": {
        "vi": "giao diện {name} có địa chỉ nhưng không có nameif: ASA không chuyển lưu lượng nào qua giao diện này",
        "en": "interface {name} has an address but no nameif: the ASA passes no traffic on it",
    },
    "input.asa.subinterface_no_vlan": {
        "vi": "giao diện con {name} không có lệnh 'vlan': ASA không chuyển lưu lượng nào qua giao diện này",
        "en": "subinterface {name} has no 'vlan': the ASA passes no traffic on it",
    },
    # Cisco ASA partial reasons (parsers/cisco_asa/; the ones both Cisco parsers give are
    # input.ios.*).  The English is the reason as it always read.
    "input.asa.object_undefined": {"vi": "object {name} chưa được định nghĩa", "en": "object {name} undefined"},
    "input.asa.group_undefined": {"vi": "object-group {name} chưa được định nghĩa", "en": "group {name} undefined"},
    "input.asa.interface_undefined": {
        "vi": "giao diện {name} chưa được định nghĩa",
        "en": "interface {name} undefined",
    },
    "input.asa.object_partial": {
        "vi": "object {name} chưa được hiểu đầy đủ",
        "en": "object {name} not fully understood",
    },
    "input.asa.iface_address_unknown": {
        "vi": "chưa xác định được địa chỉ của giao diện {interface}",
        "en": "address of interface {interface} unknown",
    },
    "input.asa.identity_qualifier": {
        "vi": "chưa mô hình hóa điều kiện định danh '{word}'",
        "en": "identity qualifier '{word}' not modelled",
    },
    "input.asa.time_range": {"vi": "chưa mô hình hóa time-range {name}", "en": "time-range {name} not modelled"},
    "input.asa.fqdn_object": {
        "vi": "object fqdn {name}: địa chỉ được phân giải lúc chạy",
        "en": "fqdn object {name}: addresses resolved at run time",
    },
    "input.asa.port_object_no_protocol": {
        "vi": "port-object trong một nhóm dịch vụ không khai báo giao thức",
        "en": "port-object in a service group without a protocol",
    },
    "input.asa.port_group_service_object": {
        "vi": "service-object trong nhóm cổng {name} được tính gần đúng bằng các cổng của nó",
        "en": "service-object in port group {name} approximated by its ports",
    },
    "input.asa.transparent": {
        "vi": "chưa mô hình hóa chế độ tường lửa transparent (bridging)",
        "en": "transparent (bridging) firewall mode not modelled",
    },
    "input.asa.transparent_iface": {
        "vi": "chưa mô hình hóa chế độ tường lửa transparent",
        "en": "transparent firewall mode not modelled",
    },
    "input.asa.secondary_vlans": {
        "vi": "chưa mô hình hóa các VLAN secondary",
        "en": "secondary VLANs not modelled",
    },
    "input.asa.bridge_group": {
        "vi": "chưa mô hình hóa bridge group (bridging transparent/BVI)",
        "en": "bridge group (transparent/BVI bridging) not modelled",
    },
    "input.asa.multiple_context": {
        "vi": "cấu hình system của chế độ multiple-context: mỗi context là một tệp cấu hình riêng",
        "en": "multiple-context system configuration: each context is a separate file",
    },
    "input.asa.cluster": {"vi": "chưa mô hình hóa ASA clustering", "en": "ASA clustering not modelled"},
    "input.asa.policy_route": {
        "vi": "chưa mô hình hóa định tuyến theo chính sách (policy-based routing)",
        "en": "policy-based routing not modelled",
    },
    "input.asa.pix_established": {
        "vi": "chưa mô hình hóa lệnh 'established' của PIX",
        "en": "PIX 'established' command not modelled",
    },
    "input.asa.pix_conduit": {"vi": "chưa mô hình hóa conduit của PIX", "en": "PIX conduit not modelled"},
    "input.asa.pix_outbound": {
        "vi": "chưa mô hình hóa danh sách outbound của PIX",
        "en": "PIX outbound list not modelled",
    },
    "input.asa.management_access": {
        "vi": "chưa mô hình hóa truy cập quản trị tới giao diện {nameif} qua đường hầm VPN",
        "en": "management access to interface {nameif} through a VPN tunnel not modelled",
    },
    "input.asa.route_tunneled": {
        "vi": "chưa mô hình hóa tuyến mặc định tunneled (VPN)",
        "en": "tunneled (VPN) default route not modelled",
    },
    "input.asa.nat_not_applied": {"vi": "{why}: luật NAT không được áp dụng", "en": "{why}: rule not applied"},
    "input.asa.twice_dst": {
        "vi": "chưa mô hình hóa twice NAT có dịch địa chỉ đích",
        "en": "twice NAT destination translation not modelled",
    },
    "input.asa.twice_src_dst": {
        "vi": "chưa mô hình hóa twice NAT dịch cả địa chỉ nguồn lẫn địa chỉ đích",
        "en": "twice NAT with source and destination translation not modelled",
    },
    "input.asa.twice_service": {
        "vi": "chưa mô hình hóa twice NAT có dịch dịch vụ (service)",
        "en": "twice NAT service translation not modelled",
    },
    "input.asa.pat_no_interface": {
        "vi": "PAT động theo interface nhưng không có đúng một giao diện mapped",
        "en": "dynamic interface PAT without a single mapped interface",
    },
    "input.asa.pool_no_ipv4": {
        "vi": "pool mapped {name} không có địa chỉ IPv4 nào",
        "en": "mapped pool {name} has no IPv4 address",
    },
    "input.asa.pool_first": {
        "vi": "pool NAT động {name} được tính gần đúng bằng địa chỉ đầu tiên của pool",
        "en": "dynamic NAT pool {name} approximated by its first address",
    },
    "input.asa.static_iface_many": {
        "vi": "NAT tĩnh theo interface cho nhiều hơn một địa chỉ",
        "en": "static interface NAT of more than one address",
    },
    "input.asa.static_iface_no_interface": {
        "vi": "NAT tĩnh theo interface nhưng không có đúng một giao diện mapped",
        "en": "static interface NAT without a single mapped interface",
    },
    "input.asa.port_rewrite": {
        "vi": "chưa mô hình hóa việc đổi cổng nguồn {real}->{mapped}",
        "en": "source port rewrite {real}->{mapped} not modelled",
    },
    "input.asa.static_any": {
        "vi": "NAT tĩnh giữa 'any' và một địa chỉ cụ thể",
        "en": "static NAT between 'any' and a specific address",
    },
    "input.asa.static_too_many": {
        "vi": "chưa mô hình hóa NAT tĩnh cho hơn {count} địa chỉ",
        "en": "static NAT of more than {count} addresses not modelled",
    },
    "input.asa.static_many_to_one": {
        "vi": "chưa mô hình hóa NAT tĩnh từ nhiều địa chỉ thật sang một địa chỉ mapped",
        "en": "static NAT of several real addresses to one mapped address not modelled",
    },
    "input.asa.static_sizes": {
        "vi": "chưa mô hình hóa NAT tĩnh giữa hai tập địa chỉ có số lượng khác nhau",
        "en": "static NAT between address sets of different sizes not modelled",
    },
    # pre-8.3 NAT (parsers/cisco_asa/legacy_nat.py)
    "input.asa.legacy_acl": {
        "vi": "NAT trước 8.3: access-list thấy địa chỉ đích như khi gói tin đến (một địa chỉ mapped), trước khi "
        "NAT chuyển lại thành địa chỉ thật",
        "en": "pre-8.3 NAT: the access-list sees the destination as it arrives (a mapped address), before NAT "
        "untranslates it",
    },
    "input.asa.legacy_real": {
        "vi": "NAT trước 8.3: kết nối tới địa chỉ thật của một máy đã được NAT bị từ chối nếu không đi qua bản "
        "dịch địa chỉ",
        "en": "pre-8.3 NAT: a connection to the real address of a translated host is rejected unless it comes "
        "through the translation",
    },
    "input.asa.legacy_no_global": {
        "vi": "NAT trước 8.3: lưu lượng của các máy thuộc một luật 'nat' bị loại bỏ khi đi tới giao diện có mức "
        "bảo mật thấp hơn hoặc bằng mà không có 'global' (hoặc static) nào cho chúng",
        "en": "pre-8.3 NAT: hosts of a 'nat' rule are dropped toward a lower or same-level interface that has no "
        "'global' (or static) for them",
    },
    "input.asa.nat_control": {
        "vi": "nat-control: lưu lượng đi tới mức bảo mật thấp hơn mà không khớp luật NAT nào bị loại bỏ",
        "en": "nat-control: traffic toward a lower security level that matches no NAT rule is dropped",
    },
    "input.asa.legacy_unread": {
        "vi": "không phân tích được một dòng NAT trước 8.3: mọi gói tin đi qua thiết bị đều có thể bị NAT hoặc "
        "bị loại bỏ",
        "en": "pre-8.3 NAT line not understood: any transit packet may be translated or dropped",
    },
    "input.asa.legacy_static": {
        "vi": "NAT tĩnh trước 8.3: access-list nêu địa chỉ mapped của luật; kết nối tới địa chỉ thật bị từ chối",
        "en": "pre-8.3 static NAT: access-lists name its mapped address; a connection to its real address is rejected",
    },
    "input.asa.legacy_dynamic": {
        "vi": "NAT động trước 8.3: lưu lượng của các máy thuộc luật bị loại bỏ ở nơi không có 'global' nào dịch "
        "địa chỉ cho chúng, và kết nối tới địa chỉ thật của chúng bị từ chối",
        "en": "pre-8.3 dynamic NAT: its hosts are dropped where no 'global' translates them, and connections to "
        "their real addresses are rejected",
    },
    "input.asa.legacy_global": {
        "vi": "global trước 8.3: trong khi một bản dịch địa chỉ còn tồn tại, kết nối tới địa chỉ mapped của nó "
        "có thể tới được máy đã được NAT nếu access-list cho phép",
        "en": "pre-8.3 global: while a translation lives, a connection to its mapped address may reach the "
        "translated host if an access-list permits it",
    },
    "input.asa.legacy_policy_static": {
        "vi": "chưa mô hình hóa policy static NAT trước 8.3 (access-list)",
        "en": "pre-8.3 policy static NAT (access-list) not modelled",
    },
    "input.asa.legacy_higher_level": {
        "vi": "NAT trước 8.3 đi tới mức bảo mật cao hơn",
        "en": "pre-8.3 NAT toward a higher security level",
    },
    "input.asa.nat0_acl": {
        "vi": "access-list miễn NAT {acl} không phải là một access-list extended được hiểu đầy đủ",
        "en": "NAT exemption access-list {acl} not a fully understood extended access-list",
    },
    "input.asa.policy_nat_acl": {
        "vi": "access-list {acl} của policy NAT không phải là một access-list extended được hiểu đầy đủ",
        "en": "policy NAT access-list {acl} not a fully understood extended access-list",
    },
    # What a filter does with a packet no line matches (its Filter.default_text: cited in a
    # witness path and a blocked cell's blocking lines).
    "input.asa.default.end_of_acl": {
        "vi": "chặn ngầm định ở cuối access-list",
        "en": "implicit deny at end of access-list",
    },
    "input.asa.default.policy": {
        "vi": "chặn ngầm định (không có quy tắc truy cập hay mức bảo mật nào cho phép)",
        "en": "implicit deny (no access rule or security level permits it)",
    },
    "input.asa.default.management": {
        "vi": "không có dòng cấu hình truy cập quản trị nào cho phép",
        "en": "not permitted by any management access line",
    },
    "input.asa.default.control_plane": {
        "vi": "giao diện này không có access-group control-plane",
        "en": "no control-plane access-group on this interface",
    },
}
