#!/usr/bin/env bash
# Browser tests (the Playground walk-through, the personal tab) drive Debian's Chromium.
# `npm test` runs this first so a fresh machine needs no extra step; where it cannot install
# (not root, no apt), it says what to do and the browser tests explain themselves.
set -u
if command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && exit 0
fi
echo "Chromium is not installed: the browser tests will fail. Install it with: sudo apt-get install chromium" >&2
exit 0
