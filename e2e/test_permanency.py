"""The court and permanency walk: a permanency hearing recorded moves the next one; the court report prints from the
records; the team's decision with everyone's position, approved by the supervisor, changes the goal; the overdue
list shows what is late in the unit."""
import calendar
import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from test_accessibility import violations
from test_journey import api, sign_in, sign_out, submit, token, wait_for_url


def add_months(day, months):
    """The same day `months` later, or the month's last day where it has fewer (the rule the clock uses)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def kinship_case(base_url, bearer):
    """The caseworker's family whose daughter lives with her aunt (built for the permanency clock)."""
    for case in api(base_url, "/api/v1/cases?per=100", bearer)["items"]:
        if case["familyName"] == "Whitcombe":
            return case
    raise AssertionError("the demo's kinship family is missing")


def fill_date(browser, name, day):
    for part, value in (("day", day.day), ("month", day.month), ("year", day.year)):
        box = browser.find_element(By.ID, f"{name}-{part}")
        box.clear()
        box.send_keys(str(value))


def permanency_items(base_url, bearer, case_id):
    return [i for i in api(base_url, f"/api/v1/cases/{case_id}/timeline", bearer)["items"] if i["kind"] == "permanency_hearing"]


def test_hearing_report_and_the_teams_decision(browser, base_url):
    bearer = token(base_url, "caseworker@demo.reunify.test")
    case = kinship_case(base_url, bearer)
    case_url = f"{base_url}/cases/{case['id']}"
    today = datetime.date.today()
    before = [i for i in permanency_items(base_url, bearer, case["id"]) if i["status"] != "done"]
    assert before and before[0]["due"] != add_months(today, 12).isoformat()

    # The caseworker records today's permanency hearing on its form.
    sign_in(browser, base_url, "caseworker@demo.reunify.test")
    browser.get(case_url)
    browser.find_element(By.LINK_TEXT, "Record a hearing").click()
    wait_for_url(browser, EC.url_contains("/hearings/new"))
    for box in browser.find_elements(By.CSS_SELECTOR, "input[name=childIds]"):
        if not box.is_selected():
            box.click()
    Select(browser.find_element(By.ID, "kind")).select_by_value("permanency")
    fill_date(browser, "date", today)
    browser.find_element(By.ID, "court").send_keys("Judge Alvarez, Dept. 4")
    browser.find_element(By.ID, "attended").send_keys("Renee Whitcombe (mother)\nColleen Marsh (aunt)\nAlex Rivera (caseworker)")
    Select(browser.find_element(By.ID, "reasonableEfforts")).select_by_value("made")
    browser.find_element(By.ID, "findings").send_keys("Efforts to finalise the permanency plan were made")
    browser.find_element(By.ID, "orders").send_keys("Continue reunification\nUnsupervised overnight visits")
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save the hearing']"))
    assert "/cases/" in browser.current_url and "Whitcombe family" in browser.find_element(By.TAG_NAME, "h1").text

    # The next permanency hearing is due 12 months after today's, on the page and in the API.
    next_due = add_months(today, 12).isoformat()
    deadlines = browser.find_element(By.CSS_SELECTOR, "#permanency").text
    assert f"Permanency hearing" in deadlines and next_due in deadlines, deadlines
    after = permanency_items(base_url, bearer, case["id"])
    assert any(i["due"] == next_due and i["status"] == "upcoming" for i in after), after
    assert any(i["status"] == "done" for i in after), after

    # The court report for it: built from the records, one printable document.
    row = browser.find_element(By.XPATH, f"//table[@id='hearings']//tr[td[1][normalize-space()='{today.isoformat()}']]")
    row.find_element(By.PARTIAL_LINK_TEXT, "Court report").click()
    wait_for_url(browser, EC.url_contains("/report"))
    report = browser.find_element(By.CSS_SELECTOR, "article.court-report").text
    for part in ("The family", "Maisie Whitcombe", "The case plan", "The team's recommendation", "Continue working towards reunification",
                 "Sam Ortiz", "This hearing", "Judge Alvarez", "Due dates", next_due):
        assert part in report, f"{part!r} missing from the court report"
    media = browser.execute_script(
        "return [...document.styleSheets].some(s => [...s.cssRules].some(r => r.media && r.media.mediaText === 'print'))")
    assert media, "the report has a print stylesheet"
    assert violations(browser) == []

    # The team's decision: everyone's position, a change of goal to guardianship.
    browser.get(case_url)
    browser.find_element(By.LINK_TEXT, "Record the team's decision").click()
    wait_for_url(browser, EC.url_contains("/decisions/new"))
    people = [("Alex Rivera", "caseworker", "Guardianship with the aunt", "Eighteen months in care; the mother relapsed in October"),
              ("Renee Whitcombe", "parent", "Continue reunification", "She is back in treatment"),
              ("Colleen Marsh", "relative", "Guardianship, keeping visits with her mother", "Maisie asks to stay")]
    for i, (who, role, position, reason) in enumerate(people):
        name = browser.find_element(By.ID, f"participants.{i}.name")
        name.clear()
        name.send_keys(who)
        Select(browser.find_element(By.ID, f"participants.{i}.role")).select_by_value(role)
        browser.find_element(By.ID, f"participants.{i}.position").send_keys(position)
        browser.find_element(By.ID, f"participants.{i}.reason").send_keys(reason)
    Select(browser.find_element(By.ID, "decision")).select_by_value("change_permanency_goal")
    browser.find_element(By.ID, "rationale").send_keys("Permanence with the aunt, who has cared for Maisie since removal")
    Select(browser.find_element(By.ID, "newGoal")).select_by_value("guardianship")
    fill_date(browser, "familyInformed.date", today)
    browser.find_element(By.ID, "familyInformed.how").send_keys("In person")
    browser.find_element(By.ID, "familyInformed.language").send_keys("English")
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save the decision']"))
    decisions = browser.find_element(By.ID, "decisions").text
    assert "Change the permanency goal" in decisions and "awaiting the supervisor's approval" in decisions, decisions
    assert "Colleen Marsh" in decisions and "Guardianship, keeping visits with her mother" in decisions
    assert not browser.find_elements(By.XPATH, "//button[starts-with(normalize-space(), 'Approve the decision')]")

    # The supervisor approves it; the goal changes.
    sign_out(browser)
    sign_in(browser, base_url, "supervisor@demo.reunify.test")
    browser.get(case_url)
    submit(browser, browser.find_element(By.XPATH, f"//button[normalize-space()='Approve the decision of {today.isoformat()}']"))
    assert "approved by Grace Okafor" in browser.find_element(By.ID, "decisions").text
    goals = api(base_url, f"/api/v1/cases/{case['id']}/goals", bearer)
    assert goals and goals[0]["primary"] == "guardianship", goals

    # The overdue list of the unit names the late permanency hearing and the re-entry.
    browser.get(base_url + "/overdue")
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Permanency hearing" in page and "Re-entries" in page and "Okafor-Price" in page, page
    assert violations(browser) == []
