"""Catalogue entries: inputs.

Usable-input problems and input warnings (netaudit.inputs, netaudit.parsers.completeness and
the vendor modules' incomplete()), the parsers' own warnings (netaudit.parsers and the
vendor parsers: input.assess.*, input.ios.*, input.asa.*, input.fortios.*, input.vrp.*,
input.openwrt.*, input.routeros.*, input.linux.*) and the reasons they give for a construct
they understand only partly (its ``partial``; several of one construct are one
input.joined text).  Stored as "FILE[:LINE]: message" (input.at, the English
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
    # the devices' own services of a file cut short (netaudit.inputs): partial
    "input.truncated.rest_unknown": {
        "vi": "tệp bị cắt cụt: phần cấu hình còn lại chưa được biết",
        "en": "the file is cut short: the rest of its configuration is not known",
    },
    "input.truncated.rest_unknown_at": {
        "vi": "tệp bị cắt cụt ở dòng {line}: phần cấu hình còn lại chưa được biết",
        "en": "the file is cut short at line {line}: the rest of its configuration is not known",
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
    # Cisco IOS partial reasons (a construct only partly understood: parsers/cisco_ios/ and,
    # for the ones both Cisco parsers give, parsers/cisco_common.py).  The English is the
    # reason as it always read; configuration text, names and numbers are fields.
    "input.ios.line_not_understood": {
        "vi": "không phân tích được dòng {line}: {error}",
        "en": "line {line} not understood: {error}",
    },
    "input.ios.line_unread": {
        "vi": "không phân tích được dòng {line}",
        "en": "line {line} not understood",
    },
    "input.ios.not_understood": {
        "vi": "không phân tích được '{text}'",
        "en": "'{text}' not understood",
    },
    "input.ios.unmodelled_line": {
        "vi": "chưa mô hình hoá '{text}'",
        "en": "'{text}' not modelled",
    },
    "input.ios.at_line": {"vi": "{why} (dòng {line})", "en": "{why} (line {line})"},
    "input.ios.switchport_mode": {
        "vi": "chưa mô hình hoá switchport mode {mode}",
        "en": "switchport mode {mode} not modelled",
    },
    "input.ios.pppoe_client": {
        "vi": "chưa mô hình hoá PPPoE client",
        "en": "PPPoE client not modelled",
    },
    "input.ios.wccp": {
        "vi": "chưa mô hình hoá việc chuyển hướng lưu lượng bằng WCCP",
        "en": "WCCP redirection not modelled",
    },
    "input.ios.ace_option": {
        "vi": "chưa mô hình hoá tuỳ chọn {option}",
        "en": "{option} not modelled",
    },
    "input.ios.dynamic_ace": {
        "vi": "chưa mô hình hoá mục dynamic (lock-and-key)",
        "en": "dynamic (lock-and-key) entry not modelled",
    },
    "input.ios.og_undefined": {
        "vi": "object-group {name} chưa được định nghĩa",
        "en": "object-group {name} undefined",
    },
    "input.ios.og_partial": {
        "vi": "object-group {name} chỉ được hiểu một phần",
        "en": "object-group {name} partially understood",
    },
    "input.ios.acl_definition_unread": {
        "vi": "không phân tích được phần định nghĩa (dòng {line}: {text})",
        "en": "definition not understood (line {line}: {text})",
    },
    "input.ios.acl_undefined": {
        "vi": "ACL {name} chưa được định nghĩa",
        "en": "ACL {name} is not defined",
    },
    "input.ios.pbr_acl_permits": {
        "vi": "ACL {name} có dòng deny hoặc dòng chưa được hiểu đầy đủ: chỉ các dòng permit của ACL được dùng "
        "làm điều kiện khớp",
        "en": "ACL {name} has deny or partial lines: its permits taken as the match",
    },
    "input.ios.pbr_next_hops": {
        "vi": "có nhiều next hop: chỉ next hop đầu tiên được mô hình hoá",
        "en": "several next hops: the first one modelled",
    },
    "input.ios.vacl": {
        "vi": "chưa mô hình hoá VLAN access-map (VACL)",
        "en": "VLAN access-map (VACL) not modelled",
    },
    "input.ios.vacl_applied": {
        "vi": "VLAN access-map {name} lọc lưu lượng của VLAN (VACL): chưa được mô hình hoá",
        "en": "VLAN access-map {name} filters VLAN traffic (VACL) not modelled",
    },
    "input.ios.pppoe_server": {
        "vi": "chưa mô hình hoá PPPoE server (pppoe enable không có pppoe-client)",
        "en": "PPPoE server (pppoe enable without pppoe-client) not modelled",
    },
    "input.ios.pppoe": {"vi": "chưa mô hình hoá PPPoE", "en": "PPPoE not modelled"},
    "input.ios.dtp_desirable": {
        "vi": "DTP dynamic desirable có thể thương lượng để cổng trở thành trunk",
        "en": "DTP dynamic desirable may negotiate a trunk",
    },
    "input.ios.unnumbered": {
        "vi": "chưa mô hình hoá ip unnumbered {interface}",
        "en": "ip unnumbered {interface} not modelled",
    },
    "input.ios.access_group_no_direction": {
        "vi": "ip access-group không nêu chiều áp dụng (in/out)",
        "en": "ip access-group without direction",
    },
    "input.ios.urpf_acl": {
        "vi": "chưa mô hình hoá ACL ngoại lệ của uRPF",
        "en": "uRPF exception ACL not modelled",
    },
    "input.ios.vrf_form": {"vi": "chưa mô hình hoá vrf {form}", "en": "vrf {form} not modelled"},
    "input.ios.private_vlan": {"vi": "chưa mô hình hoá private VLAN", "en": "private VLAN not modelled"},
    "input.ios.qinq": {
        "vi": "chưa mô hình hoá QinQ (second-dot1q)",
        "en": "QinQ (second-dot1q) not modelled",
    },
    "input.ios.service_policy": {
        "vi": "chưa mô hình hoá service-policy (có thể giới hạn tốc độ, loại bỏ hoặc chuyển hướng lưu lượng)",
        "en": "service-policy not modelled (may police/drop/redirect)",
    },
    "input.ios.xconnect": {
        "vi": "chưa mô hình hoá xconnect (pseudowire)",
        "en": "xconnect (pseudowire) not modelled",
    },
    "input.ios.bridge_group": {
        "vi": "chưa mô hình hoá bridge-group (bridging trong suốt)",
        "en": "bridge-group (transparent bridging) not modelled",
    },
    "input.ios.zone_member_line": {
        "vi": "tường lửa theo vùng (zone-based firewall): không phân tích được dòng zone-member",
        "en": "zone-based firewall: zone-member line not understood",
    },
    "input.ios.nvi_nat": {
        "vi": "chưa mô hình hoá NAT NVI (ip nat enable)",
        "en": "NVI NAT (ip nat enable) not modelled",
    },
    "input.ios.ip_admission": {
        "vi": "chưa mô hình hoá authentication proxy (ip admission)",
        "en": "authentication proxy (ip admission) not modelled",
    },
    "input.ios.auth_proxy": {
        "vi": "chưa mô hình hoá authentication proxy",
        "en": "authentication proxy not modelled",
    },
    "input.ios.ip_audit": {"vi": "chưa mô hình hoá IDS (ip audit)", "en": "IDS (ip audit) not modelled"},
    "input.ios.ip_ips": {"vi": "chưa mô hình hoá IPS (ip ips)", "en": "IPS (ip ips) not modelled"},
    "input.ios.mac_access_group": {
        "vi": "chưa mô hình hoá MAC access-group",
        "en": "MAC access-group not modelled",
    },
    "input.ios.evc_service": {
        "vi": "chưa mô hình hoá EVC service instance",
        "en": "EVC service instance not modelled",
    },
    "input.ios.traffic_export": {
        "vi": "chưa mô hình hoá việc xuất bản sao lưu lượng (traffic export)",
        "en": "traffic export not modelled",
    },
    "input.ios.ip_security": {
        "vi": "chưa mô hình hoá các tuỳ chọn bảo mật IP (IP security options)",
        "en": "IP security options not modelled",
    },
    "input.ios.nat_form": {
        "vi": "chưa mô hình hoá ip nat {side} source {form}",
        "en": "ip nat {side} source {form} not modelled",
    },
    "input.ios.nat_outside_static_ports": {
        "vi": "chưa mô hình hoá ip nat outside source static có nêu cổng",
        "en": "ip nat outside source static with ports not modelled",
    },
    "input.ios.nat_port_static": {
        "vi": "NAT tĩnh có đổi cổng (port forward :{gport} -> :{lport}): kết nối mà máy bên trong mở từ cổng "
        "{lport} sẽ đi ra từ cổng {gport}, điều này chưa được mô hình hoá (bản thân việc chuyển tiếp cổng thì "
        "đã được mô hình hoá)",
        "en": "static port translation (port forward :{gport} -> :{lport}): a connection the inside host opens "
        "from port {lport} leaves from port {gport}, which is not modelled (the forward is)",
    },
    "input.ios.nat_pool_first": {
        "vi": "NAT pool {pool} được tính gần đúng bằng địa chỉ đầu tiên của pool, {address}",
        "en": "NAT pool {pool} approximated by its first address {address}",
    },
    "input.ios.nat_pool_undefined": {
        "vi": "NAT pool {pool} chưa được định nghĩa",
        "en": "NAT pool {pool} undefined",
    },
    "input.ios.nat_iface_address": {
        "vi": "chưa xác định được địa chỉ của {interface}",
        "en": "address of {interface} unknown",
    },
    "input.ios.route_global": {
        "vi": "next hop được phân giải trong bảng định tuyến global",
        "en": "next hop resolved in the global table",
    },
    "input.ios.route_dhcp": {
        "vi": "next hop được học qua DHCP",
        "en": "next hop learned from DHCP",
    },
    "input.ios.ike_unapplied": {
        "vi": "IKE/IPsec được cấu hình nhưng không được áp dụng cho giao diện nào (crypto map, tunnel protection, "
        "EzVPN client): chưa biết IOS có trả lời IKE hay không",
        "en": "IKE/IPsec configured but applied to no interface (crypto map, tunnel protection, EzVPN client): "
        "whether IOS answers IKE is not known",
    },
    "input.ios.isakmp_off": {
        "vi": "no crypto isakmp (dòng {line}): chưa mô hình hoá việc IKEv2 có còn trả lời hay không",
        "en": "no crypto isakmp (line {line}): whether IKEv2 still answers is not modelled",
    },
    "input.ios.crypto_map_option": {
        "vi": "chưa mô hình hoá '{text}' áp dụng cho toàn bộ crypto map",
        "en": "'{text}' on the whole map not modelled",
    },
    "input.ios.crypto_map_line": {
        "vi": "chưa mô hình hoá crypto map IPsec ('{text}')",
        "en": "IPsec crypto map not modelled ('{text}')",
    },
    "input.ios.ipsec": {"vi": "đường hầm IPsec: {why}", "en": "IPsec {why}"},
    "input.ios.crypto_tunnel": {
        "vi": "các gói tin mà ACL {acl} chọn khi rời {iface} được mã hoá và gửi tới peer {peers} (nằm ngoài các "
        "cấu hình được kiểm tra), và các gói tin từ các mạng ở xa của ACL có thể đến (đã giải mã) từ đường hầm "
        "mà không bị ACL của giao diện kiểm tra: cả hai chiều đều chưa chắc chắn",
        "en": "packets its ACL {acl} selects leaving {iface} are encrypted to peer {peers} (outside the snapshot), "
        "and packets from the ACL's remote networks may come decrypted from it past the interface ACL: both maybe",
    },
    "input.ios.crypto_map_no_entry": {
        "vi": "crypto map {map} không có entry nào trong cấu hình: chưa biết crypto map này mã hoá những gì",
        "en": "crypto map {map} has no entry in the configuration: what it encrypts is not known",
    },
    "input.ios.crypto_entry_dynamic": {
        "vi": "{entry} là entry động (truy cập từ xa, peer bất kỳ): chưa biết các peer và lưu lượng chúng gửi",
        "en": "{entry} is dynamic (remote access, any peer): the peers and what they send are not known",
    },
    "input.ios.crypto_entry_kind": {"vi": "chưa mô hình hoá {entry} {kind}", "en": "{entry} {kind} not modelled"},
    "input.ios.crypto_entry_incomplete": {
        "vi": "{entry} không có {missing}: IOS không dùng entry như vậy, và mô hình không dựa vào điều đó",
        "en": "{entry} has no {missing}: IOS leaves such an entry unused, which the model does not rely on",
    },
    "input.ios.crypto_acl_undefined": {
        "vi": "crypto ACL {name} chưa được định nghĩa",
        "en": "crypto ACL {name} is not defined",
    },
    "input.ios.crypto_acl_standard": {
        "vi": "crypto ACL {name} là một ACL chuẩn (standard)",
        "en": "crypto ACL {name} is a standard ACL",
    },
    "input.ios.crypto_acl_partial": {
        "vi": "crypto ACL {name} chưa được hiểu đầy đủ ({why})",
        "en": "crypto ACL {name} not fully understood ({why})",
    },
    "input.ios.crypto_acl_line": {
        "vi": "crypto ACL {name}: dòng '{text}' chưa được hiểu đầy đủ",
        "en": "crypto ACL {name}: '{text}' not fully understood",
    },
    "input.ios.crypto_acl_gre": {
        "vi": "crypto ACL {name} bảo vệ lưu lượng GRE ('{text}'): chưa mô hình hoá GRE over IPsec",
        "en": "crypto ACL {name} protects GRE ('{text}'): GRE over IPsec is not modelled",
    },
    "input.ios.vpdn_no_enable": {
        "vi": "vpdn-group {group} chấp nhận đường hầm nhưng cấu hình không có `vpdn enable`: chưa xác định được "
        "IOS có trả lời các đường hầm này hay không",
        "en": "vpdn-group {group} accepts tunnels but the configuration has no `vpdn enable`: whether IOS answers "
        "them is not established",
    },
    "input.ios.vpdn_no_protocol": {
        "vi": "vpdn-group {group}: không đọc được giao thức mà nhóm này chấp nhận",
        "en": "vpdn-group {group}: which protocol it accepts was not read",
    },
    "input.ios.vpdn_softshut": {
        "vi": "vpdn softshut (dòng {line}): các phiên mới bị từ chối, chưa được mô hình hoá",
        "en": "vpdn softshut (line {line}): new sessions refused, not modelled",
    },
    "input.ios.vpdn_vrf": {
        "vi": "đường hầm kết thúc trong một VRF: chưa mô hình hoá các giao diện trả lời đường hầm",
        "en": "tunnels terminate in a VRF: the interfaces answering them are not modelled",
    },
    "input.ios.vpdn_l2tp_security": {
        "vi": "L2TP được bảo vệ bằng một IPsec crypto profile: chưa mô hình hoá việc IOS khi đó có từ chối L2TP "
        "không mã hoá hay không",
        "en": "L2TP protected by an IPsec crypto profile: whether IOS then refuses cleartext L2TP is not modelled",
    },
    "input.ios.smart_install_director": {
        "vi": "Smart Install director: chưa mô hình hoá những gì director chấp nhận trên tcp/4786",
        "en": "Smart Install director: what it accepts on tcp/4786 is not modelled",
    },
    "input.ios.smart_install_default": {
        "vi": "không có dòng vstack: trên switch Catalyst chạy phiên bản chưa có bản sửa lỗi CSCvd36820, Smart "
        "Install client được bật theo mặc định (kiểm tra bằng show vstack config)",
        "en": "no vstack line: on a Catalyst switch whose release lacks the fix for CSCvd36820 the Smart "
        "Install client is on by default (show vstack config tells)",
    },
    "input.ios.fwd_udp_no": {
        "vi": "chưa mô hình hoá no ip forward-protocol udp (không nêu cổng)",
        "en": "no ip forward-protocol udp (without a port) not modelled",
    },
    "input.ios.fwd_udp_port": {
        "vi": "không phân tích được cổng UDP {port}",
        "en": "UDP port {port} not understood",
    },
    "input.ios.fwd_flood": {
        "vi": "broadcast UDP được flood theo cây spanning tree (chưa được mô hình hoá)",
        "en": "UDP broadcasts flooded along the spanning tree (not modelled)",
    },
    "input.ios.fwd_any_local": {
        "vi": "broadcast cục bộ của mọi mạng con cũng được chuyển tiếp (chưa được mô hình hoá)",
        "en": "local subnet broadcasts of any subnet forwarded too (not modelled)",
    },
    "input.ios.fwd_sdns": {
        "vi": "broadcast SDNS được chuyển tiếp (chưa được mô hình hoá)",
        "en": "SDNS broadcasts forwarded (not modelled)",
    },
    "input.ios.fwd_unread": {
        "vi": "không phân tích được ip forward-protocol {words}",
        "en": "ip forward-protocol {words} not understood",
    },
    "input.ios.no_service_dhcp": {
        "vi": "no service dhcp: chưa xác định được IOS xử lý thế nào với broadcast DHCP gửi tới helper",
        "en": "no service dhcp: what IOS does with DHCP broadcasts for a helper is not established",
    },
    "input.ios.police_action": {
        "vi": "chưa mô hình hoá police {which} '{action}'",
        "en": "police {which} '{action}' not modelled",
    },
    "input.ios.cp_subinterface": {
        "vi": "chưa mô hình hoá '{text}' (control-plane subinterface)",
        "en": "'{text}' (control-plane subinterface) not modelled",
    },
    "input.ios.policy_map_undefined": {
        "vi": "policy-map {name} chưa được định nghĩa",
        "en": "policy-map {name} undefined",
    },
    "input.ios.policy_map_type": {"vi": "policy-map thuộc loại {kind}", "en": "policy-map of type {kind}"},
    "input.ios.class_map_type": {"vi": "class-map thuộc loại {kind}", "en": "class-map of type {kind}"},
    "input.ios.class_map_undefined": {
        "vi": "class-map {name} chưa được định nghĩa",
        "en": "class-map {name} undefined",
    },
    "input.ios.class_map_empty": {
        "vi": "class-map {name} không có điều kiện khớp nào mà mô hình đọc được",
        "en": "class-map {name} matches nothing the model reads",
    },
    "input.ios.class_map_match_all": {
        "vi": "class-map {name}: chưa mô hình hoá match-all gồm nhiều dòng",
        "en": "class-map {name}: match-all of several lines not modelled",
    },
    "input.ios.class_acl_unusable": {
        "vi": "class-map {name}: ACL {acl} chưa được định nghĩa, rỗng hoặc không phân tích được",
        "en": "class-map {name}: ACL {acl} undefined, empty or not understood",
    },
    "input.ios.class_acl_deny": {
        "vi": "ACL {acl} của class {cls} có dòng deny (các gói tin khớp dòng deny được chuyển sang class kế tiếp)",
        "en": "ACL {acl} of class {cls} has deny lines (packets they take go to the next class)",
    },
    "input.ios.zone_default": {
        "vi": "chưa mô hình hoá zone security default (mọi giao diện không thuộc vùng nào đều là thành viên của "
        "vùng này)",
        "en": "zone security default (every interface of no zone a member of it) not modelled",
    },
    "input.ios.zone_line": {
        "vi": "không phân tích được '{text}' trong {block}",
        "en": "'{text}' in {block} not understood",
    },
    "input.ios.cbac_line": {
        "vi": "không phân tích được dòng CBAC ('{text}')",
        "en": "CBAC line not understood ('{text}')",
    },
    "input.ios.zone_member_twice": {
        "vi": "zone-member security xuất hiện ở nhiều dòng (mỗi giao diện chỉ thuộc một vùng)",
        "en": "zone-member security in more than one line (one zone an interface)",
    },
    "input.ios.zone_undefined": {
        "vi": "zone-member security {zone}: vùng chưa được định nghĩa",
        "en": "zone-member security {zone}: zone not defined",
    },
    "input.ios.zone_self_copp": {
        "vi": "zone-pair {pair} (source {source} destination self): chưa mô hình hoá chính sách của tường lửa "
        "theo vùng đối với lưu lượng tới router khi có cả control-plane policing",
        "en": "zone-pair {pair} (source {source} destination self): the zone firewall's policy on traffic to the "
        "router is not modelled beside control-plane policing",
    },
    "input.ios.inspect_policy_undefined": {
        "vi": "policy-map type inspect {name} chưa được định nghĩa",
        "en": "policy-map type inspect {name} undefined",
    },
    "input.ios.class_no_action": {
        "vi": "class {name} không có hành động inspect, pass hoặc drop",
        "en": "class {name} without an inspect, pass or drop action",
    },
    "input.ios.class_map_not_inspect": {
        "vi": "class-map {name} không thuộc loại inspect",
        "en": "class-map {name} is not of type inspect",
    },
    "input.ios.class_map_nested": {
        "vi": "class-map {name} lồng chính nó",
        "en": "class-map {name} nests itself",
    },
    "input.ios.class_map_two_addresses": {
        "vi": "class-map {name}: chưa mô hình hoá match-all của hai điều kiện địa chỉ",
        "en": "class-map {name}: match-all of two address conditions not modelled",
    },
    "input.ios.match_protocol_within": {
        "vi": "match protocol {proto}: các cổng của giao thức này không có trong bảng của netaudit (chỉ biết nằm "
        "trong các giao thức IP của nó)",
        "en": "match protocol {proto}: its ports are not in netaudit's table (within its IP protocols)",
    },
    "input.ios.match_protocol_unknown": {
        "vi": "match protocol {proto}: các cổng của giao thức này không có trong bảng của netaudit",
        "en": "match protocol {proto}: its ports are not in netaudit's table",
    },
    "input.ios.match_protocol_remapped": {
        "vi": "match protocol {proto}: ip port-map (dòng {line}) ánh xạ giao thức này sang các cổng khác",
        "en": "match protocol {proto}: ip port-map (line {line}) maps it onto other ports",
    },
    "input.ios.class_acl_nat": {
        "vi": "ACL của class nêu các địa chỉ mà NAT có thể chuyển đổi (ACL thấy địa chỉ trước hay sau NAT: chưa "
        "được mô hình hoá)",
        "en": "class ACL names addresses NAT may translate (before or after NAT: not modelled)",
    },
    # Huawei VRP
    "input.vrp.vty_acl_differ": {
        "vi": "các line vty áp dụng ACL khác nhau cho {proto}; coi như truy cập không bị giới hạn",
        "en": "vty lines differ in ACL for {proto}; treated as unrestricted",
    },
    # Huawei VRP partial reasons (a command, an ACL, a traffic policy, a NAT rule, a
    # service or an interface only partly understood); the English is the reason as it
    # always read.  Commands whose effect is not modelled (syntax.*_PARTIAL):
    "input.vrp.firewall_interzone": {
        "vi": "chưa mô hình hóa bộ lọc gói tin giữa các zone của tường lửa AR (firewall interzone)",
        "en": "AR firewall inter-zone packet filters not modelled",
    },
    "input.vrp.firewall_default": {
        "vi": "chưa mô hình hóa hành động mặc định của tường lửa AR",
        "en": "AR firewall default action not modelled",
    },
    "input.vrp.pbr": {
        "vi": "chưa mô hình hóa định tuyến theo chính sách (policy-based routing)",
        "en": "policy-based routing not modelled",
    },
    "input.vrp.mpls": {"vi": "chưa mô hình hóa chuyển tiếp MPLS", "en": "MPLS forwarding not modelled"},
    "input.vrp.vsi": {
        "vi": "chưa mô hình hóa các VPLS instance (L2VPN)",
        "en": "VPLS instances (L2VPN) not modelled",
    },
    "input.vrp.l2tp_group": {"vi": "chưa mô hình hóa các đường hầm L2TP", "en": "L2TP tunnels not modelled"},
    "input.vrp.ipsec": {"vi": "chưa mô hình hóa các IPsec policy", "en": "IPsec policies not modelled"},
    "input.vrp.ike": {
        "vi": "chưa mô hình hóa các IKE peer và IKE proposal",
        "en": "IKE peers and proposals not modelled",
    },
    "input.vrp.super_vlans": {
        "vi": "chưa mô hình hóa các super VLAN (gộp VLAN)",
        "en": "super VLANs (VLAN aggregation) not modelled",
    },
    "input.vrp.super_vlan": {
        "vi": "chưa mô hình hóa super VLAN (gộp VLAN)",
        "en": "super VLAN (VLAN aggregation) not modelled",
    },
    "input.vrp.mux_vlans": {
        "vi": "chưa mô hình hóa các MUX VLAN (principal/group/separate)",
        "en": "MUX VLANs (principal/group/separate) not modelled",
    },
    "input.vrp.mux_vlan": {"vi": "chưa mô hình hóa MUX VLAN", "en": "MUX VLAN not modelled"},
    "input.vrp.vlan_mapping": {"vi": "chưa mô hình hóa VLAN mapping", "en": "VLAN mapping not modelled"},
    "input.vrp.qinq": {
        "vi": "chưa mô hình hóa QinQ (xếp chồng thẻ 802.1ad)",
        "en": "QinQ (802.1ad stacking) not modelled",
    },
    "input.vrp.vlan_stacking": {
        "vi": "chưa mô hình hóa QinQ (VLAN stacking)",
        "en": "QinQ (VLAN stacking) not modelled",
    },
    "input.vrp.qinq_termination": {
        "vi": "chưa mô hình hóa giao diện con QinQ termination",
        "en": "QinQ termination sub-interface not modelled",
    },
    "input.vrp.ipsec_policy_iface": {
        "vi": "chưa mô hình hóa IPsec policy áp dụng trên giao diện",
        "en": "IPsec policy on the interface not modelled",
    },
    "input.vrp.vsi_binding": {
        "vi": "chưa mô hình hóa liên kết giao diện với VPLS (l2 binding vsi)",
        "en": "VPLS binding not modelled",
    },
    "input.vrp.zone_member": {
        "vi": "chưa mô hình hóa việc giao diện thuộc zone của tường lửa AR",
        "en": "AR firewall zone membership not modelled",
    },
    "input.vrp.mac_vlan": {
        "vi": "chưa mô hình hóa việc gán VLAN theo địa chỉ MAC",
        "en": "MAC-based VLAN assignment not modelled",
    },
    "input.vrp.subnet_vlan": {
        "vi": "chưa mô hình hóa việc gán VLAN theo subnet",
        "en": "subnet-based VLAN assignment not modelled",
    },
    "input.vrp.protocol_vlan": {
        "vi": "chưa mô hình hóa việc gán VLAN theo giao thức",
        "en": "protocol-based VLAN assignment not modelled",
    },
    "input.vrp.ip_unnumbered": {
        "vi": "chưa mô hình hóa giao diện IP unnumbered",
        "en": "IP unnumbered interface not modelled",
    },
    "input.vrp.ppp_ipcp": {
        "vi": "chưa mô hình hóa việc thương lượng địa chỉ qua PPP (IPCP)",
        "en": "PPP address negotiation not modelled",
    },
    "input.vrp.firewall_zones": {
        "vi": "chưa mô hình hóa các zone của tường lửa AR (policy giữa các zone có theo dõi trạng thái kết nối)",
        "en": "AR firewall zones (stateful inter-zone policy) not modelled",
    },
    "input.vrp.line_unread": {"vi": "không hiểu được dòng {line}", "en": "line {line} not understood"},
    # ACL rules and ACLs (acls.py, convert.py)
    "input.vrp.wildcard_prefix": {
        "vi": "wildcard '{wildcard}' được hiểu là độ dài tiền tố (prefix length)",
        "en": "wildcard '{wildcard}' read as a prefix length",
    },
    "input.vrp.tcp_flag": {"vi": "chưa mô hình hóa tcp-flag {flag}", "en": "tcp-flag {flag} not modelled"},
    "input.vrp.option_unmodelled": {"vi": "chưa mô hình hóa '{option}'", "en": "'{option}' not modelled"},
    "input.vrp.acl_kind": {"vi": "chưa mô hình hóa ACL loại {kind}", "en": "{kind} ACL not modelled"},
    "input.vrp.match_order_auto": {
        "vi": "chưa mô hình hóa match-order auto (thứ tự depth-first) khi ACL có cả quy tắc permit và deny",
        "en": "match-order auto (depth-first order) with permit and deny rules not modelled",
    },
    # traffic policies (convert.py)
    "input.vrp.policy_undefined": {
        "vi": "traffic policy {name} chưa được định nghĩa",
        "en": "traffic policy {name} is not defined",
    },
    "input.vrp.pair_undefined": {
        "vi": "classifier {classifier} hoặc behavior {behavior} chưa được định nghĩa",
        "en": "classifier {classifier} or behavior {behavior} not defined",
    },
    "input.vrp.classifier_unread": {
        "vi": "classifier {classifier}: chưa mô hình hóa {lines}",
        "en": "classifier {classifier}: {lines} not modelled",
    },
    "input.vrp.behavior_unread": {
        "vi": "behavior {behavior}: chưa mô hình hóa {lines}",
        "en": "behavior {behavior}: {lines} not modelled",
    },
    "input.vrp.classifier_and": {
        "vi": "classifier {classifier}: chưa mô hình hóa operator and trên nhiều ACL",
        "en": "classifier {classifier}: operator and over several ACLs not modelled",
    },
    "input.vrp.classifier_acl_undefined": {
        "vi": "classifier {classifier}: ACL {acl} chưa được định nghĩa",
        "en": "classifier {classifier}: ACL {acl} not defined",
    },
    "input.vrp.classifier_deny": {
        "vi": "ACL {acl} {rule}: chưa mô hình hóa quy tắc deny trong ACL của một classifier",
        "en": "ACL {acl} {rule}: a deny rule in a classifier's ACL not modelled",
    },
    # interfaces (interfaces.py, convert.py)
    "input.vrp.unnumbered": {
        "vi": "chưa mô hình hóa ip address unnumbered",
        "en": "ip address unnumbered not modelled",
    },
    "input.vrp.dot1q_form": {
        "vi": "chưa mô hình hóa dạng lệnh dot1q termination này",
        "en": "dot1q termination form not modelled",
    },
    "input.vrp.l2_acl_filter": {
        "vi": "chưa mô hình hóa ACL lớp 2 {acl} trong traffic-filter",
        "en": "Layer-2 ACL {acl} in traffic-filter not modelled",
    },
    "input.vrp.filter_option": {
        "vi": "chưa mô hình hóa tùy chọn {option} của traffic-filter",
        "en": "traffic-filter option {option} not modelled",
    },
    "input.vrp.packet_filter": {
        "vi": "chưa mô hình hóa firewall packet-filter của AR trên giao diện",
        "en": "AR firewall packet-filter on the interface not modelled",
    },
    "input.vrp.dot1q_tunnel": {
        "vi": "chưa mô hình hóa cổng QinQ (dot1q-tunnel)",
        "en": "QinQ (dot1q-tunnel) port not modelled",
    },
    "input.vrp.lnp": {
        "vi": "link-type negotiation (LNP) có thể biến cổng thành cổng trunk",
        "en": "link-type negotiation (LNP) may make the port a trunk",
    },
    "input.vrp.filter_and_policy": {
        "vi": "traffic-filter và traffic-policy cùng một chiều: chưa mô hình hóa cách hai cơ chế này kết hợp",
        "en": "traffic-filter and traffic-policy in one direction: their combination not modelled",
    },
    "input.vrp.filter_order": {
        "vi": "traffic-filter của giao diện và traffic-filter của VLAN hoặc của toàn thiết bị: chưa mô hình hóa thứ "
        "tự áp dụng giữa chúng",
        "en": "a traffic-filter of the interface and one of its VLAN or the device: their order not modelled",
    },
    # NAT (nat.py, convert.py)
    "input.vrp.nat_group_sections": {
        "vi": "chưa mô hình hóa address-group dạng section",
        "en": "address-group with sections not modelled",
    },
    "input.vrp.nat_group_unread": {
        "vi": "NAT address-group {group} chưa được định nghĩa hoặc không đọc được",
        "en": "NAT address-group {group} not defined or not read",
    },
    "input.vrp.nat_group_first": {
        "vi": "address-group {group} được mô hình hóa gần đúng bằng địa chỉ đầu tiên",
        "en": "address-group {group} approximated by its first address",
    },
    "input.vrp.nat_acl_undefined": {
        "vi": "ACL {acl} của nat outbound chưa được định nghĩa",
        "en": "ACL {acl} of nat outbound is not defined",
    },
    "input.vrp.nat_and_filter": {
        "vi": "nat outbound và traffic-filter chiều ra (outbound): chưa mô hình hóa thứ tự áp dụng giữa chúng",
        "en": "nat outbound and an outbound traffic-filter: their order not modelled",
    },
    "input.vrp.nat_server_address": {
        "vi": "chưa xác định được địa chỉ của {iface}",
        "en": "address of {iface} unknown",
    },
    "input.vrp.nat_server_vpn": {
        "vi": "chưa mô hình hóa nat server có VPN instance",
        "en": "nat server with a VPN instance not modelled",
    },
    "input.vrp.nat_server_ports": {
        "vi": "chưa mô hình hóa việc nat server dịch chuyển dải cổng",
        "en": "port range shifted by nat server not modelled",
    },
    # the device's own services (convert.py), WLAN (wlan.py)
    "input.vrp.server_default": {
        "vi": "không có dòng '{command} server enable': giá trị mặc định phụ thuộc phiên bản VRP (xem bằng "
        "display telnet server status / display ssh server status)",
        "en": "no '{command} server enable' line: the default depends on the VRP release (display telnet server "
        "status / display ssh server status tells)",
    },
    "input.vrp.vty_protocol_default": {
        "vi": "các line vty không có 'protocol inbound': giá trị mặc định phụ thuộc phiên bản VRP",
        "en": "no 'protocol inbound' on the vty lines: the default depends on the VRP release",
    },
    "input.vrp.http_default": {
        "vi": "không có dòng '{command} enable': máy chủ web có chạy theo mặc định hay không phụ thuộc vào dòng "
        "thiết bị và phiên bản VRP (xem bằng display http server)",
        "en": "no '{command} enable' line: whether the web server runs by default depends on the model and VRP "
        "release (display http server tells)",
    },
    "input.vrp.wlan_vlans": {
        "vi": "chưa mô hình hóa việc các AP đưa service VLAN của các SSID đi đâu (chuyển tiếp trực tiếp hay qua "
        "đường hầm, đường uplink của AP)",
        "en": "where the APs put the SSIDs' service VLANs (direct or tunnel forwarding, AP uplinks) is not modelled",
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
    # Cisco ASA partial reasons (parsers/cisco_asa/; the ones both Cisco parsers give are
    # input.ios.*).  The English is the reason as it always read.
    "input.asa.object_undefined": {"vi": "object {name} chưa được định nghĩa", "en": "object {name} undefined"},
    "input.asa.group_undefined": {"vi": "object-group {name} chưa được định nghĩa", "en": "group {name} undefined"},
    "input.asa.interface_undefined": {
        "vi": "giao diện {name} chưa được định nghĩa",
        "en": "interface {name} undefined",
    },
    "input.asa.object_partial": {
        "vi": "object {name} chưa được hiểu đầy đủ",
        "en": "object {name} not fully understood",
    },
    "input.asa.iface_address_unknown": {
        "vi": "chưa xác định được địa chỉ của giao diện {interface}",
        "en": "address of interface {interface} unknown",
    },
    "input.asa.identity_qualifier": {
        "vi": "chưa mô hình hoá điều kiện định danh '{word}'",
        "en": "identity qualifier '{word}' not modelled",
    },
    "input.asa.time_range": {"vi": "chưa mô hình hoá time-range {name}", "en": "time-range {name} not modelled"},
    "input.asa.fqdn_object": {
        "vi": "object fqdn {name}: địa chỉ được phân giải lúc chạy",
        "en": "fqdn object {name}: addresses resolved at run time",
    },
    "input.asa.port_object_no_protocol": {
        "vi": "port-object trong một nhóm dịch vụ không khai báo giao thức",
        "en": "port-object in a service group without a protocol",
    },
    "input.asa.port_group_service_object": {
        "vi": "service-object trong nhóm cổng {name} được tính gần đúng bằng các cổng của nó",
        "en": "service-object in port group {name} approximated by its ports",
    },
    "input.asa.transparent": {
        "vi": "chưa mô hình hoá chế độ tường lửa transparent (bridging)",
        "en": "transparent (bridging) firewall mode not modelled",
    },
    "input.asa.transparent_iface": {
        "vi": "chưa mô hình hoá chế độ tường lửa transparent",
        "en": "transparent firewall mode not modelled",
    },
    "input.asa.secondary_vlans": {
        "vi": "chưa mô hình hoá các VLAN secondary",
        "en": "secondary VLANs not modelled",
    },
    "input.asa.bridge_group": {
        "vi": "chưa mô hình hoá bridge group (bridging transparent/BVI)",
        "en": "bridge group (transparent/BVI bridging) not modelled",
    },
    "input.asa.multiple_context": {
        "vi": "cấu hình system của chế độ multiple-context: mỗi context là một tệp cấu hình riêng",
        "en": "multiple-context system configuration: each context is a separate file",
    },
    "input.asa.cluster": {"vi": "chưa mô hình hoá ASA clustering", "en": "ASA clustering not modelled"},
    "input.asa.policy_route": {
        "vi": "chưa mô hình hoá định tuyến theo chính sách (policy-based routing)",
        "en": "policy-based routing not modelled",
    },
    "input.asa.pix_established": {
        "vi": "chưa mô hình hoá lệnh 'established' của PIX",
        "en": "PIX 'established' command not modelled",
    },
    "input.asa.pix_conduit": {"vi": "chưa mô hình hoá conduit của PIX", "en": "PIX conduit not modelled"},
    "input.asa.pix_outbound": {
        "vi": "chưa mô hình hoá danh sách outbound của PIX",
        "en": "PIX outbound list not modelled",
    },
    "input.asa.management_access": {
        "vi": "chưa mô hình hoá truy cập quản trị tới giao diện {nameif} qua đường hầm VPN",
        "en": "management access to interface {nameif} through a VPN tunnel not modelled",
    },
    "input.asa.route_tunneled": {
        "vi": "chưa mô hình hoá tuyến mặc định tunneled (VPN)",
        "en": "tunneled (VPN) default route not modelled",
    },
    "input.asa.nat_not_applied": {"vi": "{why}: luật NAT không được áp dụng", "en": "{why}: rule not applied"},
    "input.asa.twice_dst": {
        "vi": "chưa mô hình hoá twice NAT có dịch địa chỉ đích",
        "en": "twice NAT destination translation not modelled",
    },
    "input.asa.twice_src_dst": {
        "vi": "chưa mô hình hoá twice NAT dịch cả địa chỉ nguồn lẫn địa chỉ đích",
        "en": "twice NAT with source and destination translation not modelled",
    },
    "input.asa.twice_service": {
        "vi": "chưa mô hình hoá twice NAT có dịch dịch vụ (service)",
        "en": "twice NAT service translation not modelled",
    },
    "input.asa.pat_no_interface": {
        "vi": "PAT động theo interface nhưng không có đúng một giao diện mapped",
        "en": "dynamic interface PAT without a single mapped interface",
    },
    "input.asa.pool_no_ipv4": {
        "vi": "pool mapped {name} không có địa chỉ IPv4 nào",
        "en": "mapped pool {name} has no IPv4 address",
    },
    "input.asa.pool_first": {
        "vi": "pool NAT động {name} được tính gần đúng bằng địa chỉ đầu tiên của pool",
        "en": "dynamic NAT pool {name} approximated by its first address",
    },
    "input.asa.static_iface_many": {
        "vi": "NAT tĩnh theo interface cho nhiều hơn một địa chỉ",
        "en": "static interface NAT of more than one address",
    },
    "input.asa.static_iface_no_interface": {
        "vi": "NAT tĩnh theo interface nhưng không có đúng một giao diện mapped",
        "en": "static interface NAT without a single mapped interface",
    },
    "input.asa.port_rewrite": {
        "vi": "chưa mô hình hoá việc đổi cổng nguồn {real}->{mapped}",
        "en": "source port rewrite {real}->{mapped} not modelled",
    },
    "input.asa.static_any": {
        "vi": "NAT tĩnh giữa 'any' và một địa chỉ cụ thể",
        "en": "static NAT between 'any' and a specific address",
    },
    "input.asa.static_too_many": {
        "vi": "chưa mô hình hoá NAT tĩnh cho hơn {count} địa chỉ",
        "en": "static NAT of more than {count} addresses not modelled",
    },
    "input.asa.static_many_to_one": {
        "vi": "chưa mô hình hoá NAT tĩnh từ nhiều địa chỉ thật sang một địa chỉ mapped",
        "en": "static NAT of several real addresses to one mapped address not modelled",
    },
    "input.asa.static_sizes": {
        "vi": "chưa mô hình hoá NAT tĩnh giữa hai tập địa chỉ có số lượng khác nhau",
        "en": "static NAT between address sets of different sizes not modelled",
    },
    # pre-8.3 NAT (parsers/cisco_asa/legacy_nat.py)
    "input.asa.legacy_acl": {
        "vi": "NAT trước 8.3: access-list thấy địa chỉ đích như khi gói tin đến (một địa chỉ mapped), trước khi "
        "NAT chuyển lại thành địa chỉ thật",
        "en": "pre-8.3 NAT: the access-list sees the destination as it arrives (a mapped address), before NAT "
        "untranslates it",
    },
    "input.asa.legacy_real": {
        "vi": "NAT trước 8.3: kết nối tới địa chỉ thật của một máy đã được NAT bị từ chối nếu không đi qua bản "
        "dịch địa chỉ",
        "en": "pre-8.3 NAT: a connection to the real address of a translated host is rejected unless it comes "
        "through the translation",
    },
    "input.asa.legacy_no_global": {
        "vi": "NAT trước 8.3: lưu lượng của các máy thuộc một luật 'nat' bị loại bỏ khi đi tới giao diện có mức "
        "bảo mật thấp hơn hoặc bằng mà không có 'global' (hoặc static) nào cho chúng",
        "en": "pre-8.3 NAT: hosts of a 'nat' rule are dropped toward a lower or same-level interface that has no "
        "'global' (or static) for them",
    },
    "input.asa.nat_control": {
        "vi": "nat-control: lưu lượng đi tới mức bảo mật thấp hơn mà không khớp luật NAT nào bị loại bỏ",
        "en": "nat-control: traffic toward a lower security level that matches no NAT rule is dropped",
    },
    "input.asa.legacy_unread": {
        "vi": "không phân tích được một dòng NAT trước 8.3: mọi gói tin đi qua thiết bị đều có thể bị NAT hoặc "
        "bị loại bỏ",
        "en": "pre-8.3 NAT line not understood: any transit packet may be translated or dropped",
    },
    "input.asa.legacy_static": {
        "vi": "NAT tĩnh trước 8.3: access-list nêu địa chỉ mapped của luật; kết nối tới địa chỉ thật bị từ chối",
        "en": "pre-8.3 static NAT: access-lists name its mapped address; a connection to its real address is rejected",
    },
    "input.asa.legacy_dynamic": {
        "vi": "NAT động trước 8.3: lưu lượng của các máy thuộc luật bị loại bỏ ở nơi không có 'global' nào dịch "
        "địa chỉ cho chúng, và kết nối tới địa chỉ thật của chúng bị từ chối",
        "en": "pre-8.3 dynamic NAT: its hosts are dropped where no 'global' translates them, and connections to "
        "their real addresses are rejected",
    },
    "input.asa.legacy_global": {
        "vi": "global trước 8.3: trong khi một bản dịch địa chỉ còn tồn tại, kết nối tới địa chỉ mapped của nó "
        "có thể tới được máy đã được NAT nếu access-list cho phép",
        "en": "pre-8.3 global: while a translation lives, a connection to its mapped address may reach the "
        "translated host if an access-list permits it",
    },
    "input.asa.legacy_policy_static": {
        "vi": "chưa mô hình hoá policy static NAT trước 8.3 (access-list)",
        "en": "pre-8.3 policy static NAT (access-list) not modelled",
    },
    "input.asa.legacy_higher_level": {
        "vi": "NAT trước 8.3 đi tới mức bảo mật cao hơn",
        "en": "pre-8.3 NAT toward a higher security level",
    },
    "input.asa.nat0_acl": {
        "vi": "access-list miễn NAT {acl} không phải là một access-list extended được hiểu đầy đủ",
        "en": "NAT exemption access-list {acl} not a fully understood extended access-list",
    },
    "input.asa.policy_nat_acl": {
        "vi": "access-list {acl} của policy NAT không phải là một access-list extended được hiểu đầy đủ",
        "en": "policy NAT access-list {acl} not a fully understood extended access-list",
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
    # FortiOS partial reasons (a policy, an address, a service, a VIP, a route, an
    # interface or a section only partly understood); the English is the reason as it
    # always read.  Sections whose effect is not modelled (tables.PARTIAL_SECTIONS):
    "input.fortios.policy6": {
        "vi": "chưa mô hình hóa các firewall policy IPv6 (netaudit chỉ phân tích IPv4)",
        "en": "IPv6 firewall policies not modelled (the engine is IPv4 only)",
    },
    "input.fortios.local_in6": {
        "vi": "chưa mô hình hóa các local-in policy IPv6 (chỉ phân tích IPv4)",
        "en": "IPv6 local-in policies not modelled (IPv4 only)",
    },
    "input.fortios.vip6": {
        "vi": "chưa mô hình hóa các VIP IPv6 (chỉ phân tích IPv4)",
        "en": "IPv6 virtual IPs not modelled (IPv4 only)",
    },
    "input.fortios.vip46": {"vi": "chưa mô hình hóa các VIP NAT46", "en": "NAT46 virtual IPs not modelled"},
    "input.fortios.vip64": {"vi": "chưa mô hình hóa các VIP NAT64", "en": "NAT64 virtual IPs not modelled"},
    "input.fortios.policy46": {"vi": "chưa mô hình hóa các policy NAT46", "en": "NAT46 policies not modelled"},
    "input.fortios.policy64": {"vi": "chưa mô hình hóa các policy NAT64", "en": "NAT64 policies not modelled"},
    "input.fortios.identity_routes": {
        "vi": "chưa mô hình hóa định tuyến theo danh tính người dùng (identity-based route)",
        "en": "identity-based routes not modelled",
    },
    "input.fortios.ttl_policies": {"vi": "chưa mô hình hóa các TTL policy", "en": "TTL policies not modelled"},
    "input.fortios.interface_acls": {
        "vi": "chưa mô hình hóa ACL trên giao diện (chỉ chặn, xử lý bằng phần cứng): các ACL này chỉ có thể chặn "
        "nhiều hơn những gì nêu ở đây",
        "en": "interface ACLs (deny-only, hardware) not modelled: they can only block more than stated here",
    },
    "input.fortios.ztna_proxy": {"vi": "chưa mô hình hóa ZTNA access proxy", "en": "ZTNA access proxy not modelled"},
    "input.fortios.ipmac_binding": {
        "vi": "chưa mô hình hóa ràng buộc IP/MAC (IP/MAC binding)",
        "en": "IP/MAC binding not modelled",
    },
    "input.fortios.policy_vpn": {
        "vi": "chưa mô hình hóa VPN IPsec dạng policy-based",
        "en": "policy-based IPsec VPN not modelled",
    },
    "input.fortios.ocvpn": {
        "vi": "chưa mô hình hóa overlay-controller VPN (OCVPN)",
        "en": "overlay-controller VPN not modelled",
    },
    "input.fortios.wccp": {"vi": "chưa mô hình hóa việc chuyển hướng WCCP", "en": "WCCP redirection not modelled"},
    "input.fortios.nat64": {"vi": "chưa mô hình hóa NAT64", "en": "NAT64 not modelled"},
    "input.fortios.ztna": {"vi": "chưa mô hình hóa ZTNA", "en": "ZTNA not modelled"},
    "input.fortios.not_understood": {"vi": "không hiểu được ({error})", "en": "not understood ({error})"},
    "input.fortios.central_snat": {
        "vi": "chưa mô hình hóa central source NAT (chưa xác định được địa chỉ mà phía bên kia FortiGate nhìn thấy)",
        "en": "central source NAT not modelled (addresses seen beyond the FortiGate unknown)",
    },
    # interfaces (tables.IFACE_PARTIAL, interfaces.py)
    "input.fortios.iface_wccp": {
        "vi": "chưa mô hình hóa việc chuyển hướng WCCP trên giao diện",
        "en": "WCCP redirection on the interface not modelled",
    },
    "input.fortios.iface_sniffer": {
        "vi": "giao diện one-arm sniffer (không chuyển tiếp lưu lượng)",
        "en": "one-arm sniffer interface (does not forward)",
    },
    "input.fortios.iface_qinq": {
        "vi": "chưa mô hình hóa VLAN QinQ (802.1ad)",
        "en": "QinQ (802.1ad) VLAN not modelled",
    },
    "input.fortios.iface_l2tp_client": {
        "vi": "chưa mô hình hóa giao diện L2TP client",
        "en": "L2TP client interface not modelled",
    },
    "input.fortios.vlan_id_unread": {"vi": "không hiểu được VLAN id {vid}", "en": "VLAN id {vid} not understood"},
    "input.fortios.unnumbered": {
        "vi": "chưa mô hình hóa giao diện unnumbered (mượn địa chỉ của giao diện khác)",
        "en": "unnumbered interface (borrows an address) not modelled",
    },
    "input.fortios.tunnel_iface": {
        "vi": "giao diện {type}: đầu xa của đường hầm không có trong tập cấu hình",
        "en": "{type} interface: the far side of the tunnel is not in the snapshot",
    },
    "input.fortios.iface_type_unmodelled": {
        "vi": "chưa mô hình hóa loại giao diện {type}",
        "en": "interface type {type} not modelled",
    },
    "input.fortios.set_unread": {
        "vi": "không hiểu được set {setting} {value}",
        "en": "set {setting} {value} not understood",
    },
    "input.fortios.switch_member_address": {
        "vi": "là thành viên của switch nhưng có địa chỉ riêng",
        "en": "switch member with its own address",
    },
    "input.fortios.transparent": {
        "vi": "chưa mô hình hóa chế độ transparent (lớp 2)",
        "en": "transparent (layer-2) mode not modelled",
    },
    "input.fortios.asymroute": {
        "vi": "chưa mô hình hóa asymroute enable (chuyển tiếp không theo dõi trạng thái kết nối)",
        "en": "asymroute enable (stateless forwarding) not modelled",
    },
    "input.fortios.sdwan_rules": {
        "vi": "chưa mô hình hóa các SD-WAN rule (điều hướng lưu lượng): lưu lượng tới zone SD-WAN có thể đi ra qua "
        "bất kỳ thành viên nào",
        "en": "SD-WAN rules (steering) not modelled: traffic to the SD-WAN zone may leave by any member",
    },
    "input.fortios.ipsec_far_side": {
        "vi": "đường hầm IPsec: đầu xa không có trong tập cấu hình",
        "en": "IPsec tunnel: the far side is not in the snapshot",
    },
    "input.fortios.vpn_clients": {
        "vi": "máy khách {vpn}: các máy ở xa không có trong tập cấu hình",
        "en": "{vpn} clients: remote hosts not in the snapshot",
    },
    "input.fortios.tunnel_unmodelled": {"vi": "chưa mô hình hóa đường hầm {kind}", "en": "{kind} tunnel not modelled"},
    "input.fortios.wire_pair": {
        "vi": "chưa mô hình hóa virtual wire pair (hai cổng nối cầu với nhau)",
        "en": "virtual wire pair (bridged) not modelled",
    },
    "input.fortios.router_policy": {
        "vi": "chưa mô hình hóa policy route (config router policy)",
        "en": "policy route (config router policy) not modelled",
    },
    "input.fortios.enforce_ipsec_unread": {
        "vi": "không hiểu được set enforce-ipsec {value}: L2TP có thể được chấp nhận cả khi không đi trong IPsec",
        "en": "set enforce-ipsec {value} not understood: L2TP may be accepted outside IPsec",
    },
    "input.fortios.server_status_unread": {
        "vi": "không hiểu được set status {value}: máy chủ {server} có thể đang chạy",
        "en": "set status {value} not understood: the {server} server may be running",
    },
    # interfaces that authenticate their users first (interfaces._authentication)
    "input.fortios.captive_portal": {
        "vi": "captive portal trên {name} (security-mode captive-portal{groups}): lưu lượng từ giao diện này chỉ "
        "đi qua sau khi đăng nhập portal{exempt}",
        "en": "captive portal on {name} (security-mode captive-portal{groups}): its traffic passes after a "
        "portal login only{exempt}",
    },
    "input.fortios.dot1x": {
        "vi": "xác thực cổng 802.1X trên {name} (security-mode 802.1X{groups}): chỉ lưu lượng của các máy đã xác "
        "thực được đi qua",
        "en": "802.1X port authentication on {name} (security-mode 802.1X{groups}): only authenticated hosts' "
        "traffic passes",
    },
    "input.fortios.auth_groups": {"vi": ", nhóm {names}", "en": ", groups {names}"},
    "input.fortios.auth_exempt": {
        "vi": ", hoặc khi đi tới các đích được miễn trừ trong {names}",
        "en": ", or to the exempt destinations of {names}",
    },
    "input.fortios.security_mode_unread": {
        "vi": "không hiểu được security-mode {mode} trên {name}",
        "en": "security-mode {mode} on {name} not understood",
    },
    # policies (policy.py, admin.py's local-in policies)
    "input.fortios.policy_unread": {"vi": "không hiểu được policy ({error})", "en": "policy not understood ({error})"},
    "input.fortios.policies_unread": {"vi": "không hiểu được các policy", "en": "policies not understood"},
    "input.fortios.policy_conversion_failed": {
        "vi": "lỗi khi chuyển đổi các policy ({error})",
        "en": "policy conversion failed ({error})",
    },
    "input.fortios.ngfw_policy_mode": {
        "vi": "chế độ NGFW policy-based: chưa mô hình hóa các security policy (config firewall security-policy)",
        "en": "NGFW policy-based mode: security policies (config firewall security-policy) not modelled",
    },
    "input.fortios.action_ipsec": {
        "vi": "action ipsec: lưu lượng đi vào một đường hầm VPN policy-based",
        "en": "action ipsec: traffic enters a policy-based VPN tunnel",
    },
    "input.fortios.action_unread": {"vi": "không hiểu được action {action}", "en": "action {action} not understood"},
    "input.fortios.policy_lacks": {
        "vi": "policy thiếu {settings} (FortiOS sẽ không chấp nhận policy như vậy)",
        "en": "policy lacks {settings} (FortiOS would not accept it)",
    },
    "input.fortios.service_negate": {"vi": "chưa mô hình hóa service-negate", "en": "service-negate not modelled"},
    "input.fortios.isdb_destinations": {
        "vi": "đích internet-service (FortiGuard ISDB) được xác định khi vận hành",
        "en": "internet-service destinations (FortiGuard ISDB) resolved at run time",
    },
    "input.fortios.isdb_sources": {
        "vi": "nguồn internet-service-src (FortiGuard ISDB) được xác định khi vận hành",
        "en": "internet-service-src sources (FortiGuard ISDB) resolved at run time",
    },
    "input.fortios.isdb_sources_local": {
        "vi": "nguồn internet-service-src được xác định khi vận hành",
        "en": "internet-service-src sources resolved at run time",
    },
    "input.fortios.schedule": {
        "vi": "schedule {name}: policy chỉ có hiệu lực vào một số thời điểm",
        "en": "schedule {name}: the policy is active only at some times",
    },
    "input.fortios.schedule_local": {
        "vi": "schedule {name}: chỉ có hiệu lực vào một số thời điểm",
        "en": "schedule {name}: active only at some times",
    },
    "input.fortios.identity_policy": {
        "vi": "policy theo danh tính ({names}): chỉ khớp với người dùng đã xác thực",
        "en": "identity-based policy ({names}): matches authenticated users only",
    },
    "input.fortios.narrow_ztna": {"vi": "chính sách ZTNA", "en": "ZTNA policy"},
    "input.fortios.narrow_expiry": {
        "vi": "policy hết hạn vào một ngày định trước",
        "en": "policy expires at a set date",
    },
    "input.fortios.narrow_learning": {
        "vi": "chế độ learning (policy chỉ quan sát)",
        "en": "learning mode (policy only observes)",
    },
    "input.fortios.narrow_wccp": {"vi": "chuyển hướng WCCP", "en": "WCCP redirection"},
    "input.fortios.narrow_http_redirect": {
        "vi": "được chuyển hướng tới một proxy policy",
        "en": "redirected to a proxy policy",
    },
    "input.fortios.narrow_ssh_redirect": {
        "vi": "được chuyển hướng tới một SSH proxy",
        "en": "redirected to an SSH proxy",
    },
    "input.fortios.narrow_nat46": {"vi": "policy thực hiện NAT46", "en": "NAT46"},
    "input.fortios.narrow_nat64": {"vi": "policy thực hiện NAT64", "en": "NAT64"},
    "input.fortios.narrow_reputation": {
        "vi": "điều kiện theo mức uy tín của thiết bị (device reputation)",
        "en": "device reputation match",
    },
    "input.fortios.narrow_vendor_mac": {
        "vi": "điều kiện theo hãng sản xuất của địa chỉ MAC nguồn",
        "en": "source vendor MAC match",
    },
    "input.fortios.narrow_application": {
        "vi": "điều kiện theo ứng dụng (NGFW policy-based)",
        "en": "application match (policy-based NGFW)",
    },
    "input.fortios.narrow_app_category": {
        "vi": "điều kiện theo nhóm ứng dụng (application category)",
        "en": "application category match",
    },
    "input.fortios.narrow_url_category": {"vi": "điều kiện theo danh mục URL", "en": "URL category match"},
    "input.fortios.narrow_app_group": {
        "vi": "điều kiện theo nhóm ứng dụng (application group)",
        "en": "application group match",
    },
    "input.fortios.narrow_ztna_tags": {"vi": "thẻ ZTNA", "en": "ZTNA tags"},
    "input.fortios.narrow_forward_server": {
        "vi": "được chuyển tiếp tới một web proxy",
        "en": "forwarded to a web proxy",
    },
    "input.fortios.dstaddr_negate_vip": {
        "vi": "chưa mô hình hóa dstaddr-negate dùng cùng VIP",
        "en": "dstaddr-negate with a VIP not modelled",
    },
    "input.fortios.vip_undefined": {"vi": "VIP {name} chưa được định nghĩa", "en": "VIP {name} is not defined"},
    "input.fortios.settings_unread": {
        "vi": "không hiểu được các thiết lập: {keys}",
        "en": "settings not understood: {keys}",
    },
    "input.fortios.deny_without_match_vip": {
        "vi": "policy deny không có match-vip: FortiOS không áp dụng policy này cho lưu lượng của VIP {vips}",
        "en": "deny policy without match-vip: FortiOS does not apply it to traffic of VIP {vips}",
    },
    # addresses and address groups (addresses.py)
    "input.fortios.address_undefined": {
        "vi": "địa chỉ {name} chưa được định nghĩa",
        "en": "address {name} is not defined",
    },
    "input.fortios.address_feed": {
        "vi": "địa chỉ {name} là một threat feed bên ngoài ({url}): được tải về khi vận hành",
        "en": "address {name} is an external threat feed ({url}): fetched at run time",
    },
    "input.fortios.no_resource_url": {"vi": "không có URL nguồn", "en": "no resource URL"},
    "input.fortios.address_subnet_unread": {
        "vi": "địa chỉ {name}: không hiểu được subnet {value}",
        "en": "address {name}: subnet {value} not understood",
    },
    "input.fortios.address_range_unread": {
        "vi": "địa chỉ {name}: không hiểu được dải IP",
        "en": "address {name}: ip range not understood",
    },
    "input.fortios.address_wildcard_unread": {
        "vi": "địa chỉ {name}: không hiểu được wildcard",
        "en": "address {name}: wildcard not understood",
    },
    "input.fortios.address_iface_subnet": {
        "vi": "địa chỉ {name}: chưa xác định được subnet của giao diện {iface}",
        "en": "address {name}: subnet of interface {iface} unknown",
    },
    "input.fortios.address_fqdn": {
        "vi": "địa chỉ {name} là fqdn {fqdn}: được phân giải khi vận hành",
        "en": "address {name} is fqdn {fqdn}: resolved at run time",
    },
    "input.fortios.address_geography": {
        "vi": "địa chỉ {name} thuộc loại geography {country}: dải IP của quốc gia được lấy từ FortiGuard khi vận hành",
        "en": "address {name} is geography {country}: country IP ranges come from FortiGuard at run time",
    },
    "input.fortios.address_mac": {
        "vi": "địa chỉ {name} khớp theo địa chỉ MAC",
        "en": "address {name} matches MAC addresses",
    },
    "input.fortios.address_dynamic": {
        "vi": "địa chỉ {name} thuộc loại dynamic ({subtype}): các thành viên được học khi vận hành",
        "en": "address {name} is dynamic ({subtype}): members learned at run time",
    },
    "input.fortios.address_type_unmodelled": {
        "vi": "địa chỉ {name}: chưa mô hình hóa loại {type}",
        "en": "address {name}: type {type} not modelled",
    },
    "input.fortios.addrgrp_loop": {
        "vi": "nhóm địa chỉ {name} chứa chính nó",
        "en": "address group {name} contains itself",
    },
    "input.fortios.addrgrp_empty": {
        "vi": "nhóm địa chỉ {name} không có thành viên nào",
        "en": "address group {name} has no member",
    },
    "input.fortios.addrgrp_exclude_wildcard": {
        "vi": "nhóm địa chỉ {name}: chưa mô hình hóa exclude khi nhóm có thành viên dạng wildcard",
        "en": "address group {name}: exclude with wildcard members not modelled",
    },
    "input.fortios.addrgrp_excluded_unread": {
        "vi": "nhóm địa chỉ {name}: không xác định được thành viên bị loại trừ {member}",
        "en": "address group {name}: excluded {member} not resolvable",
    },
    # services and service groups (services.py)
    "input.fortios.service_undefined": {
        "vi": "dịch vụ {name} chưa được định nghĩa",
        "en": "service {name} is not defined",
    },
    "input.fortios.svcgrp_loop": {
        "vi": "nhóm dịch vụ {name} chứa chính nó",
        "en": "service group {name} contains itself",
    },
    "input.fortios.service_proxy": {
        "vi": "dịch vụ {name} là dịch vụ explicit-proxy",
        "en": "service {name} is an explicit-proxy service",
    },
    "input.fortios.service_destinations": {
        "vi": "dịch vụ {name} giới hạn đích (iprange/fqdn): chưa được mô hình hóa",
        "en": "service {name} restricts destinations (iprange/fqdn) not modelled",
    },
    "input.fortios.service_app_type": {
        "vi": "dịch vụ {name}: chưa mô hình hóa app-service-type {value}",
        "en": "service {name}: app-service-type {value} not modelled",
    },
    "input.fortios.service_range_unread": {
        "vi": "dịch vụ {name}: không hiểu được {setting} {value}",
        "en": "service {name}: {setting} {value} not understood",
    },
    "input.fortios.service_no_range": {
        "vi": "dịch vụ {name} không có dải cổng nào",
        "en": "service {name} has no port range",
    },
    "input.fortios.service_icmp_unread": {
        "vi": "dịch vụ {name}: không hiểu được icmp type/code",
        "en": "service {name}: icmp type/code not understood",
    },
    "input.fortios.service_protocol_number": {
        "vi": "dịch vụ {name}: không hiểu được protocol-number {value}",
        "en": "service {name}: protocol-number {value} not understood",
    },
    "input.fortios.service_protocol": {
        "vi": "dịch vụ {name}: chưa mô hình hóa protocol {protocol} (các giao thức của explicit-proxy)",
        "en": "service {name}: protocol {protocol} not modelled (explicit-proxy protocols)",
    },
    # VIPs, IP pools and source NAT (nat.py)
    "input.fortios.value_unread": {"vi": "không hiểu được {setting} {value}", "en": "{setting} {value} not understood"},
    "input.fortios.vip_type": {"vi": "chưa mô hình hóa VIP loại {type}", "en": "VIP type {type} not modelled"},
    "input.fortios.vip_extaddr": {
        "vi": "chưa mô hình hóa extaddr (IP bên ngoài lấy từ một address object)",
        "en": "extaddr (address-object external IP) not modelled",
    },
    "input.fortios.vip_extip_interface": {
        "vi": "extip 0.0.0.0 = địa chỉ của giao diện bên ngoài, ở đây chưa xác định được",
        "en": "extip 0.0.0.0 = external interface address, unknown here",
    },
    "input.fortios.vip_load_balance": {
        "vi": "VIP load-balance được mô hình hóa gần đúng bằng real server đầu tiên",
        "en": "load-balance VIP approximated by its first real server",
    },
    "input.fortios.vip_no_mappedip": {"vi": "VIP không có mappedip", "en": "VIP without mappedip"},
    "input.fortios.vip_no_extport": {
        "vi": "port forwarding không có extport",
        "en": "port forwarding without extport",
    },
    "input.fortios.vip_services": {
        "vi": "chưa mô hình hóa các service object của VIP",
        "en": "VIP service objects not modelled",
    },
    "input.fortios.vip_range_mapping": {
        "vi": "ánh xạ dải địa chỉ/cổng được mô hình hóa gần đúng bằng địa chỉ/cổng ánh xạ đầu tiên",
        "en": "range mapping approximated by the first mapped address/port",
    },
    "input.fortios.ippool_undefined": {"vi": "ippool {name} chưa được định nghĩa", "en": "ippool {name} undefined"},
    "input.fortios.ippool_first": {
        "vi": "ippool {name} được mô hình hóa gần đúng bằng địa chỉ đầu tiên",
        "en": "ippool {name} approximated by its first address",
    },
    "input.fortios.snat_earlier_policy": {
        "vi": "trong mô hình, source NAT cũng được áp dụng cho các gói tin mà một policy không NAT phía trước đã "
        "chấp nhận",
        "en": "source NAT also applied, in the model, to packets an earlier policy without NAT accepts",
    },
    # static routes (routes.py)
    "input.fortios.route_dst_unread": {"vi": "không hiểu được đích của tuyến", "en": "destination not understood"},
    "input.fortios.route_dstaddr": {
        "vi": "không xác định được address object đích {name}",
        "en": "destination address object {name} not resolvable",
    },
    "input.fortios.route_isdb": {
        "vi": "đích là một internet-service (ISDB), được xác định khi vận hành",
        "en": "destination is an internet-service (ISDB) resolved at run time",
    },
    "input.fortios.route_source": {
        "vi": "chưa mô hình hóa tuyến giới hạn theo địa chỉ nguồn",
        "en": "source-restricted route not modelled",
    },
    "input.fortios.route_sdwan_empty": {
        "vi": "tuyến SD-WAN không có thành viên nào",
        "en": "SD-WAN route without members",
    },
    "input.fortios.route_no_target": {
        "vi": "tuyến không có gateway và không có device",
        "en": "route without gateway or device",
    },
    "input.fortios.dynamic_gateway": {
        "vi": "dynamic gateway trên {device}, không phải giao diện DHCP/PPPoE client: chưa xác định được gateway "
        "lấy từ đâu và tuyến có được cài vào bảng định tuyến hay không",
        "en": "dynamic gateway on {device}, which is not a DHCP/PPPoE client: where its gateway comes from, and "
        "whether the route is installed, is not known",
    },
    "input.fortios.no_device": {"vi": "(không có device)", "en": "(no device)"},
    # explicit proxies (proxy.py)
    "input.fortios.proxy_policy_kind": {
        "vi": "chưa mô hình hóa các proxy policy loại {kind}",
        "en": "{kind} proxy policies not modelled",
    },
    "input.fortios.proxy_status_unread": {
        "vi": "không hiểu được set status {value}: proxy có thể đang chạy",
        "en": "set status {value} not understood: the proxy may be running",
    },
    "input.fortios.proxy_ports_unread": {
        "vi": "không hiểu được set {setting} {values}: proxy có thể lắng nghe trên bất kỳ cổng TCP nào",
        "en": "set {setting} {values} not understood: the proxy may listen on any TCP port",
    },
    "input.fortios.proxy_incoming_ip": {
        "vi": "incoming-ip {ip}: proxy chỉ lắng nghe trên địa chỉ đó (chưa được mô hình hóa)",
        "en": "incoming-ip {ip}: the proxy listens on that address only (not modelled)",
    },
    # the FortiGate's own services (admin.py)
    "input.fortios.allowaccess_port": {
        "vi": "allowaccess {word}: chưa mô hình hóa cổng lắng nghe",
        "en": "allowaccess {word}: listening port not modelled",
    },
    "input.fortios.allowaccess_unread": {
        "vi": "không hiểu được allowaccess {word}",
        "en": "allowaccess {word} not understood",
    },
    "input.fortios.global_scope": {
        "vi": "{what} được thiết lập trong cấu hình toàn cục ({gaps}), phần mà bản sao lưu chỉ gồm một VDOM này "
        "không có",
        "en": "{what} is set in the global configuration ({gaps}), which this single-VDOM backup does not hold",
    },
    "input.fortios.global_scope_many": {
        "vi": "{what} được thiết lập trong cấu hình toàn cục ({gaps}), phần mà bản sao lưu chỉ gồm một VDOM này "
        "không có",
        "en": "{what} are set in the global configuration ({gaps}), which this single-VDOM backup does not hold",
    },
    "input.fortios.scope_port": {"vi": "cổng của dịch vụ", "en": "its port"},
    "input.fortios.scope_telnet": {"vi": "việc Telnet có được bật hay không", "en": "whether Telnet is enabled"},
    "input.fortios.scope_trusthosts": {
        "vi": "các trusted host của quản trị viên",
        "en": "the administrators' trusted hosts",
    },
    "input.fortios.scope_snmp": {
        "vi": "việc SNMP có trả lời hay không và trả lời những máy nào",
        "en": "whether SNMP answers and to which hosts",
    },
    "input.fortios.scope_ntp": {
        "vi": "việc FortiGate có cung cấp dịch vụ NTP tại đây hay không",
        "en": "whether the FortiGate serves NTP here",
    },
    "input.fortios.two": {"vi": "{a} và {b}", "en": "{a} and {b}"},
    "input.fortios.series": {"vi": "{a}, {rest}", "en": "{a}, {rest}"},
    "input.fortios.admin_ports": {
        "vi": "{words} có thể trả lời trên một cổng khác: admin-sport, admin-port, admin-ssh-port và "
        "admin-telnet-port được thiết lập trong cấu hình toàn cục (config system global), phần mà bản sao lưu "
        "chỉ gồm một VDOM này không có",
        "en": "{words} may answer on another port: admin-sport, admin-port, admin-ssh-port and admin-telnet-port "
        "are set in the global configuration (config system global), which this single-VDOM backup does not hold",
    },
    "input.fortios.l2tp_no_dialup": {
        "vi": "L2TP chỉ được chấp nhận bên trong IPsec (enforce-ipsec enable), nhưng không có phase1-interface "
        "dial-up nào có phase2 chế độ transport cho biết L2TP kết thúc ở đâu (phase1 dạng policy-based không "
        "được đọc)",
        "en": "L2TP is accepted inside IPsec only (enforce-ipsec enable), but no dial-up phase1-interface with a "
        "transport-mode phase2 says where it terminates (a policy-based phase1 is not read)",
    },
    "input.fortios.l2tp_cleartext": {
        "vi": "L2TP dạng không mã hóa (enforce-ipsec disable): máy chủ L2TP không có thiết lập giao diện; cấu "
        "hình không cho biết nó có trả lời udp/1701 cả ở đây hay không",
        "en": "cleartext L2TP (enforce-ipsec disable): the L2TP server has no interface setting; whether it "
        "answers udp/1701 here too is not in the configuration",
    },
    "input.fortios.pptp_anywhere": {
        "vi": "máy chủ PPTP: không có thiết lập giao diện; cấu hình không cho biết nó có trả lời tcp/1723 cả ở "
        "đây hay không",
        "en": "PPTP server: it has no interface setting; whether it answers tcp/1723 here too is not in the "
        "configuration",
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
    # OpenWrt partial reasons (a firewall rule, a redirect, an ipset, a route, a rule, a
    # service or an interface only partly understood); the English is the reason as it
    # always read.  The firewall (firewall.py):
    "input.openwrt.no_firewall_package": {
        "vi": "đầu vào không có gói firewall",
        "en": "no firewall package in the input",
    },
    "input.openwrt.zone_extra": {
        "vi": "chưa mô hình hóa {option} (tham số iptables viết trực tiếp)",
        "en": "{option} (raw iptables arguments) not modelled",
    },
    "input.openwrt.notrack": {
        "vi": "quy tắc notrack {name}: các gói tin khớp quy tắc này không đi qua NAT",
        "en": "notrack rule {name}: NAT is skipped for its packets",
    },
    "input.openwrt.port_range_first": {
        "vi": "dải cổng {range}: được mô hình hóa bằng cổng đầu tiên của dải",
        "en": "port range {range}: modelled as its first port",
    },
    "input.openwrt.reflection_zones": {
        "vi": "chưa mô hình hóa NAT reflection vào các zone {zones}",
        "en": "reflection into zones {zones} not modelled",
    },
    "input.openwrt.masq_no_devices": {
        "vi": "chưa mô hình hóa masquerade trên zone không có thiết bị (device) nào",
        "en": "masquerade on a zone without devices not modelled",
    },
    "input.openwrt.include_script": {
        "vi": "firewall include {path}: các quy tắc tùy chỉnh trong đó (một shell script, có trong đầu vào) không "
        "được đọc",
        "en": "firewall include {path}: its custom rules (a shell script, in the input) are not read",
    },
    "input.openwrt.include_missing": {
        "vi": "firewall include {path}: các quy tắc tùy chỉnh không có trong bản export",
        "en": "firewall include {path}: custom rules not in the export",
    },
    # ipsets (firewall.py, fw_conditions.py)
    "input.openwrt.ipset_disabled": {"vi": "ipset {name} bị tắt: {then}", "en": "ipset {name} is disabled: {then}"},
    "input.openwrt.ipset_no_type": {
        "vi": "ipset {name} không có kiểu match nào mà fw4 đọc được: {then}",
        "en": "ipset {name} has no match type fw4 reads: {then}",
    },
    "input.openwrt.ipset_not_created": {
        "vi": "fw4 bỏ qua các quy tắc dùng ipset này, trừ khi một dịch vụ định nghĩa ipset đó khi vận hành",
        "en": "fw4 skips the rules naming it unless a service defines the set at run time",
    },
    "input.openwrt.ipset_unmodelled": {
        "vi": "chưa mô hình hóa ipset {name} (match {matches}, family {family})",
        "en": "ipset {name} (match {matches}, family {family}) not modelled",
    },
    "input.openwrt.ipset_loadfile": {
        "vi": "các thành viên được nạp từ một tệp khi vận hành (loadfile)",
        "en": "its members come from a file at run time (loadfile)",
    },
    "input.openwrt.ipset_timeout": {
        "vi": "các thành viên hết hạn và được thêm vào khi vận hành (timeout)",
        "en": "its members expire and are added at run time (timeout)",
    },
    "input.openwrt.ipset_dnsmasq": {
        "vi": "dnsmasq thêm vào ipset này địa chỉ trong các phản hồi DNS khi vận hành",
        "en": "dnsmasq adds the addresses of DNS answers to it at run time",
    },
    "input.openwrt.ipset_no_entry": {
        "vi": "không có mục nào trong bản export: các thành viên được thêm vào khi vận hành",
        "en": "no entry in the export: its members are added at run time",
    },
    "input.openwrt.ipset_no_ipv4": {"vi": "không có mục IPv4 nào", "en": "no IPv4 entry"},
    "input.openwrt.ipset_undefined": {
        "vi": "ipset {name} chưa được định nghĩa trong gói firewall: fw4 bỏ qua quy tắc này, trừ khi một dịch vụ "
        "định nghĩa ipset đó khi vận hành",
        "en": "ipset {name} is not defined in the firewall package: fw4 skips the rule unless a service defines "
        "the set at run time",
    },
    "input.openwrt.ipset_members_unknown": {
        "vi": "ipset {name}: chưa xác định được các thành viên",
        "en": "ipset {name}: its members are not known",
    },
    # rule and redirect options (fw_conditions.py)
    "input.openwrt.what_source": {"vi": "địa chỉ nguồn", "en": "source"},
    "input.openwrt.what_destination": {"vi": "địa chỉ đích", "en": "destination"},
    "input.openwrt.what_ipset_entry": {"vi": "mục ipset", "en": "ipset entry"},
    "input.openwrt.what_source_port": {"vi": "cổng nguồn", "en": "source port"},
    "input.openwrt.what_destination_port": {"vi": "cổng đích", "en": "destination port"},
    "input.openwrt.mask_noncontiguous": {
        "vi": "{what} {value}: chưa mô hình hóa mặt nạ không liên tục",
        "en": "{what} {value}: a non-contiguous mask not modelled",
    },
    "input.openwrt.value_unread": {"vi": "không hiểu được {what} {value}", "en": "{what} {value} not understood"},
    "input.openwrt.host_name": {
        "vi": "chưa mô hình hóa {what} {value} (tên máy?): coi như khớp mọi địa chỉ",
        "en": "{what} {value} (a host name?) not modelled: matched as any address",
    },
    "input.openwrt.port_unread": {
        "vi": "không hiểu được {what} {value} (tên dịch vụ?): coi như khớp mọi cổng",
        "en": "{what} {value} not understood (a service name?): matched as any port",
    },
    "input.openwrt.port_out_of_range": {
        "vi": "{what} {value} nằm ngoài phạm vi cho phép",
        "en": "{what} {value} out of range",
    },
    "input.openwrt.protocol_negated": {
        "vi": "chưa mô hình hóa giao thức phủ định !{protocol}: coi như khớp mọi giao thức",
        "en": "negated protocol !{protocol} not modelled: matched as every protocol",
    },
    "input.openwrt.protocol_unknown": {
        "vi": "giao thức {protocol} không xác định: coi như khớp mọi giao thức",
        "en": "protocol {protocol} not known: matched as every protocol",
    },
    "input.openwrt.icmp_type_unknown": {
        "vi": "icmp_type {value} không xác định",
        "en": "icmp_type {value} not known",
    },
    "input.openwrt.option_narrowing": {
        "vi": "chưa mô hình hóa {what} ({option}): quy tắc được so khớp mà không xét điều kiện này",
        "en": "{what} ({option}) not modelled: the line is matched without it",
    },
    "input.openwrt.narrow_src_mac": {"vi": "địa chỉ MAC nguồn", "en": "source MAC address"},
    "input.openwrt.narrow_limit": {"vi": "giới hạn tốc độ", "en": "rate limit"},
    "input.openwrt.narrow_time": {"vi": "giờ trong ngày", "en": "time of day"},
    "input.openwrt.narrow_date": {"vi": "ngày áp dụng", "en": "date"},
    "input.openwrt.narrow_weekdays": {"vi": "các ngày trong tuần", "en": "weekdays"},
    "input.openwrt.narrow_monthdays": {"vi": "các ngày trong tháng", "en": "days of the month"},
    "input.openwrt.narrow_mark": {"vi": "giá trị đánh dấu gói tin", "en": "packet mark"},
    "input.openwrt.narrow_dscp": {"vi": "giá trị DSCP", "en": "DSCP"},
    "input.openwrt.narrow_helper": {"vi": "trình hỗ trợ conntrack", "en": "conntrack helper"},
    "input.openwrt.narrow_extra": {"vi": "tham số iptables bổ sung", "en": "extra iptables arguments"},
    # interfaces, routes and rules (network.py, wireless.py, parser.py)
    "input.openwrt.vpn_tunnel": {
        "vi": "đường hầm {proto}: chưa mô hình hóa các peer và địa chỉ được phép (allowed addresses) của chúng",
        "en": "{proto} tunnel: peers and their allowed addresses not modelled",
    },
    "input.openwrt.proto_unmodelled": {
        "vi": "chưa mô hình hóa giao thức (proto) {proto}",
        "en": "protocol {proto} not modelled",
    },
    "input.openwrt.wireguard_port": {
        "vi": "không có listen_port: WireGuard lắng nghe trên một cổng UDP được chọn khi giao diện khởi động",
        "en": "no listen_port: WireGuard listens on a UDP port chosen when the interface comes up",
    },
    "input.openwrt.qinq_device": {
        "vi": "chưa mô hình hóa device 802.1ad (QinQ)",
        "en": "802.1ad (QinQ) device not modelled",
    },
    "input.openwrt.device_type_unmodelled": {
        "vi": "chưa mô hình hóa device loại {type}",
        "en": "device type {type} not modelled",
    },
    "input.openwrt.vlan_on_port": {
        "vi": "chưa mô hình hóa VLAN device trên cổng bridge {parent}",
        "en": "VLAN device on bridge port {parent} not modelled",
    },
    "input.openwrt.switch_port_tagged": {
        "vi": "cổng switch {port} mang VLAN {vid} dạng tagged, cùng các VLAN khác, tới một thiết bị không có trong "
        "tập cấu hình (thiết bị đó có thể nối cầu các VLAN này với nhau)",
        "en": "switch port {port} carries VLAN {vid} tagged, with other VLANs, to a device not in the snapshot "
        "(which may bridge them)",
    },
    "input.openwrt.ip4table": {
        "vi": "ip4table: các tuyến kết nối trực tiếp của giao diện được đưa vào một bảng định tuyến khác",
        "en": "ip4table: the interface's connected routes go to another table",
    },
    "input.openwrt.route_no_device": {
        "vi": "giao diện {name} không có device",
        "en": "interface {name} has no device",
    },
    "input.openwrt.gateway_unread": {
        "vi": "không hiểu được gateway {gateway}",
        "en": "gateway {gateway} not understood",
    },
    "input.openwrt.route_type": {"vi": "chưa mô hình hóa tuyến loại {type}", "en": "route type {type} not modelled"},
    "input.openwrt.wireguard_peer": {
        "vi": "WireGuard peer {name}: được định tuyến vào đường hầm",
        "en": "WireGuard peer {name}: routed into the tunnel",
    },
    "input.openwrt.rule_priority_mix": {
        "vi": "có quy tắc có priority và quy tắc không có priority: thứ tự giữa chúng do netifd quyết định",
        "en": "rules with and without priority: their order is netifd's",
    },
    "input.openwrt.rule_value_unread": {
        "vi": "không hiểu được {option} {value}",
        "en": "{option} {value} not understood",
    },
    "input.openwrt.rule_option": {
        "vi": "chưa mô hình hóa tùy chọn {option} của quy tắc",
        "en": "rule option {option} not modelled",
    },
    "input.openwrt.rule_action": {
        "vi": "chưa mô hình hóa hành động {action} của quy tắc",
        "en": "rule action {action} not modelled",
    },
    "input.openwrt.none": {"vi": "(không có)", "en": "(none)"},
    "input.openwrt.wifi_mode": {
        "vi": "chưa mô hình hóa chế độ không dây {mode}",
        "en": "wireless mode {mode} not modelled",
    },
    "input.openwrt.wifi_mode_links": {
        "vi": "chế độ không dây {mode} kết nối tới các bộ định tuyến khác không có trong tập cấu hình",
        "en": "wireless mode {mode} links other routers not in the snapshot",
    },
    "input.openwrt.wifi_network_undefined": {
        "vi": "mạng {network} chưa được định nghĩa",
        "en": "network {network} is not defined",
    },
    "input.openwrt.wifi_bridge_no_vlan": {
        "vi": "giao diện vô tuyến gắn vào bridge có lọc VLAN {bridge} mà không có VLAN",
        "en": "radio on VLAN-filtering bridge {bridge} without a VLAN",
    },
    "input.openwrt.wifi_not_bridge": {
        "vi": "mạng {network} nằm trên {device}, không phải bridge: netifd không thêm được giao diện vô tuyến vào",
        "en": "network {network} sits on {device}, not a bridge: netifd cannot add the radio",
    },
    "input.openwrt.package_broken": {
        "vi": "libuci không nạp được gói {package}: dòng {line} không phải lệnh UCI (cả tệp bị từ chối): chưa xác "
        "định được những gì gói này cấu hình",
        "en": "libuci cannot load package {package}: line {line} is no UCI command (the whole file is rejected): "
        "what it configures is not known",
    },
    "input.openwrt.package_unmodelled": {
        "vi": "{what} được cấu hình nhưng chưa được mô hình hóa",
        "en": "{what} is configured and not modelled",
    },
    "input.openwrt.pkg_mwan3": {
        "vi": "định tuyến theo chính sách đa WAN (mwan3)",
        "en": "multi-WAN policy routing (mwan3)",
    },
    "input.openwrt.pkg_pbr": {"vi": "định tuyến theo chính sách (pbr)", "en": "policy-based routing (pbr)"},
    "input.openwrt.pkg_vpn_policy_routing": {
        "vi": "định tuyến theo chính sách (vpn-policy-routing)",
        "en": "policy-based routing (vpn-policy-routing)",
    },
    "input.openwrt.pkg_openvpn": {"vi": "các đường hầm OpenVPN", "en": "OpenVPN tunnels"},
    "input.openwrt.pkg_bcp38": {"vi": "lọc địa chỉ nguồn theo BCP38", "en": "BCP38 source filtering"},
    "input.openwrt.pkg_banip": {"vi": "các danh sách chặn của banIP", "en": "banIP blocklists"},
    "input.openwrt.pkg_nft_qos": {"vi": "các quy tắc nft-qos", "en": "nft-qos rules"},
    # services and proxies (services.py, proxies.py)
    "input.openwrt.dropbear_runtime": {
        "vi": "gắn với {iface}, giao diện có địa chỉ được cấp khi vận hành",
        "en": "bound to {iface}, whose address is assigned at run time",
    },
    "input.openwrt.dnsmasq_listen": {
        "vi": "chưa mô hình hóa listen_address: DNS được coi là trả lời trên mọi địa chỉ",
        "en": "listen_address not modelled: DNS is taken to answer on every address",
    },
    "input.openwrt.package_unread": {
        "vi": "gói {names} không được đọc: một dịch vụ nền (daemon) của gói có thể lắng nghe trên bất kỳ cổng nào",
        "en": "package {names} not read: a daemon of it may listen on any port",
    },
    "input.openwrt.squid_conf": {
        "vi": "tệp cấu hình {path} của squid không có trong đầu vào: squid có thể lắng nghe trên các cổng khác",
        "en": "squid's configuration file {path} is not in the input: squid may listen on other ports",
    },
    "input.openwrt.ss_package": {
        "vi": "{name} chỉ chạy nếu gói của nó (shadowsocks-libev-{name}) đã được cài đặt, điều mà UCI không cho thấy",
        "en": "{name} runs only if its package (shadowsocks-libev-{name}) is installed, which UCI does not show",
    },
    "input.openwrt.ss_rules": {
        "vi": "shadowsocks-libev ss_rules chuyển hướng lưu lượng được chuyển tiếp vào ss-redir (chưa được mô hình hóa)",
        "en": "shadowsocks-libev ss_rules redirects forwarded traffic into ss-redir (not modelled)",
    },
    "input.openwrt.proxy_port_unread": {
        "vi": "{name}: không hiểu được cổng lắng nghe (coi như mọi cổng)",
        "en": "{name}: listening port not understood (any port)",
    },
    "input.openwrt.proxy_host_name": {
        "vi": "{name} lắng nghe trên {addr}, là một tên máy (được mô hình hóa là mọi địa chỉ)",
        "en": "{name} listens on {addr}, a name (modelled as every address)",
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
    # Linux partial reasons: why a rule, chain, NAT rule, route or ip rule is only partly
    # understood (configuration text, names and numbers are fields, quoted as they are)
    "input.linux.partial.not_understood": {"vi": "không hiểu được {what}", "en": "{what} not understood"},
    "input.linux.partial.not_modelled": {"vi": "{what} không được mô hình hóa", "en": "{what} not modelled"},
    "input.linux.partial.rule_not_understood": {"vi": "không hiểu được quy tắc", "en": "rule not understood"},
    "input.linux.partial.rule_may_do_anything": {
        "vi": "không hiểu được quy tắc: quy tắc có thể làm bất cứ điều gì",
        "en": "rule not understood: it may do anything",
    },
    "input.linux.partial.target_may_do_anything": {
        "vi": "không hiểu được target {target}: quy tắc có thể làm bất cứ điều gì",
        "en": "target {target} not understood: it may do anything",
    },
    "input.linux.partial.mask_widened": {
        "vi": "địa chỉ {address}: mặt nạ không liên tục, được nới rộng thành /{length}",
        "en": "address {address}: non-contiguous mask widened to /{length}",
    },
    "input.linux.partial.address_not_understood": {
        "vi": "không hiểu được địa chỉ {address}",
        "en": "address {address} not understood",
    },
    "input.linux.partial.protocol_not_understood": {
        "vi": "không hiểu được giao thức {protocol}",
        "en": "protocol {protocol} not understood",
    },
    "input.linux.partial.match_not_understood": {
        "vi": "không hiểu được điều kiện so khớp {match}",
        "en": "match {match} not understood",
    },
    "input.linux.partial.ctstate_dnat_and_others": {
        "vi": "ctstate {states} (DNAT cùng các trạng thái khác) không được mô hình hóa",
        "en": "ctstate {states} (DNAT with other states) not modelled",
    },
    "input.linux.partial.ct_state_not_understood": {
        "vi": "không hiểu được trạng thái conntrack {state}",
        "en": "conntrack state {state} not understood",
    },
    "input.linux.partial.ct_state_notrack": {
        "vi": "điều kiện trạng thái conntrack trong khi bảng raw có quy tắc NOTRACK (có gói tin không được "
        "theo dõi trạng thái)",
        "en": "conntrack state with NOTRACK rules in the raw table (untracked packets)",
    },
    "input.linux.partial.addrtype_limit_iface": {
        "vi": "addrtype {option} {type} không được mô hình hóa (khi dùng kèm --limit-iface)",
        "en": "addrtype {option} {type} not modelled (with --limit-iface)",
    },
    "input.linux.partial.addrtype_no_local": {
        "vi": "addrtype {option} {type} không được mô hình hóa (không biết các địa chỉ cục bộ của thiết bị)",
        "en": "addrtype {option} {type} not modelled (without the device's local addresses)",
    },
    "input.linux.partial.match_set_incomplete": {
        "vi": "--match-set thiếu tên set và hướng so khớp",
        "en": "--match-set without a set and direction",
    },
    "input.linux.partial.ipset_not_in_dump": {
        "vi": "ipset {name}: bản thu thập không có các phần tử của set",
        "en": "ipset {name}: members not in the dump",
    },
    "input.linux.partial.ipset_changed": {
        "vi": "ipset {name}: bị thay đổi lúc chạy bởi -j SET",
        "en": "ipset {name}: changed at run time by -j SET",
    },
    "input.linux.partial.ipset_dimensions": {
        "vi": "ipset {name} {flags}: so khớp nhiều chiều không được mô hình hóa",
        "en": "ipset {name} {flags}: multi-dimension match not modelled",
    },
    "input.linux.partial.policy_user_chain": {
        "vi": "policy {policy} trên một chain do người dùng tạo",
        "en": "policy {policy} on a user chain",
    },
    "input.linux.partial.policy_undeclared": {
        "vi": "bản thu thập không có policy của chain (chain không được khai báo)",
        "en": "policy not in the dump (chain not declared)",
    },
    "input.linux.partial.chain_undeclared": {"vi": "chain không được khai báo", "en": "chain not declared"},
    "input.linux.partial.nat_several_ranges": {
        "vi": "{target} có nhiều dải (kernel tự chọn một trong số đó)",
        "en": "{target} with several ranges (the kernel picks among them)",
    },
    "input.linux.partial.netmap": {
        "vi": "NETMAP (ánh xạ 1:1 giữa hai dải mạng) không được mô hình hóa",
        "en": "NETMAP (a 1:1 prefix mapping) not modelled",
    },
    "input.linux.partial.queue_target": {
        "vi": "{target}: một chương trình ở user space quyết định gói tin được chấp nhận hay bị loại bỏ",
        "en": "{target}: a user-space program decides the verdict",
    },
    "input.linux.partial.synproxy": {
        "vi": "SYNPROXY tự trả lời gói SYN và chỉ cho kết nối đi qua sau khi hoàn tất bắt tay",
        "en": "SYNPROXY answers the SYN itself and lets the connection through after the handshake",
    },
    "input.linux.partial.tproxy": {
        "vi": "TPROXY chuyển hướng gói tin tới một socket cục bộ",
        "en": "TPROXY diverts the packet to a local socket",
    },
    "input.linux.partial.hmark": {
        "vi": "HMARK đặt dấu (mark) cho gói tin theo giá trị băm",
        "en": "HMARK sets a hash-based packet mark",
    },
    "input.linux.partial.mark_without_value": {
        "vi": "không hiểu được MARK thiếu giá trị mark",
        "en": "MARK without a mark not understood",
    },
    "input.linux.partial.guard_too_big": {
        "vi": "quá nhiều điều kiện sau các quy tắc return/goto",
        "en": "too many conditions after return/goto rules",
    },
    "input.linux.partial.jump_to_missing_chain": {
        "vi": "{verdict} tới chain {chain}, nhưng bản thu thập không có chain này",
        "en": "{verdict} to chain {chain}, which is not in the dump",
    },
    "input.linux.partial.chain_missing": {
        "vi": "bản thu thập không có chain {chain}",
        "en": "chain {chain} not in the dump",
    },
    "input.linux.partial.jump_too_deep": {
        "vi": "{verdict} tạo vòng lặp hoặc lồng sâu quá {depth} cấp tại chain {chain}",
        "en": "{verdict} loop or nesting deeper than {depth} at chain {chain}",
    },
    "input.linux.partial.jump_loop": {"vi": "vòng lặp jump", "en": "jump loop"},
    "input.linux.partial.after_partial": {
        "vi": "nằm sau một quy tắc {verdict} chưa được hiểu đầy đủ (dòng {line})",
        "en": "follows a partially understood {verdict} (line {line})",
    },
    "input.linux.partial.too_many_conditions": {"vi": "quá nhiều điều kiện", "en": "too many conditions"},
    "input.linux.partial.too_many_rules": {
        "vi": "quá nhiều quy tắc sau khi ghép các base chain",
        "en": "too many rules after composing the base chains",
    },
    "input.linux.partial.too_many_marks": {
        "vi": "quá nhiều điều kiện về dấu (mark)",
        "en": "too many mark conditions",
    },
    "input.linux.partial.ct_dnat_approximated": {
        "vi": "ct status dnat được tính gần đúng từ các quy tắc DNAT, theo hướng có thể che khuất lưu lượng",
        "en": "ct status dnat approximated by the DNAT image in a direction that could hide traffic",
    },
    "input.linux.partial.nat_chain_verdict": {
        "vi": "{verdict} trong chain NAT không được mô hình hóa",
        "en": "{verdict} in a NAT chain not modelled",
    },
    "input.linux.partial.verdict_in_dnat_chain": {
        "vi": "{verdict} trong chain NAT đích không được mô hình hóa",
        "en": "{verdict} in a destination NAT chain not modelled",
    },
    "input.linux.partial.verdict_in_snat_chain": {
        "vi": "{verdict} trong chain NAT nguồn không được mô hình hóa",
        "en": "{verdict} in a source NAT chain not modelled",
    },
    "input.linux.partial.nat_port_range": {
        "vi": "dải cổng {low}-{high}: được mô hình hóa bằng cổng đầu tiên của dải",
        "en": "port range {low}-{high}: modelled as its first port",
    },
    "input.linux.partial.nat_address_range": {
        "vi": "dải địa chỉ: được mô hình hóa bằng địa chỉ đầu tiên của dải",
        "en": "address range: modelled as its first address",
    },
    "input.linux.partial.dnat_target_not_understood": {
        "vi": "không hiểu được đích của dnat",
        "en": "dnat target not understood",
    },
    "input.linux.partial.snat_port_rewrite": {
        "vi": "việc đổi cổng nguồn không được mô hình hóa",
        "en": "source port rewrite not modelled",
    },
    "input.linux.partial.family_hook": {
        "vi": "chain thuộc họ {family} trên hook {hook}: không được mô hình hóa",
        "en": "{family} family chain on hook {hook}: not modelled",
    },
    "input.linux.partial.no_priority": {
        "vi": "không hiểu được priority (không có giá trị)",
        "en": "priority (none) not understood",
    },
    "input.linux.partial.chain_device": {
        "vi": "chain gắn với thiết bị mạng {device}",
        "en": "chain bound to device {device}",
    },
    # said of a named set: "set @NAME {why}" (input.linux.partial.set_unknown)
    "input.linux.partial.set_filled_at_run_time": {"vi": "được thêm phần tử lúc chạy", "en": "is filled at run time"},
    "input.linux.partial.set_line_not_understood": {
        "vi": "có một dòng không hiểu được (dòng {line})",
        "en": "has a line not understood (line {line})",
    },
    "input.linux.partial.set_unknown": {"vi": "tập (set) {set} {why}", "en": "set {set} {why}"},
    "input.linux.partial.set_undefined": {
        "vi": "tập (set) {set} không được định nghĩa trong bảng {table}",
        "en": "set {set} not defined in table {table}",
    },
    "input.linux.partial.set_element_open": {
        "vi": "không hiểu được phần tử {element} của tập (set) (có dấu '{{' chưa được đóng?)",
        "en": "set element {element} not understood (a '{{' left open?)",
    },
    "input.linux.partial.variable_undefined": {
        "vi": "biến {variable} chưa được định nghĩa",
        "en": "variable {variable} not defined",
    },
    "input.linux.partial.comment_before_verdict": {
        "vi": "'#{comment}' nằm trước verdict của quy tắc",
        "en": "'#{comment}' before the rule's verdict",
    },
    "input.linux.partial.anonymous_chain": {
        "vi": "{verdict} tới một chain ẩn danh ({verdict} {{ … }}) không được mô hình hóa",
        "en": "{verdict} to an anonymous chain ({verdict} {{ … }}) not modelled",
    },
    "input.linux.partial.queue_statement": {
        "vi": "queue: một chương trình ở user space quyết định gói tin được chấp nhận hay bị loại bỏ",
        "en": "queue: the verdict is taken by a user-space program",
    },
    "input.linux.partial.rate_or_quota": {
        "vi": "{statement} (tốc độ hoặc hạn mức được quyết định lúc chạy)",
        "en": "{statement} (rate or quota decided at run time)",
    },
    "input.linux.partial.xt_untranslated": {
        "vi": "iptables-nft 'xt {kind} {name}': nft không cho biết biểu thức này làm gì",
        "en": "iptables-nft 'xt {kind} {name}': nft does not show what it does",
    },
    "input.linux.partial.statement_unmodelled": {
        "vi": "câu lệnh '{statement}' không được mô hình hóa",
        "en": "'{statement}' statement not modelled",
    },
    "input.linux.partial.field_rewrite": {
        "vi": "'{expression} set' ghi đè một trường mà các quy tắc dùng để so khớp: không được mô hình hóa",
        "en": "'{expression} set' rewrites a field the rules match on: not modelled",
    },
    "input.linux.partial.concatenation": {
        "vi": "phép ghép (concatenation) không được mô hình hóa",
        "en": "concatenation not modelled",
    },
    "input.linux.partial.concatenation_key": {
        "vi": "{map} có khóa là phép ghép (concatenation): không được mô hình hóa",
        "en": "{map} keyed on a concatenation not modelled",
    },
    "input.linux.partial.concat_element": {
        "vi": "không hiểu được phần tử ghép (concatenation) {element}",
        "en": "concatenation element {element} not understood",
    },
    "input.linux.partial.value_not_understood": {
        "vi": "không hiểu được giá trị {value}",
        "en": "value {value} not understood",
    },
    "input.linux.partial.notrack_not_new": {
        "vi": "có quy tắc notrack: một số gói tin ở trạng thái untracked, không phải new",
        "en": "notrack rules: some packets are untracked, not new",
    },
    "input.linux.partial.lookup_unmodelled": {
        "vi": "phép tra cứu '{lookup}' không được mô hình hóa",
        "en": "'{lookup}' lookup not modelled",
    },
    "input.linux.partial.data_map": {
        "vi": "data map (giá trị phụ thuộc vào gói tin) không được mô hình hóa",
        "en": "data map (the value depends on the packet) not modelled",
    },
    "input.linux.partial.vmap_element": {
        "vi": "không hiểu được phần tử {element} của verdict map",
        "en": "verdict map element {element} not understood",
    },
    "input.linux.partial.vmap_key": {
        "vi": "không hiểu được khóa {map_key} của verdict map",
        "en": "verdict map key {map_key} not understood",
    },
    "input.linux.partial.nat_map_element": {
        "vi": "không hiểu được phần tử {element} của map {verdict}",
        "en": "{verdict} map element {element} not understood",
    },
    "input.linux.partial.nat_map": {
        "vi": "không hiểu được {verdict} tới một map",
        "en": "{verdict} to a map not understood",
    },
    "input.linux.partial.no_groups": {
        "vi": "điều kiện theo nhóm giao diện: không có mục 'ip -j addr' cho biết nhóm của các giao diện",
        "en": "interface group match: no 'ip -j addr' section tells the interfaces' groups",
    },
    "input.linux.partial.group_comparison": {
        "vi": "nhóm giao diện {op} {value}: phép so sánh không được mô hình hóa",
        "en": "interface group {op} {value}: comparison not modelled",
    },
    "input.linux.partial.group_not_understood": {
        "vi": "không hiểu được nhóm giao diện {value}",
        "en": "interface group {value} not understood",
    },
    "input.linux.partial.group_unknown": {
        "vi": "nhóm giao diện {wanted}: chưa biết số nhóm của {shown}",
        "en": "interface group {wanted}: the group of {shown} is not known as a number",
    },
    # one interface of input.linux.partial.group_unknown, then ({sep}) the next ones ({more})
    "input.linux.partial.group_shown": {
        "vi": "{name} (nhóm {group}){sep}{more}",
        "en": "{name} ({group}){sep}{more}",
    },
    "input.linux.partial.group_not_shown": {
        "vi": "{name} (không hiển thị nhóm){sep}{more}",
        "en": "{name} (not shown){sep}{more}",
    },
    "input.linux.partial.throw_route": {
        "vi": "tuyến throw: việc tra cứu tiếp tục với ip rule kế tiếp (không được mô hình hóa)",
        "en": "throw route: the lookup goes on with the next ip rule (not modelled)",
    },
    "input.linux.partial.route_type": {
        "vi": "loại tuyến {type} không được mô hình hóa",
        "en": "route type {type} not modelled",
    },
    "input.linux.partial.route_interface": {
        "vi": "giao diện {name} không có trong ip addr",
        "en": "interface {name} not in ip addr",
    },
    "input.linux.partial.rule_action": {
        "vi": "hành động (action) {action} của ip rule không được mô hình hóa",
        "en": "action {action} not modelled",
    },
    "input.linux.partial.rule_goto": {
        "vi": "goto trong ip rule không được mô hình hóa",
        "en": "goto in ip rule not modelled",
    },
    "input.linux.partial.rule_address": {"vi": "không hiểu được địa chỉ", "en": "address not understood"},
    "input.linux.partial.mark_at_run_time": {
        "vi": "một quy tắc tường lửa đặt dấu (mark) được tính lúc chạy",
        "en": "a firewall rule sets a mark computed at run time",
    },
    "input.linux.partial.mark_reason": {"vi": "dấu (mark): {why}", "en": "mark: {why}"},
    "input.linux.partial.proxy_port": {
        "vi": "tcp/{port} là cổng thường dùng của {program}: bản thu thập không cho biết chương trình nào đang "
        "lắng nghe (ss -p, chạy với quyền root, sẽ cho biết), nên đó có thể là một proxy",
        "en": "tcp/{port} is the conventional port of {program}: the dump does not say which program listens "
        "(ss -p, run as root, shows it), so it may be a proxy",
    },
    # iptables match modules netaudit does not model (input.linux.partial.not_modelled)
    "input.linux.module.limit": {"vi": "giới hạn tốc độ (-m limit)", "en": "rate limit (-m limit)"},
    "input.linux.module.hashlimit": {"vi": "giới hạn tốc độ (-m hashlimit)", "en": "rate limit (-m hashlimit)"},
    "input.linux.module.recent": {
        "vi": "danh sách địa chỉ gặp gần đây (-m recent)",
        "en": "recently-seen list (-m recent)",
    },
    "input.linux.module.string": {
        "vi": "chuỗi trong nội dung gói tin (-m string)",
        "en": "payload string (-m string)",
    },
    "input.linux.module.time": {"vi": "thời gian trong ngày (-m time)", "en": "time of day (-m time)"},
    "input.linux.module.mark": {"vi": "dấu của gói tin (-m mark)", "en": "packet mark (-m mark)"},
    "input.linux.module.connmark": {"vi": "dấu của kết nối (-m connmark)", "en": "connection mark (-m connmark)"},
    "input.linux.module.physdev": {"vi": "cổng của cầu nối (-m physdev)", "en": "bridge port (-m physdev)"},
    "input.linux.module.length": {"vi": "độ dài gói tin (-m length)", "en": "packet length (-m length)"},
    "input.linux.module.ttl": {"vi": "giá trị TTL (-m ttl)", "en": "TTL (-m ttl)"},
    "input.linux.module.dscp": {"vi": "giá trị DSCP (-m dscp)", "en": "DSCP (-m dscp)"},
    "input.linux.module.tos": {"vi": "giá trị TOS (-m tos)", "en": "TOS (-m tos)"},
    "input.linux.module.ecn": {"vi": "các bit ECN (-m ecn)", "en": "ECN (-m ecn)"},
    "input.linux.module.pkttype": {
        "vi": "loại gói tin ở tầng liên kết (-m pkttype)",
        "en": "link-layer packet type (-m pkttype)",
    },
    "input.linux.module.mac": {"vi": "địa chỉ MAC (-m mac)", "en": "MAC address (-m mac)"},
    "input.linux.module.owner": {"vi": "chủ sở hữu socket (-m owner)", "en": "socket owner (-m owner)"},
    "input.linux.module.policy": {"vi": "chính sách IPsec (-m policy)", "en": "IPsec policy (-m policy)"},
    "input.linux.module.u32": {"vi": "so khớp nội dung gói tin bằng u32", "en": "u32 payload match"},
    "input.linux.module.connlimit": {"vi": "số lượng kết nối (-m connlimit)", "en": "connection count (-m connlimit)"},
    "input.linux.module.connbytes": {
        "vi": "số byte của kết nối (-m connbytes)",
        "en": "connection bytes (-m connbytes)",
    },
    "input.linux.module.helper": {"vi": "helper của conntrack (-m helper)", "en": "conntrack helper (-m helper)"},
    "input.linux.module.quota": {"vi": "hạn mức (-m quota)", "en": "quota (-m quota)"},
    "input.linux.module.statistic": {
        "vi": "lấy mẫu ngẫu nhiên hoặc theo thứ tự (-m statistic)",
        "en": "random/nth sampling (-m statistic)",
    },
    "input.linux.module.socket": {"vi": "tra cứu socket (-m socket)", "en": "socket lookup (-m socket)"},
    "input.linux.module.rpfilter": {
        "vi": "kiểm tra đường về của địa chỉ nguồn (-m rpfilter)",
        "en": "reverse-path lookup (-m rpfilter)",
    },
    "input.linux.module.bpf": {"vi": "chương trình BPF (-m bpf)", "en": "BPF program (-m bpf)"},
    "input.linux.module.cgroup": {"vi": "nhóm tiến trình (-m cgroup)", "en": "cgroup (-m cgroup)"},
    "input.linux.module.realm": {"vi": "vùng định tuyến (-m realm)", "en": "routing realm (-m realm)"},
    "input.linux.module.ipvs": {"vi": "thuộc tính IPVS của gói tin (-m ipvs)", "en": "IPVS (-m ipvs)"},
    "input.linux.module.cluster": {"vi": "phân chia theo cụm (-m cluster)", "en": "cluster (-m cluster)"},
    "input.linux.module.cpu": {"vi": "CPU xử lý gói tin (-m cpu)", "en": "CPU (-m cpu)"},
    "input.linux.module.esp": {"vi": "SPI của ESP (-m esp)", "en": "ESP SPI (-m esp)"},
    "input.linux.module.ah": {"vi": "SPI của AH (-m ah)", "en": "AH SPI (-m ah)"},
    "input.linux.module.sctp": {"vi": "cổng/chunk SCTP (-m sctp)", "en": "SCTP ports/chunks (-m sctp)"},
    "input.linux.module.dccp": {"vi": "cổng DCCP (-m dccp)", "en": "DCCP ports (-m dccp)"},
    "input.linux.module.geoip": {"vi": "quốc gia theo GeoIP", "en": "GeoIP country"},
    "input.linux.module.condition": {"vi": "cờ điều kiện (condition)", "en": "condition flag"},
    "input.linux.module.rateest": {"vi": "bộ ước lượng tốc độ (rateest)", "en": "rate estimator"},
    "input.linux.module.nfacct": {"vi": "bộ đếm nfacct", "en": "nfacct counter"},
    "input.linux.module.osf": {"vi": "nhận dạng hệ điều hành (-m osf)", "en": "OS fingerprint (-m osf)"},
    "input.linux.module.ipv4options": {"vi": "tùy chọn IP (IP options)", "en": "IP options"},
    "input.linux.module.dst": {"vi": "tùy chọn IPv6", "en": "IPv6 options"},
    "input.linux.module.tcpmss": {"vi": "giá trị TCP MSS (-m tcpmss)", "en": "TCP MSS (-m tcpmss)"},
    "input.linux.module.set_counters": {"vi": "bộ đếm của ipset", "en": "ipset counters"},
    "input.not_modelled": {"vi": "không được mô hình hóa", "en": "not modelled"},
}
