"""The "Briefing" button on the briefing task: a link to the day's briefing where output/ is published.

Set the Airflow Variable `pantau_briefing_base_url` (or PANTAU_BRIEFING_BASE_URL) to the address
that serves the output directory (a web server or bucket publishing `output/`); without it the
button stays empty, since the files are only on the workers' disks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from airflow.sdk import BaseOperatorLink

from pantau import config
from pantau.airflow.settings import setting

BASE_URL = "pantau_briefing_base_url"


def briefing_url(html_path: str, base_url: str, output_dir: Path) -> str:
    """The briefing's address: its path under the output directory, appended to where that is served."""
    relative = Path(html_path).resolve().relative_to(output_dir.resolve())
    return f"{base_url.rstrip('/')}/{relative.as_posix()}"


class BriefingLink(BaseOperatorLink):
    name = "Briefing"

    def get_link(self, operator: Any, *, ti_key: Any) -> str:
        # Airflow calls this on the worker as the task ends, with the running task instance, and keeps
        # the answer in XCom for the UI: the task's own result says where it wrote the briefing.
        base_url = setting(BASE_URL)
        outputs = ti_key.xcom_pull(task_ids=ti_key.task_id) if base_url else None
        if not base_url or not isinstance(outputs, dict) or "html" not in outputs:
            return ""
        return briefing_url(outputs["html"], base_url, config.output_dir())
