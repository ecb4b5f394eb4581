"""docker-compose.yaml is a valid Compose file with every service of the CeleryExecutor stack.

No Docker engine runs here, so the file is checked against the Compose specification's JSON schema
(vendored beside this test, see compose-spec.NOTICE.md) and read for what the stack depends on.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = Path(__file__).with_name("compose-spec.json")
# Service name -> the Airflow command it runs (None: not an Airflow component).
SERVICES = {
    "postgres": None,
    "redis": None,
    "airflow-init": None,
    "airflow-apiserver": "api-server",
    "airflow-scheduler": "scheduler",
    "airflow-dag-processor": "dag-processor",
    "airflow-triggerer": "triggerer",
    "airflow-worker": "celery worker",
}
REQUIRED_VARIABLE = re.compile(r"\$\{([A-Z0-9_]+):\?")


@pytest.fixture(scope="module")
def compose_text() -> str:
    return (ROOT / "docker-compose.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def compose(compose_text) -> dict:
    return yaml.safe_load(compose_text)  # safe_load resolves the `<<: *airflow-common` merges


def test_it_is_valid_against_the_compose_specification(compose):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(compose)]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("service, command", SERVICES.items())
def test_it_names_every_service_of_the_stack(compose, service, command):
    assert service in compose["services"]
    if command:
        assert compose["services"][service]["command"] == command


@pytest.mark.parametrize("service", [name for name, command in SERVICES.items() if command])
def test_every_airflow_service_shares_the_executor_databases_and_mounts(compose, service):
    definition = compose["services"][service]
    env = definition["environment"]
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].endswith("@postgres/airflow")
    assert env["PANTAU_DB_URL"].endswith("@postgres/pantau")
    assert env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://redis:")
    for secret in ("AIRFLOW__API_AUTH__JWT_SECRET", "AIRFLOW__CORE__FERNET_KEY"):
        assert env[secret].startswith(f"${{{secret}:?"), f"{secret} must come from .env"
    mounts = {volume.split(":")[1] for volume in definition["volumes"]}
    assert {"/opt/airflow/dags", "/opt/airflow/plugins", "/opt/airflow/include"} <= mounts
    # Pantau is installed in the image; plugins/ on the path would import its plugins a second time.
    assert "plugins" not in env.get("PYTHONPATH", "")


def test_init_upgrades_the_store_and_creates_the_pools(compose):
    script = compose["services"]["airflow-init"]["command"][-1]
    steps = [line.strip() for line in script.splitlines() if line.strip()]
    upgrade = steps.index("pantau db upgrade")
    pools = next(i for i, step in enumerate(steps) if step.startswith("pantau pools > "))
    pools_file = steps[pools].split("> ")[1]
    assert upgrade < pools < steps.index(f"/entrypoint airflow pools import {pools_file}")


def test_worker_count_and_concurrency_come_from_the_environment(compose):
    worker = compose["services"]["airflow-worker"]
    assert worker["deploy"]["replicas"].startswith("${PANTAU_WORKERS")
    assert worker["environment"]["AIRFLOW__CELERY__WORKER_CONCURRENCY"].startswith(
        "${AIRFLOW__CELERY__WORKER_CONCURRENCY"
    )


def test_the_pantau_database_is_created_beside_airflows(compose):
    postgres = compose["services"]["postgres"]
    assert postgres["environment"]["POSTGRES_DB"] == "airflow"
    assert "./docker/postgres-init:/docker-entrypoint-initdb.d:ro" in postgres["volumes"]
    scripts = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docker" / "postgres-init").glob("*.sql"))
    assert re.search(r"^CREATE DATABASE pantau;", scripts, re.MULTILINE)


def test_env_example_sets_every_variable_the_stack_requires(compose_text):
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    defined = set(re.findall(r"^([A-Z0-9_]+)=", example, re.MULTILINE))
    assert set(REQUIRED_VARIABLE.findall(compose_text)) <= defined
    assert ".env" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_the_image_is_airflow_3_3_2_with_the_requirements():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM apache/airflow:3\.3\.2(-python3\.11)?$", dockerfile, re.MULTILINE)
    assert re.search(r"^RUN pip install .*-r \S*/requirements\.txt$", dockerfile, re.MULTILINE)
