#!/usr/bin/env bash
# Makes Debian's chromium available for the dashboard's headless-browser test and prints the
# `export EIMAS_CHROMIUM=...` line that .ci/run evaluates. Idempotent: installs only when missing.
# Everything but the export line goes to stderr.
set -euo pipefail
find_chromium() {
  for c in "${EIMAS_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  return 1
}
if ! bin="$(find_chromium)"; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
      echo "chromium.sh: chromium is missing and this user cannot install packages (not root, no sudo)" >&2
      exit 1
    fi
  fi
  command -v apt-get >/dev/null 2>&1 || { echo "chromium.sh: chromium is missing and apt-get is not available" >&2; exit 1; }
  echo "chromium.sh: installing Debian's chromium package" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q >&2
  $sudo apt-get install -y -q --no-install-recommends chromium >&2
  bin="$(find_chromium)" || { echo "chromium.sh: chromium still not found after installing" >&2; exit 1; }
fi
"$bin" --version >&2 || true
echo "export EIMAS_CHROMIUM=$bin"
