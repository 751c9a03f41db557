#!/usr/bin/env bash
# Build benchmark: generates N stands of Russian content, runs the real CLI and prints wall time, CPU time, peak
# memory and pages/s for a full build, a no-change rebuild and a rebuild after editing 1% of the stands.
# Where Hugo is installed (Debian package `hugo`), builds the same Markdown twice, with a bare layout and with the
# equivalent layout of bench/hugo (plus Pagefind for search, installed into bench/.tools with npm), and prints the ratios.
# Usage: bench/build.sh [N ...]   (default: 1000 10000; 50000 on demand)
# BENCH_DAEMON=1 runs Vitrina's builds with --daemon (the build daemon: one long-lived JVM per work folder, started by
# the full build); each of its builds then also prints the daemon's CPU time and peak memory, which the client's
# figures do not include, and apart from them the CPU it spends in the 2 s after its answer (the collection of the
# build's garbage, which the client does not wait for).
# BENCH_HUGO="bare equivalent pagefind" picks the comparisons (default all three; at 50,000 stands Hugo needs more
# memory than 24 GB: BENCH_HUGO_MEM_GB caps its address space so it fails instead of swapping).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
[ -f generator/target/vitrina.jar ] || mvn -B -q package -DskipTests
[ -d generator/target/test-classes/vitrina/generator/bench ] || mvn -B -q -pl generator test-compile
cp="generator/target/test-classes:generator/target/vitrina.jar"
work=${BENCH_WORK:-bench/work}
heap=${BENCH_HEAP:-1500m}
compare=${BENCH_HUGO-bare equivalent pagefind}
hugo_run=(hugo)
[ -z "${BENCH_HUGO_MEM_GB:-}" ] || hugo_run=(bash -c "ulimit -v $((BENCH_HUGO_MEM_GB * 1024 * 1024)); exec hugo \"\$@\"" hugo)
mkdir -p "$work"

# Each timed build starts from the same memory state: the page cache is dropped (when allowed, as root) and the given
# inputs are read back in, so that no tool's figure depends on what ran before it (earlier builds' outputs filling
# the memory, or a tool's input half in memory).
settle() { # files or folders to read back...
  sync
  if [ -w /proc/sys/vm/drop_caches ]; then echo 3 > /proc/sys/vm/drop_caches; fi
  local d
  for d in "$@"; do
    if [ -e "$d" ]; then find "$d" -type f -print0 | xargs -0 -r cat > /dev/null; fi
  done
  java -version > /dev/null 2>&1 || true # the JDK's and Hugo's own files back in memory too
  if command -v hugo > /dev/null 2>&1; then hugo version > /dev/null 2>&1 || true; fi
}

daemon_file="" # the daemon's properties file while BENCH_DAEMON is on
daemon_pid() { [ -n "$daemon_file" ] && sed -n 's/^pid=//p' "$daemon_file" 2>/dev/null || true; }
daemon_ticks() { # user+system clock ticks of process $1 (0 when it is gone)
  if [ -n "$1" ] && [ -r "/proc/$1/stat" ]; then awk '{ print $14 + $15 }' "/proc/$1/stat"; else echo 0; fi
}

measure() { # label pages command...
  local label=$1 pages=$2; shift 2
  local t; t=$(mktemp)
  local dpid; dpid=$(daemon_pid); local dticks; dticks=$(daemon_ticks "$dpid")
  /usr/bin/time -f "%e %U %S %M" -o "$t" "$@" >"$work/.log" 2>&1
  read -r wall user sys rss < "$t"; rm -f "$t"
  local dcpu=0 dpeak=0 dafter=0 now; now=$(daemon_pid)
  if [ -n "$now" ]; then # the daemon's CPU in this build (since it started, when it started in this build)
    [ "$now" = "$dpid" ] || dticks=0
    dcpu=$(awk -v a="$(daemon_ticks "$now")" -v b="$dticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { print (a-b)/hz }')
    dpeak=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$now/status" 2>/dev/null || echo 0)
    # after its answer the daemon collects the build's garbage (the client does not wait for it): shown apart
    local answered; answered=$(daemon_ticks "$now"); sleep 2
    dafter=$(awk -v a="$(daemon_ticks "$now")" -v b="$answered" -v hz="$(getconf CLK_TCK)" 'BEGIN { print (a-b)/hz }')
  fi
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v p="$pages" -v dc="$dcpu" -v dm="${dpeak:-0}" -v da="$dafter" -v r="$rss" 'BEGIN {
    c = u + s + dc; if (dm > m) m = dm
    printf "%-34s wall %7.1f s  cpu %7.1f s (%.1f cores)  peak %6.0f MB  %8.0f pages/s\n", l, w, c, c/(w>0?w:1), m/1024, (w>0?p/w:0)
    if (dc > 0) printf "    (daemon: cpu %.1f s, peak since it started %.0f MB, after its answer cpu %.1f s; client: cpu %.1f s, peak %.0f MB)\n", dc, dm/1024, da, u+s, r/1024 }'
  echo "$wall"  > "$work/.last"
  grep -h "^Этапы:" "$work/.log" | sed 's/^/    /' || true # Vitrina's stage times
}

