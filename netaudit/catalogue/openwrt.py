"""Catalogue entries: the OpenWrt parser (input.openwrt.*, netaudit/parsers/openwrt/).

Its warnings (stored as "FILE[:LINE]: message", input.at) and the reasons it gives for a
construct it understands only partly (its ``partial``; several of one construct are one
input.joined text), and what its filters do with a packet no line matches (their
``default_text``, input.openwrt.default.*).  The English is the sentence the parser always wrote; file names,
line numbers, names, numbers and quoted configuration text are fields, inserted as they
are.  The generic input entries (files, encodings, truncation, input.at, input.joined)
are in :mod:`netaudit.catalogue.inputs`.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # OpenWrt
    "input.openwrt.no_package": {
        "vi": "các mục cấu hình OpenWrt không có dòng 'package' (chỉ có một tệp /etc/config riêng lẻ?): cần cung "
        "cấp kết quả lệnh 'uci export', hoặc các tệp /etc/config, mỗi tệp đặt sau một dòng "
        "'==> /etc/config/NAME <==' (tail -n +1 /etc/config/*)",
        "en": "OpenWrt sections without a 'package' line (an /etc/config file alone?): give the output of "
        "'uci export', or the /etc/config files each after a '==> /etc/config/NAME <==' line "
        "(tail -n +1 /etc/config/*)",
    },
    "input.openwrt.before_package": {
        "vi": "có dòng 'config' trước dòng 'package' đầu tiên: không xác định được gói chứa nó, các mục đó không "
        "được đọc",
        "en": "'config' before the first 'package' line: its package is unknown, its sections are not read",
    },
    "input.openwrt.policy_unknown": {
        "vi": "chính sách {value} không hợp lệ: fw4 không chấp nhận tùy chọn này của mục, giá trị {default} được "
        "áp dụng",
        "en": "policy {value} not known: fw4 refuses the section option, {default} applies",
    },
    "input.openwrt.no_firewall": {
        "vi": "đầu vào không có gói firewall: chưa xác định được việc lọc lưu lượng của bộ định tuyến (hãy xuất "
        "cấu hình bằng `uci export`, lệnh này in ra mọi gói)",
        "en": "no firewall package in the input: the router's filtering is unknown "
        "(export with `uci export`, which prints every package)",
    },
    "input.openwrt.zone_no_name": {
        "vi": "zone không có tên: fw4 bỏ qua zone này",
        "en": "zone without a name: fw4 skips it",
    },
    "input.openwrt.zone_network_undefined": {
        "vi": "zone {zone}: mạng {network} chưa được định nghĩa",
        "en": "zone {zone}: network {network} is not defined",
    },
    "input.openwrt.rule_zone_undefined": {
        "vi": "quy tắc {name}: zone chưa được định nghĩa: fw4 bỏ qua quy tắc này",
        "en": "rule {name}: zone not defined: fw4 skips the rule",
    },
    "input.openwrt.rule_target_unknown": {
        "vi": "quy tắc {name}: hành động (target) {target} không hợp lệ",
        "en": "rule {name}: target {target} not known",
    },
    "input.openwrt.forwarding_zones": {
        "vi": "mục forwarding không có zone nguồn và zone đích đã được định nghĩa: fw4 bỏ qua mục này",
        "en": "forwarding without a defined src and dest zone: fw4 skips it",
    },
    "input.openwrt.snat_no_dest": {
        "vi": "chuyển hướng (redirect) {name}: snat không có zone đích: fw4 bỏ qua mục này",
        "en": "redirect {name}: snat without a destination zone: fw4 skips it",
    },
    "input.openwrt.snat_no_src_dip": {
        "vi": "chuyển hướng (redirect) {name}: snat không có src_dip sử dụng được: fw4 bỏ qua mục này",
        "en": "redirect {name}: snat without a usable src_dip: fw4 skips it",
    },
    "input.openwrt.dnat_no_src": {
        "vi": "chuyển hướng (redirect) {name}: dnat không có zone nguồn: fw4 bỏ qua mục này",
        "en": "redirect {name}: dnat without a source zone: fw4 skips it",
    },
    "input.openwrt.dest_ip_unread": {
        "vi": "chuyển hướng (redirect) {name}: không hiểu được dest_ip {value}",
        "en": "redirect {name}: dest_ip {value} not understood",
    },
    "input.openwrt.wifi_networks": {
        "vi": "{name} chỉ định nhiều mạng {networks}: giao diện chỉ tham gia cầu nối (bridge) của mạng đầu tiên",
        "en": "{name} names several networks {networks}: it joins the first one's bridge",
    },
    "input.openwrt.no_dropbear": {
        "vi": "đầu vào không có gói dropbear: giả định máy chủ SSH mặc định của OpenWrt đang chạy ở cổng 22",
        "en": "no dropbear package in the input: OpenWrt's default SSH server on port 22 is assumed",
    },
    "input.openwrt.no_dhcp": {
        "vi": "đầu vào không có gói dhcp: giả định dnsmasq (DNS ở cổng 53) đang chạy",
        "en": "no dhcp package in the input: dnsmasq (DNS on port 53) is assumed",
    },
    "input.openwrt.device_no_name": {
        "vi": "mục config device không có tên: netifd bỏ qua mục này",
        "en": "config device without a name: ignored by netifd",
    },
    "input.openwrt.ifnames_no_bridge": {
        "vi": "giao diện {name}: có nhiều ifname nhưng không có type bridge; chỉ ifname đầu tiên được sử dụng",
        "en": "interface {name}: several ifname without type bridge; the first is used",
    },
    "input.openwrt.address_not_ipv4": {
        "vi": "giao diện {name}: địa chỉ {value} không phải IPv4: không được mô hình hóa",
        "en": "interface {name}: address {value} is not IPv4: not modelled",
    },
    "input.openwrt.device_type_unknown": {
        "vi": "loại thiết bị (device type) {type} không nhận dạng được",
        "en": "device type {type} not recognized",
    },
    "input.openwrt.bridge_vlan_not_bridge": {
        "vi": "có bridge-vlan trên {device}, nhưng đây không phải thiết bị cầu nối (bridge)",
        "en": "bridge-vlan on {device}, which is not a bridge device",
    },
    "input.openwrt.vlan_filtering_off": {
        "vi": "vlan_filtering 0 trên {device}: các mục bridge-vlan của thiết bị này bị bỏ qua",
        "en": "vlan_filtering 0 on {device}: its bridge-vlan sections are ignored",
    },
    "input.openwrt.bridge_vlan_no_number": {
        "vi": "mục bridge-vlan không có số VLAN: bị bỏ qua",
        "en": "bridge-vlan without a vlan number: ignored",
    },
    "input.openwrt.untagged_several": {
        "vi": "{port} là cổng untagged trong các VLAN {vlans} mà không có dấu '*': netifd lấy VLAN đầu tiên làm "
        "VLAN của cổng",
        "en": "{port} is untagged in VLANs {vlans} without '*': netifd makes the first its port VLAN",
    },
    "input.openwrt.switch_vlan_no_vlan": {
        "vi": "mục switch_vlan không có vlan: bị bỏ qua",
        "en": "switch_vlan without vlan: ignored",
    },
    "input.openwrt.address_unread": {
        "vi": "không hiểu được địa chỉ {value}",
        "en": "address {value} not understood",
    },
    "input.openwrt.route_target_unread": {
        "vi": "không hiểu được đích (target) {target} của tuyến",
        "en": "route target {target} not understood",
    },
    # OpenWrt partial reasons (a firewall rule, a redirect, an ipset, a route, a rule, a
    # service or an interface only partly understood); the English is the reason as it
    # always read.  The firewall (firewall.py):
    "input.openwrt.no_firewall_package": {
        "vi": "đầu vào không có gói firewall",
        "en": "no firewall package in the input",
    },
    "input.openwrt.zone_extra": {
        "vi": "chưa mô hình hóa {option} (tham số iptables viết trực tiếp)",
        "en": "{option} (raw iptables arguments) not modelled",
    },
    "input.openwrt.notrack": {
        "vi": "quy tắc notrack {name}: các gói tin khớp quy tắc này không đi qua NAT",
        "en": "notrack rule {name}: NAT is skipped for its packets",
    },
    "input.openwrt.port_range_first": {
        "vi": "dải cổng {range}: được mô hình hóa bằng cổng đầu tiên của dải",
        "en": "port range {range}: modelled as its first port",
    },
    "input.openwrt.reflection_zones": {
        "vi": "chưa mô hình hóa NAT reflection vào các zone {zones}",
        "en": "reflection into zones {zones} not modelled",
    },
    "input.openwrt.masq_no_devices": {
        "vi": "chưa mô hình hóa masquerade trên zone không có thiết bị (device) nào",
        "en": "masquerade on a zone without devices not modelled",
    },
    "input.openwrt.include_script": {
        "vi": "firewall include {path}: các quy tắc tùy chỉnh trong đó (một shell script, có trong đầu vào) không "
        "được đọc",
        "en": "firewall include {path}: its custom rules (a shell script, in the input) are not read",
    },
    "input.openwrt.include_missing": {
        "vi": "firewall include {path}: các quy tắc tùy chỉnh không có trong bản export",
        "en": "firewall include {path}: custom rules not in the export",
    },
    # ipsets (firewall.py, fw_conditions.py)
    "input.openwrt.ipset_disabled": {"vi": "ipset {name} bị tắt: {then}", "en": "ipset {name} is disabled: {then}"},
    "input.openwrt.ipset_no_type": {
        "vi": "ipset {name} không có kiểu match nào mà fw4 đọc được: {then}",
        "en": "ipset {name} has no match type fw4 reads: {then}",
    },
    "input.openwrt.ipset_not_created": {
        "vi": "fw4 bỏ qua các quy tắc dùng ipset này, trừ khi một dịch vụ định nghĩa ipset đó khi vận hành",
        "en": "fw4 skips the rules naming it unless a service defines the set at run time",
    },
    "input.openwrt.ipset_unmodelled": {
        "vi": "chưa mô hình hóa ipset {name} (match {matches}, family {family})",
        "en": "ipset {name} (match {matches}, family {family}) not modelled",
    },
    "input.openwrt.ipset_loadfile": {
        "vi": "các thành viên được nạp từ một tệp khi vận hành (loadfile)",
        "en": "its members come from a file at run time (loadfile)",
    },
    "input.openwrt.ipset_timeout": {
        "vi": "các thành viên hết hạn và được thêm vào khi vận hành (timeout)",
        "en": "its members expire and are added at run time (timeout)",
    },
    "input.openwrt.ipset_dnsmasq": {
        "vi": "dnsmasq thêm vào ipset này địa chỉ trong các phản hồi DNS khi vận hành",
        "en": "dnsmasq adds the addresses of DNS answers to it at run time",
    },
    "input.openwrt.ipset_no_entry": {
        "vi": "không có mục nào trong bản export: các thành viên được thêm vào khi vận hành",
        "en": "no entry in the export: its members are added at run time",
    },
    "input.openwrt.ipset_no_ipv4": {"vi": "không có mục IPv4 nào", "en": "no IPv4 entry"},
    "input.openwrt.ipset_undefined": {
        "vi": "ipset {name} chưa được định nghĩa trong gói firewall: fw4 bỏ qua quy tắc này, trừ khi một dịch vụ "
        "định nghĩa ipset đó khi vận hành",
        "en": "ipset {name} is not defined in the firewall package: fw4 skips the rule unless a service defines "
        "the set at run time",
    },
    "input.openwrt.ipset_members_unknown": {
        "vi": "ipset {name}: chưa xác định được các thành viên",
        "en": "ipset {name}: its members are not known",
    },
    # rule and redirect options (fw_conditions.py)
    "input.openwrt.what_source": {"vi": "địa chỉ nguồn", "en": "source"},
    "input.openwrt.what_destination": {"vi": "địa chỉ đích", "en": "destination"},
    "input.openwrt.what_ipset_entry": {"vi": "mục ipset", "en": "ipset entry"},
    "input.openwrt.what_source_port": {"vi": "cổng nguồn", "en": "source port"},
    "input.openwrt.what_destination_port": {"vi": "cổng đích", "en": "destination port"},
    "input.openwrt.mask_noncontiguous": {
        "vi": "{what} {value}: chưa mô hình hóa mặt nạ không liên tục",
        "en": "{what} {value}: a non-contiguous mask not modelled",
    },
    "input.openwrt.value_unread": {"vi": "không hiểu được {what} {value}", "en": "{what} {value} not understood"},
    "input.openwrt.host_name": {
        "vi": "chưa mô hình hóa {what} {value} (tên máy?): coi như khớp mọi địa chỉ",
        "en": "{what} {value} (a host name?) not modelled: matched as any address",
    },
    "input.openwrt.port_unread": {
        "vi": "không hiểu được {what} {value} (tên dịch vụ?): coi như khớp mọi cổng",
        "en": "{what} {value} not understood (a service name?): matched as any port",
    },
    "input.openwrt.port_out_of_range": {
        "vi": "{what} {value} nằm ngoài phạm vi cho phép",
        "en": "{what} {value} out of range",
    },
    "input.openwrt.protocol_negated": {
        "vi": "chưa mô hình hóa giao thức phủ định !{protocol}: coi như khớp mọi giao thức",
        "en": "negated protocol !{protocol} not modelled: matched as every protocol",
    },
    "input.openwrt.protocol_unknown": {
        "vi": "giao thức {protocol} không xác định: coi như khớp mọi giao thức",
        "en": "protocol {protocol} not known: matched as every protocol",
    },
    "input.openwrt.icmp_type_unknown": {
        "vi": "icmp_type {value} không xác định",
        "en": "icmp_type {value} not known",
    },
    "input.openwrt.option_narrowing": {
        "vi": "chưa mô hình hóa {what} ({option}): quy tắc được so khớp mà không xét điều kiện này",
        "en": "{what} ({option}) not modelled: the line is matched without it",
    },
    "input.openwrt.narrow_src_mac": {"vi": "địa chỉ MAC nguồn", "en": "source MAC address"},
    "input.openwrt.narrow_limit": {"vi": "giới hạn tốc độ", "en": "rate limit"},
    "input.openwrt.narrow_time": {"vi": "giờ trong ngày", "en": "time of day"},
    "input.openwrt.narrow_date": {"vi": "ngày áp dụng", "en": "date"},
    "input.openwrt.narrow_weekdays": {"vi": "các ngày trong tuần", "en": "weekdays"},
    "input.openwrt.narrow_monthdays": {"vi": "các ngày trong tháng", "en": "days of the month"},
    "input.openwrt.narrow_mark": {"vi": "giá trị đánh dấu gói tin", "en": "packet mark"},
    "input.openwrt.narrow_dscp": {"vi": "giá trị DSCP", "en": "DSCP"},
    "input.openwrt.narrow_helper": {"vi": "trình hỗ trợ conntrack", "en": "conntrack helper"},
    "input.openwrt.narrow_extra": {"vi": "tham số iptables bổ sung", "en": "extra iptables arguments"},
    # interfaces, routes and rules (network.py, wireless.py, parser.py)
    "input.openwrt.vpn_tunnel": {
        "vi": "đường hầm {proto}: chưa mô hình hóa các peer và địa chỉ được phép (allowed addresses) của chúng",
        "en": "{proto} tunnel: peers and their allowed addresses not modelled",
    },
    "input.openwrt.proto_unmodelled": {
        "vi": "chưa mô hình hóa giao thức (proto) {proto}",
        "en": "protocol {proto} not modelled",
    },
    "input.openwrt.wireguard_port": {
        "vi": "không có listen_port: WireGuard lắng nghe trên một cổng UDP được chọn khi giao diện khởi động",
        "en": "no listen_port: WireGuard listens on a UDP port chosen when the interface comes up",
    },
    "input.openwrt.qinq_device": {
        "vi": "chưa mô hình hóa device 802.1ad (QinQ)",
        "en": "802.1ad (QinQ) device not modelled",
    },
    "input.openwrt.device_type_unmodelled": {
        "vi": "chưa mô hình hóa device loại {type}",
        "en": "device type {type} not modelled",
    },
    "input.openwrt.vlan_on_port": {
        "vi": "chưa mô hình hóa VLAN device trên cổng bridge {parent}",
        "en": "VLAN device on bridge port {parent} not modelled",
    },
    "input.openwrt.switch_port_tagged": {
        "vi": "cổng switch {port} mang VLAN {vid} dạng tagged, cùng các VLAN khác, tới một thiết bị không có trong "
        "tập cấu hình (thiết bị đó có thể nối cầu các VLAN này với nhau)",
        "en": "switch port {port} carries VLAN {vid} tagged, with other VLANs, to a device not in the snapshot "
        "(which may bridge them)",
    },
    "input.openwrt.ip4table": {
        "vi": "ip4table: các tuyến kết nối trực tiếp của giao diện được đưa vào một bảng định tuyến khác",
        "en": "ip4table: the interface's connected routes go to another table",
    },
    "input.openwrt.route_no_device": {
        "vi": "giao diện {name} không có device",
        "en": "interface {name} has no device",
    },
    "input.openwrt.gateway_unread": {
        "vi": "không hiểu được gateway {gateway}",
        "en": "gateway {gateway} not understood",
    },
    "input.openwrt.route_type": {"vi": "chưa mô hình hóa tuyến loại {type}", "en": "route type {type} not modelled"},
    "input.openwrt.wireguard_peer": {
        "vi": "WireGuard peer {name}: được định tuyến vào đường hầm",
        "en": "WireGuard peer {name}: routed into the tunnel",
    },
    "input.openwrt.rule_priority_mix": {
        "vi": "có quy tắc có priority và quy tắc không có priority: thứ tự giữa chúng do netifd quyết định",
        "en": "rules with and without priority: their order is netifd's",
    },
    "input.openwrt.rule_value_unread": {
        "vi": "không hiểu được {option} {value}",
        "en": "{option} {value} not understood",
    },
    "input.openwrt.rule_option": {
        "vi": "chưa mô hình hóa tùy chọn {option} của quy tắc",
        "en": "rule option {option} not modelled",
    },
    "input.openwrt.rule_action": {
        "vi": "chưa mô hình hóa hành động {action} của quy tắc",
        "en": "rule action {action} not modelled",
    },
    "input.openwrt.none": {"vi": "(không có)", "en": "(none)"},
    "input.openwrt.wifi_mode": {
        "vi": "chưa mô hình hóa chế độ không dây {mode}",
        "en": "wireless mode {mode} not modelled",
    },
    "input.openwrt.wifi_mode_links": {
        "vi": "chế độ không dây {mode} kết nối tới các bộ định tuyến khác không có trong tập cấu hình",
        "en": "wireless mode {mode} links other routers not in the snapshot",
    },
    "input.openwrt.wifi_network_undefined": {
        "vi": "mạng {network} chưa được định nghĩa",
        "en": "network {network} is not defined",
    },
    "input.openwrt.wifi_bridge_no_vlan": {
        "vi": "giao diện vô tuyến gắn vào bridge có lọc VLAN {bridge} mà không có VLAN",
        "en": "radio on VLAN-filtering bridge {bridge} without a VLAN",
    },
    "input.openwrt.wifi_not_bridge": {
        "vi": "mạng {network} nằm trên {device}, không phải bridge: netifd không thêm được giao diện vô tuyến vào",
        "en": "network {network} sits on {device}, not a bridge: netifd cannot add the radio",
    },
    "input.openwrt.package_broken": {
        "vi": "libuci không nạp được gói {package}: dòng {line} không phải lệnh UCI (cả tệp bị từ chối): chưa xác "
        "định được những gì gói này cấu hình",
        "en": "libuci cannot load package {package}: line {line} is no UCI command (the whole file is rejected): "
        "what it configures is not known",
    },
    "input.openwrt.package_unmodelled": {
        "vi": "{what}: được cấu hình nhưng chưa được mô hình hóa",
        "en": "{what}: configured, not modelled",
    },
    "input.openwrt.pkg_mwan3": {
        "vi": "định tuyến theo chính sách đa WAN (mwan3)",
        "en": "multi-WAN policy routing (mwan3)",
    },
    "input.openwrt.pkg_pbr": {"vi": "định tuyến theo chính sách (pbr)", "en": "policy-based routing (pbr)"},
    "input.openwrt.pkg_vpn_policy_routing": {
        "vi": "định tuyến theo chính sách (vpn-policy-routing)",
        "en": "policy-based routing (vpn-policy-routing)",
    },
    "input.openwrt.pkg_openvpn": {"vi": "các đường hầm OpenVPN", "en": "OpenVPN tunnels"},
    "input.openwrt.pkg_bcp38": {"vi": "lọc địa chỉ nguồn theo BCP38", "en": "BCP38 source filtering"},
    "input.openwrt.pkg_banip": {"vi": "các danh sách chặn của banIP", "en": "banIP blocklists"},
    "input.openwrt.pkg_nft_qos": {"vi": "các quy tắc nft-qos", "en": "nft-qos rules"},
    "input.openwrt.pkg_tinc": {"vi": "các đường hầm VPN tinc", "en": "tinc VPN tunnels"},
    # services and proxies (services.py, proxies.py)
    "input.openwrt.dropbear_runtime": {
        "vi": "gắn với {iface}, giao diện có địa chỉ được cấp khi vận hành",
        "en": "bound to {iface}, whose address is assigned at run time",
    },
    "input.openwrt.dnsmasq_listen": {
        "vi": "chưa mô hình hóa listen_address: DNS được coi là trả lời trên mọi địa chỉ",
        "en": "listen_address not modelled: DNS is taken to answer on every address",
    },
    "input.openwrt.package_unread": {
        "vi": "gói {names} không được đọc: một dịch vụ nền (daemon) của gói có thể lắng nghe trên bất kỳ cổng nào",
        "en": "package {names} not read: a daemon of it may listen on any port",
    },
    "input.openwrt.squid_conf": {
        "vi": "tệp cấu hình {path} của squid không có trong đầu vào: squid có thể lắng nghe trên các cổng khác",
        "en": "squid's configuration file {path} is not in the input: squid may listen on other ports",
    },
    "input.openwrt.ss_package": {
        "vi": "{name} chỉ chạy nếu gói của nó (shadowsocks-libev-{name}) đã được cài đặt, điều mà UCI không cho thấy",
        "en": "{name} runs only if its package (shadowsocks-libev-{name}) is installed, which UCI does not show",
    },
    "input.openwrt.ss_rules": {
        "vi": "shadowsocks-libev ss_rules chuyển hướng lưu lượng được chuyển tiếp vào ss-redir (chưa được mô hình hóa)",
        "en": "shadowsocks-libev ss_rules redirects forwarded traffic into ss-redir (not modelled)",
    },
    "input.openwrt.proxy_port_unread": {
        "vi": "{name}: không hiểu được cổng lắng nghe (coi như mọi cổng)",
        "en": "{name}: listening port not understood (any port)",
    },
    "input.openwrt.proxy_host_name": {
        "vi": "{name} lắng nghe trên {addr}, là một tên máy (được mô hình hóa là mọi địa chỉ)",
        "en": "{name} listens on {addr}, a name (modelled as every address)",
    },
    # What a filter does with a packet no line matches (its Filter.default_text: cited in a
    # witness path and a blocked cell's blocking lines).
    "input.openwrt.default.fw4_policy": {
        "vi": "không có quy tắc nào khớp: chính sách mặc định {policy} của fw4 cho {chain}",
        "en": "no rule matched: the fw4 defaults {chain} policy {policy}",
    },
    "input.openwrt.default.dropbear": {
        "vi": "dropbear chỉ lắng nghe trên các địa chỉ của {iface}",
        "en": "dropbear listens only on the addresses of {iface}",
    },
    "input.openwrt.default.p910nd": {
        "vi": "p910nd chỉ lắng nghe trên địa chỉ bind {addr}",
        "en": "p910nd listens only on its bind address {addr}",
    },
    "input.openwrt.default.uhttpd": {
        "vi": "uhttpd chỉ lắng nghe trên các địa chỉ ghi trong listen_*",
        "en": "uhttpd listens only on the addresses of listen_*",
    },
    "input.openwrt.default.dnsmasq_localservice": {
        "vi": "dnsmasq localservice: địa chỉ nguồn không thuộc mạng con cục bộ nào",
        "en": "dnsmasq localservice: the source is not on a local subnet",
    },
    "input.openwrt.default.proxy_listen": {
        "vi": "{name} chỉ lắng nghe trên {address}",
        "en": "{name} listens only on {address}",
    },
    "input.openwrt.default.proxy_client": {
        "vi": "{name} không chấp nhận máy khách này",
        "en": "{name} does not admit this client",
    },
}
