# The one entry point for people: `make help` lists the targets.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed ## Create .venv/ and install the project with its dev tools

setup: install ## Migrate, import territories, load the demo archive, ensure the admin account
	$(MANAGE) migrate --noinput
	$(MANAGE) kb_territories
	$(MANAGE) kb_demo
	$(MANAGE) kb_index repair --allow-unreachable
	$(MANAGE) kb_ensure_admin
	$(MANAGE) kb_demo_people

run: setup ## Set up (idempotent), start the background worker (imports, extraction, alerts) and serve the site on http://127.0.0.1:8000
	@$(MANAGE) kb_worker --backend background & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

AXE_JS := tests/browser/node_modules/axe-core/axe.min.js
$(AXE_JS): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/browser --silent --no-audit --no-fund && touch $@ || echo "== npm ci a échoué : les tests d'accessibilité dans le navigateur seront sautés."; else echo "== npm absent : axe-core n'est pas installé, les tests d'accessibilité dans le navigateur seront sautés."; fi

test: install $(AXE_JS) ## Run the whole suite on SQLite, then on PostgreSQL when KB_TEST_POSTGRES_URL is set
	$(BIN)/pytest
	@if [ -n "$$KB_TEST_POSTGRES_URL" ]; then \
		echo "== Volet PostgreSQL ($$KB_TEST_POSTGRES_URL)"; \
		echo "== Le cluster à trois nœuds (tests/search_es/test_live_nodes.py) a été éprouvé sur le volet SQLite : il ne dépend pas de la base."; \
		DATABASE_URL="$$KB_TEST_POSTGRES_URL" $(BIN)/pytest --ignore=tests/search_es/test_live_nodes.py; \
	else \
		echo "== Volet PostgreSQL sauté : KB_TEST_POSTGRES_URL n'est pas défini (.ci/run l'installe et le définit)."; \
	fi

BENCH_DIR := var/bench
BENCH_ARGS ?=
BENCH_SIZES ?=
bench: install ## Benchmark search and indexing on a 100,000-item archive (generated once under var/bench/), on the cluster too (alias kb-bench) when KB_ELASTICSEARCH_URL is set; BENCH_ARGS=--sans-wagtail skips column (c); BENCH_SIZES="10000 100000" measures each size in its own database (rebuild included) and prints how cost grows
	mkdir -p $(BENCH_DIR)
	$(if $(BENCH_SIZES),rm -f $(BENCH_DIR)/growth.json)
	@set -e; for size in $(or $(BENCH_SIZES),100000); do \
		name=bench; [ "$$size" = 100000 ] || name=bench-$$size; \
		db="DATABASE_URL=sqlite:///$(CURDIR)/$(BENCH_DIR)/$$name.sqlite3 MEDIA_ROOT=$(CURDIR)/$(BENCH_DIR)/media$${name#bench}"; \
		echo "== $$size éléments ($(BENCH_DIR)/$$name.sqlite3)"; \
		env $$db $(MANAGE) migrate --noinput -v0; \
		env $$db $(MANAGE) kb_territories; \
		env $$db KB_ELASTICSEARCH_INDEX=kb-$$name DEBUG=0 LOG_LEVEL=WARNING $(MANAGE) kb_bench --records $$size \
			$(if $(BENCH_SIZES),--croissance $(CURDIR)/$(BENCH_DIR)/growth.json) $(BENCH_ARGS); \
	done

IMPORT_BENCH_DIR := var/bench-import
IMPORT_BENCH_ENV := DATABASE_URL=sqlite:///$(CURDIR)/$(IMPORT_BENCH_DIR)/import.sqlite3 MEDIA_ROOT=$(CURDIR)/$(IMPORT_BENCH_DIR)/media
IMPORT_ROWS ?= 10000
bench-import: install ## Time the bibliography import (reading, dry run, real run) on IMPORT_ROWS generated BibTeX references, in a throwaway database
	rm -rf $(IMPORT_BENCH_DIR) && mkdir -p $(IMPORT_BENCH_DIR)
	$(IMPORT_BENCH_ENV) $(MANAGE) migrate --noinput -v0
	$(IMPORT_BENCH_ENV) DEBUG=0 LOG_LEVEL=WARNING $(MANAGE) kb_import_bench --rows $(IMPORT_ROWS)

RELEVANCE_DIR := var/relevance
RELEVANCE_ENV := DATABASE_URL=sqlite:///$(CURDIR)/$(RELEVANCE_DIR)/relevance.sqlite3 MEDIA_ROOT=$(CURDIR)/$(RELEVANCE_DIR)/media
relevance: install ## MRR@10 and recall@10 on judged French queries, against plain BM25 (database of its own under var/relevance/)
	mkdir -p $(RELEVANCE_DIR)
	$(RELEVANCE_ENV) $(MANAGE) migrate --noinput -v0
	$(RELEVANCE_ENV) $(MANAGE) kb_territories -v0
	$(RELEVANCE_ENV) LOG_LEVEL=WARNING $(MANAGE) kb_demo
	$(RELEVANCE_ENV) DEBUG=0 LOG_LEVEL=WARNING $(MANAGE) kb_relevance

lint: install ## ruff and the migrations check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

.PHONY: help install setup run test bench bench-import relevance lint

CLUSTER_NODES ?=
cluster: ## Start a local OpenSearch node (CLUSTER_NODES=3 for three) from Maven jars, wait for green, print the settings
	@cluster/cluster.sh start $(if $(CLUSTER_NODES),--nodes $(CLUSTER_NODES))

cluster-stop: ## Stop the local OpenSearch node(s) that make cluster started
	@cluster/cluster.sh stop

.PHONY: cluster cluster-stop

cluster-es: ## Start a local Elasticsearch 9 node (Maven, Java 21+, unprivileged user), wait for its health, print the setting
	@cluster/elasticsearch.sh start

cluster-es-stop: ## Stop the local Elasticsearch node that make cluster-es started
	@cluster/elasticsearch.sh stop

.PHONY: cluster-es cluster-es-stop

LOAD_SECONDS ?= 10
LOAD_DIR := var/load
LOAD_ENV := DATABASE_URL=sqlite:///$(CURDIR)/$(LOAD_DIR)/load.sqlite3 KB_CACHE_DIR=$(CURDIR)/$(LOAD_DIR)/cache
load: install ## Readers per second on the production server (gunicorn, 3 workers, a copy of the demo database) under wrk, against the static ceiling
	@command -v wrk >/dev/null 2>&1 || { echo "== wrk est absent : installez-le (apt-get install wrk) pour mesurer la tenue en charge."; exit 1; }
	@test -f db.sqlite3 || $(MAKE) setup
	rm -rf $(LOAD_DIR) && mkdir -p $(LOAD_DIR)
	$(BIN)/python -c "import sqlite3; sqlite3.connect('db.sqlite3').backup(sqlite3.connect('$(LOAD_DIR)/load.sqlite3'))"
	$(LOAD_ENV) $(MANAGE) migrate --noinput -v0
	$(LOAD_ENV) DEBUG=0 LOG_LEVEL=WARNING $(MANAGE) kb_load --secondes $(LOAD_SECONDS)

.PHONY: load
