#!/usr/bin/env bash
# Pack dist/kiemdiem into dist/kiemdiem-linux-x86_64.tar.gz: the one-folder program, the .desktop
# file, the icon, and a small install script (per-user: ~/.local/share/applications).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIST="${1:-$ROOT/dist}"
test -x "$DIST/kiemdiem/kiemdiem" || { echo "Chưa có $DIST/kiemdiem/kiemdiem: chạy make dist" >&2; exit 1; }
install -m 644 "$ROOT/installer/linux/kiemdiem.desktop" "$DIST/kiemdiem/kiemdiem.desktop"
install -m 644 "$ROOT/resources/icons/kiemdiem.png" "$DIST/kiemdiem/kiemdiem.png"
install -m 644 "$ROOT/resources/icons/kiemdiem.svg" "$DIST/kiemdiem/kiemdiem.svg"
install -m 755 "$ROOT/installer/linux/install-user.sh" "$DIST/kiemdiem/install-user.sh"
tar -C "$DIST" -czf "$DIST/kiemdiem-linux-x86_64.tar.gz" --owner=0 --group=0 kiemdiem
echo "$DIST/kiemdiem-linux-x86_64.tar.gz"
