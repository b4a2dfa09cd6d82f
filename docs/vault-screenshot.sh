#!/bin/sh
# Makes docs/vault-obsidian.png: an article exported into a vault, edited as
# a user would (a property and a paragraph of their own), exported again,
# then rendered as Obsidian's reading view shows it (docs/render-vault.go)
# and photographed by headless Chromium (Debian packages chromium and
# fonts-noto-color-emoji). Run from the repository root.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -tags sqlite_fts5 -o "$tmp/scholia" .
export SCHOLIA_DB="$tmp/lib.db"
s="$tmp/scholia"
cat > "$tmp/Geneva talks open with no sign of compromise.txt" <<'TXT'
Geneva talks open with no sign of compromise

Negotiators from both governments met on Monday in Geneva for talks that officials on each side had described as a last chance to ease tensions over troop movements near the border.

Neither delegation offered new proposals. One diplomat said the two sides were unwilling to budge on the central question of future alliance membership.

Analysts expect a second round in Brussels later in the week, where allies will be briefed on the results.
TXT
"$s" import --tag "foreign policy" --tag c++ "$tmp/Geneva talks open with no sign of compromise.txt" >/dev/null
"$s" highlight 1 --quote "unwilling to budge" --color Evidence --comment "Both sides dig in." --tag "to check" >/dev/null
"$s" highlight 1 --quote "a last chance to ease tensions" --color Question --comment "Whose words are these?" >/dev/null
printf '## Why this matters\n\n- the **first** direct talks this year\n- compare with the Brussels briefing\n\n```\nnext: read the transcript\n```\n' | "$s" note 1 --file - >/dev/null
"$s" export --dir "$tmp/vault" >/dev/null
f="$tmp/vault/Geneva talks open with no sign of compromise.md"
# The user's own property and paragraph, which the next export keeps.
sed -i 's/^highlights: 2$/highlights: 2\nrating: 4/' "$f"
printf '\n## My notes\n\nAsk Anna about the *Brussels* follow-up.\n' >> "$f"
"$s" highlight 1 --quote "second round in Brussels" --color "Key point" >/dev/null
"$s" export --dir "$tmp/vault"
go run docs/render-vault.go "$f" > "$tmp/page.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=820,1180 \
	--screenshot="$tmp/shot.png" "file://$tmp/page.html" 2>/dev/null
cp "$tmp/shot.png" docs/vault-obsidian.png
echo "docs/vault-obsidian.png written"
