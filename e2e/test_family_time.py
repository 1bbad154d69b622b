"""Family time in a browser: a caseworker plans supervised visits and schedules one, a clashing one is refused with the
clash named, the supervisor records a visit that has happened and the next review counts it, a step up without a
fresh safety assessment is refused and with one waits for the supervisor's approval, and the worker's and the
family's calendar links open in a standard iCalendar parser."""
import datetime
import json
import urllib.request
from zoneinfo import ZoneInfo

import icalendar
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from test_journey import api, sign_in, sign_out, submit, token, wait_for_url

ZONE = ZoneInfo("America/Los_Angeles")


def post(base_url, path, bearer, body):
    request = urllib.request.Request(base_url + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + bearer})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def case_without_visit_plans(base_url, bearer):
    """A case of caseworker@ with a child and a parent and no visit plan yet, not in the placement walk's stage."""
    for case in api(base_url, "/api/v1/cases?per=100&stage=family_time", bearer)["items"] + \
            api(base_url, "/api/v1/cases?per=100&stage=planning", bearer)["items"]:
        if api(base_url, f"/api/v1/cases/{case['id']}/visit-plans", bearer):
            continue
        members = api(base_url, f"/api/v1/cases/{case['id']}/members", bearer)
        child = next((m for m in members if m["role"] == "child"), None)
        parent = next((m for m in members if m["role"] == "parent"), None)
        if child and parent:
            return case, child, parent
    raise AssertionError("no case of caseworker@ without visit plans")


def name(member):
    return f"{member['person']['givenName']} {member['person']['familyName']}"


def fill_date(browser, field, day):
    for part, value in (("day", day.day), ("month", day.month), ("year", day.year)):
        box = browser.find_element(By.ID, f"{field}-{part}")
        box.clear()
        box.send_keys(str(value))


def test_visits_planned_clash_refused_and_a_step_up_approved(browser, base_url):
    bearer = token(base_url, "caseworker@demo.reunify.test")
    case, child, parent = case_without_visit_plans(base_url, bearer)
    sign_in(browser, base_url, "caseworker@demo.reunify.test")
    browser.get(f"{base_url}/cases/{case['id']}")
    browser.find_element(By.LINK_TEXT, "Make a visit plan").click()
    wait_for_url(browser, EC.url_contains("/visit-plans/new"))
    Select(browser.find_element(By.ID, "childId")).select_by_visible_text(name(child))
    browser.find_element(By.ID, f"participant-{parent['person']['id'].lower()}").click()
    Select(browser.find_element(By.ID, "level")).select_by_value("supervised")
    browser.find_element(By.ID, "frequency").send_keys("twice a week")
    browser.find_element(By.ID, "location").send_keys("Family Center, room 4")
    Select(browser.find_element(By.ID, "supervisorId")).select_by_visible_text("Grace Okafor (supervisor)")
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save the plan']"))
    assert "Family time" in browser.find_element(By.TAG_NAME, "h1").text
    plan_url = browser.current_url
    assert browser.find_element(By.ID, "plan-level").text == "Supervised"

    # Schedule a visit the day after tomorrow in the morning, then one that overlaps it.
    day = (datetime.datetime.now(ZONE) + datetime.timedelta(days=2)).date()
    fill_date(browser, "date", day)
    for field, value in (("start-time", "09:00"), ("end-time", "10:00")):
        browser.find_element(By.ID, field).clear()
        browser.find_element(By.ID, field).send_keys(value)
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Schedule']"))
    assert day.isoformat() + " 09:00–10:00" in browser.find_element(By.ID, "visits").text
    fill_date(browser, "date", day)
    for field, value in (("start-time", "09:30"), ("end-time", "10:30")):
        browser.find_element(By.ID, field).clear()
        browser.find_element(By.ID, field).send_keys(value)
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Schedule']"))
    summary = browser.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert name(parent) in summary and "visit 09:00–10:00 that day" in summary, summary
    assert browser.find_element(By.ID, "visits").text.count(day.isoformat()) == 1

    # A step up with no fresh safety assessment is refused, naming it.
    Select(browser.find_element(By.ID, "to")).select_by_value("unsupervised_day")
    browser.find_element(By.ID, "reason").send_keys("Strong supervised visits")
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Ask for the change']"))
    assert "safety assessment" in browser.find_element(By.CSS_SELECTOR, ".error-summary").text
    browser.find_element(By.LINK_TEXT, "Record a safety assessment").click()
    wait_for_url(browser, EC.url_contains("/safety-assessments/new"))
    Select(browser.find_element(By.ID, "decision")).select_by_value("safe")
    browser.find_element(By.ID, "protectiveCapacities").send_keys("Mother has support from her sister")
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save the assessment']"))
    browser.get(plan_url)
    Select(browser.find_element(By.ID, "to")).select_by_value("unsupervised_day")
    browser.find_element(By.ID, "reason").send_keys("Strong supervised visits; the home is safe")
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Ask for the change']"))
    assert "Waiting for a supervisor" in browser.find_element(By.ID, "level-changes").text
    assert not browser.find_elements(By.XPATH, "//button[normalize-space()='Approve the step up']")

    # The worker's calendar link and the family's, read by a standard iCalendar parser.
    browser.get(base_url + "/calendar")
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Make my calendar link']"))
    worker_feed = browser.find_element(By.ID, "feed-url").text
    browser.get(f"{base_url}/cases/{case['id']}")
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()=\"Make the family's calendar link\"]"))
    family_feed = browser.find_element(By.CSS_SELECTOR, "#family-link code").text
    start = datetime.datetime.combine(day, datetime.time(9, 0), ZONE)
    for feed in (worker_feed, family_feed):
        with urllib.request.urlopen(feed) as response:
            assert response.headers["Content-Type"].startswith("text/calendar")
            calendar = icalendar.Calendar.from_ical(response.read())
        events = [e for e in calendar.walk("VEVENT")]
        starts = [e.decoded("DTSTART") for e in events]
        assert start in starts, f"{feed}: {starts}"
        summaries = " ".join(str(e.get("SUMMARY")) for e in events)
        assert name(child) not in summaries and child["person"]["givenName"] in summaries

    # The supervisor approves the step up.
    sign_out(browser)
    sign_in(browser, base_url, "supervisor@demo.reunify.test")
    browser.get(plan_url)
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Approve the step up']"))
    assert browser.find_element(By.ID, "plan-level").text == "Unsupervised (day)"


