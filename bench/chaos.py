"""`make chaos`: the site in production settings under load and faults. Not run in CI.

Serves the site with gunicorn (DEBUG off) on PostgreSQL and Redis (both on 127.0.0.1) with the
database worker, and a small SMTP server of its own that takes a second per message; then 50
simulated users (threads, only to 127.0.0.1) browse, search and submit practices for a bounded time
while, in turn: PostgreSQL is restarted once (pg_ctlcluster), Redis is stopped and started again,
and the worker is killed (SIGKILL) while it sends mail, then requeued and restarted. Checks:

- no 5xx answer, but the 503 "back in a moment" page while PostgreSQL restarts, and requests
  succeed again by themselves afterwards;
- every submission the site accepted is stored;
- with Redis stopped the site keeps answering;
- every e-mail goes out exactly once, the killed worker's too.

    .venv/bin/python bench/chaos.py [--duration 300] [--users 50] [--database ibis_hub_chaos]

It uses a database of its own (created if missing) and restarts the PostgreSQL cluster once: other
people's tests on the same server see a few seconds of refused connections.
"""

import argparse
import collections
import http.cookiejar
import os
import random
import re
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
HOST = "127.0.0.1"
SEARCHES = ["language", "housing", "refugees", "women", "employment", "Barranquilla", "youth", "mentoring"]
COUNT_TASKS = "SELECT count(*) FROM django_tasks_database_dbtaskresult"
PAGES = ["/", "/practices/", "/places/", "/map/", "/practices/?page=2", "/feeds/practices/", "/sitemap.xml"]


# ------------------------------------------------------------------ a slow SMTP server that counts


class Mailbox(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port: int, delay: float):
        self.messages: list[bytes] = []
        self.delay = delay
        self.lock = threading.Lock()
        super().__init__((HOST, port), _SMTPHandler)


