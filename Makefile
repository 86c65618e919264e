# teilhabe: `make run` serves the demo on http://localhost:8080, `make test` runs every test.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

GO      ?= go
NPM     ?= npm
BIN     := bin/teilhabe
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
CHROMIUM ?= $(shell command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null)

FRONTEND_SRC := $(shell find frontend/src frontend/public frontend/scripts -type f 2>/dev/null) \
	frontend/index.html frontend/vite.config.ts frontend/package.json api/openapi.yaml api/events.yaml
GO_SRC := $(shell find . -name '*.go' -not -path './frontend/node_modules/*' 2>/dev/null) \
	$(shell find migrations -name '*.sql') go.mod go.sum

.PHONY: run build test test-go test-frontend test-browser lint bench generate clean

## run: build and serve the demo on http://localhost:8080 (embedded SQLite in ./data, demo users)
run: build
	TEILHABE_DEMO=1 ./$(BIN) serve

## build: the frontend, then one static binary with it embedded
build: $(BIN)

$(BIN): frontend/dist/index.html $(GO_SRC)
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "-s -w -X main.version=$(VERSION)" -o $(BIN) ./cmd/teilhabe

frontend/node_modules/.package-lock.json: frontend/package.json frontend/package-lock.json
	cd frontend && $(NPM) ci --no-audit --no-fund
	touch $@

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FRONTEND_SRC)
	cd frontend && $(NPM) run build

## test: every test: Go (race detector) on SQLite and PostgreSQL, frontend, browser
test: test-go test-frontend test-browser

test-go:
	$(GO) test -race -count=1 -timeout 25m ./...

test-frontend: frontend/node_modules/.package-lock.json
	cd frontend && $(NPM) test

test-browser: build
	@if [ -z "$(CHROMIUM)" ]; then \
	  if [ "$${CI:-}" = "true" ]; then echo "ERROR: Chromium is missing and CI=true: browser tests cannot run (apt-get install -y chromium)"; exit 1; fi; \
	  echo; echo "##################################################################"; \
	  echo "###  BROWSER TESTS SKIPPED: Chromium is not installed.          ###"; \
	  echo "###  Install it with: sudo apt-get install -y chromium          ###"; \
	  echo "##################################################################"; echo; \
	else \
	  cd frontend && TEILHABE_BIN=$(CURDIR)/$(BIN) CHROMIUM=$(CHROMIUM) $(NPM) run e2e; \
	fi

## lint: go vet, gofmt and the frontend's type check
lint: frontend/node_modules/.package-lock.json
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	cd frontend && $(NPM) run typecheck

PIN_SERVER ?= $(shell [ "$$(nproc)" -gt 1 ] && command -v taskset >/dev/null && echo taskset -c 0)

## bench: the benchmarks, each against its own reference, as a table (PostgreSQL as for tests)
bench:
	@echo "| benchmark              | metric             |          value |"
	@echo "|------------------------|--------------------|----------------|"
	@$(GO) test -c -o bin/bench-httpapi.test ./internal/httpapi && $(GO) test -c -o bin/bench-store.test ./internal/store && $(GO) test -c -o bin/bench-realtime.test ./internal/realtime
	@# The servers of store and httpapi run on core 0; wrk and pgbench, their load, are pinned to
	@# core 1 by the benchmarks. The fan-out benchmark places its own client process.
	@{ for p in store httpapi; do (cd internal/$$p && $(PIN_SERVER) ../../bin/bench-$$p.test -test.run '^$$' -test.bench . -test.benchtime 1x); done; \
	  (cd internal/realtime && ../../bin/bench-realtime.test -test.run '^$$' -test.bench . -test.benchtime 1x); } | awk -f scripts/benchtable.awk
	@echo "$$(date -u +%Y-%m-%d), $$(nproc) cores, $$(awk -F': ' '/model name/{print $$2; exit}' /proc/cpuinfo)"

## generate: Go and TypeScript types from api/openapi.yaml and from the live events in api/events.yaml
generate: frontend/node_modules/.package-lock.json
	$(GO) generate ./api/...
	cd frontend && $(NPM) run gen:api

clean:
	rm -rf bin frontend/dist/assets frontend/dist/index.html
