#!/usr/bin/env python3
"""rtpengine side by side (issue 13, not a test): CPU per relayed G.711 packet of rtpengine (Debian package,
userspace forwarding) and of our relay, driven by the same sender over loopback, one after the other.

For each relay, --calls calls are set up, each with two phones (two UDP sockets of this script) sending 20 ms PCMU
packets (12-byte RTP header, 160 bytes of payload) to the relay, both ways: 2 x calls streams, 100 packets/s per
call. The relay forwards each phone's packets to the other phone of its call, same codec (no transcoding).
  rtpengine: started here (--table=-1: no kernel module, every packet forwarded in userspace; its default number of
    worker threads), driven by its ng control protocol (bencode over UDP): offer with phone A's SDP, answer with
    phone B's; each phone sends to the port rtpengine put in the SDP given to it.
  ours: io.outdial.media.bench.RelayStreamsProbe (the media module's NettyMediaEngine, 1 event-loop thread as the
    gateway's default), fed the phones' ports on stdin; the phones send to the endpoints it answers.
After --warmup seconds of traffic, the relay's CPU is counted over --seconds seconds: rtpengine's whole process
(/proc/<pid>/stat, all threads); ours as the whole JVM process and as its outdial-rtp threads alone (GC, JIT and
the rest of the JVM are the difference). Per relayed packet = CPU / packets received by the phones in the window.
The sender's own CPU and lateness are printed: if it falls behind, fewer packets are offered (the per-packet
figure stays valid, the rate is lower).

  usage: sipp-scenarios/load/rtp-relay-bench.py [--relay both|ours|rtpengine] [--calls 200] [--seconds 20]
         [--warmup 3]   (build first: mvn -B -q -o -pl media -am test-compile; rtpengine: apt-get install
         rtpengine-daemon, or .ci/ensure-test-tools.sh)
Everything on 127.0.0.1; bounded in time; every process started is stopped on exit.
"""
import argparse
import atexit
import glob
import os
import random
import resource
import select
import socket
import struct
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MEDIA = os.path.join(ROOT, "media")
NG_PORT, RTPENGINE_PORTS, OUR_PORTS = 22229, (50000, 59999), 30000
TICK = os.sysconf("SC_CLK_TCK")
CHILDREN = []


def stop_all():
    for p in CHILDREN:
        if p.poll() is None:
            p.terminate()
    for p in CHILDREN:
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
    CHILDREN.clear()


atexit.register(stop_all)


