"""Catalogue entries: live evidence (netaudit/live/, docs/live.md) as the reports word it."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # ---- a probe file, a plan or a probe option netaudit cannot use (InputError)
    "live.error.none": {"vi": "không có", "en": "none"},
    "live.error.cannot_read": {"vi": "không đọc được: {error}", "en": "cannot read: {error}"},
    "live.error.json": {"vi": "không phải JSON hợp lệ: {error}{expected}", "en": "not valid JSON: {error}{expected}"},
    "live.error.expected": {"vi": " (cần {what})", "en": " ({what})"},
    "live.expected.probe_result": {"vi": "một kết quả đo của netaudit", "en": "a netaudit probe result"},
    "live.expected.audit": {
        "vi": "một bản kiểm tra JSON: netaudit audit --format json -o audit.json",
        "en": "a JSON audit: netaudit audit --format json -o audit.json",
    },
    "live.error.address": {
        "vi": "{where}: không phải địa chỉ IPv4: {value}",
        "en": "{where}: not an IPv4 address: {value}",
    },
    "live.error.schema": {
        "vi": "không phải kết quả đo của netaudit (schema {schema})",
        "en": "not a netaudit probe result (schema {schema})",
    },
    "live.error.no_zone": {"vi": "điểm đo không ghi vùng mạng nào", "en": "the vantage point names no zone"},
    "live.error.not_object": {"vi": "{where}: không phải một đối tượng JSON", "en": "{where}: not an object"},
    "live.error.result": {
        "vi": "{where}: result {result} không phải một trong {choices}",
        "en": "{where}: result {result} is not one of {choices}",
    },
    "live.error.service": {
        "vi": "{where}: service {service} không có dạng PROTOCOL/PORT",
        "en": "{where}: service {service} is not PROTOCOL/PORT",
    },
    "live.error.vantage_zone": {
        "vi": "vùng đo {zone} không phải một vùng mạng của lần kiểm tra này ({zones})",
        "en": "vantage zone {zone} is not a zone of this audit ({zones})",
    },
    "live.error.no_such_zone": {
        "vi": "--zone {zone}: không có vùng mạng này (các vùng: {zones})",
        "en": "--zone {zone}: no such zone (zones: {zones})",
    },
    "live.error.not_vantage": {
        "vi": "--zone {zone}: vùng loại {kind} không thể là điểm đo",
        "en": "--zone {zone}: an {kind} zone is no vantage point",
    },
    "live.error.subnet": {
        "vi": "vùng {zone}: không phải subnet IPv4: {value}",
        "en": "zone {zone}: not an IPv4 subnet: {value}",
    },
    "live.error.not_audit": {
        "vi": "không phải bản kiểm tra JSON của netaudit (netaudit audit --format json)",
        "en": "not a netaudit JSON audit (netaudit audit --format json)",
    },
    "live.error.no_plan": {
        "vi": "hãy chỉ định kế hoạch đo: --plan audit.json, --plan DIR hoặc --site site.yaml",
        "en": "give the plan: --plan audit.json, --plan DIR or --site site.yaml",
    },
    "live.error.xml": {"vi": "không phải XML hợp lệ: {error}", "en": "not valid XML: {error}"},
    "live.error.xml_refused": {
        "vi": "XML bị từ chối: {error} (tệp kết quả đo không được chứa entity)",
        "en": "XML refused: {error} (entities are not allowed in a probe file)",
    },
    "live.error.not_nmap": {
        "vi": "không phải báo cáo XML của nmap (phần tử gốc <{tag}>, cần <nmaprun>)",
        "en": "not an nmap XML report (root element <{tag}>, expected <nmaprun>)",
    },
    "live.error.port": {
        "vi": "{where}: cổng {port} không phải số hiệu cổng",
        "en": "{where}: port {port} is not a port number",
    },
    "live.error.too_big": {"vi": "lớn hơn {mb} MB", "en": "larger than {mb} MB"},
    "live.error.nmap_zone": {
        "vi": "báo cáo XML của nmap không ghi vùng đo: hãy dùng --probes FILE@ZONE",
        "en": "an nmap XML report does not name its vantage zone: give --probes FILE@ZONE",
    },
    "live.error.other_zone": {
        "vi": "kết quả đo được thực hiện từ vùng {zone}, không phải {asked}",
        "en": "the probe result was taken in zone {zone}, not {asked}",
    },
    "live.error.no_address": {
        "vi": "giao diện {interface} không có địa chỉ IPv4",
        "en": "interface {interface} has no IPv4 address",
    },
    "live.error.rate": {
        "vi": "--rate: không phải tốc độ dạng 200/s: {value}",
        "en": "--rate: not a rate like 200/s: {value}",
    },
    "live.section": {"vi": "Kết quả đo thực tế", "en": "Live evidence"},
    "live.run": {
        "vi": "Điểm đo: vùng {zone} ({file}; {source}): {answered} phản hồi, {refused} bị từ chối bởi đích, "
        "{prohibited} bị cấm bởi chặng trung gian, {no_answer} không phản hồi",
        "en": "Vantage point: zone {zone} ({file}; {source}): {answered} answered, {refused} refused by the "
        "target, {prohibited} prohibited by a hop, {no_answer} no answer",
    },
    "live.unplaced": {
        "vi": "{count} phép đo tới địa chỉ không thuộc vùng nào (hoặc trong chính vùng đo)",
        "en": "{count} probe(s) to addresses outside every zone (or inside the vantage zone)",
    },
    "live.none_observed": {
        "vi": "Không có ô nào của ma trận được đo.",
        "en": "No matrix cell was observed.",
    },
    "live.note": {
        "vi": "Phản hồi chứng minh truy cập được; không phản hồi không chứng minh điều gì.",
        "en": "An answer proves reachability; silence proves nothing.",
    },
    "live.status.contradiction": {"vi": "MÂU THUẪN", "en": "CONTRADICTION"},
    "live.status.resolved": {"vi": "xác định: truy cập được", "en": "resolved: reachable"},
    "live.status.confirmed": {"vi": "xác nhận", "en": "confirmed"},
    "live.status.consistent": {"vi": "phù hợp", "en": "consistent"},
    "live.status.not_observed": {"vi": "chưa đo", "en": "not observed"},
    "live.col.live": {"vi": "Đo thực tế", "en": "Live"},
    "live.col.probes": {"vi": "Phép đo", "en": "Probes"},
    "live.col.example": {"vi": "Ví dụ", "en": "Example"},
    # HTML / PDF / Markdown reports: the live verification section (netaudit/report/view.py)
    "live.report.section": {"vi": "Kiểm tra thực tế", "en": "Live verification"},
    "live.report.intro": {
        "vi": "Kết quả đo kiểm thực tế từ {count} điểm đo, đối chiếu với kết luận rút ra từ cấu hình.",
        "en": "Probe results from {count} vantage point(s), compared with the verdicts proven from the configurations.",
    },
    "live.report.proof": {
        "vi": "Một phép đo được đích phản hồi, hoặc bị chính đích từ chối, chứng minh gói tin của dịch vụ đó "
        "tới được địa chỉ đó từ điểm đo, tại thời điểm đo; không phản hồi không chứng minh điều gì, một chặng "
        "trung gian chặn chỉ cho biết một phép đo bị chặn tại chặng đó, và kết quả đo không làm thay đổi kết "
        "luận rút ra từ cấu hình.",
        "en": "A probe answered, or refused by the target itself, proves that packets of that service reach "
        "that address from the vantage point at that moment; silence proves nothing, a hop that prohibits a "
        "probe shows only that this one probe was stopped there, and no live result changes a verdict proven "
        "from the configurations.",
    },
    "live.report.runs": {"vi": "Điểm đo", "en": "Vantage points"},
    "live.report.run": {"vi": "Điểm đo {no}: vùng {zone}", "en": "Vantage point {no}: zone {zone}"},
    "live.report.field.interface": {"vi": "Giao diện mạng", "en": "Interface"},
    "live.report.field.address": {"vi": "Địa chỉ máy đo", "en": "Address"},
    "live.report.field.gateway": {"vi": "Cổng mặc định", "en": "Gateway"},
    "live.report.field.ssid": {"vi": "Mạng Wi-Fi (SSID)", "en": "Wi-Fi network (SSID)"},
    "live.report.field.time": {"vi": "Thời gian đo", "en": "Time"},
    "live.report.field.source": {"vi": "Công cụ đo", "en": "Source"},
    "live.report.field.file": {"vi": "Tệp kết quả đo", "en": "Result file"},
    "live.report.field.counts": {"vi": "Số phép đo theo kết quả", "en": "Probes by result"},
    "live.report.field.refused": {"vi": "Địa chỉ đích bị từ chối, không đo", "en": "Targets refused, not probed"},
    "live.report.refused.none": {"vi": "Không có", "en": "None"},
    "live.report.counts": {
        "vi": "{answered} phản hồi, {refused} bị đích từ chối, {prohibited} bị chặng trung gian chặn, "
        "{no_answer} không phản hồi",
        "en": "{answered} answered, {refused} refused by the target, {prohibited} prohibited by a hop, "
        "{no_answer} no answer",
    },
    "live.report.cells": {"vi": "Kết quả đo theo ô của ma trận", "en": "Matrix cells observed"},
    "live.report.statuses": {"vi": "Số ô theo kết quả đo", "en": "Cells by live status"},
    "live.report.col.static": {"vi": "Kết luận từ cấu hình", "en": "Static verdict"},
    "live.report.col.status": {"vi": "Kết quả đo thực tế", "en": "Live status"},
    "live.report.col.counts": {"vi": "Số phép đo", "en": "Probes"},
    "live.report.col.examples": {"vi": "Phép đo tiêu biểu", "en": "Example probes"},
    "live.report.col.address": {"vi": "Địa chỉ", "en": "Address"},
    "live.report.col.service": {"vi": "Dịch vụ", "en": "Service"},
    "live.report.col.result": {"vi": "Kết quả", "en": "Result"},
    "live.report.col.detail": {"vi": "Chi tiết", "en": "Detail"},
    "live.report.col.hop": {"vi": "Chặng", "en": "Hop"},
    "live.report.example": {
        "vi": "{address} {service}: {result} ({detail}; chặng {hop})",
        "en": "{address} {service}: {result} ({detail}; hop {hop})",
    },
    "live.report.not_observed": {
        "vi": "{count} ô khác của ma trận chưa quan sát (không có phép đo, hoặc không phép đo nào tới được đích).",
        "en": "{count} other matrix cell(s) not observed (no probe, or no probe reached the target).",
    },
    "live.report.unplaced": {
        "vi": "Phép đo không gắn được với ô nào của ma trận: {count}.",
        "en": "Probes not placed in any matrix cell: {count}.",
    },
    "live.report.unplaced.none": {
        "vi": "Mọi phép đo đều gắn được với một ô của ma trận.",
        "en": "Every probe was placed in a matrix cell.",
    },
    "live.report.unplaced.item": {
        "vi": "từ vùng {vantage}, {why}: {count} phép đo (ví dụ {examples})",
        "en": "from zone {vantage}, {why}: {count} probe(s) (e.g. {examples})",
    },
    "live.report.mark": {"vi": "Đo thực tế: {status}", "en": "Live: {status}"},
    "live.why.outside": {"vi": "địa chỉ không thuộc vùng mạng nào", "en": "address outside every zone"},
    "live.why.inside": {"vi": "địa chỉ trong chính vùng đo", "en": "address inside the vantage zone itself"},
    "live.why.no_cell": {"vi": "không có ô ma trận {src} → {dst}", "en": "no matrix cell {src} → {dst}"},
    "live.report.status.contradiction": {"vi": "Mâu thuẫn với cấu hình", "en": "Contradicts the configuration"},
    "live.report.status.resolved": {"vi": "Xác định: truy cập được", "en": "Resolved: reachable"},
    "live.report.status.confirmed": {"vi": "Xác nhận", "en": "Confirmed"},
    "live.report.status.consistent": {"vi": "Phù hợp", "en": "Consistent"},
    "live.report.status.not_observed": {"vi": "Chưa quan sát", "en": "Not observed"},
    "live.result.answered": {"vi": "phản hồi", "en": "answered"},
    "live.result.refused": {"vi": "bị đích từ chối", "en": "refused by the target"},
    "live.result.prohibited": {"vi": "bị chặng trung gian chặn", "en": "prohibited by a hop"},
    "live.result.no_answer": {"vi": "không phản hồi", "en": "no answer"},
    # Live-only audit: no configurations, the matrix from probes alone (audit.run_live_only)
    "reason.live_only": {
        "vi": "không quan sát được khi đo thực tế; không có cấu hình",
        "en": "not observed live; no configuration",
    },
    "reason.live_only_reached": {
        "vi": "phép đo thực tế tới được vùng này; không có cấu hình",
        "en": "reached by a live probe; no configuration",
    },
    "warning.live_only": {
        "vi": "CHỈ ĐO THỰC TẾ: không có cấu hình thiết bị; ma trận chỉ dựa trên kết quả đo, ô không đo được "
        "là chưa xác định (không bao giờ là bị chặn)",
        "en": "LIVE ONLY: no device configurations; the matrix comes from probe results alone, cells not "
        "observed are unknown (never blocked)",
    },
    "summary.live_only": {
        "vi": "CHỈ ĐO THỰC TẾ — không có cấu hình thiết bị; ma trận chỉ dựa trên kết quả đo",
        "en": "LIVE ONLY — no device configurations; the matrix comes from probe results alone",
    },
    "conclusion.reason.live_only": {
        "vi": "Không có cấu hình thiết bị: kết quả chỉ dựa trên đo thực tế, không chứng minh được luồng nào bị chặn.",
        "en": "No device configurations: the result rests on live probes alone and proves no flow blocked.",
    },
    "live.diagram.observed": {"vi": "quan sát", "en": "observed"},
    "live.diagram.more_hosts": {"vi": "… và {count} máy khác quan sát được", "en": "… and {count} more hosts observed"},
    "live.diagram.legend": {
        "vi": "Quan sát khi đo thực tế (điểm đo, máy thấy được, các chặng traceroute)",
        "en": "Observed live (vantage point, hosts seen, traceroute hops)",
    },
}
