#!/bin/sh
# Runs the load generator (bench/load_bench.cc) for every target of issue #7
# and prints one line per figure with its target beside it. The server runs
# as a child process of the generator, both on this machine, on loopback.
# Usage: bench/run.sh [build-dir]   (default build/release; build it first)
# Exit status: 0 when every target is met, 1 otherwise.
set -eu
cd "$(dirname "$0")/.."
bench="${1:-build/release}/load_bench"
[ -x "$bench" ] || { echo "run.sh: $bench not built (scripts/build.sh release)" >&2; exit 2; }
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
missed=0

# check <label> <figure> <op> <target>: the figure from the last run in $out.
check() {
  value="$(awk -v f="$2" '$1 == "figure" && $2 == f { print $3 }' "$out")"
  if [ -z "$value" ]; then
    printf '%-52s %10s   %s %s   MISSING\n' "$1" "-" "$3" "$4"
    missed=1
    return
  fi
  verdict="$(awk -v v="$value" -v op="$3" -v t="$4" 'BEGIN {
    ok = (op == "<=") ? v <= t : (op == ">=") ? v >= t : v == t; print ok ? "ok" : "MISSED" }')"
  [ "$verdict" = ok ] || missed=1
  printf '%-52s %10.2f   %s %s   %s\n' "$1" "$value" "$3" "$4" "$verdict"
}

# show <label> <figure>: a figure without a target, for context.
show() {
  printf '%-52s %10.2f\n' "$1" "$(awk -v f="$2" '$1 == "figure" && $2 == f { print $3 }' "$out")"
}

# run <label> <load_bench args...>: runs a scenario, keeping its figures.
run() {
  label="$1"
  shift
  echo "== $label: load_bench $*"
  "$bench" "$@" >"$out" 2>"$out.err" || true
  grep -v '^figure' "$out" || true
  sort -u "$out.err" | head -5 >&2
  rm -f "$out.err"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"

run "1 session, server_commit" --scenario realtime --sessions 1 --seconds 30 --playback 0
check "1 session: first-audio p50 (ms)" first_audio_ms_p50 "<=" 15
check "1 session: first-audio p99 (ms)" first_audio_ms_p99 "<=" 40

run "1 session, commit" --scenario commit --sessions 1 --seconds 30 --playback 0
check "1 session, commit mode: first-audio p50 (ms)" first_audio_ms_p50 "<=" 15
check "1 session, commit mode: first-audio p99 (ms)" first_audio_ms_p99 "<=" 40

# 200 conversations, each a session open for the whole run: the assistant's
# answer (about 11 s of speech), then 4 s for the user's reply, and so on.
# Listening without pause (--think-ms 0) would need 200 s of audio a second,
# which is the engines' own ceiling on 2 cores (engine_ceiling below).
run "200 sessions, server_commit" --scenario realtime --sessions 200 --seconds 60 --ramp-seconds 10 --think-ms 4000
check "200 sessions: sessions open on average" mean_open_sessions ">=" 199
show "200 sessions: first-audio p50 (ms)" first_audio_ms_p50
show "200 sessions: turns" turns
show "200 sessions: server RSS at start (MiB)" server_rss_baseline_mib
show "200 sessions: server RSS at its peak (MiB)" server_rss_peak_mib
show "200 sessions: audio delivered (s per s)" audio_seconds_per_second
show "200 sessions: engine ceiling (audio s per s, all cores)" engine_ceiling_audio_seconds_per_second
show "200 sessions: server CPU (s)" server_cpu_seconds
show "200 sessions: load generator CPU (s)" generator_cpu_seconds
check "200 sessions: first-audio p99 (ms)" first_audio_ms_p99 "<=" 150
check "200 sessions: least real-time margin of any turn" realtime_margin_min ">=" 1
check "200 sessions: turns with a stall" stalled_turns "==" 0
check "200 sessions: errors" errors "==" 0
check "200 sessions: memory per active session (KiB)" rss_per_active_session_kib "<=" 1024
check "200 sessions: server CPU / engine CPU per audio second" cpu_vs_engine "<=" 1.5

run "one-shot HTTP" --scenario http --clients 16 --chars 50 --seconds 30
check "HTTP, 16 clients, 50 chars: requests per second" requests_per_second ">=" 50
check "HTTP, 16 clients, 50 chars: errors" errors "==" 0
show "HTTP, 16 clients, 50 chars: first chunk p50 (ms)" first_chunk_ms_p50

run "idle connections" --scenario idle --connections 1000
check "1000 idle connections: memory per connection (KiB)" rss_per_idle_connection_kib "<=" 64

exit "$missed"
