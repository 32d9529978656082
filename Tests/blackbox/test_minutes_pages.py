"""Minutes on the meeting page and through the API (issue 16, points 3 and 5): the
seeds' approved minutes below their agendas, a meeting taken from agenda to approved
minutes with the API alone, and the API's mistakes as 4xx with a message."""

import json

from conftest import ROOT
from test_meeting_pages import api, cli, serve

MEETING = "ledningsgruppen-2021-10-08"


def test_the_seeds_minutes_are_on_their_pages(kalendarium_bin, tmp_path, run):
    daemon = serve(kalendarium_bin, tmp_path)
    try:
        cli(run, daemon, "agenda", "import", str(ROOT / "data/agendas-from-minutes.yaml"))
        cli(run, daemon, "minutes", "import", str(ROOT / "data/minutes-from-seeds.yaml"))
        for meeting, who in [("ledningsgruppen-2020-11-20", "Rickard Sundbom"),
                             ("ledningsgruppen-2021-08-20", "Magnus Gyllestad")]:
            status, _, body = daemon.get(f"/meetings/{meeting}")
            page = body.decode()
            assert status == 200
            assert 'id="minnesanteckningar"' in page and "Närvarande" in page and who in page
            assert "Vid anteckningarna" in page and "Justerade: Helene Olofsson" in page
            # The agenda is above the minutes.
            assert page.index('id="dagordning"') < page.index('id="minnesanteckningar"')
        # Public GET: the approved version.
        status, document = api(daemon, "GET", "/api/v1/meetings/ledningsgruppen-2021-08-20/minutes", auth=False)
        assert status == 200 and document["state"] == "approved" and document["quorum"]["present"] == 8
    finally:
        daemon.stop()


def test_from_agenda_to_approved_minutes_with_the_api_alone(kalendarium_bin, tmp_path):
    daemon = serve(kalendarium_bin, tmp_path)
    base = f"/api/v1/meetings/{MEETING}"
    try:
        assert api(daemon, "POST", f"{base}/agenda/points", {"title": "Elektrifieringsfrågor", "kind": "decision"})[0] == 201
        assert api(daemon, "POST", f"{base}/agenda/publish")[0] == 200
        status, minutes = api(daemon, "POST", f"{base}/minutes/start", {"secretary": "Anna Söderström"})
        assert status == 201 and len(minutes["points"]) == 9
        assert minutes["approvers"] == ["Magnus Gyllestad", "Helene Olofsson"]  # the body's minutes-adjuster
        for name, slug in [("Leif Eriksson", "botkyrka"), ("Magnus Gyllestad", "haninge"),
                           ("Camilla Broo", "huddinge"), ("Frida Nilsson", "nykvarn")]:
            assert api(daemon, "POST", f"{base}/minutes/attendance", {"name": name, "municipality": slug})[0] == 200
        status, minutes = api(daemon, "POST", f"{base}/minutes/points/6/decisions", {
            "text": "Att ta fram ett tydligare mål för elektrifiering.",
            "item": {"owners": ["person:Helene Olofsson"], "due": "2021-11-12"}})
        assert status == 201 and minutes["quorum"]["reached"]
        item_id = minutes["points"][5]["decisions"][0]["items"][0]
        assert api(daemon, "POST", f"{base}/minutes/points/6/notes", {"text": "Diskussion."})[0] == 200
        # Not public before approval; approved, it is, and locked.
        assert api(daemon, "GET", f"{base}/minutes", auth=False)[0] == 404
        status, minutes = api(daemon, "POST", f"{base}/minutes/approve", {"by": "Magnus Gyllestad"})
        assert status == 200 and minutes["state"] == "draft" and minutes["approved_by"] == ["Magnus Gyllestad"]
        status, minutes = api(daemon, "POST", f"{base}/minutes/approve", {"by": "utvecklingsledare@example.org"})
        assert status == 200 and minutes["state"] == "approved" and minutes["version"] == 1
        status, public = api(daemon, "GET", f"{base}/minutes", auth=False)
        assert status == 200 and public["points"][5]["decisions"][0]["items"] == [item_id]
        status, error = api(daemon, "POST", f"{base}/minutes/points/1/notes", {"text": "Sent"})
        assert status == 409 and "locked" in error["error"]
        status, items = 200, json.loads(daemon.get(f"/api/v1/items/{item_id}")[2])
        assert (items["meeting"], items["point"]) == (MEETING, 6)
        # Mistakes.
        assert api(daemon, "POST", f"{base}/minutes/approve", {"by": "Magnus Gyllestad"})[0] == 409
        assert api(daemon, "POST", f"{base}/minutes/points/42/notes", {"text": "x"})[0] in (404, 409)
        assert api(daemon, "POST", f"{base}/minutes/attendance", {"name": "X", "municipality": "stockholm"})[0] == 422
        assert api(daemon, "POST", f"{base}/minutes/follow-ups", {"item": 1, "status": "halvklart"})[0] == 422
        assert api(daemon, "POST", f"{base}/minutes/start", {}, auth=False)[0] in (401, 403)
        assert api(daemon, "POST", f"{base}/minutes/correct", raw=b"{not json")[0] == 400
        assert api(daemon, "GET", "/api/v1/meetings/ledningsgruppen-2031-02-30/minutes", auth=False)[0] == 404
    finally:
        daemon.stop()
