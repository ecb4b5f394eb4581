# Airflow 3.3.2 with Pantau's dependencies; dags/, plugins/ and include/ are mounted by docker-compose.yaml.
# The -python3.11 variant of the 3.3.2 image: requirements.txt is pinned and tested on Python 3.11.
FROM apache/airflow:3.3.2-python3.11

COPY --chown=airflow:0 requirements.txt /opt/airflow/requirements.txt
# requirements.txt pins apache-airflow==3.3.2 itself, so pip cannot swap the image's Airflow for another.
RUN pip install --no-cache-dir -r /opt/airflow/requirements.txt
