#!/usr/bin/env python3
"""Kamailio side by side (issue 13, not a test): the highest call rate a transaction-stateful Kamailio relays with
0 failed calls, and its CPU per call, on this machine.

Kamailio runs on loopback with kamailio-relay.cfg (tm's t_relay, record_route, no media, no database, no logging
per call; --children UDP workers). Behind it, a SIPp UAS (uas-answer-signalling.xml: 100, 180 after 100 ms, 200 after
200 ms more, --talk-ms of talk, then BYE; no RTP, which would not cross the proxy anyway); in front, a SIPp UAC
(uac-call.xml: INVITE with SDP, ACK through the Record-Route, takes the BYE). Each step offers RATE calls/s for
--seconds seconds (RATE x seconds calls, a bounded count and a bounded wall time) with a fresh UAC and UAS, and
reads:
  calls completed and failed by both SIPp processes, and their retransmissions (their -trace_stat files);
  the completed call rate: calls / (time from the first INVITE to the last call's end - one call's length);
  Kamailio's CPU over the step (utime + stime of the main process and every child, /proc/<pid>/stat), per call;
  the two SIPp processes' CPU together (whether the load generator, not the proxy, was the limit); the load average.
Stepping stops at the first step with a failed call, or whose completed rate falls under 95 % of the offered rate.

  usage: sipp-scenarios/load/kamailio-bench.py [--quick] [--steps 200,400,800] [--seconds 20] [--talk-ms 500]
         [--children 4] [--port 25260]
Everything on 127.0.0.1; every process started is stopped on exit.
"""
import argparse
import atexit
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.abspath(os.path.dirname(__file__))
CHILDREN = []
TICK = os.sysconf("SC_CLK_TCK")


def stop(procs):
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
    for p in procs:
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(timeout=10)


def stop_all():
    stop(CHILDREN)
    CHILDREN.clear()


atexit.register(stop_all)


def start(cmd, log, cwd=None):
    p = subprocess.Popen(cmd, stdout=open(log, "w"), stderr=subprocess.STDOUT, cwd=cwd,
                         stdin=subprocess.DEVNULL)
    CHILDREN.append(p)
    return p


def stat_fields(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rpartition(")")[2].split()


def cpu_seconds(pids):
    """utime + stime of these processes (those that are gone count 0)."""
    total = 0
    for pid in pids:
        try:
            fields = stat_fields(pid)
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError):
            pass
    return total / TICK


def process_tree(root):
    """root and every process whose parent is in the tree (Kamailio forks its workers at start-up)."""
    tree, grew = {root}, True
    while grew:
        grew = False
        for name in os.listdir("/proc"):
            if name.isdigit() and int(name) not in tree:
                try:
                    if int(stat_fields(name)[1]) in tree:
                        tree.add(int(name))
                        grew = True
                except (OSError, IndexError):
                    pass
    return sorted(tree)


def sipp_stats(stat_file, *columns):
    """The last row's values of these cumulative columns of SIPp's -trace_stat CSV (';'-separated); -1 if absent."""
    try:
        with open(stat_file) as f:
            rows = [r.rstrip("\n").split(";") for r in f if r.strip()]
        head = rows[0]
        return [int(rows[-1][head.index(c)]) for c in columns]
    except (OSError, ValueError, IndexError):
        return [-1 for _ in columns]


def loadavg():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def udp_bound(port):
    with open("/proc/net/udp") as f:
        return any(line.split()[1].endswith(f":{port:04X}") for line in list(f)[1:])


def start_kamailio(args, work):
    cfg = open(os.path.join(HERE, "kamailio-relay.cfg")).read()
    cfg = (cfg.replace("@LISTEN_PORT@", str(args.port)).replace("@UAS@", f"127.0.0.1:{args.port + 10}")
           .replace("@CHILDREN@", str(args.children)))
    path = os.path.join(work, "kamailio.cfg")
    with open(path, "w") as f:
        f.write(cfg)
    os.makedirs(os.path.join(work, "run"), exist_ok=True)
    log = os.path.join(work, "kamailio.log")
    k = start(["kamailio", "-f", path, "-DD", "-E", "-m", str(args.shm_mb), "-w", work,
               "-Y", os.path.join(work, "run")], log)
    deadline = time.time() + 15
    while time.time() < deadline and k.poll() is None:
        if udp_bound(args.port) and len(process_tree(k.pid)) > args.children:
            time.sleep(1)  # the last processes fork right after the workers
            return k, process_tree(k.pid)
        time.sleep(0.2)
    sys.exit(f"kamailio did not start:\n{open(log).read()}")


