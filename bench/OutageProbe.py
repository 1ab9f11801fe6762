#!/usr/bin/env python3
"""Load for the database-outage test: THREADS threads request URL (with an optional bearer token) back to back for
SECONDS seconds, and print, per interval of 5 seconds, how many answers of each status there were and the slowest
one. The last line is a JSON summary the script checks. Usage: OutageProbe.py URL SECONDS THREADS [TOKEN]"""
import http.client
import json
import sys
import threading
import time
import urllib.parse

url, seconds, threads = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
token = sys.argv[4] if len(sys.argv) > 4 else None
parts = urllib.parse.urlsplit(url)
path = parts.path + ("?" + parts.query if parts.query else "")
headers = {"Authorization": "Bearer " + token} if token else {}
results = []  # (seconds since start, status or 0 for no answer, latency in s)
lock = threading.Lock()
start = time.monotonic()


def worker():
    conn = None
    while time.monotonic() - start < seconds:
        t = time.monotonic()
        try:
            if conn is None:
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            conn.request("GET", path, headers=headers)
            r = conn.getresponse()
            r.read()
            status = r.status
        except Exception:
            status = 0
            conn = None
            time.sleep(0.05)
        with lock:
            results.append((t - start, status, time.monotonic() - t))


pool = [threading.Thread(target=worker) for _ in range(threads)]
for th in pool:
    th.start()
for th in pool:
    th.join()

buckets = {}
for at, status, latency in results:
    b = buckets.setdefault(int(at // 5) * 5, {"statuses": {}, "max": 0.0})
    b["statuses"][status] = b["statuses"].get(status, 0) + 1
    b["max"] = max(b["max"], latency)
for at in sorted(buckets):
    b = buckets[at]
    counts = ", ".join(f"{s if s else 'no answer'}: {n}" for s, n in sorted(b["statuses"].items()))
    print(f"    {at:3d}-{at + 5:3d} s  {counts:<40} slowest {b['max'] * 1000:6.0f} ms")
summary = {"statuses": {}, "max503": 0.0, "lastStatuses": {}}
for at, status, latency in results:
    summary["statuses"][str(status)] = summary["statuses"].get(str(status), 0) + 1
    if status == 503:
        summary["max503"] = max(summary["max503"], latency)
    if at >= seconds - 10:
        summary["lastStatuses"][str(status)] = summary["lastStatuses"].get(str(status), 0) + 1
print(json.dumps(summary))
