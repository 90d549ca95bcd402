"""Catalogue entries: the site as a whole.

Warnings every output carries about the site file itself (zones.site_warnings) and the
conclusion reasons they lead to (compliance.conclude): a draft or a site without a guest
zone is never a silent pass.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # ---- what is wrong in a site file (InputError: one line naming file and line)
    "site.error.level_range": {
        "vi": "level phải từ 1 đến 5, không phải {value}",
        "en": "level must be 1..5, not {value}",
    },
    "site.unit_todo": {
        "vi": "{file} vẫn là bản nháp do netaudit init tạo ra: tên đơn vị còn để “TODO”. Cần ghi tên đơn vị được "
        "kiểm tra và rà soát lại từng vùng mạng trước khi sử dụng kết quả.",
        "en": "{file} is still the draft written by netaudit init: the unit is still “TODO”. Fill in the "
        "inspected unit and review every zone before relying on the results.",
    },
    "site.shared_vlan": {
        "vi": "VLAN {place} được khai báo cho nhiều vùng ({zones}): các vùng này nằm chung một đoạn mạng, máy "
        "của chúng đến được nhau không qua bộ lọc nào — kiểm tra lại vlans: trong site.yaml nếu đó là nhầm lẫn.",
        "en": "VLAN {place} is declared in several zones ({zones}): they share one segment, their hosts reach "
        "each other through no filter — check vlans: in site.yaml if that is a slip.",
    },
    "site.shared_attach": {
        "vi": "Cổng {place} được khai báo cho nhiều vùng ({zones}): các vùng này nằm chung một đoạn mạng — "
        "kiểm tra lại attach: trong site.yaml nếu đó là nhầm lẫn.",
        "en": "Port {place} is declared in several zones ({zones}): they share one segment — check attach: in "
        "site.yaml if that is a slip.",
    },
    "site.no_guest": {
        "vi": "Không có vùng mạng khách (kind: guest) nào: việc cách ly Wi-Fi công cộng, mạng cho người dân với "
        "mạng nội bộ chưa được kiểm tra. Nếu đơn vị có Wi-Fi hoặc mạng cho khách, cần khai báo vùng này "
        "trong site.yaml.",
        "en": "There is no guest zone (kind: guest): the isolation of public Wi-Fi and citizens' networks from "
        "the internal network was not checked. If the unit has Wi-Fi or a guest network, declare that "
        "zone in site.yaml.",
    },
    "site.no_external": {
        "vi": "Không có vùng Internet (kind: external) nào: những gì từ Internet vào được (chuyển tiếp cổng, "
        "dịch vụ quản trị của thiết bị trên cổng WAN) chưa được kiểm tra. Cần khai báo trong site.yaml một "
        "vùng loại external không có subnets: netaudit tự gắn nó vào các lối ra của mạng.",
        "en": "There is no Internet zone (kind: external): what the Internet reaches (port forwards, the "
        "devices' own services on the WAN) was not checked. Declare in site.yaml a zone of kind external "
        "without subnets: netaudit attaches it at the network's exits.",
    },
    "warn.zone_problem": {"vi": "vùng {zone}: {problem}", "en": "zone {zone}: {problem}"},
    "warn.unzoned_segments": {
        "vi": "{count} phân đoạn mạng không thuộc vùng mạng nào, các luồng tới và từ các máy trong đó không có "
        "trong ma trận: {segments}. Cần khai báo vùng cho các phân đoạn này trong site.yaml.",
        "en": "{count} segment(s) in no zone, whose hosts' flows are not in the matrix: {segments}. Declare "
        "zones for them in site.yaml.",
    },
    "conclusion.reason.unit_todo": {
        "vi": "Tệp khai báo vùng mạng vẫn là bản nháp (tên đơn vị còn để “TODO”), chưa được đơn vị rà soát, xác nhận.",
        "en": "The zone declaration is still a draft (the unit is “TODO”), not reviewed and confirmed by the unit.",
    },
    "conclusion.reason.unproven": {
        "vi": "Có {n} tồn tại mức nghiêm trọng/cao chưa được chứng minh (dựa trên phần cấu hình chưa được hiểu "
        "đầy đủ): cần kiểm tra thêm.",
        "en": "{n} critical/high finding(s) not proven (they rest on configuration not fully understood): to be "
        "checked.",
    },
    "conclusion.reason.input_problems": {
        "vi": "Có {n} vấn đề với dữ liệu đầu vào (tệp cấu hình bị cắt cụt, hỏng hoặc không đọc được): phần "
        "không đọc được có thể chính là phần quyết định kết quả, nên chưa thể kết luận Đạt.",
        "en": "{n} input problems (configuration files cut short, damaged or unreadable): what could not be "
        "read may be what decides the result, so the audit cannot conclude Pass.",
    },
    "conclusion.reason.no_external": {
        "vi": "Không có vùng Internet nào được khai báo hoặc nhận diện: chưa kiểm tra được những gì từ Internet "
        "vào được mạng và thiết bị.",
        "en": "No Internet zone was declared or recognised: what the Internet reaches in the network and on the "
        "devices was not checked.",
    },
    "conclusion.reason.no_guest": {
        "vi": "Không có vùng mạng khách nào được khai báo hoặc nhận diện: chưa kiểm tra được việc cách ly mạng "
        "khách, Wi-Fi công cộng với mạng nội bộ.",
        "en": "No guest zone was declared or recognised: the isolation of guest networks and public Wi-Fi from "
        "the internal network was not checked.",
    },
    # ---- netaudit init: what each drafted zone was inferred from, and notes for the reviewer
    "infer.from": {"vi": "suy ra từ", "en": "inferred from"},
    "infer.note": {"vi": "ghi chú", "en": "note"},
    "infer.ev.word": {"vi": "{why} ~ {word}", "en": "{why} ~ {word}"},
    "infer.ev.also": {"vi": "{why} (cũng gợi ý {kind})", "en": "{why} (also suggests {kind})"},
    "infer.ev.port_label": {"vi": "{where} (nhãn cổng)", "en": "{where} (port label)"},
    "infer.ev.vdom": {"vi": "{where} thuộc VDOM {vdom}", "en": "{where} in VDOM {vdom}"},
    "infer.ev.segment_name": {
        "vi": "{where} tên DHCP hoặc tên địa chỉ '{name}'",
        "en": "{where} DHCP or address name '{name}'",
    },
    "infer.ev.interface_list": {"vi": "{where} thuộc interface list {list}", "en": "{where} in interface list {list}"},
    "infer.ev.role": {"vi": "{where} có role {role}", "en": "{where} role {role}"},
    "infer.ev.nat_outside": {"vi": "{where} là phía NAT outside", "en": "{where} is NAT outside"},
    "infer.ev.interface_nat": {
        "vi": "gói tin ra qua {where} được NAT nguồn thành địa chỉ của chính giao diện này (masquerade / PAT)",
        "en": "packets leaving {where} are source-NATed to its own address (masquerade / PAT)",
    },
    "infer.ev.ssid_open": {
        "vi": "{host} SSID '{name}' để mở (không mật khẩu)",
        "en": "{host} SSID '{name}' is open (no password)",
    },
    "infer.ev.default_route": {"vi": "{where} là lối ra của tuyến mặc định", "en": "{where} carries the default route"},
    "infer.ev.ipsec_tunnel": {
        "vi": "{where}: {entry} tới {peers} đưa vào đường hầm IPsec các mạng đích của ACL {acl} — xác nhận đây là "
        "mạng của tỉnh (wan) hay một đơn vị khác",
        "en": "{where}: {entry} to {peers} sends the destinations of ACL {acl} into an IPsec tunnel — confirm it is "
        "the province's network (wan) or another unit's",
    },
    "infer.unhinted.description": {
        "vi": "{where} — mô tả {description} không cho netaudit biết đoạn mạng này phục vụ gì",
        "en": "{where} — its description {description} says nothing netaudit recognises of what it serves",
    },
    "infer.unhinted.named": {
        "vi": "{where} — tên {names} không cho netaudit biết đoạn mạng này phục vụ gì",
        "en": "{where} — its name {names} says nothing netaudit recognises of what it serves",
    },
    "infer.unhinted.none": {
        "vi": "{where} — không có tên, mô tả hay dấu hiệu nào cho biết đoạn mạng này phục vụ gì",
        "en": "{where} — no name, description or hint says what it serves",
    },
    "infer.note.unplaced": {
        "vi": "{evidence}: không gắn được vào đâu (không có đoạn VLAN, địa chỉ hay cổng nào để gắn vùng)",
        "en": "{evidence}: not placed (no VLAN segment, address or port the audit can attach to)",
    },
    "infer.note.pvid_ignored": {
        "vi": "{where} là giao diện VLAN trên bridge không bật VLAN filtering: RouterOS bỏ qua pvid của "
        "{ports}, máy sau các cổng đó nằm không gắn thẻ trong miền của bridge; các vùng dành cho VLAN này "
        "được gắn vào các cổng đó",
        "en": "{where} is a VLAN interface on a bridge without VLAN filtering: RouterOS ignores the pvid of "
        "{ports}, whose hosts sit untagged in the bridge's domain; zones meant for that VLAN are placed on "
        "those ports",
    },
    "infer.note.role_clash": {
        "vi": "{device}: {role_why} gợi ý {role_kind} nhưng {said} gợi ý {kind}: nháp là {chosen} ({because}) — "
        "xác nhận {label} nhìn về phía nào của tường lửa",
        "en": "{device}: {role_why} suggests {role_kind} but {said} suggests {kind}: drafted as {chosen} "
        "({because}) — confirm which side of the firewall {label} faces",
    },
    "infer.because.exit": {"vi": "lưu lượng ra ở đó: {exits}", "en": "the traffic leaves there: {exits}"},
    "infer.because.names": {"vi": "tên quyết định hơn role", "en": "names decide over the role"},
    "infer.because.order": {"vi": "dấu hiệu theo thứ tự loại vùng", "en": "hints in kind order"},
    "infer.because.role_tiebreak": {
        "vi": "các tên không thống nhất, role chọn giữa chúng",
        "en": "the names disagree, the role picks among them",
    },
    "infer.note.no_router": {
        "vi": "{place} ({kind}) không có giao diện router hay địa chỉ nào trong miền lớp 2 của nó: không "
        "lập vùng (khai báo links: tới router nếu nó được nối cáp tới router)",
        "en": "{place} ({kind}) has no router interface or address in its L2 domain: not drafted "
        "(declare links: to the router if it is cabled to one)",
    },
    "infer.note.switch_port": {
        "vi": "{port} là cổng của switch {switch}, không có giao diện riêng: {what} (gợi ý {kind}) không được "
        "dùng — máy sau cổng nằm trong đoạn mạng của {switch}, nháp là {there}",
        "en": "{port} is a port of switch {switch}, with no interface of its own: {what} (suggests {kind}) is "
        "not used — its hosts are in {switch}'s segment, drafted as {there}",
    },
    "infer.what.name": {"vi": "tên của nó", "en": "its name"},
    "infer.what.role": {"vi": "role {role} của nó", "en": "its role {role}"},
    "infer.no_zone": {"vi": "không vùng nào", "en": "no zone"},
    "infer.note.shared_l2": {
        "vi": "các vùng {zones} nằm chung một miền lớp 2 ({label}): máy của chúng đến được nhau không qua "
        "router hay tường lửa nào",
        "en": "zones {zones} share one L2 domain ({label}): their hosts reach each other without passing a "
        "router or firewall",
    },
}
