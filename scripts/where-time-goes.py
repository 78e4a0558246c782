#!/usr/bin/env python3
"""Per-order instruction cost of each stage of the decoupled pipeline, from callgrind's
inclusive counts (issue 17 item 3). Usage (docs/speed.md has the whole recipe):

    objcopy --strip-debug .build/release/peaksim /tmp/peaksim-nodebug   # valgrind cannot read its DWARF
    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out /tmp/peaksim-nodebug \\
      run scenarios/thanksgiving.yaml --set duration=1h --out /tmp/cg-run --quiet
    scripts/where-time-goes.py /tmp/cg.out /tmp/cg-run/summary.json

Each row is an inclusive count minus the inclusive counts of the rows nested in it, so the
rows add up to the program's total. The patterns are the functions' mangled names as of
issue 17's fifth round: if a row reads 0 or below, a function was renamed or inlined; fix its
pattern here.
"""
import json, re, subprocess, sys

out, summary = sys.argv[1], sys.argv[2]
orders = json.load(open(summary))["orders"]["arrived"]
tree = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--tree=calling", out],
                      capture_output=True, text=True).stdout.splitlines()

inclusive, calls = {}, {}  # function -> inclusive count; (caller, callee) -> inclusive count
caller = None
for line in tree:
    m = re.match(r"\s*([\d,]+) \([^)]*\)\s+(\*|>)\s+\S*?:(\S+)", line)
    if not m:
        continue
    cost, kind, name = int(m.group(1).replace(",", "")), m.group(2), m.group(3)
    if kind == "*":
        caller = name
        inclusive[name] = cost
    elif caller:
        calls[(caller, name)] = calls.get((caller, name), 0) + cost

def fn(pattern):
    names = [n for n in inclusive if re.search(pattern, n)]
    return max(names, key=lambda n: inclusive[n]) if names else None

def incl(pattern):
    name = fn(pattern)
    return inclusive.get(name, 0) if name else 0

def call(caller_pattern, callee_pattern):
    a, b = fn(caller_pattern), fn(callee_pattern)
    return calls.get((a, b), 0) if a and b else 0

total = int(re.search(r"([\d,]+) \(100.0%\)\s+PROGRAM TOTALS",
                      subprocess.run(["callgrind_annotate", out], capture_output=True, text=True).stdout)
            .group(1).replace(",", ""))

P = {
    "nextPoisson": r"ArrivalProcessV11nextPoisson", "next": r"OrderSourceV04next",
    "body": r"OrderFactoryV9writeBody11orderNumber.*minuteText", "check": r"ValidatorV12firstFailure2in4memo",
    "producer": r"OrderPrefetcherC7produce",
    "arrival": r"V13handleArrival", "send": r"V4send_8tooLarge", "visible": r"V21messagesBecameVisible",
    "invoke": r"V6invokeyys6UInt32VF$", "finish": r"V16finishInvocation", "poll": r"EventSourceMappingV4poll_",
    "write": r"LambdaFunctionV12writeAttempt", "handle": r"V6handleyyAA0A5EventOF$", "popMin": r"EventQueueV6popMin",
    "loop": r"V3run8progress", "tick": r"V10reportTickyyF$", "finishRun": r"V6finish7endedAt",
    "simulation": r"SimulationO3run_8prefetch", "setup": r"DecoupledA0V_8prefetch",
}
# The pipeline's run loop may be inlined into Simulation.run, which also builds the pipeline
# (start-up: "everything else") and finishes the run (metrics).
if not fn(P["loop"]):
    P["loop"] = P["simulation"]
# The second thread's loop inlines the order's draws and the handler around the body writer and
# the validator: its arrival row is what is left of it. Without one, the arrival functions.
arrival = (incl(P["producer"]) - incl(P["body"]) - incl(P["check"]) if fn(P["producer"])
           else incl(P["nextPoisson"]) + incl(P["next"]))
rows = [
    ("arrival: next arrival time, the order's draws, the next order's prefetch", arrival),
    ("body: OrderFactory.writeBody", incl(P["body"])),
    ("validation: OrderValidator.firstFailure", incl(P["check"])),
    ("send: SendMessage (handleArrival, send)", incl(P["arrival"]) - call(P["send"], P["visible"])),
    ("receive: poll and ReceiveMessage", incl(P["visible"]) - call(P["visible"], P["invoke"]) + call(P["finish"], P["poll"])),
    ("invocation: start, run and end the function", incl(P["invoke"]) + incl(P["finish"]) - call(P["finish"], P["poll"])),
    ("write: DynamoDB PutItem attempts", incl(P["write"])),
    ("event loop: pop and dispatch", incl(P["loop"]) - call(P["loop"], P["setup"]) - call(P["loop"], P["finishRun"])
     - call(P["handle"], P["arrival"]) - call(P["handle"], P["finish"])
     - call(P["handle"], P["write"]) - call(P["handle"], P["tick"]) - call(P["handle"], P["visible"])),
    ("metrics: interval rows and the run's summary", call(P["handle"], P["tick"]) + incl(P["finishRun"])),
]
counted = sum(cost for _, cost in rows)
rows.append(("everything else: start-up, catalogue, second thread, report", total - counted))
print(f"{orders:,} orders, {total:,} instructions, {total / orders:,.0f} per order\n")
print("| stage | instructions per order | share |")
print("| --- | ---: | ---: |")
for label, cost in rows:
    print(f"| {label} | {cost / orders:,.0f} | {100 * cost / total:.1f} % |")
