"""`pantau`: extract, dedup and poll from the command line, upgrade the store, and run the demo.

Every failure the user can cause (a missing file, a bad argument, a broken line) ends with one
line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from pantau.days import briefing_day_of, parse_day


class UsageError(Exception):
    """Bad arguments or unreadable input, reported as one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        raise UsageError(f"{self.prog}: {message}")


def _print(record: dict) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None


def _manifest_pages(manifest: Path) -> Iterator[tuple[str, Path]]:
    text = _read_bytes(manifest).decode("utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            url, path = entry["url"], Path(entry["path"])
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise UsageError(f'{manifest}:{number}: expected {{"url": ..., "path": ...}} ({exc})') from None
        yield url, path if path.is_absolute() else manifest.parent / path


def cmd_extract(args) -> int:
    from pantau.extract.article import extract_article
    from pantau.models import PageRejected
    from pantau.registry.sources import registry, source_for_url

    if args.manifest:
        if args.path or args.url:
            raise UsageError("pantau extract: give PATH --url URL, or --manifest FILE, not both")
        pages = list(_manifest_pages(args.manifest))
    elif args.path and args.url:
        pages = [(args.url, args.path)]
    else:
        raise UsageError("pantau extract: give PATH --url URL, or --manifest FILE")
    sources = registry(args.sources)
    failures = 0
    for url, path in pages:
        try:
            article = extract_article(
                _read_bytes(path), url, source=source_for_url(url, sources), fetched_at=datetime.now(timezone.utc)
            )
        except (UsageError, PageRejected) as exc:
            print(f"pantau extract: {url}: {exc}", file=sys.stderr)
            failures += 1
            continue
        _print(article.record())
    return 1 if failures else 0


def cmd_dedup(args) -> int:
    from pantau.dedup.records import BadRecord, dedup_file

    try:
        dedup_file(args.articles, sys.stdout)
    except BadRecord as exc:
        raise UsageError(str(exc)) from None
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise UsageError(f"cannot read {args.articles}: {exc.strerror or exc}") from None
    return 0


def cmd_poll(args) -> int:
    from pantau.ingest.poll import poll_sources
    from pantau.registry.sources import load_sources

    day = args.day or briefing_day_of(datetime.now(timezone.utc))
    summaries = poll_sources(load_sources(args.sources), day)
    for summary in summaries:
        _print(summary)
    return 1 if any(summary["status"] == "failed" for summary in summaries) else 0


def cmd_pools(args) -> int:
    from pantau.airflow.pools import apply_pools, pool_specs
    from pantau.registry.sources import load_sources

    sources = load_sources(args.sources)
    print(json.dumps(apply_pools(sources) if args.apply else pool_specs(sources), indent=2))
    return 0


def cmd_db_upgrade(args) -> int:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from pantau import config, store

    url = args.url or config.db_url()
    try:
        shown = make_url(url).render_as_string(hide_password=True)
        revision = store.upgrade(store.engine(url))
    except SQLAlchemyError as exc:
        raise UsageError(f"pantau db upgrade: {str(exc).splitlines()[0]}") from None
    print(f"{shown}: schema at revision {revision}")
    return 0


def cmd_check_sources(args) -> int:
    from pantau.registry.check import CheckSettings, run
    from pantau.registry.sources import load_sources

    return run(load_sources(args.sources), settings=CheckSettings(deadline_seconds=args.deadline))


def cmd_demo(args) -> int:
    from pantau.demo import DemoFailed, run_demo

    try:
        briefing, report = run_demo(args.day)
    except DemoFailed as exc:
        raise UsageError(f"pantau demo: {exc}") from None
    print(report)
    print(briefing)  # the last line: scripts and the README read the path from it
    return 0


def _registry_file(text: str) -> Path:
    """A --sources value: a readable UTF-8 file (a directory or a binary file is a usage error)."""
    path = Path(text)
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{path} is a directory, not a YAML file")
    try:
        path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise argparse.ArgumentTypeError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise argparse.ArgumentTypeError(f"{path} is not a UTF-8 text file") from None
    return path


def _one_line(exc: BaseException) -> str:
    """An unexpected failure as one line: a database's own first line, a system error's text."""
    from pantau.redact import redacted

    cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
    if isinstance(cause, OSError) and cause.strerror:
        message = f"{cause.strerror}: {cause.filename}" if cause.filename else cause.strerror
    else:
        message = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
    where = "cannot use the store" if type(exc).__module__.startswith("sqlalchemy") else type(exc).__name__
    return redacted(f"pantau: {where}: {message}")


def _day(text: str):
    try:
        return parse_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"not a number of seconds between 0 and 3600: {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pantau", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    extract = commands.add_parser("extract", help="print one article JSON object per page")
    extract.add_argument("path", nargs="?", type=Path, help="a saved HTML page")
    extract.add_argument("--url", help="the URL the page was fetched from")
    extract.add_argument("--manifest", type=Path, help='JSONL lines {"url": ..., "path": ...}')
    extract.add_argument("--sources", type=_registry_file, help="source registry (default include/sources.yaml)")
    extract.set_defaults(run=cmd_extract)

    dedup = commands.add_parser("dedup", help="add cluster, canonical and story to extracted articles")
    dedup.add_argument("articles", type=Path, help="JSONL as printed by `pantau extract`")
    dedup.set_defaults(run=cmd_dedup)

    poll = commands.add_parser("poll", help="fetch the listed sources into the store")
    poll.add_argument("--sources", type=_registry_file, required=True, help="a source registry YAML file")
    poll.add_argument("--day", type=_day, help="the day to file pages under (default: today, MYT)")
    poll.set_defaults(run=cmd_poll)

    pools = commands.add_parser("pools", help="print the Airflow pools (one per outlet) for `airflow pools import`")
    pools.add_argument("--sources", type=_registry_file, help="source registry (default include/sources.yaml)")
    pools.add_argument("--apply", action="store_true", help="create or resize them in Airflow's database")
    pools.set_defaults(run=cmd_pools)

    db = commands.add_parser("db", help="manage the article store's schema")
    db_commands = db.add_subparsers(dest="db_command", required=True, parser_class=_Parser)
    db_upgrade = db_commands.add_parser(
        "upgrade", help="migrate the store to the newest schema (it also does so on use)"
    )
    db_upgrade.add_argument("--url", help="SQLAlchemy URL of the store (default PANTAU_DB_URL, else data/pantau.db)")
    db_upgrade.set_defaults(run=cmd_db_upgrade)
    check = commands.add_parser("check-sources", help="probe every source once, now: one JSON object per source")
    check.add_argument("--sources", type=Path, help="source registry (default include/sources.yaml)")
    check.add_argument("--deadline", type=_seconds, default=120.0, help="seconds the whole check may take")
    check.set_defaults(run=cmd_check_sources)

    demo = commands.add_parser("demo", help="replay a day of polls on the demo site, then run the briefing DAG")
    demo.add_argument("--day", type=_day, default=parse_day("2025-07-08"))
    demo.set_defaults(run=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    from pantau.config import ConfigError

    try:
        args = build_parser().parse_args(argv)
        return args.run(args)
    except (UsageError, ConfigError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # an unreachable database, a full disk: still one line, no traceback
        print(_one_line(exc), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
