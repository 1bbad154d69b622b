"""The caseworker's first journey, as a person would take it in a browser."""
import json
import urllib.request

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

PASSWORD = "reunify-demo"


def api(base_url, path, token=None, body=None):
    request = urllib.request.Request(base_url + path, data=json.dumps(body).encode() if body else None,
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def token(base_url, email):
    return api(base_url, "/api/v1/auth/token", body={"email": email, "password": PASSWORD})["token"]


def wait_for_url(browser, condition):
    """Form posts navigate after the click returns: wait for the new page rather than race it. A probe that lands
    between two documents may be answered with any driver error; it is asked again until the time is up."""
    WebDriverWait(browser, 15, ignored_exceptions=(WebDriverException,)).until(condition)


def submit(browser, button):
    """Clicks a form's button and waits until the page it posts to has replaced this one.

    The leaving page is marked with a script global; a new document starts without it. (Probing the old page's
    elements for staleness instead races the navigation: Chromium sometimes answers with an inspector error rather
    than a stale-element one.)"""
    browser.execute_script("window.__reunifyLeaving = true")
    button.click()
    wait_for_url(browser, lambda driver: driver.execute_script(
        "return window.__reunifyLeaving !== true && document.readyState === 'complete'"))


def sign_in(browser, base_url, email):
    browser.get(base_url + "/sign-in")
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    # The sign-in form's own button: the page header also holds the language switch's buttons.
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    # Staff land on their caseload, a family on their own home page.
    wait_for_url(browser, EC.url_matches(r"/(cases|family)$"))


def sign_out(browser):
    browser.find_element(By.XPATH, "//button[normalize-space()='Sign out']").click()
    wait_for_url(browser, EC.url_contains("/sign-in"))


def test_caseworker_adds_a_placement_and_caseworker2_is_refused(browser, base_url):
    mine = api(base_url, "/api/v1/cases?per=100&stage=services", token(base_url, "caseworker@demo.reunify.test"))["items"]
    theirs = api(base_url, "/api/v1/cases?per=100", token(base_url, "caseworker2@demo.reunify.test"))["items"]
    assert mine and theirs
    case = mine[0]

    sign_in(browser, base_url, "caseworker@demo.reunify.test")
    caseload = browser.find_element(By.TAG_NAME, "main").text
    assert case["caseNumber"] in caseload
    for other in theirs:
        assert other["caseNumber"] not in caseload, f"caseworker sees {other['caseNumber']}"

    browser.find_element(By.LINK_TEXT, case["familyName"]).click()
    wait_for_url(browser, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), f"{case['familyName']} family"))
    case_url = browser.current_url

    browser.find_element(By.PARTIAL_LINK_TEXT, "Add a placement for").click()
    wait_for_url(browser, EC.url_contains("/placements/new"))
    Select(browser.find_element(By.ID, "setting")).select_by_visible_text("Foster family home (relative or kin)")
    browser.find_element(By.ID, "caregiverName").send_keys("Tía Lucía Ramírez")
    browser.find_element(By.XPATH, "//button[normalize-space()='Save']").click()
    wait_for_url(browser, EC.url_to_be(case_url))
    current = browser.find_element(By.CSS_SELECTOR, "ol.timeline li.current").text
    assert "Tía Lucía Ramírez" in current
    assert "Foster family home (relative or kin)" in current
    assert "– now" in current

    sign_out(browser)
    sign_in(browser, base_url, "caseworker2@demo.reunify.test")
    browser.get(case_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Page not found"
    assert case["familyName"] not in browser.find_element(By.TAG_NAME, "main").text


def test_form_mistakes_are_listed_and_linked(browser, base_url):
    sign_in(browser, base_url, "caseworker@demo.reunify.test")
    browser.get(base_url + "/cases/new")
    browser.find_element(By.ID, "caseNumber").clear()
    browser.find_element(By.ID, "openedOn-year").clear()
    browser.find_element(By.ID, "openedOn-year").send_keys("20")
    browser.find_element(By.XPATH, "//button[normalize-space()='Open case']").click()
    wait_for_url(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".error-summary")))
    summary = browser.find_element(By.CSS_SELECTOR, ".error-summary")
    assert "Enter a case number" in summary.text
    assert "four digits" in summary.text
    summary.find_element(By.LINK_TEXT, "Enter a case number").click()
    assert browser.switch_to.active_element.get_attribute("id") == "caseNumber"
