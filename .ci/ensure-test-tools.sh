#!/usr/bin/env bash
# Installs what the test suite runs besides Java and Maven, when it is missing (Debian packages):
#   sipp (sip-tester)            - contacts and agent phones in the integration tests (its RFC 4733 captures,
#                                  /usr/share/sip-tester/dtmf_2833_*.pcap, are a contact's key presses)
#   espeak-ng, sox               - spoken greetings for the answering-machine tests on text-to-speech clips
#   chromium, chromium-driver    - the headless browser of the agent desktop / supervisor dashboard tests
#   prometheus (promtool)        - checks of the live /metrics scrape and of the ops pack's alert rules
#   baresip                      - a real softphone registering with the gateway (SoftphoneIT)
#   kamailio                     - a trunk edge with digest authentication in front of SIPp contacts (TrunkAuthIT)
#   kamailio-tls-modules         - its tls module: the trunk edge taking SIP over TLS (TrunkTlsIT)
#   postgresql (initdb, pg_ctl)  - a real PostgreSQL the store tests and the multi-gateway ITs start in target/
#   rtpengine-daemon             - not for the tests: the side-by-side media benchmark (sipp-scenarios/load/
#                                  rtp-relay-bench.py) starts its own, in userspace; installed without its
#                                  recommends, and the system service the package sets up is not left running
# Used by the README's test command and by CI. Idempotent. Needs root to install; says what to install otherwise.
set -euo pipefail
missing=()
{ command -v sipp >/dev/null 2>&1 && [ -f /usr/share/sip-tester/dtmf_2833_1.pcap ]; } || missing+=(sip-tester)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
command -v sox >/dev/null 2>&1 || missing+=(sox)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v baresip >/dev/null 2>&1 || missing+=(baresip)
command -v kamailio >/dev/null 2>&1 || missing+=(kamailio)
[ -f /usr/lib/x86_64-linux-gnu/kamailio/modules/tls.so ] || missing+=(kamailio-tls-modules)
has_postgres() { ls /usr/lib/postgresql/*/bin/initdb /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; }
has_postgres || missing+=(postgresql)
no_recommends=()
command -v rtpengine >/dev/null 2>&1 || no_recommends+=(rtpengine-daemon)
if [ ${#missing[@]} -eq 0 ] && [ ${#no_recommends[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing test tools: run 'apt-get update && apt-get install -y ${missing[*]}" \
    "&& apt-get install -y --no-install-recommends ${no_recommends[*]}' as root" >&2
  exit 1
fi
echo "Installing ${missing[*]} ${no_recommends[*]}..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ${#no_recommends[@]} -gt 0 ]; then
  apt-get install -y -qq --no-install-recommends "${no_recommends[@]}" >/dev/null
  # On a host running systemd the package starts rtpengine on ports 30000-40000: the benchmark runs its own.
  if [ -d /run/systemd/system ]; then
    systemctl disable --now rtpengine-daemon >/dev/null 2>&1 || true
  fi
fi
command -v sipp >/dev/null && command -v espeak-ng >/dev/null && command -v sox >/dev/null \
  && [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && command -v promtool >/dev/null \
  && command -v baresip >/dev/null && command -v kamailio >/dev/null \
  && [ -f /usr/lib/x86_64-linux-gnu/kamailio/modules/tls.so ] && has_postgres && command -v rtpengine >/dev/null