def test_the_supervisor_records_a_visit_and_the_next_review_counts_it(browser, base_url):
    bearer = token(base_url, "caseworker@demo.reunify.test")
    now = datetime.datetime.now(datetime.timezone.utc)
    found = None
    for case in api(base_url, "/api/v1/cases?per=100", bearer)["items"]:
        for visit in api(base_url, f"/api/v1/cases/{case['id']}/visits", bearer):
            if visit["status"] == "scheduled" and datetime.datetime.fromisoformat(visit["start"]) < now:
                found = (case, visit)
                break
        if found:
            break
    assert found, "the demo has no visit still to record"
    case, visit = found
    sign_in(browser, base_url, "supervisor@demo.reunify.test")
    browser.get(f"{base_url}/cases/{case['id']}/visit-plans/{visit['planId'].lower()}")
    browser.find_element(By.CSS_SELECTOR, f"#visits a[href*='{visit['id'].lower()}']").click()
    wait_for_url(browser, EC.url_contains("/record"))
    Select(browser.find_element(By.ID, "quality")).select_by_value("strong")
    browser.find_element(By.ID, "wentWell").send_keys("Cooked lunch together; calm goodbye")
    browser.find_element(By.ID, "childReaction").send_keys("Relaxed, hugged the parent")
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save the record']"))
    assert "Took place: strong" in browser.find_element(By.ID, "visits").text
    assert not browser.find_elements(By.XPATH, f"//a[contains(@href, '{visit['id'].lower()}') and normalize-space()='Record']")

    review = post(base_url, f"/api/v1/cases/{case['id']}/reunification-reviews", bearer, {
        "childId": visit["childId"],
        "risk": {"initialRiskLevel": "moderate", "newSubstantiatedReport": False, "caregiverProgress": "most"},
        "visitation": {"scheduled": 0, "attended": 0, "quality": "harmful"},
        "safety": {"decision": "safe"},
        "rationale": "Visits are going well; continue as planned",
    })
    assert review["visitation"]["source"] == "recorded_visits", review
    assert review["visitation"]["attended"] >= 1
    browser.get(f"{base_url}/cases/{case['id']}/reviews/{review['id'].lower()}")
    assert "computed from the visits recorded in the period" in browser.find_element(By.ID, "review-visitation").text
