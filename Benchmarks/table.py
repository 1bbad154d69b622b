"""Prints Benchmarks/results/latest.jsonl as the Markdown tables in Benchmarks/README.md."""
import json
import sys

rows = [json.loads(line) for line in open(sys.argv[1] if len(sys.argv) > 1 else "Benchmarks/results/latest.jsonl") if line.strip()]
print(f"Machine: {rows[0]['machine']}; run {rows[0]['date']}; Splink {rows[0]['splink']} on DuckDB.\n")
print("| data | task | records | engine | seconds | peak MiB | precision | recall | F1 | time ratio (Splink / Reunify) |")
print("|---|---|---:|---|---:|---:|---:|---:|---:|---:|")
runs = [r for r in rows[1:] if "engine" in r]
order = ["febrl1", "febrl2", "febrl3", "febrl4", "no-id-febrl1", "no-id-febrl2", "no-id-febrl3", "no-id-febrl4", "damaged", "generated"]
runs.sort(key=lambda r: order.index(r.get("data", "generated")) if r.get("data", "generated") in order else len(order))
for r in runs:
    same = lambda o: o.get("data") == r.get("data") and o["task"] == r["task"] and o["records"] == r["records"]
    other = next((o for o in runs if same(o) and o["engine"] != r["engine"]), None)
    ratio = f"{other['seconds'] / r['seconds']:.1f}×" if r["engine"] == "reunify" and other else ""
    print(f"| {r.get('data', 'generated')} | {r['task']} | {r['records']:,} | {r['engine']} | {r['seconds']} | {r['peak_mib']} | "
          f"{r['precision']} | {r['recall']} | {r['f1']} | {ratio} |")
for q in (r for r in rows if r.get("task") == "query"):
    print(f"\nOne tracing request at a time against {q['registry']:,} registered people held in memory ({q['queries']:,} requests): "
          f"index built in {q['index_seconds']} s; p50 {q['p50_ms']} ms, p95 {q['p95_ms']} ms, p99 {q['p99_ms']} ms; "
          f"the right person ranked first for {q['top1']:.1%} of the requests whose person is registered "
          f"({q['top1_above_half']:.1%} with probability ≥ 0.5); peak {q['peak_mib']} MiB.")
for c in (r for r in rows if r.get("task") == "calibration"):
    print(f"\nCalibration, {c['kind']} ({c.get('data', 'generated')}, {c.get('records', '')}): every pair scored at or above 0.01, by probability.\n")
    print("| probability | pairs | mean probability | share truly one person |")
    print("|---|---:|---:|---:|")
    for b in c["bins"]:
        print(f"| {b['from']:.1f}–{b['to']:.1f} | {b['pairs']:,} | {b['predicted']:.3f} | {b['observed']:.3f} |")
