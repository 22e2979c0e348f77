"""Start-to-registered time and idle RSS: deskphone beside baresip, same Kamailio, same run.

Each run spawns the process with its output on a pty (line-buffered, as perf-anchors.md §1 does for
baresip), times from spawn to its "registered" line, waits 3 s, reads VmRSS/RssAnon/RssFile from
/proc/PID/status, then sends SIGTERM and times the exit. Everything is on 127.0.0.1; every process is
stopped by its PID.
"""
import datetime, os, platform, pty, re, select, shutil, signal, socket, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 10


def free_port():
    for _ in range(100):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
                u.bind(("127.0.0.1", port))
            return port
        except OSError:
            continue
    raise RuntimeError("no free port")


class Proc:
    def __init__(self, args, env=None):
        self.master, slave = pty.openpty()
        self.t0 = time.monotonic()
        self.p = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, close_fds=True, env=env)
        os.close(slave)
        self.buf = b""
        self.text = []

    def wait_for(self, pattern, timeout):
        rx = re.compile(pattern)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            while b"\n" in self.buf:
                line, self.buf = self.buf.split(b"\n", 1)
                s = line.decode("utf-8", "replace")
                self.text.append(s)
                if rx.search(s):
                    return time.monotonic()
            r, _, _ = select.select([self.master], [], [], 0.05)
            if r:
                try:
                    self.buf += os.read(self.master, 65536)
                except OSError:
                    return None
        return None

    def drain(self, secs):
        end = time.monotonic() + secs
        while time.monotonic() < end:
            r, _, _ = select.select([self.master], [], [], 0.1)
            if r:
                try:
                    self.buf += os.read(self.master, 65536)
                except OSError:
                    time.sleep(0.1)

    def status(self):
        d = {}
        with open("/proc/%d/status" % self.p.pid) as f:
            for line in f:
                k, v = line.split(":", 1)
                if k in ("VmRSS", "RssAnon", "RssFile", "Threads"):
                    d[k] = int(v.split()[0])
        return d

    def stop(self):
        t = time.monotonic()
        if self.p.poll() is None:
            self.p.send_signal(signal.SIGTERM)
            try:
                self.p.wait(timeout=8)
            except subprocess.TimeoutExpired:
                self.p.send_signal(signal.SIGTERM)
                try:
                    self.p.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self.p.kill()
                    self.p.wait()
        stopped = time.monotonic() - t
        self.drain(0.2)
        os.close(self.master)
        return stopped


def med(xs):
    return "%.1f (%.1f–%.1f)" % (statistics.median(xs), min(xs), max(xs))


