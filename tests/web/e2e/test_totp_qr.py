"""The authenticator set-up page's QR code is drawn whole in its 192 px box and scans to the
secret written under it (issue 11: it was drawn at 212 px in a 192 px box and clipped). The
pixels Chromium drew are read back with zbarimg (Debian's zbar-tools)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from django.conf import settings

from interplay.web.accounts.addresses import record_verified_address
from interplay.web.accounts.models import Role, User
from tests.web.base import signed_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("zbarimg"), reason="no zbarimg (Debian: zbar-tools)"),
]


def test_the_qr_code_fits_its_box_and_scans_to_the_secret_shown(live_server, browser):  # type: ignore[no-untyped-def]
    coach = User.objects.create_user("qr@coach.test", "a long pass 1", name="Q", role=Role.COACH)
    record_verified_address(coach)
    session = signed_in(coach, verified=False, reauthenticated=True)
    context = browser.new_context(viewport={"width": 320, "height": 800})
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.goto(live_server.url + "/accounts/2fa/totp/activate/")
    image = page.locator("img.qr")
    size = image.evaluate("(img) => [img.naturalWidth, img.clientWidth, img.clientHeight]")
    assert size[0] > 0 and size[1] == size[2] == 192, size
    box = image.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320  # on screen
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "qr.png"
        image.screenshot(path=str(path))
        found = subprocess.run(
            ["zbarimg", "--quiet", "--raw", str(path)], capture_output=True, text=True, check=False
        )
    assert found.returncode == 0, found.stderr  # 0: a code was found and decoded
    url = urlparse(found.stdout.strip())
    secret = page.locator("code.secret").inner_text().strip()
    assert url.scheme == "otpauth" and url.netloc == "totp"
    assert parse_qs(url.query)["secret"] == [secret]
    assert parse_qs(url.query)["issuer"] == ["Interplay"]
    context.close()
