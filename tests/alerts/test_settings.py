"""Settings come from Airflow Variables in Airflow's own lookup order; PANTAU_* only where none is set."""

from __future__ import annotations

import pytest

from pantau.airflow.settings import addresses, setting

NAME = "pantau_alert_email_to"


@pytest.fixture
def airflow_variables(airflow_db, monkeypatch):
    """Airflow's metadata database, with no value of NAME in the environment."""
    for variable in (f"AIRFLOW_VAR_{NAME.upper()}", NAME.upper()):
        monkeypatch.delenv(variable, raising=False)
    yield monkeypatch


def test_airflows_environment_variable_wins_over_the_pantau_fallback(airflow_variables):
    airflow_variables.setenv("AIRFLOW_VAR_PANTAU_ALERT_EMAIL_TO", "desk@example.org")
    airflow_variables.setenv("PANTAU_ALERT_EMAIL_TO", "fallback@example.org")
    assert setting(NAME) == "desk@example.org"


def test_the_pantau_fallback_then_the_default_where_airflow_has_no_variable(airflow_variables):
    assert setting(NAME, "nobody@example.org") == "nobody@example.org"
    airflow_variables.setenv("PANTAU_ALERT_EMAIL_TO", "a@example.org; b@example.org")
    assert addresses(NAME) == ["a@example.org", "b@example.org"]
