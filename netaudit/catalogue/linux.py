"""Catalogue entries: the Linux routers parser (input.linux.*, netaudit/parsers/linux/).

Its warnings (stored as "FILE[:LINE]: message", input.at) and the reasons it gives for a
construct it understands only partly (its ``partial``; several of one construct are one
input.joined text), and what its filters do with a packet no line matches (their
``default_text``, input.linux.default.*).  The English is the sentence the parser always wrote; file names,
line numbers, names, numbers and quoted configuration text are fields, inserted as they
are.  The generic input entries (files, encodings, truncation, input.at, input.joined)
are in :mod:`netaudit.catalogue.inputs`.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # the reverse-path check of an interface, strict or loose (Interface.urpf_unsure: reason.urpf_unsure)
    "input.linux.rp_filter_unsure": {
        "vi": "rp_filter: all = 1, không có net.ipv4.conf.{name}.rp_filter trong bản dump (1 là strict, 2 là loose)",
        "en": "rp_filter: all = 1, net.ipv4.conf.{name}.rp_filter not in the dump (1 strict, 2 loose)",
    },
    # Linux (its warnings name no file: "line N: …" is input.line)
    "input.linux.no_addr": {
        "vi": "không có mục 'ip -j addr': chưa xác định được các giao diện và địa chỉ của thiết bị",
        "en": "no 'ip -j addr' section: the device's interfaces and addresses are unknown",
    },
    "input.linux.no_route": {
        "vi": "không có mục 'ip -j route show table all': chỉ xác định được các tuyến kết nối trực tiếp (connected)",
        "en": "no 'ip -j route show table all' section: only connected routes are known",
    },
    "input.linux.section_not_read": {
        "vi": "mục '{command}' không được netaudit đọc ({count} dòng)",
        "en": "section '{command}' is not read by netaudit ({count} lines)",
    },
    "input.linux.section_twice": {
        "vi": "mục '{command}' xuất hiện lần thứ hai; chỉ mục đầu tiên được đọc",
        "en": "a second '{command}' section; the first one was read",
    },
    "input.linux.collect_failed": {
        "vi": "lệnh '{command}' bị lỗi khi thu thập: {error}",
        "en": "'{command}' failed when collected: {error}",
    },
    "input.linux.iptables_nft_both": {
        "vi": "các bảng do iptables-nft quản lý xuất hiện trong cả 'nft list ruleset' và 'iptables-save': chỉ "
        "được đọc từ iptables-save",
        "en": "tables managed by iptables-nft appear in both 'nft list ruleset' and 'iptables-save': read "
        "from iptables-save only",
    },
    "input.linux.no_firewall": {
        "vi": "không có mục 'nft list ruleset' hoặc 'iptables-save': tường lửa của thiết bị chưa xác định",
        "en": "no 'nft list ruleset' or 'iptables-save' section: the firewall is unknown",
    },
    "input.linux.firewall_unsure": {
        "vi": "{why}: tường lửa của thiết bị chưa xác định",
        "en": "{why}: the firewall is unknown",
    },
    "input.linux.firewall_unsure_more": {
        "vi": "{why} (và {more} trường hợp khác): tường lửa của thiết bị chưa xác định",
        "en": "{why} (and {more} more): the firewall is unknown",
    },
    "input.linux.no_iptables_reader": {
        "vi": "mục 'iptables-save' không được đọc (không có bộ đọc iptables)",
        "en": "'iptables-save' section not read (the iptables reader is not available)",
    },
    "input.linux.iptables_failed": {
        "vi": "không đọc được mục 'iptables-save': {error}",
        "en": "'iptables-save' section could not be read: {error}",
    },
    "input.linux.iptables_cut_short": {
        "vi": "bản 'iptables-save' bị cắt cụt (có bảng không kết thúc bằng dòng COMMIT)",
        "en": "'iptables-save' is cut short (a table has no COMMIT)",
    },
    "input.linux.iptables_line_unread": {
        "vi": "không đọc được dòng iptables-save ({error})",
        "en": "iptables-save line not read ({error})",
    },
    "input.linux.iptables_no_commit": {
        "vi": "bảng *{table} của iptables-save không có dòng COMMIT: mục này bị cắt cụt",
        "en": "iptables-save table *{table} has no COMMIT: the section was cut short",
    },
    "input.linux.iptables_legacy": {
        "vi": "có các bảng iptables-legacy tồn tại song song với các bảng này nhưng không có trong bản thu thập",
        "en": "iptables-legacy tables exist beside these and are not in this dump",
    },
    "input.linux.iptables_incompatible": {
        "vi": "có bảng iptables-nft không hiển thị được (được tạo bằng nft): các quy tắc của bảng đó không có "
        "trong bản thu thập",
        "en": "a table iptables-nft cannot show (made with nft): rules not in this dump",
    },
    "input.linux.iptables_table_unmodelled": {
        "vi": "bảng iptables *{table} không được mô hình hóa",
        "en": "iptables table *{table} not modelled",
    },
    "input.linux.no_ss": {
        "vi": "không có mục 'ss -Htlnu': chưa xác định được các dịch vụ đang lắng nghe trên thiết bị",
        "en": "no 'ss -Htlnu' section: the device's listening services are unknown",
    },
    "input.linux.every_port_listening": {
        "vi": "mọi cổng TCP/UDP được mô hình hóa là có thể đang lắng nghe",
        "en": "every TCP/UDP port is modelled as possibly listening",
    },
    "input.linux.no_ip_forward": {
        "vi": "bản thu thập không có net.ipv4.ip_forward: giả định thiết bị có chức năng định tuyến (ip_forward = 1)",
        "en": "no net.ipv4.ip_forward in the dump: the device is assumed to route (ip_forward = 1)",
    },
    "input.linux.table_dormant": {
        "vi": "bảng {family} {table} ở trạng thái tạm ngừng (flags dormant): các chain của bảng không lọc lưu "
        "lượng nào",
        "en": "table {family} {table} is dormant (flags dormant): its chains filter nothing",
    },
    "input.linux.flowtable": {
        "vi": "flowtable {name} (chỉ áp dụng offload cho các luồng đã được thiết lập)",
        "en": "flowtable {name} (offloads established flows only)",
    },
    "input.linux.nft_newer": {
        "vi": "nft cảnh báo bảng {family} {table} có thể được liệt kê không đầy đủ (bảng được tạo bởi phiên "
        "bản nftables mới hơn)",
        "en": "nft warns that table {family} {table} may be listed incompletely (made by a newer nftables)",
    },
    "input.linux.nft_outside_table": {
        "vi": "'{text}' nằm ngoài bảng: không được đọc",
        "en": "'{text}' outside a table: not read",
    },
    "input.linux.nft_in_table": {
        "vi": "'{text}' trong bảng {family} {table}: không được đọc",
        "en": "'{text}' in table {family} {table}: not read",
    },
    "input.linux.nft_chain_statement": {
        "vi": "chain {chain}: không phân tích được '{text}'",
        "en": "chain {chain}: '{text}' not understood",
    },
    "input.linux.chain_hook_unmodelled": {
        "vi": "chain {family} {table}/{chain} trên hook {hook}: không được mô hình hóa",
        "en": "{family} chain {table}/{chain} on hook {hook}: not modelled",
    },
    "input.linux.not_json": {
        "vi": "kết quả lệnh '{command}' không ở dạng JSON (cần dùng dạng -j nêu trong docs/vendors/linux.md); "
        "không được đọc",
        "en": "'{command}' output is not JSON (use the -j form of docs/vendors/linux.md); not read",
    },
    "input.linux.json_damaged": {
        "vi": "dữ liệu JSON của '{command}' bị hỏng hoặc bị cắt cụt ({error}); không được đọc",
        "en": "'{command}' JSON is damaged or cut short ({error}); not read",
    },
    "input.linux.not_json_array": {
        "vi": "kết quả lệnh '{command}' không phải mảng JSON; không được đọc",
        "en": "'{command}' is not a JSON array; not read",
    },
    "input.linux.vlan_bridge_port": {
        "vi": "cổng {name} của cầu nối có lọc VLAN (VLAN {vids}): việc phân tách VLAN trên cầu nối không được "
        "mô hình hóa, các cổng của cầu nối được coi là cùng một miền L2",
        "en": "VLAN-aware bridge port {name} (VLANs {vids}): VLAN separation on the bridge is not modelled, "
        "its ports are one L2 domain",
    },
    "input.linux.rule_after_main": {
        "vi": "quy tắc (ip rule) nằm sau bảng main, với các tuyến trong bảng {table}: chỉ được dùng khi bảng "
        "main không có tuyến phù hợp",
        "en": "rule after the main table with routes in table {table}: used when main has no route",
    },
    # Linux partial reasons: why a rule, chain, NAT rule, route or ip rule is only partly
    # understood (configuration text, names and numbers are fields, quoted as they are)
    "input.linux.partial.not_understood": {"vi": "không hiểu được {what}", "en": "{what} not understood"},
    "input.linux.partial.not_modelled": {"vi": "{what} không được mô hình hóa", "en": "{what} not modelled"},
    "input.linux.partial.rule_not_understood": {"vi": "không hiểu được quy tắc", "en": "rule not understood"},
    "input.linux.partial.rule_may_do_anything": {
        "vi": "không hiểu được quy tắc: quy tắc có thể làm bất cứ điều gì",
        "en": "rule not understood: it may do anything",
    },
    "input.linux.partial.target_may_do_anything": {
        "vi": "không hiểu được target {target}: quy tắc có thể làm bất cứ điều gì",
        "en": "target {target} not understood: it may do anything",
    },
    "input.linux.partial.mask_widened": {
        "vi": "địa chỉ {address}: mặt nạ không liên tục, được nới rộng thành /{length}",
        "en": "address {address}: non-contiguous mask widened to /{length}",
    },
    "input.linux.partial.address_not_understood": {
        "vi": "không hiểu được địa chỉ {address}",
        "en": "address {address} not understood",
    },
    "input.linux.partial.protocol_not_understood": {
        "vi": "không hiểu được giao thức {protocol}",
        "en": "protocol {protocol} not understood",
    },
    "input.linux.partial.match_not_understood": {
        "vi": "không hiểu được điều kiện so khớp {match}",
        "en": "match {match} not understood",
    },
    "input.linux.partial.ctstate_dnat_and_others": {
        "vi": "ctstate {states} (DNAT cùng các trạng thái khác) không được mô hình hóa",
        "en": "ctstate {states} (DNAT with other states) not modelled",
    },
    "input.linux.partial.ct_state_not_understood": {
        "vi": "không hiểu được trạng thái conntrack {state}",
        "en": "conntrack state {state} not understood",
    },
    "input.linux.partial.ct_state_notrack": {
        "vi": "điều kiện trạng thái conntrack trong khi bảng raw có quy tắc NOTRACK (có gói tin không được "
        "theo dõi trạng thái)",
        "en": "conntrack state with NOTRACK rules in the raw table (untracked packets)",
    },
    "input.linux.partial.addrtype_limit_iface": {
        "vi": "addrtype {option} {type} không được mô hình hóa (khi dùng kèm --limit-iface)",
        "en": "addrtype {option} {type} not modelled (with --limit-iface)",
    },
    "input.linux.partial.addrtype_no_local": {
        "vi": "addrtype {option} {type} không được mô hình hóa (không biết các địa chỉ cục bộ của thiết bị)",
        "en": "addrtype {option} {type} not modelled (without the device's local addresses)",
    },
    "input.linux.partial.match_set_incomplete": {
        "vi": "--match-set thiếu tên set và hướng so khớp",
        "en": "--match-set without a set and direction",
    },
    "input.linux.partial.ipset_not_in_dump": {
        "vi": "ipset {name}: bản thu thập không có các phần tử của set",
        "en": "ipset {name}: members not in the dump",
    },
    "input.linux.partial.ipset_changed": {
        "vi": "ipset {name}: bị thay đổi lúc chạy bởi -j SET",
        "en": "ipset {name}: changed at run time by -j SET",
    },
    "input.linux.partial.ipset_dimensions": {
        "vi": "ipset {name} {flags}: so khớp nhiều chiều không được mô hình hóa",
        "en": "ipset {name} {flags}: multi-dimension match not modelled",
    },
    "input.linux.partial.policy_user_chain": {
        "vi": "policy {policy} trên một chain do người dùng tạo",
        "en": "policy {policy} on a user chain",
    },
    "input.linux.partial.policy_not_understood": {
        "vi": "không hiểu được policy {policy}",
        "en": "policy {policy} not understood",
    },
    "input.linux.partial.policy_undeclared": {
        "vi": "bản thu thập không có policy của chain (chain không được khai báo)",
        "en": "policy not in the dump (chain not declared)",
    },
    "input.linux.partial.chain_undeclared": {"vi": "chain không được khai báo", "en": "chain not declared"},
    "input.linux.partial.nat_several_ranges": {
        "vi": "{target} có nhiều dải (kernel tự chọn một trong số đó)",
        "en": "{target} with several ranges (the kernel picks among them)",
    },
    "input.linux.partial.netmap": {
        "vi": "NETMAP (ánh xạ 1:1 giữa hai dải mạng) không được mô hình hóa",
        "en": "NETMAP (a 1:1 prefix mapping) not modelled",
    },
    "input.linux.partial.queue_target": {
        "vi": "{target}: một chương trình ở user space quyết định gói tin được chấp nhận hay bị loại bỏ",
        "en": "{target}: a user-space program decides the verdict",
    },
    "input.linux.partial.synproxy": {
        "vi": "SYNPROXY tự trả lời gói SYN và chỉ cho kết nối đi qua sau khi hoàn tất bắt tay",
        "en": "SYNPROXY answers the SYN itself and lets the connection through after the handshake",
    },
    "input.linux.partial.tproxy": {
        "vi": "TPROXY chuyển hướng gói tin tới một socket cục bộ",
        "en": "TPROXY diverts the packet to a local socket",
    },
    "input.linux.partial.hmark": {
        "vi": "HMARK đặt dấu (mark) cho gói tin theo giá trị băm",
        "en": "HMARK sets a hash-based packet mark",
    },
    "input.linux.partial.mark_without_value": {
        "vi": "không hiểu được MARK thiếu giá trị mark",
        "en": "MARK without a mark not understood",
    },
    "input.linux.partial.guard_too_big": {
        "vi": "quá nhiều điều kiện sau các quy tắc return/goto",
        "en": "too many conditions after return/goto rules",
    },
    "input.linux.partial.jump_to_missing_chain": {
        "vi": "{verdict} tới chain {chain}, nhưng bản thu thập không có chain này",
        "en": "{verdict} to chain {chain}, which is not in the dump",
    },
    "input.linux.partial.chain_missing": {
        "vi": "bản thu thập không có chain {chain}",
        "en": "chain {chain} not in the dump",
    },
    "input.linux.partial.jump_too_deep": {
        "vi": "{verdict} tạo vòng lặp hoặc lồng sâu quá {depth} cấp tại chain {chain}",
        "en": "{verdict} loop or nesting deeper than {depth} at chain {chain}",
    },
    "input.linux.partial.jump_loop": {"vi": "vòng lặp jump", "en": "jump loop"},
    "input.linux.partial.after_partial": {
        "vi": "nằm sau một quy tắc {verdict} chưa được hiểu đầy đủ (dòng {line})",
        "en": "follows a partially understood {verdict} (line {line})",
    },
    "input.linux.partial.too_many_conditions": {"vi": "quá nhiều điều kiện", "en": "too many conditions"},
    "input.linux.partial.too_many_rules": {
        "vi": "quá nhiều quy tắc sau khi ghép các base chain",
        "en": "too many rules after composing the base chains",
    },
    "input.linux.partial.too_many_marks": {
        "vi": "quá nhiều điều kiện về dấu (mark)",
        "en": "too many mark conditions",
    },
    "input.linux.partial.ct_dnat_approximated": {
        "vi": "ct status dnat được tính gần đúng từ các quy tắc DNAT, theo hướng có thể che khuất lưu lượng",
        "en": "ct status dnat approximated by the DNAT image in a direction that could hide traffic",
    },
    "input.linux.partial.nat_chain_verdict": {
        "vi": "{verdict} trong chain NAT không được mô hình hóa",
        "en": "{verdict} in a NAT chain not modelled",
    },
    "input.linux.partial.verdict_in_dnat_chain": {
        "vi": "{verdict} trong chain NAT đích không được mô hình hóa",
        "en": "{verdict} in a destination NAT chain not modelled",
    },
    "input.linux.partial.verdict_in_snat_chain": {
        "vi": "{verdict} trong chain NAT nguồn không được mô hình hóa",
        "en": "{verdict} in a source NAT chain not modelled",
    },
    "input.linux.partial.nat_port_range": {
        "vi": "dải cổng {low}-{high}: được mô hình hóa bằng cổng đầu tiên của dải",
        "en": "port range {low}-{high}: modelled as its first port",
    },
    "input.linux.partial.nat_address_range": {
        "vi": "dải địa chỉ: được mô hình hóa bằng địa chỉ đầu tiên của dải",
        "en": "address range: modelled as its first address",
    },
    "input.linux.partial.dnat_target_not_understood": {
        "vi": "không hiểu được đích của dnat",
        "en": "dnat target not understood",
    },
    "input.linux.partial.snat_port_rewrite": {
        "vi": "việc đổi cổng nguồn không được mô hình hóa",
        "en": "source port rewrite not modelled",
    },
    "input.linux.partial.family_hook": {
        "vi": "chain thuộc họ {family} trên hook {hook}: không được mô hình hóa",
        "en": "{family} family chain on hook {hook}: not modelled",
    },
    "input.linux.partial.no_priority": {
        "vi": "không hiểu được priority (không có giá trị)",
        "en": "priority (none) not understood",
    },
    "input.linux.partial.chain_device": {
        "vi": "chain gắn với thiết bị mạng {device}",
        "en": "chain bound to device {device}",
    },
    # said of a named set: "set @NAME {why}" (input.linux.partial.set_unknown)
    "input.linux.partial.set_filled_at_run_time": {"vi": "được thêm phần tử lúc chạy", "en": "is filled at run time"},
    "input.linux.partial.set_line_not_understood": {
        "vi": "có một dòng không hiểu được (dòng {line})",
        "en": "has a line not understood (line {line})",
    },
    "input.linux.partial.set_unknown": {"vi": "tập (set) {set} {why}", "en": "set {set} {why}"},
    "input.linux.partial.set_undefined": {
        "vi": "tập (set) {set} không được định nghĩa trong bảng {table}",
        "en": "set {set} not defined in table {table}",
    },
    "input.linux.partial.set_element_open": {
        "vi": "không hiểu được phần tử {element} của tập (set) (có dấu '{{' chưa được đóng?)",
        "en": "set element {element} not understood (a '{{' left open?)",
    },
    "input.linux.partial.variable_undefined": {
        "vi": "biến {variable} chưa được định nghĩa",
        "en": "variable {variable} not defined",
    },
    "input.linux.partial.comment_before_verdict": {
        "vi": "'#{comment}' nằm trước verdict của quy tắc",
        "en": "'#{comment}' before the rule's verdict",
    },
    "input.linux.partial.anonymous_chain": {
        "vi": "{verdict} tới một chain ẩn danh ({verdict} {{ … }}) không được mô hình hóa",
        "en": "{verdict} to an anonymous chain ({verdict} {{ … }}) not modelled",
    },
    "input.linux.partial.queue_statement": {
        "vi": "queue: một chương trình ở user space quyết định gói tin được chấp nhận hay bị loại bỏ",
        "en": "queue: the verdict is taken by a user-space program",
    },
    "input.linux.partial.rate_or_quota": {
        "vi": "{statement} (tốc độ hoặc hạn mức được quyết định lúc chạy)",
        "en": "{statement} (rate or quota decided at run time)",
    },
    "input.linux.partial.xt_untranslated": {
        "vi": "iptables-nft 'xt {kind} {name}': nft không cho biết biểu thức này làm gì",
        "en": "iptables-nft 'xt {kind} {name}': nft does not show what it does",
    },
    "input.linux.partial.statement_unmodelled": {
        "vi": "câu lệnh '{statement}' không được mô hình hóa",
        "en": "'{statement}' statement not modelled",
    },
    "input.linux.partial.field_rewrite": {
        "vi": "'{expression} set' ghi đè một trường mà các quy tắc dùng để so khớp: không được mô hình hóa",
        "en": "'{expression} set' rewrites a field the rules match on: not modelled",
    },
    "input.linux.partial.concatenation": {
        "vi": "phép ghép (concatenation) không được mô hình hóa",
        "en": "concatenation not modelled",
    },
    "input.linux.partial.concatenation_key": {
        "vi": "{map} có khóa là phép ghép (concatenation): không được mô hình hóa",
        "en": "{map} keyed on a concatenation not modelled",
    },
    "input.linux.partial.concat_element": {
        "vi": "không hiểu được phần tử ghép (concatenation) {element}",
        "en": "concatenation element {element} not understood",
    },
    "input.linux.partial.value_not_understood": {
        "vi": "không hiểu được giá trị {value}",
        "en": "value {value} not understood",
    },
    "input.linux.partial.notrack_not_new": {
        "vi": "có quy tắc notrack: một số gói tin ở trạng thái untracked, không phải new",
        "en": "notrack rules: some packets are untracked, not new",
    },
    "input.linux.partial.lookup_unmodelled": {
        "vi": "phép tra cứu '{lookup}' không được mô hình hóa",
        "en": "'{lookup}' lookup not modelled",
    },
    "input.linux.partial.data_map": {
        "vi": "data map (giá trị phụ thuộc vào gói tin) không được mô hình hóa",
        "en": "data map (the value depends on the packet) not modelled",
    },
    "input.linux.partial.vmap_element": {
        "vi": "không hiểu được phần tử {element} của verdict map",
        "en": "verdict map element {element} not understood",
    },
    "input.linux.partial.vmap_key": {
        "vi": "không hiểu được khóa {map_key} của verdict map",
        "en": "verdict map key {map_key} not understood",
    },
    "input.linux.partial.nat_map_element": {
        "vi": "không hiểu được phần tử {element} của map {verdict}",
        "en": "{verdict} map element {element} not understood",
    },
    "input.linux.partial.nat_map": {
        "vi": "không hiểu được {verdict} tới một map",
        "en": "{verdict} to a map not understood",
    },
    "input.linux.partial.no_groups": {
        "vi": "điều kiện theo nhóm giao diện: không có mục 'ip -j addr' cho biết nhóm của các giao diện",
        "en": "interface group match: no 'ip -j addr' section tells the interfaces' groups",
    },
    "input.linux.partial.group_comparison": {
        "vi": "nhóm giao diện {op} {value}: phép so sánh không được mô hình hóa",
        "en": "interface group {op} {value}: comparison not modelled",
    },
    "input.linux.partial.group_not_understood": {
        "vi": "không hiểu được nhóm giao diện {value}",
        "en": "interface group {value} not understood",
    },
    "input.linux.partial.group_unknown": {
        "vi": "nhóm giao diện {wanted}: chưa biết số nhóm của {shown}",
        "en": "interface group {wanted}: the group of {shown} is not known as a number",
    },
    # one interface of input.linux.partial.group_unknown, then ({sep}) the next ones ({more})
    "input.linux.partial.group_shown": {
        "vi": "{name} (nhóm {group}){sep}{more}",
        "en": "{name} ({group}){sep}{more}",
    },
    "input.linux.partial.group_not_shown": {
        "vi": "{name} (không hiển thị nhóm){sep}{more}",
        "en": "{name} (not shown){sep}{more}",
    },
    "input.linux.partial.throw_route": {
        "vi": "tuyến throw: việc tra cứu tiếp tục với ip rule kế tiếp (không được mô hình hóa)",
        "en": "throw route: the lookup goes on with the next ip rule (not modelled)",
    },
    "input.linux.partial.route_type": {
        "vi": "loại tuyến {type} không được mô hình hóa",
        "en": "route type {type} not modelled",
    },
    "input.linux.partial.route_interface": {
        "vi": "giao diện {name} không có trong ip addr",
        "en": "interface {name} not in ip addr",
    },
    "input.linux.partial.rule_action": {
        "vi": "hành động (action) {action} của ip rule không được mô hình hóa",
        "en": "action {action} not modelled",
    },
    "input.linux.partial.rule_goto": {
        "vi": "goto trong ip rule không được mô hình hóa",
        "en": "goto in ip rule not modelled",
    },
    "input.linux.partial.rule_address": {"vi": "không hiểu được địa chỉ", "en": "address not understood"},
    "input.linux.partial.mark_at_run_time": {
        "vi": "một quy tắc tường lửa đặt dấu (mark) được tính lúc chạy",
        "en": "a firewall rule sets a mark computed at run time",
    },
    "input.linux.partial.mark_reason": {"vi": "dấu (mark): {why}", "en": "mark: {why}"},
    "input.linux.partial.proxy_port": {
        "vi": "tcp/{port} là cổng thường dùng của {program}: bản thu thập không cho biết chương trình nào đang "
        "lắng nghe (ss -p, chạy với quyền root, sẽ cho biết), nên đó có thể là một proxy",
        "en": "tcp/{port} is the conventional port of {program}: the dump does not say which program listens "
        "(ss -p, run as root, shows it), so it may be a proxy",
    },
    # iptables match modules netaudit does not model (input.linux.partial.not_modelled)
    "input.linux.module.limit": {"vi": "giới hạn tốc độ (-m limit)", "en": "rate limit (-m limit)"},
    "input.linux.module.hashlimit": {"vi": "giới hạn tốc độ (-m hashlimit)", "en": "rate limit (-m hashlimit)"},
    "input.linux.module.recent": {
        "vi": "danh sách địa chỉ gặp gần đây (-m recent)",
        "en": "recently-seen list (-m recent)",
    },
    "input.linux.module.string": {
        "vi": "chuỗi trong nội dung gói tin (-m string)",
        "en": "payload string (-m string)",
    },
    "input.linux.module.time": {"vi": "thời gian trong ngày (-m time)", "en": "time of day (-m time)"},
    "input.linux.module.mark": {"vi": "dấu của gói tin (-m mark)", "en": "packet mark (-m mark)"},
    "input.linux.module.connmark": {"vi": "dấu của kết nối (-m connmark)", "en": "connection mark (-m connmark)"},
    "input.linux.module.physdev": {"vi": "cổng của cầu nối (-m physdev)", "en": "bridge port (-m physdev)"},
    "input.linux.module.length": {"vi": "độ dài gói tin (-m length)", "en": "packet length (-m length)"},
    "input.linux.module.ttl": {"vi": "giá trị TTL (-m ttl)", "en": "TTL (-m ttl)"},
    "input.linux.module.dscp": {"vi": "giá trị DSCP (-m dscp)", "en": "DSCP (-m dscp)"},
    "input.linux.module.tos": {"vi": "giá trị TOS (-m tos)", "en": "TOS (-m tos)"},
    "input.linux.module.ecn": {"vi": "các bit ECN (-m ecn)", "en": "ECN (-m ecn)"},
    "input.linux.module.pkttype": {
        "vi": "loại gói tin ở tầng liên kết (-m pkttype)",
        "en": "link-layer packet type (-m pkttype)",
    },
    "input.linux.module.mac": {"vi": "địa chỉ MAC (-m mac)", "en": "MAC address (-m mac)"},
    "input.linux.module.owner": {"vi": "chủ sở hữu socket (-m owner)", "en": "socket owner (-m owner)"},
    "input.linux.module.policy": {"vi": "chính sách IPsec (-m policy)", "en": "IPsec policy (-m policy)"},
    "input.linux.module.u32": {"vi": "so khớp nội dung gói tin bằng u32", "en": "u32 payload match"},
    "input.linux.module.connlimit": {"vi": "số lượng kết nối (-m connlimit)", "en": "connection count (-m connlimit)"},
    "input.linux.module.connbytes": {
        "vi": "số byte của kết nối (-m connbytes)",
        "en": "connection bytes (-m connbytes)",
    },
    "input.linux.module.helper": {"vi": "helper của conntrack (-m helper)", "en": "conntrack helper (-m helper)"},
    "input.linux.module.quota": {"vi": "hạn mức (-m quota)", "en": "quota (-m quota)"},
    "input.linux.module.statistic": {
        "vi": "lấy mẫu ngẫu nhiên hoặc theo thứ tự (-m statistic)",
        "en": "random/nth sampling (-m statistic)",
    },
    "input.linux.module.socket": {"vi": "tra cứu socket (-m socket)", "en": "socket lookup (-m socket)"},
    "input.linux.module.rpfilter": {
        "vi": "kiểm tra đường về của địa chỉ nguồn (-m rpfilter)",
        "en": "reverse-path lookup (-m rpfilter)",
    },
    "input.linux.module.bpf": {"vi": "chương trình BPF (-m bpf)", "en": "BPF program (-m bpf)"},
    "input.linux.module.cgroup": {"vi": "nhóm tiến trình (-m cgroup)", "en": "cgroup (-m cgroup)"},
    "input.linux.module.realm": {"vi": "vùng định tuyến (-m realm)", "en": "routing realm (-m realm)"},
    "input.linux.module.ipvs": {"vi": "thuộc tính IPVS của gói tin (-m ipvs)", "en": "IPVS (-m ipvs)"},
    "input.linux.module.cluster": {"vi": "phân chia theo cụm (-m cluster)", "en": "cluster (-m cluster)"},
    "input.linux.module.cpu": {"vi": "CPU xử lý gói tin (-m cpu)", "en": "CPU (-m cpu)"},
    "input.linux.module.esp": {"vi": "SPI của ESP (-m esp)", "en": "ESP SPI (-m esp)"},
    "input.linux.module.ah": {"vi": "SPI của AH (-m ah)", "en": "AH SPI (-m ah)"},
    "input.linux.module.sctp": {"vi": "cổng/chunk SCTP (-m sctp)", "en": "SCTP ports/chunks (-m sctp)"},
    "input.linux.module.dccp": {"vi": "cổng DCCP (-m dccp)", "en": "DCCP ports (-m dccp)"},
    "input.linux.module.geoip": {"vi": "quốc gia theo GeoIP", "en": "GeoIP country"},
    "input.linux.module.condition": {"vi": "cờ điều kiện (condition)", "en": "condition flag"},
    "input.linux.module.rateest": {"vi": "bộ ước lượng tốc độ (rateest)", "en": "rate estimator"},
    "input.linux.module.nfacct": {"vi": "bộ đếm nfacct", "en": "nfacct counter"},
    "input.linux.module.osf": {"vi": "nhận dạng hệ điều hành (-m osf)", "en": "OS fingerprint (-m osf)"},
    "input.linux.module.ipv4options": {"vi": "tùy chọn IP (IP options)", "en": "IP options"},
    "input.linux.module.dst": {"vi": "tùy chọn IPv6", "en": "IPv6 options"},
    "input.linux.module.tcpmss": {"vi": "giá trị TCP MSS (-m tcpmss)", "en": "TCP MSS (-m tcpmss)"},
    "input.linux.module.set_counters": {"vi": "bộ đếm của ipset", "en": "ipset counters"},
    # What a filter does with a packet no line matches (its Filter.default_text: cited in a
    # witness path and a blocked cell's blocking lines).
    "input.linux.default.policy": {
        "vi": "không có quy tắc nào khớp: chính sách mặc định {policy} của hook {hook} ({table}/{chain})",
        "en": "no rule matched: the {hook} policy ({policy}) of {table}/{chain}",
    },
    "input.linux.default.socket": {
        "vi": "socket chỉ lắng nghe trên {addr}",
        "en": "the socket listens on {addr} only",
    },
}
