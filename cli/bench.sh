#!/usr/bin/env bash
# Benchmark (not a test): median wall time of `./belfry chime batch-create-room-membership …` and of
# `/usr/bin/aws chime batch-create-room-membership …` against the same Belfry server in the same run,
# and their ratio (target: 0.35 or less).
#   cli/bench.sh [RUNS]          starts `./belfry serve` on a free port with a temporary data directory
#   BELFRY_URL=http://… cli/bench.sh   uses a running server instead
#   BELFRY_CMD="java … dev.belfry.cli.ChimeCli" cli/bench.sh   measures another way of starting the CLI
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-21}"
aws_bin=/usr/bin/aws
[ -x "$aws_bin" ] || { echo "bench: $aws_bin (AWS CLI v2) is not installed" >&2; exit 1; }
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" \
  AWS_EC2_METADATA_DISABLED=true
workdir="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$workdir"; }
trap cleanup EXIT

read -r -a belfry <<<"${BELFRY_CMD:-$here/belfry chime}"
[ -z "${BELFRY_CMD:-}" ] && { "$here/belfry" help >/dev/null 2>&1 || true; }   # builds the jar once, outside the measurements
if [ -z "${BELFRY_URL:-}" ]; then
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  "$here/belfry" serve --port "$port" --data "$workdir/data" --create-account-type EnterpriseLWA --no-access-log >"$workdir/server.log" 2>&1 &
  server_pid=$!
  BELFRY_URL="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "$BELFRY_URL" && break
    sleep 0.2
  done
fi
ep=(--endpoint-url "$BELFRY_URL")
account="$("${belfry[@]}" create-account --name "bench-$$" "${ep[@]}" --output text --query Account.AccountId)"
room="$("${belfry[@]}" create-room --account-id "$account" --name bench "${ep[@]}" --output text --query Room.RoomId)"
m1="$("${belfry[@]}" create-bot --account-id "$account" --display-name b1 --domain example.com "${ep[@]}" \
  --output text --query Bot.UserId 2>/dev/null || echo member-1)"
args=(batch-create-room-membership --account-id "$account" --room-id "$room"
  --membership-item-list "MemberId=$m1,Role=Member" "${ep[@]}")

median_ms() {  # runs "$@" $runs times, prints the median wall time in milliseconds
  local times=()
  for _ in $(seq 1 "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

"${belfry[@]}" "${args[@]}" >/dev/null   # warm the page cache and the server once
"$aws_bin" chime "${args[@]}" >/dev/null
belfry_ms="$(median_ms "${belfry[@]}" "${args[@]}")"
aws_ms="$(median_ms "$aws_bin" chime "${args[@]}")"
ratio="$(awk -v b="$belfry_ms" -v a="$aws_ms" 'BEGIN {printf "%.2f", b / a}')"
echo "runs per tool:                    $runs"
echo "./belfry chime median wall time:   ${belfry_ms} ms"
echo "/usr/bin/aws chime median wall time: ${aws_ms} ms"
echo "ratio belfry/aws:                 $ratio (target <= 0.35)"
