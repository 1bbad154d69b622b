"""The Spanish-speaking mother's own pages, walked in the browser: her plan agreed, a message to her caseworker read
on the case page, the language switched and back."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from test_journey import api, sign_in, submit, token, wait_for_url

MADRE = "madre@demo.reunify.test"


def lang(browser):
    return browser.find_element(By.TAG_NAME, "html").get_attribute("lang")


def test_the_spanish_portal(browser, base_url):
    sign_in(browser, base_url, MADRE)
    assert browser.current_url.endswith("/family")
    assert lang(browser) == "es"
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Cómo va su caso" in main and "Su trabajador/a social" in main
    who = browser.find_element(By.CSS_SELECTOR, ".who").text

    # Her plan: she agrees to the new version.
    browser.find_element(By.LINK_TEXT, "Su plan").click()
    wait_for_url(browser, EC.url_contains("/family/plan"))
    assert lang(browser) == "es"
    answer = browser.find_elements(By.ID, "agreed-yes")
    if answer:
        answer[0].click()
        submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Enviar mi respuesta']"))
        assert "Gracias" in browser.find_element(By.TAG_NAME, "main").text
    assert "Usted aceptó este plan" in browser.find_element(By.ID, "plan-answer").text

    # Her visits and services, in Spanish.
    browser.find_element(By.LINK_TEXT, "Tiempo en familia").click()
    wait_for_url(browser, EC.url_contains("/family/visits"))
    assert "Próximas visitas" in browser.find_element(By.TAG_NAME, "main").text
    browser.find_element(By.LINK_TEXT, "Servicios").click()
    wait_for_url(browser, EC.url_contains("/family/services"))
    assert "Clase de crianza" in browser.find_element(By.TAG_NAME, "main").text

    # A message to her caseworker.
    browser.find_element(By.LINK_TEXT, "Mensajes").click()
    wait_for_url(browser, EC.url_contains("/family/messages"))
    note = "Hola, ¿puedo cambiar la visita del domingo al sábado?"
    browser.find_element(By.ID, "body").send_keys(note)
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Enviar']"))
    assert note in browser.find_element(By.ID, "family-messages").text

    # The switch: English, on the same page, and back.
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='English']"))
    assert lang(browser) == "en" and browser.current_url.endswith("/family/messages")
    assert "Messages with your caseworker" in browser.find_element(By.TAG_NAME, "h1").text
    browser.find_element(By.LINK_TEXT, "Home").click()
    wait_for_url(browser, EC.url_matches(r"/family$"))
    assert lang(browser) == "en"
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Español']"))
    assert lang(browser) == "es"
    submit(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Cerrar sesión']"))
    wait_for_url(browser, EC.url_contains("/sign-in"))

    # Her caseworker reads the message on the case page.
    cases = api(base_url, "/api/v1/cases?per=100", token(base_url, "caseworker2@demo.reunify.test"))["items"]
    case = next(c for c in cases if c["familyName"] in who)
    sign_in(browser, base_url, "caseworker2@demo.reunify.test")
    browser.get(base_url + "/cases/" + case["id"])
    assert note in browser.find_element(By.ID, "messages").text
