# netaudit — everything a fresh Debian machine needs, from two commands: make demo, make test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO   := sample_configs/cisco-commune-leaky

# Debian packages the reports and their tests use: PDF (WeasyPrint needs Pango),
# pdftotext, Graphviz, fonts with Vietnamese diacritics, headless Chromium, LibreOffice Writer
# (DOCX → PDF in tests/report/test_docx.py); the probe lab
# (tests/lab) uses nftables, iptables, nmap, iproute2 and tcpdump.
DEBS   := chromium poppler-utils graphviz fonts-dejavu-core fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0 \
          libreoffice-writer-nogui nftables iptables nmap iproute2 tcpdump
DEBSTAMP := $(VENV)/.debs-stamp

.PHONY: demo test bench bench-differential model-dumps lint clean install sysdeps bytecode

install: $(STAMP) $(DEBSTAMP)

sysdeps: $(DEBSTAMP)

$(DEBSTAMP):
	@missing=$$(for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "netaudit: missing Debian packages (run as root to install): $$missing"; fi; \
	fi
	@mkdir -p $(VENV) && touch $@

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "netaudit needs Python >= 3.11"'
	@$(PYTHON) -m venv --help >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq python3-venv)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

# Byte-compile the package: environments with PYTHONDONTWRITEBYTECODE=1 would otherwise
# recompile every module on every run of an editable install (≈ 0.1 s per audit).
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q netaudit >/dev/null

demo: $(STAMP) $(DEBSTAMP) bytecode
	@echo "== netaudit audit $(DEMO)  (exit 1 = findings at or above 'high', as expected for a leaky office)"
	@$(BIN)/netaudit audit $(DEMO) --lang en || [ $$? -eq 1 ]
	@echo
	@echo "== netaudit trace: can a guest reach a staff PC on SMB?"
	@$(BIN)/netaudit trace $(DEMO) --from guest --to 10.10.10.5 --service tcp/445 --lang en
	@mkdir -p out
	@$(BIN)/netaudit audit $(DEMO) --format html -o out/report.html || [ $$? -eq 1 ]
	@$(BIN)/netaudit audit $(DEMO) --format pdf -o out/report.pdf || [ $$? -eq 1 ]
	@echo
	@echo "== reports (Vietnamese; --lang en for English): out/report.html, out/report.pdf, out/report.drawio"

# Three processes: in one, the full suite once aborted inside CUDD at about 73 % on clean
# clones — a race between Python's cyclic collector and dd, understood and fixed with issue
# #15 (docs/performance.md, "Known problem"); the split is kept as a guard.
test: $(STAMP) $(DEBSTAMP) bytecode
	$(BIN)/python -m pytest -q tests/blueprint tests/checks tests/differential tests/lab tests/live tests/remedy
	$(BIN)/python -m pytest -q tests/parsers tests/report
	$(BIN)/python -m pytest -q tests --ignore=tests/blueprint --ignore=tests/checks --ignore=tests/differential \
	  --ignore=tests/lab --ignore=tests/live --ignore=tests/remedy --ignore=tests/parsers --ignore=tests/report

# Lint, format and types: part of CI (.ci/run).
lint: $(STAMP)
	$(BIN)/ruff check netaudit tests scripts
	$(BIN)/ruff format --check netaudit tests scripts
	$(BIN)/mypy

bench: $(STAMP) $(DEBSTAMP) bytecode
	$(BIN)/python -m pytest -q tests/bench --benchmark-enable --benchmark-only

# The engine against the Linux kernel over 1,000 random networks (root; docs/differential.md).
bench-differential: $(STAMP) $(DEBSTAMP) bytecode
	$(BIN)/python -m tests.lab.differential.run --seeds 1-1000 --jobs 2 --resume \
	  --results differential-results.jsonl --keep differential-findings --out docs/differential.md

# Expected vendor-neutral model of every fixture and sample config (tests/model_dump.py):
# rewrite them after a deliberate parser change, then review `git diff -- '*.model.json'`.
model-dumps: $(STAMP)
	$(BIN)/python -m tests.model_dump --update

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .benchmarks
