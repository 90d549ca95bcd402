"""Catalogue entries: the Ruijie RGOS parser (input.ruijie.*, netaudit/parsers/ruijie_rgos/).

The reasons it gives for a construct whose meaning on RGOS is not established from
Ruijie's own documentation (its ``partial``), and its warnings.  The English is what the
parser writes; names, interfaces and quoted configuration text are fields.  The reasons
it shares with the IOS reading it reuses are the input.ios.* entries
(:mod:`netaudit.catalogue.cisco_ios`).
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    "input.ruijie.svi_acl_out": {
        "vi": (
            "ACL {acl} áp dụng chiều ra (out) trên SVI {interface}: theo tài liệu RGOS, chiều ra của SVI"
            " không có deny ngầm định, dòng có đích ngoài subnet của SVI không có hiệu lực và ACL chiều ra"
            " được ưu tiên hơn chiều vào — chưa mô hình hóa"
        ),
        "en": (
            "ACL {acl} applied out on SVI {interface}: RGOS documents that an SVI's outbound ACL has no"
            " implicit deny, that its lines on destinations outside the SVI's subnet take no effect and"
            " that it takes priority over the inbound ACL — not modelled"
        ),
    },
    "input.ruijie.port_acl": {
        "vi": (
            "ACL {acl} áp dụng trên cổng switch {interface}: lọc mọi gói vào cổng, kể cả lưu lượng chuyển"
            " mạch trong cùng VLAN — chưa mô hình hóa"
        ),
        "en": (
            "ACL {acl} applied on switch port {interface}: it filters what enters the port, traffic"
            " switched within the VLAN included — not modelled"
        ),
    },
    "input.ruijie.acl_undefined": {
        "vi": "ACL {acl} không được định nghĩa: RGOS xử lý gói tin thế nào chưa được xác lập",
        "en": "ACL {acl} is not defined: what RGOS does with the packets is not established",
    },
    "input.ruijie.expert_acl": {
        "vi": "chưa mô hình hóa expert access-list (trường MAC + IP)",
        "en": "expert access-list (MAC + IP fields) not modelled",
    },
    "input.ruijie.expert_access_group": {
        "vi": "expert ACL {acl} được áp dụng: chưa mô hình hóa",
        "en": "expert ACL {acl} applied: not modelled",
    },
    "input.ruijie.global_acl": {
        "vi": "ACL toàn cục ({text}) áp dụng cho mọi cổng: chưa mô hình hóa",
        "en": "global ACL ({text}) applies to every port: not modelled",
    },
    "input.ruijie.service_default": {
        "vi": (
            "dịch vụ {service}: cấu hình không bật cũng không tắt, và mặc định của phiên bản RGOS này chưa được xác lập"
        ),
        "en": (
            "{service} service: the configuration neither enables nor disables it, and its default on this"
            " RGOS release is not established"
        ),
    },
    "input.ruijie.web_server_bare": {
        "vi": (
            "HTTPS: dòng '{text}' không nêu loại (http|https|all); dòng này có bật/tắt cả HTTPS hay không"
            " chưa được xác lập"
        ),
        "en": "HTTPS: '{text}' names no kind (http|https|all); whether the line switches HTTPS too is not established",
    },
    "input.ruijie.web_auth": {
        "vi": "xác thực web (portal): chưa mô hình hóa lưu lượng được qua trước và sau khi xác thực",
        "en": "web authentication (portal): what passes before and after authentication not modelled",
    },
    "input.ruijie.dot1x": {
        "vi": "xác thực cổng 802.1X: chưa mô hình hóa lưu lượng được qua trước và sau khi xác thực",
        "en": "802.1X port authentication: what passes before and after authentication not modelled",
    },
    "input.ruijie.vlan_mapping": {
        "vi": "chưa mô hình hóa ánh xạ VLAN (vlan-mapping / QinQ) trên cổng",
        "en": "VLAN mapping (vlan-mapping / QinQ) on the port not modelled",
    },
    "input.ruijie.security_acl": {
        "vi": "ACL bảo mật cổng ({text}): chưa mô hình hóa",
        "en": "port security ACL ({text}) not modelled",
    },
    "input.ruijie.nat": {
        "vi": (
            "NAT đọc theo cú pháp IOS; ngữ nghĩa NAT của RGOS (thứ tự với ACL, cổng được dịch)"
            " chưa được xác lập từ tài liệu của Ruijie"
        ),
        "en": (
            "NAT read with the IOS syntax; RGOS's NAT semantics (order against the ACLs, ports"
            " translated) not established from Ruijie's documentation"
        ),
    },
    "input.ruijie.snmp_host": {
        "vi": "community SNMP chỉ dành cho trạm quản lý {host} (host): chưa mô hình hóa",
        "en": "SNMP community tied to the manager {host} (host): not modelled",
    },
    "input.ruijie.trunk_only_unread": {
        "vi": "danh sách VLAN trên trunk ({text}) không đọc được",
        "en": "trunk VLAN list ({text}) not read",
    },
}
