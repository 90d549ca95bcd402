"""Catalogue entries: engine reasons.

Why a flow is "unknown" (netaudit/reach.py) and why a zone could not be placed
(netaudit/zones.py); what stops a packet where no filter line does (drop.*); what a filter
does with a packet no line matches (filter.default.*: the model's default, and how a
witness cites a filter's).  The engine keeps them as :class:`Text` values; the English text
is the JSON "reason" / "problems" / citation "text" string (docs/report.md), the Vietnamese
one is what an inspector reads.  {detail} is free text from a vendor parser and is not
translated.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    "reason.zone_unplaced": {
        "vi": "vùng {zone} không có điểm kết nối nào trong tập cấu hình được cung cấp",
        "en": "zone {zone} has no attachment point in the snapshot",
    },
    "reason.zone_unplaced_problems": {
        "vi": "vùng {zone} không có điểm kết nối nào trong tập cấu hình được cung cấp ({problems})",
        "en": "zone {zone} has no attachment point in the snapshot ({problems})",
    },
    "reason.unzoned_segment": {
        "vi": "gói tin tới được phân đoạn mạng {device}:{interface}, nơi địa chỉ đích không thuộc vùng mạng nào "
        "(site.yaml không khai báo): khai báo vùng cho phân đoạn này để có kết luận",
        "en": "the packets reach the segment of {device}:{interface}, where the destination belongs to no zone "
        "(site.yaml declares none there): declare a zone for that segment to get a verdict",
    },
    "reason.next_hop_outside": {
        "vi": "gói tin rời khỏi phạm vi các cấu hình được cung cấp tại {device}:{interface}, tới next-hop "
        "{next_hop} (thiết bị có địa chỉ này không có trong tập cấu hình được cung cấp)",
        "en": "the path leaves the snapshot at {device}:{interface} toward next hop {next_hop}, "
        "which is not in the snapshot",
    },
    "reason.conditional_routes": {
        "vi": "{device}: tuyến ({where}: {line}) chỉ được cài khi đối tượng theo dõi (track) đang hoạt động: "
        "khi nó bị gỡ, gói tin đi theo tuyến khác — không xác định được đường đi",
        "en": "{device}: the route ({where}: {line}) is installed only while its tracked object is up: when it "
        "is withdrawn packets take another route — which way they go is not known",
    },
    "reason.unread_routes": {
        "vi": "{device} có dòng khai báo tuyến tĩnh không đọc được ({where}: {line}): bảng định tuyến có thể "
        "thiếu tuyến, nên không kết luận được là không có đường đi",
        "en": "{device} has a static route line that was not understood ({where}: {line}): its table may lack "
        "a route, so 'no route' cannot be concluded",
    },
    "reason.dynamic_routing": {
        "vi": "{device} học tuyến bằng định tuyến động nhưng chưa có bảng định tuyến (routing state) của thiết "
        "bị: không xác định được đường đi tiếp theo",
        "en": "{device} learns routes dynamically and no routing state was loaded: the path beyond it is not known",
    },
    "reason.no_segment": {
        "vi": "{device}:{interface} không có địa chỉ hoặc đoạn mạng xác định (ví dụ địa chỉ nhận từ DHCP): "
        "không xác định được gói tin đi đâu",
        "en": "{device}:{interface} has no known address or segment (e.g. an address from DHCP): where the "
        "packets go is not known",
    },
    "reason.dynamic_address": {
        "vi": "{device}:{interface}: địa chỉ được cấp khi vận hành (không có trong cấu hình)",
        "en": "{device}:{interface}: address assigned at run time (not in the configuration)",
    },
    "reason.filter_undefined": {
        "vi": "bộ lọc {filter} trên {device} được tham chiếu nhưng không được khai báo",
        "en": "filter {filter} on {device} is referenced but not defined",
    },
    "reason.filter_partial": {
        "vi": "bộ lọc {filter} trên {device} chưa được hiểu đầy đủ: {detail}",
        "en": "filter {filter} on {device} was not fully understood: {detail}",
    },
    "reason.line_partial": {
        "vi": "{device} {filter}: dòng '{line}' chưa được hiểu đầy đủ ({detail})",
        "en": "{device} {filter}: '{line}' not fully understood ({detail})",
    },
    "reason.interface_partial": {
        "vi": "{device}:{interface} chưa được hiểu đầy đủ: {detail}",
        "en": "{device}:{interface}: {detail}",
    },
    "reason.open_segment": {
        "vi": "đoạn mạng {segment} không có gateway trong tập cấu hình; nó đi tiếp qua {ports} mà đầu kia "
        "chưa được khai báo (links: trong site.yaml)",
        "en": "segment {segment} has no gateway in the snapshot; it continues through {ports}, whose far end "
        "is not declared (links: in site.yaml)",
    },
    "reason.input_problems": {
        "vi": "dữ liệu đầu vào có vấn đề ({problems}): phần không đọc được có thể quyết định kết quả",
        "en": "input problems ({problems}): what could not be read may decide the answer",
    },
    "reason.sources_off_segment": {
        "vi": "kết quả khác nhau tùy máy trong vùng {zone} dùng địa chỉ khai báo ({subnets}) hay địa chỉ của "
        "đoạn mạng nơi chúng kết nối ({segment_subnets})",
        "en": "the verdict differs depending on whether the hosts of {zone} use its declared addresses "
        "({subnets}) or those of the segment they sit in ({segment_subnets})",
    },
    "reason.urpf_unsure": {
        "vi": "{device}:{interface}: kiểm tra đường về của địa chỉ nguồn (uRPF/rp_filter) có thể chặn "
        "hoặc cho qua gói tin này ({detail})",
        "en": "{device}:{interface}: the reverse-path check (uRPF/rp_filter) may pass or drop these packets ({detail})",
    },
    "reason.urpf_policy_routing": {"vi": "định tuyến theo chính sách", "en": "policy routing"},
    "reason.route_partial": {
        "vi": "{device}: tuyến '{route}' chưa được hiểu đầy đủ ({detail})",
        "en": "{device}: route '{route}' not fully understood ({detail})",
    },
    "reason.ipsec_encrypted": {
        "vi": "{device}:{interface}: gói tin khớp ACL {acl} của '{entry}' ({where}) được mã hóa gửi tới đầu "
        "IPsec {peers}; phía bên kia đường hầm nằm ngoài tập cấu hình, nên không kết luận được gói tới đâu",
        "en": "{device}:{interface}: packets matching ACL {acl} of '{entry}' ({where}) are encrypted to IPsec "
        "peer {peers}; the tunnel's far side is outside the snapshot, so where they go is not known",
    },
    "reason.ipsec_decrypted": {
        "vi": "{device}:{interface}: gói tin từ mạng đầu xa của '{entry}' ({where}) chỉ đến được khi đã giải mã "
        "từ đường hầm IPsec với {peers} (gói gửi dạng rõ bị thiết bị loại bỏ như gói giả mạo): tùy đầu xa có gửi "
        "hay không",
        "en": "{device}:{interface}: packets from the remote networks of '{entry}' ({where}) arrive only decrypted "
        "from the IPsec tunnel with {peers} (in clear the device drops them as spoofed): it depends on what the "
        "peer sends",
    },
    "reason.nat_partial": {
        "vi": "{device}: luật NAT '{rule}' chưa được hiểu đầy đủ ({detail})",
        "en": "{device}: NAT rule '{rule}' not fully understood ({detail})",
    },
    "reason.service_partial": {
        "vi": "{device}: dịch vụ {service} chưa được hiểu đầy đủ ({detail})",
        "en": "{device}: {service} service not fully understood ({detail})",
    },
    # zone placement problems (zones.resolve)
    "problem.vlan_missing": {
        "vi": "không tìm thấy vlan {device}:{vlan} trong tập cấu hình được cung cấp",
        "en": "vlan {device}:{vlan} not found in the snapshot",
    },
    "problem.attach_missing": {
        "vi": "không tìm thấy cổng kết nối {device}:{interface} trong tập cấu hình được cung cấp",
        "en": "attachment {device}:{interface} not found in the snapshot",
    },
    # a zone behind tunnels (site via: tunnel; zones.placement._tunnel_attach, reach/ipsec.py)
    "problem.tunnel_unmodelled": {
        "vi": "{gap}: mọi ô từ vùng và tới vùng này là chưa xác định",
        "en": "{gap}: every cell from and to this zone is unknown",
    },
    "problem.tunnel_shutdown": {
        "vi": "cổng {device}:{interface} đang shutdown: không có đường hầm nào tới vùng qua cổng này",
        "en": "{device}:{interface} is shut down: no tunnel leads to the zone through it",
    },
    "tunnel.partial": {
        "vi": "đường hầm IPsec của cổng {device}:{interface} không được mô hình hóa vì cấu hình chưa hiểu "
        "hết ({detail})",
        "en": "the IPsec tunnels of {device}:{interface} are not modelled: not fully understood ({detail})",
    },
    "tunnel.none": {
        "vi": "cổng {device}:{interface} không có đường hầm IPsec tĩnh nào được mô hình hóa (công cụ chỉ mô hình "
        "hóa crypto map tĩnh của Cisco IOS và Cisco ASA được đọc trọn vẹn, và không đọc được crypto map nào như "
        "vậy trên cổng này)",
        "en": "no static IPsec tunnel of {device}:{interface} is modelled (netaudit models the static crypto "
        "maps of Cisco IOS and Cisco ASA read whole, and read none on this interface)",
    },
    "reason.tunnel_unmodelled": {
        "vi": "vùng {zone} nằm sau đường hầm (via: tunnel) nhưng {gap}",
        "en": "zone {zone} is behind tunnels (via: tunnel), but {gap}",
    },
    "reason.tunnel_zone_in_clear": {
        "vi": "vùng {zone} nằm sau đường hầm của {device}:{interface} nhưng có địa chỉ không phải địa chỉ riêng "
        "(RFC 1918): Internet có thể định tuyến tới đó cả ở dạng rõ, qua nhà cung cấp dịch vụ",
        "en": "zone {zone} is behind the tunnels of {device}:{interface} but owns addresses that are not "
        "private (RFC 1918): the Internet may route to them in clear too, through the ISP",
    },
    "problem.no_exit": {
        "vi": "không tìm thấy lối ra Internet trong tập cấu hình (không có tuyến mặc định ra ngoài, không có "
        "cổng NAT outside/WAN): khai báo attach: cho vùng này trong site.yaml",
        "en": "no exit toward the Internet in the snapshot (no default route leaving it, no NAT-outside/WAN "
        "interface): declare attach: for this zone in site.yaml",
    },
    # where an external zone without attach: was attached (zones._attach_external)
    "attach.default-route": {
        "vi": "{device}:{interface} — tuyến mặc định ra ngoài ({where})",
        "en": "{device}:{interface} — default route leaving the snapshot ({where})",
    },
    "attach.runtime-default-route": {
        "vi": "{device}:{interface} — tuyến mặc định nhận từ DHCP/PPPoE ({where})",
        "en": "{device}:{interface} — default route from DHCP/PPPoE ({where})",
    },
    "attach.nat-outside": {
        "vi": "{device}:{interface} — cổng NAT outside ({where})",
        "en": "{device}:{interface} — NAT outside interface ({where})",
    },
    "attach.wan-role": {
        "vi": "{device}:{interface} — cổng có vai trò WAN ({where})",
        "en": "{device}:{interface} — interface with the WAN role ({where})",
    },
    "attach.interface-nat": {
        "vi": "{device}:{interface} — gói tin ra qua cổng này được NAT nguồn thành địa chỉ của chính nó ({where})",
        "en": "{device}:{interface} — packets leaving it are source-NATed to its own address ({where})",
    },
    "attach.wan-list": {
        "vi": "{device}:{interface} — thuộc danh sách cổng WAN ({where})",
        "en": "{device}:{interface} — member of the WAN interface list ({where})",
    },
    "problem.open_segment": {
        "vi": "đoạn mạng {segment} không có giao diện định tuyến (gateway) nào trong tập cấu hình; nó đi tiếp "
        "qua {ports} mà đầu kia chưa được khai báo: khai báo links: trong site.yaml (trước đó, mọi luồng đi "
        "và đến vùng này qua gateway là chưa xác định)",
        "en": "segment {segment} has no routed interface (gateway) in the snapshot; it continues through "
        "{ports}, whose far end is not declared: declare links: in site.yaml (until then, every flow through "
        "a gateway from or to this zone is unknown)",
    },
    "problem.subnets_off_segment": {
        "vi": "dải địa chỉ khai báo của vùng ({subnets}) không nằm trên đoạn mạng của vùng (các giao diện ở đó "
        "mang {segment_subnets}): kiểm tra lại subnets:/vlans:/attach: trong site.yaml; kết luận chỉ được "
        "đưa ra khi đúng với cả hai dải địa chỉ",
        "en": "its declared subnets ({subnets}) are not on its segment (whose interfaces hold "
        "{segment_subnets}): check subnets:/vlans:/attach: in site.yaml; a verdict holds only if it holds "
        "for both",
    },
    "problem.no_interface": {
        "vi": "không có giao diện nào trong tập cấu hình được cung cấp nối với dải địa chỉ của vùng",
        "en": "no interface in the snapshot is connected to its subnets",
    },
    # packets a device drops without a filter line (Engine.drop_reasons, netaudit trace)
    "drop.at": {"vi": "{device}: {why}", "en": "{device}: {why}"},
    "drop.urpf": {"vi": "bị loại bởi uRPF trên {interface}", "en": "uRPF on {interface}"},
    "drop.martian_source": {
        "vi": "địa chỉ nguồn là địa chỉ của chính thiết bị (martian) trên {interface}",
        "en": "source is one of the device's own addresses (martian) on {interface}",
    },
    "drop.routing_off": {"vi": "thiết bị không bật định tuyến IP", "en": "ip routing disabled"},
    "drop.martian": {
        "vi": "địa chỉ đích broadcast/multicast/không hợp lệ",
        "en": "broadcast/multicast/martian destination",
    },
    "drop.no_route": {"vi": "không có tuyến", "en": "no route"},
    "drop.null_route": {"vi": "tuyến null (loại bỏ gói tin)", "en": "null route"},
    "drop.policy_route": {
        "vi": "loại bỏ theo quy tắc định tuyến theo chính sách: {rule}",
        "en": "dropped by policy routing: {rule}",
    },
    "drop.no_route_table": {
        "vi": "không có tuyến trong bảng định tuyến {table}",
        "en": "no route in routing table {table}",
    },
    # What a filter does with a packet no line matches (model.Filter.default_text): the
    # model's default here, each vendor's own in its module (input.<vendor>.default.*).  A
    # witness path and a blocked cell's blocking lines cite it as FILTER: SENTENCE
    # [(ACTION)] (reach/witness.py), the filter's name a field as configured.
    "filter.default.end_of_list": {"vi": "chặn ngầm định ở cuối danh sách", "en": "implicit deny at end of list"},
    "filter.default.cited": {"vi": "{filter}: {what}", "en": "{filter}: {what}"},
    "filter.default.cited_action": {"vi": "{filter}: {what} ({action})", "en": "{filter}: {what} ({action})"},
    "filter.action.permit": {"vi": "cho qua", "en": "permit"},
    "filter.action.deny": {"vi": "chặn", "en": "deny"},
    # witness hop notes (reach.py); the report has its own wording (witness.note.*)
    "note.same_l2": {"vi": "cùng miền lớp 2 {domain}", "en": "same L2 domain {domain}"},
    # run-time addresses, policy routing, bridged firewalls, empty zones (reach.py)
    "witness.note.runtime_address": {
        "vi": "địa chỉ đích là địa chỉ mà {device}:{interface} nhận khi vận hành (DHCP/PPPoE), với mọi "
        "giá trị có thể; hiển thị bằng {address}",
        "en": "the destination is the address {device}:{interface} receives at run time (DHCP/PPPoE), "
        "whatever it is; shown as {address}",
    },
    "witness.note.runtime_gateway": {
        "vi": "qua gateway nhận khi vận hành trên {interface}, vào vùng {zone}",
        "en": "via the gateway learned at run time on {interface}, into zone {zone}",
    },
    "reason.runtime_address": {
        "vi": "kết quả phụ thuộc vào địa chỉ mà {device}:{interface} nhận khi vận hành (DHCP/PPPoE): "
        "có địa chỉ được cấp cho phép, có địa chỉ không",
        "en": "the result depends on the address {device}:{interface} receives at run time (DHCP/PPPoE): "
        "some addresses let packets through, others do not",
    },
    "reason.proxy_arp": {
        "vi": "{device}:{interface} gửi thẳng ra đoạn mạng (tuyến tĩnh tới giao diện, không có next hop): "
        "gói tin chỉ đi tiếp nếu một router trên đoạn đó trả lời ARP thay (proxy ARP)",
        "en": "{device}:{interface} sends them straight onto the segment (a static route to the interface, no "
        "next hop): they go on only if a router there answers ARP for them (proxy ARP)",
    },
    "reason.broadcast_forwarding_partial": {
        "vi": "{device}:{interface}: chuyển tiếp broadcast chưa được hiểu đầy đủ: {detail}; "
        "broadcast nhận được có thể đi tới bất kỳ địa chỉ nào",
        "en": "{device}:{interface}: broadcast forwarding not fully understood: {detail}; "
        "a broadcast received may go on to any address",
    },
    "reason.helper_unsure": {
        "vi": "{device}:{interface} chuyển tiếp broadcast tới ip helper-address: {detail}",
        "en": "{device}:{interface} forwards broadcasts to its ip helper-address: {detail}",
    },
    "reason.runtime_forward": {
        "vi": "{device}:{interface} bật {what}: máy bên trong có thể tự mở chuyển tiếp cổng khi vận hành, "
        "tới bất kỳ địa chỉ và cổng nào phía trong",
        "en": "{device}:{interface} runs {what}: inside hosts may open port forwards at run time, "
        "to any address and port inside",
    },
    "note.runtime_forward": {
        "vi": "chuyển tiếp cổng do máy bên trong mở khi vận hành ({what})",
        "en": "a port forward an inside host opens at run time ({what})",
    },
    "reason.runtime_gateway_shared": {
        "vi": "gateway của {device}:{interface} được học khi vận hành và đoạn mạng này còn có {routers}: "
        "không xác định được gói tin đi qua thiết bị nào",
        "en": "the gateway of {device}:{interface} is learned at run time and the segment also holds "
        "{routers}: which device the packets go through is not known",
    },
    "reason.runtime_gateway_outside": {
        "vi": "gói tin rời khỏi phạm vi cấu hình tại {device}:{interface} qua gateway học khi vận hành, và "
        "không có vùng external/wan nào gắn tại đó",
        "en": "the path leaves the snapshot at {device}:{interface} through a gateway learned at run time, "
        "and no external/wan zone is attached there",
    },
    "reason.policy_route_elsewhere": {
        "vi": "{device}: {rule} có thể gửi gói tin tới next hop mà mô hình không theo được",
        "en": "{device}: {rule} may send the packets to a next hop the model does not follow",
    },
    "reason.relay": {
        "vi": "{device}: proxy {service} mở kết nối thay cho các máy khách nó chấp nhận tới bất kỳ địa chỉ "
        "nào thiết bị tới được; đích của các kết nối đó không được mô hình hóa",
        "en": "{device}: the {service} proxy opens connections for the clients it admits to any address the "
        "device reaches; where they go is not modelled",
    },
    "reason.relay_limited": {
        "vi": "{device}: proxy {service} mở kết nối thay cho các máy khách nó chấp nhận tới những đích mà "
        "{rules} cho phép (địa chỉ này nằm trong số đó); các kết nối đó đi tiếp thế nào không được mô hình hóa",
        "en": "{device}: the {service} proxy opens connections for the clients it admits where {rules} let it "
        "(this address among them); where they go from there is not modelled",
    },
    "reason.policy_route_partial": {
        "vi": "{device}: quy tắc định tuyến theo chính sách chưa được hiểu đầy đủ: {rule} ({detail})",
        "en": "{device}: policy-routing rule not fully understood: {rule} ({detail})",
    },
    "reason.bridged_firewalls": {
        "vi": "lưu lượng chuyển mạch lớp 2 đi qua tường lửa IP của nhiều bridge ({bridges}): không xác "
        "định được bridge nào lọc",
        "en": "bridged traffic crosses the IP firewall of several bridges ({bridges}): which one filters "
        "it is not known",
    },
    "reason.zone_no_addresses": {
        "vi": "vùng {zone} không sở hữu địa chỉ nào (ví dụ địa chỉ nhận từ DHCP): không thể kết luận; "
        "khai báo subnets: cho vùng trong site.yaml",
        "en": "zone {zone} owns no address (e.g. its address comes from DHCP): no conclusion is possible; "
        "declare its subnets: in site.yaml",
    },
}
