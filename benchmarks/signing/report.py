"""Figures of the report put in words: the answers, the CPU used, what a request cost."""

import os


def describe_cpu(figures, server_known):
    parts = [f"machine busy {figures['machine']:.0f}% of {os.cpu_count()} cores"]
    if server_known:
        parts.append(f"server {figures['server']:.0f}%")
    parts.append(f"PostgreSQL (this database's backends) {figures['postgres']:.0f}%")
    parts.append(f"Redis {figures['redis']:.0f}%")
    parts.append(f"load generator {figures['load']:.0f}%")
    return ", ".join(parts)


def cost_per_request(figures, rate):
    """CPU milliseconds a request cost each side, and the rate they would allow if the machine
    ran nothing else (an estimate: CPU alone, as if it were the only limit)."""
    cores = os.cpu_count() or 1
    costs = {kind: figures[kind] * cores * 10 / rate
             for kind in ("server", "postgres", "redis", "load")}
    ceiling = 1000 * cores / max(costs["server"] + costs["postgres"] + costs["redis"], 0.001)
    return (f"server {costs['server']:.1f} ms CPU, PostgreSQL {costs['postgres']:.1f} ms, "
            f"Redis {costs['redis']:.2f} ms (load generator {costs['load']:.1f} ms): about "
            f"{ceiling:.0f}/s if the server had the {cores} cores to itself")


def answers(results):
    return ", ".join(f"{status}: {count:,}"
                     for status, count in sorted(results.statuses.items(), key=str))
