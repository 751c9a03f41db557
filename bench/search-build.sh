#!/usr/bin/env bash
# Index-build benchmark: adds N synthetic analyzed documents of ~1,000 terms (no text analysis) and writes the
# search index, printing add/write time, peak heap and a digest of the files (equal digest, identical index).
# Usage: BENCH_HEAP=1g bench/search-build.sh [docs...]   (default: 50000)
set -euo pipefail
cd "$(dirname "$0")/.."
docs=("${@:-50000}")
mvn -B -q -pl generator test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
cp="generator/target/classes:generator/target/test-classes:$(cat generator/target/bench.cp)"
for n in "${docs[@]}"; do
  echo "== $n documents =="
  java -Xmx"${BENCH_HEAP:-1g}" -cp "$cp" vitrina.generator.bench.SearchIndexBench "$n" "${BENCH_TERMS:-1000}"
done
