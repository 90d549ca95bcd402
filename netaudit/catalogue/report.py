"""Catalogue entries: reports.

Keys for the inspection reports (HTML / PDF / Markdown / SARIF) and the compliance
evaluation (netaudit/compliance.py).  Vocabulary follows the police inspection glossary
(docs/report.md, "Vocabulary"): "tồn tại, hạn chế", "kiến nghị, biện pháp khắc phục", "bằng
chứng", "Đạt / Không đạt", "Đáp ứng / Không đáp ứng".
"""

from __future__ import annotations

from ..messages import neutral

ENTRIES: dict[str, dict[str, str]] = {
    # ---- a saved JSON audit that netaudit report cannot use (InputError, report.load_doc)
    "report.error.cannot_read": {"vi": "không đọc được: {error}", "en": "cannot read: {error}"},
    "report.error.not_utf8": {
        "vi": "không phải văn bản UTF-8, không phải bản kiểm tra JSON của netaudit",
        "en": "not UTF-8 text, not a netaudit JSON audit",
    },
    "report.error.json": {"vi": "không phải JSON hợp lệ ({error})", "en": "not valid JSON ({error})"},
    "report.error.not_audit": {
        "vi": "không phải bản kiểm tra JSON của netaudit ({error})",
        "en": "not a netaudit JSON audit ({error})",
    },
    "report.error.schema": {
        "vi": "không phải tài liệu kiểm tra của netaudit (schema {found}, cần {expected})",
        "en": "not a netaudit audit document (schema {found}, expected {expected})",
    },
    "report.error.no_list": {
        "vi": "tài liệu kiểm tra của netaudit thiếu danh sách {key} hợp lệ",
        "en": "netaudit audit document without a valid {key} list",
    },
    "report.error.unknown_value": {
        "vi": "{where} là {value}, giá trị mà phiên bản netaudit này không biết ({known}): tài liệu của một phiên "
        "bản mới hơn, hoặc đã bị sửa",
        "en": "{where} is {value}, which this version of netaudit does not know ({known}): a document from a newer "
        "version, or edited",
    },
    # ---- cover
    "report.title": {
        "vi": "BÁO CÁO KẾT QUẢ KIỂM TRA PHÂN VÙNG MẠNG VÀ CẤU HÌNH THIẾT BỊ MẠNG",
        "en": "NETWORK SEGMENTATION AND DEVICE CONFIGURATION INSPECTION REPORT",
    },
    "report.subtitle": {
        "vi": "Tài liệu kèm theo biên bản kiểm tra an ninh mạng",
        "en": "Annex to the cybersecurity inspection record",
    },
    "report.toc": {"vi": "Nội dung", "en": "Contents"},
    "cover.unit": {"vi": "Đơn vị được kiểm tra", "en": "Inspected unit"},
    "cover.address": {"vi": "Địa chỉ", "en": "Address"},
    "cover.date": {"vi": "Ngày kiểm tra", "en": "Inspection date"},
    "cover.inspected_by": {"vi": "Người kiểm tra / Đoàn kiểm tra", "en": "Inspected by"},
    "cover.prepared_by": {"vi": "Người lập báo cáo", "en": "Prepared by"},
    # The level's name follows the regime: "cấp độ an ninh mạng" (Law 116/2025, Decree 331/2026)
    # or "cấp độ an toàn hệ thống thông tin" (Decree 85/2016, Circular 12/2022).
    "cover.level": {"vi": "Cấp độ an ninh mạng của hệ thống thông tin", "en": "Required security level (cấp độ)"},
    "cover.level.nd331-2026": {
        "vi": "Cấp độ an ninh mạng của hệ thống thông tin",
        "en": "Required cybersecurity level (cấp độ an ninh mạng)",
    },
    "cover.level.tt12-2022": {
        "vi": "Cấp độ an toàn hệ thống thông tin",
        "en": "Required information-system security level (cấp độ an toàn hệ thống thông tin)",
    },
    # ---- national header and the record (two columns: issuing unit left, Quốc hiệu right)
    "header.nation": {"vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "en": "SOCIALIST REPUBLIC OF VIET NAM"},
    "header.motto": {"vi": "Độc lập - Tự do - Hạnh phúc", "en": "Independence - Freedom - Happiness"},
    "header.doc_number": {"vi": "Số: {number}", "en": "No.: {number}"},
    "header.record": {
        "vi": "Kèm theo Biên bản kiểm tra số {number} {date}",
        "en": "Annex to inspection record No. {number} of {date}",
    },
    "cover.doc_number": {"vi": "Số báo cáo", "en": "Report number"},
    "cover.record": {"vi": "Biên bản kiểm tra", "en": "Inspection record"},
    "cover.record_value": {"vi": "Số {number} {date}", "en": "No. {number} of {date}"},
    # An empty field on paper: a dotted line to fill in by hand.
    "cover.blank": {"vi": "……………………………", "en": "……………………………"},
    "cover.blank_number": {"vi": "………/………", "en": "………/………"},
    "date.blank": {"vi": "ngày …… tháng …… năm ………", "en": "………………"},
    "cover.level_value": {"vi": "Cấp độ {level}", "en": "Level {level}"},
    "cover.standard": {"vi": "Căn cứ đánh giá", "en": "Assessed against"},
    "cover.conclusion": {"vi": "Kết luận chung", "en": "Overall conclusion"},
    "cover.generated": {"vi": "Ngày lập báo cáo", "en": "Report date"},
    "cover.tool": {"vi": "Công cụ kiểm tra", "en": "Tool"},
    "cover.not_given": {"vi": "(chưa ghi)", "en": "(not given)"},
    "cover.summary": {"vi": "Tóm tắt kết quả", "en": "Summary"},
    "cover.scope_note": {
        "vi": "Kết luận chỉ xét việc phân vùng mạng và cấu hình của các thiết bị có trong phạm vi kiểm tra "
        "(mục 1). Các yêu cầu không kiểm chứng được từ cấu hình thiết bị mạng được liệt kê tại mục 5 "
        "để đoàn kiểm tra đối chiếu riêng.",
        "en": "The conclusion covers network segmentation and the configuration of the devices within the "
        "scope of this inspection (section 1). Requirements that cannot be verified from device "
        "configurations are listed in section 5 for the inspectors to check separately.",
    },
    # Administrative style (ND 30/2020): days < 10 and months 1, 2 take a leading zero.
    "date.long": {"vi": "ngày {dd} tháng {mm} năm {y}", "en": "{iso}"},
    # ---- overall conclusion
    "conclusion.pass": {"vi": "Đạt", "en": "Pass"},
    "conclusion.fail": {"vi": "Không đạt", "en": "Fail"},
    "conclusion.check": {"vi": "Cần kiểm tra thêm", "en": "Needs further checking"},
    "conclusion.reason.severe": {
        "vi": "Có {n} tồn tại ở mức Nghiêm trọng hoặc Cao.",
        "en": "Findings of critical or high severity: {n}.",
    },
    "conclusion.reason.not_met": {
        "vi": "Có {n} yêu cầu theo cấp độ không đáp ứng.",
        "en": "Requirements of the level not met: {n}.",
    },
    "conclusion.reason.unknown": {
        "vi": "Có {n} luồng truy cập giữa các vùng mạng chưa xác định được là chặn hay cho phép.",
        "en": "Zone-to-zone flows proven neither blocked nor reachable: {n}.",
    },
    "conclusion.reason.check": {
        "vi": "Có {n} yêu cầu cần kiểm tra thêm.",
        "en": "Requirements that need further checking: {n}.",
    },
    "conclusion.reason.inferred": {
        "vi": "Các vùng mạng được suy đoán từ tên trong cấu hình, chưa được đơn vị xác nhận.",
        "en": "The zones were inferred from names in the configurations and are not confirmed by the unit.",
    },
    "conclusion.reason.clean": {
        "vi": "Không có tồn tại ở mức Nghiêm trọng hoặc Cao; mọi luồng truy cập giữa các vùng mạng đều được "
        "xác định và đúng chính sách tham chiếu; các yêu cầu kiểm chứng được từ cấu hình đều đáp ứng.",
        "en": "No critical or high findings; every zone-to-zone flow is determined and matches the reference "
        "policy; every requirement verifiable from the configurations is met.",
    },
    "summary.count.findings": {"vi": "Tồn tại, hạn chế", "en": "Findings"},
    "summary.count.violations": {"vi": "Luồng truy cập trái chính sách", "en": "Flows violating the policy"},
    "summary.count.unknown": {"vi": "Luồng chưa xác định", "en": "Undetermined flows"},
    "summary.count.not_met": {"vi": "Yêu cầu không đáp ứng", "en": "Requirements not met"},
    "summary.count.devices": {"vi": "Thiết bị được kiểm tra", "en": "Devices inspected"},
    # ---- section titles
    "section.scope": {"vi": "Phạm vi kiểm tra và bằng chứng", "en": "Scope and evidence"},
    "section.diagram": {"vi": "Sơ đồ mạng lô-gic", "en": "Logical network diagram"},
    "section.matrix": {"vi": "Ma trận truy cập giữa các vùng mạng", "en": "Zone-to-zone access matrix"},
    "section.findings": {"vi": "Tồn tại, hạn chế và kiến nghị khắc phục", "en": "Findings and remediation"},
    "section.compliance": {
        "vi": "Đánh giá mức độ đáp ứng yêu cầu theo cấp độ",
        "en": "Compliance with the requirements of the level",
    },
    "section.inventory": {
        "vi": "Danh mục thiết bị, quy hoạch vùng mạng và địa chỉ IP",
        "en": "Device inventory, zone and IP address plan",
    },
    "section.signatures": {"vi": "Xác nhận", "en": "Signatures"},
    # ---- 1. scope and evidence
    "scope.intro": {
        "vi": "Kết quả trong báo cáo được rút ra bằng phân tích tĩnh các tệp cấu hình dưới đây. Mã băm SHA-256 "
        "xác định chính xác các tệp đã được kiểm tra: tệp có mã băm khác là tệp khác.",
        "en": "The results are derived by static analysis of the configuration files below. The SHA-256 "
        "digests identify exactly the files examined: a file with another digest is another file.",
    },
    "scope.method": {
        "vi": "Công cụ: netaudit phiên bản {version}. Phương pháp: tính toán chính xác trên toàn bộ không gian "
        "gói tin (không lấy mẫu); một luồng chỉ được kết luận “bị chặn” khi mọi thiết bị trên mọi đường đi "
        "đều có cấu hình và được hiểu đầy đủ.",
        "en": "Tool: netaudit version {version}. Method: exact computation over every possible packet (no "
        "sampling); a flow is reported “blocked” only when every device on every path is in the "
        "snapshot and fully understood.",
    },
    "scope.col.file": {"vi": "Tệp", "en": "File"},
    "scope.col.vendor": {"vi": "Hãng / hệ điều hành", "en": "Vendor / OS"},
    "scope.col.devices": {"vi": "Thiết bị", "en": "Devices"},
    "scope.col.lines": {"vi": "Số dòng", "en": "Lines"},
    "scope.col.unrecognized": {"vi": "Dòng không nhận dạng", "en": "Lines not recognized"},  # words that wrap (PDF)
    "scope.col.sha256": {"vi": "SHA-256", "en": "SHA-256"},
    "scope.kind.state": {"vi": "bảng định tuyến", "en": "routing state"},
    "scope.kind.skipped": {"vi": "không phân tích", "en": "not analysed"},
    "scope.limits": {"vi": "Giới hạn của bằng chứng", "en": "Limits of the evidence"},
    "scope.limits.none": {
        "vi": "Mọi dòng cấu hình đều được nhận dạng; không có cấu trúc nào chỉ hiểu được một phần.",
        "en": "Every configuration line was recognized; no construct was only partially understood.",
    },
    "scope.unrecognized": {
        "vi": "Các dòng không nhận dạng được (không được dùng làm căn cứ kết luận):",
        "en": "Lines not recognized (not used as a basis for any conclusion):",
    },
    "scope.partial": {
        "vi": "Các cấu trúc chỉ hiểu được một phần (luồng đi qua chúng được ghi là “chưa xác định”):",
        "en": "Constructs only partially understood (flows through them are reported “unknown”):",
    },
    "scope.skipped": {"vi": "Tệp không được phân tích:", "en": "Files not analysed:"},
    "scope.warnings": {"vi": "Cảnh báo khi đọc dữ liệu:", "en": "Warnings while reading the inputs:"},
    # The paper record has no JSON: what is left out is named by where it is, or said to be
    # reproducible from the hashed files.
    "scope.more": {
        "vi": "… và {n} dòng khác, không in trong báo cáo (chạy lại netaudit trên các tệp có mã băm nêu trên "
        "để có danh sách đầy đủ)",
        "en": "… and {n} more, not printed (run netaudit again on the files with the digests above for the full list)",
    },
    "scope.more_at": {"vi": "… và {n} dòng khác: {locs}", "en": "… and {n} more: {locs}"},
    "scope.site_file": {"vi": "Khai báo vùng mạng (phụ lục A)", "en": "Zone declaration (annex A)"},
    "scope.zones": {"vi": "Các vùng mạng", "en": "Zones"},
    "scope.zones_from": {
        "vi": "Các vùng mạng do đơn vị khai báo trong tệp {file}.",
        "en": "Zones as declared by the unit in {file}.",
    },
    "scope.zones_inferred": {
        "vi": "Chưa có tệp khai báo vùng mạng (site.yaml): các vùng mạng dưới đây được suy đoán từ tên trong "
        "cấu hình và cần được đơn vị xác nhận.",
        "en": "There is no zone declaration (site.yaml): the zones below were inferred from names in the "
        "configurations and must be confirmed by the unit.",
    },
    "scope.col.zone": {"vi": "Vùng mạng", "en": "Zone"},
    "scope.col.kind": {"vi": "Loại vùng", "en": "Kind"},
    "scope.col.subnets": {"vi": "Dải địa chỉ", "en": "Subnets"},
    "scope.col.where": {"vi": "VLAN / cổng kết nối", "en": "VLANs / attachment points"},
    "scope.via_tunnel": {"vi": "{place} (qua đường hầm IPsec)", "en": "{place} (through its IPsec tunnels)"},
    "scope.all_other": {"vi": "mọi địa chỉ không thuộc vùng khác", "en": "every address no other zone owns"},
    # ---- words for internal ids and service lists in prose
    "zone.devices": {
        "vi": "Thiết bị mạng (giao diện quản trị)",
        "en": "Network devices (management interfaces)",
    },
    "zone.devices.short": {"vi": "Thiết bị (quản trị)", "en": "Devices (admin)"},
    # Display names of declared zones by kind, for prose and headings (words.zone_names);
    # tables keep the zone's id beside them.
    "zone.name.internal": {"vi": "Vùng mạng nội bộ", "en": "Internal zone"},
    "zone.name.guest": {"vi": "Vùng mạng Wi-Fi khách", "en": "Guest Wi-Fi zone"},
    "zone.name.server": {"vi": "Vùng máy chủ nội bộ", "en": "Server zone"},
    "zone.name.database": {"vi": "Vùng máy chủ cơ sở dữ liệu", "en": "Database server zone"},
    "zone.name.management": {"vi": "Vùng quản trị", "en": "Management zone"},
    "zone.name.dmz": {"vi": "Vùng DMZ", "en": "DMZ"},
    "zone.name.external": {"vi": "Internet", "en": "Internet"},
    "zone.name.wan": {"vi": "Mạng truyền số liệu chuyên dùng", "en": "Government network (WAN)"},
    "zone.name.kiosk": {"vi": "Vùng Bộ phận Một cửa", "en": "One-stop desk zone"},
    "zone.name.camera": {"vi": "Vùng camera giám sát", "en": "Surveillance camera zone"},
    # Two zones whose display names would be the same: told apart by their ids.
    "zone.name.with_id": {"vi": "{name} “{id}”", "en": "{name} “{id}”"},
    "svc.all": {"vi": "mọi dịch vụ", "en": "all traffic"},
    "svc.except": {"vi": "mọi dịch vụ trừ {services}", "en": "all traffic except {services}"},
    "svc.other_protocols": {"vi": "mọi giao thức IP khác", "en": "every other IP protocol"},
    "svc.protocols": {"vi": "giao thức IP số {numbers}", "en": "IP protocol {numbers}"},
    "ref.finding": {"vi": "mục {sec}.{no}", "en": "section {sec}.{no}"},
    # ---- annex A: the site file
    "annex.site.title": {
        "vi": "Phụ lục A. Tệp khai báo vùng mạng và chính sách",
        "en": "Annex A. Zone and policy declaration",
    },
    "annex.site.intro": {
        "vi": "Tệp khai báo vùng mạng quyết định mỗi địa chỉ thuộc vùng nào và luồng nào được phép, nên quyết "
        "định mọi kết luận của báo cáo; nó là bằng chứng như các tệp cấu hình. Tệp: {file}.",
        "en": "The zone declaration decides which zone every address belongs to and which flows are allowed, "
        "so it decides every verdict of this report; it is evidence like the configuration files. File: {file}.",
    },
    "annex.site.inferred": {
        "vi": "Không có tệp khai báo vùng mạng: các vùng mạng được suy đoán từ tên trong cấu hình (mục 1) và "
        "chính sách tham chiếu được áp dụng nguyên trạng.",
        "en": "There is no zone declaration: the zones were inferred from names in the configurations "
        "(section 1) and the reference policy applies unchanged.",
    },
    "annex.site.zones": {"vi": "Các vùng mạng được khai báo", "en": "Declared zones"},
    "annex.site.policy": {
        "vi": "Các điều chỉnh chính sách tham chiếu (mục policy)",
        "en": "Overrides of the reference policy (policy section)",
    },
    "annex.site.no_policy": {
        "vi": "Không có điều chỉnh: chính sách tham chiếu được áp dụng nguyên trạng.",
        "en": "No overrides: the reference policy applies unchanged.",
    },
    "annex.col.line": {"vi": "Dòng", "en": "Line"},
    "annex.col.from": {"vi": "Từ vùng", "en": "From"},
    "annex.col.to": {"vi": "Đến vùng", "en": "To"},
    "annex.col.rule": {"vi": "Điều chỉnh", "en": "Override"},
    "annex.col.sources": {"vi": "Địa chỉ nguồn", "en": "Sources"},
    "annex.rule.allow": {"vi": "cho phép mọi dịch vụ", "en": "allow all traffic"},
    "annex.rule.deny": {"vi": "cấm", "en": "deny"},
    "annex.rule.services": {"vi": "chỉ cho phép {services}", "en": "allow only {services}"},
    "annex.sources.own": {"vi": "địa chỉ của chính vùng", "en": "the zone's own addresses"},
    "annex.sources.any": {"vi": "mọi địa chỉ (kể cả giả mạo)", "en": "any address (spoofing included)"},
    # ---- zone kinds
    "kind.guest": {"vi": "Mạng không dây công cộng / khách", "en": "Guest / public Wi-Fi"},
    "kind.internal": {"vi": "Mạng nội bộ", "en": "Internal (LAN)"},
    "kind.server": {"vi": "Máy chủ nội bộ", "en": "Internal servers"},
    "kind.database": {"vi": "Máy chủ cơ sở dữ liệu", "en": "Database servers"},
    "kind.management": {"vi": "Quản trị", "en": "Management"},
    "kind.dmz": {"vi": "DMZ", "en": "DMZ"},
    "kind.external": {"vi": "Internet (bên ngoài)", "en": "Internet (external)"},
    "kind.wan": {"vi": "Mạng truyền số liệu chuyên dùng (WAN)", "en": "Dedicated government network (WAN)"},
    "kind.kiosk": {"vi": "Kiosk / Bộ phận Một cửa", "en": "Kiosks / one-stop desk"},
    "kind.camera": {"vi": "Camera giám sát", "en": "Surveillance cameras"},
    "kind.devices": {"vi": "Dịch vụ quản trị trên chính thiết bị mạng", "en": "The network devices' own services"},
    # ---- 2. diagram
    "diagram.intro": {
        "vi": "Sơ đồ dựng từ cấu hình: thiết bị mạng (hình chữ nhật viền đậm), các miền lớp 2 — VLAN, đoạn kết "
        "nối — (hình chữ nhật bo góc) và vùng mạng đặt trong đó, tô màu theo loại vùng. Đường màu đỏ là đường "
        "đi của các luồng truy cập trái chính sách, mũi tên chỉ chiều từ vùng nguồn tới vùng đích. Miền lớp 2 "
        "viền đỏ kép, kẻ sọc màu của nhiều vùng, là nơi các vùng đó chung một phân đoạn lớp 2: rò rỉ không "
        "qua thiết bị lọc nào.",
        "en": "Drawn from the configurations: network devices (bold rectangles), the L2 domains — VLANs, link "
        "segments — (rounded boxes) and the zones placed in them, coloured by zone kind. Red lines are the "
        "paths of flows that violate the policy, their arrows pointing from the source zone to the "
        "destination. An L2 domain with a red double border, striped in several zones' colours, is where "
        "those zones share one L2 segment: a leak that crosses no filtering device.",
    },
    "diagram.drawio": {"vi": "Bản sơ đồ chỉnh sửa được (draw.io): {file}", "en": "Editable diagram (draw.io): {file}"},
    "diagram.unavailable": {"vi": "Không tạo được sơ đồ: {reason}", "en": "The diagram could not be drawn: {reason}"},
    "diagram.no_dot": {"vi": "chưa cài Graphviz (lệnh dot)", "en": "Graphviz (the dot command) is not installed"},
    "diagram.no_topology": {"vi": "bản JSON không có phần topology", "en": "the JSON has no topology section"},
    "diagram.legend": {"vi": "Chú giải", "en": "Legend"},
    "diagram.leak": {"vi": "Đường đi của luồng vi phạm", "en": "Path of a violating flow"},
    "diagram.transit": {"vi": "đoạn kết nối", "en": "link segment"},
    "diagram.l2_leak": {"vi": "{zones} chung một phân đoạn lớp 2", "en": "{zones} in one L2 segment"},
    # ---- 3. matrix
    "matrix.intro": {
        "vi": "Mỗi ô cho biết từ vùng ở hàng có mở được kết nối mới tới vùng ở cột hay không — kết quả chứng "
        "minh trên mọi gói tin — kèm yêu cầu theo chính sách tham chiếu và các dịch vụ đi qua được. "
        "Ô nền đỏ: vi phạm; ô nền vàng: chưa xác định được (có nêu lý do).",
        "en": "Each cell says whether the row zone can open new connections to the column zone — proven over "
        "every packet — with the reference-policy expectation and the services that get through. "
        "Red: violation; yellow: undetermined (with the reason).",
    },
    "matrix.corner": {"vi": "Từ ↓ / Đến →", "en": "From ↓ / To →"},
    # The matrix table itself is printed at the front (after the conclusion and the root
    # causes, issue #14); section 3 keeps the flow details and points back to it.
    "matrix.summary.title": {
        "vi": "Ma trận truy cập giữa các vùng (tóm tắt)",
        "en": "Zone access matrix (summary)",
    },
    "matrix.summary.details": {
        "vi": "Chi tiết từng luồng (gói tin minh chứng, đường đi, dòng cấu hình chặn) tại mục {sec}.",
        "en": "The details of each flow (witness packet, path, the lines that stop it) are in section {sec}.",
    },
    "matrix.summary.back": {
        "vi": "Bảng ma trận được trình bày ở đầu báo cáo, sau phần kết luận: “{title}”.",
        "en": "The matrix table is at the front of the report, after the conclusion: “{title}”.",
    },
    "matrix.all": {"vi": "mọi dịch vụ", "en": "all traffic"},
    "matrix.only": {"vi": "chỉ {services}", "en": "only {services}"},
    # A reachable cell's packets that may be delivered too (a partial line or service).
    "matrix.maybe_also": {"vi": "(có thể cả {services})", "en": "(maybe also {services})"},
    # Beyond the policy by ICMP replies and errors only (policy.ICMP_REPLIES_ERRORS).
    "matrix.icmp_replies_only": {
        "vi": "(ngoài chính sách chỉ có gói trả lời/báo lỗi ICMP: không mở kết nối nào)",
        "en": "(beyond the policy only ICMP replies and errors: they open no connection)",
    },
    "matrix.expected": {"vi": "Yêu cầu: {expected}", "en": "Expected: {expected}"},
    "matrix.violation": {"vi": "VI PHẠM", "en": "VIOLATION"},
    "matrix.reason": {"vi": "Lý do: {reason}", "en": "Reason: {reason}"},
    "matrix.details": {"vi": "Chi tiết từng luồng", "en": "Flow details"},
    "matrix.blocked_by": {"vi": "Bị chặn tại", "en": "Stopped by"},
    "matrix.blocked_flows": {
        "vi": "Các luồng bị chặn và dòng cấu hình chặn",
        "en": "Blocked flows and the lines that stop them",
    },
    "matrix.col.flow": {"vi": "Luồng", "en": "Flow"},
    "matrix.col.verdict": {"vi": "Kết quả", "en": "Verdict"},
    "matrix.col.expected": {"vi": "Yêu cầu", "en": "Expected"},
    "matrix.col.services": {"vi": "Dịch vụ đi qua được", "en": "Services delivered"},
    "matrix.self": {"vi": "—", "en": "—"},
    # The summary print of a many-zone matrix (matrix_view._group).
    "matrix.grouped.title": {"vi": "Theo loại vùng mạng", "en": "By kind of zone"},
    "matrix.grouped.intro": {
        "vi": "Mỗi ô đếm các cặp vùng (từ một vùng thuộc loại ở hàng tới một vùng thuộc loại ở cột) theo kết quả; "
        "màu nền theo kết quả xấu nhất. Ô nền đỏ: có vi phạm; ô nền vàng: có cặp chưa xác định được.",
        "en": "Each cell counts the zone pairs (from a zone of the row's kind to a zone of the column's kind) by "
        "verdict, coloured by the worst. Red: some pair violates the policy; yellow: some pair is undetermined.",
    },
    "matrix.grouped.zones": {"vi": "{n} vùng", "en": "{n} zones"},
    "matrix.grouped.pairs": {"vi": "{n} cặp vùng", "en": "{n} zone pairs"},
    "matrix.grouped.violation": {"vi": "{n} vi phạm", "en": "{n} violating"},
    "matrix.grouped.unknown": {"vi": "{n} chưa xác định", "en": "{n} unknown"},
    "matrix.grouped.reachable": {"vi": "{n} truy cập được", "en": "{n} reachable"},
    "matrix.grouped.blocked": {"vi": "{n} bị chặn", "en": "{n} blocked"},
    "matrix.sources.title": {"vi": "Theo vùng nguồn", "en": "By source zone"},
    "matrix.sources.intro": {
        "vi": "Mỗi hàng nêu các vùng mà vùng nguồn mở được kết nối tới (vi phạm, chưa xác định, truy cập được theo "
        "chính sách) và số vùng bị chặn.",
        "en": "Each row names the zones the source zone can open connections to (violating, undetermined, "
        "reachable as the policy allows) and counts the zones it cannot reach.",
    },
    "matrix.sources.col.zone": {"vi": "Vùng nguồn", "en": "Source zone"},
    "matrix.sources.col.violation": {"vi": "Vi phạm", "en": "Violating"},
    "matrix.sources.col.unknown": {"vi": "Chưa xác định", "en": "Unknown"},
    "matrix.sources.col.reachable": {"vi": "Truy cập được, không vi phạm", "en": "Reachable, not violating"},
    "matrix.sources.col.blocked": {"vi": "Số vùng bị chặn", "en": "Zones blocked"},
    "matrix.grouped.quiet": {
        "vi": "{n} vùng không mở được kết nối tới vùng nào: {zones}.",
        "en": "{n} zones cannot open a connection to any zone: {zones}.",
    },
    "verdict.reachable.cap": {"vi": "Truy cập được", "en": "Reachable"},
    "verdict.blocked.cap": {"vi": "Bị chặn", "en": "Blocked"},
    "verdict.unknown.cap": {"vi": "Chưa xác định", "en": "Unknown"},
    # A verdict in one word, for the compact matrix (matrix_view._compact).
    "verdict.reachable.short": {"vi": "Tới được", "en": "Open"},
    "verdict.blocked.short": {"vi": "Chặn", "en": "Blocked"},
    "verdict.unknown.short": {"vi": "Chưa rõ", "en": "Unknown"},
    "matrix.compact.legend": {"vi": "“{short}”: {verdict}", "en": "“{short}”: {verdict}"},
    "matrix.compact.numbered": {"vi": "cột số k là vùng ở hàng k", "en": "column k is the zone of row k"},
    "matrix.compact.violation": {
        "vi": "“{flag}”: truy cập được, trái với chính sách tham chiếu",
        "en": "“{flag}”: reachable, against the reference policy",
    },
    # ---- witness paths
    "witness.title": {"vi": "Đường đi của gói tin minh chứng", "en": "Witness path"},
    "witness.packet": {"vi": "Gói tin minh chứng: {packet}", "en": "Witness packet: {packet}"},
    "witness.hop": {"vi": "{device}: vào {in_if} → ra {out_if}", "en": "{device}: in {in_if} → out {out_if}"},
    "witness.hop_local": {
        "vi": "{device}: vào {in_if} → tới chính thiết bị",
        "en": "{device}: in {in_if} → to the device itself",
    },
    "witness.l2": {"vi": "Chuyển mạch lớp 2", "en": "Layer-2 forwarding"},
    "witness.translated": {"vi": "sau NAT: {packet}", "en": "after NAT: {packet}"},
    "witness.note.next_hop": {"vi": "tới next-hop {nh} thuộc vùng {zone}", "en": "to next hop {nh} in zone {zone}"},
    "witness.note.decrypted": {
        "vi": "đã giải mã, ra khỏi đường hầm IPsec '{entry}' với {peers} ({where})",
        "en": "out of the IPsec tunnel '{entry}' with {peers} ({where}), decrypted",
    },
    "witness.note.encrypted": {
        "vi": "vào đường hầm IPsec '{entry}' tới {peers} ({where}), phía sau là vùng {zone}",
        "en": "into the IPsec tunnel '{entry}' to {peers} ({where}), behind which is zone {zone}",
    },
    "witness.notes": {"vi": "{notes}", "en": "{notes}"},  # several notes of one hop, joined with "; "
    "witness.open_match": {
        "vi": "không biết quy tắc định tuyến ở dòng {line} có khớp với gói tin hay không ({detail}): gói tin "
        "tới đích trong cả hai trường hợp; đường đi này là trường hợp quy tắc khớp",
        "en": "whether the policy-routing rule at line {line} matches the packet is not known ({detail}): the "
        "packet is delivered either way; this path is the one where it matches",
    },
    "witness.note.same_l2": {"vi": "cùng miền lớp 2: {domain}", "en": "same L2 domain: {domain}"},
    "witness.note.control_plane": {"vi": "dịch vụ {service} của thiết bị", "en": "the device's {service} service"},
    "witness.no_rule": {"vi": "(không có dòng cấu hình chặn)", "en": "(no configuration line stops it)"},
    # a citation without a line: the vendor's default behaviour (implicit deny at the end of
    # a list, a service on by default), not a line anyone wrote
    "cite.default": {"vi": "(mặc định)", "en": "(default)"},
    # ---- 4. findings
    "findings.intro": {
        "vi": "Các tồn tại, hạn chế được xếp theo mức độ nghiêm trọng giảm dần. Mỗi tồn tại nêu bằng chứng là "
        "dòng cấu hình cụ thể (tệp:dòng); các giá trị bí mật (mật khẩu, khóa, chuỗi community) đã được che.",
        "en": "Findings, most severe first. Each one cites the configuration lines that prove it (file:line); "
        "secret values (passwords, keys, community strings) are masked.",
    },
    "findings.none": {"vi": "Không phát hiện tồn tại, hạn chế.", "en": "No findings."},
    "findings.by_severity": {"vi": "Số lượng theo mức độ", "en": "Count by severity"},
    "finding.id": {"vi": "Mã", "en": "ID"},
    "finding.severity": {"vi": "Mức độ", "en": "Severity"},
    "finding.what": {"vi": "Nội dung", "en": "What"},
    "finding.why": {"vi": "Nguy cơ, ảnh hưởng", "en": "Why it matters"},
    "finding.evidence": {"vi": "Bằng chứng", "en": "Evidence"},
    "finding.remediation": {"vi": "Kiến nghị, biện pháp khắc phục", "en": "Remediation"},
    "finding.snippet": {"vi": "Cấu hình mẫu ({vendor})", "en": "Example configuration ({vendor})"},
    "finding.same_as": {"vi": "Như nêu tại mục {sec}.{no}.", "en": "As in section {sec}.{no}."},
    "finding.references": {"vi": "Căn cứ", "en": "References"},
    "finding.zones": {"vi": "Vùng liên quan", "en": "Zones"},
    "finding.devices": {"vi": "Thiết bị liên quan", "en": "Devices"},
    "finding.no_evidence": {
        "vi": "(không có dòng cấu hình cụ thể; xem nội dung)",
        "en": "(no single configuration line; see the description)",
    },
    # Root causes (view._findings; docs/report.md "Root causes"): findings grouped by the
    # configuration lines that decide them.
    "rootcause.title": {"vi": "Nguyên nhân gốc", "en": "Root causes"},
    "rootcause.intro": {
        "vi": "Các tồn tại, hạn chế bắt nguồn từ cùng dòng cấu hình được gộp thành một nguyên nhân gốc: sửa "
        "dòng cấu hình đó là khắc phục mọi hệ quả của nó. Mỗi hệ quả dẫn tới mục trình bày chi tiết tại phần "
        "{sec}.",
        "en": "Findings that stem from the same configuration line are grouped as one root cause: fixing that "
        "line closes all its consequences. Each consequence links to its entry in section {sec}.",
    },
    "rootcause.col.no": {"vi": "STT", "en": "No."},
    "rootcause.col.lines": {"vi": "Dòng cấu hình", "en": "Configuration line(s)"},
    "rootcause.col.severity": {"vi": "Mức độ", "en": "Severity"},
    "rootcause.col.consequences": {"vi": "Hệ quả", "en": "Consequences"},
    "rootcause.col.plan": {"vi": "Bộ thay đổi", "en": "Change set"},
    "rootcause.no_plan": {"vi": "Theo kiến nghị của từng mục", "en": "As each entry recommends"},
    "rootcause.consequence": {"vi": "mục {sec}.{no}: {title}", "en": "section {sec}.{no}: {title}"},
    "summary.count.root_causes": {"vi": "Nguyên nhân gốc", "en": "Root causes"},
    "finding.root_cause": {"vi": "Nguyên nhân gốc", "en": "Root cause"},
    "finding.same_cause": {
        "vi": "Như mục {sec}.{no}: bằng chứng, nguy cơ, ảnh hưởng, kiến nghị khắc phục và căn cứ.",
        "en": "As in section {sec}.{no}: evidence, why it matters, remediation and references.",
    },
    "finding.also": {
        "vi": "Hệ quả khác của cùng nguyên nhân gốc",
        "en": "Other consequences of the same root cause",
    },
    # why each finding matters (per check id; report.why.<check>)
    "report.why.guest-isolation": {
        "vi": "Mạng Wi-Fi công cộng do người dân tự kết nối, không kiểm soát được thiết bị và danh tính người "
        "dùng. Khi từ vùng này tới được mạng nội bộ hay giao diện quản trị thiết bị, bất kỳ ai trong vùng "
        "phủ sóng đều có thể dò quét, khai thác lỗ hổng máy tính của cán bộ, máy chủ, hoặc chiếm quyền quản "
        "trị thiết bị mạng. Từ cấp độ 2, vùng mạng không dây phải tách riêng, độc lập với các vùng khác.",
        "en": "Anyone can join the public Wi-Fi; neither their devices nor their identities are controlled. "
        "If it reaches the internal network or the devices' management, anyone within radio range can "
        "scan and exploit staff computers and servers or take over network devices. From level 2 the "
        "wireless zone must be separate and independent from every other zone.",
    },
    "report.why.policy-violation": {
        "vi": "Luồng truy cập không cần thiết giữa các vùng làm mất tác dụng của việc phân vùng: khi một máy "
        "trong vùng nguồn bị nhiễm mã độc hoặc bị chiếm quyền, kẻ tấn công lan được sang vùng đích.",
        "en": "Unneeded flows between zones defeat the segmentation: once a host in the source zone is infected "
        "or taken over, the attacker can move into the destination zone.",
    },
    "report.why.unknown-verdict": {
        "vi": "Không chứng minh được luồng này bị chặn nên không thể khẳng định hai vùng đã được cách ly.",
        "en": "The flow cannot be proven blocked, so the two zones cannot be said to be isolated.",
    },
    "report.why.undefined-reference": {
        "vi": "Cấu hình trông như có lọc nhưng thực tế không lọc; người quản trị và đoàn kiểm tra dễ đánh giá "
        "sai mức độ an toàn của mạng.",
        "en": "The configuration looks filtered but filters nothing; administrators and inspectors easily "
        "misjudge how safe the network is.",
    },
    "report.why.unused-acl": {
        "vi": "ACL không được áp dụng thì không kiểm soát luồng nào; gây hiểu nhầm khi rà soát và có thể che "
        "giấu việc thiếu kiểm soát truy cập.",
        "en": "An access list that is not applied controls nothing; it misleads reviews and can hide missing "
        "access control.",
    },
    "report.why.shadowed-acl-line": {
        "vi": "Dòng chặn bị che khuất không bao giờ có tác dụng: luồng mà người quản trị định chặn vẫn đi qua.",
        "en": "A shadowed deny never takes effect: the traffic the administrator meant to block still passes.",
    },
    "report.why.mgmt-telnet": {
        "vi": "Telnet truyền tên đăng nhập, mật khẩu dạng rõ; ai nghe lén được trên đường truyền đều có thể "
        "chiếm quyền quản trị thiết bị.",
        "en": "Telnet sends user names and passwords in clear text; anyone who can sniff the path can take "
        "over the device.",
    },
    "report.why.mgmt-http-server": {
        "vi": "HTTP truyền thông tin đăng nhập quản trị dạng rõ và mở thêm một giao diện quản trị có thể bị tấn công.",
        "en": "HTTP sends administrator credentials in clear text and exposes one more management interface to attack.",
    },
    "report.why.mgmt-vty-no-access-class": {
        "vi": "Không giới hạn nguồn quản trị thì mọi máy tới được thiết bị đều có thể dò mật khẩu hoặc khai "
        "thác lỗ hổng của dịch vụ quản trị.",
        "en": "Without a source restriction every host that reaches the device can guess passwords or exploit "
        "the management service.",
    },
    "report.why.mgmt-snmp-community": {
        "vi": "Chuỗi community SNMP là mật khẩu dùng chung, truyền dạng rõ; không có ACL thì máy nào biết chuỗi "
        "này cũng đọc (hoặc sửa) được cấu hình thiết bị.",
        "en": "An SNMP community is a shared clear-text password; without an access list any host that knows "
        "it can read (or change) the device configuration.",
    },
    "report.why.ios-smart-install": {
        "vi": "Smart Install không xác thực: ai gửi được gói tin tới tcp/4786 của switch đều sao chép được cấu hình "
        "(kèm mật khẩu), thay cấu hình hoặc phần mềm và chiếm quyền thiết bị; tính năng này đã bị khai thác trên "
        "diện rộng (cảnh báo TA18-106A của CISA, Cisco cisco-sa-20170214-smi).",
        "en": "Smart Install has no authentication: anyone who can send packets to the switch's tcp/4786 can copy "
        "its configuration (passwords included), replace its configuration or software and take the device over; "
        "it has been exploited at scale (CISA alert TA18-106A, Cisco cisco-sa-20170214-smi).",
    },
    # (a vendor check's: here, not in its check module, which `netaudit report` of a saved
    # document never imports)
    "report.why.routeros-rule-empty-interface-list": {
        "vi": "Quy tắc đặt trên một danh sách giao diện rỗng không tác động đến gói tin nào: người quản trị "
        "tưởng có lớp bảo vệ nhưng thực tế không có.",
        "en": "A rule on an empty interface list acts on no packet: the administrator believes a protection "
        "is in place that does not exist.",
    },
    # short rule names (SARIF rules, finding headers)
    "report.rule.guest-isolation": {"vi": "Cách ly mạng Wi-Fi khách", "en": "Guest Wi-Fi isolation"},
    "report.rule.policy-violation": {
        "vi": "Luồng truy cập trái chính sách tham chiếu",
        "en": "Flow contradicting the reference policy",
    },
    "report.rule.unknown-verdict": {"vi": "Luồng truy cập chưa xác định", "en": "Undetermined flow"},
    "report.rule.undefined-reference": {
        "vi": "Tham chiếu tới đối tượng chưa định nghĩa",
        "en": "Reference to an undefined object",
    },
    "report.rule.unused-acl": {"vi": "ACL không được áp dụng", "en": "Unused access list"},
    "report.rule.shadowed-acl-line": {"vi": "Dòng ACL bị che khuất", "en": "Shadowed filter line"},
    "report.rule.mgmt-telnet": {"vi": "Quản trị qua Telnet", "en": "Telnet management"},
    "report.rule.mgmt-http-server": {"vi": "Quản trị web qua HTTP", "en": "HTTP web management"},
    "report.rule.mgmt-vty-no-access-class": {
        "vi": "Quản trị từ xa không giới hạn nguồn",
        "en": "Unrestricted remote management",
    },
    "report.rule.mgmt-snmp-community": {"vi": "SNMP không giới hạn nguồn", "en": "Unrestricted SNMP"},
    "report.rule.ios-smart-install": {
        "vi": "Cisco Smart Install (vstack) chưa tắt",
        "en": "Cisco Smart Install (vstack) not turned off",
    },
    # report-level configuration examples where a check gives none (Cisco IOS): the
    # configuration once (messages.neutral), its remark/comment a word in the reader's
    # language (catalogue/snippets.py)
    "report.snippet.isolate.cisco_ios": neutral(
        "ip access-list extended {acl}\n"
        " remark {snippet.isolate_remark}\n"
        " permit udp any any eq bootps\n"
        " permit udp any host {gateway} eq domain\n"
        " permit tcp any host {gateway} eq domain\n"
        " deny   ip any 10.0.0.0 0.255.255.255\n"
        " deny   ip any 172.16.0.0 0.15.255.255\n"
        " deny   ip any 192.168.0.0 0.0.255.255\n"
        " permit ip any any\n"
        "interface {interface}\n"
        " ip access-group {acl} in"
    ),
    "report.snippet.deny_pair.cisco_ios": neutral(
        "ip access-list extended {acl}\n"
        " ! {snippet.deny_pair_comment}\n"
        " deny   ip any {dst_net}\n"
        "interface {interface}\n"
        " ip access-group {acl} in"
    ),
    # ---- inventory (dossier shape, TT 12/2022 Art. 8.3.d)
    "inventory.intro": {
        "vi": "Theo cấu trúc hồ sơ đề xuất cấp độ (Thông tư 12/2022/TT-BTTTT, Điều 8.3.d): danh mục thiết bị mạng "
        "và quy hoạch vùng mạng, địa chỉ IP, lập từ cấu hình; vị trí triển khai và mục đích sử dụng lấy từ "
        "khai báo của đơn vị (site.yaml, mục devices) khi có.",
        "en": "In the shape of the level dossier (Circular 12/2022/TT-BTTTT, Art. 8.3.d): the network device list "
        "and the zone and IP address plan, built from the configurations; location and purpose come from "
        "the unit's declaration (site.yaml, devices section) when given.",
    },
    "inventory.devices": {"vi": "Danh mục thiết bị mạng", "en": "Network devices"},
    "inventory.ipplan": {"vi": "Quy hoạch vùng mạng và địa chỉ IP", "en": "Zone and IP address plan"},
    "inventory.col.no": {"vi": "STT", "en": "#"},
    "inventory.col.name": {"vi": "Tên thiết bị", "en": "Device"},
    "inventory.col.type": {"vi": "Chủng loại", "en": "Type"},
    "inventory.col.location": {"vi": "Vị trí triển khai", "en": "Location"},
    "inventory.col.purpose": {"vi": "Mục đích sử dụng", "en": "Purpose"},
    "inventory.col.file": {"vi": "Tệp cấu hình", "en": "Configuration file"},
    "inventory.col.zone": {"vi": "Vùng mạng", "en": "Zone"},
    "inventory.col.vlan": {"vi": "VLAN", "en": "VLAN"},
    "inventory.col.private": {"vi": "Địa chỉ IP nội bộ (IP Private)", "en": "Private addresses (IP Private)"},
    "inventory.col.public": {"vi": "Địa chỉ IP công khai (IP Public)", "en": "Public addresses (IP Public)"},
    "inventory.col.gateway": {"vi": "Cổng kết nối (gateway)", "en": "Gateway interfaces"},
    "inventory.links": {"vi": "Kết nối giữa các thiết bị", "en": "Links between devices"},
    "role.edge-router": {"vi": "Bộ định tuyến biên", "en": "Edge router"},
    "role.router": {"vi": "Bộ định tuyến", "en": "Router"},
    "role.l3-switch": {"vi": "Thiết bị chuyển mạch lớp 3", "en": "Layer-3 switch"},
    "role.switch": {"vi": "Thiết bị chuyển mạch", "en": "Switch"},
    "role.firewall": {"vi": "Tường lửa", "en": "Firewall"},
    "role.other": {"vi": "Thiết bị mạng", "en": "Network device"},
    "purpose.edge-router": {
        "vi": "Kết nối Internet; định tuyến, NAT, lọc truy cập tại biên",
        "en": "Internet connection; routing, NAT and filtering at the edge",
    },
    "purpose.router": {"vi": "Định tuyến giữa các mạng", "en": "Routing between networks"},
    "purpose.l3-switch": {
        "vi": "Chuyển mạch trung tâm; định tuyến và kiểm soát truy cập giữa các VLAN",
        "en": "Core switching; routing and access control between VLANs",
    },
    "purpose.switch": {
        "vi": "Chuyển mạch truy nhập cho máy trạm, thiết bị đầu cuối",
        "en": "Access switching for workstations and end devices",
    },
    "purpose.firewall": {"vi": "Kiểm soát truy cập giữa các vùng mạng", "en": "Access control between zones"},
    "purpose.other": {"vi": "Thiết bị mạng", "en": "Network device"},
    # ---- 7. signatures
    "sign.intro": {
        "vi": "Báo cáo này là tài liệu kèm theo biên bản kiểm tra; các bên ký xác nhận nội dung đã được đối chiếu.",
        "en": "This report is an annex to the inspection record; the parties sign to confirm its content was reviewed.",
    },
    "sign.unit": {"vi": "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA", "en": "FOR THE INSPECTED UNIT"},
    "sign.preparer": {"vi": "NGƯỜI LẬP BÁO CÁO", "en": "PREPARED BY"},
    "sign.inspector": {"vi": "ĐẠI DIỆN ĐOÀN KIỂM TRA", "en": "FOR THE INSPECTION TEAM"},
    "sign.hint": {"vi": "(Ký, ghi rõ họ tên, chức vụ)", "en": "(Signature, full name, title)"},
    "sign.place_date": {"vi": "…………, {date}", "en": "…………, {date}"},
    # ---- 5. compliance
    "compliance.intro": {
        "vi": "Đánh giá theo {standard}, cấp độ {level}. Chỉ những yêu cầu kiểm chứng được từ cấu hình thiết bị "
        "mạng mới được kết luận “Đáp ứng” hoặc “Không đáp ứng”; các yêu cầu về sản phẩm, quy trình (phòng "
        "chống mã độc, tường lửa ứng dụng web, giám sát tập trung…) nằm ngoài phạm vi cấu hình và cần được "
        "kiểm tra riêng.",
        "en": "Assessed against {standard}, level {level}. Only requirements that can be verified from network "
        "device configurations are concluded “meets” or “does not meet”; product and process "
        "requirements (anti-malware, web application firewall, central monitoring…) are outside the "
        "configuration scope and must be checked separately.",
    },
    "compliance.other": {
        "vi": "Đối chiếu theo {standard} — áp dụng cho hồ sơ cấp độ đã được phê duyệt theo {decree}: kết luận "
        "{verdict}; {met} yêu cầu đáp ứng, {not_met} không đáp ứng, {check} cần kiểm tra thêm. "
        "Xem chi tiết bằng tùy chọn --standard {id}.",
        "en": "Against {standard} — for level dossiers approved under {decree}: {verdict}; {met} met, "
        "{not_met} not met, {check} need further checking. Use --standard {id} for the details.",
    },
    "compliance.none": {"vi": "Bản JSON không có phần đánh giá tuân thủ.", "en": "The JSON has no compliance section."},
    "compliance.col.no": {"vi": "STT", "en": "#"},
    "compliance.col.requirement": {"vi": "Yêu cầu", "en": "Requirement"},
    "compliance.col.reference": {"vi": "Căn cứ", "en": "Reference"},
    "compliance.col.status": {"vi": "Kết quả", "en": "Result"},
    "compliance.col.evidence": {"vi": "Bằng chứng, nhận xét", "en": "Evidence, remarks"},
    "status.met": {"vi": "Đáp ứng", "en": "Meets"},
    "status.not_met": {"vi": "Không đáp ứng", "en": "Does not meet"},
    "status.check": {"vi": "Cần kiểm tra thêm", "en": "Needs further checking"},
    "status.not_applicable": {"vi": "Không áp dụng", "en": "Not applicable"},
    # Not "Không áp dụng" (which reads as "does not apply to this unit"): the requirement
    # applies, this inspection of configurations cannot decide it.
    "status.out_of_scope": {
        "vi": "Ngoài phạm vi kiểm tra cấu hình",
        "en": "Outside the configuration inspection",
    },
    "standard.nd331-2026": {
        "vi": "Nghị định 331/2026/NĐ-CP và TCVN 14423:2026",
        "en": "Decree 331/2026/NĐ-CP and TCVN 14423:2026",
    },
    "standard.tt12-2022": {
        "vi": "Thông tư 12/2022/TT-BTTTT (Nghị định 85/2016/NĐ-CP, TCVN 11930:2017)",
        "en": "Circular 12/2022/TT-BTTTT (Decree 85/2016/NĐ-CP, TCVN 11930:2017)",
    },
    "standard.decree.nd331-2026": {"vi": "Nghị định 331/2026/NĐ-CP", "en": "Decree 331/2026/NĐ-CP"},
    "standard.decree.tt12-2022": {"vi": "Nghị định 85/2016/NĐ-CP", "en": "Decree 85/2016/NĐ-CP"},
    # requirements
    "req.zone-internal": {"vi": "Có vùng mạng nội bộ", "en": "An internal (LAN) zone exists"},
    "req.zone-edge": {
        "vi": "Có vùng mạng biên; chặn các kết nối mới từ Internet vào các vùng bên trong",
        "en": "An edge zone exists; new connections from the Internet into inside zones are blocked",
    },
    "req.zone-dmz": {
        "vi": "Dịch vụ cung cấp ra Internet (nếu có) đặt trong vùng DMZ",
        "en": "Services offered to the Internet (if any) sit in a DMZ",
    },
    "req.zone-server": {"vi": "Có vùng máy chủ nội bộ tách riêng", "en": "A separate internal server zone exists"},
    "req.zone-wireless": {
        "vi": "Vùng mạng không dây (nếu có) tách riêng, độc lập với các vùng mạng khác",
        "en": "The wireless zone (if any) is separate and independent from every other zone",
    },
    "req.zone-database": {
        "vi": "Có vùng máy chủ cơ sở dữ liệu tách riêng; vùng người dùng không truy cập trực tiếp",
        "en": "A separate database-server zone exists; user zones do not reach it directly",
    },
    "req.zone-management": {
        "vi": "Có vùng quản trị; các vùng khác không truy cập được vùng quản trị",
        "en": "A management zone exists; no other zone reaches it",
    },
    "req.zone-device-mgmt": {
        "vi": "Có vùng quản trị thiết bị hệ thống; chỉ vùng này truy cập được dịch vụ quản trị của thiết bị",
        "en": "A system-device management zone exists; only it reaches the devices' management services",
    },
    "req.zone-wan": {
        "vi": "Kết nối Mạng truyền số liệu chuyên dùng (nếu có) không nối thông với Internet",
        "en": "The dedicated government network connection (if any) is not bridged to the Internet",
    },
    "req.interzone-control": {
        "vi": "Kiểm soát luồng truy cập giữa các vùng mạng theo nguyên tắc đặc quyền tối thiểu",
        "en": "Traffic between zones is controlled on a least-privilege basis",
    },
    "req.mgmt-no-internet": {
        "vi": "Vùng quản trị không kết nối trực tiếp ra Internet",
        "en": "The management zone has no direct Internet access",
    },
    "req.remote-admin": {
        "vi": "Quản trị từ xa an toàn (qua VPN hoặc tương đương); không quản trị trực tiếp từ Internet",
        "en": "Secure remote administration (VPN or equivalent); no administration directly from the Internet",
    },
    "req.mgmt-secure-protocols": {
        "vi": "Chỉ dùng giao thức quản trị an toàn (SSH, HTTPS); tắt Telnet, HTTP",
        "en": "Only secure management protocols (SSH, HTTPS); Telnet and HTTP disabled",
    },
    "req.mgmt-source-restrict": {
        "vi": "Giới hạn địa chỉ nguồn được phép quản trị thiết bị",
        "en": "Source addresses allowed to administer devices are restricted",
    },
    "req.config-effective": {
        "vi": "Cấu hình kiểm soát truy cập có hiệu lực đúng như khai báo (không tham chiếu ACL "
        "không tồn tại, không có dòng chặn bị che khuất)",
        "en": "Access-control configuration takes effect as written (no reference to a missing ACL, no shadowed deny)",
    },
    "req.ips": {
        "vi": "Tường lửa có chức năng phòng, chống xâm nhập (IPS) giữa các vùng mạng",
        "en": "Firewall with intrusion prevention (IPS) between zones",
    },
    "req.anti-malware": {
        "vi": "Phòng chống mã độc cho máy chủ và máy trạm",
        "en": "Anti-malware on servers and workstations",
    },
    "req.waf": {
        "vi": "Tường lửa ứng dụng web cho ứng dụng cung cấp cho người dân, doanh nghiệp",
        "en": "Web application firewall for applications serving citizens and businesses",
    },
    "req.email": {"vi": "Bảo đảm an toàn hệ thống thư điện tử", "en": "E-mail system security"},
    "req.redundancy": {
        "vi": "Dự phòng thiết bị mạng chính (chuyển mạch trung tâm, tường lửa trung tâm)",
        "en": "Redundancy of the main network devices (core switch, central firewall)",
    },
    "req.logging": {
        "vi": "Nhật ký hệ thống của thiết bị mạng được ghi và lưu trữ (tối thiểu {months})",
        "en": "Device logs are recorded and retained (at least {months})",
    },
    "duration.month": {"vi": "{n} tháng", "en": "{n} month"},
    "duration.months": {"vi": "{n} tháng", "en": "{n} months"},
    "req.logging-any": {
        "vi": "Nhật ký hệ thống của thiết bị mạng được ghi và lưu trữ",
        "en": "Device logs are recorded and retained",
    },
    "req.mfa": {
        "vi": "Xác thực đa yếu tố cho truy cập VPN và quản trị",
        "en": "Multi-factor authentication for VPN and administration",
    },
    "req.db-firewall": {
        "vi": "Tường lửa cơ sở dữ liệu (cơ sở dữ liệu tập trung)",
        "en": "Database firewall (central databases)",
    },
    "req.network-av": {"vi": "Chặn lọc phần mềm độc hại trên môi trường mạng", "en": "Network-level malware filtering"},
    "req.anti-ddos": {"vi": "Phòng chống tấn công từ chối dịch vụ", "en": "Denial-of-service protection"},
    "req.nac": {
        "vi": "Quản lý truy cập lớp mạng (NAC / 802.1X) cho mạng nội bộ",
        "en": "Network access control (NAC / 802.1X) for the LAN",
    },
    "req.siem": {"vi": "Giám sát an ninh mạng tập trung (SIEM)", "en": "Central security monitoring (SIEM)"},
    "req.backup": {"vi": "Quản lý sao lưu dự phòng tập trung", "en": "Central backup management"},
    "req.dlp": {"vi": "Phòng, chống thất thoát dữ liệu", "en": "Data loss prevention"},
    "req.wireless-security": {
        "vi": "Phương án bảo đảm an toàn mạng không dây (WPA2/WPA3-Enterprise, SSID riêng)",
        "en": "Wireless security plan (WPA2/WPA3-Enterprise, separate SSIDs)",
    },
    "req.internet-redundancy": {
        "vi": "Dự phòng kết nối Internet cho các máy chủ dịch vụ",
        "en": "Redundant Internet connectivity for service servers",
    },
    "req.pam": {"vi": "Quản lý tài khoản đặc quyền", "en": "Privileged account management"},
    "req.jump-host": {
        "vi": "Không quản trị trực tiếp từ bên ngoài; bắt buộc qua máy trung gian (jump host)",
        "en": "No direct administration from outside; a jump host is mandatory",
    },
    "req.micro-segmentation": {
        "vi": "Cổng một chiều / phân đoạn vi mô giữa các vùng có mức tin cậy khác nhau",
        "en": "One-way gateways / micro-segmentation between zones of different trust",
    },
    "req.geo-redundancy": {
        "vi": "Dự phòng hệ thống ở vị trí địa lý khác, cách tối thiểu 30 km",
        "en": "Geo-redundant site at least 30 km away",
    },
    "req.physical-isolation": {"vi": "Cách ly vật lý; mô hình Zero Trust", "en": "Physical isolation; Zero Trust"},
    # evidence sentences
    "ev.out_of_scope": {
        "vi": "Yêu cầu vẫn áp dụng với đơn vị, nhưng là yêu cầu về sản phẩm, quy trình hoặc vận hành, không thể "
        "hiện trong cấu hình định tuyến, chuyển mạch và lọc gói của thiết bị mạng; báo cáo này không kết luận "
        "đáp ứng hay không. Đoàn kiểm tra đối chiếu hồ sơ và kiểm tra thực tế.",
        "en": "The requirement does apply to the unit, but it concerns a product, process or operation that "
        "routing, switching and filtering configurations do not show; this report does not conclude whether "
        "it is met. The inspectors check the dossier and on site.",
    },
    "ev.zones": {"vi": "Vùng {zones} (loại: {kind}).", "en": "Zone {zones} (kind: {kind})."},
    "ev.no_services": {
        "vi": "Không tìm thấy dịch vụ quản trị nào trong cấu hình các thiết bị; cần kiểm tra thực tế "
        "cách thức quản trị thiết bị.",
        "en": "No management service was found in the device configurations; check on site how the devices are "
        "administered.",
    },
    "ev.cleartext_services": {
        "vi": "Dịch vụ quản trị không mã hóa đang bật: {services}.",
        "en": "Cleartext management services enabled: {services}.",
    },
    "ev.cleartext_maybe": {
        "vi": "Chưa xác định được các dịch vụ quản trị không mã hóa sau có đang bật hay không: {services}.",
        "en": "Not established whether these cleartext management services are on: {services}.",
    },
    "ev.snmp_restricted": {
        "vi": "SNMP v1/v2c (không mã hóa) trên {devices} chỉ cho phép các nguồn được liệt kê; nên chuyển sang SNMPv3.",
        "en": "SNMP v1/v2c (cleartext) on {devices} admits listed sources only; SNMPv3 is preferable.",
    },
    "ev.services": {"vi": "Dịch vụ quản trị đang bật: {services}.", "en": "Management services enabled: {services}."},
    "ev.zone_missing": {
        "vi": "Không có vùng loại “{kind}” trong khai báo vùng mạng.",
        "en": "No zone of kind “{kind}” is declared.",
    },
    "ev.zone_missing_check": {
        "vi": "Không có vùng loại “{kind}” trong khai báo vùng mạng; cần xác nhận đơn vị có hay không có loại "
        "máy chủ/thiết bị này.",
        "en": "No zone of kind “{kind}” is declared; confirm whether the unit has such servers or devices.",
    },
    "ev.zone_problems": {
        "vi": "Không xác định được vị trí của vùng trong cấu hình: {problems}.",
        "en": "The zone could not be placed in the configurations: {problems}.",
    },
    "ev.shared_domain": {
        "vi": "Vùng {zone} dùng chung miền lớp 2 ({domain}) với vùng {other}.",
        "en": "Zone {zone} shares an L2 domain ({domain}) with zone {other}.",
    },
    "ev.violations": {"vi": "Luồng trái chính sách: {cells}.", "en": "Flows violating the policy: {cells}."},
    "ev.unknown": {"vi": "Luồng chưa xác định: {cells}.", "en": "Undetermined flows: {cells}."},
    "ev.cells_ok": {
        "vi": "{n} luồng liên quan đều đúng chính sách tham chiếu (chứng minh trên mọi gói tin).",
        "en": "Relevant flows, all matching the reference policy (proven over every packet): {n}.",
    },
    "ev.findings": {"vi": "Tồn tại liên quan: {ids}.", "en": "Related findings: {ids}."},
    "ev.edge_attach": {
        "vi": "Vùng {zones} (Internet) kết nối tại {attach}.",
        "en": "Zone {zones} (Internet) attached at {attach}.",
    },
    "ev.no_external": {
        "vi": "Không có vùng Internet (loại external) trong khai báo vùng mạng; không đánh giá được "
        "kiểm soát truy cập từ bên ngoài.",
        "en": "No Internet zone (kind external) is declared; access control from outside cannot be assessed.",
    },
    "ev.dmz_not_needed": {
        "vi": "Không có vùng DMZ và từ Internet không mở được kết nối tới vùng nào bên trong, tức là không có dịch "
        "vụ công khai ra Internet. Khi đơn vị cung cấp dịch vụ ra Internet, máy chủ phải đặt trong vùng DMZ.",
        "en": "There is no DMZ and no inside zone accepts connections from the Internet, i.e. no service is "
        "offered to the Internet. Should the unit offer one, its server must sit in a DMZ.",
    },
    "ev.dmz_exposed": {
        "vi": "Không có vùng DMZ nhưng từ Internet tới được: {cells}.",
        "en": "There is no DMZ but the Internet reaches: {cells}.",
    },
    "ev.no_wireless": {
        "vi": "Không có vùng mạng không dây khách trong khai báo vùng mạng. Nếu đơn vị có Wi-Fi, cần khai báo vùng "
        "này (site.yaml) để kiểm tra.",
        "en": "No guest wireless zone is declared. If the unit has Wi-Fi, declare its zone (site.yaml) so it "
        "can be checked.",
    },
    "ev.no_wan": {
        "vi": "Không có vùng kết nối Mạng truyền số liệu chuyên dùng trong khai báo vùng mạng.",
        "en": "No dedicated-network (WAN) zone is declared.",
    },
    "ev.no_management": {
        "vi": "Không có vùng quản trị nên yêu cầu này được xét tại dòng về vùng quản trị.",
        "en": "There is no management zone; see the management-zone row.",
    },
    "ev.remote_ok": {
        "vi": "Từ Internet không tới được dịch vụ quản trị của thiết bị nào (ma trận: {zones} → @devices bị chặn). "
        "Việc quản trị từ xa qua VPN (nếu có) cần kiểm tra riêng.",
        "en": "The Internet reaches no device's management service (matrix: {zones} → @devices blocked). Remote "
        "administration over VPN (if any) must be checked separately.",
    },
    "ev.protocols_ok": {
        "vi": "Không phát hiện Telnet hoặc giao diện quản trị web qua HTTP đang bật trên các thiết bị được kiểm tra.",
        "en": "No device in scope has Telnet or HTTP web management enabled.",
    },
    "ev.source_ok": {
        "vi": "Dịch vụ quản trị đều có ACL giới hạn nguồn; chỉ vùng quản trị tới được dịch vụ quản trị của thiết bị.",
        "en": "Management services are bound to source ACLs; only the management zone reaches the devices' "
        "management services.",
    },
    "ev.config_ok": {
        "vi": "Không phát hiện tham chiếu tới ACL không tồn tại hay dòng chặn bị che khuất.",
        "en": "No reference to a missing ACL and no shadowed deny found.",
    },
    "ev.device_mgmt_single": {
        "vi": "Vùng quản trị {zones} đồng thời là vùng quản trị thiết bị; cần xác nhận yêu cầu tách vùng quản trị "
        "thiết bị hệ thống riêng ở cấp độ này.",
        "en": "Management zone {zones} also manages the devices; confirm whether this level requires a separate "
        "system-device management zone.",
    },
    # ---- summary and full detail (--detail; netaudit/report/detail.py, docs/report.md "Summary and
    # full detail"): every cut says how many items are not printed and where they are in full.
    "detail.summary_note": {
        "vi": "Bản in rút gọn: mạng được kiểm tra lớn nên một số danh sách dài được cắt bớt; mỗi chỗ cắt ghi rõ "
        "số mục không in và nơi xem đầy đủ. Kết luận, ma trận truy cập và số lượng tồn tại được tính trên toàn bộ "
        "kết quả. Bản đầy đủ: {where}.",
        "en": "Summarised print: the inspected network is large, so some long lists are cut; every cut says how "
        "many items are not printed and where they are in full. The conclusion, the access matrix and the "
        "finding counts cover the whole result. In full: {where}.",
    },
    "detail.where": {
        "vi": "báo cáo HTML, tệp JSON hoặc bản in với tùy chọn --detail full",
        "en": "the HTML report, the JSON file or the print with --detail full",
    },
    "detail.more": {
        "vi": "… và {n} {what} khác không in ở đây; danh sách đầy đủ: {where}.",
        "en": "… and {n} more {what} not printed here; full list: {where}.",
    },
    "detail.what.inputs": {"vi": "tệp", "en": "files"},
    "detail.what.warnings": {"vi": "cảnh báo", "en": "warnings"},
    "detail.what.partial": {"vi": "cấu trúc", "en": "constructs"},
    "detail.what.devices": {"vi": "thiết bị", "en": "devices"},
    "detail.what.links": {"vi": "liên kết", "en": "links"},
    "detail.what.rules": {"vi": "quy tắc", "en": "rules"},
    "detail.what.findings": {"vi": "phát hiện", "en": "findings"},
    "detail.what.cells": {"vi": "ô", "en": "cells"},
    "detail.what.zones": {"vi": "vùng mạng", "en": "zones"},
    "detail.what.flows": {"vi": "luồng", "en": "flows"},
    "detail.what.evidence": {"vi": "dòng bằng chứng", "en": "evidence lines"},
    "detail.what.blocked": {"vi": "luồng bị chặn", "en": "blocked flows"},
    "detail.what.changes": {"vi": "thay đổi", "en": "changes"},
    "detail.plans_more": {
        "vi": "… và {n} bộ thay đổi khác không in ở đây (thiết bị {devices}); danh sách đầy đủ: netaudit fix, {where}.",
        "en": "… and {n} more change sets not printed here (devices {devices}); full list: netaudit fix, {where}.",
    },
    # a cut inside a table cell, and the note under that table
    "detail.inline": {"vi": "… (+{n})", "en": "… (+{n})"},
    "detail.cell_note": {
        "vi": "“(+N)”: N mục nữa không in trong ô; danh sách đầy đủ: {where}.",
        "en": "“(+N)”: N more items not printed in the cell; full list: {where}.",
    },
    "detail.cell_note.site": {
        "vi": "“(+N)”: N mục nữa không in trong ô; đầy đủ trong tệp khai báo vùng mạng (mã băm SHA-256 tại "
        "phụ lục A) và trong {where}.",
        "en": "“(+N)”: N more items not printed in the cell; in full in the zone declaration file (SHA-256 in "
        "annex A) and in {where}.",
    },
    "detail.rootcauses_more": {
        "vi": "Còn {n} nguyên nhân gốc khác ({findings} tồn tại: {counts}) không liệt kê ở đây; được tổng hợp "
        "theo loại tại mục {sec}.{no}; danh sách đầy đủ: {where}.",
        "en": "{n} more root causes ({findings} findings: {counts}) are not listed here; they are counted by kind "
        "in section {sec}.{no}; full list: {where}.",
    },
    "detail.consequences_more": {
        "vi": "… và {n} hệ quả khác ({refs})",
        "en": "… and {n} more consequences ({refs})",
    },
    "detail.refs_cut": {"vi": "… (+{n} mục)", "en": "… (+{n} sections)"},
    "detail.refs_other": {
        "vi": "và {n} tồn tại được tổng hợp tại mục {sec}.{no}",
        "en": "and {n} findings counted in section {sec}.{no}",
    },
    "detail.others.title": {"vi": "Các tồn tại khác (tổng hợp theo loại)", "en": "Other findings (counted by kind)"},
    "detail.others.intro": {
        "vi": "Bản in rút gọn trình bày chi tiết tối đa {per} tồn tại đầu tiên (nghiêm trọng nhất) của mỗi loại: "
        "{shown} trên tổng số {total} tồn tại. {n} tồn tại còn lại được tổng hợp theo loại dưới đây; từng tồn "
        "tại (bằng chứng, kiến nghị) có đầy đủ trong {where}.",
        "en": "The summarised print details at most the first (most severe) {per} findings of each kind: {shown} "
        "of {total}. The other {n} are counted by kind below; each one (evidence, remediation) is in full in "
        "{where}.",
    },
    "detail.others.col.finding": {"vi": "Loại tồn tại", "en": "Kind of finding"},
    "detail.others.like": {"vi": "{title} (và các tồn tại cùng loại)", "en": "{title} (and others of its kind)"},
    "detail.others.col.count": {"vi": "Không in / tổng số", "en": "Not printed / total"},
    "detail.others.col.where": {"vi": "Thiết bị hoặc vùng (số tồn tại)", "en": "Devices or zones (findings)"},
    "detail.others.col.shown": {"vi": "Trình bày mẫu tại", "en": "Examples in"},
    "detail.others.none_shown": {"vi": "(không có mẫu trong bản in rút gọn)", "en": "(no example in the summary)"},
    "detail.others.fix": {"vi": "Kiến nghị: {text}", "en": "Remediation: {text}"},
    "detail.flows_more": {
        "vi": "Bản in rút gọn không trình bày đường đi minh chứng của {n} luồng khác ({counts}); kết quả của từng "
        "luồng có trong bảng “{title}”; đường đi đầy đủ: {where}.",
        "en": "The summarised print leaves out the witness paths of {n} more flows ({counts}); each flow's verdict "
        "is in the table “{title}”; the paths in full: {where}.",
    },
    "detail.matrix_compact": {
        "vi": "Bảng rút gọn ({n} vùng mạng): hàng và cột ghi mã của vùng; mỗi ô chỉ ghi kết quả ({legend}); dịch "
        "vụ đi qua được, yêu cầu theo chính sách và lý do của từng ô: {where}.",
        "en": "Compact table ({n} zones): rows and columns give the zone's id; each cell gives the verdict only "
        "({legend}); the services delivered, the expectation and the reason of each cell: {where}.",
    },
    "detail.zones_elsewhere": {
        "vi": "Bảng trên chỉ nêu các vùng mạng có vấn đề khi xếp vùng; {n} vùng mạng còn lại cùng dải địa chỉ, "
        "VLAN và cổng kết nối của từng vùng được liệt kê tại mục {sec}.2 và Phụ lục A.",
        "en": "The table above lists only the zones whose placement has a problem; the other {n} zones, with "
        "their addresses, VLANs and attachments, are listed in section {sec}.2 and annex A.",
    },
    "detail.zones_elsewhere.none": {
        "vi": "Không vùng mạng nào có vấn đề khi xếp vùng; {n} vùng mạng cùng dải địa chỉ, VLAN và cổng kết nối "
        "của từng vùng được liệt kê tại mục {sec}.2 và Phụ lục A.",
        "en": "No zone has a placement problem; the {n} zones, with their addresses, VLANs and attachments, are "
        "listed in section {sec}.2 and annex A.",
    },
    "detail.matrix_grouped": {
        "vi": "Bảng rút gọn theo loại vùng ({n} vùng mạng, {pairs} cặp vùng); kết quả, dịch vụ đi qua được, yêu "
        "cầu theo chính sách và lý do của từng cặp vùng: {where}.",
        "en": "Summary by kind of zone ({n} zones, {pairs} zone pairs); the verdict, services delivered, "
        "expectation and reason of each zone pair: {where}.",
    },
    "detail.count.violation": {"vi": "{n} vi phạm", "en": "{n} violating"},
    "detail.count.unknown": {"vi": "{n} chưa xác định", "en": "{n} unknown"},
    "detail.count.allowed": {"vi": "{n} truy cập được, không vi phạm", "en": "{n} reachable, not violating"},
    # The remediation plan (JSON "remedy", view._remedy; docs/remedy.md)
    "remedy.title": {"vi": "Kế hoạch khắc phục", "en": "Remediation plan"},
    "remedy.intro": {
        "vi": "Một bộ thay đổi cho mỗi thiết bị, gộp mọi phát hiện mà cấu hình khắc phục được. Lệnh "
        "netaudit fix sinh các câu lệnh theo cú pháp của hãng, áp thử lên bản sao cấu hình và kiểm tra lại "
        "trước khi đề xuất: phát hiện nào được khắc phục, phát hiện nào còn lại và vì sao, và mọi luồng "
        "được phép vẫn thông.",
        "en": "One change set per device, merging every finding a configuration change closes. netaudit fix "
        "writes the commands in the vendor's syntax, applies them to a copy of the configuration and "
        "re-audits it before proposing them: which findings close, which remain and why, and that every "
        "allowed flow still flows.",
    },
    "remedy.block": {
        "vi": "chặn {src} → {dst} tại {device}:{interface} ({direction})",
        "en": "block {src} → {dst} at {device}:{interface} ({direction})",
    },
    "remedy.block_allow": {
        "vi": "chỉ cho phép {src} → {dst} với {allow}, chặn phần còn lại, tại {device}:{interface} ({direction})",
        "en": "allow {src} → {dst} only for {allow}, block the rest, at {device}:{interface} ({direction})",
    },
    "remedy.direction.in": {"vi": "chiều vào", "en": "inbound"},
    "remedy.direction.out": {"vi": "chiều ra", "en": "outbound"},
    "remedy.off": {"vi": "tắt dịch vụ quản trị {service}", "en": "turn off {service}"},
    "remedy.off_cleartext": {
        "vi": "tắt dịch vụ quản trị {service} (không mã hóa)",
        "en": "turn off {service} (cleartext)",
    },
    "remedy.only_from": {
        "vi": "dịch vụ {service} chỉ cho phép từ vùng quản trị ({sources})",
        "en": "{service} only from the management zone ({sources})",
    },
    "remedy.no_generator": {
        "vi": "Chưa có bộ sinh câu lệnh cho {vendor}: thực hiện theo hướng dẫn của từng phát hiện.",
        "en": "No change-set generator for {vendor} yet: follow each finding's remediation.",
    },
    "remedy.stop_zones": {
        "vi": "chặn {zones} truy cập dịch vụ {service} của thiết bị (tệp site chưa có vùng quản trị)",
        "en": "stop {zones} reaching the device's {service} (the site file names no management zone)",
    },
    "remedy.antispoof": {
        "vi": "chống giả mạo địa chỉ nguồn (uRPF chặt) tại {device}:{interface}: {zone} chỉ gửi được bằng địa chỉ "
        "của chính mình",
        "en": "source anti-spoofing (strict uRPF) at {device}:{interface}: {zone} can only send with its own addresses",
    },
    "remedy.antispoof_many": {
        "vi": "chống giả mạo địa chỉ nguồn (uRPF chặt) tại {n} cổng của {device} ({interfaces}): {zones} chỉ gửi "
        "được bằng địa chỉ của chính mình",
        "en": "source anti-spoofing (strict uRPF) on {n} interfaces of {device} ({interfaces}): {zones} can only "
        "send with their own addresses",
    },
    "remedy.close": {
        "vi": "đóng {service} từ Internet tới thiết bị ngay tại nơi Internet đi vào, {device}:{interfaces} (chiều "
        "vào); dịch vụ không bị tắt",
        "en": "close {service} from the Internet to the device where the Internet enters, at {device}:{interfaces} "
        "(inbound); the service itself stays on",
    },
    "remedy.unbind": {
        "vi": "gỡ dòng gắn ACL {acl} không tồn tại tại {device}:{interface} ({direction}) — nó không lọc gì",
        "en": "remove the binding of the undefined ACL {acl} at {device}:{interface} ({direction}) — it filters "
        "nothing",
    },
    "remedy.unfixable": {
        "vi": "Kế hoạch không khắc phục được (và lý do):",
        "en": "Not closed by the plan (and why):",
    },
    "remedy.unfixable_many": {"vi": "{refs} ({n} tồn tại)", "en": "{refs} ({n} findings)"},
    "remedy.see_plan": {
        "vi": "Thuộc bộ thay đổi của thiết bị {device}",
        "en": "Part of device {device}'s change set",
    },
    "remedy.instead": {
        "vi": "Câu lệnh: trong bộ thay đổi của thiết bị {device} (Kế hoạch khắc phục), gộp với các phát hiện "
        "khác và được netaudit fix kiểm chứng; không áp dụng riêng lẻ.",
        "en": "Commands: in device {device}'s change set (remediation plan), merged with the other findings and "
        "proven by netaudit fix; do not apply them one by one.",
    },
}
