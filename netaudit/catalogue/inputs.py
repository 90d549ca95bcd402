"""Catalogue entries: inputs.

Usable-input problems and input warnings (netaudit.inputs, netaudit.parsers.completeness and
the vendor modules' incomplete()), the wrappers every parser's messages use (input.at
"FILE[:LINE]: message", input.line, input.joined for several reasons of one construct),
input.assess.* and the RouterOS cut-short detection (input.ros.*).  The vendor parsers'
messages are in one module each, named by the vendor's registry id
(netaudit/catalogue/cisco_ios.py, cisco_asa.py, fortinet_fortios.py, huawei_vrp.py,
mikrotik_routeros.py, openwrt.py, linux.py).  File names, line numbers,
vendor names, error text and quoted configuration text are fields, inserted as they are.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # ---- nothing to audit, or a bad limit (InputError: netaudit stops, exit 2)
    "input.error.max_input_env": {
        "vi": "{var}={value}: cần một số dương (số megabyte, MiB)",
        "en": "{var}={value}: expected a positive number of megabytes (MiB)",
    },
    "input.error.no_path": {"vi": "chưa chỉ định đường dẫn dữ liệu đầu vào", "en": "no input path given"},
    "input.error.no_such_file": {"vi": "không có tệp hay thư mục này", "en": "no such file or directory"},
    "input.error.no_usable": {
        "vi": "không có cấu hình thiết bị dùng được trong {where}: {reasons}",
        "en": "no usable device configuration in {where}: {reasons}",
    },
    "input.error.no_files": {"vi": "không tìm thấy tệp đầu vào nào", "en": "no input files found"},
    "input.error.no_device": {"vi": "không tìm thấy thiết bị nào trong các tệp", "en": "no device found in any file"},
    "input.error.and_more": {"vi": "và {n} tệp khác", "en": "and {n} more"},
    "input.at": {"vi": "{where}: {what}", "en": "{where}: {what}"},
    "input.with_note": {"vi": "{what} ({note})", "en": "{what} ({note})"},
    # A configuration line cited with netaudit's note after it as a comment (IOS `!`): an
    # access-group naming a missing ACL, the note saying what the device does there.
    "input.commented_line": {"vi": "{line}  ! {note}", "en": "{line}  ! {note}"},
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
    "input.fragment.fortios_yaml": {
        "vi": "bản sao lưu FortiGate ở định dạng YAML, netaudit không đọc định dạng này: hãy sao lưu lại cấu hình "
        "ở định dạng FortiOS thường (System > Configuration > Backup, chọn định dạng FortiOS thay vì YAML; "
        "hoặc 'show full-configuration' / 'execute backup config') rồi kiểm tra tệp .conf",
        "en": "a FortiGate backup in YAML format, which netaudit does not read: back the configuration up again "
        "in the plain FortiOS format (System > Configuration > Backup with the FortiOS format, not YAML; or "
        "'show full-configuration' / 'execute backup config') and audit that .conf file",
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
    "input.second_config": {
        "vi": "tệp chứa hai cấu hình: dòng {line} bắt đầu một cấu hình khác sau dòng '{end}' của cấu hình thứ "
        "nhất (dòng {first}) — hai lần 'show running-config' trong một nhật ký, hay cấu hình đang chạy và cấu hình "
        "khởi động? netaudit đọc cả hai như một thiết bị; hãy tách mỗi cấu hình ra một tệp",
        "en": "the file holds two configurations: line {line} starts another one after the first one's '{end}' "
        "(line {first}) — 'show running-config' twice in one log, or the running and the startup "
        "configuration? netaudit reads both as one device; give each configuration its own file",
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
    "input.banner_never_closed": {
        "vi": "banner không được đóng; toàn bộ phần còn lại của tệp bị coi là nội dung banner",
        "en": "banner never closed; the rest of the file was treated as banner text",
    },
    "input.truncated.ros_continued": {
        "vi": "bị cắt cụt: bản export kết thúc bằng một dòng nối tiếp bằng '\\' mà phía sau không có gì "
        "(dòng {line}); phần đọc được vẫn được sử dụng",
        "en": "truncated: the export ends in a line continued with '\\' and nothing after it (line {line}); "
        "what was read is used",
    },
    "input.truncated.ros_interrupted": {
        "vi": "bị cắt cụt: bản export kết thúc bằng dòng '#interrupted' (dòng {line}): RouterOS đã dừng việc xuất "
        "cấu hình trước khi xong, phần cấu hình còn lại chưa được biết; phần đọc được vẫn được sử dụng",
        "en": "truncated: the export ends with '#interrupted' (line {line}): RouterOS stopped writing it before "
        "its end, the rest of the configuration is not known; what was read is used",
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
    "input.not_modelled": {"vi": "không được mô hình hóa", "en": "not modelled"},
}
