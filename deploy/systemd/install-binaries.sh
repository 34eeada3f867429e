#!/usr/bin/env bash
# Installs the two native binaries where the units run them, /opt/videoclub/bin/auth and /opt/videoclub/bin/catalog,
# from a checkout where they are built (./mvnw package -Dnative -DskipTests). DESTDIR, when set, prefixes the paths
# (a package, a test).
#
# A binary built by GraalVM or Mandrel is self-contained. One built by a toolchain that links the JDK's own native
# libraries dynamically (the one of ../shared/native, see the top-level README) names $ORIGIN/jdk-dynlibs first in
# its RUNPATH: the libraries of the toolchain it was built with (the RUNPATH's next entry, or
# $GRAALVM_HOME/lib/svm/jdk-dynlibs) are then installed beside the binaries, in /opt/videoclub/bin/jdk-dynlibs.
#   deploy/systemd/install-binaries.sh [CHECKOUT]     (default: the checkout this script is in)
set -euo pipefail
checkout=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${DESTDIR:-}/opt/videoclub/bin
fail() { printf 'install-binaries: %s\n' "$*" >&2; exit 1; }

# The toolchain's jdk-dynlibs folder a binary was linked against, or nothing for a self-contained binary.
dynlibs_of() {
  local runpath entry
  runpath=$(readelf -d "$1" 2>/dev/null | sed -n 's/.*(RUNPATH).*\[\(.*\)\]/\1/p')
  # shellcheck disable=SC2016 # $ORIGIN is the dynamic linker's, not a shell variable
  [[ :$runpath: == *':$ORIGIN/jdk-dynlibs:'* ]] || return 0
  for entry in ${runpath//:/ } "${GRAALVM_HOME:-/nonexistent}/lib/svm/jdk-dynlibs"; do
    if [[ $entry != \$ORIGIN* && -f $entry/libjava.so ]]; then echo "$entry"; return 0; fi
  done
  fail "$1 needs the JDK libraries of the toolchain it was built with (jdk-dynlibs), and none is here: set GRAALVM_HOME to that toolchain"
}

for service in auth catalog; do
  binary=$checkout/$service/target/$service-1.0.0-SNAPSHOT-runner
  [[ -x $binary ]] || fail "no $binary: build it first (./mvnw package -Dnative -DskipTests)"
  dynlibs=$(dynlibs_of "$binary")
  install -D -m 0755 "$binary" "$bin/$service"
  if [[ -n $dynlibs ]]; then
    install -d -m 0755 "$bin/jdk-dynlibs"
    install -m 0644 "$dynlibs"/*.so "$bin/jdk-dynlibs/"
  fi
  printf 'installed %s%s\n' "$bin/$service" "${dynlibs:+ (and the JDK libraries of its toolchain in $bin/jdk-dynlibs)}"
done
