#!/usr/bin/env bash
# Production smoke test: the Dockerfile's steps without Docker. Builds, assembles a runtime
# directory holding only what the image holds (dist, lexicons, production dependencies),
# starts an api and a worker from it with NODE_ENV=production against a private Redis
# (AOF on, noeviction: production refuses anything else) and a fresh PostgreSQL database,
# probes them, then stops both with SIGTERM and expects exit code 0.
#
#   scripts/smoke-production.sh            (run by .ci/run after npm test)
#
# Needs: redis-server, curl, PostgreSQL at TEST_PG_ADMIN_URL (default 127.0.0.1:5432, user postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PG_ADMIN_URL=${TEST_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
WORK=$(mktemp -d /tmp/smoke-production.XXXXXX)
DB_NAME="smoke_$$_$RANDOM"
PIDS=()

log() { printf '[smoke] %s\n' "$*"; }
fail() {
  printf '[smoke] FAIL: %s\n' "$*" >&2
  for f in "$WORK"/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -n 20 "$f" >&2; }; done
  exit 1
}
sql() { node -e "const pg=require('$ROOT/node_modules/pg');const c=new pg.Client({connectionString:process.argv[1]});c.connect().then(()=>c.query(process.argv[2])).then(()=>c.end(),e=>{console.error(e.message);process.exit(1)})" "$PG_ADMIN_URL" "$1"; }
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  sql "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Waits until URL answers the expected status (default 200), up to $3 seconds.
wait_status() {
  local url=$1 want=${2:-200} tries=${3:-90} got=
  for _ in $(seq 1 "$tries"); do
    got=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
    [ "$got" = "$want" ] && return 0
    sleep 1
  done
  fail "$url answered ${got:-nothing}, expected $want"
}

log "build"
npm run build >"$WORK/build.log" 2>&1 || fail "npm run build"

log "assemble the runtime directory (what the image holds)"
APP="$WORK/app"
mkdir -p "$APP/src/filters"
cp package.json package-lock.json "$APP/"
cp -a dist "$APP/dist"
cp -a src/filters/lexicons "$APP/src/filters/lexicons"
mkdir -p "$APP/src/filters/model"
cp src/filters/model/span-model.bin "$APP/src/filters/model/span-model.bin"
# The password policy's list, as the Dockerfile copies it.
mkdir -p "$APP/src/util"
cp src/util/common-passwords.txt "$APP/src/util/common-passwords.txt"
# Same result as the image's `npm ci --omit=dev`, without a second download.
cp -a node_modules "$APP/node_modules"
(cd "$APP" && npm prune --omit=dev --no-audit --no-fund >"$WORK/prune.log" 2>&1) || fail "npm prune --omit=dev"
[ ! -d "$APP/node_modules/vitest" ] || fail "dev dependencies are still installed"

log "private Redis (AOF, noeviction) and a fresh database"
REDIS_PORT=$(free_port)
mkdir -p "$WORK/redis"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$WORK/redis" --save '' \
  --appendonly yes --appendfsync everysec --maxmemory-policy noeviction >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
sql "CREATE DATABASE $DB_NAME"
DATABASE_URL="${PG_ADMIN_URL%/*}/$DB_NAME"
for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

API_PORT=$(free_port)
WORKER_PORT=$(free_port)
TOKEN="smoke-$RANDOM-$RANDOM"
# Run in a subshell (`run_role … &` or `( run_role … )`): exec makes the subshell's pid node's
# own, so SIGTERM reaches node and `wait` reports node's exit code.
run_role() { # role port log
  cd "$APP"
  exec env -i PATH="$PATH" HOME="$WORK" NODE_ENV=production HOST=127.0.0.1 PORT="$2" \
    DATABASE_URL="$DATABASE_URL" REDIS_URL="redis://127.0.0.1:$REDIS_PORT" REDIS_PREFIX="smoke$$" \
    METRICS_TOKEN="$TOKEN" SHUTDOWN_TIMEOUT_MS=5000 LOG_LEVEL=info \
    node dist/src/main.js "$1" >"$3" 2>&1
}

log "start api and worker from dist/ with NODE_ENV=production"
run_role api "$API_PORT" "$WORK/api.log" & API_PID=$!; PIDS+=($API_PID)
run_role worker "$WORKER_PORT" "$WORK/worker.log" & WORKER_PID=$!; PIDS+=($WORKER_PID)
API="http://127.0.0.1:$API_PORT"

