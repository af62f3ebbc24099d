"""Docker's health probe: GET /healthz on this container, with a Host the settings allow."""

import os
import sys
import urllib.request

host = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")[0].strip().lstrip(".")
if not host or host == "*":
    host = "localhost"
request = urllib.request.Request(
    f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz", headers={"Host": host}
)
try:
    with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310 — fixed local URL
        sys.exit(0 if response.status == 200 else 1)
except Exception as error:  # noqa: BLE001 — any failure means unhealthy
    print(f"healthcheck: {error}", file=sys.stderr)
    sys.exit(1)
