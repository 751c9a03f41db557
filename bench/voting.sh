#!/usr/bin/env bash
# Benchmark of the voting service on loopback: accepted votes/s and p50/p99 latency, with SQLite and with
# PostgreSQL, at a fixed 1,000 votes/s and at maximum throughput. Bounded in count and time.
#
#   bench/voting.sh                 # both databases
#   BENCH_DB=sqlite bench/voting.sh # only SQLite
#   BENCH_SECONDS=10 BENCH_THREADS=48 BENCH_PG=postgresql://postgres@127.0.0.1:5432/test bench/voting.sh
#
# The service runs with --benchmark-insecure: PoW difficulty may go below 8 bits (here 4) and the
# X-Bench-Voter header stands in for the cookie, so one client can be many voters. Never use it in production.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
THREADS=${BENCH_THREADS:-48}
MAX_VOTES=${BENCH_MAX_VOTES:-200000}
PG_URL=${BENCH_PG:-postgresql://postgres@127.0.0.1:5432/test}
DBS=${BENCH_DB:-sqlite postgres}
WORK=bench/work/voting
PORT=${BENCH_PORT:-7391}
ORIGIN=http://127.0.0.1:8080
rm -rf "$WORK" && mkdir -p "$WORK"

if [ ! -f voting/target/vitrina-voting.jar ] || [ ! -f voting/target/test-classes/vitrina/voting/bench/VotingLoad.class ]; then
  mvn -B -q -pl voting package -DskipTests
  mvn -B -q -pl voting test-compile
fi
[ -f "$WORK/cp.txt" ] || mvn -B -q -pl voting dependency:build-classpath -Dmdep.outputFile="$PWD/$WORK/cp.txt"
CP="voting/target/test-classes:voting/target/classes:$(cat "$WORK/cp.txt")"

STANDS=""
{ printf '{"stands":['; for i in $(seq 1 200); do printf '%s{"id":"stand-%03d","nominations":["innovation"]}' "$([ "$i" -gt 1 ] && echo ,)" "$i"; STANDS="$STANDS,stand-$(printf %03d "$i")"; done; printf ']}\n'; } > "$WORK/stands.json"
STANDS=${STANDS#,}

start_service() { # $1 = --db value, $2 = extra
  java -Xmx1g -jar voting/target/vitrina-voting.jar --host 127.0.0.1 --port "$PORT" --db "$1" $2 \
    --stands "$WORK/stands.json" --from 2000-01-01 --to 2099-12-31 --origin "$ORIGIN" \
    --secret bench-secret-bench-secret --benchmark-insecure --pow-bits 4 \
    --rate-global 1000000 --rate-ip 100000000 --ip-soft-cap 100000000 --stand-burst 100000000 \
    > "$WORK/service.log" 2>&1 &
  SERVICE=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "service did not start:"; cat "$WORK/service.log"; exit 1
}
stop_service() { kill "$SERVICE" 2>/dev/null || true; wait "$SERVICE" 2>/dev/null || true; }
trap stop_service EXIT

load() { java -Xmx1g -cp "$CP" vitrina.voting.bench.VotingLoad "http://127.0.0.1:$PORT" "$ORIGIN" "$STANDS" "$@"; }

for db in $DBS; do
  case $db in
    sqlite) URL="sqlite:$PWD/$WORK/bench.db"; EXTRA="" ;;
    postgres)
      if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then echo "PostgreSQL is not running on 127.0.0.1:5432 (start it: pg_ctlcluster 15 main start)"; exit 1; fi
      URL="$PG_URL"; EXTRA="--db-schema bench_$(date +%s)" ;;
  esac
  echo "== $db"
  start_service "$URL" "$EXTRA"
  load max 8 3 20000 >/dev/null   # warm-up (JIT), not reported
  echo -n "fixed 1000 votes/s: "; load rate 1000 "$SECONDS_PER_RUN"
  echo -n "max throughput:     "; load max "$THREADS" "$SECONDS_PER_RUN" "$MAX_VOTES"
  stop_service
  if [ "$db" = postgres ]; then psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA ${EXTRA#--db-schema } CASCADE" >/dev/null 2>&1 || true; fi
done
