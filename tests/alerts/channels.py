"""How the tests point Airflow's Slack connection at the local webhook (JSON form, as in AIRFLOW_CONN_<ID>)."""

from __future__ import annotations

import json


def slack_connection(origin: str) -> str:
    # SlackWebhookHook posts to host + "/" + password when the host carries a scheme.
    return json.dumps({"conn_type": "slackwebhook", "host": origin, "password": "T000/B000/secret"})
