"""The plan and services walk: a plan made with the family and approved, a referral refused for the parent who lives
in another state and made for the one who is eligible, and the provider answering it from its inbox."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from test_journey import api, sign_in, sign_out, submit, token, wait_for_url


def split_family(base_url, bearer):
    """A caseworker's case with a parent in California and a non-resident father in Nevada."""
    for case in api(base_url, "/api/v1/cases?per=100", bearer)["items"]:
        members = api(base_url, f"/api/v1/cases/{case['id']}/members", bearer)
        region = lambda m: ((m["person"].get("address") or {}).get("region"))
        mother = next((m for m in members if m["role"] == "parent" and region(m) == "CA"), None)
        father = next((m for m in members if m["role"] == "non_resident_father" and region(m) == "NV"), None)
        if mother and father:
            return case, mother, father, members
    raise AssertionError("no case of caseworker@ with a parent in California and a father in Nevada")


def name(member):
    return f"{member['person']['givenName']} {member['person']['familyName']}"


def test_plan_agreed_approved_and_a_referral_answered(browser, base_url):
    bearer = token(base_url, "caseworker@demo.reunify.test")
    case, mother, father, members = split_family(base_url, bearer)
    sign_in(browser, base_url, "caseworker@demo.reunify.test")
    browser.get(f"{base_url}/cases/{case['id']}")
    browser.find_element(By.LINK_TEXT, "Draft a plan").click()
    wait_for_url(browser, EC.url_contains("/plans/new"))
    browser.find_element(By.ID, "g0.statement").clear()
    browser.find_element(By.ID, "g0.statement").send_keys("The children live safely at home")
    browser.find_element(By.ID, "g0.o0.statement").send_keys("Calm, consistent discipline")
    browser.find_element(By.ID, "g0.o0.measure").send_keys("Seen at 4 of 5 visits")
    for part, value in (("day", "31"), ("month", "1"), ("year", "2099")):
        browser.find_element(By.ID, f"g0.o0.targetDate-{part}").send_keys(value)
    Select(browser.find_element(By.ID, "g0.o0.category")).select_by_value("parenting_education")
    for slot in ("g1", "g2"):
        browser.find_element(By.ID, f"{slot}.statement").clear()
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save the draft']"))
    assert "Case plan" in browser.find_element(By.TAG_NAME, "h1").text
    plan_url = browser.current_url
    agreeing = [m for m in members if m["role"] in ("parent", "non_resident_father", "caregiver")]
    for m in agreeing:
        Select(browser.find_element(By.ID, "personId")).select_by_visible_text(name(m))
        Select(browser.find_element(By.ID, "agreed")).select_by_value("yes")
        Select(browser.find_element(By.ID, "language")).select_by_value("es")
        submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Record the answer']"))
    assert "Agreed with the family" in browser.find_element(By.TAG_NAME, "h1").text

    sign_out(browser)
    sign_in(browser, base_url, "supervisor@demo.reunify.test")
    browser.get(plan_url)
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Approve the plan']"))
    assert "Active" in browser.find_element(By.TAG_NAME, "h1").text

    sign_out(browser)
    sign_in(browser, base_url, "caseworker@demo.reunify.test")
    browser.get(f"{base_url}/cases/{case['id']}")
    browser.find_element(By.LINK_TEXT, "Refer to a service").click()
    wait_for_url(browser, EC.url_contains("/referrals/new"))

    def refer(member, service):
        Select(browser.find_element(By.ID, "personId")).select_by_value(member["person"]["id"].lower())
        Select(browser.find_element(By.ID, "serviceId")).select_by_visible_text(service)
        reason = browser.find_element(By.ID, "reason")
        reason.clear()
        reason.send_keys("Agreed in the case plan")
        if not browser.find_element(By.ID, "consentGiven").is_selected():
            browser.find_element(By.ID, "consentGiven").click()
        submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Refer']"))

    refer(father, "Rapid rehousing for reunifying families (California residents only) — Golden State Housing Partners")
    wait_for_url(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".error-summary")))
    assert f"{name(father)} lives in Nevada" in browser.find_element(By.CSS_SELECTOR, ".error-summary").text
    refer(mother, "Nurturing Parents (12 weeks) — Fairview Family Resource Center")
    wait_for_url(browser, EC.presence_of_element_located((By.ID, "referral-status")))
    referral_url = browser.current_url
    assert browser.find_element(By.ID, "referral-status").text == "Referred"

    sign_out(browser)
    sign_in(browser, base_url, "provider@demo.reunify.test")
    browser.find_element(By.LINK_TEXT, "Referrals").click()
    wait_for_url(browser, EC.url_contains("/referrals"))
    assert name(mother) in browser.find_element(By.ID, "inbox").text
    browser.get(referral_url)
    Select(browser.find_element(By.ID, "to")).select_by_value("accepted")
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Record']"))
    assert browser.find_element(By.ID, "referral-status").text == "Accepted"

    # The provider logs the first session from the referral's page.
    Select(browser.find_element(By.ID, "kind")).select_by_value("parenting_training")
    browser.find_element(By.ID, "durationMinutes").send_keys("120")
    Select(browser.find_element(By.ID, "attendance")).select_by_value("attended")
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Log the session']"))
    assert browser.find_element(By.ID, "referral-status").text == "Accepted"
    sessions = api(base_url, f"/api/v1/cases/{case['id']}/sessions", bearer)
    assert any(p["personId"].lower() == mother["person"]["id"].lower() and p["attendance"] == "attended"
               for s in sessions for p in s["participants"])


def status_of(base_url, path, bearer):
    import urllib.error
    try:
        api(base_url, path, bearer)
        return 200
    except urllib.error.HTTPError as error:
        return error.code


def test_restricted_records_stay_restricted(browser, base_url):
    supervisor = token(base_url, "supervisor@demo.reunify.test")
    restricted = [r for r in api(base_url, "/api/v1/referrals", supervisor) if r["restricted"]]
    legal = token(base_url, "legal@demo.reunify.test")
    legal_cases = {c["id"] for c in api(base_url, "/api/v1/cases?per=100", legal)["items"]}
    referral = next(r for r in restricted if r["caseId"] in legal_cases)
    assert status_of(base_url, f"/api/v1/referrals/{referral['id']}", legal) == 404
    notes = api(base_url, f"/api/v1/cases/{referral['caseId']}/sessions", legal)
    assert notes and all("clinicalNote" not in s for s in notes) and any(s["hasClinicalNote"] for s in notes)

    sign_in(browser, base_url, "legal@demo.reunify.test")
    browser.get(f"{base_url}/cases/{referral['caseId']}")
    page = browser.find_element(By.TAG_NAME, "main").text
    assert referral["serviceName"] not in page
    assert "relapse" not in page
    sign_out(browser)

    provider = token(base_url, "provider@demo.reunify.test")
    assert status_of(base_url, f"/api/v1/referrals/{referral['id']}", provider) == 200
    api(base_url, f"/api/v1/consents/{referral['consentId']}/revoke", supervisor, {"reason": "Consent withdrawn"})
    assert status_of(base_url, f"/api/v1/referrals/{referral['id']}", provider) == 404
    sign_in(browser, base_url, "provider@demo.reunify.test")
    browser.find_element(By.LINK_TEXT, "Referrals").click()
    wait_for_url(browser, EC.url_contains("/referrals"))
    assert referral["serviceName"] not in browser.find_element(By.TAG_NAME, "main").text
