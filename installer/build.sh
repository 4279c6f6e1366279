#!/usr/bin/env bash
# Builds the self-contained IOM Workbench installer for Linux: a jlink-trimmed Java runtime, the
# fat jar and the sample data, packaged by jpackage as an app-image and a Debian package.
#
#   installer/build.sh                   # app-image and .deb, under target/installer/
#   installer/build.sh --app-image-only  # the app-image only (what CI smoke-tests)
#   installer/build.sh --rebuild         # run `mvn package` first even if the jar is there
#
# Needs a JDK 17 with jlink, jdeps and jpackage (JAVA_HOME, or on the PATH); the .deb also needs
# dpkg-deb and fakeroot. Runs from any directory. See installer/README.md.
set -euo pipefail

app_image_only=false
rebuild=false
for arg in "$@"; do
  case "$arg" in
    --app-image-only) app_image_only=true ;;
    --rebuild) rebuild=true ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

tool() { # the JDK tool $1: from JAVA_HOME if set, else the PATH
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$1" ]; then echo "$JAVA_HOME/bin/$1"
  elif command -v "$1" >/dev/null; then command -v "$1"
  else echo "build.sh: $1 not found (a full JDK 17 is needed, not a JRE)" >&2; exit 1; fi
}
JLINK=$(tool jlink); JDEPS=$(tool jdeps); JPACKAGE=$(tool jpackage)
JDK_HOME="$(cd "$(dirname "$(readlink -f "$JLINK")")/.." && pwd)"
jdk_version=$("$JDK_HOME/bin/java" -version 2>&1 | head -1)
case "$jdk_version" in
  *'"17'*) ;;
  *) echo "build.sh: warning: expected a JDK 17, found: $jdk_version" >&2 ;;
esac
[ -f "$JDK_HOME/jmods/java.base.jmod" ] || {
  echo "build.sh: no $JDK_HOME/jmods (jlink needs them; some distributions ship them apart, e.g. openjdk-17-jmods)" >&2
  exit 1; }
if ! $app_image_only; then
  for t in dpkg-deb fakeroot; do
    command -v $t >/dev/null || { echo "build.sh: the .deb needs $t (apt install dpkg-dev fakeroot), or use --app-image-only" >&2; exit 1; }
  done
fi

name=iom-workbench                        # launcher, package and install directory (/opt/iom-workbench)
title="IOM Workbench"                     # what the menu shows (installer/linux/iom-workbench.desktop)
# the project's own <version> (two-space indent; the dependencies' versions are deeper)
version=$(sed -n 's:^  <version>\([^<]*\)</version>.*:\1:p' pom.xml | head -1)
[ -n "$version" ] || { echo "build.sh: no <version> in pom.xml" >&2; exit 1; }
jar=target/iom-workbench.jar
out=target/installer
step() { printf '\n== %s\n' "$*"; }
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }
t_all=$(date +%s)

# --- 1. the fat jar -------------------------------------------------------------------------
if $rebuild || [ ! -f "$jar" ]; then
  step "building $jar (mvn package, tests skipped)"
  t=$(date +%s)
  mvn_package() {
    # offline first (the dependencies are usually cached), then online
    mvn -B -q -o package -DskipTests || mvn -B -q package -DskipTests
  }
  if command -v flock >/dev/null; then
    # one Maven build at a time on this machine
    export -f mvn_package; flock /tmp/mvn.lock bash -c mvn_package
  else
    mvn_package
  fi
  echo "built in $(elapsed "$t")"
else
  step "reusing $jar ($(date -r "$jar" '+%F %T'); --rebuild to build it again)"
  newer=$(find pom.xml src fxml sample-data -newer "$jar" -type f 2>/dev/null | head -3)
  [ -z "$newer" ] || echo "note: newer than the jar: $(echo $newer) ..."
fi

mkdir -p "$out"

# --- 2. the modules the runtime needs -------------------------------------------------------
# jdeps on the fat jar (all of it is on the class path, JavaFX included), cached by the jar's hash.
# On top of what jdeps finds, modules that are only reached by reflection or service loading:
#   jdk.localedata  the en-GB formats (the code formats with Locale.UK everywhere)
#   jdk.charsets    extracts in encodings other than UTF-8/ISO-8859-1 (e.g. windows-1252)
#   jdk.crypto.ec   elliptic-curve TLS/signatures (H2 and the JDK pick providers at run time)
#   jdk.zipfs       the zip file system provider
#   java.logging    java.util.logging, which Logback/SLF4J and JavaFX bridge to
extra_modules="jdk.localedata,jdk.charsets,jdk.crypto.ec,jdk.zipfs,java.logging"
# If jdeps fails: the union of what it printed during 0.1.0 (JavaFX 21 on the class path,
# H2 2.3, Smile 3.1, Tablesaw 0.44, Logback 1.5, picocli 4.7, Jackson 2.20, com.sun.management).
fallback_modules="java.base,java.compiler,java.desktop,java.instrument,java.management,java.naming,java.scripting,java.sql,jdk.jfr,jdk.management,jdk.net,jdk.unsupported"

