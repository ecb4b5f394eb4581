# Airflow 3.3.2 with Pantau installed; dags/, plugins/ and include/ are mounted by docker-compose.yaml.
# The -python3.11 variant of the 3.3.2 image: requirements.txt is pinned and tested on Python 3.11.
FROM apache/airflow:3.3.2-python3.11

# The PDF briefing: Pango for WeasyPrint, DejaVu for Latin scripts and Vietnamese, Noto CJK for Chinese
# (tests/scale/test_dockerfile.py checks this list against the fonts the renderer opens).
USER root
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 \
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/*
USER airflow

# Where pantau.config finds include/ (mounted) and writes data/ and output/ when installed as a package.
ENV PANTAU_HOME=/opt/airflow

# Runtime dependencies only (requirements.txt; the test and dev tools are in requirements-dev.txt).
# requirements.txt pins apache-airflow==3.3.2 itself, so pip cannot swap the image's Airflow for another.
COPY --chown=airflow:0 requirements.txt /opt/airflow/requirements.txt
RUN pip install --no-cache-dir -r /opt/airflow/requirements.txt

# The package itself, without resolving anything again: its dependencies are the pinned ones above.
COPY --chown=airflow:0 pyproject.toml README.md /opt/pantau/
COPY --chown=airflow:0 src /opt/pantau/src
RUN pip install --no-cache-dir --no-deps /opt/pantau
