#!/usr/bin/env bash
# What the widget's WebAssembly spends its bytes on: builds the release wasm,
# runs wasm-bindgen and wasm-opt -Oz as trunk does but keeping the function
# names (-g), and prints twiggy's largest items and totals by crate.
# Needs twiggy (`cargo install twiggy`; not part of `make setup`).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v twiggy >/dev/null || { echo "twiggy is not installed: cargo install twiggy" >&2; exit 2; }
out="${TMPDIR:-/tmp}/smp-size-report"
rm -rf "$out" && mkdir -p "$out"
cargo build --release --target wasm32-unknown-unknown --bin smp-estimator
target="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
wasm-bindgen --target web --out-dir "$out" "$target/wasm32-unknown-unknown/release/smp-estimator.wasm"
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
wasm-opt -Oz -g "${features[@]}" "$out/smp-estimator_bg.wasm" -o "$out/named.wasm"
wasm-opt -Oz --strip-debug "${features[@]}" "$out/smp-estimator_bg.wasm" -o "$out/stripped.wasm"
echo "wasm without names: $(stat -c %s "$out/stripped.wasm") bytes, gzip -9 $(gzip -9c "$out/stripped.wasm" | wc -c) bytes"
twiggy top -n 40 "$out/named.wasm"
echo
echo "By crate (bytes, names section left out):"
twiggy top -n 100000 --format csv "$out/named.wasm" | awk -F, 'NR > 1 && $1 !~ /names/ {
    name = $1; gsub(/^"|"$/, "", name); sub(/^[<&]+/, "", name)
    if (name ~ /^data segment/) crate = "data (strings, tables)"
    else { split(name, parts, "::"); crate = parts[1]; sub(/\[.*/, "", crate) }
    sum[crate] += $2
  } END { for (c in sum) printf "%8d  %s\n", sum[c], c }' | sort -rn | head -20
echo "Named build: $out/named.wasm (twiggy paths/dominators work on it)."
