#!/usr/bin/env bash
# Photo throughput: Vitrina's image stage (decode, orient, strip, variants 320/640/1024/1600 of a 12-megapixel JPEG,
# cold cache, both cores) beside libvips' vipsthumbnail making the same four widths (four calls per photo, two in
# parallel), on the same synthetic photos. Usage: bench/photos.sh [photos]   (default 24)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-24}
command -v vipsthumbnail >/dev/null 2>&1 || { echo "vipsthumbnail missing: apt-get install libvips-tools" >&2; exit 1; }
mvn -B -q -pl generator test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
cp="generator/target/classes:generator/target/test-classes:$(cat generator/target/bench.cp)"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
echo "== Vitrina (Thumbnailator + TwelveMonkeys, 2 threads)"
java -Dvitrina.bench.keep="$work/src" -cp "$cp" vitrina.generator.images.ImageBench "$n" 2
echo "== vipsthumbnail $(vipsthumbnail --version 2>/dev/null | head -1)"
mkdir -p "$work/vips"
start=$(date +%s.%N)
ls "$work"/src/*.jpg | xargs -P 2 -I{} sh -c 'for w in 320 640 1024 1600; do vipsthumbnail "$1" --size "${w}x" -o "'"$work"'/vips/%s-$w.jpg[Q=82,strip]"; done' _ {}
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v n="$n" 'BEGIN { printf "cold: %.2f s, %.2f photos/s (4 widths each)\n", e-s, n/(e-s) }'
