"""Värdskap and Planera år in the browser (issue 18, point 3): an override of the host
rotation is previewed, saved to conferences.yaml with its note and comments kept, and
the rotation follows; next year's plan from the rules is shown, adopted as
calendars/YEAR.yaml, and its meetings reach the feeds."""

import subprocess
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ROOT
from test_meeting_pages import serve
from test_workspace_cycle import SECRETARIAT, browser, click, fill, follow, h1, notice, shot, sign_in  # noqa: F401


def hosts(driver, conference, year):
    section = driver.find_element(By.ID, f"k-{conference}").find_element(By.XPATH, "..")
    for row in section.find_elements(By.CSS_SELECTOR, "tbody tr"):
        cells = [c.text for c in row.find_elements(By.TAG_NAME, "td")]
        if cells and cells[0] == str(year):
            return cells[1]
    raise AssertionError(f"no {year} in the rotation of {conference}")


def test_an_override_and_a_plan_are_saved_from_the_browser(kalendarium_bin, run, tmp_path, browser):
    d = serve(kalendarium_bin, tmp_path)
    try:
        sign_in(browser, d, SECRETARIAT)
        follow(browser, "Värdskap")
        assert h1(browser) == "Värdskap"
        before = {year: hosts(browser, "radslag", year) for year in (2027, 2028)}
        shot(browser, "11-vardskap")
        original = (d.dir / "conferences.yaml").read_text()
        Select(browser.find_element(By.ID, "konferens")).select_by_value("radslag")
        Select(browser.find_element(By.ID, "typ")).select_by_value("byte")
        fill(browser, "ar", "2027")
        fill(browser, "ar2", "2028")
        fill(browser, "notering", "Beslutat i ledningsgruppen 2026-11-20")
        click(browser, "Granska ändringen")
        diff = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "pre.diff"))).text
        assert "+       - swap: [2027, 2028]" in diff, diff
        assert (d.dir / "conferences.yaml").read_text() == original, "a preview writes nothing"
        click(browser, "Spara ändringen")
        assert "Ändringen är sparad i calendars/conferences.yaml." in notice(browser)
        saved = (d.dir / "conferences.yaml").read_text()
        assert 'note: "Beslutat i ledningsgruppen 2026-11-20"' in saved
        # Only lines were added: every comment and line of the file is still there.
        assert all(line in saved.splitlines() for line in original.splitlines())
        browser.get(d.base + "/arbetsyta/vardskap")
        assert (hosts(browser, "radslag", 2027), hosts(browser, "radslag", 2028)) == (before[2028], before[2027])

        follow(browser, "Planera år")
        fill(browser, "p-ar", "2027")
        click(browser, "Visa förslaget")
        assert h1(browser) == "Planera 2027"
        rows = browser.find_elements(By.CSS_SELECTOR, "#forslag ~ table tbody tr")
        assert len(rows) >= 12, len(rows)
        shot(browser, "12-planera")
        assert not (d.dir / "2027.yaml").exists()
        click(browser, "Anta planen")
        assert "Planen är antagen och sparad i calendars/2027.yaml." in notice(browser)
        check = run("check", "--calendars", str(d.dir))
        assert ": error:" not in check.stdout + check.stderr, check.stdout + check.stderr
        assert d.wait_for(lambda: d.get("/calendars/ledningsgruppen.ics")[2].count(b"DTSTART;TZID=Europe/Stockholm:2027") >= 6)
        audit = run("audit", "--calendars", str(d.dir), "--state", str(d.state))
        assert "file:conferences.yaml" in audit.stdout and "file:2027.yaml" in audit.stdout, audit.stdout
    finally:
        d.stop()


def test_the_run_commands_sign_in_link_helper_reads_the_maildir(kalendarium_bin, tmp_path, browser):
    d = serve(kalendarium_bin, tmp_path)
    try:
        browser.get(d.base + "/arbetsyta/logga-in")
        fill(browser, "epost", SECRETARIAT)
        click(browser, "Skicka inloggningslänk")
        assert h1(browser) == "Kolla din e-post"
        for _ in range(50):
            result = subprocess.run([str(ROOT / "scripts/sign-in-link"), SECRETARIAT, str(d.state / "maildir")],
                                    capture_output=True, text=True, timeout=10)
            if result.returncode == 0:
                break
            time.sleep(0.2)
        assert result.returncode == 0 and result.stdout.startswith(SECRETARIAT + ": http"), result.stderr
    finally:
        d.stop()
