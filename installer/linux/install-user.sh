#!/usr/bin/env bash
# Cài cho người dùng hiện tại (không cần quyền quản trị): thêm Kiểm điểm vào menu ứng dụng.
# Chương trình chạy ngay tại thư mục này; dữ liệu ở ~/.local/share/kiemdiem
# (hoặc ./data khi có tệp portable.txt bên cạnh chương trình).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
APPS="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
ICONS="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$APPS" "$ICONS"
install -m 644 "$HERE/kiemdiem.png" "$ICONS/kiemdiem.png"
sed -e "s|^Exec=kiemdiem|Exec=\"$HERE/kiemdiem\"|" -e "s|^TryExec=kiemdiem|TryExec=$HERE/kiemdiem|" \
    "$HERE/kiemdiem.desktop" > "$APPS/kiemdiem.desktop"
echo "Đã thêm Kiểm điểm vào menu ứng dụng ($APPS/kiemdiem.desktop)."
