#!/usr/bin/env bash
# Measures claimlint on real documentation at 10 MB, 100 MB and 1 GB, and quantulum3 on 1 MB of
# the same text, and prints one table.
#
#   bash bench/run.sh                  # all sizes
#   SIZES="10 100" bash bench/run.sh   # some sizes (MB)
#   QUANTULUM_BYTES=262144 bash bench/run.sh   # a smaller sample for quantulum3 (default 1 MiB)
#   NEWS_ITEMS=25000 bash bench/run.sh   # fewer generated news items (default 100000)
#
# It also times `check` on NEWS_ITEMS generated short news items (bench/small_news.py), where
# every subject and every title gathers claims from thousands of files: the time there must
# grow with the files, not with their square.
#
# The corpus is Debian's `linux-doc` package (the kernel's documentation as reStructuredText
# and HTML, a real docs-as-code set), fetched with apt by package name, plus the example
# corpora of this repository. Each copy of the set gets a marker line of its own, so that no
# two files are equal and the cache cannot reuse one copy's claims for another in a cold run.
# Everything is written under bench/work/ (not committed).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/bench/work"
sizes="${SIZES:-10 100 1000}"
quantulum_bytes="${QUANTULUM_BYTES:-1048576}"
news_items="${NEWS_ITEMS:-100000}"
mkdir -p "$work"

echo "building claimlint (release)…" >&2
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
claimlint="$root/target/release/claimlint"

# The base set: linux-doc's documents as .txt and .html, and the example stories.
base="$work/base"
if [ ! -d "$base" ]; then
  echo "fetching linux-doc…" >&2
  package="$(apt-cache depends linux-doc | awk '/Depends: linux-doc-/ {print $2; exit}')"
  # A stale package index names a version the mirror no longer has: refresh it and retry.
  (cd "$work" && { apt-get download "$package" >/dev/null 2>&1 \
    || { apt-get update >/dev/null 2>&1 && apt-get download "$package" >/dev/null 2>&1; }; })
  rm -rf "$work/deb" && dpkg-deb -x "$work/${package}"_*.deb "$work/deb"
  docs="$work/deb/usr/share/doc/$package"
  mkdir -p "$base/linux-doc" "$base/examples"
  (cd "$docs/Documentation" && find . -name '*.rst.gz' | while read -r f; do
     out="$base/linux-doc/rst/${f%.rst.gz}.txt"; mkdir -p "$(dirname "$out")"; gunzip -c "$f" > "$out"; done)
  (cd "$docs/html" && find . -name '*.html' | while read -r f; do
     out="$base/linux-doc/html/$f"; mkdir -p "$(dirname "$out")"; cp "$f" "$out"; done)
  cp -r "$root/examples/nato-iraq" "$root/examples/afghanistan-drawdown" "$root/examples/hong-kong-march" "$base/examples/"
  find "$base/examples" -name 'claimlint.toml' -delete
fi

# corpus SIZE_MB: copies of the base set, each file marked with its copy, up to SIZE_MB.
corpus() {
  local mb="$1" dir="$work/corpus-${1}MB"
  if [ ! -d "$dir" ]; then
    echo "building the ${mb} MB corpus…" >&2
    python3 - "$base" "$dir" "$mb" <<'PY'
import os, string, sys
base, dest, limit = sys.argv[1], sys.argv[2], int(sys.argv[3]) * 1_000_000
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(base) for f in fs)
def marker(n):  # letters only: a marker holds no number to extract
    s = ""
    while True:
        s = string.ascii_lowercase[n % 26] + s
        n //= 26
        if n == 0:
            return s
written, copy = 0, 0
while written < limit:
    for path in files:
        if written >= limit:
            break
        rel = os.path.relpath(path, base)
        out = os.path.join(dest, f"copy-{marker(copy)}", rel)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        data = open(path, "rb").read() + f"\n\nCopy marker {marker(copy)}.\n".encode()
        open(out, "wb").write(data)
        written += len(data)
    copy += 1
PY
  fi
  echo "$dir"
}

# measure LABEL COMMAND…: wall seconds and peak RSS (MB) from GNU time.
measure() {
  local log="$work/time.log"
  /usr/bin/time -v "$@" > /dev/null 2> "$log" || true
  local wall rss
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")"
  rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")"
  echo "$wall $rss"
}

row() {  # row RUN SIZE_MB BYTES WALL RSS
  local mbs
  mbs="$(awk -v b="$3" -v s="$4" 'BEGIN { if (s > 0 && b > 0) printf "%.1f", b/1e6/s; else print "-" }')"
  printf "| %-26s | %8s | %8.2f | %8s | %11s |\n" "$1" "$2" "$4" "$mbs" "$5"
}

