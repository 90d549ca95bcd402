"""Catalogue entries: the site as a whole.

Warnings every output carries about the site file itself (zones.site_warnings) and the
conclusion reasons they lead to (compliance.conclude): a draft or a site without a guest
zone is never a silent pass.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # ---- what is wrong in a site file (InputError: one line naming file and line).  Keys,
    # values and option names stay as written (`level`, `zones:`, 'own'); what a value is in
    # words (site.what.*) and the "did you mean" hint are texts of their own.
    "site.error.zone": {"vi": "vùng {zone}: {problem}", "en": "zone {zone}: {problem}"},
    "site.error.level_type": {
        "vi": "level phải là một số nguyên từ 1 đến 5, không phải {value}",
        "en": "level must be a whole number 1..5, not {value}",
    },
    "site.error.max_zones_env": {
        "vi": "{var}={value}: cần một số nguyên dương (số vùng mạng tối đa)",
        "en": "{var}={value}: expected a positive whole number of zones",
    },
    "site.error.yaml_depth": {
        "vi": "các giá trị lồng nhau sâu hơn {limit} cấp (một tệp khai báo vùng mạng chỉ có vài cấp)",
        "en": "values nested more than {limit} levels deep (a site file has a few)",
    },
    "site.error.yaml_expansion": {
        "vi": "các alias YAML (*name) làm tệp khai báo vùng mạng bung ra quá {limit} giá trị; một tệp khai báo "
        "chỉ cần vài trăm — hãy viết các giá trị ra đầy đủ",
        "en": "YAML aliases (*name) expand the site file beyond {limit} values; a site file needs a few hundred "
        "— write the values out",
    },
    "site.error.yaml_alias_cycle": {
        "vi": "một alias YAML trỏ tới chính giá trị chứa nó",
        "en": "a YAML alias refers to a value that contains it",
    },
    "site.error.yaml_key_twice": {
        "vi": "{key} được ghi hai lần trong cùng một mapping (lần đầu ở dòng {line}); YAML sẽ chỉ giữ lần cuối",
        "en": "{key} is given twice in one mapping (first on line {line}); YAML would keep only the last",
    },
    "site.error.yaml_char": {
        "vi": "ký tự {char} (U+{code}) không được phép trong tệp YAML; hãy xóa nó, hoặc viết nó dưới dạng mã "
        "thoát (escape) trong dấu nháy kép",
        "en": "character {char} (U+{code}) is not allowed in a YAML file; remove it, or write it as an escape "
        "inside double quotes",
    },
    "site.error.yaml": {"vi": "YAML không đọc được: {problem}", "en": "{problem}"},
    "site.error.yaml_invalid": {"vi": "YAML không hợp lệ: {problem}", "en": "invalid YAML: {problem}"},
    "site.noun.site_file": {"vi": "tệp khai báo vùng mạng", "en": "site file"},
    "site.in.site_file": {"vi": "tệp khai báo vùng mạng", "en": "the site file"},
    "site.in.zone": {"vi": "vùng {zone}", "en": "zone {zone}"},
    "site.in.policy_entry": {"vi": "một mục policy", "en": "a policy entry"},
    "site.error.not_regular": {"vi": "{what} không phải là tệp thông thường", "en": "{what} is not a regular file"},
    "site.error.too_big": {
        "vi": "{what} có {size} byte, vượt giới hạn {limit} byte ({what} chỉ nặng vài kilobyte): có đúng tệp không?",
        "en": "{what} is {size} bytes, more than the limit of {limit} bytes (a {what} is a few kilobytes): is this "
        "the right file?",
    },
    "site.error.too_big_read": {
        "vi": "{what} vượt giới hạn {limit} byte ({what} chỉ nặng vài kilobyte): có đúng tệp không?",
        "en": "{what} is more than the limit of {limit} bytes (a {what} is a few kilobytes): is this the right file?",
    },
    "site.error.cannot_read": {"vi": "không đọc được {what}: {error}", "en": "cannot read {what}: {error}"},
    "site.error.not_utf8": {"vi": "{what} không phải văn bản UTF-8", "en": "{what} is not UTF-8 text"},
    "site.error.too_deep": {
        "vi": "{what} lồng nhau quá sâu ({what} chỉ có vài cấp)",
        "en": "{what} nested too deeply (a {what} has a few levels)",
    },
    "site.error.not_mapping": {
        "vi": "{what} phải là một mapping gồm {expected}",
        "en": "{what} must be a mapping with {expected}",
    },
    "site.error.unknown_key": {
        "vi": "khóa lạ {key} trong {where}{hint}; các khóa hợp lệ: {allowed}",
        "en": "unknown key {key} in {where}{hint}; allowed: {allowed}",
    },
    "site.did_you_mean.1": {"vi": " (có phải là {a}?)", "en": " (did you mean {a}?)"},
    "site.did_you_mean.2": {"vi": " (có phải là {a} hay {b}?)", "en": " (did you mean {a} or {b}?)"},
    "site.did_you_mean.3": {"vi": " (có phải là {a}, {b} hay {c}?)", "en": " (did you mean {a} or {b} or {c}?)"},
    "site.what.empty": {"vi": "giá trị trống", "en": "empty"},
    "site.what.bool": {"vi": "giá trị đúng/sai ({value})", "en": "true/false ({value})"},
    "site.what.number": {"vi": "số {value}", "en": "the number {value}"},
    "site.what.mapping": {"vi": "một mapping", "en": "a mapping"},
    "site.what.list": {"vi": "một danh sách", "en": "a list"},
    "site.what.date": {"vi": "ngày {value}", "en": "the date {value}"},
    "site.what.text": {"vi": "văn bản {value}", "en": "the text {value}"},
    "site.what.other": {"vi": "một giá trị kiểu {type}", "en": "a {type}"},
    "site.error.not_text": {
        "vi": "{what} phải là văn bản, không phải {value}; hãy đặt nó trong dấu nháy",
        "en": "{what} must be text, not {value}; put it in quotes",
    },
    "site.error.not_list": {
        "vi": "{what} phải là một danh sách, ví dụ {example}",
        "en": "{what} must be a list, e.g. {example}",
    },
    "site.error.one_of": {
        "vi": "{what} phải là một trong {choices} (đang là {value})",
        "en": "{what} must be one of {choices} (got {value})",
    },
    "site.error.entry_not_text": {
        "vi": "mục {what} {value} phải có dạng {form} (văn bản, trong dấu nháy)",
        "en": "{what} entry {value} must be {form} (text, in quotes)",
    },
    "site.error.entry_form": {
        "vi": "mục {what} {value} phải có dạng {form}",
        "en": "{what} entry {value} must be {form}",
    },
    "site.error.subnet_not_text": {
        "vi": "subnet {value} không hợp lệ: cần một tiền tố IPv4 A.B.C.D/N, trong dấu nháy",
        "en": "bad subnet {value}: expected an IPv4 prefix A.B.C.D/N, in quotes",
    },
    "site.error.subnet_bad": {
        "vi": "subnet {value} không hợp lệ: cần một tiền tố IPv4 A.B.C.D/N",
        "en": "bad subnet {value}: expected an IPv4 prefix A.B.C.D/N",
    },
    "site.error.subnet_ipv6": {
        "vi": "subnet {value}: IPv6 chưa được mô hình hóa (netaudit chỉ mô hình hóa IPv4); hãy xóa nó",
        "en": "subnet {value}: IPv6 is not modelled yet (netaudit models IPv4 only); remove it",
    },
    "site.every_address": {"vi": "mọi địa chỉ", "en": "every address"},
    "site.n_addresses": {"vi": "{n} địa chỉ", "en": "{n} addresses"},
    "site.error.subnet_catch_all": {
        "vi": "subnet {subnet} sẽ chiếm {every}: chỉ vùng external mới được chiếm mọi địa chỉ không thuộc vùng nào "
        "khác (vùng loại {kind} cần tiền tố /{prefix} hoặc dài hơn); hãy bỏ subnets: hoặc đổi vùng thành "
        "kind: external",
        "en": "subnet {subnet} would own {every}: only an external zone may own every address no other zone owns "
        "(a zone of kind {kind} needs a prefix of /{prefix} or longer); remove subnets: or make the zone "
        "kind: external",
    },
    "site.error.date_time": {
        "vi": "{what} phải là một ngày YYYY-MM-DD, không kèm giờ",
        "en": "{what} must be a date YYYY-MM-DD, without a time",
    },
    "site.error.date_unreal": {
        "vi": "{what}{value} không phải là một ngày có thật",
        "en": "{what}{value} is not a real date",
    },
    "site.error.date_type": {
        "vi": "{what} phải là một ngày YYYY-MM-DD, không phải {value}",
        "en": "{what} must be a date YYYY-MM-DD, not {value}",
    },
    "site.error.no_zones": {
        "vi": "zones: chưa khai báo vùng mạng nào — hãy thêm ít nhất một vùng (tên: {shape}); netaudit init tự "
        "soạn các vùng từ tên trong cấu hình khi nhận ra được",
        "en": "zones: no zone declared — add at least one (name: {shape}); netaudit init drafts them from the "
        "names in the configs when it recognises any",
    },
    "site.error.zones_not_mapping": {
        "vi": "zones: phải ánh xạ tên vùng mạng tới {shape}",
        "en": "zones: must map zone names to {shape}",
    },
    "site.error.too_many_zones": {
        "vi": "{count} vùng mạng, vượt giới hạn {limit} (mỗi vùng được kiểm tra với mọi vùng khác: thời gian và "
        "bộ nhớ tăng theo bình phương); đặt {var} để nâng giới hạn",
        "en": "{count} zones, more than the limit of {limit} (every zone is audited against every other: time "
        "and memory grow with the square); set {var} to raise it",
    },
    "site.error.zone_name_not_text": {
        "vi": "tên vùng {name} phải là văn bản (hãy đặt trong dấu nháy)",
        "en": "zone name {name} must be text (put it in quotes)",
    },
    "site.error.zone_twice": {
        "vi": "vùng {zone} được khai báo hai lần (cả ở dòng {line}, viết khác đi)",
        "en": "zone {zone} is declared twice (also line {line}, written differently)",
    },
    "site.error.zone_reserved": {
        "vi": "tên vùng {zone} được dành cho chính các thiết bị mạng",
        "en": "zone name {zone} is reserved for the devices themselves",
    },
    "site.error.zone_not_mapping": {"vi": "vùng {zone} phải là một mapping", "en": "zone {zone} must be a mapping"},
    "site.error.kind": {"vi": "kind phải là một trong {choices}", "en": "kind must be one of {choices}"},
    "site.error.vlan_id": {
        "vi": "VLAN id trong {value} phải từ 1 đến 4094",
        "en": "VLAN id in {value} must be 1..4094",
    },
    "site.error.sources": {"vi": "sources phải là 'own' hoặc 'any'", "en": "sources must be 'own' or 'any'"},
    "site.error.zone_empty": {
        "vi": "vùng {zone} cần ít nhất một trong subnets, vlans, attach",
        "en": "zone {zone} needs at least one of subnets, vlans, attach",
    },
    "site.error.policy_from_to": {
        "vi": "mỗi mục policy cần có from: và to:",
        "en": "policy entries need from: and to:",
    },
    "site.error.policy_zone_type": {
        "vi": "policy {key}: phải là một tên vùng mạng, không phải {value}",
        "en": "policy {key}: must be one zone name, not {value}",
    },
    "site.error.policy_unknown_zone": {
        "vi": "policy {key}: không có vùng mạng {zone}{hint}",
        "en": "policy {key}: unknown zone {zone}{hint}",
    },
    "site.error.policy_allow": {
        "vi": "policy allow: phải là true hoặc false, không phải {value}",
        "en": "policy allow: must be true or false, not {value}",
    },
    "site.error.service_type": {
        "vi": "policy services: {value} không phải một dịch vụ dạng tcp/80, udp/53, icmp/8 hay ip",
        "en": "policy services: {value} is not a service like tcp/80, udp/53, icmp/8 or ip",
    },
    "site.error.policy_conflict": {
        "vi": "policy from {src} to {dst}: ở đây allow: {allow}, nhưng ở dòng {line} là {other} — mỗi cặp vùng "
        "(và dịch vụ) chỉ có một câu trả lời",
        "en": "policy from {src} to {dst}: allow: {allow} here, {other} at line {line} — one answer per pair "
        "(and services)",
    },
    "site.error.links_pair": {
        "vi": "mỗi mục links là một cặp: [DEV:IF, DEV:IF]",
        "en": "links entries are pairs: [DEV:IF, DEV:IF]",
    },
    "site.error.via": {
        "vi": "via phải là 'segment' hoặc 'tunnel', không phải {value}{hint}",
        "en": "via must be 'segment' or 'tunnel', not {value}{hint}",
    },
    "site.error.tunnel_attach": {
        "vi": "via: tunnel cần attach: (giao diện có các đường hầm dẫn tới vùng này)",
        "en": "via: tunnel needs attach: (the interface whose tunnels lead to it)",
    },
    "site.error.tunnel_subnets": {
        "vi": "via: tunnel cần subnets: (các địa chỉ phía sau đường hầm)",
        "en": "via: tunnel needs subnets: (the addresses behind the tunnel)",
    },
    "site.error.tunnel_vlans": {
        "vi": "via: tunnel và vlans: không dùng cùng nhau được (phía sau đường hầm không thuộc VLAN nào)",
        "en": "via: tunnel and vlans: do not go together (behind a tunnel is on no VLAN)",
    },
    "site.error.devices_not_mapping": {
        "vi": "devices phải ánh xạ tên thiết bị tới {shape}",
        "en": "devices must map device names to {shape}",
    },
    "site.error.device_name_not_text": {
        "vi": "devices: tên thiết bị {name} phải là văn bản (hãy đặt trong dấu nháy)",
        "en": "devices: device name {name} must be text (put it in quotes)",
    },
    "site.error.device_not_mapping": {
        "vi": "devices: {device} phải là một mapping gồm {keys}",
        "en": "devices: {device} must be a mapping of {keys}",
    },
    "site.at_line": {"vi": " (dòng {line})", "en": " (line {line})"},
    "site.error.overlap": {
        "vi": "subnet {subnet} chồng lấn subnet {other} của vùng {zone}{where}: mỗi địa chỉ chỉ thuộc một vùng, "
        "nếu không ma trận sẽ tính cùng các máy cho cả hai vùng; hãy chia nhỏ subnet lớn hơn hoặc gộp hai "
        "vùng{hint}",
        "en": "subnet {subnet} overlaps subnet {other} of zone {zone}{where}: an address belongs to one zone, or "
        "the matrix would count the same hosts in both; split the larger subnet or merge the zones{hint}",
    },
    "site.error.overlap_external": {
        "vi": "; vùng external không cần subnets: khi không có, {zone} chiếm mọi địa chỉ không thuộc vùng nào khác",
        "en": "; an external zone needs no subnets: without them {zone} owns every address no other zone owns",
    },
    "site.error.title": {
        "vi": "title phải là văn bản, hoặc các văn bản vi: / en:",
        "en": "title must be text, or vi: / en: texts",
    },
    # ---- a reference of the site file that the configurations do not have (zones/placement.py)
    "site.in.zone_entry": {"vi": "vùng {zone}: mục {key} {entry}", "en": "zone {zone}: {key} entry {entry}"},
    "site.in.links_entry": {"vi": "mục links {entry}", "en": "links entry {entry}"},
    "site.error.no_device": {
        "vi": "{what}: không có thiết bị {device} trong các cấu hình đã đọc{hint}",
        "en": "{what}: no device {device} in the snapshot{hint}",
    },
    "site.error.no_interface": {
        "vi": "{what}: không có giao diện {interface} trên {device}{hint}",
        "en": "{what}: no interface {interface} on {device}{hint}",
    },
    "site.error.full_name": {"vi": " (hãy viết tên đầy đủ {name})", "en": " (write the full name {name})"},
    "site.error.label_of": {
        "vi": " ({name} là {label} của {interfaces}: hãy ghi tên giao diện)",
        "en": " ({name} is the {label} of {interfaces}: name the interface)",
    },
    "site.error.no_vlan": {
        "vi": "{what}: không có VLAN {vlan} trên {device}{hint}",
        "en": "{what}: no VLAN {vlan} on {device}{hint}",
    },
    "site.error.vlan_is_interface": {
        "vi": "{what}: VLAN {vlan} trên {device} không phải VLAN của switch mà là giao diện VLAN {interfaces}: hãy "
        "ghi attach: [{refs}]",
        "en": "{what}: VLAN {vlan} is not a switch VLAN on {device} but the VLAN interface {interfaces}: write "
        "attach: [{refs}]",
    },
    # ---- the same, once the configurations are read (audit.prepare): which devices there are
    "site.error.in_snapshot": {
        "vi": "{error} — các thiết bị đọc được: {devices}{problems}{left_out}",
        "en": "{error} — devices in the snapshot: {devices}{problems}{left_out}",
    },
    "site.error.no_devices": {"vi": "không có", "en": "none"},
    "site.error.input_problems": {"vi": "; vấn đề dữ liệu đầu vào: {problems}", "en": "; input problems: {problems}"},
    "site.error.inputs_left_out": {"vi": "; tệp bị bỏ qua: {inputs}", "en": "; inputs left out: {inputs}"},
    "site.error.level_range": {
        "vi": "level phải từ 1 đến 5, không phải {value}",
        "en": "level must be 1..5, not {value}",
    },
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
    "site.no_external": {
        "vi": "Không có vùng Internet (kind: external) nào: những gì từ Internet vào được (chuyển tiếp cổng, "
        "dịch vụ quản trị của thiết bị trên cổng WAN) chưa được kiểm tra. Cần khai báo trong site.yaml một "
        "vùng loại external không có subnets: netaudit tự gắn nó vào các lối ra của mạng.",
        "en": "There is no Internet zone (kind: external): what the Internet reaches (port forwards, the "
        "devices' own services on the WAN) was not checked. Declare in site.yaml a zone of kind external "
        "without subnets: netaudit attaches it at the network's exits.",
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
    "conclusion.reason.no_external": {
        "vi": "Không có vùng Internet nào được khai báo hoặc nhận diện: chưa kiểm tra được những gì từ Internet "
        "vào được mạng và thiết bị.",
        "en": "No Internet zone was declared or recognised: what the Internet reaches in the network and on the "
        "devices was not checked.",
    },
    "conclusion.reason.no_guest": {
        "vi": "Không có vùng mạng khách nào được khai báo hoặc nhận diện: chưa kiểm tra được việc cách ly mạng "
        "khách, Wi-Fi công cộng với mạng nội bộ.",
        "en": "No guest zone was declared or recognised: the isolation of guest networks and public Wi-Fi from "
        "the internal network was not checked.",
    },
    # ---- netaudit init: what each drafted zone was inferred from, and notes for the reviewer
    "infer.from": {"vi": "suy ra từ", "en": "inferred from"},
    "infer.note": {"vi": "ghi chú", "en": "note"},
    "infer.ev.word": {"vi": "{why} ~ {word}", "en": "{why} ~ {word}"},
    "infer.ev.also": {"vi": "{why} (cũng gợi ý {kind})", "en": "{why} (also suggests {kind})"},
    "infer.ev.port_label": {"vi": "{where} (nhãn cổng)", "en": "{where} (port label)"},
    "infer.ev.vdom": {"vi": "{where} thuộc VDOM {vdom}", "en": "{where} in VDOM {vdom}"},
    "infer.ev.segment_name": {
        "vi": "{where} tên DHCP hoặc tên địa chỉ '{name}'",
        "en": "{where} DHCP or address name '{name}'",
    },
    "infer.ev.interface_list": {"vi": "{where} thuộc interface list {list}", "en": "{where} in interface list {list}"},
    "infer.ev.role": {"vi": "{where} có role {role}", "en": "{where} role {role}"},
    "infer.ev.nat_outside": {"vi": "{where} là phía NAT outside", "en": "{where} is NAT outside"},
    "infer.ev.interface_nat": {
        "vi": "gói tin ra qua {where} được NAT nguồn thành địa chỉ của chính giao diện này (masquerade / PAT)",
        "en": "packets leaving {where} are source-NATed to its own address (masquerade / PAT)",
    },
    "infer.ev.ssid_open": {
        "vi": "{host} SSID '{name}' để mở (không mật khẩu)",
        "en": "{host} SSID '{name}' is open (no password)",
    },
    "infer.ev.default_route": {"vi": "{where} là lối ra của tuyến mặc định", "en": "{where} carries the default route"},
    "infer.ev.ipsec_tunnel": {
        "vi": "{where}: {entry} tới {peers} đưa vào đường hầm IPsec các mạng đích của ACL {acl} — xác nhận đây là "
        "mạng của tỉnh (wan) hay một đơn vị khác",
        "en": "{where}: {entry} to {peers} sends the destinations of ACL {acl} into an IPsec tunnel — confirm it is "
        "the province's network (wan) or another unit's",
    },
    "infer.unhinted.description": {
        "vi": "{where} — mô tả {description} không cho netaudit biết đoạn mạng này phục vụ gì",
        "en": "{where} — its description {description} says nothing netaudit recognises of what it serves",
    },
    "infer.unhinted.named": {
        "vi": "{where} — tên {names} không cho netaudit biết đoạn mạng này phục vụ gì",
        "en": "{where} — its name {names} says nothing netaudit recognises of what it serves",
    },
    "infer.unhinted.none": {
        "vi": "{where} — không có tên, mô tả hay dấu hiệu nào cho biết đoạn mạng này phục vụ gì",
        "en": "{where} — no name, description or hint says what it serves",
    },
    "infer.note.unplaced": {
        "vi": "{evidence}: không gắn được vào đâu (không có đoạn VLAN, địa chỉ hay cổng nào để gắn vùng)",
        "en": "{evidence}: not placed (no VLAN segment, address or port the audit can attach to)",
    },
    "infer.note.pvid_ignored": {
        "vi": "{where} là giao diện VLAN trên bridge không bật VLAN filtering: RouterOS bỏ qua pvid của "
        "{ports}, máy sau các cổng đó nằm không gắn thẻ trong miền của bridge; các vùng dành cho VLAN này "
        "được gắn vào các cổng đó",
        "en": "{where} is a VLAN interface on a bridge without VLAN filtering: RouterOS ignores the pvid of "
        "{ports}, whose hosts sit untagged in the bridge's domain; zones meant for that VLAN are placed on "
        "those ports",
    },
    "infer.note.role_clash": {
        "vi": "{device}: {role_why} gợi ý {role_kind} nhưng {said} gợi ý {kind}: nháp là {chosen} ({because}) — "
        "xác nhận {label} nhìn về phía nào của tường lửa",
        "en": "{device}: {role_why} suggests {role_kind} but {said} suggests {kind}: drafted as {chosen} "
        "({because}) — confirm which side of the firewall {label} faces",
    },
    "infer.because.exit": {"vi": "lưu lượng ra ở đó: {exits}", "en": "the traffic leaves there: {exits}"},
    "infer.because.names": {"vi": "tên quyết định hơn role", "en": "names decide over the role"},
    "infer.because.order": {"vi": "dấu hiệu theo thứ tự loại vùng", "en": "hints in kind order"},
    "infer.because.role_tiebreak": {
        "vi": "các tên không thống nhất, role chọn giữa chúng",
        "en": "the names disagree, the role picks among them",
    },
    "infer.note.no_router": {
        "vi": "{place} ({kind}) không có giao diện router hay địa chỉ nào trong miền lớp 2 của nó: không "
        "lập vùng (khai báo links: tới router nếu nó được nối cáp tới router)",
        "en": "{place} ({kind}) has no router interface or address in its L2 domain: not drafted "
        "(declare links: to the router if it is cabled to one)",
    },
    "infer.note.switch_port": {
        "vi": "{port} là cổng của switch {switch}, không có giao diện riêng: {what} (gợi ý {kind}) không được "
        "dùng — máy sau cổng nằm trong đoạn mạng của {switch}, nháp là {there}",
        "en": "{port} is a port of switch {switch}, with no interface of its own: {what} (suggests {kind}) is "
        "not used — its hosts are in {switch}'s segment, drafted as {there}",
    },
    "infer.what.name": {"vi": "tên của nó", "en": "its name"},
    "infer.what.role": {"vi": "role {role} của nó", "en": "its role {role}"},
    "infer.no_zone": {"vi": "không vùng nào", "en": "no zone"},
    "infer.note.shared_l2": {
        "vi": "các vùng {zones} nằm chung một miền lớp 2 ({label}): máy của chúng đến được nhau không qua "
        "router hay tường lửa nào",
        "en": "zones {zones} share one L2 domain ({label}): their hosts reach each other without passing a "
        "router or firewall",
    },
}
