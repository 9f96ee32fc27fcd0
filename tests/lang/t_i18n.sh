#!/usr/bin/env bash
# t_i18n.sh - the catalogues' check (scripts/i18n.py, `make i18n-check`):
# it passes on the tree as it is, and fails, naming the place, on an
# unmarked public string planted in a copy of the tree (in a call, in a
# table of words, in a new screen file), on a .pot behind the code, and on
# a catalogue with an untranslated, fuzzy or broken entry. The build
# compiled every catalogue with msgfmt --check.
. "$TELLUS_ROOT/tests/cli/lib.sh"
R=$TELLUS_ROOT
CHECK="python3 $R/scripts/i18n.py"

check() { # DIR: runs the check on DIR; output in $T_ERR, rc in $T_RC
	$CHECK --root "$1" check >"$T_OUT" 2>"$T_ERR"; T_RC=$?
}
fails_with() { # NAME PATTERN
	if [ $T_RC -ne 0 ] && grep -qE -- "$2" "$T_ERR"; then t_ok "$1"
	else t_fail "$1" "exit $T_RC" "want: $2" "got: $(head -c 400 "$T_ERR")"; fi
}

check "$R"
if [ $T_RC -eq 0 ]; then t_ok "the tree passes: every public string marked, catalogues complete"
else t_fail "the tree passes: every public string marked, catalogues complete" "$(head -c 600 "$T_ERR")"; fi

n=0
for po in "$R"/assets/locale/*/tellus.po; do
	l=$(basename "$(dirname "$po")")
	[ -s "$TELLUS_BUILD/locale/$l/LC_MESSAGES/tellus.mo" ] && n=$((n + 1))
done
same "the build compiled all 10 catalogues" "$n" "10"

# A copy of what the check reads, to plant mistakes in.
fresh() {
	rm -rf "$T_DIR/t" && mkdir -p "$T_DIR/t"
	(cd "$R" && cp -R --parents app/kiosk app/ui app/core/lang assets/locale "$T_DIR/t/")
	[ -d "$R/app/serve" ] && (cd "$R" && cp -R --parents app/serve "$T_DIR/t/")
	true
}

fresh
cat >"$T_DIR/t/app/kiosk/kiosk_planted.c" <<'EOF'
/* kiosk_planted.c - a screen a helper forgot to mark. */
#include "kiosk.h"
void kiosk_planted(kiosk *k)
{
	ui_label(k->ui, UI_FONT_BODY, false, _("Marked words"), k->ui->frame.theme.text);
	ui_label(k->ui, UI_FONT_BODY, false, "Planted words", k->ui->frame.theme.text);
}
EOF
check "$T_DIR/t"
fails_with "an unmarked string in a new screen file fails, naming file and line" \
	"app/kiosk/kiosk_planted.c:6: \"Planted words\" is not marked"
if ! grep -q "Marked words" "$T_ERR"; then t_ok "a marked string next to it is not reported"
else t_fail "a marked string next to it is not reported" "$(cat "$T_ERR")"; fi

fresh
cat >"$T_DIR/t/app/ui/ui_planted.c" <<'EOF'
/* ui_planted.c - a table of words, one left unmarked. */
static const char *const WORDS[] = { N_("Yes"), "No", NT_("stored_value"), "%s: %d" };
int planted(void) { return strcmp(WORDS[0], "not words") + (int)getenv("LANG")[0]; }
EOF
check "$T_DIR/t"
fails_with "an unmarked string in a table of words fails" 'app/ui/ui_planted.c:2: "No" is not marked'
if [ "$(grep -c 'ui_planted' "$T_ERR")" -eq 1 ]; then t_ok "N_, NT_, no letters and strcmp/getenv are let through"
else t_fail "N_, NT_, no letters and strcmp/getenv are let through" "$(cat "$T_ERR")"; fi

fresh
printf '%s\n' '/* x */' 'const char *x(void) { return _("Words nobody has extracted"); }' \
	>"$T_DIR/t/app/ui/ui_newwords.c"
check "$T_DIR/t"
fails_with "a .pot behind the marked words fails" "tellus.pot: behind the marked words"

fresh
sed -i '0,/^msgstr "Dydd Llun"/s//msgstr ""/' "$T_DIR/t/assets/locale/cy/tellus.po"
check "$T_DIR/t"
fails_with "an untranslated entry fails" "cy/tellus.po: not complete: .*untranslated"

fresh
sed -i '0,/^msgctxt "weekday"/s//#, fuzzy\nmsgctxt "weekday"/' "$T_DIR/t/assets/locale/pl/tellus.po"
check "$T_DIR/t"
fails_with "a fuzzy entry fails" "pl/tellus.po: not complete: .*fuzzy"

fresh
sed -i 's/^msgstr "%1\$s, %2\$d %3\$s %4\$d"$/msgstr "%1$s, %2$s %3$s %4$d"/' "$T_DIR/t/assets/locale/gu/tellus.po"
check "$T_DIR/t"
fails_with "a translation whose format differs fails msgfmt --check" "gu/tellus.po: msgfmt --check failed"

fresh
sed -i '/^"Reviewed-By: /d' "$T_DIR/t/assets/locale/es/tellus.po"
check "$T_DIR/t"
fails_with "a header without Reviewed-By fails" "es/tellus.po: header: no Reviewed-By"

# The check is part of building the kiosk, not only of `make test`: make
# runs it (into a stamp) before it links tellus-kiosk, so an unmarked
# public string stops the build.
plan=$(cd "$R" && make -n BUILD="$T_DIR/b" "$T_DIR/b/tellus-kiosk" 2>&1)
at_check=$(grep -n 'scripts/i18n.py check' <<<"$plan" | head -1 | cut -d: -f1)
at_link=$(grep -n -- "-o $T_DIR/b/tellus-kiosk " <<<"$plan" | head -1 | cut -d: -f1)
if [ -n "$at_check" ] && [ -n "$at_link" ] && [ "$at_check" -lt "$at_link" ]; then
	t_ok "building tellus-kiosk runs the check before linking it"
else t_fail "building tellus-kiosk runs the check before linking it" "check at ${at_check:-none}, link at ${at_link:-none}"; fi
