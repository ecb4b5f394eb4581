"""The docker-compose topology as local processes: Airflow on CeleryExecutor, PostgreSQL and Redis.

One `AirflowCluster` is a throwaway deployment: fresh PostgreSQL databases for Airflow's metadata
and Pantau's store, a free Redis database as the Celery broker, and the scheduler, dag-processor,
api-server and Celery workers each in its own process group. Leaving the `with` block stops every
process and drops the databases, whatever happened inside it.

The tests and benchmarks/bench_scale.py share it.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import psycopg2
import redis
import requests
from celery import Celery
from cryptography.fernet import Fernet
from psycopg2 import sql

from pantau import store
from pantau.demo import SITE_DIR

PROJECT_ROOT = Path(__file__).resolve().parents[2]
AIRFLOW = Path(sys.executable).with_name("airflow")
POSTGRES = {"host": "127.0.0.1", "port": 5432}
POSTGRES_USERS = ("postgres", "root")
POSTGRES_MAINTENANCE_DBS = ("postgres", "test")
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
# Workers on one machine would all report its hostname; in the compose stack each container has
# its own. PANTAU_WORKER_NAME gives each local worker's task instances the name of that worker.
WORKER_NAME_ENV = "PANTAU_WORKER_NAME"
TERMINAL_RUN_STATES = {"success", "failed"}


class ClusterError(RuntimeError):
    """The cluster did not come up or a run did not finish; the message names the log to read."""


def worker_hostname() -> str:
    """`[core] hostname_callable` for the local workers: the worker's name, else the machine's."""
    return os.environ.get(WORKER_NAME_ENV) or socket.getfqdn()


def _postgres_connection(dbname: str, user: str):
    return psycopg2.connect(dbname=dbname, user=user, connect_timeout=3, **POSTGRES)


def postgres_login() -> tuple[str, str] | None:
    """A (user, maintenance database) pair that connects and may create databases, if any."""
    for user in POSTGRES_USERS:
        for dbname in POSTGRES_MAINTENANCE_DBS:
            try:
                with _postgres_connection(dbname, user) as connection, connection.cursor() as cursor:
                    cursor.execute("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")
                    if cursor.fetchone()[0]:
                        return user, dbname
            except psycopg2.Error:
                continue
    return None


def reason_to_skip() -> str | None:
    """Why a cluster running the daily DAG on the demo site cannot start here, or None."""
    if not SITE_DIR.is_dir():
        return f"the demo site {SITE_DIR} has not been built"
    if importlib.util.find_spec("asyncpg") is None:
        return "asyncpg is not installed: Airflow's api-server needs it to use PostgreSQL"
    return missing_services()


def missing_services() -> str | None:
    """Why the cluster cannot run here (PostgreSQL or Redis unreachable), or None."""
    if postgres_login() is None:
        return (
            f"PostgreSQL at {POSTGRES['host']}:{POSTGRES['port']} is unreachable, or none of the users "
            f"{', '.join(POSTGRES_USERS)} may create databases"
        )
    try:
        redis.Redis(host=REDIS_HOST, port=REDIS_PORT, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        return f"Redis at {REDIS_HOST}:{REDIS_PORT} is unreachable: {exc}"
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _free_redis_db() -> int:
    """The highest-numbered empty Redis database, so the run's broker queues share keys with nobody."""
    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT)
    databases = int(client.config_get("databases")["databases"])
    for number in range(databases - 1, 0, -1):
        if redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=number).dbsize() == 0:
            return number
    raise ClusterError("no empty Redis database to use as the Celery broker")


@dataclass
class _Process:
    name: str
    popen: subprocess.Popen
    log: Path


