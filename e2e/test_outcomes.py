"""The outcome figures computed again, independently, from the two CSV exports (read with Python's csv module), by
the definitions in the issue: they must agree exactly with the API's. The outcomes page shows them and the curve."""
import calendar
import csv
import datetime
import io
import urllib.request
from collections import defaultdict

import pytest
from selenium.webdriver.common.by import By

from test_accessibility import violations
from test_journey import api, sign_in, token

PERMANENT = {"reunification", "live_with_relative", "guardianship", "adoption"}
RE_ENTRY = {"reunification", "live_with_relative", "guardianship"}


def day(text):
    return datetime.date.fromisoformat(text) if text else None


def anniversary(d, years=1):
    year = d.year + years
    return datetime.date(year, d.month, min(d.day, calendar.monthrange(year, d.month)[1]))


def export(base_url, bearer, name):
    request = urllib.request.Request(f"{base_url}/api/v1/exports/{name}", headers={"Authorization": "Bearer " + bearer})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Type"].startswith("text/csv")
        return list(csv.DictReader(io.StringIO(response.read().decode("utf-8"), newline="")))


def figures(episodes, placements, start, end, as_of):
    by_episode = defaultdict(list)
    for i, p in enumerate(placements):  # rows come in the order recorded within a start date
        by_episode[p["episode_id"]].append((day(p["start_date"]), i, p))
    removals = defaultdict(list)
    for e in episodes:
        removals[e["child_id"]].append(day(e["removal_date"]))
    first = {}
    for e in episodes:
        removed = day(e["removal_date"])
        if start <= removed <= end and (e["child_id"] not in first or removed < day(first[e["child_id"]]["removal_date"])):
            first[e["child_id"]] = e
    cohort = []
    for e in first.values():
        removed, left, born = day(e["removal_date"]), day(e["discharge_date"]), day(e["birth_date"])
        if left and (left - removed).days <= 7:
            continue
        if born and anniversary(born, 18) <= removed:
            continue
        cohort.append(e)

    def ordered(e):
        return [p for _, _, p in sorted(by_episode[e["episode_id"]], key=lambda t: (t[0], t[1]))]

    def adjusted(e):
        left = day(e["discharge_date"])
        places = ordered(e)
        if left and places:
            last = places[-1]
            if last["setting"] == "placed_at_home" and (not last["end_date"] or day(last["end_date"]) == left):
                days = (left - day(last["start_date"])).days
                if days > 30:
                    return left - datetime.timedelta(days=days - 30)
        return left

    def permanent(e, exits):
        left = adjusted(e)
        if not left or e["discharge_reason"] not in exits or left >= anniversary(day(e["removal_date"])):
            return False
        born = day(e["birth_date"])
        return not (born and left >= anniversary(born, 18))

    p1 = [e for e in cohort if permanent(e, PERMANENT)]
    p4_base = [e for e in cohort if permanent(e, RE_ENTRY)]
    p4 = [e for e in p4_base
          if any(day(e["discharge_date"]) < r < anniversary(day(e["discharge_date"])) for r in removals[e["child_id"]])]
    moves = days = 0
    for e in cohort:
        last = min(day(e["discharge_date"]) or end, end)
        days += max(0, (last - day(e["removal_date"])).days)
        moves += sum(1 for p in ordered(e)[1:] if day(p["start_date"]) <= last and p["setting"] not in ("placed_at_home", "runaway"))

    times = []
    for e in cohort:
        left = day(e["discharge_date"])
        times.append(((left or as_of) - day(e["removal_date"])).days if left else (as_of - day(e["removal_date"])).days)
    events = [bool(e["discharge_date"]) and e["discharge_reason"] == "reunification" for e in cohort]
    at_risk, survival, curve = len(times), 1.0, [(0, 1.0)]
    for t in sorted(set(times)):
        here = [ev for tt, ev in zip(times, events) if tt == t]
        if any(here):
            survival *= 1 - sum(here) / at_risk
            curve.append((t, survival))
        at_risk -= len(here)
    median = next((t for t, s in curve if s <= 0.5), None)
    by_year = 1 - [s for t, s in curve if t <= 365][-1]
    return {"p1": (len(p1), len(cohort)), "p4": (len(p4), len(p4_base)), "p5": (moves, days), "median": median, "by12": by_year}


@pytest.mark.parametrize("start,end", [("2024-12-01", "2025-11-30"), ("2025-06-01", "2026-05-31")])
def test_figures_from_the_exports_agree_with_the_api(base_url, start, end):
    bearer = token(base_url, "supervisor@demo.reunify.test")
    answer = api(base_url, f"/api/v1/outcomes?start={start}&end={end}", bearer)
    episodes, placements = export(base_url, bearer, "episodes.csv"), export(base_url, bearer, "placements.csv")
    mine = figures(episodes, placements, day(start), day(end), day(answer["asOf"]))
    assert (answer["p1"]["numerator"], answer["p1"]["denominator"]) == mine["p1"]
    assert (answer["p4"]["numerator"], answer["p4"]["denominator"]) == mine["p4"]
    assert (answer["p5"]["moves"], answer["p5"]["days"]) == mine["p5"]
    assert answer["timeToReunification"]["medianDays"] == mine["median"]
    assert abs(answer["timeToReunification"]["reunifiedBy12Months"] - mine["by12"]) < 1e-9
    assert mine["p1"][1] > 0, "the demo agency has an entry cohort in the period"


def test_exports_and_figures_are_for_supervisors_and_administrators(base_url):
    for email, status in (("caseworker@demo.reunify.test", 403), ("parent@demo.reunify.test", 403)):
        request = urllib.request.Request(f"{base_url}/api/v1/exports/episodes.csv", headers={"Authorization": "Bearer " + token(base_url, email)})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request)
        assert refused.value.code == status
    admin = export(base_url, token(base_url, "admin@demo.reunify.test"), "episodes.csv")
    unit = export(base_url, token(base_url, "supervisor@demo.reunify.test"), "episodes.csv")
    assert len(admin) >= len(unit) > 0


def test_the_outcomes_page_shows_the_figures_and_the_curve(browser, base_url):
    sign_in(browser, base_url, "supervisor@demo.reunify.test")
    browser.find_element(By.LINK_TEXT, "Outcomes").click()
    table = browser.find_element(By.ID, "outcomes").text
    assert "Permanency in 12 months (P1)" in table and "Re-entry in 12 months (P4)" in table and "Placement stability (P5)" in table
    assert browser.find_element(By.CSS_SELECTOR, "svg#km-curve path").get_attribute("d").startswith("M")
    assert violations(browser) == []
    browser.find_element(By.CSS_SELECTOR, "#p1 td a").click()
    assert "Permanent within 12 months" in browser.find_element(By.TAG_NAME, "h1").text
    assert violations(browser) == []
