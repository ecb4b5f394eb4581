"""The per-outlet pools, created or resized by Pantau itself: a poll task in a pool that does not
exist is never scheduled, so the set-up runs `pantau pools --apply` and the compose stack's init
imports the same list (`pantau pools` | `airflow pools import`) before the DAGs run."""

from __future__ import annotations

from pantau.registry.sources import Source, pool_slots


def pool_specs(sources: list[Source]) -> dict[str, dict]:
    """Each outlet pool's slots and description, in the form `airflow pools import` reads."""
    return {
        name: {"slots": slots, "description": f"Pantau polls of {name.removeprefix('pantau_')}, across all runs"}
        for name, slots in sorted(pool_slots(sources).items())
    }


def apply_pools(sources: list[Source]) -> dict[str, dict]:
    """Create the missing pools and resize the others in Airflow's metadata database."""
    from airflow.models.pool import Pool

    specs = pool_specs(sources)
    for name, spec in specs.items():
        Pool.create_or_update_pool(name, spec["slots"], spec["description"], include_deferred=False)
    return specs
