"""The safety notes {vi, en} of a Linux change set."""

from __future__ import annotations

from ...messages import Text, both
from ...model import Device
from ..plan import DevicePlan
from .dump import Base
from .rules import DELAY, FWD, FWD_END, INP, IPT_CHAIN, TAG, Change


def _notes(
    device: Device, tool: str, ch: Change, plan: DevicePlan, fwd: Base, policy_drop: bool, d_managed: bool
) -> list[dict[str, str]]:
    """The safety notes {vi, en} of the change set (``tool``: nft, or the iptables binary)."""
    backend = "nft" if tool == "nft" else "iptables"
    mgmt = [str(n) for n in plan.mgmt]
    chains = f"{FWD}/{INP}" if backend == "nft" else f"{IPT_CHAIN[FWD]}/{IPT_CHAIN[INP]}"
    end_chain = FWD_END if backend == "nft" else IPT_CHAIN[FWD_END]
    listing = "nft list ruleset" if backend == "nft" else f"{tool} -S"
    if backend == "nft":
        save_vi = "`nft list ruleset > /root/before-fix.nft` (và bảng bị thay đổi ở dạng `nft -f` khôi phục được)"
        save_en = "`nft list ruleset > /root/before-fix.nft` (and the changed table in a form `nft -f` restores)"
        undo_cmd = undo_cmd_en = f"nft -f /root/before-fix.{fwd.table}.nft"
        persist_vi = (
            "Lưu vĩnh viễn (sau khi đã kiểm tra và hủy hoàn tác tự động): ghi `nft list ruleset` vào "
            "/etc/nftables.conf (giữ hai dòng đầu `#!/usr/sbin/nft -f` và `flush ruleset`) rồi "
            "`systemctl enable nftables` — nếu không, khởi động lại máy sẽ mất thay đổi."
        )
        persist_en = (
            "Persistence (after checking and cancelling the automatic rollback): write `nft list ruleset` to "
            "/etc/nftables.conf (keeping its `#!/usr/sbin/nft -f` and `flush ruleset` lines) and "
            "`systemctl enable nftables` — otherwise a reboot loses the change."
        )
    else:
        save_vi = f"`{tool}-save > /root/before-fix.iptables`"
        save_en = save_vi
        undo_cmd = undo_cmd_en = f"{tool}-restore < /root/before-fix.iptables"
        persist_vi = (
            "Lưu vĩnh viễn (sau khi đã kiểm tra và hủy hoàn tác tự động): `netfilter-persistent save` (gói "
            "iptables-persistent, ghi /etc/iptables/rules.v4) — nếu không, khởi động lại máy sẽ mất thay đổi."
        )
        persist_en = (
            "Persistence (after checking and cancelling the automatic rollback): `netfilter-persistent save` "
            "(package iptables-persistent, writes /etc/iptables/rules.v4) — otherwise a reboot loses the change."
        )
    notes = [
        {
            "vi": f"Tệp thay đổi là một script shell, chạy với quyền root (`sh {device.hostname}.txt`). Bước đầu "
            f"lưu bộ luật hiện tại: {save_vi}; sao chép tệp này ra ngoài máy trước khi làm tiếp.",
            "en": f"The change set is a shell script run as root (`sh {device.hostname}.txt`). Its first step saves "
            f"the current ruleset: {save_en}; copy it off the host before going on.",
        },
        {
            "vi": f"Hoàn tác tự động: script hẹn giờ khôi phục bộ luật đã lưu sau {DELAY // 60} phút "
            f"(`{undo_cmd}`). Nếu mất kết nối, chờ {DELAY // 60} phút rồi kết nối lại. Khi đã kiểm tra xong "
            'mọi vùng, hủy hẹn giờ: `kill "$(cat /root/netaudit-autorollback.pid)"`.',
            "en": f"Automatic rollback: the script arms a timer that restores the saved ruleset after "
            f"{DELAY // 60} minutes (`{undo_cmd_en}`). If the session drops, wait {DELAY // 60} minutes and "
            'reconnect. Once every zone is checked, cancel it: `kill "$(cat /root/netaudit-autorollback.pid)"`.',
        },
        {"vi": persist_vi, "en": persist_en},
    ]
    if mgmt:
        ifs = ", ".join(ch.mgmt_ifaces)
        via_vi, via_en = (f", cổng {ifs}", f", via {ifs}") if ifs else ("", "")
        where_vi = f"Chạy từ một máy trong mạng quản trị ({', '.join(mgmt)}{via_vi}) qua SSH"
        where_en = f"Run it from a host of the management network ({', '.join(mgmt)}{via_en}) over SSH"
        if ch.limited:
            only = ", ".join(ch.limited)
            notes.append(
                {
                    "vi": f"{where_vi}: thay đổi chỉ cho phép {only} từ đó — từ nơi khác phiên làm việc sẽ bị cắt và "
                    f"hoàn tác tự động sẽ khôi phục sau {DELAY // 60} phút.",
                    "en": f"{where_en}: the change admits {only} from there only — from elsewhere the session drops "
                    f"and the automatic rollback restores the ruleset after {DELAY // 60} minutes.",
                }
            )
        else:
            notes.append(
                {
                    "vi": f"{where_vi}: nếu thay đổi chặn cả phiên làm việc, hoàn tác tự động sẽ khôi phục sau "
                    f"{DELAY // 60} phút.",
                    "en": f"{where_en}: should the change cut the session, the automatic rollback restores the "
                    f"ruleset after {DELAY // 60} minutes.",
                }
            )
    elif plan.restricts:
        notes.append(
            {
                "vi": "Không có vùng quản trị: các dịch vụ quản trị của máy bị chặn ở chuỗi input. Chạy script "
                "từ bàn phím/console của máy; nên tạo một mạng quản trị riêng.",
                "en": "No management zone: the host's management services are dropped in the input chain. Run the "
                "script from the host's keyboard/console; a management network of its own is advised.",
            }
        )
    if ch.chains.get(FWD) or ch.chains.get(INP):
        notes.append(
            {
                "vi": f"Các luật mới nằm trong các chain {chains}, được gọi bằng một luật jump đặt trước luật đầu "
                "tiên quyết định kết nối mới (sau các luật cho established/related/invalid), nên gói trả lời vẫn "
                f"đi qua. Kiểm tra bằng `{listing}` rằng jump nằm trước các luật drop.",
                "en": f"The new rules live in chains {chains}, entered by one jump placed before the first rule that "
                "decides new connections (after the established/related/invalid rules), so replies keep flowing. "
                f"Check with `{listing}` that the jump sits before the drops.",
            }
        )
    if policy_drop:
        notes.append(
            {
                "vi": f"Chuỗi {fwd.name} chuyển sang policy drop. Những gì trước đây lọt tới cuối chuỗi vẫn được "
                f"chấp nhận ở {end_chain} nếu đến từ một cổng nội bộ với địa chỉ của chính mạng sau cổng đó, hoặc "
                "từ Internet tới dịch vụ đã công bố (DNAT); địa chỉ giả mạo và lưu lượng từ Internet chưa công bố "
                "bị chặn. Nếu sau này có thêm dải địa chỉ mới sau một cổng, cần thêm dải đó vào chain này.",
                "en": f"Chain {fwd.name} gets policy drop. What reached its end before is still accepted in "
                f"{end_chain} when it comes from an inside interface with an address of the network behind it, or "
                "from the Internet to a published (DNAT) service; forged sources and unpublished traffic from the "
                "Internet are dropped. A network added later behind an interface must be added to that chain.",
            }
        )
    if policy_drop and fwd.family == "inet":
        notes.append(
            {
                "vi": "IPv6 trong bảng inet vẫn đi qua như trước (netaudit chỉ kiểm tra IPv4): rà soát IPv6 riêng "
                "nếu nhà mạng cấp IPv6 cho văn phòng.",
                "en": "IPv6 in the inet table passes as before (netaudit audits IPv4 only): review IPv6 separately "
                "if the ISP gives the office IPv6.",
            }
        )
    if plan.restricts:
        notes.append(
            {
                "vi": "Chuỗi input vẫn giữ policy accept: thay đổi chỉ chặn các dịch vụ quản trị nêu trên. Đặt "
                "policy drop cho input (chỉ cho phép những gì máy cần: established/related, lo, DHCP/DNS cho mạng "
                "nội bộ, SSH từ mạng quản trị) là bước tiếp theo, làm thủ công sau khi rà soát các dịch vụ khác.",
                "en": "The input chain keeps policy accept: the change drops the management services above only. "
                "Policy drop on input (allowing what the host needs: established/related, lo, DHCP/DNS for the "
                "LAN, SSH from management) is the next step, by hand, once the other services are reviewed.",
            }
        )
    if backend == "iptables" and d_managed:
        notes.append(
            {
                "vi": "Các bảng iptables-nft cũng hiện trong `nft list ruleset`: chỉ sửa chúng bằng lệnh iptables "
                "(như script này), không bằng nft.",
                "en": "The iptables-nft tables also show in `nft list ruleset`: change them with iptables commands "
                "only (as this script does), never with nft.",
            }
        )
    if ch.stopped:
        kept = ", ".join(ch.stopped)
        notes.append(
            {
                "vi": f"Không có vùng quản trị để giới hạn về: {kept} bị chặn từ các vùng đã truy cập được "
                "(theo chính sách), vẫn dùng được từ máy không thuộc vùng nào. Nên khai báo một vùng quản trị "
                "(kind: management) rồi chạy lại.",
                "en": f"No management zone to limit them to: {kept} dropped from the zones that reached them (the "
                "policy's word), still usable from a host in no zone. Declaring a management zone (kind: "
                "management) and running again is advised.",
            }
        )
    if ch.turned_off:
        off = ", ".join(ch.turned_off)
        notes.append(
            {
                "vi": f"Bị chặn hoàn toàn ở chuỗi input (giao thức không mã hóa hoặc không có vùng quản trị): {off}. "
                "Nên tắt hẳn dịch vụ tương ứng (`systemctl disable --now <dịch vụ>`, gỡ telnetd).",
                "en": f"Dropped for everyone in the input chain (cleartext, or no management zone): {off}. "
                "Stopping the daemons too is advised (`systemctl disable --now <service>`, remove telnetd).",
            }
        )
    if ch.closed:
        if backend == "nft" and fwd.family == "inet":
            ipv6 = Text("fix.note.linux_edge_close.inet")
        elif ch.ip6_inputs:
            ipv6 = Text("fix.note.linux_edge_close.ip6", chains=", ".join(f"ip6 {t} {c}" for t, c, _ in ch.ip6_inputs))
        else:
            ipv6 = Text("fix.note.linux_edge_close.ipv4")
        services = list(dict.fromkeys(s for s, _ in ch.closed))
        interfaces = list(dict.fromkeys(r.iif for _, r in ch.closed))
        notes.append(
            both(
                "fix.note.linux_edge_close",
                services=", ".join(services),
                interfaces=", ".join(interfaces),
                chain=INP if backend == "nft" else IPT_CHAIN[INP],
                ipv6=ipv6,
            )
        )
    notes.append(
        {
            "vi": "Hoàn tác: chạy tệp .rollback.txt với quyền root (gỡ đúng những gì đã thêm, tìm các jump theo chú "
            f"thích `{TAG}:`), hoặc khôi phục bộ luật đã lưu: `{undo_cmd}`.",
            "en": "Undo: run the .rollback.txt file as root (it removes exactly what was added, finding the jumps "
            f"by their `{TAG}:` comment), or restore the saved ruleset: `{undo_cmd_en}`.",
        }
    )
    return notes
