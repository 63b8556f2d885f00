"""The playground page in a real browser: Debian's headless Chromium driven
by Selenium through Debian's chromedriver (nothing downloads a browser or a
driver). The test starts `ringq serve` on 127.0.0.1 with a free port.

Run by .ci/run; by hand: `pytest tests/browser` after `cargo build` and
`apt-get install chromium chromium-driver`.
"""

import os
import pathlib
import re
import subprocess

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
RINGQ = pathlib.Path(os.environ.get("RINGQ_BIN", ROOT / "target" / "debug" / "ringq"))
SCREENSHOTS = pathlib.Path(os.environ.get("RINGQ_SCREENSHOTS", ROOT / "target" / "screenshots"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
WAIT = 15


@pytest.fixture(scope="module")
def server():
    process = subprocess.Popen(
        [str(RINGQ), "serve", "--listen", "127.0.0.1:0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline()
        match = re.fullmatch(r"ringq serve: listening on (http://127\.0\.0\.1:\d+/)\n", line)
        assert match, f"unexpected first line {line!r}"
        yield match.group(1)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = Options()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for flag in [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1280,1000",
    ]:
        options.add_argument(flag)
    # Both paths given: Selenium Manager has nothing to look up or fetch.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def wait(browser, condition, message):
    # The page redraws its lists as answers come: an element read a moment
    # ago may be gone, which is not a failure.
    waiting = WebDriverWait(browser, WAIT, ignored_exceptions=[StaleElementReferenceException])
    return waiting.until(lambda _: condition(), message)


def texts(browser, selector):
    """The text of every element matching `selector`, read in one go."""
    return browser.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent)", selector
    )


def open_page(browser, server):
    browser.get(server)
    box = browser.find_element(By.ID, "q")
    wait(browser, lambda: browser.switch_to.active_element == box, "the search box has the focus")
    return box


def completion_labels(browser):
    return texts(browser, "#completions:not([hidden]) li .label")


def selected_label(browser):
    labels = texts(browser, "#completions:not([hidden]) li[aria-selected='true'] .label")
    return labels[0] if labels else None


def test_completions_appear_and_enter_inserts_the_item(browser, server):
    box = open_page(browser, server)
    box.send_keys("assigned_to_me:true stat")
    wait(browser, lambda: completion_labels(browser)[:1] == ["status_in:"], "status_in: is offered")
    box.send_keys(Keys.ENTER)
    wait(browser, lambda: box.get_attribute("value") == "assigned_to_me:true status_in:", "Enter inserts it")
    # Right after the colon: the statuses; the arrow keys move the choice.
    wait(browser, lambda: completion_labels(browser)[:3] == ["new", "assigned", "forwarded"], "statuses offered")
    box.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    wait(browser, lambda: selected_label(browser) == "forwarded", "the third status is selected")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(SCREENSHOTS / "completions.png"))
    box.send_keys(Keys.ENTER)
    wait(
        browser,
        lambda: box.get_attribute("value") == "assigned_to_me:true status_in:forwarded",
        "Enter inserts the selected status",
    )
    canonical = browser.find_element(By.ID, "canonical")
    wait(browser, lambda: canonical.text == "assigned_to_me:true status_in:forwarded", "the canonical form")
    # Read as an OmniQ index, RingCX's own keywords have no OmniQ field.
    Select(browser.find_element(By.ID, "index")).select_by_value("communications")
    wait(
        browser,
        lambda: texts(browser, "#mirror .diag.error") == ["assigned_to_me", "status_in"],
        "unmapped keywords underlined",
    )
    mark = browser.find_element(By.CSS_SELECTOR, "#mirror .diag.error")
    assert "`assigned_to_me` has no OmniQ field" in mark.get_attribute("title")
    assert browser.find_element(By.ID, "omniq").text == "(fix the query first)"
    Select(browser.find_element(By.ID, "index")).select_by_value("")


def test_the_omniq_body_follows_the_chosen_index(browser, server):
    box = open_page(browser, server)
    Select(browser.find_element(By.ID, "index")).select_by_value("communications")
    box.clear()
    box.send_keys("platform:web created_a")
    wait(browser, lambda: completion_labels(browser)[:1] == ["created_after:"], "OmniQ keywords offered")
    box.send_keys(Keys.ENTER, "yesterday")
    omniq = browser.find_element(By.ID, "omniq")
    wait(browser, lambda: '"platform": "web"' in omniq.text and '"createdAt"' in omniq.text, "the body")
    assert '"index": "communications"' in omniq.text
    Select(browser.find_element(By.ID, "index")).select_by_value("users")
    wait(browser, lambda: '"index": "users"' in omniq.text, "the body for the chosen index")
    Select(browser.find_element(By.ID, "index")).select_by_value("")


def test_a_bad_term_is_underlined_with_its_message(browser, server):
    box = open_page(browser, server)
    box.clear()
    box.send_keys("assigned_to_me:maybe café stauts_in:new")
    wait(browser, lambda: texts(browser, "#mirror .diag.error") == ["maybe", "stauts_in"], "bad terms underlined")
    first, second = browser.find_elements(By.CSS_SELECTOR, "#mirror .diag.error")
    assert "takes a boolean" in first.get_attribute("title")
    assert "did you mean `status_in`?" in second.get_attribute("title")
    style = browser.execute_script(
        "return getComputedStyle(arguments[0]).textDecorationLine", first
    )
    assert "underline" in style
    rows = browser.find_elements(By.CSS_SELECTOR, "#explain tbody tr")
    assert len(rows) == 3
    assert browser.find_element(By.ID, "canonical").text.startswith("(invalid query")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "playground.png"
    box.click()
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000


def test_markup_in_a_query_is_shown_as_text(browser, server):
    box = open_page(browser, server)
    box.clear()
    attack = '"<img src=x onerror=window.pwned=1>" <b>bold</b>'
    box.send_keys(attack)
    values = ["<img src=x onerror=window.pwned=1>", "<b>bold</b>"]
    wait(browser, lambda: texts(browser, "#explain tbody td.value") == values, "the values as text")
    assert browser.find_elements(By.CSS_SELECTOR, "main img, main b") == []
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.find_element(By.ID, "mirror").text == attack
