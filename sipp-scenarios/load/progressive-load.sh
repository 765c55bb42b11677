#!/usr/bin/env bash
# Load run (not a test): N phone-only agents work a progressive campaign of M answering contacts through the
# gateway, all on loopback; every answered call is bridged with RTP both ways for 8 s (contact-farm.xml).
# Prints wall time, calls, the gateway's CPU time and its peak resident memory. Bounded: gives up after 10 min.
#   usage: sipp-scenarios/load/progressive-load.sh [agents=50] [records=150]
# Needs the built jar (mvn -B -q -DskipTests package) and SIPp (sipp-scenarios/ensure-sipp.sh).
set -euo pipefail
AGENTS=${1:-50}
RECORDS=${2:-150}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=$ROOT/dialer/target/outdial-gateway.jar
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
[ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 1; }

{
  echo "sip: { host: 127.0.0.1, udpPort: 5160, tcpPort: 0 }"
  echo "trunk: { host: 127.0.0.1, port: 5170, transport: udp, callerId: \"18005550100\" }"
  echo "rtp: { bindAddress: 127.0.0.1, portMin: 40000, portMax: 44999 }"
  echo "http: { host: 127.0.0.1, port: 8180 }"
  echo "database: { url: \"jdbc:h2:mem:load;DB_CLOSE_DELAY=-1\" }"
  echo "agents:"
  for i in $(seq 1 "$AGENTS"); do echo "  - { id: a$i, phone: \"sip:a$i@127.0.0.1:5181\", autoReady: true }"; done
  echo "campaigns:"
  echo "  - { name: load, dialingMode: progressive, agents: [$(seq -s, -f 'a%g' 1 "$AGENTS")], callingList: list.csv, autoLoad: true, autoStart: true }"
} > "$WORK/load.yaml"
{ echo "contact_info"; for i in $(seq 1 "$RECORDS"); do printf '200%07d\n' "$i"; done; } > "$WORK/list.csv"

cd "$ROOT/sipp-scenarios"
sipp -sf contact-farm.xml -i 127.0.0.1 -p 5170 -mi 127.0.0.1 -mp 46000 -nostdin >/dev/null 2>&1 &
sipp -sf agent-phone.xml -i 127.0.0.1 -p 5181 -mi 127.0.0.1 -mp 48000 -aa -nostdin >/dev/null 2>&1 &
java -jar "$JAR" --config "$WORK/load.yaml" >"$WORK/gateway.log" 2>&1 &
GW=$!
start=$(date +%s.%N)
for _ in $(seq 1 600); do
  left=$(curl -s http://127.0.0.1:8180/api/campaigns/load/records 2>/dev/null \
    | python3 -c 'import json,sys; print(sum(1 for r in json.load(sys.stdin) if r["record_status"]!="UPDATED"))' 2>/dev/null || echo x)
  [ "$left" = "0" ] && break
  sleep 1
done
end=$(date +%s.%N)
ticks=$(getconf CLK_TCK)
read -r utime stime < <(awk '{print $14, $15}' /proc/$GW/stat)
rss=$(awk '/VmHWM/ {print $2}' /proc/$GW/status)
curl -s http://127.0.0.1:8180/metrics | grep -E '^outdial_(call_results_total|rtp_packets_relayed_total)'
python3 - "$AGENTS" "$RECORDS" "$start" "$end" "$utime" "$stime" "$ticks" "$rss" <<'PY'
import sys
agents, records, start, end, ut, st, tck, rss = sys.argv[1:]
wall = float(end) - float(start); cpu = (int(ut) + int(st)) / int(tck)
print(f"agents={agents} records={records} wall={wall:.1f}s gateway_cpu={cpu:.1f}s "
      f"({100*cpu/wall:.0f}% of one core) peak_rss={int(rss)//1024}MiB")
PY