step "modules (jdeps)"
t=$(date +%s)
jar_sum=$(sha256sum "$jar" | cut -d' ' -f1)
cache="$out/jdeps-modules.txt"
if [ -f "$cache" ] && [ "$(head -1 "$cache")" = "$jar_sum" ]; then
  found=$(sed -n 2p "$cache"); echo "jdeps (cached for this jar): $found"
elif found=$("$JDEPS" --ignore-missing-deps --multi-release 17 --print-module-deps "$jar" 2>"$out/jdeps.err" | tail -1) \
     && [[ "$found" =~ ^java\.base ]]; then
  printf '%s\n%s\n' "$jar_sum" "$found" > "$cache"
  echo "jdeps ($(elapsed "$t")): $found"
else
  echo "jdeps failed (see $out/jdeps.err); using the fixed list" >&2
  found=$fallback_modules
fi
modules=$(echo "$found,$extra_modules" | tr ',' '\n' | sed '/^$/d' | sort -u | paste -sd, -)
echo "runtime modules: $modules"

# --- 3. the trimmed runtime -----------------------------------------------------------------
runtime="$out/runtime"
stamp="$modules | $jdk_version"
if [ -f "$runtime/release" ] && [ "$(cat "$out/runtime.modules" 2>/dev/null)" = "$stamp" ]; then
  step "reusing $runtime (same modules, same JDK)"
else
  step "jlink -> $runtime"
  t=$(date +%s)
  rm -rf "$runtime" "$out/runtime.modules"
  "$JLINK" --module-path "$JDK_HOME/jmods" --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages --compress=2 --strip-native-commands \
    --output "$runtime"
  echo "$stamp" > "$out/runtime.modules"
  echo "jlink: $(du -sh "$runtime" | cut -f1) in $(elapsed "$t")"
fi

# --- 4. the app-image -----------------------------------------------------------------------
# jpackage copies the whole --input folder to lib/app/: the jar, and the sample data beside it
# (the same files the jar carries as resources, plus its README, generator notes and truth/).
step "jpackage app-image"
t=$(date +%s)
input="$out/input"
rm -rf "$input" "$out/app-image"
mkdir -p "$input"
cp "$jar" "$input/"
cp -r sample-data "$input/sample-data"
common=(
  --name "$name"
  --app-version "$version"
  --vendor "IOM Workbench"
  --copyright "GPL-3.0-or-later"
  --description "Desktop workbench for analysts supporting Integrated Offender Management"
)
# the launcher's JVM options: half the machine's memory as the heap ceiling, and the Linux options
# that let the window's background tasks run at a low priority (jvm-linux.options, one per line)
java_options=(--java-options '-XX:MaxRAMPercentage=50')
while read -r option; do
  [ -n "$option" ] && java_options+=(--java-options "$option")
done < "$here/jvm-linux.options"
"$JPACKAGE" --type app-image "${common[@]}" \
  --dest "$out/app-image" \
  --input "$input" \
  --main-jar iom-workbench.jar \
  --runtime-image "$runtime" \
  --icon "$here/icon/iom-workbench.png" \
  "${java_options[@]}"
app_image="$out/app-image/$name"
echo "app-image in $(elapsed "$t")"

# --- 5. the Debian package ------------------------------------------------------------------
deb=""
if ! $app_image_only; then
  step "jpackage deb"
  t=$(date +%s)
  rm -f "$out/${name}_${version}"*.deb
  # installer/linux/ holds the desktop entry's template (iom-workbench.desktop: jpackage fills in
  # the launcher, icon and category) and postinst/prerm (jpackage's, made to work where no desktop
  # environment created /usr/share/desktop-directories). The JavaFX natives are inside the jar, so jpackage cannot see
  # what they link to: GTK 3 (glass), libGL and libXxf86vm (hardware rendering); libXtst, which
  # glass also needs, jpackage finds itself (java.desktop links to it).
  "$JPACKAGE" --type deb "${common[@]}" \
    --dest "$out" \
    --app-image "$app_image" \
    --resource-dir "$here/linux" \
    --icon "$here/icon/iom-workbench.png" \
    --license-file LICENSE \
    --linux-package-name "$name" \
    --linux-package-deps "libgtk-3-0, libgl1, libxxf86vm1" \
    --linux-shortcut \
    --linux-menu-group "Office" \
    --linux-app-category "science"
  deb=$(ls "$out/${name}_${version}"*.deb)
  echo "deb in $(elapsed "$t")"
fi

# --- outputs --------------------------------------------------------------------------------
step "outputs (in $(elapsed "$t_all"))"
printf '%-8s %s\n' "$(du -sh "$runtime" | cut -f1)" "$root/$runtime  (the trimmed runtime)"
printf '%-8s %s\n' "$(du -sh "$app_image" | cut -f1)" "$root/$app_image  (launcher: bin/$name)"
if [ -n "$deb" ]; then
  printf '%-8s %s\n' "$(du -h "$deb" | cut -f1)" "$root/$deb  (sudo apt install ./$deb)"
fi