echo
echo "claimlint $("$claimlint" --version | awk '{print $2}') on $(nproc) cores, $(uname -m)"
echo
printf "| %-26s | %8s | %8s | %8s | %11s |\n" "run" "corpus" "wall s" "MB/s" "peak RSS MB"
printf "|%s|%s|%s|%s|%s|\n" "----------------------------" "----------" "----------" "----------" "-------------"
for mb in $sizes; do
  dir="$(corpus "$mb")"
  bytes="$(du -sb "$dir" | cut -f1)"
  cache="$work/cache-${mb}MB"
  rm -rf "$cache"
  read -r wall rss < <(measure "$claimlint" extract "$dir" --format jsonl --no-cache --quiet)
  row "extract" "${mb} MB" "$bytes" "$wall" "$rss"
  read -r wall rss < <(measure "$claimlint" check "$dir" --fail-on never --quiet --cache-dir "$cache")
  row "check, cold cache" "${mb} MB" "$bytes" "$wall" "$rss"
  read -r wall rss < <(measure "$claimlint" check "$dir" --fail-on never --quiet --cache-dir "$cache")
  row "check, warm cache" "${mb} MB" "$bytes" "$wall" "$rss"
done

# Many small files about a few subjects: the whole process, cold and with a warm cache.
news="$work/news-$news_items"
if [ ! -d "$news" ]; then
  echo "writing $news_items news items…" >&2
  python3 "$root/bench/small_news.py" "$news" "$news_items"
fi
news_bytes="$(du -sb "$news" | cut -f1)"
news_cache="$work/cache-news-$news_items"
rm -rf "$news_cache"
read -r wall rss < <(measure "$claimlint" check "$news" --fail-on never --quiet --cache-dir "$news_cache")
news_label="$news_items files"
[ "$news_items" -ge 1000 ] && news_label="$((news_items / 1000))k files"
row "check, cold cache" "$news_label" "$news_bytes" "$wall" "$rss"
read -r wall rss < <(measure "$claimlint" check "$news" --fail-on never --quiet --cache-dir "$news_cache")
row "check, warm cache" "$news_label" "$news_bytes" "$wall" "$rss"

# quantulum3 and claimlint on the same sample of plain text.
sample="$work/sample.txt"
python3 - "$base/linux-doc/rst" "$quantulum_bytes" "$sample" <<'PY'
import os, sys
root, limit, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
data = b""
for path in sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs):
    data += open(path, "rb").read()
    if len(data) >= limit:
        break
# Cut at a line end so no character is split.
data = data[:limit]
open(out, "wb").write(data[: data.rfind(b"\n") + 1])
PY
if [ ! -x "$work/venv/bin/python" ]; then
  echo "installing quantulum3…" >&2
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet quantulum3
fi
echo "timing quantulum3 on $(wc -c < "$sample") bytes (a few minutes)…" >&2
quantulum_seconds="$("$work/venv/bin/python" -W ignore - "$sample" <<'PY'
import sys, time
from quantulum3 import parser
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
parser.parse("warm up: 5 km")
start = time.perf_counter()
for paragraph in text.split("\n\n"):
    parser.parse(paragraph)
print(f"{time.perf_counter() - start:.3f}")
PY
)"
# claimlint's time per run, best of five rounds of ten: on the sample, and on a one-line
# document (process start, rule files and tables), which quantulum3's timing leaves out too
# (its import and model load come before the clock starts).
per_run() {
  local best=""
  for _ in 1 2 3 4 5; do
    local start end
    start="$(date +%s.%N)"
    for _ in 1 2 3 4 5 6 7 8 9 10; do "$claimlint" extract "$1" --format jsonl --no-cache --quiet --jobs 1 > /dev/null; done
    end="$(date +%s.%N)"
    best="$(awk -v s="$start" -v e="$end" -v b="$best" 'BEGIN { t = (e-s)/10; if (b == "" || t < b) b = t; printf "%.5f", b }')"
  done
  echo "$best"
}
empty="$work/one-line.txt"
echo "Nothing to count here." > "$empty"
claimlint_seconds="$(per_run "$sample")"
start_seconds="$(per_run "$empty")"
text_seconds="$(awk -v a="$claimlint_seconds" -v b="$start_seconds" 'BEGIN { printf "%.5f", a-b }')"
sample_bytes="$(wc -c < "$sample")"
row "quantulum3, 1 core" "sample" "$sample_bytes" "$quantulum_seconds" "-"
row "claimlint extract, 1 core" "sample" "$sample_bytes" "$claimlint_seconds" "-"
row "claimlint start-up only" "one line" "0" "$start_seconds" "-"
awk -v q="$quantulum_seconds" -v c="$claimlint_seconds" -v t="$text_seconds" 'BEGIN {
  printf "\nclaimlint is %.0f× the throughput of quantulum3 on the same text, start-up left out of both\n", q/t
  printf "(%.0f× with claimlint'"'"'s process start and rule loading counted in).\n", q/c }'