def main():
    work = tempfile.mkdtemp(prefix="sip-register-")
    kam_dir = os.path.join(work, "kamailio")
    port = free_port()
    subprocess.run([os.path.join(ROOT, "tools/peers/kamailio"), "start", kam_dir, "--port", str(port)], check=True,
                   stdout=subprocess.DEVNULL)
    try:
        # baresip: the account and config of perf-anchors.md §1 (user bob, regint 300), its own ports.
        bs = os.path.join(work, "baresip")
        os.makedirs(bs)
        sip_port, ctrl = free_port(), free_port()
        with open(os.path.join(bs, "config"), "w") as f:
            f.write("poll_method\t\tepoll\nsip_listen\t\t127.0.0.1:%d\nnet_interface\t\t127.0.0.1\ndns_server\t\t127.0.0.1:53\n"
                    "audio_player\t\taubridge,nil\naudio_source\t\taubridge,nil\naudio_alert\t\taubridge,nil\n"
                    "rtp_ports\t\t40000-40020\nmodule_path\t\t/usr/lib/baresip/modules\nmodule\t\t\tg711.so\n"
                    "module\t\t\taubridge.so\nmodule_tmp\t\tuuid.so\nmodule_tmp\t\taccount.so\nmodule_app\t\tmenu.so\n" % sip_port)
        with open(os.path.join(bs, "accounts"), "w") as f:
            f.write("<sip:bob@127.0.0.1:%d;transport=udp>;auth_pass=bobpw;regint=300\n" % port)
        open(os.path.join(bs, "contacts"), "w").close()
        baresip = ["baresip", "-f", bs]

        # deskphone: `run` with one account in its data folder, the PC board, default JVM settings.
        data = os.path.join(work, "deskphone")
        os.makedirs(data)
        # The account as a user sets it on a stopped phone.
        subprocess.run([os.path.join(ROOT, "tools/deskphone"), "config", "set", "--data", data,
                        "account.1.enable=1", "account.1.user_name=alice", "account.1.password=alicepw",
                        "account.1.sip_server.1.address=127.0.0.1", "account.1.sip_server.1.port=%d" % port,
                        "account.1.sip_server.1.expires=300", "account.1.sip_listen_port=%d" % free_port()],
                       check=True, stdout=subprocess.DEVNULL)
        # As a user starts it: through the launcher, which execs the JVM with the project's JVM options.
        deskphone = [os.path.join(ROOT, "tools/deskphone"), "run", "--data", data]

        subjects = [("baresip", baresip, r"200 OK .*binding"), ("deskphone", deskphone, r"line 1: registered with")]
        results = {name: [] for name, _, _ in subjects}
        for i in range(RUNS + 1):
            for name, command, marker in subjects:
                p = Proc(command)
                t = p.wait_for(marker, 30)
                if t is None:
                    p.stop()
                    print("%s run %d: no registration\n%s" % (name, i, "\n".join(p.text[-20:])), file=sys.stderr)
                    continue
                p.drain(3)
                st = p.status()
                stop = p.stop()
                r = dict(reg_ms=(t - p.t0) * 1000, rss=st["VmRSS"] / 1024, anon=st["RssAnon"] / 1024, file=st["RssFile"] / 1024,
                         threads=st["Threads"], stop_ms=stop * 1000)
                print("%s run %d: %s" % (name, i, r), file=sys.stderr, flush=True)
                if i > 0:  # run 0 warms caches (and makes deskphone's device certificate)
                    results[name].append(r)
                time.sleep(0.5)
    finally:
        subprocess.run([os.path.join(ROOT, "tools/peers/kamailio"), "stop", kam_dir], check=False)

    b, d = results["baresip"], results["deskphone"]
    if not b or not d:
        sys.exit("no successful runs")
    ratio_reg = statistics.median(x["reg_ms"] for x in d) / statistics.median(x["reg_ms"] for x in b)
    ratio_rss = statistics.median(x["rss"] for x in d) / statistics.median(x["rss"] for x in b)
    jv = subprocess.run([shutil.which("java"), "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    load = open("/proc/loadavg").read().split()[:3]
    now = datetime.datetime.now()
    lines = [
        "# SIP start to registered, and idle memory: deskphone beside baresip",
        "",
        "Run %s on %s (%d CPUs, load average %s at the end), %s, baresip %s, Kamailio on 127.0.0.1, UDP, digest auth." % (
            now.strftime("%Y-%m-%d %H:%M"), cpu, os.cpu_count(), " ".join(load), jv,
            subprocess.run(["dpkg-query", "-W", "-f=${Version}", "baresip-core"], capture_output=True, text=True).stdout),
        "Command: `tools/bench/sip-register %d` (harness: `tools/bench/sip_register.py`, after perf-anchors.md §1/§3)." % RUNS,
        "Each figure is median (min–max) over %d runs after one warm-up; the two programs alternate run by run." % RUNS,
        "",
        "| | start → registered (ms) | idle RSS (MiB) | anonymous (MiB) | file-backed (MiB) | threads | SIGTERM → exit (ms) |",
        "|---|---|---|---|---|---|---|",
    ]
    opts = os.environ.get("DESKPHONE_JAVA_OPTS", "")
    for name, rs in (("baresip", b), ("deskphone (`tools/deskphone run`%s)" % (", DESKPHONE_JAVA_OPTS=`%s`" % opts if opts else ""), d)):
        lines.append("| %s | %s | %s | %s | %s | %s | %s |" % (name, med([x["reg_ms"] for x in rs]), med([x["rss"] for x in rs]),
                     med([x["anon"] for x in rs]), med([x["file"] for x in rs]), med([x["threads"] for x in rs]),
                     med([x["stop_ms"] for x in rs])))
    lines += ["", "Ratios deskphone / baresip: start → registered **%.1f×**, idle RSS **%.1f×**." % (ratio_reg, ratio_rss), ""]
    path = os.path.join(ROOT, "tools/bench/results", "sip-register-%s.md" % now.strftime("%Y%m%d-%H%M"))
    with open(path, "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))
    print("written to " + path, file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)


main()
