#!/usr/bin/env bash
# Resident memory of the real window on a generated library of N articles
# (default 100,000), under Xvfb:  bash docs/measure-rss.sh [N]
# The library is the one make bench generates (built here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
go build -tags sqlite_fts5 -o scholia .
lib=$(go test -tags sqlite_fts5 -run TestPrintCachedLibrary -count=1 -v ./app/libgen -args -n "$n" | sed -n 's/^library: //p')
[ -f "$lib" ] || { echo "no generated library"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$lib" "$work/lib.db"
HOME=$work xvfb-run -a -s "-screen 0 1280x800x24" bash -c "
	./scholia --db '$work/lib.db' & P=\$!
	sleep 6
	echo \"resident after start, $n articles: \$(grep VmRSS /proc/\$P/status | awk '{print int(\$2/1024)}') MB\"
	kill \$P" 2>/dev/null
