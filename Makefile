# The two commands of the README:
#   make serve   install what is missing, then serve the demo clinic page
#   make test    install what is missing, then run every test
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := serve

CHROMEDRIVER ?= /usr/bin/chromedriver
TARGET_DIR := $(shell cargo metadata --format-version 1 --no-deps 2>/dev/null | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')

.PHONY: setup serve test lint native-tests browser-tests build release embed embed-panic-test readme-snippet wordpress e2e-wordpress e2e size-check baseline bench bench-sizes bench-timing bench-throttled bench-engine

setup:
	@scripts/setup.sh

## Serve the demo clinic page at http://127.0.0.1:8080 (rebuilds on change).
serve: setup
	trunk serve

## Every test, in the order that fails fastest.
test: setup lint native-tests browser-tests embed release size-check embed-panic-test e2e

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

native-tests:
	cargo test

browser-tests:
	CHROMEDRIVER=$(CHROMEDRIVER) cargo test --target wasm32-unknown-unknown --test web

## The release build of the demo page and the widget, in dist/, with the
## setup page's module (smp-estimator-setup: the widget plus the setup API).
build:
	trunk build --release

## The package a clinic hosts: dist/embed/ with stable names and the
## embed snippet (with Subresource Integrity hashes).
embed: build
	node scripts/package-embed.mjs

## The WordPress plugin, widget included: dist/smp-estimator-wordpress.zip.
wordpress: embed
	node scripts/package-wordpress.mjs

## What a clinic downloads: dist/smp-estimator-<version>.zip, the package
## folder as smp-estimator/ with its guide (README.md) and an npm layout
## (package.json) for CDNs that mirror npm.
release: embed
	node scripts/package-release.mjs

## After a change to the widget: put the new snippet hashes in the README.
readme-snippet: build
	node scripts/package-embed.mjs --update-readme

## A package whose widget panics when alopecia totalis is chosen, for the
## end-to-end test of panic recovery (own target folder: no rebuild churn).
## Only panic-test: the setup-api feature stays in the setup page's module.
embed-panic-test:
	CARGO_TARGET_DIR=$(TARGET_DIR)/panic-test trunk build --release --features panic-test --dist dist-panic-test
	node scripts/package-embed.mjs --from dist-panic-test

e2e: release embed-panic-test wordpress
	cargo build --bin smp-quote
	SMP_QUOTE=$(TARGET_DIR)/debug/smp-quote npm --prefix tests/e2e test

## Only the WordPress plugin's end-to-end test (part of `e2e`): installed
## through WordPress's upload form into a real WordPress (Debian's 6.1, and
## 6.5 from npm) on MariaDB, and checked in Chromium.
e2e-wordpress: wordpress
	cargo build --bin smp-quote
	SMP_QUOTE=$(TARGET_DIR)/debug/smp-quote node --test tests/e2e/wordpress.test.mjs

## The Yew counter every size and time is compared with, built with the
## same profile, wasm-opt level and minifier (its own lock file and target
## folder).
baseline:
	cd bench/baseline && trunk build --release
	node bench/minify-baseline.mjs

## The size ceiling (bench/size-ceiling.json): fails when the package's gzip
## total grows past it, so no change can grow the widget silently.
size-check: embed baseline
	node bench/sizes.mjs --check

## Benchmarks: transfer sizes and browser timings against the Yew counter
## built in the same run, unthrottled and under Lighthouse's mobile
## throttling, then the engine alone. Reported, never asserted (shared,
## noisy machines): see docs/performance.md for the budgets.
bench: setup bench-sizes bench-timing bench-throttled bench-engine

bench-sizes: embed baseline
	node bench/sizes.mjs

bench-timing: embed baseline
	node bench/timing.mjs

## The phone budget (Total Blocking Time at most 200 ms, no task over
## 100 ms): the widget and the counter under a 4x slower CPU and a
## slow 4G network, gzip-encoded, 9 interleaved cold loads each
## (RUNS=N for more; TRACE=1 names the longest tasks from a trace);
## then a clinic's page (hero image, text, the snippet below) with the
## widget against without it (bench/clinic.mjs). ONLY=clinic or
## ONLY=widget runs one of the two.
bench-throttled: embed baseline
	node bench/throttled.mjs --runs $(or $(RUNS),9) $(if $(TRACE),--trace) $(if $(ONLY),--only $(ONLY))

## The engine alone with criterion (one quote; the full price sheet).
bench-engine:
	cargo bench --bench engine