class AirflowCluster:
    """Airflow on CeleryExecutor with `workers` Celery workers of `concurrency` slots each, or on the
    LocalExecutor (`executor="LocalExecutor"`, no workers: the scheduler runs `concurrency` tasks)."""

    def __init__(
        self,
        workdir: Path,
        *,
        executor: str = "CeleryExecutor",
        workers: int = 2,
        concurrency: int = 2,
        dags_folder: Path = PROJECT_ROOT / "dags",
        env: dict[str, str] | None = None,
    ):
        self.workdir = workdir
        self.executor = executor
        self.workers = workers if executor == "CeleryExecutor" else 0
        self.concurrency = concurrency
        self.dags_folder = dags_folder
        self.extra_env = env or {}
        tag = f"{os.getpid()}_{secrets.token_hex(3)}"
        self.airflow_db = f"pantau_it_airflow_{tag}"
        self.store_db = f"pantau_it_store_{tag}"
        self.api_port = free_port()
        self.base_url = f"http://127.0.0.1:{self.api_port}"
        self._processes: list[_Process] = []
        self._created_dbs: list[str] = []
        self._redis_db: int | None = None
        self._token: str | None = None
        login = postgres_login()
        if login is None:
            raise ClusterError(missing_services() or "PostgreSQL is unusable")
        self._pg_user, self._pg_maintenance_db = login

    # -- life cycle ----------------------------------------------------------------------------

    def __enter__(self) -> AirflowCluster:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()

    def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        for name in (self.airflow_db, self.store_db):
            self._create_database(name)
        # The store's tables exist before the first tasks: parallel polls would race to create them.
        store.engine(self.store_url).dispose()
        self._redis_db = _free_redis_db()
        self.env = self._environment()
        self._run_to_end("db-migrate", ["db", "migrate"])
        self._spawn("scheduler", ["scheduler"])
        self._spawn("dag-processor", ["dag-processor"])
        self._spawn("api-server", ["api-server", "--host", "127.0.0.1", "--port", str(self.api_port), "--workers", "1"])
        for number in range(1, self.workers + 1):
            self.add_worker(f"worker{number}")
        self._wait_for_api()

    def add_worker(self, name: str) -> None:
        """Start one more Celery worker and wait until it answers the broker's ping.

        Its log server stays off: workers on one host would all bind its port, and the api-server
        reads the task logs from the shared AIRFLOW_HOME anyway.
        """
        self._spawn(
            name,
            [
                "celery",
                "worker",
                "--celery-hostname",
                name,
                "--concurrency",
                str(self.concurrency),
                "--queues",
                "default",
                "--skip-serve-logs",
                "--pid",
                str(self.workdir / f"{name}.pid"),
            ],
            env={WORKER_NAME_ENV: name},
        )
        self._wait_for_workers({f"celery@{name}"})

    def stop(self) -> None:
        """Stop every process group (TERM, then KILL), then drop the databases and the broker's keys."""
        for process in self._processes:
            if process.popen.poll() is None:
                os.killpg(process.popen.pid, signal.SIGTERM)
        deadline = time.monotonic() + 30
        for process in self._processes:
            try:
                process.popen.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            try:  # stray children of a process that already exited stay in its group
                os.killpg(process.popen.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.popen.wait()
        self._processes.clear()
        if self._redis_db is not None:
            redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=self._redis_db).flushdb()
            self._redis_db = None
        for name in self._created_dbs:
            self._drop_database(name)
        self._created_dbs.clear()

    # -- configuration -------------------------------------------------------------------------

    def postgres_url(self, dbname: str, driver: str = "postgresql+psycopg2") -> str:
        return f"{driver}://{self._pg_user}@{POSTGRES['host']}:{POSTGRES['port']}/{dbname}"

    @property
    def redis_url(self) -> str:
        """The Celery broker, also the workers' shared dedup index (PANTAU_DEDUP_REDIS_URL)."""
        return f"redis://{REDIS_HOST}:{REDIS_PORT}/{self._redis_db}"

    @property
    def store_url(self) -> str:
        """PANTAU_DB_URL of this cluster's workers."""
        return self.postgres_url(self.store_db)

    def _environment(self) -> dict[str, str]:
        home = self.workdir / "airflow"
        home.mkdir(parents=True, exist_ok=True)
        inherited = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
        python_path = os.pathsep.join([str(PROJECT_ROOT / "src"), str(Path(__file__).parent)])
        return {
            **inherited,
            "PYTHONPATH": python_path,
            "AIRFLOW_HOME": str(home),
            "AIRFLOW__CORE__EXECUTOR": self.executor,
            "AIRFLOW__CORE__PARALLELISM": str(max(self.concurrency, 1) * max(self.workers, 1)),
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": self.postgres_url(self.airflow_db),
            "AIRFLOW__CELERY__BROKER_URL": self.redis_url,
            # SQLAlchemy 2.1 maps a bare postgresql:// to psycopg 3; the image and .venv have psycopg2.
            "AIRFLOW__CELERY__RESULT_BACKEND": self.postgres_url(self.airflow_db, driver="db+postgresql+psycopg2"),
            "AIRFLOW__API__BASE_URL": self.base_url,
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{self.base_url}/execution/",
            # Shared by every component, as the compose stack shares them through .env.
            "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_urlsafe(32),
            "AIRFLOW__API__SECRET_KEY": secrets.token_urlsafe(32),
            "AIRFLOW__CORE__FERNET_KEY": Fernet.generate_key().decode(),
            "AIRFLOW__CORE__DAGS_FOLDER": str(self.dags_folder),
            "AIRFLOW__CORE__PLUGINS_FOLDER": str(PROJECT_ROOT / "plugins"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__HOSTNAME_CALLABLE": f"{Path(__file__).stem}.worker_hostname",
            # The test's client gets an admin token without a password; nothing listens beyond 127.0.0.1.
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "True",
            # Only the runs the caller triggers: unpausing must not add the latest scheduled interval.
            "AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": "False",
            # As in docker-compose.yaml: a worker notices a finished task within a second, not five.
            "AIRFLOW__WORKERS__MIN_HEARTBEAT_INTERVAL": "1",
            "AIRFLOW__LOGGING__LOGGING_LEVEL": "INFO",
            "PANTAU_DB_URL": self.store_url,
            "PANTAU_DEDUP_REDIS_URL": self.redis_url,
            **self.extra_env,
        }

    # -- processes -----------------------------------------------------------------------------

    def _command(self, args: list[str]) -> list[str]:
        return [str(AIRFLOW), *args]

    def _log(self, name: str) -> Path:
        return self.workdir / f"{name}.log"

    def _spawn(self, name: str, args: list[str], env: dict[str, str] | None = None) -> None:
        log = self._log(name)
        with log.open("wb") as output:
            popen = subprocess.Popen(
                self._command(args),
                env={**self.env, **(env or {})},
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self._processes.append(_Process(name, popen, log))

    def run_command(self, name: str, args: list[str]) -> Path:
        """Run an `airflow` CLI command against the cluster to its end; returns its log."""
        self._run_to_end(name, args)
        return self._log(name)

    def _run_to_end(self, name: str, args: list[str]) -> None:
        log = self._log(name)
        with log.open("wb") as output:
            finished = subprocess.run(self._command(args), env=self.env, stdout=output, stderr=subprocess.STDOUT)
        if finished.returncode != 0:
            raise ClusterError(f"`airflow {' '.join(args)}` failed; see {log}")

    def _check_alive(self) -> None:
        for process in self._processes:
            if process.popen.poll() is not None:
                raise ClusterError(f"{process.name} exited with {process.popen.returncode}; see {process.log}")

    def _wait_for_api(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._check_alive()
            try:
                if requests.get(f"{self.base_url}/api/v2/monitor/health", timeout=5).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(1)
        raise ClusterError(f"the api-server did not answer within {timeout:.0f} s; see {self._log('api-server')}")

    def _wait_for_workers(self, names: set[str], timeout: float = 180) -> None:
        app = Celery(broker=self.redis_url)
        try:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                self._check_alive()
                answered = {name for reply in app.control.ping(timeout=1) for name in reply}
                if names <= answered:
                    return
                time.sleep(1)
        finally:
            app.close()
        raise ClusterError(f"Celery workers {sorted(names)} did not answer within {timeout:.0f} s")

    # -- databases -----------------------------------------------------------------------------

    def _maintenance(self, statement: sql.Composable) -> None:
        connection = _postgres_connection(self._pg_maintenance_db, self._pg_user)
        try:
            connection.autocommit = True  # CREATE/DROP DATABASE cannot run inside a transaction
            with connection.cursor() as cursor:
                cursor.execute(statement)
        finally:
            connection.close()

    def _create_database(self, name: str) -> None:
        self._maintenance(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self._created_dbs.append(name)

    def _drop_database(self, name: str) -> None:
        self._maintenance(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    def query_airflow_db(self, query: str, params: tuple = ()) -> list[tuple]:
        with _postgres_connection(self.airflow_db, self._pg_user) as connection, connection.cursor() as cursor:
            cursor.execute(query, params)
            rows = cursor.fetchall()
        connection.close()
        return rows

    # -- the REST API --------------------------------------------------------------------------

    def api(self, method: str, path: str, **kwargs) -> dict:
        if self._token is None:
            response = requests.get(f"{self.base_url}/auth/token", timeout=30)  # all-admins mode: no credentials
            response.raise_for_status()
            self._token = response.json()["access_token"]
        response = requests.request(
            method,
            f"{self.base_url}/api/v2{path}",
            headers={"Authorization": f"Bearer {self._token}"},
            timeout=30,
            **kwargs,
        )
        if not response.ok:
            raise ClusterError(f"{method} {path}: HTTP {response.status_code}: {response.text[:500]}")
        return response.json()

    def wait_for_dag(self, dag_id: str, timeout: float = 180) -> None:
        """Wait until the dag-processor has parsed and serialised `dag_id`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._check_alive()
            try:
                self.api("GET", f"/dags/{dag_id}/details")
                return
            except ClusterError:
                time.sleep(2)
        raise ClusterError(f"DAG {dag_id} was not parsed within {timeout:.0f} s; see {self._log('dag-processor')}")

    def create_pools(self, slots: dict[str, int]) -> None:
        """Create Airflow pools (name -> slots); tasks in a pool that does not exist are never scheduled."""
        for name, count in slots.items():
            self.api("POST", "/pools", json={"name": name, "slots": count})

    def trigger(self, dag_id: str, data_interval: tuple[datetime, datetime]) -> str:
        """Unpause `dag_id` and start the run a schedule would start for `data_interval`; returns its run id."""
        if data_interval[1] > datetime.now(timezone.utc):
            raise ClusterError(f"the interval ends at {data_interval[1]}: the scheduler would not start its run before")
        self.wait_for_dag(dag_id)
        self.api("PATCH", f"/dags/{dag_id}", json={"is_paused": False})
        start, end = (moment.isoformat() for moment in data_interval)
        run = self.api(
            "POST",
            f"/dags/{dag_id}/dagRuns",
            json={"logical_date": start, "data_interval_start": start, "data_interval_end": end, "run_after": end},
        )
        return run["dag_run_id"]

    def wait_for_run(self, dag_id: str, run_id: str, timeout: float) -> str:
        """The run's final state ("success" or "failed"); ClusterError if it is still going at `timeout`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._check_alive()
            state = self.api("GET", f"/dags/{dag_id}/dagRuns/{run_id}")["state"]
            if state in TERMINAL_RUN_STATES:
                return state
            time.sleep(2)
        raise ClusterError(f"run {run_id} of {dag_id} did not finish within {timeout:.0f} s; logs in {self.workdir}")

    def task_states(self, dag_id: str, run_id: str) -> dict[tuple[str, int], str]:
        rows = self.query_airflow_db(
            "SELECT task_id, map_index, state FROM task_instance WHERE dag_id = %s AND run_id = %s",
            (dag_id, run_id),
        )
        return {(task_id, map_index): state for task_id, map_index, state in rows}

    def hosts_of(self, dag_id: str, run_id: str, task_or_group: str) -> Counter:
        """How many instances of a task, or of the tasks in a task group, each host ran (task_instance.hostname)."""
        rows = self.query_airflow_db(
            "SELECT hostname FROM task_instance WHERE dag_id = %s AND run_id = %s AND (task_id = %s OR task_id LIKE %s)",
            (dag_id, run_id, task_or_group, f"{task_or_group}.%"),
        )
        return Counter(hostname for (hostname,) in rows)