for n in "${sizes[@]}"; do
  dir="$work/corpus-$n"
  rm -rf "$dir" "$work/out-$n" "$work/.vitrina-$n"
  java -cp "$cp" vitrina.generator.bench.CorpusGenerator "$dir" "$n" >/dev/null
  sync # the generated corpus is on disk before any build is timed (its write-back would slow the first build)
  pages=$((n * 5))
  echo "== $n stands, $pages Markdown pages ($(du -sh "$dir" | cut -f1))"
  run=(java -Xmx"$heap" -jar generator/target/vitrina.jar build --content "$dir" --out "$work/out-$n" --work "$work/.vitrina-$n")
  if [ "${BENCH_DAEMON:-0}" = 1 ]; then run+=(--daemon); daemon_file="$work/.vitrina-$n/daemon.properties"; else daemon_file=""; fi
  settle "$dir" generator/target/vitrina.jar
  measure "vitrina full build" $pages "${run[@]}"; full=$(cat "$work/.last")
  settle "$dir" generator/target/vitrina.jar "$work/.vitrina-$n"; find "$work/out-$n" > /dev/null
  measure "vitrina no-change rebuild" $pages "${run[@]}"
  java -cp "$cp" vitrina.generator.bench.CorpusGenerator "$dir" "$n" --edit-percent 1 >/dev/null
  settle "$dir" generator/target/vitrina.jar "$work/.vitrina-$n"; find "$work/out-$n" > /dev/null
  measure "vitrina rebuild after 1% edit" $pages "${run[@]}"; edit=$(cat "$work/.last")
  awk -v f="$full" -v e="$edit" 'BEGIN { printf "vitrina rebuild after 1%% edit / full build: %.1f%%\n", 100*e/f }'
  # a second edit: the rebuild as an organizer's second round of corrections meets it (its code warmer in a daemon)
  java -cp "$cp" vitrina.generator.bench.CorpusGenerator "$dir" "$n" --edit-percent 1 --seed 2 >/dev/null
  settle "$dir" generator/target/vitrina.jar "$work/.vitrina-$n"; find "$work/out-$n" > /dev/null
  measure "vitrina rebuild after another 1% edit" $pages "${run[@]}"; edit2=$(cat "$work/.last")
  awk -v f="$full" -v e="$edit2" 'BEGIN { printf "vitrina rebuild after another 1%% edit / full build: %.1f%%\n", 100*e/f }'
  if [ -n "$daemon_file" ]; then java -jar generator/target/vitrina.jar daemon --stop --work "$work/.vitrina-$n" >/dev/null; fi
  if command -v hugo >/dev/null 2>&1 && [[ " $compare " == *" bare "* ]]; then
    # 1. bare: the stand pages' Markdown in a one-line layout, no listings, feeds or sitemap (Hugo's floor)
    h="$work/hugo-$n"; rm -rf "$h" "$work/hugo-out-$n"; mkdir -p "$h/layouts/_default" "$h/content"
    printf 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy","term","RSS","sitemap"]\n' > "$h/hugo.toml"
    printf '<!doctype html><html lang="ru"><title>{{ .Title }}</title><body><main>{{ .Content }}</main><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</ul></body></html>' > "$h/layouts/_default/list.html"
    printf '<!doctype html><html lang="ru"><title>{{ .Title }}</title><body><main>{{ .Content }}</main></body></html>' > "$h/layouts/_default/single.html"
    for s in "$dir"/stands/*/; do id=$(basename "$s"); mkdir -p "$h/content/stands/$id"; cp "$s"*.md "$h/content/stands/$id/"; mv "$h/content/stands/$id/index.md" "$h/content/stands/$id/_index.md"; done
    settle "$h"
    measure "hugo full build, bare layout" $pages "${hugo_run[@]}" --quiet -s "$h" -d "$work/hugo-out-$n"; hugo_t=$(cat "$work/.last")
    awk -v v="$full" -v h="$hugo_t" 'BEGIN { printf "vitrina / hugo (bare layout) full build time: %.2f\n", v/h }'
  fi
  if command -v hugo >/dev/null 2>&1 && [[ " $compare " == *" equivalent "* ]]; then
    # 2. equivalent: what Vitrina publishes besides search (bench/hugo: stand menus, similar stands, catalogue,
    #    region/type/nomination listings, feed, sitemap); 3. its search index made by Pagefind
    e="$work/hugo-eq-$n"; rm -rf "$e" "$work/hugo-eq-out-$n"; mkdir -p "$e"; cp -r bench/hugo/hugo.toml bench/hugo/layouts "$e/"
    python3 bench/hugo/content.py "$dir" "$e"
    settle "$e"
    measure "hugo full build, equivalent layout" $pages "${hugo_run[@]}" --quiet -s "$e" -d "$work/hugo-eq-out-$n"; eq_t=$(cat "$work/.last")
    awk -v v="$full" -v e="$eq_t" 'BEGIN { printf "vitrina / hugo (equivalent layout) full build time: %.2f\n", v/e }'
    pagefind=$(command -v pagefind || echo bench/.tools/node_modules/.bin/pagefind)
    if [ ! -x "$pagefind" ] && command -v npm >/dev/null 2>&1; then
      npm install --silent --prefix bench/.tools pagefind@1.5.2 >/dev/null 2>&1 || true
    fi
    if [ -x "$pagefind" ] && [[ " $compare " == *" pagefind "* ]]; then
      settle "$work/hugo-eq-out-$n"
      measure "pagefind over hugo's output" $pages "$pagefind" --site "$work/hugo-eq-out-$n" --quiet; pf_t=$(cat "$work/.last")
      awk -v v="$full" -v e="$eq_t" -v p="$pf_t" 'BEGIN { printf "vitrina / (hugo equivalent + pagefind) full build time: %.2f\n", v/(e+p) }'
    fi
  fi
  command -v hugo >/dev/null 2>&1 || echo "(hugo not installed: apt-get install hugo to compare)"
done
