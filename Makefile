# Two commands set everything up: `make build` and `make test`.
# Both create .venv and node_modules from the pinned files when missing.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup system-deps build serve test bench clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

system-deps:
	bash tools/install_system_deps.sh

# site/ for the web; dist/ for readers to carry away: the offline zip and
# the PDFs (needs chromium and the Chinese fonts, hence system-deps).
build: setup system-deps
	$(PY) tools/build_site.py --site-dir site
	$(PY) tools/build_dist.py --dist-dir dist

serve: setup
	$(PY) -m mkdocs serve --livereload

test: setup system-deps
	$(PY) -m pytest

bench: setup
	$(PY) tools/bench.py

clean:
	rm -rf site dist .build
