#!/usr/bin/env bash
# make bench-e2e: issue 23's whole-process figures at scale, each run next to
# its anchor, interleaved round by round so both see the same machine load.
# Prints a Markdown table (medians over ROUNDS, default 5; each command of a
# comparison goes first in turn, round by round): wall time and
# CPU time (user+sys), which is steadier on a busy machine.
#
#   find / list at 100k      vs fzf --filter on the titles / the sqlite3 CLI
#   export 10k to one file   vs sqlite3 dumping the same rows
#   export 10k to a folder   vs sqlite3 writefile() of the same 10,000 files
#   launch to a visible window at 100k, and its memory, vs a minimal Fyne
#   window (.ci/minimalfyne), under Xvfb
#
# The libraries come from app/libgen (cached in the user cache folder).
set -euo pipefail
self=$(realpath "$0")
SETTLE=${SETTLE:-5}

# window NAME TITLE CMD: launch CMD under Xvfb, time until a window titled
# TITLE is mapped, then read its memory after SETTLE seconds; appends
# "seconds rss-MB hwm-MB" to NAME's list.
window() {
	local t0 t1 pid rss hwm
	t0=$(date +%s.%N)
	HOME=$work/home bash -c "exec $3" >/dev/null 2>&1 &
	pid=$!
	timeout 60 xdotool search --sync --onlyvisible --name "$2" >/dev/null
	t1=$(date +%s.%N)
	sleep "$SETTLE"
	rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
	hwm=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$pid/status")
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	awk -v a="$t0" -v b="$t1" -v r="$rss" -v h="$hwm" 'BEGIN {printf "%.3f %d %d\n", b - a, r, h}' >>"$work/$1.times"
}
# The window rounds run in a second copy of this script, under xvfb-run.
if [ "${1:-}" = __windows ]; then
	work=$2 ROUNDS=$3 SETTLE=$4
	n=2
	[ ! -x "$work/scholia-before" ] || n=3
	for r in $(seq "$ROUNDS"); do
		echo "window round $r/$ROUNDS" >&2
		for k in $(seq 0 $((n - 1))); do # each goes first in turn
			case $(((k + r) % n)) in
			0) window launch '— Scholia' "'$work/scholia' --db '$work/lib100k.db'" ;;
			1) window minimal '^Minimal Fyne' "'$work/minimalfyne'" ;;
			2) window launch-before '— Scholia' "'$work/scholia-before' --db '$work/lib100k.db'" ;;
			esac
		done
	done
	exit 0
fi

cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
PATTERN=${PATTERN:-garden}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -tags sqlite_fts5 -o "$work/scholia" .
go build -tags sqlite_fts5 -o "$work/minimalfyne" ./.ci/minimalfyne
go build -tags sqlite_fts5 -o "$work/mklib" ./.ci/mklib
lib100=$("$work/mklib" 100000)
lib10=$("$work/mklib" 10000)
# Export writes its ledger and the window its settings into the library:
# those runs get copies, so the cache stays as generated.
cp "$lib10" "$work/lib10k.db"
cp "$lib100" "$work/lib100k.db"
S=$work/scholia
# BASE=path/to/an/older/scholia adds its figures, interleaved, as "before".
BASE=${BASE:-}
if [ -n "$BASE" ]; then
	cp "$BASE" "$work/scholia-before"
	BASE=$work/scholia-before
fi

# run NAME CMD: time CMD (bash -c) once, appending "wall cpu" to NAME's list.
run() {
	/usr/bin/time -f "%e %U %S" -o "$work/t" bash -c "$2" >/dev/null 2>&1 || { echo "failed: $2" >&2; cat "$work/t" >&2; exit 1; }
	awk '{printf "%.3f %.3f\n", $1, $2 + $3}' "$work/t" >>"$work/$1.times"
}
# median NAME COLUMN (1 wall, 2 cpu)
median() {
	awk -v c="$2" '{print $c}' "$work/$1.times" | sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.2f", m}'
}

