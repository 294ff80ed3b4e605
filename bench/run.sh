#!/usr/bin/env bash
# Kindly side by side with the peers of ../shared/bench (pandas + XlsxWriter; the sqlite3
# shell's .import), on the same generated files, in one run (DESIGN §11).
#
# Usage: bench/run.sh [--kindly PATH] [SIZE...]      sizes like 100k 1m (default: 100k 1m)
#   SIZES="100k"     sizes when none are given (a quick run)
#   RUNS=3           timed runs of each step; the table shows medians
#   KINDLY=PATH      the kindly binary (default build/kindly, built by scripts/bootstrap.sh
#                    when missing)
#   BENCH_DATA=DIR   where data and outputs go (default /tmp/kindly-bench), never the repository
#   PEERS=DIR        the peers (default ../shared/bench next to the repository)
#
# For each size: generates DIR/SIZE with bench/gen_invoices.py (the shared generator, the
# same files) when missing; times the peers and
# Kindly's weekly job (import into a fresh ledger, import again, aging, clients, plan,
# remind, report, then import next week's export with one invoice more) RUNS times each
# under /usr/bin/time; prints a Markdown table with the ratios and the DESIGN §11 targets; then
# checks that Kindly's aging totals equal the pandas peer's for every client and currency.
# Exit status 1 when the totals differ.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bench=$repo/bench
py=/usr/bin/python3
as_of=2026-11-20
runs=${RUNS:-3}
data=${BENCH_DATA:-/tmp/kindly-bench}
peers=${PEERS:-$repo/../shared/bench}
kindly=${KINDLY:-}

