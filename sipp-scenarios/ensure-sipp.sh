#!/usr/bin/env bash
# Installs SIPp (Debian package sip-tester) when it is missing. Used by the README's commands and by CI.
set -euo pipefail
if command -v sipp >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "SIPp is missing: run 'apt-get update && apt-get install -y sip-tester' as root" >&2
  exit 1
fi
echo "Installing SIPp (sip-tester)..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq sip-tester >/dev/null
command -v sipp >/dev/null