def loadavg():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def process_cpu(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def self_cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


# --- bencode, for rtpengine's ng protocol --------------------------------------------------------------------

def bencode(v):
    if isinstance(v, int):
        return b"i%de" % v
    if isinstance(v, str):
        v = v.encode()
    if isinstance(v, bytes):
        return b"%d:%s" % (len(v), v)
    if isinstance(v, list):
        return b"l" + b"".join(bencode(x) for x in v) + b"e"
    if isinstance(v, dict):
        return b"d" + b"".join(bencode(k) + bencode(v[k]) for k in sorted(v)) + b"e"
    raise TypeError(v)


def bdecode(data, i=0):
    c = data[i:i + 1]
    if c == b"i":
        end = data.index(b"e", i)
        return int(data[i + 1:end]), end + 1
    if c == b"l":
        out, i = [], i + 1
        while data[i:i + 1] != b"e":
            v, i = bdecode(data, i)
            out.append(v)
        return out, i + 1
    if c == b"d":
        out, i = {}, i + 1
        while data[i:i + 1] != b"e":
            k, i = bdecode(data, i)
            out[k.decode()], i = bdecode(data, i)
        return out, i + 1
    colon = data.index(b":", i)
    n = int(data[i:colon])
    return data[colon + 1:colon + 1 + n], colon + 1 + n


class Ng:
    def __init__(self, port):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.settimeout(5)
        self.addr = ("127.0.0.1", port)

    def command(self, **params):
        cookie = b"%08x" % random.getrandbits(32)
        self.sock.sendto(cookie + b" " + bencode(params), self.addr)
        while True:
            data = self.sock.recv(65535)
            got, _, body = data.partition(b" ")
            if got == cookie:
                reply = bdecode(body)[0]
                if reply.get("result") != b"ok":
                    raise RuntimeError(f"rtpengine {params['command']}: {reply}")
                return reply


def sdp(port):
    return (f"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            f"m=audio {port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\na=sendrecv\r\n")


def sdp_port(text):
    for line in text.decode().splitlines():
        if line.startswith("m=audio "):
            return int(line.split()[1])
    raise RuntimeError(f"no m=audio in {text!r}")


# --- the relays ------------------------------------------------------------------------------------------------

class Rtpengine:
    name = "rtpengine"

    def __init__(self, work):
        log = open(os.path.join(work, "rtpengine.log"), "w")
        self.proc = subprocess.Popen(
            ["rtpengine", "--config-file=none", "--foreground", "--log-stderr", "--log-level=4", "--table=-1",
             "--interface=127.0.0.1", f"--listen-ng=127.0.0.1:{NG_PORT}", f"--port-min={RTPENGINE_PORTS[0]}",
             f"--port-max={RTPENGINE_PORTS[1]}", "--timeout=60"],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        CHILDREN.append(self.proc)
        self.ng = Ng(NG_PORT)
        deadline = time.time() + 15
        self.ng.sock.settimeout(0.3)
        while True:
            try:
                self.ng.sock.sendto(b"c0 " + bencode({"command": "ping"}), self.ng.addr)
                if self.ng.sock.recv(1000).startswith(b"c0 "):
                    self.ng.sock.settimeout(5)
                    break
            except OSError:
                if time.time() > deadline or self.proc.poll() is not None:
                    sys.exit(f"rtpengine did not start: {open(log.name).read()}")
                time.sleep(0.3)

    def call(self, i, port_a, port_b):
        cid, ft, tt = f"bench-{i}", f"a{i}", f"b{i}"
        offer = self.ng.command(command="offer", **{"call-id": cid, "from-tag": ft, "sdp": sdp(port_a)})
        answer = self.ng.command(command="answer", **{"call-id": cid, "from-tag": ft, "to-tag": tt,
                                                      "sdp": sdp(port_b)})
        return sdp_port(answer["sdp"]), sdp_port(offer["sdp"])  # where A sends, where B sends

    def go(self):
        self.cpu0 = process_cpu(self.proc.pid)

    def stop(self):
        cpu = process_cpu(self.proc.pid) - self.cpu0
        return {"process": cpu}


class Ours:
    name = "ours (NettyMediaEngine)"

    def __init__(self, work):
        cp_file = os.path.join(work, "media-classpath.txt")
        subprocess.run(["mvn", "-B", "-q", "-o", "-f", os.path.join(MEDIA, "pom.xml"), "dependency:build-classpath",
                        f"-Dmdep.outputFile={cp_file}"], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=300)
        # the core module of this tree, not whatever ~/.m2 holds
        jars = [j for j in open(cp_file).read().strip().split(":") if "/io/outdial/" not in j]
        core = os.path.join(ROOT, "core", "target", "classes")
        classes = [os.path.join(MEDIA, "target", "test-classes"), os.path.join(MEDIA, "target", "classes"), core]
        for c in classes:
            if not os.path.isdir(c):
                sys.exit(f"{c} missing: build first (mvn -B -q -o -pl media -am test-compile)")
        self.proc = subprocess.Popen(
            ["java", "-Dio.netty.leakDetection.level=disabled", "-cp", ":".join(classes + jars),
             "io.outdial.media.bench.RelayStreamsProbe", "1", str(OUR_PORTS)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=open(os.path.join(work, "probe.log"), "w"),
            text=True, bufsize=1)
        CHILDREN.append(self.proc)

    def ask(self, line):
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().split()

    def call(self, i, port_a, port_b):
        words = self.ask(f"call {port_a} {port_b}")
        if not words or words[0] != "ports":
            sys.exit(f"probe: {words}")
        return int(words[1]), int(words[2])

    def go(self):
        self.ask("go")
        self.cpu0 = process_cpu(self.proc.pid)

    def stop(self):
        outside = process_cpu(self.proc.pid) - self.cpu0
        words = self.ask("stop")
        return {"process": outside, "rtp threads": int(words[1]) / 1e9, "relayed (its count)": int(words[3])}


# --- the phones ------------------------------------------------------------------------------------------------

def run(relay, args):
    phones, targets = [], []
    for i in range(args.calls):
        a, b = (socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(2))
        for s in (a, b):
            s.bind(("127.0.0.1", 0))
            s.setblocking(False)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
        to_a, to_b = relay.call(i, a.getsockname()[1], b.getsockname()[1])
        phones += [a, b]
        targets += [("127.0.0.1", to_a), ("127.0.0.1", to_b)]
    poller = select.epoll()
    for s in phones:
        poller.register(s.fileno(), select.EPOLLIN)
    by_fd = {s.fileno(): s for s in phones}
    packet = bytearray(12 + 160)
    packet[0], packet[1] = 0x80, 0
    ssrc = [random.getrandbits(32) for _ in phones]
    sent = received = 0
    seq = 0
    start = time.monotonic()
    window_start = start + args.warmup
    end = window_start + args.seconds
    counted = False
    late = 0
    next_tick = start
    while True:
        now = time.monotonic()
        if not counted and now >= window_start:
            relay.go()
            cpu_self0, sent0, received0, t0 = self_cpu(), sent, received, now
            counted = True
        if now >= end:
            break
        if now >= next_tick:
            seq += 1
            for k, s in enumerate(phones):
                struct.pack_into("!HII", packet, 2, seq & 0xFFFF, (seq * 160) & 0xFFFFFFFF, ssrc[k])
                try:
                    s.sendto(packet, targets[k])
                    sent += 1
                except BlockingIOError:
                    pass
            next_tick += 0.020
            if time.monotonic() > next_tick:
                late += 1
                next_tick = time.monotonic() + 0.020  # fell behind: skip ahead, do not burst
        timeout = max(0.0, min(next_tick, end) - time.monotonic())
        for fd, _ in poller.poll(timeout):
            s = by_fd[fd]
            while True:
                try:
                    s.recv(2048)
                    received += 1
                except BlockingIOError:
                    break
    t1 = time.monotonic()
    cpu = relay.stop()
    cpu_self = self_cpu() - cpu_self0
    window = t1 - t0
    got, offered = received - received0, sent - sent0
    for s in phones:
        s.close()
    per = ", ".join(f"{k} {v:.2f}s = {1e6 * v / max(got, 1):.2f} us/packet ({100 * v / window:.0f}% of a core)"
                    for k, v in cpu.items() if isinstance(v, float))
    extra = "".join(f"; {k} {v:,}" for k, v in cpu.items() if isinstance(v, int))
    print(f"{relay.name}: {args.calls} calls, {2 * args.calls} streams, window {window:.1f}s: sent {offered:,}"
          f" ({offered / window:,.0f}/s), relayed and received {got:,} ({got / window:,.0f}/s,"
          f" loss {100 * (1 - got / max(offered, 1)):.2f} %){extra}")
    print(f"  relay CPU: {per}")
    print(f"  sender CPU {cpu_self:.1f}s ({100 * cpu_self / window:.0f}% of a core), late ticks {late};"
          f" load average {loadavg()}")
    sys.stdout.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--relay", default="both", choices=("both", "ours", "rtpengine"))
    ap.add_argument("--calls", type=int, default=200)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="outdial-rtp-bench-")
    print(f"# {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}, {os.cpu_count()} CPUs, load average"
          f" {loadavg()}, work dir {work}")
    kinds = {"ours": [Ours], "rtpengine": [Rtpengine], "both": [Rtpengine, Ours]}[args.relay]
    for kind in kinds:
        relay = kind(work)
        if isinstance(relay, Rtpengine):
            version = subprocess.run(["rtpengine", "--version"], capture_output=True, text=True)
            print(f"# rtpengine {(version.stdout or version.stderr).strip()}")
        run(relay, args)
        stop_all()


if __name__ == "__main__":
    main()