class _SMTPHandler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self.reply("220 chaos SMTP")
        while line := self.rfile.readline():
            command = line.strip().upper()
            if command.startswith((b"EHLO", b"HELO")):
                self.reply("250 chaos")
            elif command.startswith(b"MAIL FROM"):
                # A slow mail server, so that the worker is caught mid-task. Slow before the message,
                # not after its last line: a message whose "." the server read is delivered even if the
                # sender dies before the "250" (RFC 1047), a window no sender can close.
                time.sleep(self.server.delay)
                self.reply("250 ok")
            elif command == b"DATA":
                self.reply("354 end with .")
                body = []
                while (data := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                    body.append(data)
                with self.server.lock:
                    self.server.messages.append(b"".join(body))
                self.reply("250 queued")
            elif command == b"QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


def _message_key(raw: bytes) -> tuple[str, str]:
    """(recipient, subject) of a message: one submission's mail, whatever its Message-ID."""
    text = raw.decode("utf-8", "replace")
    to = re.search(r"^To: (.+)$", text, re.MULTILINE)
    subject = re.search(r"^Subject: (.+)$", text, re.MULTILINE)
    return (to.group(1).strip() if to else "", subject.group(1).strip() if subject else "")


# ------------------------------------------------------------------ the simulated users


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.statuses: collections.Counter = collections.Counter()
        self.errors: list[tuple[float, str, int]] = []  # 5xx answers: (time, path, status)
        self.friendly_503 = 0
        self.refused = 0  # connection refused or reset (gunicorn never refused here)
        self.accepted: list[str] = []  # titles of the submissions the site accepted
        self.latencies: list[float] = []
        self.last_ok = 0.0

    def record(self, path: str, status: int, body: bytes, started: float) -> None:
        with self.lock:
            self.statuses[status] += 1
            self.latencies.append(time.monotonic() - started)
            if status >= 500:
                self.errors.append((time.monotonic(), path, status))
                if status == 503 and b"Back in a moment" in body:
                    self.friendly_503 += 1
            elif status < 400:
                self.last_ok = time.monotonic()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def user(number: int, base: str, until: float, tally: Tally) -> None:
    rng = random.Random(number)
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    submitted = 0

    def fetch(path: str, data: dict | None = None) -> tuple[int, bytes]:
        started = time.monotonic()
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(base + path, data=body, headers={"Referer": base + "/practices/submit/"})
        try:
            with opener.open(request, timeout=30) as response:
                status, content = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, content = error.code, error.read()
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            with tally.lock:
                tally.refused += 1
            time.sleep(0.5)
            return 0, b""
        tally.record(path, status, content, started)
        return status, content

    while time.monotonic() < until:
        roll = rng.random()
        if roll < 0.55:
            fetch(rng.choice(PAGES))
        elif roll < 0.85:
            fetch("/search/?" + urllib.parse.urlencode({"q": rng.choice(SEARCHES)}))
        else:
            status, page = fetch("/practices/submit/")
            token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
            if status != 200 or not token:
                continue
            submitted += 1
            title = f"Chaos practice {number}-{submitted} {rng.randrange(10**9)}"
            form = {
                "csrfmiddlewaretoken": token.group(1).decode(),
                "title": title,
                "summary": "Neighbours and newcomers meet every week to practise the language together.",
                "organisation_name": "Chaos Neighbourhood Association",
                "place_name": "Barranquilla",
                "country": "CO",
                "language": "en",
                "submitter_name": f"Chaos User {number}",
                "submitter_email": f"user{number}-{submitted}@example.org",
                "website": "",
            }
            status, _content = fetch("/practices/submit/", form)
            if status in (301, 302, 303):
                with tally.lock:
                    tally.accepted.append(title)
        time.sleep(rng.uniform(0.05, 0.3))


# ------------------------------------------------------------------ processes and faults


def run(command: list[str], env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, env=env, cwd=ROOT, check=True, **kwargs)  # noqa: S603


def redis_up() -> bool:
    try:
        with socket.create_connection((HOST, 6379), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def start_redis() -> None:
    subprocess.run(  # noqa: S603
        ["redis-server", "--daemonize", "yes", "--bind", HOST, "--port", "6379", "--save", "", "--appendonly", "no"],  # noqa: S607
        check=True,
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        if redis_up():
            return
        time.sleep(0.1)
    raise SystemExit("Redis did not start")


def stop_redis() -> None:
    with socket.create_connection((HOST, 6379), timeout=2) as sock:
        sock.sendall(b"SHUTDOWN NOSAVE\r\n")


def restart_postgres() -> float:
    cluster = sorted(os.listdir("/etc/postgresql"))[0]
    started = time.monotonic()
    subprocess.run(  # noqa: S603
        ["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "restart"],  # noqa: S607
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.monotonic() - started


def worker(env: dict) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [PYTHON, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def sql(env: dict, query: str) -> list[tuple]:
    code = (
        "import django, json; django.setup()\n"
        "from django.db import connection\n"
        "with connection.cursor() as c:\n"
        f"    c.execute({query!r}); print(json.dumps(c.fetchall(), default=str))\n"
    )
    import json

    out = run([PYTHON, "-c", code], env, capture_output=True, text=True).stdout
    return [tuple(row) for row in json.loads(out)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=300, help="seconds of load (default 300)")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--smtp-port", type=int, default=8825)
    parser.add_argument("--database", default="ibis_hub_chaos")
    parser.add_argument(
        "--no-postgres-restart", action="store_true", help="leave PostgreSQL alone (to try the script itself)"
    )
    args = parser.parse_args()

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        "DEBUG": "0",
        "SECRET_KEY": "chaos-" + os.urandom(16).hex(),
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": f"postgres://postgres@{HOST}:5432/{args.database}",
        "CACHE_URL": f"redis://{HOST}:6379/7",
        "EMAIL_URL": f"smtp://{HOST}:{args.smtp_port}",
        "RATE_LIMIT_SUBMIT": "1000000/h",
        "SITE_URL": f"http://{HOST}:{args.port}",
        "LOG_LEVEL": "ERROR",
    }
    if not redis_up():
        start_redis()
    print(f"Preparing database {args.database}…", flush=True)
    # An error here says the database is there already.
    subprocess.run(["createdb", "-h", HOST, "-U", "postgres", args.database], stderr=subprocess.DEVNULL, check=False)  # noqa: S603, S607
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    run([PYTHON, "manage.py", "load_demo", "--if-empty"], env, stdout=subprocess.DEVNULL)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    run([PYTHON, "manage.py", "requeue_stale_tasks", "--older-than", "0"], env, stdout=subprocess.DEVNULL)

    mailbox = Mailbox(args.smtp_port, delay=1.0)
    threading.Thread(target=mailbox.serve_forever, daemon=True).start()
    log = ROOT / "var" / "chaos-gunicorn.log"
    log.parent.mkdir(exist_ok=True)
    gunicorn = subprocess.Popen(  # noqa: S603
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "hub.wsgi",
            "-b",
            f"{HOST}:{args.port}",
            "-w",
            "3",
            "--threads",
            "8",
            "--timeout",
            "60",
            "--graceful-timeout",
            "5",
        ],  # fmt: skip
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
        start_new_session=True,
    )
    the_worker = worker(env)
    worker_restarts = 0
    supervising, paused = threading.Event(), threading.Event()
    supervising.set()

    def supervise() -> None:
        """Start the worker again when it exits, as systemd's Restart= would: db_worker stops when it
        loses the database. Requeue first what it left running (ExecStartPre=)."""
        nonlocal the_worker, worker_restarts
        while supervising.is_set():
            if not paused.is_set() and the_worker.poll() is not None:
                try:
                    run(
                        [PYTHON, "manage.py", "requeue_stale_tasks", "--older-than", "0"],
                        env,
                        stdout=subprocess.DEVNULL,
                    )
                except subprocess.CalledProcessError:
                    time.sleep(1)  # the database is not back yet
                    continue
                the_worker = worker(env)
                worker_restarts += 1
            time.sleep(1)

    base = f"http://{HOST}:{args.port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=2).read()  # noqa: S310
            break
        except OSError:
            time.sleep(0.2)

    threading.Thread(target=supervise, daemon=True).start()
    tally = Tally()
    start = time.monotonic()
    until = start + args.duration
    threads = [threading.Thread(target=user, args=(n, base, until, tally)) for n in range(args.users)]
    for thread in threads:
        thread.start()
    print(f"{args.users} users for {args.duration} s on {base}", flush=True)

    events: dict[str, float] = {}
    killed_for: list[tuple] = []
    try:
        time.sleep(args.duration * 0.2)
        events["postgres_restart_began"] = time.monotonic() - start
        events["postgres_restart_seconds"] = 0.0 if args.no_postgres_restart else restart_postgres()
        restarted_at = time.monotonic()
        while tally.last_ok < restarted_at and time.monotonic() < until:
            time.sleep(0.1)
        events["recovered_seconds_after_restart"] = tally.last_ok - restarted_at

        time.sleep(max(0.0, start + args.duration * 0.45 - time.monotonic()))
        ok_before = tally.statuses[200]
        stop_redis()
        events["redis_stopped_at"] = time.monotonic() - start
        time.sleep(args.duration * 0.15)
        events["answers_200_while_redis_stopped"] = tally.statuses[200] - ok_before
        start_redis()

        # Kill the worker while it is sending (the mail server takes a second a message).
        time.sleep(max(0.0, start + args.duration * 0.7 - time.monotonic()))
        running = sql(env, f"{COUNT_TASKS} WHERE status = 'RUNNING'")
        paused.set()  # the kill is ours: the script requeues and restarts below
        time.sleep(1.5)
        os.killpg(the_worker.pid, signal.SIGKILL)
        the_worker.wait()
        events["tasks_running_when_worker_killed"] = running[0][0]
        left = sql(env, f"{COUNT_TASKS} WHERE status = 'RUNNING'")
        events["tasks_left_running_by_killed_worker"] = left[0][0]
        killed_for = sql(
            env, "SELECT args_kwargs->'kwargs'->>'to' FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'"
        )
        run([PYTHON, "manage.py", "requeue_stale_tasks", "--older-than", "0"], env, stdout=subprocess.DEVNULL)
        the_worker = worker(env)
        paused.clear()

        for thread in threads:
            thread.join()
        # Let the worker send what is left.
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            waiting = sql(
                env, "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
            )
            if waiting[0][0] == 0:
                break
            time.sleep(1)
    finally:
        supervising.clear()
        time.sleep(1.5)
        for process in (gunicorn, the_worker):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)
        if not redis_up():
            start_redis()
        mailbox.shutdown()

    titles = list(tally.accepted)
    stored = {row[0] for row in sql(env, "SELECT title FROM practices_practice WHERE title LIKE 'Chaos practice %'")}
    lost = [t for t in titles if t not in stored]
    keys = collections.Counter(_message_key(m) for m in mailbox.messages)
    twice = {key: n for key, n in keys.items() if n > 1}
    failed = sql(env, f"{COUNT_TASKS} WHERE status = 'FAILED'")[0][0]
    restart_window = (
        start + events["postgres_restart_began"] - 1,
        start + events["postgres_restart_began"] + events["postgres_restart_seconds"] + 15,
    )
    other_5xx = [e for e in tally.errors if not (e[2] == 503 and restart_window[0] <= e[0] <= restart_window[1])]
    latencies = sorted(tally.latencies)
    requests = sum(tally.statuses.values())

    print()
    print("| Figure | Value |")
    print("|---|---|")
    print(f"| Users × seconds | {args.users} × {args.duration} |")
    print(f"| Requests answered | {requests:,} ({requests / args.duration:.0f}/s) |")
    print(f"| Answers by status | {dict(sorted(tally.statuses.items()))} |")
    p50, p95 = latencies[len(latencies) // 2] * 1000, latencies[int(len(latencies) * 0.95)] * 1000
    print(f"| p50 / p95 latency | {p50:.0f} ms / {p95:.0f} ms |")
    print(f"| Connections refused or reset | {tally.refused} |")
    began, took = events["postgres_restart_began"], events["postgres_restart_seconds"]
    print(f"| PostgreSQL restart | at {began:.0f} s, took {took:.1f} s |")
    print(f"| 503 “back in a moment” pages during the restart | {tally.friendly_503} |")
    print(f"| First success after the restart | {events['recovered_seconds_after_restart']:.1f} s later |")
    print(f"| 2xx/3xx answers while Redis was stopped | {events['answers_200_while_redis_stopped']:,} |")
    running, left = events["tasks_running_when_worker_killed"], events["tasks_left_running_by_killed_worker"]
    print(f"| Tasks running / left running when the worker was killed | {running} / {left} |")
    print(f"| Worker restarts after it stopped by itself | {worker_restarts} |")
    print(f"| Submissions accepted / stored / lost | {len(titles)} / {len(titles) - len(lost)} / {len(lost)} |")
    print(f"| E-mails received / sent twice / tasks failed | {len(mailbox.messages)} / {len(twice)} / {failed} |")
    print(f"| 5xx outside the restart's 503s | {len(other_5xx)} |")
    problems = []
    if other_5xx:
        problems.append(f"{len(other_5xx)} server errors, e.g. {other_5xx[:3]}")
    if lost:
        problems.append(f"{len(lost)} accepted submissions not stored, e.g. {lost[:3]}")
    if twice:
        killed = {row[0] for row in killed_for}
        problems.append(
            f"{len(twice)} e-mails sent more than once: {sorted(twice)}; the killed worker was sending to {killed}"
        )
    if failed:
        problems.append(f"{failed} background tasks failed")
    if events["answers_200_while_redis_stopped"] == 0:
        problems.append("nothing answered while Redis was stopped")
    print(f"\nThe server's errors, if any, are in {log}.")
    if problems:
        print("\nFAILED:\n- " + "\n- ".join(problems))
        sys.exit(1)
    print("\nAll checks passed.")


if __name__ == "__main__":
    main()
