"""Catalogue entries: verdicts, expectations, kinds, severities and the words every output
shares.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # ---- verdicts and expectations
    "verdict.reachable": {"vi": "đi tới được", "en": "reachable"},
    "verdict.blocked": {"vi": "bị chặn", "en": "blocked"},
    "verdict.unknown": {"vi": "chưa xác định", "en": "unknown"},
    "expected.allow": {"vi": "cho phép", "en": "allow"},
    "expected.deny": {"vi": "cấm", "en": "deny"},
    "expected.limited": {"vi": "chỉ cho phép", "en": "limited to"},
    "severity.critical": {"vi": "Nghiêm trọng", "en": "Critical"},
    "severity.high": {"vi": "Cao", "en": "High"},
    "severity.medium": {"vi": "Trung bình", "en": "Medium"},
    "severity.low": {"vi": "Thấp", "en": "Low"},
    "severity.info": {"vi": "Thông tin", "en": "Info"},
    # A finding resting on what is not fully understood (Finding.proven False: docs/report.md).
    "severity.unproven": {"vi": "{severity}, chưa chứng minh", "en": "{severity}, not proven"},
    # ---- terminal summary
    "summary.title": {"vi": "KẾT QUẢ KIỂM TRA PHÂN VÙNG MẠNG", "en": "NETWORK SEGMENTATION AUDIT"},
    "summary.unit": {"vi": "Đơn vị", "en": "Unit"},
    "summary.level": {"vi": "Cấp độ", "en": "Security level"},
    "summary.zones_inferred": {
        "vi": "Các vùng mạng được SUY ĐOÁN từ tên trong cấu hình (chưa có site.yaml) — cần xác nhận:",
        "en": "Zones were INFERRED from names in the configs (no site.yaml) — confirm them:",
    },
    "summary.zones_from": {"vi": "Các vùng mạng lấy từ {file}", "en": "Zones from {file}"},
    # the summary of a large audit (report/detail.py, TEXT_*): each cut says what it left
    # out and how to see it
    "summary.zones_cut": {
        "vi": "  ({n} vùng mạng, nêu tên theo loại; tùy chọn --detail full liệt kê từng vùng với dải địa chỉ "
        "và căn cứ xếp vùng)",
        "en": "  ({n} zones, named by kind; --detail full lists each zone with its subnets and why it was placed)",
    },
    "summary.matrix_cut": {
        "vi": "  … {rows} ô khác (vi phạm, chưa xác định hoặc đi tới được) không in, {blocked} ô bị chặn không liệt kê "
        "— tùy chọn --detail full in mọi ô",
        "en": "  … {rows} more cells (violating, unknown or reachable) not printed, {blocked} blocked cells not listed "
        "— --detail full prints every cell",
    },
    "summary.matrix_cut_blocked": {
        "vi": "  … {blocked} ô bị chặn không liệt kê — tùy chọn --detail full in mọi ô",
        "en": "  … {blocked} blocked cells not listed — --detail full prints every cell",
    },
    "summary.findings_cut": {
        "vi": "  … {n} tồn tại khác không in ({kinds}) — tùy chọn --detail full hoặc báo cáo JSON/HTML có đầy đủ",
        "en": "  … {n} more findings not printed ({kinds}) — --detail full or the JSON/HTML report has them all",
    },
    "summary.inputs_cut": {
        "vi": "  … {n} tệp khác đọc được không có vấn đề — tùy chọn --detail full liệt kê tất cả",
        "en": "  … {n} more files read without a problem — --detail full lists them all",
    },
    "runtime.candidates_zone": {
        "vi": "một địa chỉ trong {subnets} (dải của vùng trên đoạn mạng đó)",
        "en": "one address of {subnets} (the zone's range on that segment)",
    },
    "runtime.candidates_any": {
        "vi": "bất kỳ địa chỉ unicast nào ngoài các dải đã cấu hình trên thiết bị và các dải của vùng",
        "en": "any unicast address outside the devices' configured ranges and the zones' subnets",
    },
    "summary.runtime": {
        "vi": "Địa chỉ nhận khi vận hành (DHCP/PPPoE): kết luận đúng với mọi giá trị",
        "en": "Addresses assigned at run time (DHCP/PPPoE): verdicts hold for every value",
    },
    "summary.runtime_item": {
        "vi": "{device}:{interface} ({where}) — giả định: {candidates}; hiển thị bằng {shown}",
        "en": "{device}:{interface} ({where}) — assumed: {candidates}; shown as {shown}",
    },
    "summary.attached": {"vi": "tự gắn tại lối ra", "en": "attached at the exit"},
    "summary.matrix": {"vi": "Ma trận truy cập giữa các vùng", "en": "Zone reachability matrix"},
    "summary.findings": {"vi": "Tồn tại, hạn chế", "en": "Findings"},
    "summary.no_findings": {"vi": "Không phát hiện tồn tại.", "en": "No findings."},
    "summary.coverage": {"vi": "Mức độ đọc hiểu cấu hình", "en": "Parse coverage"},
    "summary.coverage_line": {
        "vi": "{files} tệp, {lines} dòng, {unrecognized} dòng không nhận dạng được, {partial} cấu trúc hiểu một phần",
        "en": "{files} files, {lines} lines, {unrecognized} unrecognized lines, "
        "{partial} partially understood constructs",
    },
    "summary.input_line": {
        "vi": "{vendor}: {devices}, {lines} dòng, {unrecognized} dòng không nhận dạng được",
        "en": "{vendor}: {devices}, {lines} lines, {unrecognized} unrecognized",
    },
    "summary.warnings": {"vi": "Cảnh báo", "en": "Warnings"},
    "summary.col.from": {"vi": "Từ vùng", "en": "From"},
    "summary.col.to": {"vi": "Đến vùng", "en": "To"},
    "summary.col.verdict": {"vi": "Kết quả", "en": "Verdict"},
    "summary.col.expected": {"vi": "Yêu cầu", "en": "Expected"},
    "summary.col.services": {"vi": "Dịch vụ", "en": "Services"},
    "summary.violation": {"vi": "VI PHẠM", "en": "VIOLATION"},
    # Reachable within the policy, maybe beyond it: not proven (docs/semantics.md).
    "summary.may_violate": {"vi": "CHƯA CHỨNG MINH", "en": "NOT PROVEN"},
    "summary.icmp_replies_only": {"vi": "chỉ trả lời/lỗi ICMP", "en": "ICMP replies/errors only"},
    "summary.witness": {"vi": "Gói tin minh chứng", "en": "Witness packet"},
    "summary.evidence": {"vi": "Bằng chứng", "en": "Evidence"},
    "summary.remediation": {"vi": "Kiến nghị", "en": "Remediation"},
    "summary.reason": {"vi": "Lý do", "en": "Reason"},
    # ---- terminal summary: the last line, the answer to the inspection's question
    "summary.conclusion.yes": {
        "vi": "Kết luận: Wi-Fi khách CÓ vào được mạng nội bộ — {where}.",
        "en": "Conclusion: the guest Wi-Fi CAN reach the internal network — {where}.",
    },
    "summary.conclusion.devices_yes": {
        "vi": "Kết luận: Wi-Fi khách CÓ vào được dịch vụ của thiết bị mạng ngoài chính sách — {where}.",
        "en": "Conclusion: the guest Wi-Fi CAN reach services of the network devices beyond the policy — {where}.",
    },
    "summary.conclusion.zones_blocked": {
        "vi": "Các vùng mạng nội bộ: KHÔNG vào được — đã chứng minh trên mọi gói tin.",
        "en": "The internal zones: NOT reachable — proven over every packet.",
    },
    "summary.conclusion.no": {
        "vi": "Kết luận: Wi-Fi khách KHÔNG vào được mạng nội bộ — đã chứng minh trên mọi gói tin.",
        "en": "Conclusion: the guest Wi-Fi CANNOT reach the internal network — proven over every packet.",
    },
    "summary.conclusion.unknown": {
        "vi": "Kết luận: CHƯA XÁC ĐỊNH được Wi-Fi khách có vào được mạng nội bộ hay không — {why}.",
        "en": "Conclusion: NOT KNOWN whether the guest Wi-Fi can reach the internal network — {why}.",
    },
    "summary.conclusion.no_guest": {
        "vi": "không có vùng mạng khách (kind: guest) nào được khai báo hoặc nhận diện",
        "en": "no guest zone (kind: guest) is declared or recognized",
    },
    "summary.conclusion.via": {"vi": "qua {devices}", "en": "via {devices}"},
    "summary.conclusion.l2": {
        "vi": "cùng một đoạn mạng lớp 2, không qua bộ lọc nào",
        "en": "on the same layer-2 segment, through no filter",
    },
    "summary.conclusion.devices": {
        "vi": "dịch vụ của thiết bị mạng {items}",
        "en": "services of the network devices {items}",
    },
    "summary.conclusion.devices_zone": {"vi": "thiết bị mạng (giao diện quản trị)", "en": "the network devices"},
    "summary.conclusion.live": {"vi": "quan sát thực tế", "en": "observed live"},
    "summary.conclusion.more": {"vi": "và {n} luồng khác", "en": "and {n} more"},
    "summary.conclusion.also_unknown": {"vi": "chưa xác định: {items}", "en": "not known: {items}"},
    "summary.conclusion.overall": {"vi": "Kết luận chung: {verdict}", "en": "Overall: {verdict}"},
    # ---- trace
    "trace.delivered": {"vi": "Tới được vùng {zone}", "en": "Delivered to zone {zone}"},
    "trace.blocked": {
        "vi": "Bị chặn — không gói tin nào tới đích",
        "en": "Blocked — no packet reaches the destination",
    },
    "trace.unknown": {"vi": "Chưa xác định: {reason}", "en": "Unknown: {reason}"},
    "trace.blocked_by": {"vi": "Bị chặn bởi", "en": "Stopped by"},
    # ---- what netaudit says on stderr once it has written its output (cli.py)
    "cli.error": {"vi": "netaudit: lỗi: {message}", "en": "netaudit: error: {message}"},
    "cli.warning": {"vi": "netaudit: cảnh báo: {message}", "en": "netaudit: warning: {message}"},
    # argparse's usage errors (cli._USAGE_MESSAGES): option names, values and choices as typed
    "cli.usage.unrecognized": {
        "vi": "tham số không hợp lệ: {args}{hint}",
        "en": "unrecognized arguments: {args}{hint}",
    },
    "cli.usage.required": {
        "vi": "thiếu tham số bắt buộc: {args}",
        "en": "the following arguments are required: {args}",
    },
    "cli.usage.one_of_required": {
        "vi": "cần một trong các tham số {args}",
        "en": "one of the arguments {args} is required",
    },
    "cli.usage.command": {
        "vi": "không có lệnh {value}{hint}; các lệnh: {choices}",
        "en": "argument command: invalid choice: {value}{hint} (choose from {choices})",
    },
    "cli.usage.invalid_choice": {
        "vi": "{argument}: giá trị {value} không hợp lệ{hint}; hãy chọn một trong {choices}",
        "en": "argument {argument}: invalid choice: {value}{hint} (choose from {choices})",
    },
    "cli.usage.expected_one": {
        "vi": "{argument}: thiếu giá trị (cần đúng một giá trị)",
        "en": "argument {argument}: expected one argument",
    },
    "cli.usage.expected_some": {
        "vi": "{argument}: cần ít nhất một giá trị",
        "en": "argument {argument}: expected at least one argument",
    },
    "cli.usage.expected_at_most_one": {
        "vi": "{argument}: chỉ nhận nhiều nhất một giá trị",
        "en": "argument {argument}: expected at most one argument",
    },
    "cli.usage.invalid_value": {
        "vi": "{argument}: giá trị {value} không hợp lệ",
        "en": "argument {argument}: invalid value: {value}",
    },
    "cli.usage.not_allowed_with": {
        "vi": "{argument}: không dùng được cùng với {other}",
        "en": "argument {argument}: not allowed with argument {other}",
    },
    "cli.usage.ignored_explicit": {
        "vi": "{argument}: không nhận giá trị {value}",
        "en": "argument {argument}: ignored explicit argument {value}",
    },
    "cli.usage.ambiguous": {
        "vi": "tùy chọn {option} không rõ ràng, có thể là {matches}",
        "en": "ambiguous option: {option} could match {matches}",
    },
    "cli.warning.no_dot": {
        "vi": "không tìm thấy Graphviz (dot): sơ đồ được xếp theo dạng lưới",
        "en": "Graphviz (dot) not found: diagram laid out on a grid",
    },
    # ---- what `netaudit blueprint` says once it has written the model network (cli.py)
    "cli.blueprint.summary": {
        "vi": "netaudit blueprint: {n} tệp trong {folder}; kiểm chứng bằng chính cuộc kiểm tra của nó: {verdict}",
        "en": "netaudit blueprint: {n} files in {folder}; proof by its own audit {verdict}",
    },
    "cli.blueprint.holds": {"vi": "đạt", "en": "holds"},
    "cli.blueprint.fails": {"vi": "KHÔNG ĐẠT ({n} điểm khác biệt)", "en": "FAILS ({n} difference(s))"},
    # ---- the spinner on a terminal (netaudit/progress.py): what is being done
    "cli.progress.auditing": {"vi": "đang kiểm tra các cấu hình", "en": "auditing the configurations"},
    "cli.progress.reading_audit": {"vi": "đang đọc kết quả kiểm tra đã lưu", "en": "reading the saved audit"},
    "cli.progress.diagram": {"vi": "đang xếp sơ đồ mạng", "en": "laying out the diagram"},
    "cli.progress.rendering": {"vi": "đang tạo báo cáo {format}", "en": "rendering the {format} report"},
    "cli.progress.writing": {"vi": "đang ghi tệp", "en": "writing"},
    # netaudit init: what was written and what to do next
    "cli.init.wrote": {
        "vi": "netaudit: đã ghi {file} với {n} vùng mạng suy đoán — cần rà soát trước khi kiểm tra",
        "en": "netaudit: wrote {file} with {n} inferred zones — review before auditing",
    },
    "cli.init.no_zones": {
        "vi": "netaudit: không suy đoán được vùng mạng nào từ cấu hình: bản nháp không khai báo vùng nào — hãy "
        "tự thêm các vùng trước khi chạy `netaudit audit` (lệnh này dừng lại khi tệp khai báo không có vùng nào)",
        "en": "netaudit: no zone could be inferred from the configs: the draft declares none — add the zones by "
        "hand before `netaudit audit` (it stops on a site file without zones)",
    },
    "cli.init.notes": {
        "vi": "netaudit: {n} ghi chú cho người rà soát ở đầu bản nháp",
        "en": "netaudit: {n} note(s) for the reviewer at the top of the draft",
    },
    "cli.wrote": {"vi": "netaudit: đã ghi {files}", "en": "netaudit: wrote {files}"},
    "cli.wrote.report": {"vi": "báo cáo", "en": "report"},
    "cli.wrote.diagram": {"vi": "sơ đồ chỉnh sửa được", "en": "editable diagram"},
    "cli.exit_fail": {
        "vi": "netaudit: mã thoát 1, cuộc kiểm tra không đạt (không phải lỗi của chương trình): {reasons}",
        "en": "netaudit: exit 1, the audit does not pass (not an error): {reasons}",
    },
    "cli.exit_pass": {
        "vi": "netaudit: mã thoát 0, cuộc kiểm tra đạt: không có tồn tại ở mức {severity} trở lên, không có luồng "
        "chưa xác định mà chính sách yêu cầu chặn, kết luận đạt",
        "en": "netaudit: exit 0, the audit passes: no finding at or above {severity}, no unknown flow the policy "
        "wants denied, conclusion pass",
    },
    # ---- mistakes on the command line and with the output files (InputError, cli.py,
    # outputs.py): option names and values stay as typed
    "cli.error.binary_format": {
        "vi": "--format {format} ghi ra tệp nhị phân: hãy chỉ định -o FILE.{format}",
        "en": "--format {format} writes a binary file: give -o FILE.{format}",
    },
    "cli.error.diagram_file": {
        "vi": "--diagram ghi ra một tệp: hãy chỉ định --diagram FILE.drawio",
        "en": "--diagram writes a file: give --diagram FILE.drawio",
    },
    "cli.error.not_folder": {"vi": "không phải là thư mục", "en": "not a folder"},
    "cli.error.exists": {
        "vi": "đã tồn tại; hãy rà soát tệp này, hoặc dùng --force để ghi đè",
        "en": "already exists; review it, or pass --force to overwrite",
    },
    "cli.error.probe_output": {
        "vi": "hãy chỉ định -o FILE.json cho kết quả đo (hoặc --dry-run)",
        "en": "give -o FILE.json for the probe result (or --dry-run)",
    },
    "cli.error.probe_positive": {
        "vi": "--max-probes, --per-zone, --timeout và --max-time phải là số dương",
        "en": "--max-probes, --per-zone, --timeout and --max-time must be positive",
    },
    "cli.error.trace_hops": {"vi": "--trace-hops phải từ 1 đến 30", "en": "--trace-hops must be between 1 and 30"},
    "cli.error.scan_output": {
        "vi": "hãy chỉ định -o FILE.json cho kết quả quét (hoặc --dry-run)",
        "en": "give -o FILE.json for the scan result (or --dry-run)",
    },
    "cli.error.scan_positive": {
        "vi": "--max-hosts, --timeout và --max-time phải là số dương",
        "en": "--max-hosts, --timeout and --max-time must be positive",
    },
    "cli.error.example": {
        "vi": "--example: loại đơn vị phải là một trong {choices} (đang là {value})",
        "en": "--example: unit type must be one of {choices} (got {value})",
    },
    "cli.error.blueprint_args": {
        "vi": "hãy chỉ định một tệp yêu cầu (intent) và -o OUT (hoặc --example TYPE để bắt đầu từ một tệp mẫu)",
        "en": "give an intent file and -o OUT (or --example TYPE to start one)",
    },
    "cli.error.output_folder": {"vi": "-o phải là một thư mục", "en": "-o must be a folder"},
    "cli.error.output_parent": {
        "vi": "-o: thư mục {folder} không tồn tại",
        "en": "-o: the folder {folder} does not exist",
    },
    "cli.error.output_write": {"vi": "-o: không ghi được: {error}", "en": "-o: cannot write: {error}"},
    "output.what.output": {"vi": "tệp kết quả", "en": "output"},
    "output.what.stdout": {"vi": "đầu ra chuẩn", "en": "standard output"},
    "output.what.report": {"vi": "báo cáo", "en": "report"},
    "output.what.diagram": {"vi": "sơ đồ", "en": "diagram"},
    "output.what.site_file": {"vi": "tệp khai báo vùng mạng", "en": "site file"},
    "output.what.probe_result": {"vi": "kết quả đo", "en": "probe result"},
    "output.what.scan_result": {"vi": "kết quả quét", "en": "scan result"},
    "output.error.folder_name": {
        "vi": "{what}: hãy chỉ định tên tệp, không phải thư mục",
        "en": "{what}: give a file name, not a folder",
    },
    "output.error.cannot_write": {"vi": "không ghi được {what}: {error}", "en": "cannot write {what}: {error}"},
    "output.error.symlink": {
        "vi": "không ghi được {what}: đây là liên kết tượng trưng (symbolic link), netaudit không bao giờ ghi qua "
        "liên kết; hãy xóa nó hoặc chọn tên khác",
        "en": "cannot write {what}: it is a symbolic link, and netaudit never writes through a link; remove it or "
        "choose another name",
    },
    "output.error.is_folder": {
        "vi": "không ghi được {what}: đây là một thư mục; hãy chỉ định tên tệp",
        "en": "cannot write {what}: it is a folder; give a file name",
    },
    "output.error.not_regular": {
        "vi": "không ghi được {what}: không phải tệp thông thường (thiết bị, FIFO hay socket); -o - ghi ra đầu ra "
        "chuẩn",
        "en": "cannot write {what}: not a regular file (a device, FIFO or socket); -o - writes to standard output",
    },
    "output.error.is_input": {
        "vi": "không ghi được {what}: đây là dữ liệu đầu vào của lần chạy này ({input}); netaudit không bao giờ "
        "ghi đè dữ liệu đầu vào",
        "en": "cannot write {what}: it is an input of this run ({input}); netaudit never writes over its inputs",
    },
    "output.error.holds_input": {
        "vi": "không ghi được {what}: tệp này chứa một cấu hình mà lần chạy này đọc; netaudit không bao giờ ghi đè "
        "dữ liệu đầu vào",
        "en": "cannot write {what}: it holds a configuration this run reads; netaudit never writes over its inputs",
    },
    "output.error.no_folder": {"vi": "thư mục kết quả không tồn tại", "en": "output folder does not exist"},
    "output.error.no_permission": {
        "vi": "không ghi được {what}: không có quyền tạo tệp trong thư mục của nó",
        "en": "cannot write {what}: no permission to create files in its folder",
    },
    "output.error.same_file": {
        "vi": "{first} và {second} sẽ là cùng một tệp",
        "en": "the {first} and the {second} would be the same file",
    },
    # ---- a service as written in a site file or given to --service (headerspace.service_match)
    "service.error.proto": {
        "vi": "dịch vụ {service} không hợp lệ: proto/N hoặc proto/A-B cần giá trị 0..255",
        "en": "bad service {service}: proto/N or proto/A-B needs 0..255",
    },
    "service.error.name": {
        "vi": "dịch vụ {service} không hợp lệ: cần ip, tcp, udp, icmp hoặc proto/N",
        "en": "bad service {service}: expected ip, tcp, udp, icmp or proto/N",
    },
    "service.error.number": {
        "vi": "dịch vụ {service} không hợp lệ: cổng hoặc loại phải là một số",
        "en": "bad service {service}: port or type must be a number",
    },
    "service.error.icmp": {
        "vi": "dịch vụ {service} không hợp lệ: icmp/TYPE cần đúng một loại 0..255",
        "en": "bad service {service}: icmp/TYPE needs one type 0..255",
    },
    "service.error.ports": {
        "vi": "dịch vụ {service} không hợp lệ: cổng phải trong khoảng 0..65535, dạng thấp-cao",
        "en": "bad service {service}: ports must be 0..65535, low-high",
    },
    "service.error.unknown": {
        "vi": "dịch vụ lạ {service}{hint}: hãy dùng một tên ({names}) hoặc tcp/PORT, udp/PORT, tcp/LOW-HIGH, "
        "icmp/TYPE, proto/N, ip",
        "en": "unknown service {service}{hint}: give a name ({names}) or tcp/PORT, udp/PORT, tcp/LOW-HIGH, "
        "icmp/TYPE, proto/N, ip",
    },
    "service.did_you_mean": {"vi": " (có phải là {name}?)", "en": " (did you mean {name}?)"},
    # ---- netaudit trace: its arguments
    "trace.error.service": {"vi": "--service: {error}", "en": "--service: {error}"},
    "trace.error.ipv6": {
        "vi": "--to {dst}: IPv6 chưa được mô hình hóa (netaudit chỉ mô hình hóa IPv4)",
        "en": "--to {dst}: IPv6 is not modelled yet (netaudit models IPv4 only)",
    },
    "trace.error.from": {
        "vi": "--from: không có vùng mạng {src}{hint} (các vùng: {zones})",
        "en": "--from: unknown zone {src}{hint} (zones: {zones})",
    },
    "trace.error.to": {
        "vi": "--to {dst} không phải một vùng mạng{hint} cũng không phải một địa chỉ/tiền tố IPv4",
        "en": "--to {dst} is neither a zone{hint} nor an IPv4 address/prefix",
    },
    # ---- why `netaudit audit` does not exit 0 (audit.failures)
    "fail.input_problems": {
        "vi": "{n} vấn đề về dữ liệu đầu vào, vấn đề đầu tiên: {first}",
        "en": "{n} input problem(s), the first: {first}",
    },
    "fail.findings": {"vi": "{n} tồn tại ở mức {severity} trở lên", "en": "{n} finding(s) at or above {severity}"},
    "fail.findings_unproven": {
        "vi": "{n} tồn tại ở mức {severity} trở lên chưa được chứng minh",
        "en": "{n} finding(s) at or above {severity} not proven",
    },
    "fail.unknown_cells": {
        "vi": "{n} ô ma trận mà chính sách yêu cầu chặn đang chưa xác định",
        "en": "{n} cell(s) the policy wants denied are unknown",
    },
    "fail.may_violate": {
        "vi": "{n} ô đi tới được nhưng chưa chứng minh là nằm trong chính sách (có thể cho qua nhiều hơn)",
        "en": "{n} reachable cell(s) not proven within the policy (they may deliver more)",
    },
    "fail.conclusion": {"vi": "kết luận: {verdict}", "en": "conclusion: {verdict}"},
    "fail.verdict.pass": {"vi": "đạt", "en": "pass"},
    "fail.verdict.fail": {"vi": "không đạt", "en": "fail"},
    "fail.verdict.check": {"vi": "cần kiểm tra thêm", "en": "check"},
    # a severity inside these sentences ("at or above high"): the word --fail-on takes
    "fail.level.critical": {"vi": "nghiêm trọng", "en": "critical"},
    "fail.level.high": {"vi": "cao", "en": "high"},
    "fail.level.medium": {"vi": "trung bình", "en": "medium"},
    "fail.level.low": {"vi": "thấp", "en": "low"},
    "fail.level.info": {"vi": "thông tin", "en": "info"},
}
