"""Catalogue entries of the blueprint's explanatory document (netaudit/blueprint/document.py,
template netaudit/templates/blueprint/document/document.html.j2; docs/blueprint.md).

Legal references are only those the audit report already cites (netaudit/compliance.py,
catalogue/report.py); the minimum-zone table and the requirement rows come from
:data:`netaudit.compliance.REGIMES` and the self-audit, not from copies here.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # ---- what is wrong in an intent file or the output folder (InputError: one line
    # naming file and line; keys and values stay as written)
    "blueprint.noun.intent_file": {"vi": "tệp yêu cầu (intent)", "en": "intent file"},
    "blueprint.in.intent_file": {"vi": "tệp yêu cầu (intent)", "en": "the intent file"},
    "blueprint.in.server": {"vi": "một mục servers", "en": "a server"},
    "blueprint.error.short": {
        "vi": "unit.short phải gồm 1-12 chữ cái, chữ số hoặc '-' (nó đứng đầu mọi tên thiết bị)",
        "en": "unit.short must be 1-12 letters, digits or '-' (it starts every hostname)",
    },
    "blueprint.error.level": {
        "vi": "level phải là 2 hoặc 3 (đang là {value})",
        "en": "level must be 2 or 3 (got {value})",
    },
    "blueprint.error.guest": {
        "vi": "wifi.guest phải là một mapping (ssid, isolation, bandwidth_mbps) hoặc false",
        "en": "wifi.guest must be a mapping (ssid, isolation, bandwidth_mbps) or false",
    },
    "blueprint.error.no_access_points": {
        "vi": "có yêu cầu Wi-Fi (wifi:) nhưng counts.access_points bằng 0",
        "en": "Wi-Fi is asked for (wifi:) but counts.access_points is 0",
    },
    "blueprint.error.servers_list": {"vi": "servers phải là một danh sách", "en": "servers must be a list"},
    "blueprint.error.server_mapping": {
        "vi": "mỗi máy chủ là một mapping: {shape}",
        "en": "each server is a mapping: {shape}",
    },
    "blueprint.error.database_level": {
        "vi": "vùng cơ sở dữ liệu (database) có từ cấp độ 3 (TT 12/2022): ở cấp độ 2 hãy đặt nó trong 'servers'",
        "en": "a database zone exists from level 3 (TT 12/2022): at level 2 put it in 'servers'",
    },
    "blueprint.error.server_services": {
        "vi": "services của máy chủ là một danh sách dạng [tcp/443, tcp/445]",
        "en": "server services are a list like [tcp/443, tcp/445]",
    },
    "blueprint.error.addressing": {
        "vi": "addressing phải là một tiền tố địa chỉ riêng /16 hoặc rộng hơn (mỗi vùng được cắt ra một /24 từ đó)",
        "en": "addressing must be a private prefix of /16 or wider (one /24 per zone is carved out of it)",
    },
    "blueprint.error.missing": {"vi": "thiếu {key}:", "en": "missing {key}:"},
    "blueprint.error.missing_choice": {
        "vi": "thiếu {key}: (một trong {choices})",
        "en": "missing {key}: (one of {choices})",
    },
    "blueprint.error.not_mapping": {"vi": "{key} phải là một mapping", "en": "{key} must be a mapping"},
    "blueprint.error.not_text": {"vi": "{key} phải là văn bản", "en": "{key} must be text"},
    "blueprint.error.one_line": {
        "vi": "{key} phải là một dòng, tối đa 64 ký tự, không có dấu nháy hay dấu gạch chéo ngược",
        "en": "{key} must be one line of at most 64 characters without quotes or backslashes",
    },
    "blueprint.error.int": {
        "vi": "{key} phải là một số nguyên từ {lo} đến {hi} (đang là {value})",
        "en": "{key} must be a whole number from {lo} to {hi} (got {value})",
    },
    "blueprint.error.bool": {
        "vi": "{key} phải là true hoặc false (đang là {value})",
        "en": "{key} must be true or false (got {value})",
    },
    "blueprint.error.prefix": {
        "vi": "{what}: {value} không phải một tiền tố IPv4 dạng 10.10.0.0/16",
        "en": "{what}: {value} is not an IPv4 prefix like 10.10.0.0/16",
    },
    "blueprint.error.address": {
        "vi": "{what}: {value} không phải một địa chỉ IPv4",
        "en": "{what}: {value} is not an IPv4 address",
    },
    "blueprint.error.static_needs": {
        "vi": "uplinks.{kind}: địa chỉ tĩnh cần ip: (kèm độ dài tiền tố) và gateway:",
        "en": "uplinks.{kind}: a static address needs ip: (with its prefix length) and gateway:",
    },
    "blueprint.error.gateway": {
        "vi": "uplinks.{kind}.gateway phải là một địa chỉ khác của {prefix}",
        "en": "uplinks.{kind}.gateway must be another address of {prefix}",
    },
    "blueprint.error.tslcd_networks": {
        "vi": "uplinks.tslcd.networks: các tiền tố địa chỉ đi tới qua mạng truyền số liệu chuyên dùng",
        "en": "uplinks.tslcd.networks: the prefixes reached through the government network",
    },
    "blueprint.error.foreign_file": {
        "vi": "không phải do netaudit blueprint tạo ra: hãy chuyển nó ra khỏi thư mục kết quả",
        "en": "is not from netaudit blueprint: move it out of the output folder",
    },
    # ---- cover
    "bp.title": {
        "vi": "THUYẾT MINH MÔ HÌNH MẪU KIẾN TRÚC MẠNG NỘI BỘ",
        "en": "MODEL OFFICE NETWORK: EXPLANATORY DOCUMENT",
    },
    "bp.subtitle": {
        "vi": "Cấu hình, quy hoạch địa chỉ, sơ đồ và hướng dẫn triển khai — sinh bởi netaudit blueprint, "
        "được chứng minh bằng chính bộ kiểm tra netaudit",
        "en": "Configurations, address plan, diagram and installation guide — generated by netaudit blueprint "
        "and proven by netaudit's own audit",
    },
    "bp.footer": {"vi": "Thuyết minh mô hình mẫu mạng nội bộ", "en": "Model office network"},
    "bp.cover.unit": {"vi": "Đơn vị", "en": "Unit"},
    "bp.cover.type": {"vi": "Loại đơn vị", "en": "Type of unit"},
    "bp.cover.level": {"vi": "Cấp độ an ninh mạng của hệ thống thông tin", "en": "Security level (cấp độ)"},
    "bp.cover.date": {"vi": "Ngày lập", "en": "Date"},
    "bp.cover.edge": {"vi": "Thiết bị biên (định tuyến / tường lửa)", "en": "Edge device (router / firewall)"},
    "bp.cover.switch": {"vi": "Thiết bị chuyển mạch truy nhập", "en": "Access switches"},
    "bp.cover.no_switch": {
        "vi": "không sinh cấu hình switch (vendor.switch: none)",
        "en": "no switch configuration generated (vendor.switch: none)",
    },
    "bp.cover.uplinks": {"vi": "Đường truyền", "en": "Uplinks"},
    "bp.cover.intent": {"vi": "Tệp yêu cầu", "en": "Intent file"},
    "bp.cover.tool": {"vi": "Công cụ", "en": "Tool"},
    "bp.cover.proof": {"vi": "Kết quả tự kiểm tra", "en": "Self-audit"},
    "bp.unit.commune": {"vi": "Ủy ban nhân dân xã", "en": "Commune People's Committee"},
    "bp.unit.ward": {"vi": "Ủy ban nhân dân phường", "en": "Ward People's Committee"},
    "bp.unit.ttpvhcc": {
        "vi": "Trung tâm Phục vụ hành chính công",
        "en": "Public Administrative Service Center (TTPVHCC)",
    },
    "bp.unit.department": {"vi": "Sở, ban, ngành", "en": "Provincial department"},
    "bp.uplink.internet": {"vi": "Internet {provider}: {address}", "en": "Internet {provider}: {address}"},
    "bp.uplink.tslcd": {
        "vi": "Mạng truyền số liệu chuyên dùng: {address}",
        "en": "Government network (TSLCD): {address}",
    },
    "bp.address.static": {"vi": "địa chỉ tĩnh {ip}, cổng {gateway}", "en": "static {ip}, gateway {gateway}"},
    "bp.address.dhcp": {"vi": "nhận địa chỉ qua DHCP", "en": "address by DHCP"},
    "bp.address.pppoe": {"vi": "quay số PPPoE (tài khoản {user})", "en": "PPPoE (account {user})"},
    "bp.toc": {"vi": "Mục lục", "en": "Contents"},
    # ---- proof box
    "bp.proof.holds": {"vi": "Đạt — mạng sinh ra đúng mô hình", "en": "Holds — the generated network is its model"},
    "bp.proof.fails": {
        "vi": "Không đạt — có {n} điểm khác mô hình",
        "en": "Does not hold — {n} difference(s) from the model",
    },
    "bp.proof.summary": {
        "vi": "Cấu hình sinh ra được netaudit đọc lại và kiểm tra trên mọi gói tin: {cells} cặp vùng đúng như "
        "mô hình ({allowed} luồng được phép, còn lại bị chặn), {findings} tồn tại từ mức Trung bình trở lên, "
        "{lines} dòng cấu hình, {unrecognized} dòng không nhận dạng được.",
        "en": "The generated configurations were read back by netaudit and checked over every packet: {cells} "
        "zone pairs exactly as modelled ({allowed} allowed flows, the rest blocked), {findings} findings of "
        "medium severity or above, {lines} configuration lines, {unrecognized} not recognised.",
    },
    # ---- the proof's differences (proof.txt, section 9, the command's error lines)
    "bp.proof.holds_line": {
        "vi": "mạng sinh ra đúng mô hình của nó: chứng minh đạt",
        "en": "the generated network is its model: proof holds",
    },
    "bp.proof.line.matrix": {"vi": "ma trận: {what}", "en": "matrix: {what}"},
    "bp.proof.line.finding": {
        "vi": "tồn tại: {severity} {check}: {title}",
        "en": "finding: {severity} {check}: {title}",
    },
    "bp.proof.line.unrecognized": {"vi": "không nhận dạng được: {what}", "en": "not recognised: {what}"},
    "bp.proof.line.partial": {
        "vi": "chỉ hiểu một phần: {where}: {construct} ({reason})",
        "en": "partly understood: {where}: {construct} ({reason})",
    },
    "bp.mismatch.no_pair": {
        "vi": "{src} -> {dst}: mô hình không có cặp này",
        "en": "{src} -> {dst}: no such pair in the model",
    },
    "bp.mismatch.denied": {
        "vi": "{src} -> {dst}: {verdict}, mô hình chặn luồng này",
        "en": "{src} -> {dst}: {verdict}, the model denies it",
    },
    "bp.mismatch.allowed": {
        "vi": "{src} -> {dst}: {verdict}, mô hình cho phép luồng này",
        "en": "{src} -> {dst}: {verdict}, the model allows it",
    },
    "bp.mismatch.offers": {
        "vi": "{src} -> {dst}: bị chặn, mô hình cung cấp {services}",
        "en": "{src} -> {dst}: blocked, the model offers {services}",
    },
    "bp.mismatch.only": {
        "vi": "{src} -> {dst}: chỉ {services}, mô hình cho phép mọi dịch vụ",
        "en": "{src} -> {dst}: only {services}, the model allows every service",
    },
    "bp.mismatch.services": {
        "vi": "{src} -> {dst}: {got}, mô hình: {want}",
        "en": "{src} -> {dst}: {got}, the model: {want}",
    },
    "bp.mismatch.nothing": {"vi": "không có gì", "en": "nothing"},
    "bp.proof.cells_bad": {
        "vi": "{bad} trên {cells} cặp vùng khác mô hình.",
        "en": "{bad} of {cells} zone pairs differ from the model.",
    },
    # ---- sections
    "bp.sec.overview": {"vi": "Tổng quan mô hình", "en": "Overview of the model"},
    "bp.sec.zones": {"vi": "Các vùng mạng và mục đích", "en": "Zones and their purpose"},
    "bp.sec.diagram": {"vi": "Sơ đồ mạng", "en": "Network diagram"},
    "bp.sec.ipplan": {"vi": "Quy hoạch địa chỉ IP và VLAN", "en": "IP and VLAN plan"},
    "bp.sec.ports": {"vi": "Sơ đồ đấu nối cổng switch", "en": "Switch port map"},
    "bp.sec.flows": {"vi": "Luồng truy cập giữa các vùng", "en": "Flows between zones"},
    "bp.sec.legal": {"vi": "Căn cứ pháp lý theo cấp độ", "en": "Legal basis per level"},
    "bp.sec.steps": {"vi": "Việc kỹ thuật viên phải làm tại chỗ", "en": "What the technician must do on site"},
    "bp.sec.proof": {"vi": "Kết quả tự kiểm tra (chứng minh)", "en": "The proof: the network's own audit"},
    "bp.sec.annex": {"vi": "Phụ lục: cấu hình thiết bị", "en": "Annex: device configurations"},
    # ---- 1. overview
    "bp.overview.text": {
        "vi": "Mô hình chia mạng của {unit} thành {zones} vùng mạng bên trong, mỗi vùng một VLAN và một dải "
        "địa chỉ /24. Thiết bị biên {router} định tuyến và lọc mọi luồng giữa các vùng, ra Internet và mạng "
        "truyền số liệu chuyên dùng; chỉ các luồng ghi ở mục 6 được mở, mọi luồng khác bị chặn. "
        "Các switch truy nhập chỉ chuyển mạch lớp 2 theo VLAN; điểm phát Wi-Fi phát riêng SSID cán bộ và SSID "
        "cho người dân trên hai VLAN khác nhau. Thiết bị chỉ quản trị được từ vùng quản trị.",
        "en": "The model divides the network of {unit} into {zones} inside zones, each a VLAN with a /24 of "
        "addresses. The edge device {router} routes and filters every flow between the zones, to the Internet "
        "and to the government network; only the flows of section 6 are open, every other flow is blocked. "
        "The access switches only switch at layer 2 by VLAN; the access points broadcast the staff SSID and the "
        "citizens' SSID on two different VLANs. The devices are administered from the management zone only.",
    },
    "bp.overview.files": {"vi": "Thư mục kết quả", "en": "The output folder"},
    "bp.col.file": {"vi": "Tệp", "en": "File"},
    "bp.col.content": {"vi": "Nội dung", "en": "Content"},
    "bp.file.configs": {
        "vi": "Cấu hình từng thiết bị (dán hoặc nạp vào thiết bị; chứa mật khẩu thật)",
        "en": "One configuration per device (paste or import; holds the real secrets)",
    },
    "bp.file.site": {
        "vi": "Mô tả các vùng mạng của mô hình cho netaudit (site.yaml)",
        "en": "The model's zones for netaudit (site.yaml)",
    },
    "bp.file.ipplan": {"vi": "Quy hoạch địa chỉ IP và VLAN (CSV)", "en": "IP and VLAN plan (CSV)"},
    "bp.file.portmap": {"vi": "Sơ đồ đấu nối cổng switch (CSV)", "en": "Switch port map (CSV)"},
    "bp.file.diagram": {
        "vi": "Sơ đồ mạng (SVG; draw.io chỉnh sửa được)",
        "en": "Network diagram (SVG; editable draw.io)",
    },
    "bp.file.document": {"vi": "Tài liệu thuyết minh này (HTML, PDF)", "en": "This document (HTML, PDF)"},
    "bp.file.audit": {
        "vi": "Kết quả tự kiểm tra: bản JSON và báo cáo kiểm tra của netaudit",
        "en": "The self-audit: JSON and netaudit's inspection report",
    },
    "bp.file.proof": {"vi": "Kết luận chứng minh (văn bản)", "en": "The proof's verdict (text)"},
    "bp.file.secrets": {
        "vi": "Mật khẩu, khóa sinh ngẫu nhiên cho lần chạy này — cất giữ riêng, không in kèm tài liệu",
        "en": "Passwords and keys drawn at random for this run — keep apart, never print with the document",
    },
    # ---- 2. zones
    "bp.zones.intro": {
        "vi": "Các vùng theo loại đơn vị, cấp độ và số lượng thiết bị khai báo (căn cứ ở mục 7).",
        "en": "The zones follow the unit type, the level and the declared counts (legal basis: section 7).",
    },
    "bp.col.zone": {"vi": "Vùng", "en": "Zone"},
    "bp.col.title": {"vi": "Tên gọi", "en": "Name"},
    "bp.col.kind": {"vi": "Loại", "en": "Kind"},
    "bp.col.purpose": {"vi": "Mục đích, đối tượng sử dụng", "en": "Purpose, who uses it"},
    "bp.col.vlan": {"vi": "VLAN", "en": "VLAN"},
    "bp.col.subnet": {"vi": "Dải địa chỉ", "en": "Subnet"},
    "bp.col.gateway": {"vi": "Cổng mặc định", "en": "Gateway"},
    "bp.col.dhcp": {"vi": "Cấp phát DHCP", "en": "DHCP range"},
    "bp.col.interface": {"vi": "Giao diện trên thiết bị biên", "en": "Edge interface"},
    "bp.col.fixed": {"vi": "Địa chỉ cố định", "en": "Fixed addresses"},
    "bp.dhcp.none": {"vi": "không (địa chỉ cố định)", "en": "none (fixed addresses)"},
    # ---- 3. diagram
    "bp.diagram.intro": {
        "vi": "Sơ đồ vẽ từ chính kết quả kiểm tra cấu hình sinh ra, cùng cách thể hiện với báo cáo kiểm tra: "
        "thiết bị (hình chữ nhật viền đậm), VLAN và vùng mạng đặt trong đó (hình chữ nhật bo góc, tô màu theo "
        "loại vùng).",
        "en": "Drawn from the audit of the generated configurations, in the same visual language as the "
        "inspection reports: devices (bold rectangles), the VLANs and the zones placed in them (rounded boxes, "
        "coloured by zone kind).",
    },
    "bp.diagram.files": {
        "vi": "Tệp sơ đồ: diagram.svg; bản chỉnh sửa được bằng draw.io: diagram.drawio.",
        "en": "Diagram files: diagram.svg; editable in draw.io: diagram.drawio.",
    },
    # ---- 4. IP plan
    "bp.ipplan.intro": {
        "vi": "Mỗi vùng một /24 lấy từ {addressing}, octet thứ ba bằng số VLAN; cổng mặc định là địa chỉ .1 "
        "trên thiết bị biên; DHCP cấp .100–.250, các địa chỉ thấp hơn dành cho thiết bị đặt cố định.",
        "en": "One /24 per zone out of {addressing}, the third octet being the VLAN number; the gateway is the .1 "
        "address on the edge device; DHCP hands out .100–.250, the lower addresses are for fixed devices.",
    },
    "bp.ipplan.uplinks": {"vi": "Đường truyền ra ngoài", "en": "Uplinks"},
    "bp.col.uplink": {"vi": "Đường truyền", "en": "Uplink"},
    "bp.col.port": {"vi": "Cổng", "en": "Port"},
    "bp.col.address": {"vi": "Địa chỉ", "en": "Address"},
    "bp.col.routes": {"vi": "Đích định tuyến", "en": "Routed destinations"},
    "bp.routes.default": {"vi": "mặc định (0.0.0.0/0)", "en": "default (0.0.0.0/0)"},
    "bp.ipplan.fixed": {"vi": "Địa chỉ đặt cố định", "en": "Fixed addresses"},
    "bp.col.device": {"vi": "Thiết bị", "en": "Device"},
    "bp.fixed.router": {"vi": "Thiết bị biên — địa chỉ quản trị", "en": "Edge device — management address"},
    "bp.fixed.switch": {"vi": "Switch — địa chỉ quản trị", "en": "Switch — management address"},
    "bp.fixed.admin_pc": {
        "vi": "Máy quản trị (nhận nhật ký syslog của thiết bị)",
        "en": "Administrator's computer (receives the devices' syslog)",
    },
    "bp.fixed.ap": {"vi": "Điểm phát Wi-Fi — địa chỉ quản trị", "en": "Access point — management address"},
    "bp.fixed.server": {"vi": "Máy chủ ({services})", "en": "Server ({services})"},
    # ---- 5. ports
    "bp.ports.intro": {
        "vi": "Cổng 1 của mỗi switch là đường trunk lên thiết bị biên (hoặc switch trước); cổng cắm điểm phát "
        "Wi-Fi là trunk: VLAN quản trị không gắn thẻ, VLAN cán bộ và khách gắn thẻ; các cổng còn lại là cổng "
        "access của đúng một vùng. Cắm thiết bị đúng cổng: cắm nhầm là đưa máy vào vùng khác.",
        "en": "Port 1 of each switch is the trunk up to the edge device (or the previous switch); an access "
        "point's port is a trunk: management VLAN untagged, staff and guest VLANs tagged; every other port is "
        "an access port of exactly one zone. Plug each device into its port: the wrong port puts it in another "
        "zone.",
    },
    "bp.ports.none": {
        "vi": "Không có switch trong mô hình (vendor.switch: none): đấu trunk từ cổng {port} của {router} tới "
        "switch hiện có, cấu hình VLAN theo bảng quy hoạch ở mục 4.",
        "en": "No switch in the model (vendor.switch: none): run the trunk from port {port} of {router} to the "
        "existing switch and configure its VLANs after the plan of section 4.",
    },
    "bp.col.role": {"vi": "Vai trò", "en": "Role"},
    "bp.col.connects": {"vi": "Đấu nối tới", "en": "Connects"},
    "bp.col.untagged": {"vi": "VLAN không gắn thẻ", "en": "Untagged VLAN"},
    "bp.col.tagged": {"vi": "VLAN gắn thẻ", "en": "Tagged VLANs"},
    "bp.role.uplink": {"vi": "trunk lên", "en": "uplink trunk"},
    "bp.role.downlink": {"vi": "trunk xuống", "en": "downlink trunk"},
    "bp.role.ap": {"vi": "điểm phát Wi-Fi", "en": "access point"},
    "bp.role.access": {"vi": "access", "en": "access"},
    # ---- 6. flows
    "bp.flows.intro": {
        "vi": "Chính sách của mô hình cho mọi cặp vùng: chỉ các luồng dưới đây được mở kết nối mới (gói trả lời "
        "của kết nối đã thiết lập luôn đi được); mọi cặp khác bị chặn theo nguyên tắc đặc quyền tối thiểu. "
        "“{devices}” là các dịch vụ trên chính thiết bị mạng (DNS, DHCP, quản trị).",
        "en": "The model's policy for every zone pair: only the flows below may open new connections (replies "
        "of an established connection always pass); every other pair is blocked on a least-privilege basis. "
        "“{devices}” stands for the network devices' own services (DNS, DHCP, administration).",
    },
    "bp.flows.allowed": {"vi": "Các luồng được phép", "en": "Allowed flows"},
    "bp.flows.matrix": {
        "vi": "Ma trận chính sách (hàng: từ vùng; cột: tới vùng)",
        "en": "Policy matrix (row: from; column: to)",
    },
    "bp.col.from": {"vi": "Từ vùng", "en": "From"},
    "bp.col.to": {"vi": "Tới vùng", "en": "To"},
    "bp.col.services": {"vi": "Dịch vụ", "en": "Services"},
    "bp.col.why": {"vi": "Lý do", "en": "Why"},
    "bp.flow.all": {"vi": "mọi dịch vụ", "en": "every service"},
    "bp.flow.deny": {"vi": "chặn", "en": "blocked"},
    "bp.devices": {"vi": "thiết bị mạng", "en": "network devices"},
    "bp.why.staff.servers": {
        "vi": "Cán bộ dùng các dịch vụ của máy chủ nội bộ — chỉ các cổng đã khai báo cho máy chủ.",
        "en": "Staff use the internal servers — only the ports declared for the servers.",
    },
    "bp.why.staff.internet": {"vi": "Cán bộ làm việc trên Internet.", "en": "Staff work on the Internet."},
    "bp.why.staff.tslcd": {
        "vi": "Phần mềm một cửa điện tử, quản lý văn bản của tỉnh qua mạng chuyên dùng.",
        "en": "The province's one-stop and document-management software over the government network.",
    },
    "bp.why.servers.database": {
        "vi": "Chỉ máy chủ ứng dụng truy cập cơ sở dữ liệu, đúng cổng cơ sở dữ liệu.",
        "en": "Only the application servers reach the databases, on the database ports.",
    },
    "bp.why.servers.internet": {
        "vi": "Máy chủ chỉ ra Internet để cập nhật phần mềm (web).",
        "en": "Servers go to the Internet for software updates only (web).",
    },
    "bp.why.counter.servers": {
        "vi": "Quầy một cửa dùng máy chủ lấy số, ứng dụng nội bộ (web).",
        "en": "The counters use the queue server and internal applications (web).",
    },
    "bp.why.counter.internet": {
        "vi": "Cổng dịch vụ công trực tuyến (web).",
        "en": "The online public-service portal (web).",
    },
    "bp.why.counter.tslcd": {
        "vi": "Phần mềm một cửa điện tử của tỉnh (HTTPS).",
        "en": "The province's one-stop software (HTTPS).",
    },
    "bp.why.guest.internet": {
        "vi": "Người dân chỉ được ra Internet; không tới được bất kỳ vùng nào bên trong.",
        "en": "Citizens reach the Internet only, never an inside zone.",
    },
    "bp.why.mgmt.devices": {
        "vi": "Quản trị thiết bị mạng chỉ từ vùng quản trị.",
        "en": "The network devices are administered from the management zone only.",
    },
    "bp.why.mgmt.any": {
        "vi": "Quản trị viên quản trị máy chủ, máy trạm, camera trong vùng.",
        "en": "The administrator manages the servers, computers and cameras of the zone.",
    },
    "bp.why.any.devices": {
        "vi": "Máy trong vùng nhận địa chỉ (DHCP) và phân giải tên (DNS) từ thiết bị biên.",
        "en": "Hosts of the zone get their address (DHCP) and name resolution (DNS) from the edge device.",
    },
    "bp.why.any.devices_dns": {
        "vi": "Máy trong vùng phân giải tên (DNS) qua thiết bị biên.",
        "en": "Hosts of the zone resolve names (DNS) through the edge device.",
    },
    # ---- 7. legal basis
    "bp.legal.intro": {
        "vi": "Hệ thống thông tin của đơn vị được bảo vệ theo cấp độ. Luật An ninh mạng số 116/2025/QH15 và "
        "Nghị định 331/2026/NĐ-CP (cùng TCVN 14423:2026, tham khảo) là chế độ hiện hành; hồ sơ cấp độ đã được "
        "phê duyệt theo Nghị định 85/2016/NĐ-CP được đánh giá theo Thông tư 12/2022/TT-BTTTT (cùng TCVN "
        "11930:2017). Mô hình này ở cấp độ {level} và được kiểm tra theo cả hai chế độ, như báo cáo kiểm tra "
        "của netaudit.",
        "en": "The unit's information system is protected by security level. The Law on Cybersecurity "
        "116/2025/QH15 and Decree 331/2026/NĐ-CP (with TCVN 14423:2026, for reference) are the current regime; "
        "level dossiers approved under Decree 85/2016/NĐ-CP are assessed against Circular 12/2022/TT-BTTTT "
        "(with TCVN 11930:2017). This model is at level {level} and is checked against both regimes, as "
        "netaudit's inspection report does.",
    },
    "bp.legal.min_zones": {
        "vi": "Các vùng mạng tối thiểu theo cấp độ (Thông tư 12/2022/TT-BTTTT, Phụ lục, Mục II.1.a)",
        "en": "Minimum zones per level (Circular 12/2022/TT-BTTTT, Annex, Part II.1.a)",
    },
    "bp.col.requirement": {"vi": "Yêu cầu", "en": "Requirement"},
    "bp.col.level_n": {"vi": "Cấp độ {level}", "en": "Level {level}"},
    "bp.col.in_model": {"vi": "Trong mô hình", "en": "In the model"},
    "bp.col.reference": {"vi": "Căn cứ (cấp độ {level})", "en": "Reference (level {level})"},
    "bp.legal.required": {"vi": "bắt buộc", "en": "required"},
    "bp.legal.not_required": {"vi": "—", "en": "—"},
    "bp.legal.dmz_none": {
        "vi": "không cần: mô hình không cung cấp dịch vụ ra Internet (nếu có, đặt máy chủ đó trong DMZ)",
        "en": "not needed: the model offers no service to the Internet (should it, that server goes in a DMZ)",
    },
    "bp.legal.edge": {"vi": "thiết bị biên {router}", "en": "the edge device {router}"},
    "bp.legal.regime": {"vi": "Kết quả tự kiểm tra theo {regime}", "en": "Self-audit against {regime}"},
    "bp.legal.verdict": {"vi": "Kết luận: {verdict}", "en": "Conclusion: {verdict}"},
    "bp.legal.outside": {
        "vi": "Yêu cầu ngoài phạm vi cấu hình mạng — đơn vị phải tự bảo đảm bằng sản phẩm, quy trình và "
        "trình bày trong hồ sơ cấp độ",
        "en": "Requirements outside the network configuration — the unit must meet them with products and "
        "processes and show it in the level dossier",
    },
    # ---- 8. steps
    "bp.steps.intro": {
        "vi": "Làm theo đúng thứ tự. Cần: tài liệu này, thư mục kết quả (thư mục configs/), tệp secrets.txt "
        "(giữ riêng), một máy tính xách tay có cáp console/mạng và netaudit.",
        "en": "Follow the order. You need: this document, the output folder (configs/), the secrets.txt file "
        "(kept apart), a laptop with a console/network cable and netaudit.",
    },
    "bp.steps.device": {"vi": "{role} {name} ({vendor})", "en": "{role} {name} ({vendor})"},
    "bp.steps.role.edge": {"vi": "Thiết bị biên", "en": "Edge device"},
    "bp.steps.role.switch": {"vi": "Switch", "en": "Switch"},
    "bp.steps.aps": {"vi": "Điểm phát Wi-Fi ({n} thiết bị)", "en": "Access points ({n})"},
    "bp.steps.admin": {"vi": "Máy quản trị", "en": "Administrator's computer"},
    "bp.steps.secrets": {"vi": "Mật khẩu và khóa", "en": "Secrets"},
    "bp.steps.test": {"vi": "Kiểm tra sau lắp đặt", "en": "Testing after installation"},
    # reset, per vendor (registry id)
    "bp.step.reset.mikrotik_routeros": {
        "vi": "Đặt lại thiết bị về cấu hình trống (không giữ cấu hình mặc định của hãng):",
        "en": "Reset the device to an empty configuration (without the vendor's default configuration):",
    },
    "bp.step.reset.cisco_ios": {
        "vi": "Xóa cấu hình cũ và khởi động lại; trả lời “no” khi được hỏi vào hộp thoại cấu hình ban đầu:",
        "en": "Erase the old configuration and reload; answer “no” to the initial configuration dialog:",
    },
    "bp.step.reset.fortinet_fortios": {
        "vi": "Đặt lại về cấu hình xuất xưởng:",
        "en": "Reset to the factory configuration:",
    },
    "bp.step.reset.cisco_asa": {
        "vi": "Xóa cấu hình cũ và khởi động lại:",
        "en": "Erase the old configuration and reload:",
    },
    "bp.step.reset.other": {
        "vi": "Đặt lại thiết bị về cấu hình xuất xưởng theo hướng dẫn của hãng.",
        "en": "Reset the device to its factory configuration as the vendor documents it.",
    },
    # load, per vendor
    "bp.step.load.mikrotik_routeros": {
        "vi": "Kết nối bằng Winbox (theo địa chỉ MAC) hoặc cổng console; tải tệp configs/{file} lên mục Files, "
        "rồi chạy:",
        "en": "Connect with Winbox (by MAC address) or the console port; upload configs/{file} to Files, then run:",
    },
    "bp.step.load.cisco_ios": {
        "vi": "Kết nối cổng console; vào chế độ cấu hình, dán toàn bộ nội dung tệp configs/{file}, rồi lưu:",
        "en": "Connect to the console port; enter configuration mode, paste the whole of configs/{file}, then save:",
    },
    "bp.step.load.fortinet_fortios": {
        "vi": "Kết nối cổng console; dán toàn bộ nội dung tệp configs/{file} vào dòng lệnh (CLI).",
        "en": "Connect to the console port; paste the whole of configs/{file} into the command line (CLI).",
    },
    "bp.step.load.cisco_asa": {
        "vi": "Kết nối cổng console; vào chế độ cấu hình, dán toàn bộ nội dung tệp configs/{file}, rồi lưu:",
        "en": "Connect to the console port; enter configuration mode, paste the whole of configs/{file}, then save:",
    },
    "bp.step.load.other": {
        "vi": "Nạp tệp configs/{file} vào thiết bị.",
        "en": "Load configs/{file} into the device.",
    },
    "bp.step.copy_file": {
        "vi": "Luôn nạp từ tệp trong thư mục configs/, không gõ lại từ phụ lục: phụ lục che mật khẩu.",
        "en": "Always load from the file in configs/, never retype the annex: the annex masks the secrets.",
    },
    "bp.step.wan": {
        "vi": "Cổng {port}: đường Internet {provider} ({address}).",
        "en": "Port {port}: the {provider} Internet line ({address}).",
    },
    "bp.step.tslcd": {
        "vi": "Cổng {port}: đường mạng truyền số liệu chuyên dùng ({address}).",
        "en": "Port {port}: the government network line ({address}).",
    },
    "bp.step.lan": {
        "vi": "Cổng {port}: trunk tới cổng 1 của {switch}.",
        "en": "Port {port}: trunk to port 1 of {switch}.",
    },
    "bp.step.lan_none": {
        "vi": "Cổng {port}: trunk (mọi VLAN gắn thẻ) tới switch của đơn vị.",
        "en": "Port {port}: trunk (every VLAN tagged) to the unit's switch.",
    },
    "bp.step.check_edge": {
        "vi": "Từ máy quản trị (vùng quản trị) đăng nhập {address} bằng tài khoản quản trị trong secrets.txt; "
        "kiểm tra máy cán bộ nhận địa chỉ trong {subnet} qua DHCP và ra được Internet.",
        "en": "From the administrator's computer (management zone) log in to {address} with the admin account of "
        "secrets.txt; check that a staff computer gets an address of {subnet} by DHCP and reaches the Internet.",
    },
    "bp.step.ports": {
        "vi": "Đấu nối đúng bảng ở mục 5 ({n} cổng dùng): trunk lên ở cổng 1, điểm phát Wi-Fi, máy chủ, quầy "
        "một cửa, camera, máy quản trị, máy cán bộ.",
        "en": "Cable it after the table of section 5 ({n} ports used): uplink trunk on port 1, access points, "
        "servers, counters, cameras, the administrator's computer, staff computers.",
    },
    "bp.step.unused": {
        "vi": "Các cổng không dùng để trống; không cắm thêm switch, modem Wi-Fi của nhà mạng vào cổng access.",
        "en": "Leave unused ports empty; never plug another switch or an ISP Wi-Fi modem into an access port.",
    },
    "bp.step.check_switch": {
        "vi": "Kiểm tra: từ máy quản trị truy cập được {address}; từ máy cán bộ thì không.",
        "en": "Check: {address} answers from the administrator's computer, not from a staff computer.",
    },
    "bp.step.ap_port": {
        "vi": "Cắm điểm phát vào đúng cổng ở mục 5 ({ports}).",
        "en": "Plug each access point into its port of section 5 ({ports}).",
    },
    "bp.step.ap_mgmt": {
        "vi": "Quản trị điểm phát: VLAN {vlan} không gắn thẻ (untagged), địa chỉ cố định {first}… (mục 4), cổng "
        "mặc định {gateway}; mật khẩu quản trị là ap-quantri trong secrets.txt; tắt quản trị từ phía Wi-Fi.",
        "en": "Access point management: VLAN {vlan} untagged, fixed address {first}… (section 4), gateway "
        "{gateway}; the admin password is ap-quantri in secrets.txt; turn off management from the wireless side.",
    },
    "bp.step.ap_staff": {
        "vi": "SSID cán bộ “{ssid}”: gắn VLAN {vlan} (tagged), WPA2/WPA3-Personal, khóa là wifi-canbo trong "
        "secrets.txt.",
        "en": "Staff SSID “{ssid}”: VLAN {vlan} (tagged), WPA2/WPA3-Personal, key: wifi-canbo in secrets.txt.",
    },
    "bp.step.ap_guest": {
        "vi": "SSID cho người dân “{ssid}”: gắn VLAN {vlan} (tagged), {isolation}, giới hạn băng thông {mbps} Mbit/s.",
        "en": "Citizens' SSID “{ssid}”: VLAN {vlan} (tagged), {isolation}, bandwidth limited to {mbps} Mbit/s.",
    },
    "bp.isolation.on": {"vi": "bật cách ly máy khách (client isolation)", "en": "client isolation on"},
    "bp.isolation.off": {
        "vi": "không cách ly máy khách (theo tệp yêu cầu)",
        "en": "no client isolation (as the intent says)",
    },
    "bp.step.ap_no_other": {
        "vi": "Không phát SSID nào khác; không bật chế độ định tuyến/NAT trên điểm phát (chỉ làm cầu nối).",
        "en": "Broadcast no other SSID; no routing/NAT on the access point (bridge mode only).",
    },
    "bp.step.admin_pc": {
        "vi": "Cắm vào cổng “May-quan-tri” ({where}); đặt địa chỉ cố định {address}/24, cổng mặc định {gateway}; "
        "chạy máy nhận syslog (UDP 514) để lưu nhật ký thiết bị.",
        "en": "Plug it into the “May-quan-tri” port ({where}); fixed address {address}/24, gateway {gateway}; "
        "run a syslog receiver (UDP 514) to keep the devices' logs.",
    },
    "bp.step.secrets_file": {
        "vi": "Mật khẩu quản trị, chuỗi SNMP và khóa Wi-Fi được sinh ngẫu nhiên cho lần chạy này và chỉ có trong "
        "secrets.txt (và trong cấu hình ở configs/). Các tệp cấu hình đã chứa sẵn: không cần gõ thêm.",
        "en": "The admin passwords, SNMP string and Wi-Fi keys were drawn at random for this run and are only in "
        "secrets.txt (and in the configurations under configs/). The configuration files already carry them: "
        "nothing to type.",
    },
    "bp.step.secrets_annex": {
        "vi": "Trong phụ lục, mỗi bí mật hiện là {mask}(tên): nếu buộc phải gõ tay, thay bằng giá trị “tên” trong "
        "secrets.txt.",
        "en": "In the annex each secret reads {mask}(name): if you must type by hand, put the value of “name” "
        "from secrets.txt there.",
    },
    "bp.step.secrets_keep": {
        "vi": "Giao secrets.txt cho người phụ trách CNTT của đơn vị, không gửi kèm tài liệu; đổi mật khẩu ở lần "
        "đăng nhập đầu nếu người khác đã thấy.",
        "en": "Hand secrets.txt to the unit's IT officer, never with the document; change the passwords on first "
        "login if anyone else saw them.",
    },
    "bp.step.probe": {
        "vi": "Từ một máy tính xách tay kết nối Wi-Fi “{ssid}” (vùng khách), trong thư mục kết quả, chạy:",
        "en": "From a laptop on the “{ssid}” Wi-Fi (guest zone), in the output folder, run:",
    },
    "bp.step.probe_no_guest": {
        "vi": "Từ một máy tính trong vùng cán bộ, trong thư mục kết quả, chạy:",
        "en": "From a computer in the staff zone, in the output folder, run:",
    },
    "bp.step.probe_report": {
        "vi": "Gộp kết quả vào báo cáo kiểm tra; đạt khi báo cáo không có mâu thuẫn (live-contradiction) — từ "
        "vùng khách chỉ ra được Internet:",
        "en": "Merge it into the inspection report; it passes with no live-contradiction — from the guest zone "
        "only the Internet is reachable:",
    },
    "bp.step.reaudit": {
        "vi": "Khi sửa cấu hình trên thiết bị, xuất lại cấu hình và chạy netaudit audit để so với mô hình.",
        "en": "Whenever a device's configuration is changed, export it again and run netaudit audit against the model.",
    },
    # ---- 9. proof
    "bp.proof.intro": {
        "vi": "netaudit đọc lại các cấu hình sinh ra bằng chính bộ phân tích của nó, kiểm tra cùng site.yaml và so "
        "từng ô của ma trận truy cập với mô hình: luồng bị chặn phải bị chặn, luồng được phép phải đi được với "
        "đúng các dịch vụ; không có tồn tại từ mức Trung bình; mọi dòng cấu hình được nhận dạng.",
        "en": "netaudit reads the generated configurations back with its own parsers, audits them with site.yaml "
        "and compares every cell of the reachability matrix with the model: a denied flow must be blocked, an "
        "allowed one reachable for exactly its services; no finding of medium severity or above; every "
        "configuration line recognised.",
    },
    "bp.proof.differences": {"vi": "Các điểm khác mô hình", "en": "Differences from the model"},
    "bp.proof.report": {
        "vi": "Báo cáo kiểm tra đầy đủ: audit.html (bản JSON: audit.json).",
        "en": "The full inspection report: audit.html (JSON: audit.json).",
    },
    "bp.proof.conclusion": {
        "vi": "Kết luận của báo cáo kiểm tra ({regime}): {verdict}",
        "en": "Conclusion of the inspection report ({regime}): {verdict}",
    },
    # ---- annex
    "bp.annex.intro": {
        "vi": "Nội dung các tệp trong configs/. Mật khẩu, khóa đã được che ({mask}(tên) — giá trị trong "
        "secrets.txt): để nạp vào thiết bị, dùng tệp, không dùng bản in này.",
        "en": "The files of configs/. Secrets are masked ({mask}(name) — the value is in secrets.txt): load the "
        "files into the devices, not this printout.",
    },
    "bp.annex.lines": {"vi": "{n} dòng", "en": "{n} lines"},
    # The audit report beside the model architecture (site ``type``; blueprint/reference.py)
    "reference.type.commune": {"vi": "UBND xã", "en": "commune People's Committee"},
    "reference.type.ward": {"vi": "UBND phường", "en": "ward People's Committee"},
    "reference.type.ttpvhcc": {"vi": "Trung tâm Phục vụ hành chính công", "en": "Public Administrative Service Center"},
    "reference.type.department": {"vi": "sở, ngành", "en": "department"},
    "reference.title": {
        "vi": "So sánh với mô hình mẫu: {type}, cấp độ {level}",
        "en": "Compared with the model architecture: {type}, level {level}",
    },
    "reference.intro": {
        "vi": "Mô hình mẫu là mạng do netaudit blueprint sinh ra cho loại đơn vị và cấp độ này, đã được chính "
        "công cụ kiểm tra. Các vùng được đối chiếu theo loại vùng.",
        "en": "The model is the network netaudit blueprint generates for this unit type and level, proven by "
        "its own audit. Zones are matched by kind.",
    },
    "reference.level_note": {
        "vi": "Đơn vị ở cấp độ {level}; mô hình mẫu gần nhất là cấp độ {model}.",
        "en": "The unit is at level {level}; the nearest model is level {model}.",
    },
    "reference.command": {
        "vi": "Lệnh sinh mô hình mẫu cho thiết bị của đơn vị:",
        "en": "The command that generates the model for this unit's devices:",
    },
    "reference.missing": {
        "vi": "Vùng mô hình có mà mạng này thiếu:",
        "en": "Zones the model has and this network lacks:",
    },
    "reference.none": {"vi": "không có", "en": "none"},
    "reference.extra": {
        "vi": "Luồng mạng này cho phép mà mô hình chặn hoặc hạn chế: {n}",
        "en": "Flows this network allows that the model denies or limits: {n}",
    },
    "reference.col.here": {"vi": "Mạng này cho phép", "en": "Allowed here"},
    "reference.col.model": {"vi": "Mô hình mẫu", "en": "The model"},
    "reference.denied": {"vi": "chặn", "en": "denied"},
    "reference.all": {"vi": "mọi dịch vụ", "en": "every service"},
    "reference.matrix": {
        "vi": "Ma trận của mô hình mẫu (hàng: nguồn, cột: đích):",
        "en": "The model's matrix (rows: from, columns: to):",
    },
}
