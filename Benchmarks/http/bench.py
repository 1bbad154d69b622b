#!/usr/bin/env python3
"""Drives a running Reunify server with wrk: signs in as one user (a browser session for the pages, a bearer token
for the API), then measures the four reads of the issue at a fixed number of connections, each in rounds that
alternate with /health (this machine's speed drifts by a fifth or more within minutes, so a read is compared with the
/health measured just before it), and writes one JSON line per endpoint: the read's figures from its median round,
/health's median, and the median of the rounds' shares. Usage:
  bench.py --url http://127.0.0.1:8090 --user caseworker.1.1@state.reunify.test --label sqlite --out results.jsonl
"""
import argparse, datetime, html.parser, json, os, subprocess, sys, urllib.parse
import requests

PASSWORD = "reunify-demo"
HERE = os.path.dirname(os.path.abspath(__file__))


class HiddenInputs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("type") == "hidden" and a.get("name"):
            self.fields[a["name"]] = a.get("value", "")


def browser_session(url, user):
    s = requests.Session()
    page = s.get(f"{url}/sign-in")
    page.raise_for_status()
    parser = HiddenInputs()
    parser.feed(page.text)
    form = dict(parser.fields, email=user, password=PASSWORD)
    r = s.post(f"{url}/sign-in", data=form, allow_redirects=False)
    if r.status_code not in (302, 303):
        sys.exit(f"sign-in as {user} failed: {r.status_code}")
    return "; ".join(f"{c.name}={c.value}" for c in s.cookies if c.name == "reunify_session")


def api_token(url, user):
    r = requests.post(f"{url}/api/v1/auth/token", json={"email": user, "password": PASSWORD})
    r.raise_for_status()
    return r.json()["token"]


def wrk(target, header, connections, seconds, threads):
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
           "-s", os.path.join(HERE, "report.lua")]
    if header:
        cmd += ["-H", header]
    out = subprocess.run(cmd + [target], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def append_lines(out, lines):
    """Adds the run's JSON lines to a results file (none when no file is named)."""
    if out:
        with open(out, "a") as f:
            for line in lines:
                f.write(json.dumps(line) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--user", default="caseworker.1.1@state.reunify.test")
    ap.add_argument("--label", required=True)
    ap.add_argument("--families", type=int, default=0)
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out")
    args = ap.parse_args()
    url = args.url.rstrip("/")

    cookie = "Cookie: " + browser_session(url, args.user)
    token = api_token(url, args.user)
    bearer = f"Authorization: Bearer {token}"
    cases = requests.get(f"{url}/api/v1/cases?per=100", headers={"Authorization": f"Bearer {token}"}).json()
    if not cases["items"]:
        sys.exit(f"{args.user} has no cases")
    case = cases["items"][len(cases["items"]) // 2]
    name = case["familyName"]
    targets = [
        ("health", f"{url}/health", None),
        ("caseload page", f"{url}/cases", cookie),
        ("case page", f"{url}/cases/{case['id']}", cookie),
        ("API case list", f"{url}/api/v1/cases", bearer),
        ("people search", f"{url}/search?q={urllib.parse.quote(name[:4])}", cookie),
    ]
    # Every target must answer 200 before it is measured.
    for label, target, header in targets:
        h = dict([header.split(": ", 1)]) if header else {}
        r = requests.get(target, headers=h, allow_redirects=False)
        if r.status_code != 200:
            sys.exit(f"{label} {target} answered {r.status_code}")
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    lines = []
    health_label, health_target, _ = targets[0]
    seconds = max(1, args.seconds // args.rounds)
    for label, target, header in targets[1:]:
        rounds = []
        for _ in range(args.rounds):
            health = wrk(health_target, None, args.connections, seconds, args.threads)
            read = wrk(target, header, args.connections, seconds, args.threads)
            rounds.append((read, health))
        rounds.sort(key=lambda r: r[0]["rps"])
        result = dict(rounds[len(rounds) // 2][0])
        healths = sorted(h["rps"] for _, h in rounds)
        shares = sorted(r["rps"] / h["rps"] for r, h in rounds)
        result.update(database=args.label, families=args.families, endpoint=label, user=args.user,
                      connections=args.connections, cases_in_scope=cases["total"], run=when, cores=os.cpu_count(),
                      rounds=args.rounds, seconds_per_round=seconds, health_rps=healths[len(healths) // 2],
                      share_of_health=round(shares[len(shares) // 2], 3),
                      p95_ms_rounds=[r["p95_ms"] for r, _ in rounds], rps_rounds=[r["rps"] for r, _ in rounds])
        print(json.dumps(result), flush=True)
        lines.append(result)
    append_lines(args.out, lines)


if __name__ == "__main__":
    main()
