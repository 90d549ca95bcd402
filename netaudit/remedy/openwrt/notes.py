"""The safety notes {vi, en} of an OpenWrt change set."""

from __future__ import annotations

from .change import BACKUP, BEFORE_DIR
from .context import Ctx


def _notes(ctx: Ctx) -> list[dict[str, str]]:
    """The safety notes {vi, en} of what the change set does."""
    ch = ctx.ch
    if not ch.packages():
        return []
    notes = [
        {
            "vi": f"Sao lưu trước: dòng `sysupgrade -b {BACKUP}` lưu toàn bộ cấu hình; chép tệp này về máy tính "
            f"(`scp root@<router>:{BACKUP} .`) trước khi làm tiếp — /tmp mất khi khởi động lại. Khôi phục: "
            f"chép tệp lên lại router rồi `sysupgrade -r {BACKUP}` và `reboot`.",
            "en": f"Back up first: the line `sysupgrade -b {BACKUP}` saves the whole configuration; copy it to your "
            f"computer (`scp root@<router>:{BACKUP} .`) before going on — /tmp is lost on reboot. Restore: "
            f"copy it back to the router, `sysupgrade -r {BACKUP}`, then `reboot`.",
        },
        {
            "vi": "Dán phần 0–2 trước: `uci changes` liệt kê mọi thay đổi đang chờ để đối chiếu với tệp này; nếu có "
            "gì lạ, `uci revert firewall` (và các gói khác) hủy chúng, chưa có gì được áp dụng. Chỉ dán phần 3 "
            "(`uci commit`, reload) khi đã kiểm tra xong.",
            "en": "Paste parts 0-2 first: `uci changes` lists every pending change, to compare with this file; if "
            "anything looks wrong, `uci revert firewall` (and the other packages) discards them, nothing is applied "
            "yet. Paste part 3 (`uci commit`, reload) only once checked.",
        },
    ]
    if "firewall" in ch.packages():
        notes.append(
            {
                "vi": "`/etc/init.d/firewall reload` nạp lại fw4 mà không cắt các kết nối đang có (fw4 chấp nhận "
                "established/related trước mọi luật): phiên SSH hiện tại vẫn giữ; kết nối mới từ các vùng bị chặn "
                "bị từ chối. Các luật mới tên `netaudit: …` (mục netaudit_*), đặt trước luật cũ đầu tiên: "
                "kiểm tra bằng `uci show firewall` hoặc LuCI → Network → Firewall → Traffic Rules.",
                "en": "`/etc/init.d/firewall reload` reloads fw4 without cutting the connections in place (fw4 "
                "accepts established/related before any rule): the current SSH session stays; new connections from "
                "the blocked zones are refused. The new rules are named `netaudit: …` (sections netaudit_*), placed "
                "before the first old rule: check with `uci show firewall` or LuCI → Network → Firewall → Traffic "
                "Rules.",
            }
        )
    if ctx.mgmt:
        nets = ", ".join(str(n) for n in ctx.mgmt)
        where_vi = f" (giao diện {ctx.bind[0]}, địa chỉ {ctx.bind[1]})" if ctx.bind else ""
        where_en = f" (interface {ctx.bind[0]}, address {ctx.bind[1]})" if ctx.bind else ""
        notes.append(
            {
                "vi": f"Thực hiện từ một máy trong mạng quản trị {nets}{where_vi}: sau thay đổi SSH và LuCI chỉ nhận "
                "kết nối từ đó — làm từ vùng khác sẽ mất quyền truy cập (khi đó dùng bản sao lưu hoặc chế độ "
                "failsafe của OpenWrt).",
                "en": f"Work from a host of the management network {nets}{where_en}: afterwards SSH and LuCI answer "
                "there only — from another zone you lose access (then use the backup or OpenWrt's failsafe mode).",
            }
        )
    else:
        notes.append(
            {
                "vi": "Không có vùng quản trị: các dịch vụ quản trị bị chặn từ mọi vùng. Chuẩn bị cáp console hoặc "
                "chế độ failsafe; nên tạo một mạng quản trị riêng.",
                "en": "No management zone: the management services are refused from every zone. Have a serial "
                "console or failsafe mode ready; a separate management network is advised.",
            }
        )
    if "uhttpd" in ch.packages() or "dropbear" in ch.packages():
        addr = ctx.bind[1] if ctx.bind else "<router>"
        notes.append(
            {
                "vi": f"dropbear/uhttpd khởi động lại: phiên SSH đang mở không bị ngắt; LuCI chỉ còn HTTPS tại "
                f"https://{addr}/ (chứng chỉ tự ký: trình duyệt sẽ cảnh báo), HTTP không mã hóa bị tắt.",
                "en": f"dropbear/uhttpd restart: open SSH sessions stay; LuCI is HTTPS only at https://{addr}/ (a "
                "self-signed certificate: the browser warns), cleartext HTTP is off.",
            }
        )
    http_off = any(o.sec.package == "uhttpd" and o.key == "listen_http" and o.values is None for o in ch.opts)
    if http_off and not any(s.values("listen_https") for s in ctx.doc.sections("uhttpd", "uhttpd")):
        notes.append(
            {
                "vi": "uhttpd không có cổng HTTPS: sau thay đổi LuCI không còn truy cập được. Cài luci-ssl trước "
                "(`opkg update && opkg install luci-ssl`, hoặc `apk add luci-ssl` trên bản dùng apk) rồi mới áp dụng.",
                "en": "uhttpd has no HTTPS listener: after the change LuCI is unreachable. Install luci-ssl first "
                "(`opkg update && opkg install luci-ssl`, or `apk add luci-ssl` on releases with apk), then apply.",
            }
        )
    if any(d.password_auth or d.root_password_auth for d in ctx.before.st.facts.dropbear if d.enabled):
        notes.append(
            {
                "vi": "Nên đăng nhập SSH bằng khóa (System → Administration → SSH-Keys) rồi tắt mật khẩu: "
                "`uci set dropbear.@dropbear[0].PasswordAuth='off'; uci set dropbear.@dropbear[0]."
                "RootPasswordAuth='off'`. Bước này không làm tự động, để tránh tự khóa mất quyền truy cập.",
                "en": "SSH keys are advised (System → Administration → SSH-Keys), then passwords off: "
                "`uci set dropbear.@dropbear[0].PasswordAuth='off'; uci set dropbear.@dropbear[0]."
                "RootPasswordAuth='off'`. Not done here, so as not to lock you out.",
            }
        )
    if ctx.deleted_fwd:
        fw = "; ".join(ctx.deleted_fwd)
        notes.append(
            {
                "vi": f"Đã xóa forwarding {fw}: như khi bỏ chọn vùng đích ở LuCI (Allow forward to destination "
                "zones). Tệp hoàn tác tạo lại nó đúng vị trí cũ.",
                "en": f"Forwarding {fw} deleted: what LuCI does when the destination zone is unticked (Allow forward "
                "to destination zones). The rollback re-creates it at its old place.",
            }
        )
    if "wireless" in ch.packages():
        moved = "; ".join(ctx.moved_ssids)
        moved_vi = (
            f" SSID chuyển sang mạng khách: {moved} — người dùng nhận địa chỉ khách, không còn vào mạng nội bộ."
            if moved
            else ""
        )
        moved_en = (
            f" SSIDs moved to the guest network: {moved} — their users get guest addresses, no internal access."
            if moved
            else ""
        )
        notes.append(
            {
                "vi": "`wifi reload` làm các máy Wi-Fi mất kết nối vài giây; Wi-Fi mở được bật isolate (các máy "
                "khách không thấy nhau)." + moved_vi,
                "en": "`wifi reload` drops Wi-Fi clients for a few seconds; open SSIDs get isolate (clients do not "
                "see each other)." + moved_en,
            }
        )
    notes.append(
        {
            "vi": f"Hoàn tác: dán tệp .rollback.txt (các lệnh uci ngược lại rồi commit/reload). Dự phòng: "
            f"`cp {BEFORE_DIR}/* /etc/config/` rồi chạy các lệnh reload, hoặc khôi phục bản sysupgrade.",
            "en": f"Undo: paste the .rollback.txt file (the inverse uci commands, then commit/reload). Fallback: "
            f"`cp {BEFORE_DIR}/* /etc/config/` and run the reload lines, or restore the sysupgrade backup.",
        }
    )
    return notes
