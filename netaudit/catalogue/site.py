"""Catalogue entries: the site as a whole.

Warnings every output carries about the site file itself (zones.site_warnings) and the
conclusion reasons they lead to (compliance.conclude): a draft or a site without a guest
zone is never a silent pass.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
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
    "conclusion.reason.no_guest": {
        "vi": "Không có vùng mạng khách nào được khai báo hoặc nhận diện: chưa kiểm tra được việc cách ly mạng "
        "khách, Wi-Fi công cộng với mạng nội bộ.",
        "en": "No guest zone was declared or recognised: the isolation of guest networks and public Wi-Fi from "
        "the internal network was not checked.",
    },
}
