"""plugins/ holds genuine Airflow plugins: loading them imports Pantau once, by its full names only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = ROOT / "src" / "pantau"
# What Airflow's plugin loader used to put in sys.modules when the package lived in plugins/.
BARE_NAMES = {"dedup", "store", "settings", "config", "briefing", "stage", "operators", "__init__"}

LOAD_PLUGINS = """
import json, sys
from airflow import plugins_manager

plugins_manager.ensure_plugins_loaded()
print(json.dumps({
    "errors": plugins_manager.get_import_errors(),
    "plugins": [info["name"] for info in plugins_manager.get_plugin_info()],
    "links": [type(link).__name__ for link in plugins_manager.get_operator_extra_links()],
    "modules": {name: getattr(module, "__file__", None) for name, module in list(sys.modules.items())},
}))
"""


@pytest.fixture(scope="module")
def loaded() -> dict:
    """What a fresh Airflow process holds after loading the plugins folder, as Airflow's own loader does."""
    env = {
        **os.environ,
        "AIRFLOW__CORE__PLUGINS_FOLDER": str(ROOT / "plugins"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
    }
    finished = subprocess.run([sys.executable, "-c", LOAD_PLUGINS], env=env, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr[-2000:]
    return json.loads(finished.stdout.strip().splitlines()[-1])


def test_the_plugins_load_without_errors_and_register_the_briefing_link(loaded):
    assert loaded["errors"] == {}
    assert "pantau" in loaded["plugins"]
    assert "BriefingLink" in loaded["links"]


def test_no_pantau_module_is_imported_under_a_bare_name(loaded):
    assert not BARE_NAMES & set(loaded["modules"])


def test_every_pantau_module_is_imported_once_by_its_full_name(loaded):
    names_by_file: dict[str, list[str]] = {}
    for name, file in loaded["modules"].items():
        if file and Path(file).resolve().is_relative_to(PACKAGE_DIR.resolve()):
            names_by_file.setdefault(file, []).append(name)
    assert names_by_file, "the plugin imported nothing of Pantau: is src/ on the path?"
    assert all(len(names) == 1 and names[0].startswith("pantau") for names in names_by_file.values()), names_by_file


def test_plugins_folder_holds_only_plugins_and_their_readme():
    assert {path.name for path in (ROOT / "plugins").iterdir() if path.name != "__pycache__"} == {
        "README.md",
        "pantau_plugin.py",
    }


@pytest.fixture
def briefing_task(tmp_path, monkeypatch, airflow_db):
    """The running briefing task as Airflow hands it to the link: its result names the HTML it wrote."""
    monkeypatch.setenv("PANTAU_OUTPUT_DIR", str(tmp_path))
    monkeypatch.delenv("AIRFLOW_VAR_PANTAU_BRIEFING_BASE_URL", raising=False)
    monkeypatch.delenv("PANTAU_BRIEFING_BASE_URL", raising=False)
    html = tmp_path / "briefings" / "2025-07-08" / "briefing.html"
    return SimpleNamespace(task_id="briefing", xcom_pull=lambda task_ids: {"html": str(html), "stories": 3})


def test_the_briefing_link_points_where_the_output_directory_is_published(briefing_task, monkeypatch):
    from pantau.airflow.links import BriefingLink
    from pantau.airflow.operators import BriefingOperator

    assert any(isinstance(link, BriefingLink) for link in BriefingOperator.operator_extra_links)
    monkeypatch.setenv("AIRFLOW_VAR_PANTAU_BRIEFING_BASE_URL", "https://briefings.example.org/pantau/")
    link = BriefingLink().get_link(None, ti_key=briefing_task)
    assert link == "https://briefings.example.org/pantau/briefings/2025-07-08/briefing.html"


def test_without_a_published_output_directory_the_link_is_empty(briefing_task):
    from pantau.airflow.links import BriefingLink

    assert BriefingLink().get_link(None, ti_key=briefing_task) == ""
