#!/usr/bin/env python3
"""Load benchmark (not a test): ramps a progressive campaign through steps of more phone-only agents.

Each step starts a fresh gateway (java -jar dialer/target/outdial-gateway.jar) with N agents, served by
auto-answering SIPp agent phones (agent-phone.xml, one SIPp per --phones-per-sipp agents, on ports 5181, 5182...),
and contacts from uas-answer.xml (answer, talk --talk-ms, BYE).
The calling window is set explicitly to 00:00-24:00, so the run works at any time of day. After --warmup seconds
the steady window of --steady seconds is measured (>= 60 s for real figures; --quick: short steps), then the
campaign is stopped and drained, and the leftovers are read.

Printed per step, all from the gateway's /metrics, /proc/<pid>/ and SIPp's statistics files:
  calls/s completed and results by type (steady window only);
  p50/p99 contact 200 OK -> agent INVITE sent, and -> bridge, and asking the store for a record -> its trunk
  INVITE sent (histogram buckets, steady window only);
  gateway CPU per call and per talk-second (steady window, /proc/<pid>/stat), RSS at the window's end;
  SIP retransmissions counted by both SIPp processes; load average;
  after the drain: calls in progress, SIP legs and RTP endpoints (all must read 0).
Soak mode (--soak MINUTES): one run at --rate-fraction of the first --steps value (agents, so calls/s in this
agent-bound progressive campaign), for MINUTES after the warm-up; every 30 s it prints a table row: calls/s,
results so far, heap used after a full GC (jcmd GC.run + GC.heap_info), threads, file descriptors, RSS, SIP legs,
RTP endpoints, calls in progress; then the same steady-window summary and drain check as a step.

  usage: sipp-scenarios/load/load-bench.py [--quick] [--steps 50,100,200] [--warmup 15] [--steady 60]
         [--talk-ms 500] [--jfr FILE] [--phones-per-sipp 50] [--soak MINUTES --rate-fraction 0.8]
         (build first: mvn -B -q -DskipTests package; SIPp: ensure-sipp.sh)
Every wait is bounded; every process started is stopped on exit.
"""
import argparse
import atexit
import hashlib
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
JAR = os.path.join(ROOT, "dialer", "target", "outdial-gateway.jar")
SCENARIOS = os.path.join(ROOT, "sipp-scenarios")
SIP, CONTACT, PHONE, HTTP = 5160, 5170, 5181, 8180
CHILDREN = []
# The API and /metrics need credentials: a supervisor token made for this run, its SHA-256 in the configuration.
TOKEN = "odt_" + secrets.token_urlsafe(32)
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def stop_children():
    for p in CHILDREN:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
    for p in CHILDREN:
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
    CHILDREN.clear()


atexit.register(stop_children)


def start(cmd, log, cwd=None):
    p = subprocess.Popen(cmd, stdout=open(log, "w"), stderr=subprocess.STDOUT, cwd=cwd)
    CHILDREN.append(p)
    return p


def metrics():
    req = urllib.request.Request(f"http://127.0.0.1:{HTTP}/metrics", headers=AUTH)
    with urllib.request.urlopen(req, timeout=10) as r:
        text = r.read().decode()
    samples = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            samples[name] = float(value)
    return samples


