#!/usr/bin/env bash
# Installs every Debian package Fieldnotes needs to build, test and run.
# This is the one list; the README's commands and .ci/run call this script.
# Idempotent: when everything is present it prints nothing and does no network work.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config clang-format
  # checks: clang-tidy over the libraries (packaging/clang-tidy.sh)
  clang-tidy-14
  # the stack
  libsqlite3-dev libssl-dev libpoco-dev libhpdf-dev libboost-test-dev
  libwxgtk3.2-dev libpoppler-cpp-dev libstemmer-dev libicu-dev zlib1g-dev
  libharfbuzz-dev libfontconfig-dev
  # build tool only: training the safety classifier (tests/tools/safety_train.cpp);
  # the model is data in the client, which needs no liblinear at run time
  liblinear-dev
  # run time: the report's fonts (DejaVu Sans; Noto for CJK, Devanagari, Thai, ...)
  fonts-dejavu-core fonts-noto-core fonts-noto-cjk
  # tests: PDF read-back, GUI under a virtual display, server checks
  poppler-utils qpdf pango1.0-tools xvfb xauth imagemagick xdotool curl openssl sqlite3 nginx wrk python3
  socat jq desktop-file-utils
  # the server on PostgreSQL (libpq for the build; a real PostgreSQL 15, its
  # pg_dump and HAProxy for the tests and the bench; docs/operations.md)
  libpq-dev postgresql-15 postgresql-client-15 haproxy libnginx-mod-stream
  # packaging: man pages from --help, the Debian packages and their checks
  # (docs/operations.md)
  help2man man-db bsdextrautils lintian appstream systemd dpkg-dev fakeroot
  # tests: the desktop apps read through a real accessibility client (AT-SPI)
  python3-pyatspi at-spi2-core dbus dbus-x11
  gettext locales
  # wx's own words (stock buttons, --help headings) in the user's language
  wx3.2-i18n
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "${PACKAGES[@]}"
  exit 0
fi

# The languages Fieldnotes speaks need their locales on the machine: the
# tests run the programs with LANG=de_DE.UTF-8 (fr_FR, es_ES) and write
# reports in a language other than the app's (core/i18n.h).
LOCALES=(en_US.UTF-8 de_DE.UTF-8 fr_FR.UTF-8 es_ES.UTF-8)
missing_locales=()
for l in "${LOCALES[@]}"; do
  norm=$(echo "$l" | sed 's/UTF-8$/utf8/')
  if ! locale -a 2>/dev/null | grep -qx "$norm"; then
    missing_locales+=("$l")
  fi
done

if [ "${#missing[@]}" -eq 0 ] && [ "${#missing_locales[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]:-none}; missing locales: ${missing_locales[*]:-none}" >&2
  echo "install-deps: run as root (or with sudo) to install them" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ "${#missing_locales[@]}" -gt 0 ]; then
  echo "install-deps: generating locales ${missing_locales[*]}" >&2
  for l in "${missing_locales[@]}"; do
    grep -qx "$l UTF-8" /etc/locale.gen 2>/dev/null || echo "$l UTF-8" >> /etc/locale.gen
  done
  locale-gen >/dev/null
fi
