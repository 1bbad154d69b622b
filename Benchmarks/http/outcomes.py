#!/usr/bin/env python3
"""Times GET /api/v1/outcomes against a running Reunify server holding a state agency: for the agency (as the
administrator) and for one unit (as its supervisor), over the default period (the 12 months that ended a year ago),
`--repeats` times each after one untimed request. Counts the episodes and placements the database holds and how many
episodes the period's figures read. Writes one JSON line per request kind. Usage:
  outcomes.py --url http://127.0.0.1:8090 --database sqlite:///tmp/x/state.sqlite --label sqlite --out results.jsonl
"""
import argparse, datetime, json, os, statistics, subprocess, time
import requests
from bench import api_token, append_lines


def scalar(database, query):
    """One number from the database, with its own client (the server is not asked)."""
    if database.startswith("sqlite"):
        import sqlite3
        path = database.split("://", 1)[1]
        with sqlite3.connect(path) as db:
            return db.execute(query).fetchone()[0]
    out = subprocess.run(["psql", database, "-tAc", query], capture_output=True, text=True, check=True).stdout
    return int(out.strip())


def add_months(day, months):
    total = day.year * 12 + day.month - 1 + months
    y, m = divmod(total, 12)
    m += 1
    last = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return datetime.date(y, m, min(day.day, last))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--database", required=True)
    ap.add_argument("--label", required=True)
    ap.add_argument("--families", type=int, default=0)
    ap.add_argument("--years", type=int, default=3)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--out")
    args = ap.parse_args()
    url = args.url.rstrip("/")
    today = datetime.datetime.now(datetime.timezone.utc).date()
    end = add_months(today, -12)
    start = add_months(end, -12) + datetime.timedelta(days=1)
    episodes = scalar(args.database, "SELECT count(*) FROM removal_episodes")
    placements = scalar(args.database, "SELECT count(*) FROM placements")
    period_children = ("SELECT child_id FROM removal_episodes "
                       f"WHERE removal_date BETWEEN '{start.isoformat()}' AND '{end.isoformat()}'")
    read = scalar(args.database, "SELECT count(*) FROM removal_episodes "
                  f"WHERE removal_date >= '{start.isoformat()}' AND child_id IN ({period_children})")
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    lines = []
    for who, user, unit in [("agency", "admin@demo.reunify.test", None),
                            ("one unit", "supervisor.1@state.reunify.test", "Region 001")]:
        headers = {"Authorization": f"Bearer {api_token(url, user)}"}
        target = f"{url}/api/v1/outcomes?start={start.isoformat()}&end={end.isoformat()}"
        if unit:
            target += "&unit=" + requests.utils.quote(unit)
        first = requests.get(target, headers=headers, timeout=600)
        first.raise_for_status()
        figures = first.json()
        seconds = []
        for _ in range(args.repeats):
            began = time.perf_counter()
            r = requests.get(target, headers=headers, timeout=600)
            seconds.append(time.perf_counter() - began)
            r.raise_for_status()
            if r.json() != figures:
                raise SystemExit("the figures changed between two requests")
        line = dict(database=args.label, families=args.families, years=args.years, scope=who,
                    episodes_held=episodes, placements_held=placements, episodes_read_by_period=read if who == "agency" else None,
                    period=[start.isoformat(), end.isoformat()], cohort=figures["p1"]["denominator"],
                    seconds_min=round(min(seconds), 3), seconds_median=round(statistics.median(seconds), 3),
                    seconds_max=round(max(seconds), 3), repeats=args.repeats, run=when, cores=os.cpu_count(),
                    p1=figures["p1"], p4=figures["p4"], p5=figures["p5"])
        print(json.dumps(line), flush=True)
        lines.append(line)
    append_lines(args.out, lines)


if __name__ == "__main__":
    main()