sizes=()
while (($#)); do
  case $1 in
    --kindly) kindly=${2:?--kindly needs a path}; shift 2 ;;
    --kindly=*) kindly=${1#*=}; shift ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
if ((${#sizes[@]} == 0)); then
  read -r -a sizes <<<"${SIZES:-100k 1m}"
fi
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: RUNS must be a positive number" >&2; exit 2; }

case $(cd "$(dirname "$data")" 2>/dev/null && pwd)/$(basename "$data") in
  "$repo"|"$repo"/*) echo "run.sh: BENCH_DATA must be outside the repository" >&2; exit 2 ;;
esac
peers=$(cd "$peers" && pwd) || { echo "run.sh: no peers at $peers" >&2; exit 2; }
for f in peer_pandas_aging.py peer_sqlite_import.sh; do
  [[ -r $peers/$f ]] || { echo "run.sh: missing $peers/$f" >&2; exit 2; }
done

# The Debian packages the peers need, installed when missing.
"$repo/scripts/install-packages.sh" time sqlite3 python3-pandas python3-xlsxwriter

if [[ -z $kindly ]]; then
  kindly=$repo/build/kindly
  [[ -x $kindly ]] || "$repo/scripts/bootstrap.sh"
fi
[[ -x $kindly ]] || { echo "run.sh: no kindly binary at $kindly" >&2; exit 2; }
kindly=$(cd "$(dirname "$kindly")" && pwd)/$(basename "$kindly")

invoices_of() {
  case ${1,,} in
    *k) echo $(( ${1%[kK]} * 1000 )) ;;
    *m) echo $(( ${1%[mM]} * 1000000 )) ;;
    *) [[ $1 =~ ^[0-9]+$ ]] && echo "$1" || return 1 ;;
  esac
}

mkdir -p "$data"
timings=$data/timings.tsv
: >"$timings"

# timed SIZE STEP OUT COMMAND...: one timed command, recorded as "size step wall_s rss_kb". Wall time is taken with bash's
# microsecond clock around /usr/bin/time (which rounds to 10 ms); peak RSS from its %M.
# Standard output goes to OUT (/dev/null: none kept). Exit status 0 and 1 ("done, something
# needs attention") both count as done.
timed() {
  local size=$1 step=$2 keep=$3 log t0 t1 rc=0; shift 3
  log=$(mktemp)
  t0=$EPOCHREALTIME
  /usr/bin/time -f '%e %M' -o "$log.time" "$@" >"$keep" 2>"$log" || rc=$?
  t1=$EPOCHREALTIME
  if ((rc > 1)); then
    echo "run.sh: $step failed (exit $rc): $*" >&2
    cat "$log" >&2
    rm -f "$log" "$log.time"
    return 1
  fi
  awk -v s="$size" -v st="$step" -v t0="$t0" -v t1="$t1" \
    '{ rss = $2 } END { printf "%s\t%s\t%.3f\t%s\n", s, st, t1 - t0, rss }' "$log.time" >>"$timings"
  rm -f "$log" "$log.time"
}

echo "kindly: $kindly"
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo), $(uname -srm), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "runs: $runs per step (medians); as-of $as_of; data under $data"

status=0
for size in "${sizes[@]}"; do
  n=$(invoices_of "$size") || { echo "run.sh: bad size $size (like 100k, 1m, 250000)" >&2; exit 2; }
  dir=$data/$size
  if [[ ! -s $dir/invoices.csv || ! -s $dir/payments.csv ]]; then
    $py "$bench/gen_invoices.py" --invoices "$n" --as-of "$as_of" --out "$dir"
  fi
  out=$data/out-$size
  rm -rf "$out"
  mkdir -p "$out"
  cat "$dir/invoices.csv" "$dir/payments.csv" >/dev/null     # a warm page cache for every tool

  echo
  echo "### $size: $n invoices ($(stat -c '%n %s' "$dir"/invoices.csv "$dir"/payments.csv |
    awk '{ sub(".*/", "", $1); printf "%s%s %.1f MB", sep, $1, $2 / 1e6; sep = ", " }'))"
  echo
  for r in $(seq "$runs"); do
    echo "  run $r of $runs ..." >&2
    timed "$size" pandas /dev/null "$py" "$peers/peer_pandas_aging.py" --in "$dir" --as-of "$as_of" \
      --out "$out/peer.xlsx" --grace-days 3 --repeat-late 2
    timed "$size" sqlite /dev/null "$peers/peer_sqlite_import.sh" --no-query "$dir" "$out/peer.db"

    work=$out/run$r
    rm -rf "$work"
    mkdir -p "$work"
    k=(env -C "$work" "$kindly" --db "$work/kindly.db")      # no ./kindly.ini is picked up
    timed "$size" import /dev/null "${k[@]}" import "$dir/invoices.csv" "$dir/payments.csv" --as-of "$as_of"
    timed "$size" reimport /dev/null "${k[@]}" import "$dir/invoices.csv" "$dir/payments.csv" --as-of "$as_of"
    timed "$size" aging "$work/aging.json" "${k[@]}" aging --as-of "$as_of" --format json
    timed "$size" clients "$work/clients.json" "${k[@]}" clients --as-of "$as_of" --format json
    timed "$size" plan "$work/plan.json" "${k[@]}" plan --as-of "$as_of" --format json
    timed "$size" remind /dev/null "${k[@]}" remind --as-of "$as_of" --out "$work/drafts"
    timed "$size" report /dev/null "${k[@]}" report "$work/aging.xlsx" --as-of "$as_of"
    # Last, as it changes the ledger: next week's export, with one invoice more, so that
    # every row is read and compared again.
    { cat "$dir/invoices.csv"; tail -n 1 "$dir/invoices.csv" | sed 's/^[^,]*/INV-NEXT-WEEK/'; } \
      >"$work/invoices-next.csv"
    timed "$size" nextweek /dev/null "${k[@]}" import "$work/invoices-next.csv" "$dir/payments.csv" --as-of "$as_of"
    rm -f "$work/invoices-next.csv"
    ((r == runs)) || rm -rf "$work"
  done
  rm -f "$out/peer.db"

  $py "$bench/summarize.py" "$timings" "$size" "$n" || status=1
  echo
  $py "$bench/compare_totals.py" "$out/peer.xlsx" "$out/run$runs/aging.json" \
    "$out/run$runs/clients.json" || status=1
done
exit "$status"
