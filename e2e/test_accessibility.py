"""Every page a person of each role reaches from their start page, checked with axe-core in the real browser."""
from urllib.parse import urljoin, urlparse

import os

import axe_selenium_python
import pytest
from selenium.webdriver.common.by import By
from selenium_axe_python import Axe

from test_journey import PASSWORD, sign_in, wait_for_url  # noqa: F401  (the same sign-in as the journey)

ROLES = [
    "caseworker@demo.reunify.test",
    "supervisor@demo.reunify.test",
    "clinician@demo.reunify.test",
    "legal@demo.reunify.test",
    "provider@demo.reunify.test",
    "parent@demo.reunify.test",
    "madre@demo.reunify.test",
    "admin@demo.reunify.test",
]

# A page of each kind is enough: /cases/<id>/... pages of two families look alike. Links that change state on GET
# do not exist (every change is a form POST), so following links is safe.
MAX_PAGES = 60


def page_kind(path):
    """The page's shape: ids replaced, so one page of each kind is checked."""
    parts = []
    for part in path.strip("/").split("/"):
        parts.append("{id}" if len(part) == 36 and part.count("-") == 4 else part)
    return "/" + "/".join(parts)


# Two generations of axe-core: the current one (4.x, from selenium-axe-python) and the 3.x that
# axe-selenium-python carries, whose rules (radiogroup, dlitem without wrappers, autocomplete-valid by input type)
# are stricter in places. A page passes when both find nothing.
AXE_SCRIPTS = [
    None,
    os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js"),
]


def violations(browser):
    found = []
    for script in AXE_SCRIPTS:
        axe = Axe(browser) if script is None else Axe(browser, script_url=script)
        axe.inject()
        found += axe.run()["violations"]
    return found


def crawl(browser, base_url):
    host = urlparse(base_url).netloc
    seen_kinds, queue, checked = set(), [browser.current_url], []
    while queue and len(checked) < MAX_PAGES:
        url = queue.pop(0)
        path = urlparse(url).path
        kind = page_kind(path)
        if kind in seen_kinds or path.startswith("/sign-out"):
            continue
        seen_kinds.add(kind)
        browser.get(url)
        checked.append((url, violations(browser)))
        for link in browser.find_elements(By.CSS_SELECTOR, "a[href]"):
            href = urljoin(url, link.get_attribute("href")).split("#")[0]
            parsed = urlparse(href)
            if parsed.netloc == host and not parsed.path.startswith("/api/") and page_kind(parsed.path) not in seen_kinds:
                queue.append(href)
    return checked


@pytest.mark.parametrize("email", ROLES)
def test_every_page_a_role_reaches_has_no_axe_violations(browser, base_url, email):
    browser.get(base_url + "/sign-in")
    assert violations(browser) == [], Axe.report(violations(browser))
    sign_in(browser, base_url, email)
    checked = crawl(browser, base_url)
    assert len(checked) >= 2, f"{email} reached only {[u for u, _ in checked]}"
    failures = [(url, found) for url, found in checked if found]
    report = "\n".join(f"{url}\n{Axe.report(found)}" for url, found in failures)
    assert not failures, f"{email}: {len(failures)} of {len(checked)} pages with violations\n{report}"


def test_a_caseworker_in_spanish_reaches_pages_with_no_axe_violations(browser, base_url):
    """Staff pages in another language: the translated ones in Spanish, the others marked lang="en" inside."""
    from test_journey import submit
    sign_in(browser, base_url, "caseworker2@demo.reunify.test")
    submit(browser, browser.find_element(By.XPATH, "//button[@lang='es']"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
    checked = crawl(browser, base_url)
    assert len(checked) >= 2, f"reached only {[u for u, _ in checked]}"
    failures = [(url, found) for url, found in checked if found]
    report = "\n".join(f"{url}\n{Axe.report(found)}" for url, found in failures)
    assert not failures, f"{len(failures)} of {len(checked)} pages with violations\n{report}"
    # Put the account back in English for the other tests.
    submit(browser, browser.find_element(By.XPATH, "//button[@lang='en']"))


def test_favicon_is_served(base_url):
    import urllib.request
    with urllib.request.urlopen(base_url + "/favicon.ico") as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("image/")
