"""The workspace fails safely (issue 18, points 1, 2, 4 and 5), in a real Chromium and
with a plain HTTP client: the link's GET neither signs in nor uses the link up, a used
or expired link is refused, an unknown address gets the same page and no mail, a
member cannot edit, a form without its CSRF token (or with a wrong one) is 403, a
script in a title shows as text (a quote with a combining mark stays in its attribute),
every page has the security headers, and `kalendarium sessions revoke` ends a session
at once."""

import http.cookiejar
import sqlite3
import time
import urllib.error
import urllib.parse
import urllib.request

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_meeting_pages import serve
from test_workspace_cycle import (SECRETARIAT, SUBJECT, browser, click, h1, mails, notice, shot,  # noqa: F401
                                  links_to, sign_in, sign_in_link)

MEMBER = "kd.huddinge@example.org"


class NoRedirect(urllib.request.HTTPErrorProcessor):
    def http_response(self, request, response):
        return response

    https_response = http_response


class Client:
    """A browser without a browser: a cookie jar, no redirects followed, a 10 s limit."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data)
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def csrf(self, page):
        return page.split('name="csrf" value="', 1)[1].split('"', 1)[0]

    def sign_in(self, daemon, address):
        _, _, page = self.request("/arbetsyta/logga-in")
        seen = links_to(daemon, address)
        status, _, page = self.request("/arbetsyta/logga-in", {"csrf": self.csrf(page), "epost": address})
        assert status == 200 and "Kolla din e-post" in page
        _, link = sign_in_link(daemon, address, seen)
        status, _, page = self.request(link[len(self.base):])
        assert status == 200, page
        token = urllib.parse.parse_qs(urllib.parse.urlparse(link).query)["token"][0]
        status, headers, _ = self.request("/arbetsyta/logga-in/lank", {"csrf": self.csrf(page), "token": token})
        assert status == 303 and headers["Location"] == "/arbetsyta/", status
        status, _, page = self.request("/arbetsyta/")
        assert status == 200 and "<h1>Översikt</h1>" in page
        return page


def test_links_work_once_only_by_post_and_only_for_known_addresses(kalendarium_bin, tmp_path, browser):
    d = serve(kalendarium_bin, tmp_path)
    try:
        client = Client(d.base)
        _, _, page = client.request("/arbetsyta/logga-in")
        assert 'for="epost">E-post</label>' in page
        csrf = client.csrf(page)
        status, _, known = client.request("/arbetsyta/logga-in", {"csrf": csrf, "epost": SECRETARIAT})
        status_unknown, _, unknown = client.request("/arbetsyta/logga-in", {"csrf": csrf, "epost": "nobody@example.org"})
        assert (status, known) == (status_unknown, unknown), "the page tells no one which addresses exist"
        link, local = sign_in_link(d, SECRETARIAT)
        time.sleep(0.5)
        assert not any(m["To"].addresses[0].addr_spec == "nobody@example.org" for m in mails(d.state / "maildir"))
        # A mail scanner's GET (twice): a page with one button, nothing signed in, nothing used.
        for _ in range(2):
            status, headers, page = Client(d.base).request(local[len(d.base):])
            assert status == 200 and page.count("<button") == 1 and "Logga in</button>" in page
            assert "kalendarium_session" not in (headers.get("Set-Cookie") or "")
        browser.get(local)
        shot(browser, "08-lank")
        click(browser, "Logga in")
        assert h1(browser) == "Översikt"
        # Used: the same link again is 410, in the browser and without one.
        status, _, page = Client(d.base).request(local[len(d.base):])
        assert status == 410 and "Länken fungerar inte" in page
        # Expired: a new link, fifteen minutes older in the store.
        client.request("/arbetsyta/logga-in", {"csrf": csrf, "epost": SECRETARIAT})
        _, second = sign_in_link(d, SECRETARIAT, {link})
        with sqlite3.connect(d.state / "kalendarium.sqlite") as db:
            db.execute("UPDATE sign_in_link SET expires_at = 0 WHERE used_at IS NULL")
        status, _, page = Client(d.base).request(second[len(d.base):])
        assert status == 410 and "Länken fungerar inte" in page
        browser.get(second)
        assert h1(browser) == "Länken fungerar inte"
        shot(browser, "09-lanken-fungerar-inte")
    finally:
        d.stop()


def test_forms_need_their_csrf_token_and_the_right_role(kalendarium_bin, run, tmp_path, browser):
    d = serve(kalendarium_bin, tmp_path)
    try:
        secretariat = Client(d.base)
        page = secretariat.sign_in(d, SECRETARIAT)
        csrf = secretariat.csrf(page)
        form = {"titel": "x", "organ": "ledningsgruppen", "ansvarig": "municipality:huddinge"}
        _, _, before = secretariat.request("/arbetsyta/arenden?status=alla")
        for sent in (form, {**form, "csrf": "0" * 64}, {**form, "csrf": ""}):
            status, _, page = secretariat.request("/arbetsyta/arenden", sent)
            assert status == 403 and "Formuläret kunde inte tas emot" in page, status
        _, _, after = secretariat.request("/arbetsyta/arenden?status=alla")
        assert after.count("<tr>") == before.count("<tr>"), "nothing is added without the token"
        # The sign-in form's own token: a form from another site is refused too.
        status, _, _ = Client(d.base).request("/arbetsyta/logga-in", {"epost": SECRETARIAT})
        assert status == 403

        # Every page: no script may run, no framing, no referrer, no cache.
        status, headers, _ = secretariat.request("/arbetsyta/")
        policy = headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy and "script-src" not in policy
        assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "no-referrer"
        assert headers["Cache-Control"] == "no-store"

        # A member sees no edit forms, and the server refuses the edit whatever the page showed.
        member = Client(d.base)
        page = member.sign_in(d, MEMBER)
        member_csrf = member.csrf(page)
        _, _, meetings = member.request("/arbetsyta/moten?ar=2031")
        assert "Lägg till ett extra möte" not in meetings
        status, _, page = member.request("/arbetsyta/moten/extra", {
            "csrf": member_csrf, "organ": "ledningsgruppen", "datum": "2031-03-14", "start": "08:30", "steg": "spara"})
        assert status == 403 and "Inte behörig" in page
        status, _, _ = member.request("/arbetsyta/arenden", {**form, "csrf": member_csrf})
        assert status == 403
        assert not (d.dir / "2031.yaml").exists()
        # One person's token does not open another's session.
        status, _, _ = secretariat.request("/arbetsyta/arenden", {**form, "csrf": member_csrf})
        assert status == 403

        # A script in a title is text, in the browser too.
        status, headers, _ = secretariat.request(
            "/arbetsyta/arenden", {**form, "csrf": csrf, "titel": "<script>alert(1)</script> test"})
        assert status == 303, status
        item = headers["Location"].split("?")[0]
        sign_in(browser, d, SECRETARIAT)
        browser.get(d.base + item)
        assert "<script>alert(1)</script> test" in h1(browser)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in browser.page_source
        try:
            browser.switch_to.alert
            raise AssertionError("a script in a title ran")
        except NoAlertPresentException:
            pass
        shot(browser, "10-arende-med-skript")
        # A quote with a combining mark after it is still a quote to the browser: echoed in
        # the search field, it must stay inside the value, adding no attribute.
        query = 'x"\u0301 autofocus onfocus=alert(2) y="'
        browser.get(d.base + "/arbetsyta/arenden?" + urllib.parse.urlencode({"q": query}))
        field = browser.find_element(By.ID, "sok")
        assert field.get_attribute("value") == query
        assert field.get_attribute("onfocus") is None and field.get_attribute("autofocus") is None
        # Browsers send a search's spaces as "+": two words find the item that has both.
        browser.get(d.base + "/arbetsyta/arenden?" + urllib.parse.urlencode({"status": "alla", "q": "</script> test"}))
        assert "<script>alert(1)</script> test" in browser.find_element(By.TAG_NAME, "table").text
        browser.get(d.base + item)
        Select(browser.find_element(By.ID, "status")).select_by_value("done")
        click(browser, "Spara")
        assert "Ärendet är sparat." in notice(browser)
        assert "Klart" in browser.find_element(By.ID, "historik").find_element(By.XPATH, "..").text

        # Revoked: the next request with the old cookie is sent to sign in again.
        result = run("sessions", "revoke", SECRETARIAT, "--calendars", str(d.dir), "--state", str(d.state))
        assert result.returncode == 0 and "ended 2 sessions" in result.stdout, result.stdout + result.stderr
        status, headers, _ = secretariat.request("/arbetsyta/")
        assert status == 303 and headers["Location"].startswith("/arbetsyta/logga-in")
        listed = run("sessions", "--calendars", str(d.dir), "--state", str(d.state))
        assert MEMBER in listed.stdout and SECRETARIAT not in listed.stdout, listed.stdout
        # Signing out ends the member's session.
        _, _, page = member.request("/arbetsyta/")
        status, headers, _ = member.request("/arbetsyta/logga-ut", {"csrf": member.csrf(page)})
        assert status == 303 and "utloggad" in headers["Location"]
        status, _, _ = member.request("/arbetsyta/")
        assert status == 303
    finally:
        d.stop()
