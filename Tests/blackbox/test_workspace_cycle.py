"""The secretariat's whole monthly cycle in the workspace (issue 18, "Done when"), in a
real Chromium driven by Selenium through chromedriver, on the built daemon with the
shipped calendars/: sign in with the link read from the maildir, add an extra meeting
and see it in the feed, build and publish its agenda, the kallelse goes out, record
the minutes with a decision that becomes an item, approve them, and find the item in
Ärenden. A screenshot of each page is written to test-output/screenshots/ (or
$KALENDARIUM_SCREENSHOTS)."""

import email
import email.policy
import os
import re
import time
import urllib.parse
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ROOT
from test_meeting_pages import serve

SECRETARIAT = "utvecklingsledare@example.org"
MEETING = "ledningsgruppen-2031-03-14"
SUBJECT = "Inloggning till Kalendariets arbetsyta"
SHOTS = Path(os.environ.get("KALENDARIUM_SCREENSHOTS", ROOT / "test-output" / "screenshots"))


def mails(maildir: Path):
    """Every message in the maildir's new/ and cur/, parsed."""
    found = []
    for folder in ("new", "cur"):
        for path in sorted((maildir / folder).glob("*")) if (maildir / folder).is_dir() else []:
            found.append(email.message_from_bytes(path.read_bytes(), policy=email.policy.default))
    return found


def text(message):
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def links_to(daemon, address):
    """The sign-in links already mailed to `address`."""
    return {link for m in mails(daemon.state / "maildir")
            if m["Subject"] == SUBJECT and m["To"].addresses[0].addr_spec == address
            for link in re.findall(r"https?://\S+/arbetsyta/logga-in/lank\?token=[0-9a-f]{64}", text(m))}


def sign_in_link(daemon, address, seen=(), limit=10):
    """The newest sign-in link mailed to `address` that is not in `seen`, made local
    to the daemon (the link carries the configured page address)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        for message in mails(daemon.state / "maildir"):
            if message["Subject"] != SUBJECT or message["To"].addresses[0].addr_spec != address:
                continue
            for link in re.findall(r"https?://\S+/arbetsyta/logga-in/lank\?token=[0-9a-f]{64}", text(message)):
                if link not in seen:
                    parts = urllib.parse.urlparse(link)
                    return link, daemon.base + parts.path + "?" + parts.query
        time.sleep(0.1)
    raise AssertionError(f"no sign-in mail to {address} within {limit} s")


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1000",
                     "--lang=sv-SE"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def shot(driver, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"cycle-{name}.png"))


def h1(driver):
    return WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.TAG_NAME, "h1"))).text


def notice(driver):
    return WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "section.saved"))).text


def press(driver, element):
    """Clicks a button or link that loads a new page, and waits until the old page is
    gone, so nothing after it reads the page it left."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 10).until(lambda _: gone(old))


def gone(element):
    """Whether `element` has left the document. Chromium says so in two ways: a stale
    reference, or, when the page is swapped while it asks, an inspector error that the
    node "does not belong to the document"."""
    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise


def click(driver, text):
    press(driver, driver.find_element(By.XPATH, f"//button[normalize-space()='{text}']"))


def follow(driver, text):
    press(driver, driver.find_element(By.LINK_TEXT, text))


def fill(driver, element_id, value):
    """Sets an input's value; date and time inputs through script, since headless
    Chrome's typing into them depends on the locale."""
    element = driver.find_element(By.ID, element_id)
    if element.get_attribute("type") in ("date", "time"):
        driver.execute_script("arguments[0].value = arguments[1]", element, value)
    else:
        element.clear()
        element.send_keys(value)


def sign_in(driver, daemon, address):
    driver.get(daemon.base + "/arbetsyta/")
    assert h1(driver) == "Logga in", "the workspace sends a stranger to the sign-in page"
    shot(driver, "01-logga-in")
    seen = links_to(daemon, address)
    fill(driver, "epost", address)
    click(driver, "Skicka inloggningslänk")
    assert h1(driver) == "Kolla din e-post"
    _, link = sign_in_link(daemon, address, seen)
    driver.get(link)
    assert h1(driver) == "Logga in"
    click(driver, "Logga in")
    assert h1(driver) == "Översikt"


