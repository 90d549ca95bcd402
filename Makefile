# netaudit — everything a fresh Debian machine needs, from two commands: make demo, make test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO   := sample_configs/cisco-commune-leaky

.PHONY: demo test bench clean install

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "netaudit needs Python >= 3.11"'
	@$(PYTHON) -m venv --help >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq python3-venv)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

demo: $(STAMP)
	@echo "== netaudit audit $(DEMO)  (exit 1 = findings at or above 'high', as expected for a leaky office)"
	-$(BIN)/netaudit audit $(DEMO) --lang en
	@echo
	@echo "== netaudit trace: can a guest reach a staff PC on SMB?"
	-$(BIN)/netaudit trace $(DEMO) --from guest --to 10.10.10.5 --service tcp/445 --lang en

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m pytest -q tests/bench --benchmark-enable --benchmark-only

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .benchmarks
