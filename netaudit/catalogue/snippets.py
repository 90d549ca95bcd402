"""Catalogue entries: the words of configuration examples (snippets).

A configuration example is written once, for every language (``messages.neutral``: the
checks' ``check.<id>.snippet.<vendor>`` entries, the report's ``report.snippet.*``);
what the reader's language changes in it — its heading, comments, placeholders and the
phrases around the commands — is a word here, ``snippet.<name>``, named in the example
as ``{snippet.<name>}`` and rendered in the example's language with its fields.  The
commands themselves are never in this file.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # ---- shared
    "snippet.example": {"vi": "Cấu hình mẫu", "en": "Example"},
    "snippet.mgmt_range": {
        "vi": "thay bằng dải địa chỉ vùng quản trị",
        "en": "replace with the management zone's range",
    },
    # ---- Cisco ASA
    "snippet.asa_remove_telnet": {"vi": "gỡ mọi dòng telnet", "en": "remove every telnet line"},
    "snippet.asa_mgmt_range": {
        "vi": "thay bằng dải địa chỉ và cổng vùng quản trị",
        "en": "replace with the management zone's range and interface",
    },
    "snippet.asa_define_acl_first": {
        "vi": "khai báo ACL trước rồi mới gắn, ví dụ",
        "en": "define the ACL before binding it, e.g.",
    },
    "snippet.asa_or_remove_reference": {
        "vi": "hoặc gỡ dòng tham chiếu ({file}:{line})",
        "en": "or remove the reference ({file}:{line})",
    },
    "snippet.asa_define_or_remove": {
        "vi": "khai báo đối tượng “{name}” hoặc gỡ dòng tham chiếu ({file}:{line})",
        "en": 'define "{name}" or remove the reference ({file}:{line})',
    },
    "snippet.guest_wifi_interface": {"vi": "cổng Wi-Fi khách", "en": "guest Wi-Fi interface"},
    "snippet.guest_nameif": {"vi": "nameif Wi-Fi khách", "en": "guest nameif"},
    "snippet.dmz_server": {"vi": "máy-chủ-DMZ", "en": "DMZ-server"},
    # ---- Cisco IOS (ASCII where the text is an IOS remark: the report's examples)
    "snippet.ios_add_acl_lines": {
        "vi": "khai báo các dòng permit/deny cần thiết",
        "en": "add the intended permit/deny lines",
    },
    "snippet.ios_remove_reference": {
        "vi": "gỡ tham chiếu (trong đúng ngữ cảnh của dòng {file}:{line})",
        "en": "remove the reference (in the context of line {file}:{line})",
    },
    "snippet.ios_or_remove_reference": {
        "vi": "hoặc gỡ tham chiếu (trong đúng ngữ cảnh của dòng {file}:{line})",
        "en": "or remove the reference (in the context of line {file}:{line})",
    },
    "snippet.ios_web_if_needed": {
        "vi": "chỉ khi thực sự cần quản trị qua web",
        "en": "only if web management is really needed",
    },
    "snippet.nms_address": {
        "vi": "thay bằng địa chỉ máy chủ giám sát",
        "en": "replace with the monitoring server",
    },
    "snippet.community": {"vi": "chuỗi-community", "en": "community"},
    "snippet.vstack_expect": {
        "vi": "cần thấy: SmartInstall disabled / Oper Mode: Disabled",
        "en": "expect: SmartInstall disabled / Oper Mode: Disabled",
    },
    "snippet.isolate_remark": {
        "vi": "Chi cho phep DHCP/DNS toi gateway va truy cap Internet",
        "en": "Allow only DHCP/DNS to the gateway and Internet access",
    },
    "snippet.deny_pair_comment": {
        "vi": "dat TRUOC cac dong permit rong hon:",
        "en": "place BEFORE any broader permit:",
    },
    # ---- FortiOS
    "snippet.on_every_telnet_interface": {
        "vi": "trên mọi cổng đang cho phép telnet",
        "en": "on every interface that allows telnet",
    },
    "snippet.interface": {"vi": "tên-cổng", "en": "interface"},
    "snippet.trusthost_range": {
        "vi": "thay bằng dải vùng quản trị",
        "en": "replace with the management zone's range",
    },
    "snippet.source_range": {"vi": "dải-nguồn", "en": "source-range"},
    "snippet.destination_server": {"vi": "máy-chủ-đích", "en": "server"},
    "snippet.community_id": {"vi": "số-thứ-tự", "en": "id"},
    "snippet.define_missing_object": {"vi": "khai báo đối tượng còn thiếu", "en": "define the missing object"},
    "snippet.fortios_or_fix_line": {
        "vi": "hoặc sửa dòng {file}:{line} để tham chiếu đúng tên",
        "en": "or fix line {file}:{line} to name the right one",
    },
    # ---- RouterOS
    "snippet.webfig_if_needed": {"vi": "chỉ khi thực sự cần WebFig", "en": "only if WebFig is really needed"},
    "snippet.certificate": {"vi": "chứng-thư", "en": "certificate"},
    "snippet.new_community": {"vi": "chuỗi-community-mới", "en": "new-community"},
    "snippet.or_disable_snmp": {"vi": "hoặc tắt SNMP nếu không dùng", "en": "or disable SNMP when unused"},
    "snippet.create_object": {"vi": "tạo {kind} “{name}”", "en": 'create {kind} "{name}"'},
    "snippet.add_chain_rules": {"vi": "thêm các luật với", "en": "add its rules with"},
    "snippet.routeros_or_fix_line": {
        "vi": "hoặc sửa dòng {file}:{line} cho đúng tên",
        "en": "or fix line {file}:{line} to name the right one",
    },
    "snippet.access_port": {"vi": "cổng-truy-cập", "en": "access-port"},
    "snippet.port": {"vi": "cổng", "en": "port"},
    "snippet.place_before_accept": {
        "vi": "đặt hai dòng này trước các dòng accept của chain input",
        "en": "place both before the input chain's accept rules",
    },
    "snippet.admin_name": {"vi": "ten-quan-tri", "en": "admin-name"},
    "snippet.strong_password": {"vi": "mật-khẩu-mạnh", "en": "strong-password"},
    "snippet.mgmt_vlan": {"vi": "vlan-quan-tri", "en": "management-vlan"},
    # ---- Linux (nftables)
    "snippet.mgmt_interface": {"vi": "giao-dien-quan-tri", "en": "mgmt-interface"},
    # ---- OpenWrt
    "snippet.guest_network": {"vi": "mạng-khách", "en": "guest"},
    "snippet.zone": {"vi": "vùng", "en": "zone"},
    "snippet.open_only_dhcp_dns": {
        "vi": "và chỉ mở DHCP (udp 67) và DNS (udp 53) bằng rule",
        "en": "and open only DHCP (udp 67) and DNS (udp 53) by rules",
    },
}
