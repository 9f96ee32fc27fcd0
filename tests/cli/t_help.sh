#!/usr/bin/env bash
# t_help.sh - the command line's own rules: the global options --db, --as
# and --today work before or after the command (SPEC section 2), and each
# command's help comes from the table its arguments are read by, so the
# help names exactly the options the command takes.
. "$(dirname "$0")/lib.sh"
unset TELLUS_DB
F=$T_DIR/f.db G=$T_DIR/g.db
cd "$T_DIR" || exit 1  # nothing a refused line might write lands elsewhere

# Global options after the command.
REF=$("$TELLUS" log --kind complaint --complainant child --service Fostering --received 2026-01-05 --db "$F")
run list --db "$F"
[ $T_RC -eq 0 ] && grep -q "^$REF " "$T_OUT" && [ ! -e "$G" ] &&
	t_ok "list --db F reads F" || t_fail "list --db F reads F" "exit $T_RC" "$(cat "$T_OUT" "$T_ERR")"
run show "$REF" --today 2026-03-02 --db "$F"
[ $T_RC -eq 0 ] && grep -q "OVERDUE" "$T_OUT" &&
	t_ok "show REF --today D --db F uses that day" || t_fail "show REF --today D --db F uses that day" "$(cat "$T_OUT" "$T_ERR")"
run show "$REF" --db "$F" --today 2026-01-06
[ $T_RC -eq 0 ] && grep -q "in time" "$T_OUT" &&
	t_ok "--today after --db, after the command" || t_fail "--today after --db, after the command" "$(cat "$T_OUT" "$T_ERR")"
printf '2468\n2468\n' | "$TELLUS" staff add "Sam Manager" --role manager --db "$F" >/dev/null
run action "$REF" apology --as "Sam Manager" --db "$F"
[ $T_RC -eq 0 ] && "$TELLUS" --db "$F" audit "$REF" | grep -q "Sam Manager .*action" &&
	t_ok "--as after the command names who acted" || t_fail "--as after the command names who acted" "$(cat "$T_ERR")"
run --db "$F" list --all --today 2026-01-06
same "global options before and after mix" "$(cut -d' ' -f1 "$T_OUT")" "$REF"
# A command's own option keeps its value, even one spelt like a global option.
R2=$("$TELLUS" log --kind complaint --complainant child --service Fostering --summary --db --db "$F")
run show "$R2" --db "$F"
[ $T_RC -eq 0 ] && [ "$(tail -1 "$T_OUT")" = "--db" ] &&
	t_ok "an option's value is never taken for a global option" || t_fail "an option's value is never taken for a global option" "$(cat "$T_OUT" "$T_ERR")"
refuses "a global option given twice is refused" "^tellus list: --db: given twice$" --db "$F" list --db "$G"
refuses "a global option with no value is refused" "^tellus list: --db: needs a value" list --db
[ ! -e "$G" ] && t_ok "a refused command line creates no database" || t_fail "a refused command line creates no database"

# The list of commands, and each command's help from its table.
run --help
cmds=$(grep -oE '^  [a-z][a-z-]*' "$T_OUT" | sort -u | tr -d ' ')
[ $T_RC -eq 0 ] && [ "$(echo "$cmds" | wc -l)" -ge 30 ] &&
	t_ok "tellus --help lists every command" || t_fail "tellus --help lists every command" "$cmds"
for c in $cmds; do
	run --db "$G" "$c" --help
	usage=$(sed '/^$/q' "$T_OUT")
	opts=$(sed -n '/^options:$/,/^$/p' "$T_OUT" | grep -oE '^  --[a-z-]+' | tr -d ' ')
	missing=$(for o in $opts; do grep -q -- "$o" <<<"$usage" || echo "$o"; done)
	if [ $T_RC -eq 0 ] && head -1 "$T_OUT" | grep -q "^usage: tellus \[--db FILE\] $c" &&
		[ -z "$missing" ] && [ ! -e "$G" ]; then
		t_ok "$c --help: usage and options, no database opened"
	else
		t_fail "$c --help: usage and options, no database opened" "exit $T_RC; not in the usage: $missing" "$(head -3 "$T_OUT")"
	fi
	# Every option the help names is one the parser knows: a value option
	# asks for its value, a flag lets the parser go on to the next word.
	help=$(cat "$T_OUT") bad=
	for o in $opts; do
		if grep -qE "^  $o [A-Z]" <<<"$help"; then
			run --db "$F" "$c" "$o"
			grep -q -- "$o: needs a value" "$T_ERR" || bad="$bad $o"
		else
			run --db "$F" "$c" "$o" --no-such-option
			grep -q -- "unknown option '--no-such-option'" "$T_ERR" || bad="$bad $o"
		fi
	done
	[ -z "$bad" ] && t_ok "$c: the options its help names are the ones it reads" ||
		t_fail "$c: the options its help names are the ones it reads" "not read:$bad"
done