def post(path, tries=60):
    """POSTs until a 2xx (the campaign may still be loading its list), for at most `tries` half-seconds."""
    for _ in range(tries):
        req = urllib.request.Request(f"http://127.0.0.1:{HTTP}{path}", data=b"", method="POST", headers=AUTH)
        try:
            urllib.request.urlopen(req, timeout=10).read()
            return
        except urllib.error.HTTPError as e:
            last = f"{e.code} {e.read().decode(errors='replace')}"
        time.sleep(0.5)
    raise RuntimeError(f"POST {path}: {last}")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def status_kib(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def results(m):
    out = {}
    for k, v in m.items():
        g = re.match(r'outdial_call_results_total\{campaign="load",result="(\w+)"\}', k)
        if g:
            out[g.group(1)] = v
    return out


def quantiles(before, after, timer, qs=(0.5, 0.99)):
    """Quantiles of the observations between two scrapes, from the cumulative le buckets (linear in a bucket)."""
    pat = re.compile(timer + r'_seconds_bucket\{le="([^"]+)"\}')
    buckets = []
    for k, v in after.items():
        g = pat.fullmatch(k)
        if g:
            le = float("inf") if g.group(1) == "+Inf" else float(g.group(1))
            buckets.append((le, v - before.get(k, 0.0)))
    buckets.sort()
    total = buckets[-1][1] if buckets else 0
    if total <= 0:
        return [None for _ in qs]
    out = []
    for q in qs:
        rank, lo, below = q * total, 0.0, 0.0
        for le, count in buckets:
            if count >= rank:
                if le == float("inf"):
                    out.append(lo)
                else:
                    inside = count - below
                    out.append(lo + (le - lo) * ((rank - below) / inside if inside else 1))
                break
            lo, below = le, count
    return out


def sipp_column(stat_file, column):
    """The last value of one cumulative column of SIPp's -trace_stat CSV (';'-separated)."""
    try:
        with open(stat_file) as f:
            rows = [r.rstrip("\n").split(";") for r in f if r.strip()]
        head = rows[0]
        return int(rows[-1][head.index(column)])
    except (OSError, ValueError, IndexError):
        return -1


def wait_until(limit, what, cond):
    deadline = time.time() + limit
    while time.time() < deadline:
        try:
            if cond():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    print(f"  gave up after {limit}s waiting for {what}", file=sys.stderr)
    return False


def phone_port(n, args):
    """The SIP port of the SIPp agent phone serving agent n (0-based): one SIPp per --phones-per-sipp agents."""
    return PHONE + (n // args.phones_per_sipp if args.phones_per_sipp > 0 else 0)


def heap_after_gc_mib(pid):
    """Heap used right after a full collection (jcmd GC.run, then GC.heap_info), MiB; -1 if jcmd fails."""
    try:
        subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=60)
        info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, timeout=60).stdout
        return int(re.search(r"used (\d+)K", info).group(1)) // 1024
    except (OSError, subprocess.TimeoutExpired, AttributeError):
        return -1


