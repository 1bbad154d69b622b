"""Runs Splink (its in-process DuckDB engine) on the same generated files as match-bench, and prints one JSON line
with precision, recall, F1, seconds and peak memory, in match-bench's format.

Usage: python3 splink_bench.py dedupe DIR   |   python3 splink_bench.py link DIR

A folder whose files have a postcode column (FEBRL, written by febrl.py) is compared on names, birth date, house
number, street, locality, postcode, region and identifier, with term-frequency adjustments where values repeat.
"""
import json
import resource
import sys
import time

import pandas as pd
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on


ADDRESS_COLUMNS = ["street_number", "address", "address_2", "locality", "postcode", "region", "identifier"]


def is_address_set(path):
    """Whether a file is a registry with addresses (FEBRL and the like) rather than the generator's children."""
    return "postcode" in pd.read_csv(path, dtype=str, nrows=1).columns


def load_address_set(path):
    df = pd.read_csv(path, dtype=str, keep_default_na=False).replace({"": None})
    df = df.rename(columns={"id": "unique_id"})
    # Splink's date comparison wants YYYY-MM-DD; a value that is no date is left out, as Reunify leaves it out.
    dates = pd.to_datetime(df["birth_date"], format="%Y%m%d", errors="coerce")
    df["birth_date"] = dates.dt.strftime("%Y-%m-%d").where(dates.notna(), None)
    for column in ["given_name", "family_name", "address", "address_2", "locality", "region"]:
        if column in df:
            df[column] = df[column].str.lower()
    columns = ["unique_id", "given_name", "family_name", "birth_date"] + [c for c in ADDRESS_COLUMNS if c in df]
    return df[columns]


def address_settings(link_type, columns):
    comparisons = [
        cl.NameComparison("given_name"),
        cl.NameComparison("family_name"),
        cl.DateOfBirthComparison("birth_date", input_is_string=True),
        cl.LevenshteinAtThresholds("street_number", [1]),
        cl.JaroWinklerAtThresholds("address", [0.9]).configure(term_frequency_adjustments=True),
        cl.JaroWinklerAtThresholds("locality", [0.9]).configure(term_frequency_adjustments=True),
        cl.LevenshteinAtThresholds("postcode", [1, 2]).configure(term_frequency_adjustments=True),
        cl.ExactMatch("region"),
    ]
    blocking = [block_on("given_name", "family_name"), block_on("birth_date"), block_on("postcode", "street_number"),
                block_on("address", "street_number"), block_on("family_name", "postcode")]
    if "address_2" in columns:
        comparisons.append(cl.JaroWinklerAtThresholds("address_2", [0.9]))
    if "identifier" in columns:
        comparisons.append(cl.LevenshteinAtThresholds("identifier", [1]))
        blocking.append(block_on("identifier"))
    return SettingsCreator(link_type=link_type, comparisons=comparisons, blocking_rules_to_generate_predictions=blocking)


def load(path):
    if is_address_set(path):
        return load_address_set(path)
    df = pd.read_csv(path, dtype=str, keep_default_na=False).replace({"": None})
    df = df.rename(columns={"id": "unique_id"})
    # Splink's date comparison wants full dates; a year alone or an age becomes a birth year only.
    full = df["birth_date"].where(df["birth_date"].str.len() == 10)
    year = df["birth_date"].str.slice(0, 4)
    from_age = df["age"].map(lambda a: str(2026 - int(a)) if a else None)
    df["birth_year"] = year.where(year.notna(), from_age)
    df["birth_date"] = full
    for column in ["given_name", "family_name", "mother_name", "place_of_origin"]:
        df[column] = df[column].str.lower()
    return df[["unique_id", "given_name", "family_name", "sex", "birth_date", "birth_year", "place_of_origin", "mother_name"]]


def settings(link_type):
    return SettingsCreator(
        link_type=link_type,
        comparisons=[
            cl.NameComparison("given_name"),
            cl.NameComparison("family_name"),
            cl.DateOfBirthComparison("birth_date", input_is_string=True),
            cl.ExactMatch("birth_year"),
            cl.ExactMatch("sex"),
            cl.JaroWinklerAtThresholds("place_of_origin", [0.88]),
            cl.JaroWinklerAtThresholds("mother_name", [0.9]),
        ],
        # Blocks on given name with birth year, or on birth date alone, are too large at a million children born
        # within 17 years (over 13 GiB and still running after 10 minutes on this machine); so the date is paired
        # with the family name's first letter.
        blocking_rules_to_generate_predictions=[
            block_on("family_name", "birth_year"),
            block_on("given_name", "family_name"),
            block_on("birth_date", "substr(family_name, 1, 1)"),
        ],
    )


def run(kind, folder):
    truth = pd.read_csv(folder + "/truth.csv", dtype={"id": str, "person": int}).set_index("id")["person"].to_dict()
    if kind == "dedupe":
        frames = [load(folder + "/people.csv")]
        link_type = "dedupe_only"
        groups = pd.Series([truth[i] for i in frames[0]["unique_id"]]).value_counts()
        true_pairs = int((groups * (groups - 1) // 2).sum())
    else:
        frames = [load(folder + "/left.csv"), load(folder + "/right.csv")]
        link_type = "link_only"
        registered = {truth[i] for i in frames[1]["unique_id"]}
        true_pairs = sum(1 for i in frames[0]["unique_id"] if truth[i] in registered)
    records = sum(len(f) for f in frames)

    start = time.time()
    db = DuckDBAPI()
    tables = [db.register(f, dataset_display_name=f"input_{i}") for i, f in enumerate(frames)]
    addresses = "postcode" in frames[0].columns
    chosen = address_settings(link_type, frames[0].columns) if addresses else settings(link_type)
    linker = Linker(tables if len(tables) > 1 else tables[0], chosen, log_level=30)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_name", "family_name", "birth_date")], recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6)
    if addresses:
        linker.training.estimate_parameters_using_expectation_maximisation(block_on("birth_date"))
        linker.training.estimate_parameters_using_expectation_maximisation(block_on("given_name", "family_name"))
    else:
        linker.training.estimate_parameters_using_expectation_maximisation(block_on("birth_date", "substr(family_name, 1, 1)"))
        linker.training.estimate_parameters_using_expectation_maximisation(block_on("given_name", "family_name"))
    predictions = linker.inference.predict(threshold_match_probability=0.5).as_pandas_dataframe()
    seconds = time.time() - start

    correct = sum(1 for a, b in zip(predictions["unique_id_l"], predictions["unique_id_r"]) if truth[a] == truth[b])
    precision = correct / max(1, len(predictions))
    recall = correct / max(1, true_pairs)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"engine": "splink", "task": kind, "records": records, "seconds": round(seconds, 2),
                      "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                      "pairs": len(predictions), "peak_mib": round(peak)}))


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2])