def test_the_secretariat_runs_the_whole_cycle_in_the_browser(kalendarium_bin, run, tmp_path, browser):
    d = serve(kalendarium_bin, tmp_path)
    try:
        sign_in(browser, d, SECRETARIAT)
        cookie = browser.get_cookie("kalendarium_session")
        assert cookie and cookie["httpOnly"] and cookie["sameSite"] == "Lax", cookie
        shot(browser, "02-oversikt")

        # An extra meeting: previewed as a diff with check's result, then saved.
        follow(browser, "Möten")
        browser.get(d.base + "/arbetsyta/moten?ar=2031")
        assert h1(browser) == "Möten 2031"
        Select(browser.find_element(By.ID, "organ")).select_by_value("ledningsgruppen")
        fill(browser, "datum", "2031-03-14")
        fill(browser, "start", "08:30")
        fill(browser, "notering", "Extra möte om budgeten")
        click(browser, "Granska ändringen")
        diff = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "pre.diff"))).text
        assert "+     date: 2031-03-14" in diff, diff
        assert not (d.dir / "2031.yaml").exists(), "a preview writes nothing"
        shot(browser, "03-granska")
        click(browser, "Spara ändringen")
        assert "Ändringen är sparad i calendars/2031.yaml." in notice(browser)
        assert "date: 2031-03-14" in (d.dir / "2031.yaml").read_text()
        assert d.wait_for(lambda: b"DTSTART;TZID=Europe/Stockholm:20310314T083000" in d.get("/calendars/all.ics")[2])

        # The agenda: a point, then publish.
        browser.get(d.base + f"/arbetsyta/moten/{MEETING}")
        follow(browser, "Dagordning")
        assert h1(browser).startswith("Dagordning")
        fill(browser, "rubrik", "Budget 2032")
        Select(browser.find_element(By.ID, "typ")).select_by_value("decision")
        click(browser, "Lägg till punkten")
        assert "Punkten är tillagd." in notice(browser)
        points = [li.find_element(By.TAG_NAME, "strong").text
                  for li in browser.find_elements(By.CSS_SELECTOR, "ol.points > li")]
        assert "Budget 2032" in points, points
        click(browser, "Publicera dagordningen")
        assert "Dagordningen är publicerad." in notice(browser)
        assert "publicerad (version 1)" in browser.page_source
        shot(browser, "04-dagordning")

        # The kallelse goes out with the published agenda.
        result = run("remind", "--calendars", str(d.dir), "--state", str(d.state),
                     "--now", "2031-03-05T09:00:00+01:00")
        assert result.returncode == 0, result.stdout + result.stderr
        kallelser = [m for m in mails(d.state / "maildir") if m["Subject"] != SUBJECT and "Budget 2032" in text(m)]
        assert any(m["To"].addresses[0].addr_spec == "kd.huddinge@example.org" for m in kallelser), \
            [m["Subject"] for m in mails(d.state / "maildir")]

        # The minutes: start, name the approvers, a decision that becomes an item, approve.
        browser.get(d.base + f"/arbetsyta/moten/{MEETING}")
        follow(browser, "Minnesanteckningar")
        click(browser, "Starta minnesanteckningarna")
        assert "Minnesanteckningarna är startade." in notice(browser)
        fill(browser, "f-ordforande", "Daniel Dronjak")
        fill(browser, "f-justerare", "Helene Olofsson")
        click(browser, "Spara")
        assert "Ordförande, sekreterare och justerare är sparade." in notice(browser)
        headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "ol.points h3")]
        number = headings.index("Budget 2032") + 1
        fill(browser, f"beslut-{number}", "Att ta fram ett förslag till budget för 2032")
        Select(browser.find_element(By.ID, f"ansvarig-{number}")).select_by_value("municipality:huddinge")
        fill(browser, f"klart-{number}", "2031-05-01")
        press(browser, browser.find_element(By.ID, f"beslut-{number}").find_element(
            By.XPATH, "./ancestor::form//button[normalize-space()='Anteckna beslutet']"))
        assert "Beslutet är antecknat." in notice(browser)
        item_link = browser.find_element(By.PARTIAL_LINK_TEXT, "ärende ")
        item_href = item_link.get_attribute("href")
        click(browser, "Justera minnesanteckningarna")
        assert "Justeringen är registrerad." in notice(browser)
        click(browser, "Registrera justering av Daniel Dronjak")
        assert "Justeringen är registrerad." in notice(browser)
        assert "justerade" in browser.find_element(By.ID, "m-status").find_element(By.XPATH, "..").text
        shot(browser, "05-minnesanteckningar")

        # The decision's item, in Ärenden.
        follow(browser, "Ärenden")
        assert h1(browser) == "Ärenden"
        titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "table a")]
        assert "Ta fram ett förslag till budget för 2032" in titles, titles
        shot(browser, "06-arenden")
        browser.get(item_href)
        assert h1(browser).endswith("Ta fram ett förslag till budget för 2032")
        shot(browser, "07-arende")

        # Every change is in the audit log, with who made it.
        audit = run("audit", "--calendars", str(d.dir), "--state", str(d.state), "--subject", f"meeting:{MEETING}")
        assert audit.returncode == 0, audit.stderr
        for action in ("meeting: extra added", "agenda: ny-punkt", "agenda: publicera", "minutes: beslut",
                       "minutes: justera"):
            assert action in audit.stdout and SECRETARIAT in audit.stdout, (action, audit.stdout)
    finally:
        d.stop()
