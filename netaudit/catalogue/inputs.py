"""Catalogue entries: inputs.

Usable-input problems and input warnings (netaudit.inputs, netaudit.parsers.completeness and
the vendor modules' incomplete()), and the parsers' own warnings (netaudit.parsers and the
vendor parsers: input.assess.*, input.ios.*, input.asa.*, input.fortios.*, input.vrp.*,
input.openwrt.*, input.routeros.*, input.linux.*).  Stored as "FILE[:LINE]: message" (input.at, the English
value unchanged); file names, line numbers, vendor names, error text and quoted
configuration text are fields, inserted as they are.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    "input.at": {"vi": "{where}: {what}", "en": "{where}: {what}"},
    "input.with_note": {"vi": "{what} ({note})", "en": "{what} ({note})"},
    "input.archive": {
        "vi": "{kind}: netaudit không mở tệp nén — hãy giải nén vào thư mục rồi kiểm tra lại (cấu hình trong "
        "đó chưa được kiểm tra)",
        "en": "{kind}: netaudit does not open archives — extract it into the folder and audit again (the "
        "configurations in it are not audited)",
    },
    "input.kind.tar": {"vi": "tệp lưu trữ tar", "en": "tar archive"},
    # ---- files not used
    "input.named_like_config": {
        "vi": "tên tệp cho thấy đây là tệp cấu hình, nhưng tệp không được kiểm tra",
        "en": "named like a configuration file, but not audited",
    },
    "input.binary": {
        "vi": "tệp nhị phân, không phải tệp cấu hình thiết bị",
        "en": "binary file, not a device configuration",
    },
    "input.empty": {"vi": "tệp rỗng", "en": "empty file"},
    "input.unrecognized": {
        "vi": "định dạng không nhận dạng được: không phải tệp cấu hình thiết bị hay tệp trạng thái định tuyến đã biết",
        "en": "unrecognized format: not a known device configuration or state file",
    },
    "input.unrecognized_platform": {
        "vi": "định dạng không nhận dạng được: không phải tệp cấu hình thiết bị hay tệp trạng thái định tuyến "
        "đã biết; có dạng cấu hình {platform}, loại thiết bị netaudit chưa hỗ trợ",
        "en": "unrecognized format: not a known device configuration or state file; looks like {platform}, "
        "which netaudit does not support",
    },
    "input.fragment.iptables_save": {
        "vi": "một bản iptables-save đứng riêng: netaudit đọc một máy Linux từ một tệp gồm các mục '### <lệnh>' "
        "(hostname, ip -j addr, ip -j route show table all, iptables-save hoặc nft list ruleset …); lệnh thu thập "
        "có trong docs/vendors/linux.md",
        "en": "an iptables-save dump alone: netaudit reads a Linux host from one file of '### <command>' "
        "sections (hostname, ip -j addr, ip -j route show table all, iptables-save or nft list ruleset …); "
        "the command that captures them is in docs/vendors/linux.md",
    },
    "input.fragment.nft_ruleset": {
        "vi": "một bản 'nft list ruleset' đứng riêng: netaudit đọc một máy Linux từ một tệp gồm các mục "
        "'### <lệnh>' (hostname, ip -j addr, ip -j route show table all, nft list ruleset …); lệnh thu thập "
        "có trong docs/vendors/linux.md",
        "en": "an 'nft list ruleset' listing alone: netaudit reads a Linux host from one file of '### <command>' "
        "sections (hostname, ip -j addr, ip -j route show table all, nft list ruleset …); the command that "
        "captures them is in docs/vendors/linux.md",
    },
    "input.ros_backup": {
        "vi": "tệp sao lưu nhị phân của RouterOS (.backup), không đọc được: cần xuất cấu hình bằng lệnh "
        "'/export file=NAME' rồi kiểm tra tệp NAME.rsc",
        "en": "RouterOS binary backup (.backup), which cannot be read: export the configuration "
        "with '/export file=NAME' and audit NAME.rsc",
    },
    "input.not_regular": {"vi": "không phải tệp thông thường", "en": "not a regular file"},
    "input.unreadable": {"vi": "không đọc được tệp: {error}", "en": "cannot read: {error}"},
    "input.folder_unreadable": {"vi": "không đọc được thư mục: {error}", "en": "cannot read folder: {error}"},
    "input.link_outside": {
        "vi": "liên kết tượng trưng (symbolic link) trỏ tới {target}, nằm ngoài thư mục đầu vào: không được đọc "
        "(cần sao chép tệp vào thư mục để kiểm tra)",
        "en": "symbolic link to {target}, outside the input folder: not read "
        "(copy the file into the folder to audit it)",
    },
    "input.too_large": {
        "vi": "tệp quá lớn: {size} MiB, vượt giới hạn đầu vào {limit} MiB; không được đọc (đặt biến môi trường "
        "{env} để nâng giới hạn)",
        "en": "file too large: {size} MiB, above the input limit of {limit} MiB; not read "
        "(set {env} to raise the limit)",
    },
    "input.damaged_config": {
        "vi": "tệp cấu hình {vendor} bị hỏng: {share} trong {kb} KB đầu tiên là byte điều khiển hoặc byte NUL "
        "(byte đầu tiên ở dòng {line}); không được đọc",
        "en": "damaged {vendor} configuration: {share} of its first {kb} KB are control or NUL bytes "
        "(the first at line {line}); not read",
    },
    "input.parser_error": {"vi": "lỗi bộ phân tích cấu hình: {error}", "en": "parser error: {error}"},
    "input.not_vendor": {
        "vi": "không phải cấu hình của {vendor}: {unrecognized} trong {total} dòng cấu hình không nhận dạng được; "
        "không tạo thiết bị nào từ tệp này",
        "en": "not a configuration of {vendor}: {unrecognized} of its {total} configuration lines were not "
        "recognized; no device was built from it",
    },
    "input.not_vendor_platform": {
        "vi": "không phải cấu hình của {vendor}: {unrecognized} trong {total} dòng cấu hình không nhận dạng được; "
        "tệp có dạng cấu hình {platform}, loại thiết bị netaudit chưa hỗ trợ; không tạo thiết bị nào từ "
        "tệp này",
        "en": "not a configuration of {vendor}: {unrecognized} of its {total} configuration lines were not "
        "recognized; it looks like {platform}, which netaudit does not support; no device was built "
        "from it",
    },
    "input.this_vendor": {"vi": "hãng này", "en": "this vendor"},
    "input.also_line": {"vi": "{what}; ngoài ra, dòng {line}: {cut}", "en": "{what}; also line {line}: {cut}"},
    "input.also": {"vi": "{what}; ngoài ra: {cut}", "en": "{what}; also: {cut}"},
    # ---- kinds of binary files (file signatures)
    "input.kind.png": {"vi": "ảnh PNG", "en": "PNG image"},
    "input.kind.jpeg": {"vi": "ảnh JPEG", "en": "JPEG image"},
    "input.kind.gif": {"vi": "ảnh GIF", "en": "GIF image"},
    "input.kind.zip": {"vi": "tệp nén ZIP hoặc tài liệu văn phòng", "en": "ZIP archive or office document"},
    "input.kind.gzip": {"vi": "tệp nén gzip", "en": "gzip archive"},
    "input.kind.7z": {"vi": "tệp nén 7-Zip", "en": "7-Zip archive"},
    "input.kind.rar": {"vi": "tệp nén RAR", "en": "RAR archive"},
    "input.kind.office": {"vi": "tài liệu văn phòng", "en": "office document"},
    "input.kind.executable": {"vi": "tệp chương trình", "en": "executable"},
    "input.kind.bzip2": {"vi": "tệp nén bzip2", "en": "bzip2 archive"},
    "input.kind.xz": {"vi": "tệp nén xz", "en": "xz archive"},
    "input.kind.pdf": {"vi": "tài liệu PDF", "en": "PDF document"},
    # ---- files used, with a warning or a problem
    "input.utf16_no_bom": {
        "vi": "văn bản UTF-16 không có dấu thứ tự byte (BOM); đã giải mã theo {codec}",
        "en": "UTF-16 text without byte-order mark; decoded as {codec}",
    },
    "input.invalid_encoding": {
        "vi": "không phải {encoding} hợp lệ (dòng {line}); các byte không giải mã được đã được thay thế",
        "en": "not valid {encoding} (line {line}); undecodable bytes replaced",
    },
    "input.not_utf8": {
        "vi": "không phải UTF-8 hợp lệ (dòng {line}); đã giải mã theo bảng mã {encoding}",
        "en": "not valid UTF-8 (line {line}); decoded as {encoding}",
    },
    "input.encoding.cp1258": {"vi": "Windows-1258 (tiếng Việt)", "en": "Windows-1258 (Vietnamese)"},
    "input.nul_removed": {
        "vi": "đã loại bỏ các byte NUL (byte đầu tiên ở dòng {line})",
        "en": "NUL bytes removed (first at line {line})",
    },
    "input.damaged_nuls": {
        "vi": "tệp bị hỏng: đã loại bỏ {count} byte NUL (byte đầu tiên ở dòng {line}); có thể đã mất một phần nội dung",
        "en": "damaged file: {count} NUL bytes removed (the first at line {line}); parts of it may be missing",
    },
    "input.no_hostname": {
        "vi": "cấu hình không có tên thiết bị (hostname); thiết bị được đặt tên {name} theo tên tệp",
        "en": "no hostname in the configuration; device named {name} after the file",
    },
    "input.no_device": {"vi": "không tìm thấy thiết bị nào trong tệp", "en": "no device found in the file"},
    "input.duplicate_hostname": {
        "vi": "tên thiết bị {name} đã được dùng trong {owner}; thiết bị này được đổi tên thành {new} (hai bản "
        "cấu hình của cùng một thiết bị? chỉ giữ lại bản hiện hành)",
        "en": "hostname {name} already used by {owner}; this device is renamed {new} (two configurations "
        "of one device? keep only the current one)",
    },
    "input.state_unmatched": {
        "vi": "trạng thái định tuyến này không khớp với cấu hình thiết bị nào trong bộ dữ liệu (theo tên thiết bị "
        "hoặc tên tệp cấu hình)",
        "en": "routing state for its device matches no device configuration in the snapshot "
        "(by hostname or config file name)",
    },
    "input.state_unmatched_named": {
        "vi": "trạng thái định tuyến của thiết bị {device} không khớp với cấu hình thiết bị nào trong bộ dữ liệu "
        "(theo tên thiết bị hoặc tên tệp cấu hình)",
        "en": "routing state for device {device} matches no device configuration in the snapshot "
        "(by hostname or config file name)",
    },
    "input.assessment_failed": {
        "vi": "lỗi khi đánh giá kết quả phân tích cấu hình: {error}",
        "en": "parse assessment failed: {error}",
    },
    "input.completeness_failed": {
        "vi": "lỗi khi kiểm tra tệp có bị cắt cụt hay không: {error}",
        "en": "completeness check failed: {error}",
    },
    "input.module_unavailable": {
        "vi": "không nạp được mô-đun phân tích {name}: {error}",
        "en": "parser module {name} unavailable: {error}",
    },
    "input.detect_failed": {
        "vi": "mô-đun phân tích {name}: hàm detect() bị lỗi: {error}",
        "en": "parser module {name}: detect() failed: {error}",
    },
    # ---- cut short (parsers.completeness and the vendor modules' incomplete())
    "input.truncated.no_end": {
        "vi": "bị cắt cụt: cấu hình không kết thúc bằng '{end}' (tệp dừng ở dòng {line}: {text}); phần đọc được "
        "vẫn được sử dụng",
        "en": "truncated: the configuration does not end with '{end}' (it stops at line {line}: {text}); "
        "what was read is used",
    },
    "input.truncated.after_end": {
        "vi": "bị cắt cụt: sau dòng '{end}' cuối cùng (dòng {line}) vẫn còn nội dung cấu hình, nên tệp không kết "
        "thúc bằng dòng đó: tệp bị cắt giữa một banner, hay hai tệp bị ghép lại? phần đọc được vẫn được "
        "sử dụng",
        "en": "truncated: configuration text follows the last '{end}' (line {line}), so the file does not end "
        "with it: cut short inside a banner, or two files joined? what was read is used",
    },
    "input.truncated.fortios_section": {
        "vi": "có thể bị cắt cụt: bản sao lưu FortiGate không có mục '{section}' ({why}): một bản sao lưu bị cắt "
        "giữa hai mục, trước mục này, sẽ có dạng như vậy (tệp dừng ở dòng {line})",
        "en": "truncated? the FortiGate backup has no '{section}' section ({why}): a backup cut short between "
        "two sections, before it, looks like this (it stops at line {line})",
    },
    "input.fortios.no_interface": {"vi": "không có giao diện nào được mô hình hóa", "en": "no interface is modelled"},
    "input.fortios.no_policy": {
        "vi": "không có chính sách nào thì quy tắc chặn ngầm định chặn mọi lưu lượng, nên kết quả sẽ trông như "
        "tuân thủ",
        "en": "with no policy the implicit deny blocks everything, so its verdicts would look compliant",
    },
    "input.fortios.open_config": {
        "vi": "bị cắt cụt: tệp kết thúc khi khối 'config {paths}' vẫn còn mở (mở tại dòng {opened}; thiếu "
        "'end'): phần đã đọc được vẫn được sử dụng",
        "en": "truncated: the file ends inside 'config {paths}' (opened at line {opened}; missing 'end'): "
        "what was read so far is used",
    },
    "input.fortios.too_deep": {
        "vi": "các khối 'config' lồng nhau sâu hơn {depth} cấp: không phải cấu hình do FortiOS xuất ra (tệp bị "
        "hỏng hoặc do công cụ khác sinh ra?); phần đọc được vẫn được sử dụng",
        "en": "nesting deeper than {depth} levels of 'config' blocks: not a configuration as FortiOS writes "
        "it (damaged or generated file?); what was read is used",
    },
    "input.banner_never_closed": {
        "vi": "banner không được đóng; toàn bộ phần còn lại của tệp bị coi là nội dung banner",
        "en": "banner never closed; the rest of the file was treated as banner text",
    },
    # Partial reasons of the ASA's IPsec tunnels (parsers/cisco_asa/vpn.py): the English
    # is the reason as it always read; the Vietnamese reaches the reports through them.
    "input.asa.vpn_on_default": {
        "vi": "sysopt connection permit-vpn được bật theo mặc định",
        "en": "sysopt connection permit-vpn is on by default",
    },
    "input.asa.vpn_on_line": {
        "vi": "sysopt connection permit-vpn được bật (dòng {line})",
        "en": "sysopt connection permit-vpn is on (line {line})",
    },
    "input.asa.vpn_bypass": {
        "vi": "{on}, nên các gói tin được giải mã từ đường hầm IPsec này không bị access-list của cổng và "
        "mức bảo mật (security level) kiểm tra{filter}; mô hình không phân biệt được chúng với các gói tin "
        "không mã hoá có cùng địa chỉ, vốn do access-list quyết định",
        "en": "{on}, so packets decrypted from this IPsec tunnel bypass the interface access-lists and "
        "security levels{filter}; the model cannot tell them from cleartext packets with the same "
        "addresses, which the access-lists decide",
    },
    "input.asa.vpn_filter_permits": {
        "vi": ", và vpn-filter {acl} của group-policy {gp} cho phép chúng",
        "en": ", and vpn-filter {acl} of group-policy {gp} permits them",
    },
    "input.asa.vpn_no_filter": {
        "vi": ", và không có vpn-filter nào được biết cho đường hầm này",
        "en": ", and no vpn-filter is known for the tunnel",
    },
    "input.asa.vpn_filter_denies": {
        "vi": "vpn-filter {acl} của group-policy {gp} loại bỏ các gói tin này khi chúng đến (đã giải mã) từ "
        "đường hầm IPsec của crypto map {map} {seq}; mô hình không phân biệt được chúng với các gói tin "
        "không mã hoá có cùng địa chỉ, vốn do access-list quyết định",
        "en": "vpn-filter {acl} of group-policy {gp} drops these packets when they come decrypted from the "
        "IPsec tunnel of crypto map {map} {seq}; the model cannot tell them from cleartext packets "
        "with the same addresses, which the access-lists decide",
    },
    "input.asa.l2tp_no_protocol": {
        "vi": "crypto map {map} cung cấp transform set chế độ transport {ts} cho các peer động, nhưng không "
        "có dòng vpn-tunnel-protocol nào nêu l2tp-ipsec: có chấp nhận L2TP over IPsec hay không phụ thuộc "
        "vào giá trị mặc định của DfltGrpPolicy, mà cấu hình không thể hiện",
        "en": "crypto map {map} offers transport-mode transform set {ts} to dynamic peers, but no "
        "vpn-tunnel-protocol line names l2tp-ipsec: whether L2TP over IPsec is admitted depends on "
        "DfltGrpPolicy's defaults, which a configuration does not show",
    },
    "input.asa.l2tp_no_transport": {
        "vi": "vpn-tunnel-protocol có nêu l2tp-ipsec, nhưng crypto map {map} không cung cấp cho các peer "
        "động transform set IKEv1 nào được đọc là chế độ transport: chưa xác định được máy khách L2TP có "
        "kết nối được hay không",
        "en": "vpn-tunnel-protocol names l2tp-ipsec, but crypto map {map} offers dynamic peers no IKEv1 "
        "transform set read as transport mode: whether L2TP clients connect is not established",
    },
    "input.asa.resolution_failed": {
        "vi": "lỗi khi liên kết các đối tượng, ACL và NAT ({error}); mô hình của thiết bị này không đầy đủ",
        "en": "resolution failed ({error}); the model of this device is incomplete",
    },
    "input.truncated.ros_continued": {
        "vi": "bị cắt cụt: bản export kết thúc bằng một dòng nối tiếp bằng '\\' mà phía sau không có gì "
        "(dòng {line}); phần đọc được vẫn được sử dụng",
        "en": "truncated: the export ends in a line continued with '\\' and nothing after it (line {line}); "
        "what was read is used",
    },
    "input.truncated.ros_last": {
        "vi": "bị cắt cụt: lệnh cuối cùng của bản export chưa hoàn chỉnh: {why} (dòng {line}: {text}); phần đọc "
        "được vẫn được sử dụng",
        "en": "truncated: the export's last command is incomplete: {why} (line {line}: {text}); what was read is used",
    },
    "input.ros.quote_open": {
        "vi": "một giá trị trong dấu ngoặc kép không được đóng",
        "en": "a quoted value is never closed",
    },
    "input.ros.selector_open": {
        "vi": "bộ chọn phần tử '[ … ]' không được đóng",
        "en": "an item selector '[ … ]' is never closed",
    },
    "input.ros.not_command": {"vi": "dòng này không phải là một lệnh", "en": "it is not a command"},
    "input.ros.empty_menu": {
        "vi": "menu '/{menu}' không có lệnh nào đi kèm",
        "en": "menu '/{menu}' with no command under it",
    },
    "input.ros.no_property": {"vi": "'{verb}' không có thuộc tính nào", "en": "'{verb}' with no property"},
    "input.ros.no_value": {"vi": "'{arg}' không có giá trị", "en": "'{arg}' has no value"},
    "input.ros.stray_arg": {
        "vi": "'{arg}' đứng sau các đối số key=value",
        "en": "'{arg}' after the key=value arguments",
    },
    "input.ros.unrecognized_end": {
        "vi": "tệp dừng ở một dòng không nhận dạng được và không có ký tự xuống dòng ở cuối tệp",
        "en": "the file stops without a final newline in a line that was not recognized",
    },
    "input.ros.value_cut": {
        "vi": "giá trị của '{name}' kết thúc bằng {char} và không có ký tự xuống dòng ở cuối tệp",
        "en": "the value of '{name}' ends in {char} and the file has no final newline",
    },
    "input.ros.name_prefix": {
        "vi": "'{name}' tham chiếu tới '{piece}', tên này chưa được định nghĩa nhưng là phần đầu của một tên dài "
        "hơn đã dùng trước đó, và không có ký tự xuống dòng ở cuối tệp",
        "en": "'{name}' names '{piece}', which is not defined but begins a longer name used before it, and "
        "the file has no final newline",
    },
    # ---- parser warnings (netaudit.parsers and the vendor parsers; "FILE[:LINE]: message" is input.at)
    "input.joined": {"vi": "{parts}", "en": "{parts}"},  # several reasons of one construct, joined with "; "
    "input.line": {"vi": "dòng {line}: {what}", "en": "line {line}: {what}"},
    "input.interface_line_not_understood": {
        "vi": "không phân tích được dòng {line} của giao diện",
        "en": "line {line} of the interface not understood",
    },
    "input.line_not_understood": {
        "vi": "không phân tích được dòng cấu hình ({error})",
        "en": "line not understood ({error})",
    },
    "input.assess.unsupported": {
        "vi": "tệp có dạng cấu hình {platform}, loại thiết bị netaudit chưa hỗ trợ: kết quả đánh giá đối với lưu "
        "lượng đi qua thiết bị này là chưa xác định",
        "en": "looks like {platform}, which netaudit does not support: verdicts through this device are unknown",
    },
    "input.assess.unrecognized": {
        "vi": "{unrecognized} trong {total} dòng cấu hình không nhận dạng được theo cú pháp của {vendor} (cấu hình "
        "của loại thiết bị hoặc phiên bản khác?): kết quả đánh giá đối với lưu lượng đi qua thiết bị này là "
        "chưa xác định",
        "en": "{unrecognized} of {total} configuration lines were not recognized as {vendor} syntax (another "
        "platform or dialect?): verdicts through this device are unknown",
    },
    # Cisco IOS
    "input.ios.acl_empty": {
        "vi": "ACL {name} không có mục nào; tại nơi ACL này được áp dụng, IOS cho phép mọi lưu lượng",
        "en": "ACL {name} has no entries; where it is applied IOS permits everything",
    },
    "input.ios.ip_routing_assumed": {
        "vi": "cấu hình không nêu rõ ip routing; coi như chức năng định tuyến đang bật (giả định thận trọng)",
        "en": "ip routing not stated; assumed enabled (fail-safe)",
    },
    "input.ios.vty_acl_differ": {
        "vi": "các line vty áp dụng access-class khác nhau cho {proto}; coi như truy cập không bị giới hạn",
        "en": "vty lines differ in access-class for {proto}; treated as unrestricted",
    },
    "input.ios.snmp_acl_differ": {
        "vi": "các community/người dùng SNMP áp dụng ACL khác nhau; coi như truy cập không bị giới hạn",
        "en": "SNMP communities/users differ in ACL; treated as unrestricted",
    },
    # Huawei VRP
    "input.vrp.vty_acl_differ": {
        "vi": "các line vty áp dụng ACL khác nhau cho {proto}; coi như truy cập không bị giới hạn",
        "en": "vty lines differ in ACL for {proto}; treated as unrestricted",
    },
    # Cisco ASA
    "input.asa.access_group_unusable": {
        "vi": "lệnh access-group chỉ định ACL {acl}, nhưng ACL này {what}; ASA từ chối lệnh này nên không có ACL "
        "nào được áp dụng",
        "en": "access-group names ACL {acl}, which is {what}; the ASA rejects the command, so no ACL is applied",
    },
    "input.asa.acl_standard": {"vi": "là một ACL chuẩn (standard)", "en": "a standard ACL"},
    "input.asa.acl_undefined": {"vi": "chưa được định nghĩa", "en": "not defined"},
    "input.asa.nameif_twice": {
        "vi": "nameif {nameif} được dùng cho hai giao diện",
        "en": "nameif {nameif} used twice",
    },
    "input.asa.address_no_nameif": {
        "vi": "giao diện {name} có địa chỉ nhưng không có nameif: ASA không chuyển lưu lượng nào qua giao diện này",
        "en": "interface {name} has an address but no nameif: the ASA passes no traffic on it",
    },
    "input.asa.subinterface_no_vlan": {
        "vi": "giao diện con {name} không có lệnh 'vlan': ASA không chuyển lưu lượng nào qua giao diện này",
        "en": "subinterface {name} has no 'vlan': the ASA passes no traffic on it",
    },
    # FortiOS (the tree builder's "line N: …" and the parser's)
    "input.fortios.quote_open": {
        "vi": "chuỗi trong dấu ngoặc kép không được đóng; được đọc như một dòng",
        "en": "quoted string never closed; read as one line",
    },
    "input.fortios.edit_open": {
        "vi": "lệnh 'edit' xuất hiện khi mục {entry} vẫn đang mở (thiếu 'next')",
        "en": "'edit' while entry {entry} is still open (missing 'next')",
    },
    "input.fortios.outside_config": {
        "vi": "lệnh '{command}' nằm ngoài khối config",
        "en": "'{command}' outside a config block",
    },
    "input.fortios.no_key": {"vi": "lệnh '{command}' không có tên thuộc tính", "en": "'{command}' without a key"},
    "input.fortios.no_name": {"vi": "lệnh '{command}' không có tên", "en": "'{command}' without a name"},
    "input.fortios.next_alone": {
        "vi": "lệnh 'next' khi không có 'edit' nào đang mở",
        "en": "'next' without an open 'edit'",
    },
    "input.fortios.end_alone": {
        "vi": "lệnh 'end' khi không có khối 'config' nào đang mở",
        "en": "'end' without an open 'config'",
    },
    "input.fortios.not_applicable": {
        "vi": "lệnh '{command}' không áp dụng được (bảng {table})",
        "en": "'{command}' does not apply (table {table})",
    },
    "input.fortios.unknown_command": {
        "vi": "lệnh {command} không nhận dạng được",
        "en": "unknown command {command}",
    },
    "input.fortios.vdom_undefined": {
        "vi": "giao diện {name} thuộc VDOM {vdom}, VDOM này không được định nghĩa trong bản sao lưu; giao diện không "
        "được đưa vào mô hình",
        "en": "interface {name} belongs to VDOM {vdom}, which the backup does not define; left out",
    },
    "input.fortios.single_vdom": {
        "vi": "bản sao lưu chỉ gồm một VDOM (VDOM {name}, #global_vdom=0): cấu hình toàn cục (config system "
        "global, config system admin, SNMP, NTP) không có trong tệp này, nên các cổng quản trị, Telnet, "
        "trusted host, SNMP và máy chủ NTP của FortiGate chưa xác định và kết quả đánh giá về các nội dung đó "
        "là 'chưa xác định'; cần sao lưu toàn bộ cấu hình (phạm vi global) để kiểm tra đầy đủ",
        "en": "single-VDOM backup (VDOM {name}, #global_vdom=0): the global configuration (config system "
        "global, config system admin, SNMP, NTP) is not in this file, so the FortiGate's administrative "
        "ports, Telnet, trusted hosts, SNMP and NTP server are unknown and verdicts on them are 'unknown'; "
        "back up the full configuration (global scope) for a complete audit",
    },
    "input.fortios.section_unrecognized": {
        "vi": "mục 'config {path}' không nhận dạng được (các dòng của mục này được liệt kê là không nhận dạng được)",
        "en": "section 'config {path}' not recognized (its lines are reported as unrecognized)",
    },
    "input.fortios.section_failed": {
        "vi": "không phân tích được 'config {path}' ({error})",
        "en": "'config {path}' not understood ({error})",
    },
    "input.fortios.hostname_quote": {
        "vi": "lệnh set hostname có dấu ngoặc kép không được đóng; các dòng phía sau bị đọc như một phần của tên "
        "thiết bị",
        "en": "set hostname has an unterminated quote; the lines after it were read as part of it",
    },
    "input.fortios.policies_failed": {
        "vi": "VDOM {vdom}: không phân tích được các chính sách ({error})",
        "en": "VDOM {vdom}: policies not understood ({error})",
    },
    # OpenWrt
    "input.openwrt.no_package": {
        "vi": "các mục cấu hình OpenWrt không có dòng 'package' (chỉ có một tệp /etc/config riêng lẻ?): cần cung "
        "cấp kết quả lệnh 'uci export', hoặc các tệp /etc/config, mỗi tệp đặt sau một dòng "
        "'==> /etc/config/NAME <==' (tail -n +1 /etc/config/*)",
        "en": "OpenWrt sections without a 'package' line (an /etc/config file alone?): give the output of "
        "'uci export', or the /etc/config files each after a '==> /etc/config/NAME <==' line "
        "(tail -n +1 /etc/config/*)",
    },
    "input.openwrt.before_package": {
        "vi": "có dòng 'config' trước dòng 'package' đầu tiên: không xác định được gói chứa nó, các mục đó không "
        "được đọc",
        "en": "'config' before the first 'package' line: its package is unknown, its sections are not read",
    },
    "input.openwrt.policy_unknown": {
        "vi": "chính sách {value} không hợp lệ: fw4 không chấp nhận tùy chọn này của mục, giá trị {default} được "
        "áp dụng",
        "en": "policy {value} not known: fw4 refuses the section option, {default} applies",
    },
    "input.openwrt.no_firewall": {
        "vi": "đầu vào không có gói firewall: chưa xác định được việc lọc lưu lượng của bộ định tuyến (hãy xuất "
        "cấu hình bằng `uci export`, lệnh này in ra mọi gói)",
        "en": "no firewall package in the input: the router's filtering is unknown "
        "(export with `uci export`, which prints every package)",
    },
    "input.openwrt.zone_no_name": {
        "vi": "zone không có tên: fw4 bỏ qua zone này",
        "en": "zone without a name: fw4 skips it",
    },
    "input.openwrt.zone_network_undefined": {
        "vi": "zone {zone}: mạng {network} chưa được định nghĩa",
        "en": "zone {zone}: network {network} is not defined",
    },
    "input.openwrt.rule_zone_undefined": {
        "vi": "quy tắc {name}: zone chưa được định nghĩa: fw4 bỏ qua quy tắc này",
        "en": "rule {name}: zone not defined: fw4 skips the rule",
    },
    "input.openwrt.rule_target_unknown": {
        "vi": "quy tắc {name}: hành động (target) {target} không hợp lệ",
        "en": "rule {name}: target {target} not known",
    },
    "input.openwrt.forwarding_zones": {
        "vi": "mục forwarding không có zone nguồn và zone đích đã được định nghĩa: fw4 bỏ qua mục này",
        "en": "forwarding without a defined src and dest zone: fw4 skips it",
    },
    "input.openwrt.snat_no_dest": {
        "vi": "chuyển hướng (redirect) {name}: snat không có zone đích: fw4 bỏ qua mục này",
        "en": "redirect {name}: snat without a destination zone: fw4 skips it",
    },
    "input.openwrt.snat_no_src_dip": {
        "vi": "chuyển hướng (redirect) {name}: snat không có src_dip sử dụng được: fw4 bỏ qua mục này",
        "en": "redirect {name}: snat without a usable src_dip: fw4 skips it",
    },
    "input.openwrt.dnat_no_src": {
        "vi": "chuyển hướng (redirect) {name}: dnat không có zone nguồn: fw4 bỏ qua mục này",
        "en": "redirect {name}: dnat without a source zone: fw4 skips it",
    },
    "input.openwrt.dest_ip_unread": {
        "vi": "chuyển hướng (redirect) {name}: không hiểu được dest_ip {value}",
        "en": "redirect {name}: dest_ip {value} not understood",
    },
    "input.openwrt.wifi_networks": {
        "vi": "{name} chỉ định nhiều mạng {networks}: giao diện chỉ tham gia cầu nối (bridge) của mạng đầu tiên",
        "en": "{name} names several networks {networks}: it joins the first one's bridge",
    },
    "input.openwrt.no_dropbear": {
        "vi": "đầu vào không có gói dropbear: giả định máy chủ SSH mặc định của OpenWrt đang chạy ở cổng 22",
        "en": "no dropbear package in the input: OpenWrt's default SSH server on port 22 is assumed",
    },
    "input.openwrt.no_dhcp": {
        "vi": "đầu vào không có gói dhcp: giả định dnsmasq (DNS ở cổng 53) đang chạy",
        "en": "no dhcp package in the input: dnsmasq (DNS on port 53) is assumed",
    },
    "input.openwrt.device_no_name": {
        "vi": "mục config device không có tên: netifd bỏ qua mục này",
        "en": "config device without a name: ignored by netifd",
    },
    "input.openwrt.ifnames_no_bridge": {
        "vi": "giao diện {name}: có nhiều ifname nhưng không có type bridge; chỉ ifname đầu tiên được sử dụng",
        "en": "interface {name}: several ifname without type bridge; the first is used",
    },
    "input.openwrt.address_not_ipv4": {
        "vi": "giao diện {name}: địa chỉ {value} không phải IPv4: không được mô hình hóa",
        "en": "interface {name}: address {value} is not IPv4: not modelled",
    },
    "input.openwrt.device_type_unknown": {
        "vi": "loại thiết bị (device type) {type} không nhận dạng được",
        "en": "device type {type} not recognized",
    },
    "input.openwrt.bridge_vlan_not_bridge": {
        "vi": "có bridge-vlan trên {device}, nhưng đây không phải thiết bị cầu nối (bridge)",
        "en": "bridge-vlan on {device}, which is not a bridge device",
    },
    "input.openwrt.vlan_filtering_off": {
        "vi": "vlan_filtering 0 trên {device}: các mục bridge-vlan của thiết bị này bị bỏ qua",
        "en": "vlan_filtering 0 on {device}: its bridge-vlan sections are ignored",
    },
    "input.openwrt.bridge_vlan_no_number": {
        "vi": "mục bridge-vlan không có số VLAN: bị bỏ qua",
        "en": "bridge-vlan without a vlan number: ignored",
    },
    "input.openwrt.untagged_several": {
        "vi": "{port} là cổng untagged trong các VLAN {vlans} mà không có dấu '*': netifd lấy VLAN đầu tiên làm "
        "VLAN của cổng",
        "en": "{port} is untagged in VLANs {vlans} without '*': netifd makes the first its port VLAN",
    },
    "input.openwrt.switch_vlan_no_vlan": {
        "vi": "mục switch_vlan không có vlan: bị bỏ qua",
        "en": "switch_vlan without vlan: ignored",
    },
    "input.openwrt.address_unread": {
        "vi": "không hiểu được địa chỉ {value}",
        "en": "address {value} not understood",
    },
    "input.openwrt.route_target_unread": {
        "vi": "không hiểu được đích (target) {target} của tuyến",
        "en": "route target {target} not understood",
    },
    # MikroTik RouterOS
    "input.routeros.bridge_undefined": {
        "vi": "cầu nối (bridge) {bridge} chưa được định nghĩa: {names} không thuộc cầu nối nào",
        "en": "bridge {bridge} is not defined: {names} in no bridge",
    },
    "input.routeros.wireless_vlan_unfiltered": {
        "vi": "{iface} gắn thẻ VLAN {vid} cho các máy khách không dây của mình trên cầu nối {bridge} (cầu nối không "
        "bật lọc VLAN); mô hình đặt các máy khách này vào miền không gắn thẻ (untagged) của cầu nối — cần khai "
        "báo zone này theo dải địa chỉ mạng (subnets), không theo attach",
        "en": "{iface} tags its wireless clients into VLAN {vid} of bridge {bridge} (no VLAN filtering); the "
        "model places them in the bridge's untagged domain — declare that zone by subnets, not by attach",
    },
    "input.routeros.untagged_besides_pvid": {
        "vi": "{iface} là thành viên không gắn thẻ (untagged) của VLAN {vlans} ngoài pvid {pvid}; các máy trên "
        "cổng này chỉ gửi lưu lượng vào pvid (được mô hình hóa như vậy)",
        "en": "{iface} is an untagged member of VLAN(s) {vlans} besides its pvid {pvid}; its hosts send into "
        "the pvid only (modelled)",
    },
    "input.routeros.horizon": {
        "vi": "thiết lập horizon trên {iface} (split horizon) không được mô hình hóa: các cổng được coi như thông nhau",
        "en": "horizon on {iface} (split horizon) not modelled: ports treated as connected",
    },
    "input.routeros.vlan_if_untagged_bridge": {
        "vi": "giao diện VLAN {name} (VLAN {vid}) trên {bridge}, nhưng {bridge} không phải thành viên gắn thẻ "
        "(tagged) của VLAN {vid} trong /interface bridge vlan: RouterOS sẽ không chuyển VLAN đó tới giao diện "
        "này (được mô hình hóa là có kết nối, cách hiểu cho phép nhiều lưu lượng hơn)",
        "en": "VLAN interface {name} (VLAN {vid}) on {bridge}, but {bridge} is not a tagged member of VLAN "
        "{vid} in /interface bridge vlan: RouterOS would not deliver that VLAN to it (modelled as "
        "connected, the more permissive reading)",
    },
    "input.routeros.port_no_interface": {
        "vi": "mục bridge port của cầu nối {bridge} không chỉ định giao diện nào (giao diện mà mục này chỉ định "
        "không còn tồn tại): mục này không thêm cổng nào vào cầu nối",
        "en": "bridge port entry of {bridge} names no interface (the interface it named no longer exists): "
        "it adds no port to the bridge",
    },
    "input.routeros.port_no_interface_no_bridge": {
        "vi": "mục bridge port không thuộc cầu nối nào và không chỉ định giao diện nào (giao diện mà mục này chỉ "
        "định không còn tồn tại): mục này không thêm cổng nào vào cầu nối",
        "en": "bridge port entry of no bridge names no interface (the interface it named no longer exists): "
        "it adds no port to the bridge",
    },
    "input.routeros.port_bridge_gone": {
        "vi": "cổng bridge {iface} không thuộc cầu nối nào (cầu nối {bridge} mà mục này chỉ định không còn tồn tại)",
        "en": "bridge port {iface} is in no bridge (the bridge it named {bridge} no longer exists)",
    },
    "input.routeros.port_no_bridge": {
        "vi": "cổng bridge {iface} không thuộc cầu nối nào (cầu nối mà mục này chỉ định không còn tồn tại)",
        "en": "bridge port {iface} is in no bridge (the bridge it named no longer exists)",
    },
    "input.routeros.list_member_no_interface": {
        "vi": "mục thành viên của danh sách giao diện (interface list) {list} không chỉ định giao diện nào (giao "
        "diện mà mục này chỉ định không còn tồn tại): mục này không thêm giao diện nào vào danh sách",
        "en": "interface list member of {list} names no interface (the interface it named no longer exists): "
        "it adds no interface to the list",
    },
    "input.routeros.list_undeclared": {
        "vi": "danh sách giao diện {list} có thành viên nhưng không được khai báo trong /interface list",
        "en": "interface list {list} has members but no /interface list entry",
    },
    "input.routeros.address_on_port": {
        "vi": "địa chỉ {address} được gán trên {iface}, là một cổng của cầu nối {bridge}: RouterOS gán địa chỉ "
        "này cho cầu nối (được mô hình hóa như vậy)",
        "en": "address {address} is on {iface}, a port of bridge {bridge}: RouterOS puts it on the bridge "
        "(modelled so)",
    },
    "input.routeros.rule_names_port": {
        "vi": "quy tắc chỉ định {name}, là một cổng bridge/switch: với lưu lượng được định tuyến, RouterOS so "
        "khớp theo giao diện cầu nối hoặc giao diện VLAN, nên điều kiện này không bao giờ khớp với gói tin "
        "được định tuyến",
        "en": "rule names {name}, a bridge/switch port: for routed traffic RouterOS matches the bridge or "
        "VLAN interface instead, so this condition never matches routed packets",
    },
    "input.routeros.dhcp_client_on_port": {
        "vi": "DHCP client trên {iface}, là một cổng của cầu nối: RouterOS không chạy DHCP client này",
        "en": "DHCP client on {iface}, a bridge port: RouterOS does not run it",
    },
    "input.routeros.dhcp_client_gone": {
        "vi": "DHCP client trên {iface}, là giao diện không còn tồn tại: DHCP client này không chạy trên giao diện nào",
        "en": "DHCP client on {iface}, an interface that no longer exists: it runs nowhere",
    },
    "input.routeros.dhcp_server_gone": {
        "vi": "máy chủ DHCP {name} không gắn với giao diện nào (giao diện mà mục này chỉ định không còn tồn "
        "tại): máy chủ này không cấp phát địa chỉ trên giao diện nào",
        "en": "DHCP server {name} is on no interface (the interface it named no longer exists): it serves nowhere",
    },
    "input.routeros.address_gone": {
        "vi": "địa chỉ {address} không gắn với giao diện nào (giao diện mà mục này chỉ định không còn tồn "
        "tại): bộ định tuyến không có địa chỉ này",
        "en": "address {address} is on no interface (the interface it named no longer exists): the router "
        "does not have it",
    },
    # RouterOS partial reasons (a rule, list or NAT rule only partly understood)
    "input.routeros.matcher_unmodelled": {
        "vi": "chưa mô hình hoá điều kiện {matcher}",
        "en": "{matcher} matcher not modelled",
    },
    "input.routeros.unknown_property": {
        "vi": "thuộc tính {prop} không xác định",
        "en": "unknown property {prop}",
    },
    "input.routeros.address_type_unmodelled": {
        "vi": "chưa mô hình hoá address-type {value}",
        "en": "address-type {value} not modelled",
    },
    "input.routeros.alist_no_entry": {
        "vi": "danh sách địa chỉ {name} không có mục nào trong bản export (rỗng, hoặc được thêm vào khi chạy)",
        "en": "address list {name} has no entry in the export (empty, or filled at run time)",
    },
    "input.routeros.alist_dns": {
        "vi": "danh sách địa chỉ {name} chứa {value}, được phân giải khi chạy (tên DNS)",
        "en": "address list {name} holds {value}, resolved at run time (DNS name)",
    },
    "input.routeros.alist_runtime": {
        "vi": "danh sách địa chỉ {name} được thêm địa chỉ khi chạy",
        "en": "address list {name} is filled at run time",
    },
    "input.routeros.alist_expiring": {
        "vi": "danh sách địa chỉ {name} có mục hết hạn (timeout=): các địa chỉ trong danh sách thay đổi khi chạy",
        "en": "address list {name} has entries that expire (timeout=): its members change at run time",
    },
    "input.routeros.iflist_dynamic": {
        "vi": "danh sách interface 'dynamic' (các interface được tạo khi chạy)",
        "en": "interface list 'dynamic' (interfaces created at run time)",
    },
    "input.routeros.iflist_undefined": {
        "vi": "danh sách interface {name} chưa được khai báo",
        "en": "interface list {name} is not defined",
    },
    "input.routeros.iflist_ppp_server": {
        "vi": "máy chủ PPP tạo một giao diện cho mỗi phiên kết nối và, theo hồ sơ {profile}, đưa giao diện đó "
        "vào danh sách {list} khi đang chạy: không biết trước danh sách {list} gồm những giao diện nào",
        "en": "a PPP server creates an interface for each session and, by profile {profile}, puts it in list "
        "{list} at run time: which interfaces list {list} holds is not known in advance",
    },
    "input.routeros.iflist_detect_internet": {
        "vi": "Detect Internet (detect-interface-list={detect}) tự đưa các giao diện nó theo dõi vào danh sách "
        "{list} khi đang chạy, tuỳ trạng thái phát hiện được: không biết trước danh sách {list} gồm những giao "
        "diện nào",
        "en": "Detect Internet (detect-interface-list={detect}) puts the interfaces it watches into list {list} "
        "at run time, by the state it detects: which interfaces list {list} holds is not known in advance",
    },
    "input.routeros.hotspot_login_state": {
        "vi": "HotSpot: yêu cầu được chuyển tới trang đăng nhập của portal, tới proxy hay đi tiếp không đổi tuỳ "
        "thuộc trạng thái đăng nhập và thiết lập proxy của máy khách",
        "en": "HotSpot: whether the request goes to the portal's login page or proxy or on unchanged "
        "depends on the client's login state and proxy settings",
    },
    "input.routeros.hotspot_bypassed": {
        "vi": "HotSpot ip-binding type=bypassed: tài liệu không nói rõ các gói tin này có bỏ qua việc chuyển "
        "hướng của portal hay không",
        "en": "HotSpot ip-binding type=bypassed: whether these packets skip the portal's redirects is not documented",
    },
    # Linux (its warnings name no file: "line N: …" is input.line)
    "input.linux.no_addr": {
        "vi": "không có mục 'ip -j addr': chưa xác định được các giao diện và địa chỉ của thiết bị",
        "en": "no 'ip -j addr' section: the device's interfaces and addresses are unknown",
    },
    "input.linux.no_route": {
        "vi": "không có mục 'ip -j route show table all': chỉ xác định được các tuyến kết nối trực tiếp (connected)",
        "en": "no 'ip -j route show table all' section: only connected routes are known",
    },
    "input.linux.section_not_read": {
        "vi": "mục '{command}' không được netaudit đọc ({count} dòng)",
        "en": "section '{command}' is not read by netaudit ({count} lines)",
    },
    "input.linux.section_twice": {
        "vi": "mục '{command}' xuất hiện lần thứ hai; chỉ mục đầu tiên được đọc",
        "en": "a second '{command}' section; the first one was read",
    },
    "input.linux.collect_failed": {
        "vi": "lệnh '{command}' bị lỗi khi thu thập: {error}",
        "en": "'{command}' failed when collected: {error}",
    },
    "input.linux.iptables_nft_both": {
        "vi": "các bảng do iptables-nft quản lý xuất hiện trong cả 'nft list ruleset' và 'iptables-save': chỉ "
        "được đọc từ iptables-save",
        "en": "tables managed by iptables-nft appear in both 'nft list ruleset' and 'iptables-save': read "
        "from iptables-save only",
    },
    "input.linux.no_firewall": {
        "vi": "không có mục 'nft list ruleset' hoặc 'iptables-save': tường lửa của thiết bị chưa xác định",
        "en": "no 'nft list ruleset' or 'iptables-save' section: the firewall is unknown",
    },
    "input.linux.firewall_unsure": {
        "vi": "{why}: tường lửa của thiết bị chưa xác định",
        "en": "{why}: the firewall is unknown",
    },
    "input.linux.firewall_unsure_more": {
        "vi": "{why} (và {more} trường hợp khác): tường lửa của thiết bị chưa xác định",
        "en": "{why} (and {more} more): the firewall is unknown",
    },
    "input.linux.no_iptables_reader": {
        "vi": "mục 'iptables-save' không được đọc (không có bộ đọc iptables)",
        "en": "'iptables-save' section not read (the iptables reader is not available)",
    },
    "input.linux.iptables_failed": {
        "vi": "không đọc được mục 'iptables-save': {error}",
        "en": "'iptables-save' section could not be read: {error}",
    },
    "input.linux.iptables_cut_short": {
        "vi": "bản 'iptables-save' bị cắt cụt (có bảng không kết thúc bằng dòng COMMIT)",
        "en": "'iptables-save' is cut short (a table has no COMMIT)",
    },
    "input.linux.iptables_line_unread": {
        "vi": "không đọc được dòng iptables-save ({error})",
        "en": "iptables-save line not read ({error})",
    },
    "input.linux.iptables_no_commit": {
        "vi": "bảng *{table} của iptables-save không có dòng COMMIT: mục này bị cắt cụt",
        "en": "iptables-save table *{table} has no COMMIT: the section was cut short",
    },
    "input.linux.iptables_legacy": {
        "vi": "có các bảng iptables-legacy tồn tại song song với các bảng này nhưng không có trong bản thu thập",
        "en": "iptables-legacy tables exist beside these and are not in this dump",
    },
    "input.linux.iptables_incompatible": {
        "vi": "có bảng iptables-nft không hiển thị được (được tạo bằng nft): các quy tắc của bảng đó không có "
        "trong bản thu thập",
        "en": "a table iptables-nft cannot show (made with nft): rules not in this dump",
    },
    "input.linux.iptables_table_unmodelled": {
        "vi": "bảng iptables *{table} không được mô hình hóa",
        "en": "iptables table *{table} not modelled",
    },
    "input.linux.no_ss": {
        "vi": "không có mục 'ss -Htlnu': chưa xác định được các dịch vụ đang lắng nghe trên thiết bị",
        "en": "no 'ss -Htlnu' section: the device's listening services are unknown",
    },
    "input.linux.every_port_listening": {
        "vi": "mọi cổng TCP/UDP được mô hình hóa là có thể đang lắng nghe",
        "en": "every TCP/UDP port is modelled as possibly listening",
    },
    "input.linux.no_ip_forward": {
        "vi": "bản thu thập không có net.ipv4.ip_forward: giả định thiết bị có chức năng định tuyến (ip_forward = 1)",
        "en": "no net.ipv4.ip_forward in the dump: the device is assumed to route (ip_forward = 1)",
    },
    "input.linux.table_dormant": {
        "vi": "bảng {family} {table} ở trạng thái tạm ngừng (flags dormant): các chain của bảng không lọc lưu "
        "lượng nào",
        "en": "table {family} {table} is dormant (flags dormant): its chains filter nothing",
    },
    "input.linux.flowtable": {
        "vi": "flowtable {name} (chỉ áp dụng offload cho các luồng đã được thiết lập)",
        "en": "flowtable {name} (offloads established flows only)",
    },
    "input.linux.nft_newer": {
        "vi": "nft cảnh báo bảng {family} {table} có thể được liệt kê không đầy đủ (bảng được tạo bởi phiên "
        "bản nftables mới hơn)",
        "en": "nft warns that table {family} {table} may be listed incompletely (made by a newer nftables)",
    },
    "input.linux.nft_outside_table": {
        "vi": "'{text}' nằm ngoài bảng: không được đọc",
        "en": "'{text}' outside a table: not read",
    },
    "input.linux.nft_in_table": {
        "vi": "'{text}' trong bảng {family} {table}: không được đọc",
        "en": "'{text}' in table {family} {table}: not read",
    },
    "input.linux.nft_chain_statement": {
        "vi": "chain {chain}: không phân tích được '{text}'",
        "en": "chain {chain}: '{text}' not understood",
    },
    "input.linux.chain_hook_unmodelled": {
        "vi": "chain {family} {table}/{chain} trên hook {hook}: không được mô hình hóa",
        "en": "{family} chain {table}/{chain} on hook {hook}: not modelled",
    },
    "input.linux.not_json": {
        "vi": "kết quả lệnh '{command}' không ở dạng JSON (cần dùng dạng -j nêu trong docs/vendors/linux.md); "
        "không được đọc",
        "en": "'{command}' output is not JSON (use the -j form of docs/vendors/linux.md); not read",
    },
    "input.linux.json_damaged": {
        "vi": "dữ liệu JSON của '{command}' bị hỏng hoặc bị cắt cụt ({error}); không được đọc",
        "en": "'{command}' JSON is damaged or cut short ({error}); not read",
    },
    "input.linux.not_json_array": {
        "vi": "kết quả lệnh '{command}' không phải mảng JSON; không được đọc",
        "en": "'{command}' is not a JSON array; not read",
    },
    "input.linux.vlan_bridge_port": {
        "vi": "cổng {name} của cầu nối có lọc VLAN (VLAN {vids}): việc phân tách VLAN trên cầu nối không được "
        "mô hình hóa, các cổng của cầu nối được coi là cùng một miền L2",
        "en": "VLAN-aware bridge port {name} (VLANs {vids}): VLAN separation on the bridge is not modelled, "
        "its ports are one L2 domain",
    },
    "input.linux.rule_after_main": {
        "vi": "quy tắc (ip rule) nằm sau bảng main, với các tuyến trong bảng {table}: chỉ được dùng khi bảng "
        "main không có tuyến phù hợp",
        "en": "rule after the main table with routes in table {table}: used when main has no route",
    },
    "input.not_modelled": {"vi": "không được mô hình hóa", "en": "not modelled"},
}
