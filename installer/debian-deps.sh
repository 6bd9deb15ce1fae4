#!/usr/bin/env bash
# Install the Debian packages named as arguments that are not installed yet.
# As root: apt-get install them. Otherwise: print the exact command and fail —
# the tests are never skipped for a missing package.
set -euo pipefail
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian: nothing to check
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "Cài gói hệ thống còn thiếu: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Thiếu gói hệ thống. Hãy chạy lệnh sau rồi chạy lại:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
