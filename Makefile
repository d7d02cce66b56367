# Huzhu — two commands set everything up on a fresh Debian/Ubuntu machine:
#   make run    installs what is missing, builds the UI and starts the app
#   make test   installs what is missing and runs every test: core, CLI, UI, end-to-end
# Cargo's build output goes outside the clone so repeated runs stay fast.

SHELL := /bin/bash
export CARGO_TARGET_DIR ?= $(HOME)/.cache/huzhu/target
TOOLS := $(HOME)/.cache/huzhu/tools
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

BUILD_PKGS := pkg-config build-essential libwebkit2gtk-4.1-dev
RUN_PKGS := xvfb xauth x11-utils
TEST_PKGS := webkit2gtk-driver poppler-utils

APP := $(CARGO_TARGET_DIR)/debug/huzhu-app
APP_RELEASE := $(CARGO_TARGET_DIR)/release/huzhu-app

.PHONY: run test deps deps-test ui ui-test core-test bindings-check app e2e bench tauri-driver release clean-db

## Desktop app ---------------------------------------------------------------------------------

run: deps ui
	cargo build --release -p huzhu-app
	$(APP_RELEASE)

release: deps ui
	cargo build --release -p huzhu-app

## Tests ---------------------------------------------------------------------------------------

test: deps deps-test core-test bindings-check ui-test app e2e
	@echo "make test: all suites passed"

core-test:
	cargo test --locked

# ts-rs regenerates ui/src/bindings when the core tests run, and the shell's tests write the UI's
# call map (ui/src/commands.ts) from src-tauri/src/command_list.rs, whose build script writes the
# grants (src-tauri/capabilities); what they wrote must be what is committed.
GENERATED := ui/src/bindings ui/src/commands.ts src-tauri/capabilities
bindings-check: deps ui
	cargo test --locked --lib export_bindings -q
	cargo test --locked -p huzhu-app -q
	@if [ -n "$$(git status --porcelain -- $(GENERATED))" ]; then \
	  git status --porcelain -- $(GENERATED); \
	  echo "generated files are stale: run 'cargo test --lib export_bindings' and 'cargo test -p huzhu-app', commit the result"; exit 1; fi

ui: ui/node_modules/.package-lock.json
	cd ui && npm run build

ui/node_modules/.package-lock.json: ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund

ui-test: ui/node_modules/.package-lock.json
	cd ui && npm run check && npm test && npm run build

app: deps ui
	cargo build --locked -p huzhu-app

e2e: app tauri-driver
	HUZHU_APP_BIN=$(APP) PATH="$(TOOLS)/bin:$$PATH" xvfb-run -a \
	  cargo test --locked --manifest-path tests/e2e/Cargo.toml -- --test-threads=1

tauri-driver: $(TOOLS)/bin/tauri-driver
$(TOOLS)/bin/tauri-driver:
	cargo install tauri-driver --locked --version '^2' --root $(TOOLS)

bench:
	cargo bench --locked

## System packages -----------------------------------------------------------------------------

deps:
	@missing=""; for p in $(BUILD_PKGS) $(RUN_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; fi

deps-test:
	@missing=""; for p in $(TEST_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; fi
