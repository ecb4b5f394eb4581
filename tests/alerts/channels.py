"""How the tests point Airflow connections at the local SMTP server and webhook (JSON form, as in AIRFLOW_CONN_<ID>)."""
from __future__ import annotations

import json
import socket


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def smtp_connection(port: int) -> str:
    extra = {"disable_ssl": True, "disable_tls": True, "from_email": "pantau@localhost", "retry_limit": 0, "timeout": 5}
    return json.dumps({"conn_type": "smtp", "host": "127.0.0.1", "port": port, "extra": extra})


def slack_connection(origin: str) -> str:
    # SlackWebhookHook posts to host + "/" + password when the host carries a scheme.
    return json.dumps({"conn_type": "slackwebhook", "host": origin, "password": "T000/B000/secret"})