def class_histogram(pid):
    """Live objects by class after a full GC (jcmd GC.class_histogram): {class: (instances, bytes)}."""
    try:
        out = subprocess.run(["jcmd", str(pid), "GC.class_histogram"], capture_output=True, text=True,
                             timeout=120).stdout
    except (OSError, subprocess.TimeoutExpired):
        return {}
    hist = {}
    for line in out.splitlines():
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m:
            hist[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return hist


def print_growth(first, last, completed, top=40):
    """The classes whose live bytes grew most between two histograms, and per completed call."""
    grown = sorted(((last[c][1] - first.get(c, (0, 0))[1], c) for c in last), reverse=True)[:top]
    print(f"  heap growth by class over the soak (after full GCs; {completed} calls completed in between):")
    for delta, c in grown:
        n = last[c][0] - first.get(c, (0, 0))[0]
        print(f"    {c}: {delta / 1024:+.0f} KiB, {n:+d} instances, {delta / max(completed, 1):.1f} B per call")


def soak(pid, args, m_start):
    """Runs the campaign for --soak minutes at a fixed agent count, sampling every 30 s (a bounded loop)."""
    print(f"  soak {args.soak} min: every 30 s, heap after GC, threads, fds, RSS, legs, endpoints, calls in progress")
    print("  | t (s) | calls/s (last 30 s) | Answer | Abandoned | other | heap after GC | threads | fds | RSS |"
          " legs | endpoints | in progress |")
    print("  |---|---|---|---|---|---|---|---|---|---|---|---|")
    start_t, prev, prev_t = time.time(), results(m_start), time.time()
    base = results(m_start)
    first = class_histogram(pid)
    for _ in range(args.soak * 2):
        time.sleep(max(0.0, 30 - (time.time() - prev_t)))
        m, now = metrics(), time.time()
        r = results(m)
        done = sum(r.values()) - sum(prev.values())
        delta = {k: int(r[k] - base.get(k, 0)) for k in r}
        other = sum(v for k, v in delta.items() if k not in ("ANSWER", "ABANDONED"))
        heap = heap_after_gc_mib(pid)
        print(f"  | {now - start_t:.0f} | {done / (now - prev_t):.1f} | {delta.get('ANSWER', 0)} |"
              f" {delta.get('ABANDONED', 0)} | {other} | {heap} MiB | {status_kib(pid, 'Threads')} |"
              f" {len(os.listdir(f'/proc/{pid}/fd'))} | {status_kib(pid, 'VmRSS') // 1024} MiB |"
              f" {int(m.get('outdial_sip_legs_active', -1))} | {int(m.get('outdial_rtp_endpoints_open', -1))} |"
              f" {int(m.get('outdial_calls_in_progress', -1))} |", flush=True)
        prev, prev_t = r, now
    if first:
        print_growth(first, class_histogram(pid), int(sum(prev.values()) - sum(base.values())))


def run_step(agents, args, work):
    records = int(agents * (args.warmup + (args.soak * 60 if args.soak else args.steady) + 30)
                  / (0.6 + args.talk_ms / 1000 - 0.5))
    csv = os.path.join(work, f"list-{agents}.csv")
    with open(csv, "w") as f:
        f.write("contact_info\n")
        for i in range(records):
            f.write(f"2{i:09d}\n")
    ids = [f"a{i}" for i in range(1, agents + 1)]
    cfg = os.path.join(work, f"load-{agents}.yaml")
    with open(cfg, "w") as f:
        f.write(f"sip: {{ host: 127.0.0.1, udpPort: {SIP}, tcpPort: 0 }}\n"
                f"trunk: {{ host: 127.0.0.1, port: {CONTACT}, transport: udp, callerId: \"18005550100\" }}\n"
                "rtp: { bindAddress: 127.0.0.1, portMin: 10000, portMax: 29999 }\n"
                f"http: {{ host: 127.0.0.1, port: {HTTP}, auth: {{ tokens: [ {{ name: bench, role: supervisor,"
                f" sha256: {hashlib.sha256(TOKEN.encode()).hexdigest()} }} ] }} }}\n"
                f"database: {{ url: \"jdbc:h2:mem:load{agents};DB_CLOSE_DELAY=-1\" }}\n"
                "dialing: { ringTimeout: 15s, agentRingTimeout: 15s, defaultCallingHours: \"00:00-24:00\" }\n"
                "agents:\n")
        for n, a in enumerate(ids):
            f.write(f"  - {{ id: {a}, phone: \"sip:{a}@127.0.0.1:{phone_port(n, args)}\", autoReady: true,"
                    " wrapUp: 0s }\n")
        f.write(f"campaigns:\n  - {{ name: load, dialingMode: progressive, agents: [{', '.join(ids)}],"
                f" callingList: {csv}, autoLoad: true, autoStart: false }}\n")
    stats = {}
    shards = len({phone_port(n, args) for n in range(agents)})
    sipps = [("contact", "uas-answer.xml", CONTACT, 30000)] + [
        (f"phone{k}", "agent-phone.xml", PHONE + k, 48000 + 100 * k) for k in range(shards)]
    for name, scen, port, mport in sipps:
        stats[name] = os.path.join(work, f"{name}-{agents}-stat.csv")
        start(["sipp", "-sf", scen, "-i", "127.0.0.1", "-p", str(port), "-mi", "127.0.0.1", "-mp", str(mport),
               "-d", str(args.talk_ms), "-aa", "-nostdin", "-trace_stat", "-stf", stats[name], "-fd", "1"],
              os.path.join(work, f"{name}-{agents}.log"), cwd=SCENARIOS)
    time.sleep(1)
    dead = [name for (name, *_), p in zip(sipps, CHILDREN) if p.poll() is not None]
    if dead:  # a port in use (another run?): results would be meaningless
        print(f"  SIPp {', '.join(dead)} exited at start (see {work}/*.log); step not run", flush=True)
        stop_children()
        return None
    java = ["java"]
    if args.jfr:
        java.append(f"-XX:StartFlightRecording=filename={args.jfr},settings=profile,delay={args.warmup}s,"
                    f"duration={args.steady}s")
    gw = start(java + ["-jar", JAR, "--config", cfg], os.path.join(work, f"gateway-{agents}.log"))
    if not wait_until(300 if args.soak else 90, "the gateway's /metrics",
                      lambda: "outdial_calls_in_progress" in metrics()):
        return None
    post("/api/campaigns/load/start")
    time.sleep(args.warmup)
    m0, c0, t0 = metrics(), cpu_seconds(gw.pid), time.time()
    if args.soak:
        soak(gw.pid, args, m0)
    else:
        time.sleep(args.steady)
    m1, c1, t1 = metrics(), cpu_seconds(gw.pid), time.time()
    rss, hwm = status_kib(gw.pid, "VmRSS"), status_kib(gw.pid, "VmHWM")
    load = open("/proc/loadavg").read().split()[:3]
    post("/api/campaigns/load/stop")
    wait_until(120, "the drain", lambda: metrics().get("outdial_calls_in_progress", 1) == 0)
    time.sleep(5)  # "0 legs, endpoints or calls left 5 s after the last BYE"
    m2 = metrics()
    stop_children()  # SIGTERM: SIPp writes its last statistics
    r0, r1 = results(m0), results(m1)
    by_type = {k: int(r1[k] - r0.get(k, 0)) for k in r1 if r1[k] - r0.get(k, 0) > 0}
    calls = sum(by_type.values())
    wall = t1 - t0
    cpu = c1 - c0
    inv = quantiles(m0, m1, "outdial_setup_answer_to_agent_invite")
    brg = quantiles(m0, m1, "outdial_setup_answer_to_bridge")
    ret = quantiles(m0, m1, "outdial_setup_retrieval_to_trunk_invite")
    ms = lambda v: "n/a" if v is None else f"{v * 1000:.1f}"
    print(f"agents={agents} steady={wall:.0f}s calls/s={calls / wall:.1f} results={by_type}")
    print(f"  200 OK->agent INVITE p50={ms(inv[0])} ms p99={ms(inv[1])} ms; 200 OK->bridge p50={ms(brg[0])} ms"
          f" p99={ms(brg[1])} ms; record retrieval->trunk INVITE p50={ms(ret[0])} ms p99={ms(ret[1])} ms")
    print(f"  gateway CPU {cpu:.1f}s = {100 * cpu / wall:.0f}% of a core, {1000 * cpu / max(calls, 1):.2f} ms/call,"
          f" {1000 * cpu / max(calls * args.talk_ms / 1000, 1e-9):.2f} ms per talk-second; RSS {rss // 1024} MiB"
          f" (peak {hwm // 1024}); load average {' '.join(load)}")
    print(f"  SIPp retransmissions: contacts {sipp_column(stats['contact'], 'Retransmissions(C)')},"
          f" agent phones ({shards} SIPp)"
          f" {sum(sipp_column(stats[k], 'Retransmissions(C)') for k in stats if k != 'contact')};"
          f" reaped {int(m2.get('outdial_calls_reaped_total', -1))}; SIP datagrams the kernel dropped at the"
          f" gateway's full socket {int(m2.get('outdial_sip_udp_receive_overflows_total', -1))}")
    relayed = m1.get('outdial_rtp_packets_relayed_total', 0) - m0.get('outdial_rtp_packets_relayed_total', 0)
    print(f"  at the window's end: calls in progress {int(m1.get('outdial_calls_in_progress', -1))}, RTP endpoints"
          f" {int(m1.get('outdial_rtp_endpoints_open', -1))}; RTP packets relayed {relayed / wall:.0f}/s over the window")
    print(f"  after the drain: calls in progress {int(m2.get('outdial_calls_in_progress', -1))}, SIP legs"
          f" {int(m2.get('outdial_sip_legs_active', -1))}, RTP endpoints {int(m2.get('outdial_rtp_endpoints_open', -1))}")
    sys.stdout.flush()
    return calls / wall


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="short steps (3 s warm-up, 10 s steady), 20,40 agents")
    ap.add_argument("--steps", default=None, help="agents per step, e.g. 50,100,200,300")
    ap.add_argument("--warmup", type=int, default=None)
    ap.add_argument("--steady", type=int, default=None)
    ap.add_argument("--talk-ms", type=int, default=500)
    ap.add_argument("--jfr", default=None, help="record a JFR profile of the steady window of each step here")
    ap.add_argument("--phones-per-sipp", type=int, default=50,
                    help="agents served by one SIPp agent phone (one SIPp per this many; 0: one SIPp for all)")
    ap.add_argument("--soak", type=int, default=0, metavar="MINUTES",
                    help="one run of MINUTES at --rate-fraction x the first --steps value agents, sampled every 30 s")
    ap.add_argument("--rate-fraction", type=float, default=0.8)
    args = ap.parse_args()
    steps = args.steps or ("20,40" if args.quick else "50,100,200,300")
    args.warmup = args.warmup if args.warmup is not None else (3 if args.quick else 15)
    args.steady = args.steady if args.steady is not None else (10 if args.quick else 60)
    if not os.path.isfile(JAR):
        sys.exit("build first: mvn -B -q -DskipTests package")
    work = tempfile.mkdtemp(prefix="outdial-load-")
    print(f"# {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}, {os.cpu_count()} CPUs, work dir {work}")
    if args.soak:
        run_step(max(1, round(int(steps.split(",")[0]) * args.rate_fraction)), args, work)
        return
    for n in (int(s) for s in steps.split(",")):
        run_step(n, args, work)


if __name__ == "__main__":
    main()
