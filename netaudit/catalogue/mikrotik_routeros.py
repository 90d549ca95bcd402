"""Catalogue entries: the MikroTik RouterOS parser (input.routeros.*, netaudit/parsers/mikrotik_routeros/).

Its warnings (stored as "FILE[:LINE]: message", input.at) and the reasons it gives for a
construct it understands only partly (its ``partial``; several of one construct are one
input.joined text).  The English is the sentence the parser always wrote; file names,
line numbers, names, numbers and quoted configuration text are fields, inserted as they
are.  The generic input entries (files, encodings, truncation — input.ros.* is the
RouterOS cut-short detection of netaudit.parsers.completeness —, input.at, input.joined)
are in :mod:`netaudit.catalogue.inputs`.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
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
}
