#!/usr/bin/env bash
# Scores the release binary's `check` findings on the real-news topics under eval/news.
#
#   bash eval/news/score.sh [dev|holdout|all] [--verbose]
#
# The article texts are not in the repository: build them first into $NEWS_TEXTS (default
# /tmp/claimlint-news) as ../shared/eval/news/README.md says (search each manifest entry's
# title in the stored pages, keep the header and the recorded edits). The scorer is the
# shared one, ../shared/eval/news/score_findings.py, run with no rule file.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
split="${1:-dev}"
shift || true
scorer="${NEWS_SCORER:-$root/../shared/eval/news/score_findings.py}"
texts="${NEWS_TEXTS:-/tmp/claimlint-news}"
[ -f "$scorer" ] || { echo "scorer not found: $scorer (set NEWS_SCORER)" >&2; exit 2; }
case "$split" in
  dev|holdout) topics=$(grep -v '^#' "$here/$split.txt") ;;
  all) topics=$(grep -hv '^#' "$here/dev.txt" "$here/holdout.txt") ;;
  *) echo "usage: score.sh [dev|holdout|all] [--verbose]" >&2; exit 2 ;;
esac
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/claimlint"
# Extraction changes between builds of one version: score without a stale cache.
export XDG_CACHE_HOME="$(mktemp -d)"
args=()
for t in $topics; do args+=(--topic "$t"); done
NEWS_KEYS="$here" python3 "$scorer" --bin "$bin" --texts "$texts" "${args[@]}" "$@"
