-- Runs once, when the postgres service initialises an empty data volume (as POSTGRES_USER).
-- Airflow's metadata lives in the database named by POSTGRES_DB ("airflow"); Pantau's article
-- store gets a database of its own, so either can be backed up, restored or moved separately.
CREATE DATABASE pantau;
