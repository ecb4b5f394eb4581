"""The image: fonts the PDF needs, runtime dependencies only, the package installed, PANTAU_HOME set.

No Docker engine runs here, so the Dockerfile is parsed; which Debian package ships a font file is
asked of this machine's dpkg, where the same fonts are installed for the PDF tests.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Latin scripts and Vietnamese (DejaVu), Chinese (Noto CJK): the briefing's languages.
PDF_FONT_PACKAGES = {"fonts-dejavu-core", "fonts-noto-cjk"}
FONT_PATH = re.compile(r"/usr/share/fonts/[^\s\"')]+")
TOOLS_NOT_FOR_THE_IMAGE = {"pytest", "pytest-xdist", "aiosmtpd", "ruff", "mypy", "uv"}


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined, comments dropped."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    return [(line.split()[0].upper(), line.split(None, 1)[1]) for line in joined.splitlines() if line.strip()]


def apt_packages() -> set[str]:
    packages: set[str] = set()
    for instruction, arguments in instructions():
        if instruction != "RUN":
            continue
        for command in re.split(r"&&|;", arguments):
            words = shlex.split(command)
            if words[:2] == ["apt-get", "install"]:
                packages |= {word for word in words[2:] if not word.startswith("-")}
    return packages


def pip_installs() -> list[list[str]]:
    return [
        shlex.split(arguments)[2:]
        for instruction, arguments in instructions()
        if instruction == "RUN" and arguments.startswith("pip install")
    ]


def fonts_the_renderer_opens() -> list[str]:
    report = ROOT / "src" / "pantau" / "report"
    found = {
        path
        for source in report.rglob("*")
        if source.is_file()
        for path in FONT_PATH.findall(source.read_text(errors="ignore"))
    }
    return sorted(found)


def test_the_image_installs_the_pdf_fonts():
    assert PDF_FONT_PACKAGES <= apt_packages()


def test_the_image_installs_the_fonts_make_installs_for_the_tests():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    system_packages = re.search(r"^SYSTEM_PACKAGES := (.*)$", makefile, re.MULTILINE).group(1).split()
    assert {package for package in system_packages if package.startswith("fonts-")} <= apt_packages()


@pytest.mark.parametrize("font", fonts_the_renderer_opens())
def test_every_font_file_the_report_opens_comes_from_a_package_the_image_installs(font):
    if not shutil.which("dpkg") or not Path(font).exists():
        pytest.skip(f"{font} is not installed here, so dpkg cannot say which package ships it")
    owner = subprocess.run(["dpkg", "-S", font], capture_output=True, text=True, check=True).stdout
    package = owner.split(":")[0].strip()
    assert package in apt_packages(), f"{font} is in {package}, which the Dockerfile does not install"


def test_the_image_installs_the_runtime_requirements_then_the_package_without_resolving_again():
    installs = pip_installs()
    assert ["--no-cache-dir", "-r", "/opt/airflow/requirements.txt"] in installs
    assert installs[-1] == ["--no-cache-dir", "--no-deps", "/opt/pantau"]
    copied = [arguments.split()[-2] for instruction, arguments in instructions() if instruction == "COPY"]
    assert "src" in copied and not any("requirements-dev" in source or "tests" in source for source in copied)


def test_requirements_txt_holds_no_test_or_dev_tools():
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    pinned = {line.split("==")[0].lower() for line in text.splitlines() if "==" in line and not line.startswith("#")}
    assert "apache-airflow" in pinned
    assert not pinned & TOOLS_NOT_FOR_THE_IMAGE


def test_pantau_home_points_the_package_at_the_mounted_include_dir(tmp_path):
    env = dict(instructions_env(), PYTHONPATH=str(ROOT / "src"))
    assert env["PANTAU_HOME"] == "/opt/airflow"
    shown = subprocess.run(
        [sys.executable, "-c", "from pantau import config; print(config.sources_file(), config.data_dir())"],
        env={**os.environ, **env, "PANTAU_HOME": str(tmp_path), "PANTAU_DATA_DIR": ""},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert shown == [str(tmp_path / "include" / "sources.yaml"), str(tmp_path / "data")]


def instructions_env() -> dict[str, str]:
    return dict(
        arguments.split("=", 1)
        for instruction, arguments in instructions()
        if instruction == "ENV" and "=" in arguments
    )
