#!/usr/bin/env bash
# Regenerates the README screenshots from the real window under Xvfb:
#   bash docs/screenshots.sh        (needs xvfb, xdotool, imagemagick; builds ./scholia)
# It imports the seed articles into a fresh library, highlights passages in
# four colours with the CLI, then drives the window with xdotool.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=../shared/corpus/seeds
[ -d "$seeds" ] || { echo "screenshots: $seeds not found"; exit 1; }
go build -tags sqlite_fts5 -o scholia .
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

demo_library() {
	local db=$1 S="./scholia --db $1"
	rm -f "$db"*
	$S import --tag russia "$seeds"/*.txt >/dev/null
	$S highlight 1 --color 1 --comment "The framing: talks as de-escalation." \
		--quote "Talks are set to begin Sunday in Geneva between representatives of the U.S. and Russian governments with the goal of diffusing tensions in Eastern Europe." >/dev/null
	$S highlight 1 --color 2 --comment "Troop figure — check against other sources." --tag numbers \
		--quote "Almost 100,000 Russian troops have massed on the Ukrainian border" >/dev/null
	$S highlight 1 --color 4 --comment "Why so pessimistic before the talks even start?" \
		--quote "unlikely to produce any workable solution" >/dev/null
	$S highlight 1 --color 5 \
		--quote "bring NATO back to positions that are essentially equivalent to what was the case in 1997" >/dev/null
	$S tag 1 +geneva +diplomacy >/dev/null
}

# shot THEME OUT: the main window with a query typed in the sidebar, the
# article open and a note being written.
shot() {
	local theme=$1 out=$2
	demo_library "$work/demo.db"
	export HOME=$work/home-$theme
	mkdir -p "$HOME/.config/fyne/org.scholia.Scholia"
	echo "{\"view.theme\":\"$theme\"}" >"$HOME/.config/fyne/org.scholia.Scholia/preferences.json"
	xvfb-run -a -s "-screen 0 1280x800x24" bash -c "
		./scholia --db '$work/demo.db' & P=\$!
		for i in \$(seq 50); do xdotool search --name Scholia >/dev/null 2>&1 && break; sleep 0.2; done
		sleep 1.5
		xdotool key ctrl+k; sleep 0.3
		xdotool type --delay 60 unwilling; sleep 0.8
		xdotool key Return; sleep 1
		xdotool mousemove 1060 300 click 1; sleep 0.3
		xdotool type --delay 15 'Both sides set out maximal positions before the talks. Compare with the Reuters piece.'
		xdotool key ctrl+k; sleep 0.2; xdotool key ctrl+a
		xdotool type --delay 60 'russia talks'; sleep 1
		import -window root -crop 1200x780+0+0 +repage '$out'
		xdotool key ctrl+q; sleep 1; kill \$P 2>/dev/null || true
	" >/dev/null 2>&1
	echo "wrote $out"
}

# run_window THEME DB SCRIPT: runs the window on DB under Xvfb and the
# xdotool SCRIPT once it is up (the window sits at 0,0 with no window manager).
run_window() {
	local theme=$1 db=$2 script=$3
	export HOME=$work/home-$theme-$RANDOM
	mkdir -p "$HOME/.config/fyne/org.scholia.Scholia"
	echo "{\"view.theme\":\"$theme\"}" >"$HOME/.config/fyne/org.scholia.Scholia/preferences.json"
	xvfb-run -a -s "-screen 0 1280x800x24" bash -c "
		./scholia --db '$db' \${IMPORT:-} & P=\$!
		for i in \$(seq 50); do xdotool search --name Scholia >/dev/null 2>&1 && break; sleep 0.2; done
		sleep 1.5
		$script
		kill \$P 2>/dev/null || true
	" >/dev/null 2>&1
}

help_shots() {
	demo_library "$work/demo.db"
	run_window light "$work/demo.db" "
		xdotool key ctrl+slash; sleep 1
		import -window root -crop 1200x780+0+0 +repage docs/shortcuts.png
		xdotool mousemove 599 640 click 1; sleep 0.5
		xdotool mousemove 235 13 click 1; sleep 0.7
		xdotool mousemove 265 122 click 1; sleep 1
		import -window root -crop 1200x780+0+0 +repage docs/about.png
		xdotool key Return; sleep 0.5
		xdotool key ctrl+comma; sleep 1
		import -window root -crop 1200x780+0+0 +repage docs/preferences.png"
	echo "wrote docs/shortcuts.png docs/about.png docs/preferences.png"
}
if [ "${1:-}" = help ]; then help_shots; exit 0; fi

shot light docs/window.png
shot dark docs/window-dark.png
help_shots

# Full-text search with snippets, then All highlights filtered by a colour.
demo_library "$work/demo.db"
./scholia --db "$work/demo.db" highlight 2 --color 2 --quote troops >/dev/null
run_window light "$work/demo.db" "
	xdotool key ctrl+k; sleep 0.2
	xdotool type --delay 50 '/russian troops'; sleep 1.2
	import -window root -crop 1200x780+0+0 +repage docs/search.png
	xdotool key ctrl+shift+h; sleep 1.5
	xdotool mousemove 220 21 click 1; sleep 0.7
	xdotool mousemove 105 133 click 1; sleep 1
	import -window root -crop 760x640+0+0 +repage docs/all-highlights.png"
echo "wrote docs/search.png docs/all-highlights.png"

# A large folder import: the progress dialog, then the summary.
rm -f "$work/sotu.db"*
IMPORT=../shared/corpus/sotu run_window light "$work/sotu.db" "
	for i in \$(seq 60); do
		import -window root -crop 1200x780+0+0 +repage $work/imp-\$i.png; sleep 0.2
	done"
best=""
for f in $(ls "$work"/imp-*.png | sort -t- -k2 -n); do
	# The progress bar's blue is there while importing.
	if convert "$f" -crop 440x30+380+390 -resize 1x1 txt:- | grep -q '#2[0-9A-F]6[0-9A-F]'; then best=$f; fi
done
[ -n "$best" ] && cp "$best" docs/import-progress.png
cp "$(ls "$work"/imp-*.png | sort -t- -k2 -n | tail -1)" docs/import-summary.png
echo "wrote docs/import-progress.png docs/import-summary.png"
