#!/usr/bin/env bash
# The one test command: installs the real servers the tests need when no Docker engine can provide them,
# runs every test project, and ends with one line "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

have_postgres() {
  local candidate
  for candidate in /usr/lib/postgresql/*/bin/postgres; do
    [ -x "$candidate" ] && return 0
  done
  return 1
}

install_missing_packages() {
  local missing=() services=()

  # Without Docker the fixtures run the servers' own binaries (see DESIGN.md, "Tests and the real servers").
  if ! timeout 10 docker info >/dev/null 2>&1; then
    command -v influxd >/dev/null 2>&1 || { missing+=(influxdb); services+=(influxdb); }
    command -v redis-server >/dev/null 2>&1 || { missing+=(redis-server); services+=(redis-server); }
    have_postgres || { missing+=(postgresql); services+=(postgresql); }
  fi
  # The browser, PDF and DNS tests use these whether or not Docker is there.
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  # The DNS probe tests ask a real name server; dnsmasq-base is the binary without a system service.
  [ -x /usr/sbin/dnsmasq ] || command -v dnsmasq >/dev/null 2>&1 || missing+=(dnsmasq-base)
  # The e-mail notification tests send through a real SMTP server (aiosmtpd, run with the system python3).
  /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)

  [ "${#missing[@]}" -eq 0 ] && return 0

  if ! command -v apt-get >/dev/null 2>&1; then
    echo "run.sh: missing ${missing[*]} and no apt-get to install them; the tests that need them will say so." >&2
    return 0
  fi

  echo "run.sh: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"

  # The packages' install scripts may start their services on the default ports; the fixtures start their own.
  local service
  for service in "${services[@]}"; do
    if command -v service >/dev/null 2>&1; then
      as_root service "$service" stop >/dev/null 2>&1 || true
    fi
  done
}

# The value of attribute $2 in the TRX Counters element $1, 0 when absent.
counter() {
  local value
  value=$(printf '%s\n' "$1" | sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p")
  echo "${value:-0}"
}

# Sums the Counters of every TRX file under $1 and prints "N passed, N failed[, N skipped]".
# $2 is the exit code of dotnet test: a failed run with no failed test (a build error, a crashed
# test host) still counts as one failure so that it can never read as green.
summarize() {
  local results_dir=$1 test_exit=$2
  local passed=0 failed=0 skipped=0 file counters
  local total executed pass fail error timed_out aborted not_executed not_run
  while IFS= read -r -d '' file; do
    counters=$(grep -o '<Counters [^>]*>' "$file" | head -n 1 || true)
    [ -n "$counters" ] || continue
    total=$(counter "$counters" total)
    executed=$(counter "$counters" executed)
    pass=$(counter "$counters" passed)
    fail=$(counter "$counters" failed)
    error=$(counter "$counters" error)
    timed_out=$(counter "$counters" timeout)
    aborted=$(counter "$counters" aborted)
    not_executed=$(counter "$counters" notExecuted)
    # xunit's skipped tests show up as total minus executed while notExecuted stays 0.
    not_run=$((total - executed))
    if [ "$not_run" -gt "$not_executed" ]; then
      not_executed=$not_run
    fi
    passed=$((passed + pass))
    failed=$((failed + fail + error + timed_out + aborted))
    skipped=$((skipped + not_executed))
  done < <(find "$results_dir" -name '*.trx' -print0 2>/dev/null)

  if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
  fi

  if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi

  [ "$failed" -eq 0 ] && [ "$test_exit" -eq 0 ]
}

install_missing_packages

# A directory of its own per run, so two checkouts testing at once never count each other's results.
results_dir=$(mktemp -d "${TMPDIR:-/tmp}/itssmonitor-tests.XXXXXX")
echo "run.sh: test results in $results_dir"

# dotnet test goes on with the other projects when one fails; its exit code is kept, not fatal here.
test_exit=0
dotnet test ItssMonitor.sln --nologo \
  --logger trx --results-directory "$results_dir" \
  --blame-hang-timeout 15m --blame-hang-dump-type none \
  || test_exit=$?

summarize "$results_dir" "$test_exit"
