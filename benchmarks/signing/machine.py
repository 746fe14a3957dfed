"""CPU and memory read from /proc (Linux): the processes of the machine, the server's, and the
CPU each side used over a phase."""

import os
import time
from pathlib import Path

from django.db import connection


def processes():
    """(pid, name, parent's pid, CPU ticks used) of every process of the machine."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            text = Path(f"/proc/{entry}/stat").read_text()
        except OSError:  # ended meanwhile
            continue
        fields = text[text.rindex(")") + 2:].split()
        yield (int(entry), text[text.index("(") + 1:text.rindex(")")], int(fields[1]),
               int(fields[11]) + int(fields[12]))


def server_processes(server_pid):
    """The gunicorn master and its workers."""
    return [pid for pid, _name, parent, _ticks in processes() if server_pid in (pid, parent)]


class CpuMeter:
    """CPU used over a phase, in % of the machine: the whole machine, this process (the load),
    the server's processes (when this script started them), the PostgreSQL backends serving
    this database, and Redis."""

    TICKS = os.sysconf("SC_CLK_TCK")

    def __init__(self, server_pid=None):
        self.server_pid = server_pid

    @staticmethod
    def machine():
        with open("/proc/stat") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
        return sum(fields) - fields[3] - fields[4], sum(fields)

    def watched(self):
        """{pid: (kind, CPU ticks)} of the processes watched."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
            backends = {row[0] for row in cursor.fetchall()}
        found = {}
        for pid, name, parent, ticks in processes():
            if self.server_pid and self.server_pid in (pid, parent):
                found[pid] = ("server", ticks)
            elif pid in backends:
                found[pid] = ("postgres", ticks)
            elif name.startswith("redis-server"):
                found[pid] = ("redis", ticks)
        return found

    def start(self):
        self.started = (time.perf_counter(), self.machine(), os.times(), self.watched())

    def stop(self):
        """Figures in % of all cores; the processes that ended meanwhile are not counted."""
        wall0, (busy0, total0), times0, processes0 = self.started
        wall = time.perf_counter() - wall0
        busy1, total1 = self.machine()
        times1 = os.times()
        cores = os.cpu_count() or 1
        load = (times1.user + times1.system) - (times0.user + times0.system)
        figures = {"machine": 100 * (busy1 - busy0) / max(total1 - total0, 1),
                   "load": 100 * load / wall / cores, "server": 0, "postgres": 0, "redis": 0}
        for pid, (kind, ticks) in self.watched().items():
            before = processes0.get(pid, (kind, 0))[1]
            figures[kind] += 100 * (ticks - before) / self.TICKS / wall / cores
        return figures


def peak_memory_mb(server_pid):
    """The largest peak resident memory of the server's processes (VmHWM), in MB."""
    peak = 0
    for pid in server_processes(server_pid):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peak = max(peak, int(line.split()[1]) // 1024)
    return peak
