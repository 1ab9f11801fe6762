"""Summarizes a JFR recording's execution samples: the hottest top frames and the hottest frames of
the platform's own code (org.chengxin) anywhere in the stack; with FILTER, only the samples whose stack
holds a frame containing it. Usage: python3 bench/jfr-hot.py FILE.jfr [FILTER]"""
import collections
import subprocess
import sys

text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", sys.argv[1]],
                      capture_output=True, text=True, check=True).stdout
top, own, total = collections.Counter(), collections.Counter(), 0
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = [line.strip().split(" line:")[0] for line in event.split("stackTrace = [")[-1].splitlines()
              if "(" in line and "=" not in line]
    if not frames or len(sys.argv) > 2 and not any(sys.argv[2] in f for f in frames):
        continue
    total += 1
    top[frames[0]] += 1
    for f in set(frames):
        if f.startswith("org.chengxin") or "jdbc" in f.lower() and "executeQuery" in f or "Jwt" in f or "jackson" in f and "writeValue" in f:
            own[f] += 1
print(f"{total} samples")
print("top frames:")
for f, n in top.most_common(25):
    print(f"  {100 * n / total:5.1f}%  {f}")
print("frames anywhere in the stack (own code, JDBC queries, JWT, JSON writing):")
for f, n in own.most_common(40):
    print(f"  {100 * n / total:5.1f}%  {f}")