def run_step(rate, args, work, kamailio_pids):
    count = rate * args.seconds
    uas_stat = os.path.join(work, f"uas-{rate}-stat.csv")
    uac_stat = os.path.join(work, f"uac-{rate}-stat.csv")
    before = loadavg()
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    uas = start(["sipp", "-sf", "uas-answer-signalling.xml", "-i", "127.0.0.1", "-p", str(args.port + 10),
                 "-d", str(args.talk_ms), "-nostdin", "-trace_stat", "-stf", uas_stat, "-fd", "1"],
                os.path.join(work, f"uas-{rate}.log"), cwd=HERE)
    time.sleep(1)
    k0, t0 = cpu_seconds(kamailio_pids), time.time()
    uac = start(["sipp", "-sf", "uac-call.xml", "-i", "127.0.0.1", "-p", str(args.port + 30), "-s", "callee",
                 f"127.0.0.1:{args.port}", "-r", str(rate), "-m", str(count), "-nostdin",
                 "-timeout", f"{args.seconds * 3 + 30}s", "-trace_stat", "-stf", uac_stat, "-fd", "1"],
                os.path.join(work, f"uac-{rate}.log"), cwd=HERE)
    try:
        uac.wait(timeout=args.seconds * 3 + 40)
    except subprocess.TimeoutExpired:
        uac.kill()
    t1 = time.time()
    time.sleep(1)  # the UAS's last 200 to its BYE
    k1, t_cpu = cpu_seconds(kamailio_pids), time.time()
    stop([uas])
    now = resource.getrusage(resource.RUSAGE_CHILDREN)  # both SIPp processes, reaped by now
    sipp_cpu = now.ru_utime + now.ru_stime - reaped.ru_utime - reaped.ru_stime
    after = loadavg()
    uac_ok, uac_failed, uac_rtx = sipp_stats(uac_stat, "SuccessfulCall(C)", "FailedCall(C)", "Retransmissions(C)")
    uas_ok, uas_failed, uas_rtx = sipp_stats(uas_stat, "SuccessfulCall(C)", "FailedCall(C)", "Retransmissions(C)")
    call_length = 0.3 + args.talk_ms / 1000
    completed = uac_ok / max(t1 - t0 - call_length, 1e-3)
    cpu = k1 - k0
    ok = uac_failed == 0 and uas_failed == 0 and uac_ok == count and completed >= 0.95 * rate
    print(f"rate={rate}/s calls={count} completed={uac_ok} (UAS {uas_ok}) failed={uac_failed}+{uas_failed}"
          f" wall={t1 - t0:.1f}s completed/s={completed:.1f} {'OK' if ok else 'FAILED'}")
    print(f"  kamailio CPU {cpu:.2f}s = {100 * cpu / (t_cpu - t0):.0f}% of a core, "
          f"{1e6 * cpu / max(uac_ok, 1):.0f} us/call; SIPp CPU (UAC + UAS) {sipp_cpu:.1f}s;"
          f" retransmissions UAC {uac_rtx}, UAS {uas_rtx}; load average {before} -> {after}")
    sys.stdout.flush()
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="10 s steps")
    ap.add_argument("--steps", default="200,400,800,1200,1600,2000", help="offered calls/s per step")
    ap.add_argument("--seconds", type=int, default=None, help="seconds of calls per step (default 20, quick 10)")
    ap.add_argument("--talk-ms", type=int, default=500)
    ap.add_argument("--children", type=int, default=4, help="Kamailio UDP worker processes")
    ap.add_argument("--shm-mb", type=int, default=1024,
                    help="Kamailio shared memory, MiB (tm keeps each transaction 5 s after it ends)")
    ap.add_argument("--port", type=int, default=25260, help="Kamailio's port; UAS +10, UAC +30")
    args = ap.parse_args()
    args.seconds = args.seconds or (10 if args.quick else 20)
    work = tempfile.mkdtemp(prefix="outdial-kamailio-bench-")
    version = subprocess.run(["kamailio", "-v"], capture_output=True, text=True).stdout.splitlines()[0]
    print(f"# {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}, {os.cpu_count()} CPUs, {version},"
          f" {args.children} workers, talk {args.talk_ms} ms, work dir {work}", flush=True)
    kamailio, pids = start_kamailio(args, work)
    print(f"# kamailio processes: {len(pids)}")
    for rate in (int(s) for s in args.steps.split(",")):
        if not run_step(rate, args, work, pids):
            break


if __name__ == "__main__":
    main()
