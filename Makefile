# peaksim: two commands. `make demo` runs the main job, `make test` runs the tests.
# Both install GSL (libgsl-dev) first when pkg-config cannot find it. `make test-cluster` (CI runs
# it after `make test`) proves sharding on a one-node Slurm cluster it installs and starts.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The statistical tests simulate millions of events; a release build runs them ~20x faster
# than a debug one, which more than repays its longer compile (measured: see README).
TEST_FLAGS ?= -c release -Xswiftc -enable-testing

.PHONY: demo test test-cluster lint deps build release bench outputs-check clean

deps:
	@if ! pkg-config --exists gsl 2>/dev/null; then \
	  echo "peaksim: GSL not found; installing libgsl-dev with apt-get" >&2; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgsl-dev pkg-config; \
	fi

# The same flags and the same `swift build` as `make build` (issue 17 item 5): after `make test`,
# `make demo` compiles nothing. -enable-testing costs the simulator nothing measurable (callgrind
# on the demo's first hour: 1,871 M instructions with it, 1,868 M without; wall 4.18 s vs 4.25 s
# on its first day).
release: deps
	$(SWIFT) build $(TEST_FLAGS) --product peaksim

# The default scenario, Thanksgiving to Cyber Monday, into reports/thanksgiving/.
demo: release
	.build/release/peaksim run scenarios/thanksgiving.yaml

# Everything, tests included, in one build that make test, make test-cluster and make demo share.
# It is `swift build`'s: `swift test`'s own build plans the modules differently, and after it
# `swift build --product peaksim` (make demo) recompiled every module (161 s on a fresh clone).
build: deps
	$(SWIFT) build $(TEST_FLAGS) --build-tests

test: deps lint build
	$(SWIFT) test $(TEST_FLAGS) --skip-build

# Sharding on a real batch engine (issue 18): the Slurm job scripts of docs/jobs/ run as job
# arrays on a one-node cluster (the one running, else one started and stopped here), merged
# and compared byte for byte with one machine's run; needs root or sudo for apt-get. After
# `make test` its build compiles nothing.
test-cluster: build
	scripts/slurm/test-cluster.sh .build/release/peaksim

# The house style (.swift-format): part of `make test`, so CI holds every change to it.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

bench: release
	.build/release/peaksim bench engine
	.build/release/peaksim bench validate
	.build/release/peaksim bench pipeline

# A speed change must not change results: every committed scenario's outputs from BASE (a
# peaksim binary or a git revision, built here) and from this tree's release build must be
# byte-identical (scripts/outputs-check.sh; SKIP_LONG=1 leaves out the five-day demo).
outputs-check: release
	scripts/outputs-check.sh "$(BASE)" .build/release/peaksim

clean:
	rm -rf .build
