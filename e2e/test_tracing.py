"""A caseworker files a tracing request in another script and spelling, and reviews the match, in a browser."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from test_journey import sign_in, wait_for_url


def test_caseworker_traces_a_child_written_in_arabic(browser, base_url):
    sign_in(browser, base_url, "caseworker2@demo.reunify.test")
    browser.find_element(By.LINK_TEXT, "Tracing").click()
    wait_for_url(browser, EC.url_matches(r"/tracing$"))
    browser.find_element(By.LINK_TEXT, "File a tracing request").click()
    wait_for_url(browser, EC.url_contains("/tracing/new"))

    browser.find_element(By.ID, "inquirerName").send_keys("Khadija")
    browser.find_element(By.ID, "inquirerRelationship").send_keys("grandmother")
    browser.find_element(By.ID, "givenName").send_keys("محمد")
    browser.find_element(By.ID, "familyName").send_keys("الحسن")
    Select(browser.find_element(By.ID, "sex")).select_by_value("male")
    browser.find_element(By.ID, "ageEstimate").send_keys("11")
    browser.find_element(By.ID, "placeOfOrigin").send_keys("Aleppo")
    browser.find_element(By.XPATH, "//button[normalize-space()='File request']").click()
    wait_for_url(browser, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Looking for محمد الحسن"))

    rows = browser.find_elements(By.CSS_SELECTOR, "#candidates tbody tr")
    assert rows, "no candidates shown"
    assert "Mohamed Alhassan" in rows[0].text
    assert browser.find_element(By.ID, "tracing-status").text == "Match found"

    rows[0].find_element(By.LINK_TEXT, "Review the evidence").click()
    wait_for_url(browser, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Is this the child?"))
    evidence = browser.find_element(By.ID, "evidence").text
    assert "Name: names alike in sound or spelling" in evidence
    assert "Place of origin: same place" in evidence
    assert "Not recorded on both sides" in evidence

    Select(browser.find_element(By.ID, "decision")).select_by_value("confirmed")
    browser.find_element(By.ID, "reason").send_keys("The grandmother described the scar above his eyebrow")
    browser.find_element(By.XPATH, "//button[normalize-space()='Record the decision']").click()
    wait_for_url(browser, EC.text_to_be_present_in_element((By.ID, "tracing-status"), "Verifying"))
    assert "Mohamed Alhassan" in browser.find_element(By.ID, "linked").text
