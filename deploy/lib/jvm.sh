# shellcheck shell=bash
# JVM settings for running the services' jars, shared by deploy/run-local.sh and deploy/bench/bench.sh.
# Source this file, then: jvm_tuned_opts JAVA; jvm_feature JAVA; jvm_cache_file DIR SERVICE APP_DIR JAVA_FEATURE;
# jvm_cache_make_opts / jvm_cache_use_opts FILE JAVA_FEATURE.

# Small-VM options (deploy/bench/README.md "JVM settings", where each is measured):
#   SerialGC: one GC thread, no concurrent GC machinery: the smallest footprint, and what the JVM picks by itself on
#     a 1 vCPU / 1 GB droplet; pauses stay in single milliseconds with heaps this small.
#   -Xms16m -Xmx128m: the heap grows from 16 MB as needed, capped well below the droplet's memory (the default cap
#     would be a quarter of RAM); -XX:MinHeapFreeRatio/MaxHeapFreeRatio: memory goes back after a burst.
#   -XX:ReservedCodeCacheSize=64m, -Xss512k: smaller reservations; -XX:+ExitOnOutOfMemoryError: let systemd restart.
JVM_TUNED_OPTS="-XX:+UseSerialGC -Xms16m -Xmx128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+ExitOnOutOfMemoryError"

# JVM_TUNED_OPTS for one java command, plus -XX:TrimNativeHeapInterval=5000 where that JVM has it (JDK 17.0.9 and
# later): every 5 s the JVM gives back to the OS the memory that malloc keeps after it is freed, mostly the JIT
# compilers' work areas (measured on catalog: about 20 MB less RSS 10 s after start-up and after load, at no cost in
# throughput).
jvm_tuned_opts() {
  local trim=-XX:TrimNativeHeapInterval=5000
  if "$1" "$trim" -version > /dev/null 2>&1; then
    echo "$JVM_TUNED_OPTS $trim"
  else
    echo "$JVM_TUNED_OPTS"
  fi
}

# The feature release of a java command (17, 21, 25, ...).
jvm_feature() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}

# Class-data cache of one build of one service for one JDK: JDK 25's AOT cache (JEP 483/514: classes loaded and
# linked ahead of time; the aot-jar packaging puts the application's own classes in it too), or on JDK 17 to 24 a
# dynamic AppCDS archive. Named after a hash of the packaged application, so a rebuild never meets a stale cache.
jvm_cache_file() {
  local dir=$1 service=$2 app_dir=$3 feature=$4 hash
  hash=$(cd "$app_dir" && find . -type f -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-12)
  echo "$dir/$service-$hash-java$feature.$( (( feature >= 25 )) && echo aot || echo jsa)"
}

# Options of a training run: the JVM records what it loads and writes the cache when it exits cleanly.
jvm_cache_make_opts() {
  if (( $2 >= 25 )); then echo "-XX:AOTCacheOutput=$1"; else echo "-XX:ArchiveClassesAtExit=$1"; fi
}

# Options that use a cache. ArchiveRelocationMode=0 maps the AOT cache at its own address: JDK 25 otherwise relocates
# it and dirties its pages (measured: +60 to 90 MB RSS per service).
jvm_cache_use_opts() {
  if (( $2 >= 25 )); then echo "-XX:AOTCache=$1 -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
  else echo "-XX:SharedArchiveFile=$1"; fi
}