wait_status "$API/healthz"
wait_status "http://127.0.0.1:$WORKER_PORT/healthz"
wait_status "$API/readyz" 200 30
wait_status "http://127.0.0.1:$WORKER_PORT/readyz" 200 30
log "healthz and readyz: 200 on both roles"

captcha=$(curl -sf "$API/v1/captcha") || fail "GET /v1/captcha"
captcha_id=$(node -e "const b=JSON.parse(process.argv[1]);if(!b.id||!/^data:image\//.test(b.image))process.exit(1);console.log(b.id)" "$captcha") \
  || fail "GET /v1/captcha body: $captcha"
log "GET /v1/captcha: 200 with an image"

# Prebuilt browser assets: the runtime has no esbuild, so these prove the build shipped them.
for asset in /widget.js /count.js /admin/login; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$API$asset")" = 200 ] || fail "GET $asset did not answer 200"
done
log "GET /widget.js, /count.js, /admin/login: 200 without dev dependencies"

[ "$(curl -s -o /dev/null -w '%{http_code}' "$API/demo")" = 404 ] || fail "GET /demo must be 404 in production without DEMO=1"
log "GET /demo: 404 (off by default in production)"

code=$(curl -s -o "$WORK/body.json" -w '%{http_code}' -H 'content-type: application/json' -d '{}' "$API/v1/comments")
[ "$code" = 400 ] && grep -q '"validation_failed"' "$WORK/body.json" || fail "POST /v1/comments {} answered $code $(cat "$WORK/body.json")"
log "POST /v1/comments {}: 400 validation_failed"

body=$(printf '{"articleId":"smoke/1","authorName":"Kiểm thử","content":"Xin chào","captchaId":"%s","captchaAnswer":"sai-roi"}' "$captcha_id")
code=$(curl -s -o "$WORK/body.json" -w '%{http_code}' -H 'content-type: application/json' -d "$body" "$API/v1/comments")
[ "$code" = 403 ] && grep -q '"captcha_invalid"' "$WORK/body.json" || fail "wrong captcha answered $code $(cat "$WORK/body.json")"
log "POST /v1/comments with a wrong captcha: 403 captcha_invalid"

[ "$(curl -s -o /dev/null -w '%{http_code}' "$API/metrics")" = 401 ] || fail "/metrics without the token must be 401"
curl -sf -H "Authorization: Bearer $TOKEN" "$API/metrics" >"$WORK/metrics.txt" || fail "/metrics with the token"
for series in comments_pending comments_queue_jobs captcha_issued_total http_request_duration_seconds process_cpu_seconds_total; do
  grep -q "^$series" "$WORK/metrics.txt" || fail "/metrics lacks $series"
done
# To a file first: with pipefail, `curl | grep -q` fails whenever grep stops reading early.
curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$WORKER_PORT/metrics" >"$WORK/worker-metrics.txt" || fail "worker /metrics"
grep -q '^comments_verdicts_total\|^# TYPE comments_verdicts_total' "$WORK/worker-metrics.txt" || fail "worker /metrics lacks comments_verdicts_total"
log "/metrics: 401 without the token, every series with it, on both roles"

log "SIGTERM both"
kill -TERM "$API_PID" "$WORKER_PID"
api_rc=0; wait "$API_PID" || api_rc=$?
worker_rc=0; wait "$WORKER_PID" || worker_rc=$?
[ "$api_rc" = 0 ] || fail "api exited $api_rc after SIGTERM"
[ "$worker_rc" = 0 ] || fail "worker exited $worker_rc after SIGTERM"
log "api and worker exited 0"

log "production refuses a Redis that may evict keys"
redis-cli -p "$REDIS_PORT" config set maxmemory-policy allkeys-lru >/dev/null
refused_rc=0; ( run_role api "$API_PORT" "$WORK/refused.log" ) || refused_rc=$?
[ "$refused_rc" = 1 ] && grep -q 'maxmemory-policy' "$WORK/refused.log" || fail "api started with allkeys-lru (exit $refused_rc)"
log "refused to start (exit 1, maxmemory-policy named)"

log "OK"
