#!/usr/bin/env bash
# Search benchmark: builds the index of N synthetic Russian pages (~800 words each) within a 2 GB heap, prints
# build time, peak heap and index size, then simulates cold first queries in Node with the real client.
# Usage: bench/search.sh [pages...]   (default: 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=("${@:-5000}")
mvn -B -q -pl generator test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
cp="generator/target/classes:generator/target/test-classes:$(cat generator/target/bench.cp)"
for n in "${pages[@]}"; do
  work="bench/work/$n"
  rm -rf "$work"; mkdir -p "$work"
  echo "== $n pages =="
  java -Xmx2g -cp "$cp" vitrina.generator.search.SearchBench "$n" "$work"
  node bench/cold-query.js "$work" themes/default/assets/search.js
done
