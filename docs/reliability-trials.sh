#!/bin/bash
# The hostile-world trials of the README's Reliability section (issue 22
# items 2-7, issue 19's read-only commands), run against one binary.
# Needs root (mount --bind -o ro, chattr +i), mkfifo, python3 and bc.
# usage: bash docs/reliability-trials.sh ./scholia
B=$(readlink -f "$1"); W=$(mktemp -d); cd "$W"; mkdir in
body=$(printf 'Body text long enough to count as an article. %.0s' {1..20})
printf '<html><head><title>Hi&#27;]0;PWNED&#7;&#27;[2J</title></head><body><article><p>%s</p></article></body></html>' "$body" > in/esc.html
printf -- '---\ntitle: "A\\e[31mred\\a"\nauthor: "x\\x07y"\n---\nSome body text here.\n' > in/fm.md
echo "== 2 escapes: raw ESC/BEL bytes printed by import, list, show"
printf 'import %s  list %s  show %s\n' "$($B import --db lib.db in | tr -cd '\033\007' | wc -c)" "$($B list --db lib.db | tr -cd '\033\007' | wc -c)" "$($B show --db lib.db 1 | tr -cd '\033\007' | wc -c)"
echo "== 3 fifo: folder with a named pipe x.txt"
mkdir fifo && mkfifo fifo/x.txt && echo hello > fifo/a.txt
timeout 10 $B import --db f.db fifo; echo "exit $? (124 = hung, killed after 10 s)"
echo "== 4 read-only mount / folder / file"
mkdir -p rosrc romnt && cp lib.db rosrc/ && mount --bind rosrc romnt && mount -o remount,bind,ro romnt
$B list --db romnt/lib.db >/dev/null; echo "list on ro mount: exit $?"
$B search --db romnt/lib.db body >/dev/null; echo "search on ro mount: exit $?"
$B tag --db romnt/lib.db 1 +x; echo "tag on ro mount: exit $?"
umount romnt
mkdir rodir && cp lib.db rodir/ && chattr +i rodir
$B list --db rodir/lib.db >/dev/null; echo "list in ro folder: exit $?"
$B export --db rodir/lib.db -o ro.md; echo "export from ro folder: exit $?"
chattr -i rodir
echo "== 5 honest summary: import into a read-only library, and while another program holds the write lock"
mkdir -p rosrc2 && cp lib.db rosrc2/ && chattr +i rosrc2
$B import --db rosrc2/lib.db fifo/a.txt in/esc.html; echo "exit $?"
chattr -i rosrc2
cp lib.db locked.db
python3 -c "
import sqlite3,time,sys
c=sqlite3.connect('locked.db',isolation_level=None); c.execute('BEGIN IMMEDIATE'); print('lock held',flush=True); time.sleep(8)" &
sleep 1; S=$(date +%s.%N); $B import --db locked.db fifo/a.txt; echo "exit $? after $(echo "$(date +%s.%N) - $S" | bc | cut -c1-4) s"; wait
echo "== 6 import-json: 150 MB body, negative id"
$B export --db lib.db --format json -o b.json >/dev/null
python3 - <<'PY'
import json
d=json.load(open('b.json'))
a=d['scholia:library']['articles'][0]
big=json.loads(json.dumps(d)); big['scholia:library']['articles'][0]['body']='x'*(150<<20); json.dump(big,open('big.json','w'))
neg=json.loads(json.dumps(d))
for x in neg['scholia:library']['articles']: x['id']=-x['id']
for x in neg.get('first',{}).get('items',[]): x['scholia:article']=-x['scholia:article']
json.dump(neg,open('neg.json','w'))
PY
$B import-json --db big.db big.json; echo "150 MB body: exit $?, articles: $($B list --db big.db --json 2>/dev/null | grep -c '"id"')"
$B import-json --db neg.db neg.json; echo "negative ids: exit $?, articles: $($B list --db neg.db --json 2>/dev/null | grep -c '"id"')"
echo "== 7 export -o DIR"
mkdir outdir; $B export --db lib.db -o outdir; echo "exit $?"
echo "== 19 read-only commands on a missing library"
for c in list "find x" "search x" "show 1" "export -o o.md"; do $B $c --db missing.db; echo "$c: exit $?, file left: $(ls missing.db 2>/dev/null || echo none)"; rm -f missing.db; done
rm -rf "$W"
