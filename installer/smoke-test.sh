#!/usr/bin/env bash
# Smoke test of a built app-image: its own launcher and runtime, no display, no JDK.
#
#   installer/smoke-test.sh [APP_IMAGE_DIR]     # default target/installer/app-image/iom-workbench
#
# Runs bin/iom-workbench --version, then the headless pipeline on the sample data the app-image
# carries (lib/app/sample-data, copied to a temporary folder): load, link, score to a CSV, and
# checks the CSV has its header and more than 100 rows; checks the launcher carries the JVM options of
# installer/jvm-linux.options. Exits non-zero on the first failure.
# DISPLAY and WAYLAND_DISPLAY are unset, the home folder (HOME, user.home) and the working
# directory are temporary, and JAVA_HOME is unset, so a pass shows the bundle is self-contained
# and the command line headless.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
app="${1:-$root/target/installer/app-image/iom-workbench}"
[ -d "$app" ] || { echo "smoke-test: no app-image at $app (run installer/build.sh)" >&2; exit 1; }
app="$(cd "$app" && pwd)"
launcher="$app/bin/iom-workbench"
version=$(sed -n 's:^  <version>\([^<]*\)</version>.*:\1:p' "$root/pom.xml" | head -1)
extract_date=2024-12-31   # the sample data's extract date (sample-data/README.md)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/iom-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home"
cd "$tmp"

fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }
run() { # run the launcher headless; its output goes to $tmp/out.txt and to the terminal
  local t=$(date +%s) rc=0
  echo "\$ iom-workbench $*"
  # Java takes user.home from the password database, not $HOME: JAVA_TOOL_OPTIONS moves it (the
  # workbench's settings and log) to the temporary folder; the JVM's "Picked up" line is dropped.
  env -u DISPLAY -u WAYLAND_DISPLAY -u JAVA_HOME HOME="$tmp/home" \
    JAVA_TOOL_OPTIONS="-Duser.home=$tmp/home" \
    "$launcher" "$@" >"$tmp/raw.txt" 2>&1 || rc=$?
  grep -v '^Picked up JAVA_TOOL_OPTIONS' "$tmp/raw.txt" >"$tmp/out.txt" || true
  sed 's/^/    /' "$tmp/out.txt" | head -40
  echo "    (exit $rc, $(( $(date +%s) - t ))s)"
  [ "$rc" -eq 0 ] || fail "iom-workbench $1 exited $rc"
}

[ -x "$launcher" ] || fail "no launcher at $launcher"
[ -d "$app/lib/runtime" ] || fail "no bundled runtime in $app/lib/runtime"
[ -d "$app/lib/app/sample-data" ] || fail "no sample data in $app/lib/app/sample-data"
# the launcher carries every JVM option of installer/jvm-linux.options (low-priority task threads)
cfg="$app/lib/app/iom-workbench.cfg"
while read -r option; do
  [ -z "$option" ] || grep -qxF "java-options=$option" "$cfg" || fail "$cfg lacks $option"
done < "$here/jvm-linux.options"
t_all=$(date +%s)

run --version
grep -q "IOM Workbench $version" "$tmp/out.txt" || fail "--version did not print 'IOM Workbench $version'"

cp -r "$app/lib/app/sample-data" "$tmp/extracts"
run load --workspace "$tmp/ws" --extracts "$tmp/extracts" --extract-date "$extract_date"
grep -q '^snapshot: ' "$tmp/out.txt" || fail "load printed no 'snapshot: ID' line"

run link --workspace "$tmp/ws"

run score --workspace "$tmp/ws" --out "$tmp/scores.csv"
[ -s "$tmp/scores.csv" ] || fail "score wrote no $tmp/scores.csv"
header=$(head -1 "$tmp/scores.csv")
case "$header" in
  person_id,*) ;;
  *) fail "scores.csv header is not person_id,...: $header" ;;
esac
rows=$(( $(wc -l < "$tmp/scores.csv") - 1 ))
[ "$rows" -gt 100 ] || fail "scores.csv has $rows rows, expected more than 100"

echo
echo "smoke-test: OK in $(( $(date +%s) - t_all ))s: $app"
echo "  --version: IOM Workbench $version; sample data loaded, linked and scored headless:" \
     "$rows rows in scores.csv (header: ${header:0:60}...)"
