"""Pantau's Airflow plugin: registers the "Briefing" link of the briefing task.

Airflow imports this file as the top-level module `pantau_plugin`; it imports the installed
`pantau` package by its full name only, so nothing of Pantau is loaded twice or under a bare name
(tests/dags/test_plugins.py checks this).
"""

from airflow.plugins_manager import AirflowPlugin

from pantau.airflow.links import BriefingLink


class PantauPlugin(AirflowPlugin):
    name = "pantau"
    # The operator declares the link itself (so workers store it in XCom as the task ends); listing it
    # here makes `airflow plugins` and the API server's plugin view show where it comes from.
    operator_extra_links = [BriefingLink()]
