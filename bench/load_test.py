"""Bounded load test of `wirewatch serve` on loopback: filtered /api/events over many stored events.

    .venv/bin/python bench/load_test.py --events 100000 --rate 200 --seconds 30 [--record]

Builds a SQLite database of synthetic events, starts `wirewatch serve` on a free loopback
port, sends requests at a fixed rate (open loop: a slow answer does not slow the sender),
and prints p50/p95/p99 latency and the error count. The loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

TYPES = ["ASSAULT", "PROTEST", "THREATEN", "COERCE", "ACCUSE", "CONSULT", "SANCTION", "AGREE"]
COUNTRIES = [("SOM", 2.0, 45.3), ("MLI", 16.3, -0.04), ("SDN", 13.5, 25.3), ("UKR", 48.4, 31.2),
             ("SYR", 35.0, 38.5), ("NGA", 11.8, 13.2), ("COD", -1.7, 29.2), ("PAK", 34.0, 71.6),
             ("MEX", 17.5, -99.5), ("GEO", 41.7, 44.8)]
QUERIES = [
    "type=ASSAULT&limit=50", "country=SOM,MLI&type=ASSAULT&limit=50", "min_killed=10&sort=-killed&limit=50",
    "since=2024-03-01&until=2024-03-31&limit=100", "bbox=20,-5,50,20&limit=50", "q=market&limit=20",
    "type=PROTEST&country=GEO&limit=50", "status=claimed&limit=50", "actor_country=RUS&limit=50",
]


def fill_database(url: str, n_events: int, per_article: int = 10, seed: int = 3) -> None:
    """Store ``n_events`` synthetic events (``per_article`` per article) in bulk."""
    from wirewatch.models import Actor, Article, Event, EventPlace, Evidence
    from wirewatch.storage import open_store

    rng = random.Random(seed)
    store = open_store(url)
    batch: list[Article] = []
    for a in range(n_events // per_article):
        text = f"Report {a}: gunmen attacked a market; officials said dozens were hurt."
        events = []
        for k in range(per_article):
            iso, lat, lon = rng.choice(COUNTRIES)
            day = f"2024-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}"
            events.append(Event(
                id=f"e{a}-{k}", type=rng.choice(TYPES), cameo="190", mode=None,
                actor=Actor("Gunmen", rng.choice([None, "RUS", iso]), "rebels"),
                target=Actor("civilians", iso, "civilians"),
                place=EventPlace("Town", iso, lat + rng.uniform(-1, 1), lon + rng.uniform(-1, 1), None, "point"),
                date=day, date_precision="day", killed=rng.choice([None, 0, 1, 3, 12, 40]), injured=None,
                status=rng.choice(["actual", "claimed", "alleged"]), attribution="officials",
                evidence=Evidence(text, 0, len(text)), confidence=0.7))
        batch.append(Article(id=f"a{a}", url=f"https://load.example.org/{a}", title=f"Report {a}",
                             published="2024-06-30", site="load.example.org", language="en", text=text,
                             events=events, content_hash=f"h{a}"))
        if len(batch) == 500:
            store.add_articles(batch)
            batch = []
    store.add_articles(batch)
    store.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str, port: int, workers: int = 2) -> subprocess.Popen[bytes]:
    env = dict(os.environ, WIREWATCH_API__RATE_LIMIT_PER_MINUTE="0")
    proc = subprocess.Popen([sys.executable, "-m", "wirewatch", "serve", "--db", url, "--port", str(port),
                             "--workers", str(workers)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("wirewatch serve did not start")


async def _request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    """One keep-alive GET on a raw connection; returns the status (a light client, so that the
    load generator does not use the CPU the server needs)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    await reader.readexactly(length)
    return status


async def _drive(host: str, port: int, rate: float, seconds: float,
                 connections: int = 32) -> tuple[list[float], int, int]:
    latencies: list[float] = []
    errors = 0
    total = int(rate * seconds)
    pool: asyncio.Queue[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = asyncio.Queue()
    for _ in range(connections):
        pool.put_nowait(await asyncio.open_connection(host, port))

    async def one(i: int, scheduled: float) -> None:
        nonlocal errors
        conn = await pool.get()
        try:
            status = await asyncio.wait_for(_request(*conn, f"/api/events?{QUERIES[i % len(QUERIES)]}"), 30)
            errors += status != 200
            pool.put_nowait(conn)
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError):
            errors += 1
            conn[1].close()
            pool.put_nowait(await asyncio.open_connection(host, port))
        latencies.append(time.perf_counter() - scheduled)   # includes waiting for a free connection

    tasks = []
    t0 = time.perf_counter()
    for i in range(total):
        scheduled = t0 + i / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(i, scheduled)))
    await asyncio.gather(*tasks)
    while not pool.empty():
        pool.get_nowait()[1].close()
    return latencies, errors, total


def run_load(url: str, rate: float, seconds: float, workers: int = 2) -> dict[str, Any]:
    port = free_port()
    server = start_server(url, port, workers)
    try:
        # a thread of its own: the caller may already run an event loop (e.g. inside a test run)
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            latencies, errors, total = pool.submit(asyncio.run, _drive("127.0.0.1", port, rate, seconds)).result()
    finally:
        server.terminate()
        server.wait(timeout=30)
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return round(1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1)

    return {"requests": total, "rate_per_s": rate, "seconds": seconds, "errors": errors,
            "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
            "mean_ms": round(1000 * statistics.fmean(ordered), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/load.db"
        start = time.perf_counter()
        fill_database(url, args.events)
        filled = time.perf_counter() - start
        result = run_load(url, args.rate, args.seconds)
    result["events_stored"] = args.events
    result["fill_seconds"] = round(filled, 1)
    print(json.dumps(result, indent=2))
    if args.record:
        from results import write_section

        command = "python bench/load_test.py " + " ".join(sys.argv[1:])
        write_section("API load", (
            f"Command: `{command}`\n\n{result['requests']} requests of `/api/events` with filters "
            f"(type, country, dates, bbox, text, casualties, sort; 9 query shapes) at {args.rate:g} req/s "
            f"for {args.seconds:g} s against `wirewatch serve` on loopback, SQLite with {args.events:,} "
            f"events; {os.cpu_count()} cores, client and server on the same machine.\n\n"
            f"| p50 | p95 | p99 | mean | errors |\n|---|---|---|---|---|\n"
            f"| {result['p50_ms']} ms | {result['p95_ms']} ms | {result['p99_ms']} ms | {result['mean_ms']} ms "
            f"| {result['errors']} |"))


if __name__ == "__main__":
    main()
