#!/bin/sh
# newsboat-config.sh: gazette check-config on newsboat configs.  The
# corpus in tests/newsboat-configs/ (written from newsboat's
# documentation) and newsboat's own examples/config (every command once,
# when the newsboat package is installed): every line is applied or
# named with what gazette does instead (none "not understood"), and the
# share applied is measured against issue 11's goal (95% of lines, 80%
# of configs complete).  Until gazette meets it (the commands named
# below are not applied yet) those two checks are TAP TODO
# and a floor guards against losing ground.
. "$srcdir/tests/lib.sh"

# todo DESC: a known shortfall, reported (TAP TODO) without failing.
todo() {
	tap_n=$((tap_n + 1))
	echo "not ok $tap_n - $1 # TODO $2"
}

C="$srcdir/tests/newsboat-configs"
"$GAZETTE" check-config "$C/classic.conf" "$C/minimal.conf" \
    "$C/power.conf" "$C/proxy.conf" "$C/reader.conf" "$C/formats.conf" "$C/macros.conf" \
    "$C/notify.conf" \
    > "$T/out" 2> "$T/err"
check "corpus: exit 0 (every line applied)" [ $? -eq 0 ]
sed 's/^/# /' "$T/out" "$T/err"
total=$(grep '^total: ' "$T/out")
check "corpus: nothing on stderr" [ ! -s "$T/err" ]
check "corpus: every line applied or named" \
    sh -c "echo '$total' | grep -q ' 0 not understood;'"
check "corpus: the included colour file is read (reader.conf applied completely)" \
    grep -q 'reader.conf: 30 lines: 30 applied,' "$T/out"
check "corpus: newsboat's format strings applied (formats.conf)" \
    grep -q 'formats.conf: 9 lines: 9 applied, 0 not applied' "$T/out"
check "corpus: newsboat's macros applied (macros.conf)" \
    grep -q 'macros.conf: 8 lines: 8 applied, 0 not applied' "$T/out"
check "corpus: newsboat's notify settings applied (notify.conf)" \
    grep -q 'notify.conf: 4 lines: 4 applied, 0 not applied' "$T/out"
check "corpus: each line not applied says what gazette does instead" \
    sh -c "! grep '^  not applied: ' '$T/out' | grep -v '): [a-z]'"
pct=$(echo "$total" | sed -n 's/.* applied (\([0-9]*\)\.[0-9]%).*/\1/p')
cpct=$(echo "$total" | sed -n 's/.*completely (\([0-9]*\)\.[0-9]%).*/\1/p')
echo "# lines applied: $pct%, configs complete: $cpct%"
check "corpus: floor, 85% of lines applied" [ "${pct:-0}" -ge 85 ]
if [ "${pct:-0}" -ge 95 ]; then ok "goal: 95% of lines applied"
else todo "goal: 95% of lines applied" "podcasts, filters"; fi
if [ "${cpct:-0}" -ge 80 ]; then ok "goal: 80% of configs applied completely"
else todo "goal: 80% of configs applied completely" "podcasts, filters"; fi

# A config with nothing but applied lines: exit 0.
"$GAZETTE" check-config "$C/minimal.conf" > "$T/out" 2>&1
check "minimal: exit 0" [ $? -eq 0 ]
check "minimal: counted" grep -qx "$C/minimal.conf: 3 lines: 3 applied, 0 not applied, 0 not understood" "$T/out"
# A line nobody knows is "not understood", named on stderr.
printf 'frobnicate yes\nauto-reload yes\n' > "$T/bad"
"$GAZETTE" check-config "$T/bad" > "$T/out" 2> "$T/err"
check "unknown: exit 1" [ $? -eq 1 ]
check "unknown: named" grep -q "bad:1: unknown option 'frobnicate'" "$T/err"
check "unknown: counted" grep -q ': 2 lines: 1 applied, 0 not applied, 1 not understood' "$T/out"
"$GAZETTE" check-config "$T/missing" > "$T/out" 2> "$T/err"
check "missing file: exit 2" [ $? -eq 2 ]

# newsboat's examples/config: its example line of every command.
EX=/usr/share/doc/newsboat/examples/config
if [ -r "$EX" ]; then
	awk '/^####  /{ name = $2; next }
	    /^# [a-z]/ && name != "" && $2 == name { print substr($0, 3); name = "" }' \
	    "$EX" > "$T/examples"
	mkdir -p "$HOME/.newsboat"
	echo "color info white blue" > "$HOME/.newsboat/colors"
	"$GAZETTE" check-config "$T/examples" > "$T/out" 2> "$T/err"
	sed 's/^/# /' "$T/out" "$T/err"
	check "examples: more than 100 commands" [ "$(wc -l < "$T/examples")" -gt 100 ]
	check "examples: every line applied or named" \
	    grep -q ' 0 not understood$' "$T/out"
	check "examples: nothing on stderr" [ ! -s "$T/err" ]
else
	ok "examples: skipped, newsboat is not installed # SKIP"
fi

tap_done
