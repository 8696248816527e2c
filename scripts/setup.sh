#!/usr/bin/env bash
# Installs whatever this machine lacks to build, serve and test the widget,
# and skips whatever is already there at the right version, so a second run
# takes seconds. Run by `make serve` and `make test`; safe to run by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# trunk 0.22 needs a newer rustc than these machines have (1.95).
TRUNK_SERIES='0.21'
# Debian's binaryen is too old for what rustc emits; npm's build is current.
BINARYEN_VERSION='132'
MIN_WASM_OPT=119

for tool in cargo rustup npm node; do
  command -v "$tool" >/dev/null || { echo "setup: $tool is required but not installed" >&2; exit 1; }
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "^trunk ${TRUNK_SERIES//./\\.}\."; then
  say "installing trunk ${TRUNK_SERIES} (about 7 minutes on 2 cores)"
  cargo install --locked trunk --version "^${TRUNK_SERIES}"
fi

# trunk and the browser tests need the wasm-bindgen CLI of exactly the
# version in Cargo.lock; with another one trunk tries to download its own.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
installed_bindgen=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$installed_bindgen" != "$bindgen_version" ] || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli ${bindgen_version} (about 3 minutes)"
  # Without --locked: with it, a locked transitive version is missing from crates.io.
  cargo install wasm-bindgen-cli --version "=${bindgen_version}" --force
fi

wasm_opt_version=$(wasm-opt --version 2>/dev/null | sed -n 's/.*version[ _]\([0-9]\+\).*/\1/p' | head -n 1 || true)
if [ -z "$wasm_opt_version" ] || [ "$wasm_opt_version" -lt "$MIN_WASM_OPT" ]; then
  say "installing wasm-opt (binaryen ${BINARYEN_VERSION}) from npm"
  npm install --global --no-audit --no-fund "binaryen@${BINARYEN_VERSION}"
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian's Chromium and ChromeDriver"
  as_root apt-get -o DPkg::Lock::Timeout=300 update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y chromium chromium-driver
fi

# Firefox and WebKit for the journeys in every engine (tests/e2e/engines.mjs):
# Debian's Firefox ESR (driven over WebDriver BiDi, no geckodriver) and
# WebKitGTK's WebDriver with its MiniBrowser, on an Xvfb screen.
if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v Xvfb >/dev/null; then
  say "installing Debian's Firefox ESR, WebKitGTK's WebDriver and Xvfb"
  as_root apt-get -o DPkg::Lock::Timeout=300 update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends \
    firefox-esr webkit2gtk-driver xvfb xauth
fi

# The WordPress plugin's test (tests/e2e/wordpress.test.mjs): a real
# WordPress 6.1 (Debian's) with PHP and MariaDB, zip for packaging the plugin
# and unzip for unpacking WordPress 6.5 (npm, below); Twenty Twenty-One, a
# classic theme, as most clinics' sites have; php-zip for WordPress's own
# Tools → Export Personal Data, which zips the export (ZipArchive). Only what
# is missing.
wordpress_packages=(zip unzip php-cli php-mysql php-sqlite3 php-mbstring php-xml php-zip mariadb-server wordpress wordpress-theme-twentytwentythree wordpress-theme-twentytwentyone)
missing=()
for package in "${wordpress_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing the WordPress test stack: ${missing[*]}"
  as_root apt-get -o DPkg::Lock::Timeout=300 update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${missing[@]}"
fi

# `make release` zips the package; its test unzips it.
if ! command -v zip >/dev/null || ! command -v unzip >/dev/null; then
  say "installing zip and unzip"
  as_root apt-get -o DPkg::Lock::Timeout=300 update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y zip unzip
fi

# A folder's npm packages, exactly as its package-lock.json has them; again
# only when the lock file changed since the last install.
npm_packages() {
  local dir=$1 what=$2 stamp="$1/node_modules/.installed-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    say "installing $what (npm)"
    npm ci --prefix "$dir" --no-audit --no-fund
    cp "$dir/package-lock.json" "$stamp"
  fi
}
# tests/e2e holds WordPress 6.5 too (@wp-playground/wordpress-builds, about 160 MB).
npm_packages tests/e2e "the end-to-end tests' packages"
npm_packages scripts "the package's minifiers (terser, csso)"

say "ready (trunk $(trunk --version | awk '{print $2}'), wasm-bindgen ${bindgen_version}, wasm-opt ${wasm_opt_version:-new}, $(chromium --version 2>/dev/null | head -n 1), $(firefox-esr --version 2>/dev/null | head -n 1))"
