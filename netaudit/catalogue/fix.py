"""Catalogue entries of ``netaudit fix`` (netaudit/remedy/, docs/remedy.md): why a change
set is not proposed, why a finding it addresses is still open after it."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # the fix/ folder's README.md and the terminal summary (netaudit/remedy/write.py)
    "fix.readme.title": {"vi": "Kế hoạch khắc phục", "en": "Remediation plan"},
    "fix.readme.not_proposed": {"vi": "Không đề xuất", "en": "Not proposed"},
    "fix.readme.change_set": {"vi": "Thay đổi", "en": "Change set"},
    "fix.readme.rollback": {"vi": "hoàn tác", "en": "rollback"},
    "fix.readme.reaudit": {"vi": "Kết quả kiểm tra lại", "en": "Re-audit"},
    "fix.readme.after_secrets": {
        "vi": "`after/` chứa toàn bộ cấu hình của thiết bị sau thay đổi, kể cả mật khẩu và khóa: chỉ chủ sở hữu "
        "đọc được, không gửi cho người khác; các tệp thay đổi `<thiết bị>.txt` không chứa bí mật nào.",
        "en": "`after/` holds the devices' whole configurations after the change, passwords and keys included: "
        "readable by you only, do not pass it on; the change sets `<device>.txt` hold no secret.",
    },
    "fix.readme.after_secrets_sets": {
        "vi": "`after/` chứa toàn bộ cấu hình của thiết bị sau thay đổi, kể cả mật khẩu và khóa: chỉ chủ sở hữu "
        "đọc được, không gửi cho người khác; các tệp thay đổi của {devices} cũng chứa bí mật của thiết bị "
        "(một lệnh phải ghi lại nó, ví dụ chuỗi community SNMP): chỉ chủ sở hữu đọc được, giữ như chính cấu hình.",
        "en": "`after/` holds the devices' whole configurations after the change, passwords and keys included: "
        "readable by you only, do not pass it on; the change sets of {devices} hold device secrets too (a command "
        "must name them, an SNMP community say): readable by you only, keep them as the configuration itself.",
    },
    "fix.readme.closed": {"vi": "Phát hiện được khắc phục", "en": "Findings closed"},
    "fix.readme.left": {"vi": "Phát hiện còn lại", "en": "Findings left"},
    "fix.readme.new": {"vi": "Phát hiện mới", "en": "New findings"},
    "fix.readme.findings": {"vi": "phát hiện", "en": "findings"},
    "fix.readme.lost": {"vi": "Luồng được phép bị mất", "en": "Allowed flows lost"},
    "fix.readme.kept": {"vi": "mọi luồng được phép vẫn thông", "en": "every allowed flow still flows"},
    "fix.summary": {
        "vi": "netaudit fix: {changes} thay đổi trong {out}; đóng {closed}, còn {left}, mất luồng {lost} — chứng minh "
        "{verdict}",
        "en": "netaudit fix: {changes} change set(s) in {out}; closed {closed}, left {left}, flows lost {lost} — proof "
        "{verdict}",
    },
    "fix.summary.holds": {"vi": "đạt", "en": "holds"},
    "fix.summary.fails": {"vi": "CHƯA ĐẠT", "en": "DOES NOT HOLD"},
    # a device whose configuration was not read as its vendor's (parsers.assess)
    "fix.withdrawn.not_read": {
        "vi": "cấu hình của thiết bị không được đọc như cú pháp {vendor} ({why}): một bộ lệnh theo cú pháp đó "
        "sẽ chỉ là phỏng đoán — không đề xuất; làm theo hướng dẫn của từng phát hiện",
        "en": "the device's configuration was not read as {vendor} syntax ({why}): a change set in that "
        "syntax would be a guess — not proposed; follow each finding's remediation",
    },
    # a flow the change set was to block: after it, the cell is unknown (never a pass)
    "fix.left.unknown_after": {
        "vi": "sau thay đổi, không chứng minh được {src} → {dst} là chặn hay đi tới được ({reason}): không tính "
        "là đã khắc phục",
        "en": "after the change netaudit can prove {src} → {dst} neither blocked nor reachable ({reason}): not "
        "counted as closed",
    },
    # a flow the change set was to block: after it, what surely arrives is within the
    # policy, but what may arrive is beyond it (Cell.may_violate: not proven either way)
    "fix.left.may_violate_after": {
        "vi": "sau thay đổi, {src} → {dst} chỉ chắc chắn đi tới được trong phạm vi chính sách; phần có thể đi tới "
        "ngoài phạm vi đó không chứng minh được là chặn hay đi tới được ({reason}): không tính là đã khắc phục",
        "en": "after the change {src} → {dst} surely reaches only what the policy allows; what may reach beyond "
        "it netaudit can prove neither blocked nor reachable ({reason}): not counted as closed",
    },
    # an unknown verdict: no change is proposed blind
    "fix.left.unknown": {
        "vi": "không chứng minh được luồng này là chặn hay đi tới được: không thể sửa khi chưa biết — làm rõ "
        "nguyên nhân (cấu hình thiếu, dòng chưa nhận dạng) rồi chạy lại",
        "en": "this flow can be proven neither blocked nor reachable: it cannot be fixed blind — resolve why "
        "(missing configuration, lines not understood) and run again",
    },
    # IOS: a static NAT publishes an inside host; a stateless ACL cannot close it
    "fix.left.static_nat": {
        "vi": "NAT tĩnh đưa {src} vào {dst} ({where}): phải gỡ bỏ hoặc thu hẹp chính dòng NAT đó; ACL không trạng "
        "thái không chặn được mà không cắt cả lưu lượng trả về",
        "en": "a static NAT lets {src} into {dst} ({where}): that NAT line itself must go or be narrowed; no "
        "stateless ACL stops it without cutting its replies too",
    },
    # IOS: an external block with no NAT-outside interface to put an ACL on
    "fix.left.needs_stateful": {
        "vi": "chặn {src} → {dst} cần bộ lọc có trạng thái (không có giao diện ip nat outside để đặt ACL an toàn): "
        "chưa đề xuất thay đổi",
        "en": "blocking {src} → {dst} needs stateful filtering (no ip nat outside interface to put a safe ACL "
        "on): no change proposed",
    },
    # IOS: the device's own address on an interface is learned at run time
    "fix.left.dynamic_address": {
        "vi": "{device} nhận địa chỉ lúc chạy (DHCP/PPP) trên {interfaces}: mục ACL không ghi được địa chỉ đó, nên "
        "{services} tới địa chỉ ấy có thể vẫn tới được — giới hạn bằng thiết lập của chính dịch vụ nếu dịch vụ có "
        "(SSH/Telnet: vty access-class; HTTP: ip http access-class), còn DNS, DHCP và các dịch vụ khác: bằng "
        "control-plane policy",
        "en": "{device} learns its address on {interfaces} at run time (DHCP/PPP): no ACL entry can name it, so "
        "{services} to that address may still be reached — limit them by the service's own setting where it has "
        "one (SSH/Telnet: vty access-class; HTTP: ip http access-class), DNS, DHCP and the others by a "
        "control-plane policy",
    },
    # IOS: a cleartext L2TP/PPTP server (vpdn-group accept-dialin) on a device whose address comes at run
    # time, reached from an inside zone: no ACL names the address and the vpdn-group has no source setting
    "fix.left.dynamic_address_tunnel": {
        "vi": "{device} nhận địa chỉ lúc chạy (DHCP/PPP) trên {interfaces}: mục ACL không ghi được địa chỉ đó, nên "
        "các vùng bên trong có thể vẫn tới được {services} (máy chủ đường hầm không mã hóa, vpdn-group "
        "accept-dialin) tại địa chỉ ấy; vpdn-group không có thiết lập giới hạn theo nguồn — khi không còn ai quay "
        "số vào, gỡ accept-dialin khỏi vpdn-group, hoặc chặn bằng control-plane policy",
        "en": "{device} learns its address on {interfaces} at run time (DHCP/PPP): no ACL entry can name it, so "
        "the inside zones may still reach {services} (a cleartext tunnel server, vpdn-group accept-dialin) at "
        "that address; the vpdn-group has no setting that limits it by source — once nobody dials in, remove "
        "accept-dialin from the vpdn-group, or drop it by a control-plane policy",
    },
    # IOS: a cleartext L2TP/PPTP server the Internet reaches, on a run-time address beside a static NAT
    # IOS: a gateway service (DNS, DHCP) the Internet reaches on a run-time address beside a static NAT
    "fix.left.edge_dynamic_nat": {
        "vi": "{services} trên {device} trả lời từ Internet trên địa chỉ nhận lúc chạy (DHCP/PPP), và thiết bị có NAT "
        "tĩnh đưa máy bên trong ra Internet: chặn cổng đó tới mọi địa chỉ trên cổng WAN có thể cắt máy được công bố — "
        "chặn cổng đó tới địa chỉ nhà mạng cấp, bằng tay, hoặc bằng control-plane policy",
        "en": "{services} on {device} answers the Internet on an address learned at run time (DHCP/PPP), and the "
        "device publishes inside hosts by static NAT: denying the port to every address on the WAN could cut a "
        "published host — deny it to the address the provider gives, by hand, or by a control-plane policy",
    },
    "fix.left.tunnel_dynamic_nat": {
        "vi": "{services} trên {device} (máy chủ đường hầm không mã hóa, vpdn-group accept-dialin) trả lời từ "
        "Internet trên địa chỉ nhận lúc chạy, và thiết bị có NAT tĩnh đưa máy bên trong ra Internet: chặn cổng "
        "đó tới mọi địa chỉ trên cổng WAN có thể cắt máy được công bố — khi không còn ai quay số vào, gỡ "
        "accept-dialin khỏi vpdn-group; hoặc chặn cổng đó tới địa chỉ nhà mạng cấp, bằng tay",
        "en": "{services} on {device} (a cleartext tunnel server, vpdn-group accept-dialin) answers the Internet "
        "on an address learned at run time, and the device publishes inside hosts by static NAT: denying the "
        "port to every address on the WAN could cut a published host — once nobody dials in, remove accept-dialin "
        "from the vpdn-group; or deny the port to the address the provider gives, by hand",
    },
    # a VPN endpoint the reference policy lets the Internet reach, reached from an inside zone too
    "fix.left.tunnel_zone_service": {
        "vi": "vùng {zone} nằm sau đường hầm IPsec: gói tin của vùng đến {device} đã giải mã, không ACL cổng nào "
        "kiểm tra, và tập cấu hình không có vùng quản trị để giới hạn {service} ({ports}) về đó — giới hạn trong "
        "danh sách truy cập riêng của dịch vụ (access-class) hoặc thu hẹp crypto ACL",
        "en": "zone {zone} is behind an IPsec tunnel: its packets reach {device} decrypted, past every interface "
        "ACL, and the site file names no management zone to limit {service} ({ports}) to — limit it in the "
        "service's own access list (access-class) or narrow the crypto ACL",
    },
    "fix.left.edge_vpn": {
        "vi": "{service} trên {device} là điểm kết nối VPN mà chính sách cho phép từ Internet: bộ thay đổi không tắt "
        "nó; vùng {zone} vẫn tới được cổng này — nếu cần, chặn riêng cổng đó từ vùng {zone} trong chain input",
        "en": "{service} on {device} is the VPN endpoint the policy lets the Internet reach: the change set does "
        "not turn it off; zone {zone} still reaches its port — if needed, drop that port from zone {zone} in the "
        "input chain",
    },
    # a gateway service (DNS, DHCP) the inside zones use, answering the Internet too
    "fix.left.edge_gateway_service": {
        "vi": "{service} trên {device} phục vụ các vùng bên trong và cũng trả lời từ Internet (với DNS: máy chủ "
        "phân giải mở, bị lợi dụng để khuếch đại tấn công): bộ thay đổi không tắt dịch vụ mà các vùng bên trong "
        "đang dùng — chặn {ports} tới thiết bị trên cổng hướng Internet (chain/ACL đầu vào của cổng WAN)",
        "en": "{service} on {device} serves the inside zones and answers the Internet too (for DNS: an open "
        "resolver, abused to amplify attacks): the change set does not turn off a service the inside zones use — "
        "drop {ports} to the device on the Internet-facing interface (the WAN port's input chain or inbound ACL)",
    },
    # FortiOS: the Internet reaches DNS on an address whose interface has no DNS server entry
    "fix.left.edge_dns_by_policy": {
        "vi": "{device} trả lời DNS từ Internet mà {interfaces} không có mục config system dns-server: Internet tới "
        "được máy chủ DNS của cổng khác qua một chính sách tường lửa có đích bao cả địa chỉ của chính FortiGate — "
        "thu hẹp đích của chính sách đó, hoặc chặn DNS (udp/tcp 53) trên {interfaces} bằng config firewall "
        "local-in-policy",
        "en": "{device} answers DNS from the Internet although {interfaces} has no config system dns-server "
        "entry: the Internet reaches another interface's DNS server through a firewall policy whose destination "
        "covers the FortiGate's own addresses — narrow that policy's destination, or deny DNS (udp/tcp 53) on "
        "{interfaces} with a config firewall local-in-policy",
    },
    # FortiOS: an inside zone resolves at the WAN address (no DNS server entry of its own)
    "fix.left.edge_dns_zone_uses_wan": {
        "vi": "vùng {zone} phân giải DNS tại địa chỉ của {interfaces} trên {device} (cổng của vùng không có mục "
        "config system dns-server): xóa mục DNS của {interfaces} sẽ làm vùng mất DNS — thêm mục dns-server cho "
        "cổng của vùng (và cho DHCP của vùng trỏ DNS về đó), rồi mới xóa mục của {interfaces}",
        "en": "zone {zone} resolves at the address of {interfaces} on {device} (the zone's interface has no "
        "config system dns-server entry): deleting the DNS entry of {interfaces} would take the zone's DNS — add "
        "a dns-server entry for the zone's interface (and point the zone's DHCP DNS to it), then delete the one "
        "of {interfaces}",
    },
    # IOS change set: a cleartext L2TP/PPTP server closed where the Internet enters
    "fix.note.tunnel_closed": {
        "vi": "Máy chủ L2TP/PPTP không mã hóa {services} trên {device} bị chặn từ Internet ngay tại cổng WAN: người "
        "dùng ở xa đang quay số vào đó sẽ mất kết nối. Trước khi áp dụng, cấp cho họ VPN có mã hóa (IPsec/IKEv2, "
        "L2TP over IPsec); khi không còn ai quay số vào, gỡ phần accept-dialin của vpdn-group tương ứng. GRE không "
        "bị chặn: phiên GRE của PPTP chỉ mở qua kết nối tcp/1723, và chặn GRE trên cổng WAN sẽ cắt phiên PPTP của "
        "chính máy bên trong ra ngoài (qua NAT).",
        "en": "The L2TP/PPTP servers without encryption {services} on {device} are closed from the Internet at the "
        "WAN interface: the remote users who dial in there lose them. Before applying, give them an encrypted VPN "
        "(IPsec/IKEv2, L2TP over IPsec); once nobody dials in, remove the accept-dialin part of the vpdn-group "
        "named. GRE is not denied: a PPTP session's GRE opens only through its tcp/1723 connection, and a GRE deny "
        "on the WAN would cut the inside hosts' own PPTP sessions out (through NAT).",
    },
    # IOS change set: an old permit of the WAN's ACL a new deny leaves matching nothing
    "fix.note.dead_permit": {
        "vi": "Mục cũ của ACL {acl} không còn khớp gói nào sau thay đổi ({line}): xóa nó khi đã kiểm tra xong (lần "
        "kiểm tra lại báo nó bị che khuất).",
        "en": "An old entry of ACL {acl} matches nothing after the change ({line}): delete it once the change is "
        "checked (the re-audit reports it shadowed).",
    },
    # FortiOS change set: the WAN's DNS server entry deleted
    "fix.note.fortios_dns_wan_deleted": {
        "vi": "Máy chủ DNS trên {interfaces} bị xóa (config system dns-server → delete): FortiGate không còn trả "
        "lời DNS từ Internet; các cổng bên trong giữ mục của mình ({kept}). Kiểm tra từ bên ngoài: truy vấn DNS "
        "tới địa chỉ WAN (dig @<địa chỉ WAN> example.com) phải hết thời gian chờ; từ mạng nội bộ vẫn phân giải "
        "được.",
        "en": "The DNS server on {interfaces} is deleted (config system dns-server → delete): the FortiGate no "
        "longer answers DNS from the Internet; the inside interfaces keep their entries ({kept}). Check from "
        "outside: a DNS query to the WAN address (dig @<WAN address> example.com) must time out; the LAN still "
        "resolves.",
    },
    # Linux change set: a gateway service dropped where the Internet enters
    "fix.note.linux_edge_close": {
        "vi": "{services} tới máy bị chặn trên {interfaces} (cổng hướng Internet), đầu chuỗi {chain}: máy không còn "
        "là máy chủ phân giải mở; dịch vụ (dnsmasq, unbound, bind) vẫn phục vụ mạng nội bộ — đừng tắt nó. {ipv6}",
        "en": "{services} to the host dropped on {interfaces} (where the Internet enters), first in {chain}: the "
        "host is no open resolver any more; the daemon (dnsmasq, unbound, bind) still serves the inside networks — "
        "do not stop it. {ipv6}",
    },
    "fix.note.linux_edge_close.inet": {
        "vi": "Bảng inet: luật chặn áp dụng cho cả IPv6.",
        "en": "An inet table: the drops hold for IPv6 too.",
    },
    "fix.note.linux_edge_close.ip6": {
        "vi": "Luật chặn cũng được đặt đầu chuỗi input IPv6 ({chains}); netaudit không kiểm tra IPv6, hãy thử lại "
        "từ bên ngoài qua IPv6.",
        "en": "The drops go first in the IPv6 input chain(s) too ({chains}); netaudit does not audit IPv6: test "
        "it from outside over IPv6.",
    },
    "fix.note.linux_edge_close.ipv4": {
        "vi": "netaudit không kiểm tra IPv6: nếu cổng đó có địa chỉ IPv6, chặn cùng các cổng dịch vụ trong "
        "ip6tables / bảng ip6 của máy.",
        "en": "netaudit does not audit IPv6: if that interface has an IPv6 address, drop the same ports in "
        "ip6tables / the host's ip6 table too.",
    },
    # anti-spoofing on an interface whose own addresses include the forged ones
    "fix.left.spoof_same_segment": {
        "vi": "{zone} vào {device} qua {interface}, cùng đoạn mạng với một vùng mà nó tới được: địa chỉ của vùng đó "
        "cũng hợp lệ trên cổng này, kiểm tra địa chỉ nguồn theo cổng không phân biệt được (các nguồn giả mạo khác "
        "vẫn bị chặn) — phải tách các vùng ra VLAN/cổng riêng",
        "en": "{zone} enters {device} by {interface}, on one segment with a zone it reaches: that zone's addresses "
        "are legitimate sources on this interface too, and no per-interface source check tells them apart "
        "(every other forged source is still stopped) — the zones must be separated into VLANs/ports of their "
        "own",
    },
    # a firewall restriction of SNMP: the check reads the agent's own source limit
    "fix.left.snmp_agent": {
        "vi": "bộ thay đổi giới hạn SNMP bằng tường lửa; phát hiện này xét giới hạn nguồn của chính dịch vụ SNMP "
        "({where}), mà netaudit không đọc được: giới hạn community về vùng quản trị tại đó (hoặc tắt SNMP nếu "
        "không dùng)",
        "en": "the change set limits SNMP by the firewall; this finding is about the SNMP agent's own source "
        "limit ({where}), which netaudit does not read: limit the community to the management zone there (or "
        "turn SNMP off where it is not used)",
    },
    # IOS: a Smart Install director serves the deployments of the unit's switches
    "fix.left.smart_install_director": {
        "vi": "{device} là Smart Install director: tắt (no vstack) sẽ dừng việc cấp cấu hình, phần mềm cho các "
        "switch mới — đơn vị tắt khi đã triển khai xong, hoặc chỉ cho các switch client tới tcp/4786 của nó",
        "en": "{device} is a Smart Install director: turning it off (no vstack) stops the configurations and "
        "software it hands to new switches — the unit turns it off once the deployment is done, or lets only "
        "the client switches reach its tcp/4786",
    },
    # a destination NAT into a zone the change set now keeps the source zone out of
    "fix.note.published_cut": {
        "vi": "Dịch vụ công bố bằng NAT đích ({where}) không còn tới được từ {src} vào {dst}: chính sách cấm luồng "
        "này. Nếu dịch vụ phải công khai, chuyển máy chủ sang một vùng DMZ (kind: dmz), khai báo trong tệp site "
        "rồi chạy lại.",
        "en": "The service published by destination NAT ({where}) is no longer reached from {src} into {dst}: the "
        "policy denies that flow. If the service must stay public, move the server into a DMZ zone (kind: dmz), "
        "declare it in the site file and run again.",
    },
    # IOS: no management zone, SSH/HTTPS to the device stopped from every zone that reached it
    "fix.note.no_mgmt_console": {
        "vi": "Tệp site không có vùng quản trị: SSH/HTTPS tới thiết bị bị chặn từ {zones} (chính sách không cho "
        "vùng nào quản trị thiết bị). Áp dụng thay đổi từ cổng console — qua SSH, phiên sẽ bị cắt giữa chừng; "
        "muốn giữ quản trị từ xa, khai báo vùng quản trị (kind: management) rồi chạy lại.",
        "en": "The site file has no management zone: SSH/HTTPS to the device are stopped from {zones} (the "
        "policy lets no zone manage the device). Apply this change from the console — over SSH the session "
        "is cut halfway; to keep remote management, declare a management zone (kind: management) and run "
        "again.",
    },
    # Huawei VRP (remedy/huawei_vrp.py): an address learned at run time no ACL rule can name
    "fix.left.huawei_dynamic_address": {
        "vi": "{device} nhận địa chỉ lúc chạy (DHCP/PPPoE) trên {interfaces}: rule ACL không ghi được địa chỉ đó, nên "
        "{services} tới địa chỉ ấy có thể vẫn tới được — giới hạn bằng thiết lập của chính dịch vụ nếu có "
        "(SSH/Telnet: acl N inbound trên user-interface vty; HTTP: http acl; SNMP: snmp-agent acl), các dịch vụ "
        "khác bằng traffic-filter inbound trên giao diện đó với rule theo cổng dịch vụ",
        "en": "{device} learns its address on {interfaces} at run time (DHCP/PPPoE): no ACL rule can name it, so "
        "{services} to that address may still be reached — limit them by the service's own setting where it has "
        "one (SSH/Telnet: acl N inbound on user-interface vty; HTTP: http acl; SNMP: snmp-agent acl), the others "
        "by an inbound traffic-filter on that interface with rules by service port",
    },
    # Huawei VRP: the interface the plan names is not in the file
    "fix.left.huawei_no_interface": {
        "vi": "không tìm thấy giao diện {interface} trong tệp cấu hình: không đặt được traffic-filter tại đó",
        "en": "interface {interface} is not in the configuration file: no traffic-filter can be set there",
    },
    # Huawei VRP: a device-wide traffic-filter (system view) already filters the interface
    "fix.left.huawei_device_filter": {
        "vi": "{interface} được lọc bởi traffic-filter toàn thiết bị (system view): thêm traffic-filter riêng cho "
        "giao diện sẽ tạo hai mức lọc mà thứ tự áp dụng chưa được xác lập — thêm rule chặn vào ACL toàn thiết bị "
        "bằng tay (rule có source là vùng này) rồi chạy lại",
        "en": "{interface} is filtered by a device-wide traffic-filter (system view): a traffic-filter of the "
        "interface would add a second level whose order is not established — add the deny rules to the "
        "device-wide ACL by hand (rules with this zone as source) and run again",
    },
    # Huawei VRP: an MQC traffic-policy filters the interface
    "fix.left.huawei_traffic_policy": {
        "vi": "{interface} lọc bằng traffic-policy {policy}: một traffic-filter cùng chiều kết hợp với nó theo cách "
        "chưa được mô hình hóa — thêm classifier/behavior deny vào chính traffic-policy đó bằng tay",
        "en": "{interface} filters with traffic-policy {policy}: a traffic-filter in the same direction would "
        "combine with it in a way not modelled — add a deny classifier/behavior to that traffic-policy by hand",
    },
    # Huawei VRP: the ACL bound there was not fully understood
    "fix.left.huawei_acl_not_read": {
        "vi": "ACL {acl} trên {interface} có rule chưa hiểu hết (match-order auto lẫn permit và deny, hoặc tùy chọn "
        "chưa mô hình hóa): gộp rule mới vào đó sẽ là phỏng đoán — không đề xuất thay đổi tại đó",
        "en": "ACL {acl} on {interface} has rules not fully understood (match-order auto with permit and deny "
        "rules, or options not modelled): merging new rules into it would be a guess — no change proposed there",
    },
    # Huawei VRP: an SNMP community carries an ACL of its own
    "fix.left.huawei_snmp_community_acl": {
        "vi": "một community SNMP của {device} có ACL riêng (snmp-agent community … acl N): snmp-agent acl được "
        "thêm, nhưng hãy sửa chính ACL của community đó để chỉ cho vùng quản trị",
        "en": "an SNMP community of {device} carries its own ACL (snmp-agent community … acl N): snmp-agent acl "
        "is added, but narrow that community's own ACL to the management zone too",
    },
    # Huawei VRP: authentication-mode none on a vty, and no local user may log in remotely
    "fix.left.huawei_vty_no_login_user": {
        "vi": "{device} không có local-user nào được đăng nhập qua SSH/Telnet (service-type ssh): đặt "
        "authentication-mode aaa trên vty sẽ khóa mọi người ở ngoài — tạo tài khoản trước (aaa, local-user … "
        "password irreversible-cipher …, service-type ssh) rồi đặt authentication-mode aaa",
        "en": "{device} has no local user allowed to log in over SSH/Telnet (service-type ssh): "
        "authentication-mode aaa on the vty would lock everyone out — create an account first (aaa, local-user "
        "… password irreversible-cipher …, service-type ssh), then set authentication-mode aaa",
    },
    # Huawei VRP: a reversible password only its owner can set again
    "fix.left.huawei_reversible_password": {
        "vi": "mật khẩu ({where}) chỉ đặt lại được bởi người giữ tài khoản: local-user … password "
        "irreversible-cipher <mật khẩu mới> — một bộ lệnh sinh tự động không thể chọn mật khẩu thay họ",
        "en": "the password ({where}) can only be set again by the account's holder: local-user … password "
        "irreversible-cipher <new password> — a generated change set cannot choose a password for them",
    },
    # Huawei VRP: strict uRPF is not proposed
    "fix.left.huawei_urpf": {
        "vi": "chống giả mạo địa chỉ bằng uRPF trên {device} {interface} chưa được đề xuất cho VRP (lệnh và khả năng "
        "hỗ trợ trên giao diện Vlanif khác nhau theo dòng máy): bật urpf strict trên giao diện đó nếu thiết bị hỗ "
        "trợ, hoặc thêm rule deny theo địa chỉ nguồn",
        "en": "anti-spoofing by uRPF on {device} {interface} is not proposed for VRP (the command and whether a "
        "Vlanif supports it differ by model): enable urpf strict on that interface where the device supports it, "
        "or add deny rules by source address",
    },
    # Huawei VRP notes
    "fix.note.huawei_before": {
        "vi": "Trước khi áp dụng: lưu cấu hình đang chạy (save truoc-khi-sua.cfg) và sao tệp ra ngoài bằng SFTP.",
        "en": "Before applying: save the running configuration (save before-fix.cfg) and copy the file off by SFTP.",
    },
    "fix.note.huawei_apply_from": {
        "vi": "Áp dụng từ máy trong vùng quản trị (VLAN quản trị), qua SSH hoặc console, không từ vùng bị chặn; chỉ "
        "chạy save sau khi đã kiểm tra (quản trị vẫn vào được, các vùng vẫn ra Internet) — chưa save thì khởi động "
        "lại là về cấu hình cũ.",
        "en": "Apply from a host in the management zone (management VLAN), over SSH or the console, never from a "
        "zone the change blocks; run save only after checking (management still gets in, the zones still reach "
        "the Internet) — until then a reboot brings the old configuration back.",
    },
    "fix.note.huawei_rebind": {
        "vi": "Giữa undo traffic-filter và traffic-filter … acl mới, giao diện không lọc gì trong chốc lát: dán "
        "hai dòng đó liền nhau.",
        "en": "Between undo traffic-filter and the new traffic-filter … acl the interface filters nothing for a "
        "moment: paste the two lines together.",
    },
    "fix.note.huawei_restep": {
        "vi": "ACL {acl}: step {step} đánh số lại các rule ({step}, {step2}, {step3} …, cùng thứ tự) để có chỗ cho "
        "rule mới ở đầu; hoàn tác trả lại step cũ, các rule giữ thứ tự nhưng mang số khác số ban đầu.",
        "en": "ACL {acl}: step {step} renumbers its rules ({step}, {step2}, {step3} …, same order) to make room for "
        "the new rules at its top; the rollback restores the old step, the rules keep their order under other numbers "
        "than the original ones.",
    },
    "fix.note.huawei_ssh_first": {
        "vi": "Trước khi tắt Telnet: kiểm tra SSH đã chạy (stelnet server enable, rsa local-key-pair create, ssh "
        "user … service-type stelnet; display ssh server status) và đang quản trị qua SSH, nếu không chỉ còn cổng "
        "console.",
        "en": "Before Telnet goes: check that SSH runs (stelnet server enable, rsa local-key-pair create, ssh user "
        "… service-type stelnet; display ssh server status) and that you are connected over SSH, or only the "
        "console is left.",
    },
    "fix.note.huawei_snmp": {
        "vi": "SNMP chỉ còn trả lời vùng quản trị (snmp-agent acl); nên chuyển sang SNMPv3 (snmp-agent usm-user v3).",
        "en": "SNMP answers the management zone only (snmp-agent acl); prefer SNMPv3 (snmp-agent usm-user v3).",
    },
    "fix.note.huawei_old_acl_unused": {
        "vi": "ACL {acl} không còn gắn ở đâu (các traffic-filter đã chuyển sang ACL mới): xóa khi đã kiểm tra xong "
        "(undo acl number {acl}); hoàn tác cần nó.",
        "en": "ACL {acl} is bound nowhere now (its traffic-filters moved to the new ACL): delete it once the change "
        "is checked (undo acl number {acl}); the rollback needs it until then.",
    },
    # Ruijie RGOS (netaudit/remedy/ruijie_rgos.py, docs/vendors/ruijie_rgos.md "netaudit fix")
    "fix.left.ruijie_replies": {
        "vi": "chặn {src} → {dst} trên {interface} sẽ cắt gói trả lời TCP của các phiên {dst} → {src} mà chính sách "
        "cho phép: ACL của RGOS không trạng thái, và từ khóa cho gói trả lời (established của IOS) chưa được xác "
        "nhận trong tài liệu Ruijie: chưa đề xuất — chặn bằng tường lửa có trạng thái hoặc thêm mục cho gói trả lời "
        "sau khi kiểm tra trên thiết bị",
        "en": "blocking {src} → {dst} on {interface} would cut the TCP replies of the {dst} → {src} sessions the "
        "policy allows: RGOS ACLs are stateless and a keyword for replies (IOS's established) is not confirmed "
        "in Ruijie's documents: not proposed — block it on a stateful firewall, or add an entry for the replies "
        "once checked on the device",
    },
    "fix.left.ruijie_icmp_type": {
        "vi": "chặn {src} → {dst} trên {interface} cần một mục theo loại ICMP ({service}), cú pháp chưa được xác "
        "nhận cho RGOS: chưa đề xuất",
        "en": "blocking {src} → {dst} on {interface} needs an entry by ICMP type ({service}), whose syntax is not "
        "confirmed for RGOS: not proposed",
    },
    "fix.left.ruijie_partial": {
        "vi": "{interface}: bộ lọc hiện tại chưa được hiểu đầy đủ ({why}): không thể gộp thay đổi mà không đoán",
        "en": "{interface}: its filter today is not fully understood ({why}): no change can be merged into it "
        "without a guess",
    },
    "fix.left.ruijie_nat": {
        "vi": "chặn {src} → {dst} từ Internet cần biết NAT của RGOS xử lý trước hay sau ACL, điều chưa được xác "
        "nhận (NAT của RGOS được đọc là chưa hiểu đầy đủ): chưa đề xuất",
        "en": "blocking {src} → {dst} from the Internet needs RGOS's order of NAT against the ACLs, which is not "
        "established (RGOS NAT is read as partial): not proposed",
    },
    "fix.left.ruijie_urpf": {
        "vi": "chống giả mạo địa chỉ bằng uRPF trên {device} {interface} chưa được đề xuất cho RGOS (cú pháp chưa "
        "được xác nhận trong tài liệu Ruijie)",
        "en": "anti-spoofing by uRPF on {device} {interface} is not proposed for RGOS (its syntax is not confirmed "
        "in Ruijie's documents)",
    },
    "fix.left.ruijie_no_interface": {
        "vi": "không tìm thấy giao diện {interface} trong tệp cấu hình: phần chặn tại đó chưa được đề xuất",
        "en": "interface {interface} is not found in the configuration file: its blocks are not proposed",
    },
    "fix.note.ruijie_before": {
        "vi": "Trước khi áp dụng: lưu bản show running-config ra máy quản trị; chỉ lưu cấu hình (write) sau khi đã "
        "kiểm tra (quản trị vẫn vào được, các vùng vẫn ra Internet).",
        "en": "Before applying: keep a copy of show running-config on the management host; save the configuration "
        "(write) only after checking (management still gets in, the zones still reach the Internet).",
    },
    "fix.note.ruijie_apply_from": {
        "vi": "Áp dụng từ máy trong vùng quản trị, qua SSH hoặc console, không từ vùng bị chặn.",
        "en": "Apply from a host in the management zone, over SSH or the console, never from a zone the change blocks.",
    },
    "fix.note.ruijie_rebind": {
        "vi": "{interface}: giữa no ip access-group và ip access-group mới giao diện không lọc gì trong chốc lát: "
        "dán hai dòng đó liền nhau. ACL cũ {acl} được giữ nguyên cho hoàn tác; xóa khi đã kiểm tra xong nếu không "
        "còn dùng ở đâu.",
        "en": "{interface}: between no ip access-group and the new ip access-group the interface filters nothing "
        "for a moment: paste the two lines together. The old ACL {acl} is kept for the rollback; delete it once "
        "the change is checked if nothing else uses it.",
    },
    "fix.note.ruijie_icmp_all": {
        "vi": "Loại ICMP chưa được xác nhận trong cú pháp ACL của RGOS: mọi gói ICMP tới địa chỉ của chính thiết bị "
        "bị chặn từ các vùng không được ping nó (ping từ thiết bị tới các vùng đó không nhận được trả lời).",
        "en": "ICMP types are not confirmed in RGOS's ACL syntax: every ICMP packet to the device's own addresses "
        "is denied from the zones that may not ping it (the device's own pings into those zones get no reply).",
    },
    "fix.note.ruijie_ssh_first": {
        "vi": "Trước khi tắt Telnet/web: kiểm tra SSH đã chạy (enable service ssh-server, khóa đã tạo) và đang "
        "quản trị qua SSH, nếu không chỉ còn cổng console.",
        "en": "Before Telnet or the web server goes: check that SSH runs (enable service ssh-server, its key "
        "generated) and that you are connected over SSH, or only the console is left.",
    },
    "fix.left.ruijie_last_path": {
        "vi": "{services} trên {device} chưa được tắt: SSH không chắc đang chạy (không có enable service ssh-server), "
        "tắt nó sẽ chỉ còn cổng console để quản trị — telnet được giới hạn cho vùng quản trị bằng access-class trên "
        "line vty; bật SSH (enable service ssh-server, tạo khóa crypto key generate rsa), kiểm tra đăng nhập qua SSH "
        "từ vùng quản trị, rồi mới tắt {services}",
        "en": "{services} on {device} is not turned off: SSH is not surely running (no enable service ssh-server), "
        "and turning it off would leave only the console to manage the device — telnet is limited to the management "
        "zone by the vty access-class; enable SSH (enable service ssh-server, a key by crypto key generate rsa), check "
        "a login over SSH from the management zone, then turn {services} off",
    },
    "fix.note.ruijie_last_path": {
        "vi": "{device}: SSH không chắc đang chạy, nên {services} được giữ làm đường quản trị từ xa còn lại (không "
        "đề xuất thay đổi nào chỉ để lại cổng console).",
        "en": "{device}: SSH is not surely running, so {services} stays as the remote management path left (no "
        "change that leaves only the console is proposed).",
    },
    "fix.note.ruijie_https_rollback": {
        "vi": "! HTTPS: cấu hình không cho biết nó có chạy trước thay đổi hay không (enable service web-server không "
        "ghi loại): chỉ nhập enable service web-server https nếu trước đó có dùng",
        "en": "! HTTPS: the configuration does not say whether it ran before the change (enable service web-server "
        "without a kind): enter enable service web-server https only if it was in use",
    },
    "fix.note.ruijie_web_off": {
        "vi": "Máy chủ web quản trị (HTTPS) được tắt: RGOS chưa có cách giới hạn nguồn cho nó được xác nhận ở đây; "
        "quản trị qua SSH (hoặc telnet được giữ, nơi SSH không chạy) từ vùng quản trị.",
        "en": "The web management server (HTTPS) is turned off: no way to limit its sources is confirmed for RGOS "
        "here; manage the device over SSH (or the telnet kept, where SSH does not run) from the management zone.",
    },
    "fix.note.ruijie_snmp": {
        "vi": "Thay đổi SNMP chứa chuỗi community (dạng đã mã hóa nếu cấu hình có): giữ tệp này như chính cấu hình; "
        "nên chuyển sang SNMPv3.",
        "en": "The SNMP change holds the community string (encrypted where the configuration has it so): keep this "
        "file as safe as the configuration itself; prefer SNMPv3.",
    },
    "fix.left.ruijie_icmp_nat": {
        "vi": "ping tới {device} qua {interface} (ip nat outside) chưa được chặn: cú pháp loại ICMP chưa được xác nhận "
        "cho RGOS, và chặn mọi ICMP ở đó sẽ cắt cả thông báo lỗi ICMP gửi về địa chỉ NAT (path MTU của các máy bên "
        "trong)",
        "en": "ping to {device} through {interface} (ip nat outside) is not blocked: the ICMP type syntax is not "
        "confirmed for RGOS, and denying every ICMP there would cut the ICMP errors sent back to the translated "
        "address too (the inside hosts' path MTU discovery)",
    },
    # H3C Comware (remedy/h3c_comware.py, docs/vendors/h3c_comware.md "netaudit fix")
    "fix.readme.nothing": {
        "vi": "không có lệnh nào để áp dụng cho thiết bị này — mọi phát hiện của nó còn lại, kèm lý do, ở dưới",
        "en": "no command to apply on this device — each of its findings is left, with the reason, below",
    },
    "fix.left.comware_dynamic_address": {
        "vi": "{device} nhận địa chỉ lúc chạy (DHCP/PPPoE) trên {interfaces}: rule ACL không ghi được địa chỉ đó, nên "
        "{services} tới địa chỉ ấy có thể vẫn tới được — giới hạn bằng thiết lập của chính dịch vụ nếu có "
        "(SSH/Telnet: acl N inbound trên line vty; HTTPS: ip https acl; SNMP: acl N trên snmp-agent community), các "
        "dịch vụ khác bằng packet-filter inbound trên giao diện đó với rule theo cổng dịch vụ",
        "en": "{device} learns its address on {interfaces} at run time (DHCP/PPPoE): no ACL rule can name it, so "
        "{services} to that address may still be reached — limit them by the service's own setting where it has "
        "one (SSH/Telnet: acl N inbound on line vty; HTTPS: ip https acl; SNMP: acl N on snmp-agent community), the "
        "others by an inbound packet-filter on that interface with rules by service port",
    },
    "fix.left.comware_no_interface": {
        "vi": "không tìm thấy giao diện {interface} trong tệp cấu hình: không đặt được packet-filter tại đó",
        "en": "interface {interface} is not in the configuration file: no packet-filter can be set there",
    },
    "fix.left.comware_acl_not_read": {
        "vi": "bộ lọc {acl} trên {interface} có phần chưa hiểu hết (ACL chưa định nghĩa, match-order auto lẫn permit "
        "và deny, hoặc tùy chọn chưa mô hình hóa): gộp rule mới vào đó sẽ là phỏng đoán — không đề xuất thay đổi "
        "tại đó",
        "en": "the filter {acl} on {interface} is not fully understood (an undefined ACL, match-order auto with permit "
        "and deny rules, or options not modelled): merging new rules into it would be a guess — no change proposed "
        "there",
    },
    "fix.left.comware_zones": {
        "vi": "{interface} thuộc vùng an ninh {zone}: zone-pair, object-policy hay security-policy ip quyết định "
        "gói tin theo thứ tự rule (move rule) mà bộ lệnh sinh tự động chưa viết — thêm rule drop vào đúng chỗ trong "
        "chính sách đó bằng tay (trước rule pass rộng hơn) rồi chạy lại để kiểm chứng",
        "en": "{interface} is in security zone {zone}: zone-pairs, object-policies or security-policy ip decide by "
        "rule order (move rule), which this generator does not write — add the drop rule in its place in that "
        "policy by hand (before the broader pass rule), then run again to prove it",
    },
    "fix.left.comware_partial": {
        "vi": "{interface} được đọc chưa trọn ({why}): thay đổi tại đó sẽ là phỏng đoán — không đề xuất",
        "en": "{interface} is not fully read ({why}): a change there would be a guess — none proposed",
    },
    "fix.left.comware_snmp_v3": {
        "vi": "{device} có snmp-agent group/usm-user: ACL của community không giới hạn chúng — thêm acl N vào từng "
        "group/usm-user bằng tay",
        "en": "{device} has snmp-agent groups/usm-users: the communities' ACL does not limit them — add acl N to each "
        "group/usm-user by hand",
    },
    "fix.left.comware_oob": {
        "vi": "{interface} là cổng quản trị ngoài băng: packet-filter không nằm trong các view mà tài liệu lệnh "
        "packet-filter của Comware V7 liệt kê (giao diện Ethernet, aggregate, giao diện con, VLAN interface) — không "
        "đề xuất gì ở đó; nếu thiết bị cho phép, chặn nguồn theo địa chỉ trên cổng này bằng tay",
        "en": "{interface} is the out-of-band management port: packet-filter is not among the views the Comware V7 "
        "packet-filter reference lists (Ethernet, aggregate, subinterface, VLAN interface) — nothing is proposed "
        "there; where the device accepts it, filter sources on that port by hand",
    },
    "fix.left.comware_no_ssh": {
        "vi": "{device} chưa nhận đăng nhập SSH (cấu hình không có {what}; máy chủ SSH của Comware mặc định tắt): tắt "
        "Telnet sẽ chỉ còn cổng console — Telnet được giữ, chỉ vùng quản trị vào được (acl trên vty); bật SSH trước "
        "(ssh server enable, public-key local create rsa, local-user … service-type ssh), kiểm tra đăng nhập SSH, "
        "rồi chạy lại",
        "en": "{device} accepts no SSH login yet (its configuration has no {what}; Comware's SSH server is off by "
        "default): turning Telnet off would leave the console only — Telnet is kept, limited to the management zone "
        "(the vty acl); enable SSH first (ssh server enable, public-key local create rsa, local-user … service-type "
        "ssh), check an SSH login, then run again",
    },
    "fix.left.comware_no_vty": {
        "vi": "{device} không có khối {view} trong cấu hình: số dòng vty tùy dòng máy và phiên bản, và chế độ xác thực "
        "mặc định của dòng có thể từ chối protocol inbound ssh — không viết khối nào (một lệnh {view} bị từ chối sẽ để "
        "các lệnh sau rơi vào system view); đặt acl N inbound trên {view} 0 N (N theo display line / display "
        "user-interface) bằng tay rồi chạy lại",
        "en": "{device} has no {view} block in its configuration: how many vty lines it has depends on the model and "
        "release, and a line's default authentication mode may refuse protocol inbound ssh — none is written (a "
        "{view} command the device refused would leave the next lines to system view); set acl N inbound on {view} "
        "0 N (N from display line / display user-interface) by hand, then run again",
    },
    "fix.left.comware_urpf": {
        "vi": "chống giả mạo địa chỉ bằng uRPF trên {device} {interface} chưa được đề xuất cho Comware (lệnh ip urpf "
        "đặt trên giao diện hay toàn thiết bị tùy dòng máy): bật ip urpf strict nếu thiết bị hỗ trợ, hoặc thêm rule "
        "deny theo địa chỉ nguồn",
        "en": "anti-spoofing by uRPF on {device} {interface} is not proposed for Comware (ip urpf is set per interface "
        "or device-wide depending on the model): enable ip urpf strict where the device supports it, or add deny "
        "rules by source address",
    },
    "fix.left.comware_svi_local": {
        "vi": "rule chặn dịch vụ của chính switch được đặt trên {interface}, nhưng packet-filter của VLAN interface có "
        "lọc gói tin gửi tới chính switch hay không thì tài liệu H3C chưa khẳng định — dịch vụ có ACL riêng (vty, "
        "SNMP, HTTPS) được giới hạn bằng ACL đó; các dịch vụ khác (ICMP echo) chưa chứng minh được là đã chặn",
        "en": "rules denying the switch's own services are set on {interface}, but whether a VLAN interface's "
        "packet-filter filters packets for the switch itself is not established by H3C's documents — a service "
        "with an ACL of its own (vty, SNMP, HTTPS) is limited by that ACL; the others (ICMP echo) are not proven "
        "blocked",
    },
    "fix.left.comware_icmp_code": {
        "vi": "rule ICMP của Comware ghi cả loại và mã (icmp-type 8 0: echo); echo với mã khác 0 (không hợp lệ) vẫn "
        "qua được nên kiểm tra lại vẫn thấy ICMP echo",
        "en": "a Comware ICMP rule names the type with its code (icmp-type 8 0: echo); echo with another code (not "
        "valid) still passes, so the re-audit still sees ICMP echo",
    },
    "fix.note.comware_rebind": {
        "vi": "Giữa undo packet-filter và packet-filter … mới, giao diện không lọc gì trong chốc lát: dán hai dòng đó "
        "liền nhau.",
        "en": "Between undo packet-filter and the new packet-filter … the interface filters nothing for a moment: "
        "paste the two lines together.",
    },
    "fix.note.comware_ssh_first": {
        "vi": "Trước khi tắt Telnet: kiểm tra SSH đã chạy (ssh server enable, public-key local create rsa, local-user "
        "… service-type ssh; display ssh server status) và đang quản trị qua SSH, nếu không chỉ còn cổng console.",
        "en": "Before Telnet goes: check that SSH runs (ssh server enable, public-key local create rsa, local-user … "
        "service-type ssh; display ssh server status) and that you are connected over SSH, or only the console is "
        "left.",
    },
    "fix.note.comware_snmp": {
        "vi": "SNMP chỉ còn trả lời vùng quản trị (acl trên từng snmp-agent community; community được xóa rồi tạo lại "
        "với acl); thay đổi và bản hoàn tác chứa chuỗi community như cấu hình ghi nó: giữ các tệp này an toàn như "
        "chính cấu hình; nên chuyển sang SNMPv3 (snmp-agent usm-user v3 … acl N).",
        "en": "SNMP answers the management zone only (acl on each snmp-agent community; the community is deleted and "
        "created again with the acl); the change set and its rollback hold the community string as the "
        "configuration writes it: keep these files as safe as the configuration itself; prefer SNMPv3 (snmp-agent "
        "usm-user v3 … acl N).",
    },
    "fix.note.comware_old_acl_unused": {
        "vi": "ACL {acl} không còn gắn ở đâu (các packet-filter đã chuyển sang ACL mới): xóa khi đã kiểm tra xong; "
        "hoàn tác cần nó.",
        "en": "ACL {acl} is bound nowhere now (its packet-filters moved to the new ACL): delete it once the change is "
        "checked; the rollback needs it until then.",
    },
    # Juniper Junos (netaudit/remedy/juniper_junos/, docs/vendors/juniper_junos.md "netaudit fix")
    "fix.left.junos_no_zone": {
        "vi": "chặn {src} → {dst}: không tìm được vùng bảo mật (security zone) của giao diện {interfaces} — một "
        "giao diện không thuộc vùng nào thì không chuyển tiếp gì; kiểm tra lại giao diện và vùng của nó",
        "en": "blocking {src} → {dst}: no security zone found for interface {interfaces} — an interface in no "
        "zone forwards nothing; check the interface and its zone",
    },
    "fix.left.junos_group_policies": {
        "vi": "chính sách from-zone {src} to-zone {dst} có chính sách lấy từ nhóm cấu hình (apply-groups): chỗ của "
        "chính sách mới trong thứ tự không xác định được — thêm chính sách deny ở đầu ngữ cảnh đó bằng tay",
        "en": "the from-zone {src} to-zone {dst} policies include some a configuration group (apply-groups) "
        "gives: where a new policy falls in their order is not established — add the deny policy at the top of "
        "that context by hand",
    },
    "fix.left.junos_service": {
        "vi": "dịch vụ {service} không có tên trong host-inbound-traffic system-services: giới hạn bằng bộ lọc "
        "input của lo0.0 theo hướng dẫn của phát hiện",
        "en": "service {service} has no host-inbound-traffic system-services name: limit it by the lo0.0 input "
        "filter as the finding says",
    },
    "fix.left.junos_snmp_clients": {
        "vi": "bộ thay đổi giới hạn SNMP theo cổng nhận (host-inbound-traffic); phát hiện này xét giới hạn nguồn "
        "của chính community (snmp community … clients), mà lệnh phải ghi tên community — một bí mật, netaudit "
        "không ghi: thêm clients <mạng quản trị> bằng tay",
        "en": "the change set limits SNMP by arrival interface (host-inbound-traffic); this finding is about the "
        "community's own source limit (snmp community … clients), whose command must name the community — a "
        "secret netaudit does not write: add clients <management subnet> by hand",
    },
    "fix.left.junos_group_service": {
        "vi": "{service} được bật bởi một nhóm cấu hình (apply-groups): xóa nó trong nhóm đó (delete groups … "
        "system services {service})",
        "en": "{service} is turned on by a configuration group (apply-groups): delete it in that group (delete "
        "groups … system services {service})",
    },
    "fix.left.junos_urpf": {
        "vi": "chống giả mạo địa chỉ nguồn trên {device} {interface} chưa được đề xuất cho Junos (rpf-check, "
        "screen ip spoofing tùy dòng máy và netaudit chưa đọc): bật kiểm tra đường ngược trên giao diện đó nếu "
        "thiết bị hỗ trợ, hoặc thêm term chặn theo địa chỉ nguồn",
        "en": "source anti-spoofing on {device} {interface} is not proposed for Junos (rpf-check and screen ip "
        "spoofing depend on the platform and netaudit does not read them): turn the reverse-path check on there "
        "where the device supports it, or add terms denying by source address",
    },
    "fix.left.junos_unbind": {
        "vi": "{interface} gắn bộ lọc {acl} chưa được định nghĩa: Junos không commit cấu hình như vậy — kiểm tra "
        "lại tệp cấu hình đã thu thập",
        "en": "{interface} is bound to filter {acl}, which is not defined: Junos does not commit such a "
        "configuration — check the collected file",
    },
    "fix.left.junos_filter_list": {
        "vi": "{interface} dùng input-list/output-list hoặc bộ lọc lấy từ nhóm cấu hình: thêm term vào bộ lọc đầu "
        "danh sách bằng tay",
        "en": "{interface} uses an input-list/output-list or a filter a configuration group gives: add the terms "
        "to the list's first filter by hand",
    },
    "fix.left.junos_filter_not_read": {
        "vi": "bộ lọc {filter} trên {interface} chưa được đọc trọn vẹn (hoặc không được định nghĩa): không chèn "
        "term vào trước những gì chưa rõ",
        "en": "filter {filter} on {interface} is not fully read (or not defined): no term is inserted ahead of "
        "what is not established",
    },
    "fix.left.junos_needs_stateful": {
        "vi": "chặn {src} → {dst} trên thiết bị không có vùng bảo mật cần lọc có trạng thái: một bộ lọc firewall "
        "không trạng thái chặn cả gói trả về của các phiên {dst} mở ra — đặt chặn trên tường lửa biên (SRX, "
        "FortiGate …)",
        "en": "blocking {src} → {dst} on a device without security zones needs stateful filtering: a stateless "
        "firewall filter stops the replies of the sessions {dst} opens too — block it on the edge firewall "
        "(SRX, FortiGate …)",
    },
    "fix.left.junos_dynamic_address": {
        "vi": "{device} nhận địa chỉ lúc chạy (DHCP/PPP) trên {interfaces}: term của bộ lọc không ghi được địa chỉ "
        "đó, nên {services} tới địa chỉ ấy có thể vẫn tới được — giới hạn bằng bộ lọc input của lo0.0 (mọi gói "
        "tới thiết bị đều qua nó)",
        "en": "{device} learns its address on {interfaces} at run time (DHCP/PPP): no filter term can name it, so "
        "{services} to that address may still be reached — limit them by the lo0.0 input filter (every packet "
        "to the device passes it)",
    },
    "fix.note.junos_commit_confirmed": {
        "vi": "Áp dụng trong chế độ cấu hình (configure exclusive), từ một máy trong vùng quản trị. `commit confirmed "
        "5` áp dụng thay đổi và tự quay lại cấu hình cũ sau 5 phút nếu không được xác nhận: kiểm tra (quản trị "
        "vẫn vào được, các vùng vẫn ra Internet) rồi gõ `commit check` (hoặc `commit`) để giữ. Hoàn tác sau đó: "
        "`rollback 1` rồi `commit`.",
        "en": "Apply in configuration mode (configure exclusive), from a host of the management zone. `commit "
        "confirmed 5` applies the change and returns to the old configuration by itself after 5 minutes unless "
        "confirmed: check (management still gets in, the zones still reach the Internet), then type `commit "
        "check` (or `commit`) to keep it. To undo it later: `rollback 1`, then `commit`.",
    },
    "fix.note.junos_policy_first": {
        "vi": "Chính sách mới của {context} được `insert` lên TRƯỚC chính sách đầu tiên của ngữ cảnh đó (Junos so "
        "khớp theo thứ tự; chính sách theo cặp vùng được xét trước chính sách global). Kiểm tra bằng `show "
        "security policies from-zone … to-zone …` và `show security flow session` sau khi áp dụng.",
        "en": "The new policies of {context} are `insert`ed BEFORE that context's first policy (Junos matches in "
        "order; zone-pair policies are read before the global ones). Check with `show security policies "
        "from-zone … to-zone …` and `show security flow session` after applying.",
    },
    "fix.left.junos_host_list_empty": {
        "vi": "{where}: {service} là dịch vụ cuối cùng của danh sách host-inbound của giao diện; xóa nó sẽ trả giao "
        "diện về danh sách của vùng (có thể mở nhiều hơn) — sửa danh sách bằng tay",
        "en": "{where}: {service} is the last service of the interface's host-inbound list; deleting it hands the "
        "interface back to its zone's list (which may open more) — edit the list by hand",
    },
    "fix.note.junos_console_only": {
        "vi": "Tệp vùng không có vùng quản trị: SSH/HTTPS tới thiết bị bị chặn từ {zones} theo chính sách, nên sau "
        "thay đổi chỉ còn cổng console (hoặc cổng quản trị ngoài băng như fxp0) — áp dụng từ console, hoặc khai báo "
        "vùng quản trị trong site.yaml rồi chạy lại.",
        "en": "The site file has no management zone: SSH/HTTPS to the device are stopped from {zones} as the policy "
        "says, so after the change only the console (or an out-of-band port such as fxp0) is left — apply it from "
        "the console, or declare a management zone in site.yaml and run again.",
    },
    "fix.note.junos_ssh_first": {
        "vi": "Trước khi tắt Telnet: kiểm tra đang quản trị qua SSH (system services ssh) hoặc console, nếu không "
        "phiên đang dùng sẽ mất.",
        "en": "Before Telnet goes: check that you are connected over SSH (system services ssh) or the console, or "
        "the session in use is lost.",
    },
    "fix.note.junos_root_login": {
        "vi": "root không còn đăng nhập SSH được (root-login deny): đăng nhập bằng tài khoản quản trị riêng rồi "
        "dùng quyền của lớp super-user.",
        "en": "root may no longer log in over SSH (root-login deny): log in with a named administrator account of "
        "class super-user.",
    },
    "fix.note.junos_filter_copy": {
        "vi": "Bộ lọc {filter} còn dùng ở chỗ khác: {interface} chuyển sang bộ lọc mới {new} (các term mới rồi bản "
        "sao các term của {filter}); {filter} giữ nguyên cho các giao diện khác.",
        "en": "Filter {filter} is used elsewhere too: {interface} moves to a new filter {new} (the new terms, then a "
        "copy of {filter}'s terms); {filter} stays as it is for the other interfaces.",
    },
}