# group R NAME CMD [NAME CMD ...]: run each command once, starting with the
# one at R mod n: what runs first in a round meets the writeback and the
# inode state the previous commands left, so no command always goes first.
# An empty CMD (a "before" without BASE) is left out.
group() {
	local r=$1 names=() cmds=() k
	shift
	while [ $# -gt 0 ]; do
		if [ -n "$2" ]; then
			names+=("$1")
			cmds+=("$2")
		fi
		shift 2
	done
	for k in $(seq 0 $((${#names[@]} - 1))); do
		k=$(((k + r) % ${#names[@]}))
		run "${names[$k]}" "${cmds[$k]}"
	done
}
# before CMD: CMD with the old binary, or nothing without BASE.
before() { [ -z "$BASE" ] || printf '%s' "$1"; }

for r in $(seq "$ROUNDS"); do
	echo "round $r/$ROUNDS" >&2
	group "$r" find "'$S' --db '$lib100' find '$PATTERN'" \
		find-before "$(before "'$BASE' --db '$lib100' find '$PATTERN'")" \
		fzf "sqlite3 -readonly '$lib100' 'SELECT id, title, source FROM articles' | fzf --filter '$PATTERN' | head -20"
	group "$r" list "'$S' --db '$lib100' list" \
		list-before "$(before "'$BASE' --db '$lib100' list")" \
		sqlite-list "sqlite3 -readonly '$lib100' \"SELECT a.id, a.title, a.source, a.author, a.published, a.highlights, (SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id) FROM articles a ORDER BY a.opened DESC, a.added DESC, a.id DESC\""
	group "$r" export-one "'$S' --db '$work/lib10k.db' export -o '$work/one.md'" \
		export-one-before "$(before "'$BASE' --db '$work/lib10k.db' export -o '$work/one-before.md'")" \
		sqlite-dump "sqlite3 -readonly '$work/lib10k.db' \"SELECT a.id, a.title, a.author, a.source, a.url, a.published, coalesce(n.note, ''), h.id, h.quote, h.comment, h.color, h.orphaned FROM articles a LEFT JOIN notes n ON n.article_id = a.id LEFT JOIN highlights h ON h.article_id = a.id ORDER BY a.id, h.start_pos\" > '$work/dump.txt'"
	# Each round writes new folders, removed only after the last round: on
	# this machine's ext4 (no journal) an inode freed in the last minutes is
	# not reused, and creating files right after deleting 10,000 costs
	# seconds of kernel time, whoever comes first after the rm.
	mkdir "$work/files$r"
	group "$r" export-dir "'$S' --db '$work/lib10k.db' export --dir '$work/vault$r'" \
		export-dir-before "$(before "'$BASE' --db '$work/lib10k.db' export --dir '$work/vault-before$r'")" \
		sqlite-files "sqlite3 -readonly '$work/lib10k.db' \"SELECT writefile('$work/files$r/' || a.id || '.md', '# ' || a.title || char(10) || coalesce(n.note, '') || char(10) || coalesce((SELECT group_concat('> ' || h.quote || char(10) || h.comment, char(10)) FROM highlights h WHERE h.article_id = a.id), '')) FROM articles a LEFT JOIN notes n ON n.article_id = a.id\""
done
rm -rf "$work"/vault* "$work"/files*

mkdir -p "$work/home"
xvfb-run -a -s "-screen 0 1280x800x24" bash "$self" __windows "$work" "$ROUNDS" "$SETTLE"
# launch.times is "seconds rss hwm": the medians of each column.
mcol() { awk -v c="$2" '{print $c}' "$work/$1.times" | sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.2f", m}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.1f", a / b; else print "–"}'; }

row() { # figure, scholia name, anchor text, anchor name
	local sw sc aw ac
	sw=$(median "$2" 1) sc=$(median "$2" 2) aw=$(median "$4" 1) ac=$(median "$4" 2)
	echo "| $1 | $sw s (CPU $sc s) | $3 $aw s (CPU $ac s) | $(ratio "$sw" "$aw") ($(ratio "$sc" "$ac")) |"
}
cat <<HEAD
# make bench-e2e — $(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end

Medians of $ROUNDS interleaved rounds, each a fresh process; wall time, CPU time (user + sys) in brackets.
Ratio: Scholia ÷ anchor, wall (CPU). Targets (issue 23): find, list ≤ 2×; export ≥ 10,000 articles/s
to one file and ≤ 2× to a folder; launch ≤ 1 s and ≤ 2×; memory ≤ 250 MB steady, ≤ 260 MB peak.

| measure | Scholia | anchor | ratio |
|---|---|---|---|
HEAD
row "\`scholia find $PATTERN\`, 100k articles" find "\`fzf --filter\` on the titles from sqlite3" fzf
row "\`scholia list\`, 100k articles" list "\`sqlite3\` reading the same rows" sqlite-list
row "export 10k articles + 50k highlights to one file" export-one "\`sqlite3\` dumping the same rows" sqlite-dump
row "export the same to a folder (10,000 files)" export-dir "\`sqlite3\` writefile() of 10,000 files" sqlite-files
if [ -n "$BASE" ]; then
	row "before: \`scholia find\`" find-before "\`fzf --filter\`" fzf
	row "before: \`scholia list\`" list-before "\`sqlite3\`" sqlite-list
	row "before: export to one file" export-one-before "\`sqlite3\` dump" sqlite-dump
	row "before: export to a folder" export-dir-before "\`sqlite3\` writefile()" sqlite-files
fi
one=$(median export-one 1)
echo "| one-file export rate | $(awk -v s="$one" 'BEGIN {printf "%d", 10000 / s}') articles/s (CPU: $(awk -v s="$(median export-one 2)" 'BEGIN {printf "%d", 10000 / s}') articles/CPU-s) | target 10,000 | |"
lw=$(mcol launch 1) mw=$(mcol minimal 1)
echo "| window visible after launch, 100k articles | $lw s | minimal Fyne window $mw s | $(ratio "$lw" "$mw") |"
if [ -n "$BASE" ]; then
	bw=$(mcol launch-before 1)
	echo "| before: window visible after launch | $bw s | minimal Fyne window $mw s | $(ratio "$bw" "$mw") |"
	echo "| before: resident memory, steady / peak | $(mcol launch-before 2) / $(mcol launch-before 3) MB | minimal Fyne window $(mcol minimal 2) / $(mcol minimal 3) MB | |"
fi
lr=$(mcol launch 2) lh=$(mcol launch 3) mr=$(mcol minimal 2) mh=$(mcol minimal 3)
echo "| resident memory ${SETTLE} s after the window shows, steady / peak (VmRSS / VmHWM) | $lr / $lh MB | minimal Fyne window $mr / $mh MB | $(ratio "$lr" "$mr") / $(ratio "$lh" "$mh") |"
