# lossless_register.sh - sourced: builds, with the real `tellus` and its
# moves only, a register that uses every field of a case: on behalf by an
# officer, desired outcome, contact, advocacy, both safety states, a late
# matter with its reason, not-eligible with the assessment's reason,
# extensions with reasons at stages 1 and 2, every pause reason, a
# new-concerns restart, a clock still stopped, actions with and without
# notes, a panel, a withdrawal, corporate and to-be-assessed cases, a
# compliment, a tracking code, a legacy reference, a complaint opened from
# a handled safety record (safety_note, safety_ref, linked_complaint), words with quotes,
# separators, tabs, line breaks and formula starts. tests/cli/t_lossless.sh
# exports and imports it; tests/cli/data/lossless.csv is its export.
# Needs $TELLUS, $TELLUS_DB and TELLUS_TODAY=2026-01-15; sets LR_CODE to
# the tracking code of $LR_TRACKED.

lr() { "$TELLUS" "$@" >/dev/null || echo "lossless_register: tellus $* failed" >&2; }
lr_log() { "$TELLUS" log "$@"; }

build_register() {
	lr config set device_code K7
	lr config set authority_name "Anyshire County Council"
	# Service areas and teams are configured lists (issue 14): the ones
	# used below that the defaults lack.
	lr services add "Early Help"
	lr teams add North
	local r
	# Stage 1 extended, paused for an advocate and for the complainant,
	# answered; stage 2 extended, restarted on new concerns, paused again,
	# answered; stage 3 with its panel, answered.
	r=$(lr_log --kind complaint --complainant child --service "Children in care" --team North \
		--received 2025-04-07 --channel mobile --on-behalf --officer "Sam O'Neill" \
		--summary $'They moved me, again; nobody said why.\nI want to stay.' \
		--desired "To stay with my carer" --contact "via Sam, 01632 960000" --advocacy \
		--complainant-name "Łukasz Nowak" --child-name "Łukasz Nowak" \
		--cause delays --cause keeping_informed)
	lr acknowledge "$r" --date 2025-04-09
	lr pause "$r" --reason advocate --date 2025-04-09
	lr resume "$r" --date 2025-04-16
	lr pause "$r" --reason complainant --date 2025-04-22
	lr resume "$r" --date 2025-04-24
	lr extend "$r" --reason "Complex: three agencies" --agreed-by "J Smith, Team Manager" \
		--date 2025-04-25
	lr respond "$r" --outcome partly_upheld --date 2025-05-20
	lr action "$r" apology --note "Letter sent 21 May"
	lr action "$r" training --note $'Team briefing, June;\tall staff'
	lr request "$r" --stage 2 --date 2025-05-27
	lr acknowledge "$r" --stage 2 --date 2025-05-29
	lr pause "$r" --reason new_concerns --date 2025-06-10
	lr pause "$r" --reason advocate --date 2025-06-20
	lr resume "$r" --date 2025-07-01
	lr extend "$r" --stage 2 --reason "Independent investigator" --agreed-by "Head of Service" \
		--date 2025-06-30
	lr respond "$r" --stage 2 --outcome not_upheld --date 2025-08-20
	lr request "$r" --stage 3 --date 2025-08-28
	lr acknowledge "$r" --stage 3 --date 2025-08-29
	lr panel "$r" --date 2025-09-25
	lr respond "$r" --stage 3 --outcome not_upheld --date 2025-10-10
	# A matter over a year old, accepted with its reason; the clock stopped.
	r=$(lr_log --kind complaint --complainant parent --service Fostering --received 2025-09-01 \
		--channel letter --matter-date 2024-01-10 --late-reason "The family was abroad" \
		--summary $'=2+2 is what the form said\t(tab);\r\n"quoted", then -1' --cause fairness)
	lr pause "$r" --reason complainant --date 2025-09-03
	# Assessed as not eligible, with why.
	r=$(lr_log --kind complaint --complainant relative --service Adoption --received 2025-06-02 \
		--summary "@mention and +44 7700 900000")
	lr assess "$r" --procedure not_eligible --why "Court proceedings under way"
	# "I don't feel safe": one handled, one not.
	r=$(lr_log --kind complaint --complainant child --service "Children in care" --unsafe \
		--received 2025-11-03 --channel kiosk --procedure to_be_assessed)
	lr handled "$r" --note "Duty worker visited" --date 2025-11-04
	local safe=$r
	lr_log --kind complaint --complainant child --service Fostering --unsafe --received 2025-12-01 \
		--channel kiosk --procedure to_be_assessed >/dev/null
	lr_log --kind compliment --complainant foster_carer --service Fostering --received 2025-10-02 \
		--summary "Thank you, all of you" --consent --consent-names >/dev/null
	# Withdrawn; corporate, upheld with an action without a note.
	r=$(lr_log --kind complaint --complainant carer --service "Early Help" --received 2025-07-01)
	lr withdraw "$r" --date 2025-07-04
	r=$(lr_log --kind complaint --complainant professional --service "Early Help" \
		--received 2025-05-05 --procedure corporate --channel email --cause quality_of_work)
	lr respond "$r" --outcome fully_upheld --date 2025-05-12
	lr action "$r" financial_redress
	lr_log --kind complaint --complainant child --service Fostering --received 2026-01-12 \
		--channel kiosk --procedure to_be_assessed --summary "Typed on the kiosk" >/dev/null
	# Restarted on new concerns and stopped again, still stopped.
	r=$(lr_log --kind complaint --complainant special_guardian --service Adoption --received 2025-12-15)
	lr pause "$r" --reason new_concerns --date 2025-12-22
	lr pause "$r" --reason advocate --date 2026-01-05
	# Stage 1 left unanswered past its limit, stage 2 asked for in the next
	# financial year; a tracking code given.
	r=$(lr_log --kind complaint --complainant adopter --service Adoption --received 2025-03-03 \
		--cause accessibility --cause sensitivity_empathy)
	lr request "$r" --stage 2 --date 2025-04-14
	LR_TRACKED=$r
	LR_CODE=$("$TELLUS" receipt "$r" --out "$T_DIR/receipt.txt" >/dev/null &&
		sed -n 's/^Secret code: //p' "$T_DIR/receipt.txt")
	# A reference from an older system.
	printf '%s\r\n%s\r\n' "ref,kind,received,channel,complainant,service_area,summary,stage1_response,stage1_outcome" \
		"OLD/2019-117,complaint,2025-02-10,letter,other,Fostering,From the old register,2025-02-20,not_upheld" \
		>"$T_DIR/legacy.csv"
	lr import "$T_DIR/legacy.csv"
	# A complaint opened from the handled safety record (issue 12).
	lr complaint-from "$safe" --received 2025-11-06 --channel staff \
		--summary "Opened from the record, with the child" --cause delays
}
