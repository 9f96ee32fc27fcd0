#!/usr/bin/env bash
# t_sync_bad.sh - bad bundles and replies, each refused whole with one line
# that says why, changing nothing: truncated, one bit altered anywhere,
# from an unknown device, for another register, of a newer format, a pair
# file used twice, moves missing, the wrong kind of file. A bundle applied
# before is a no-op that says so; a revoked device's bundle is not
# applied but kept for review in `tellus conflicts`.
. "$(dirname "$0")/../cli/lib.sh"
REG=$T_DIR/register.db KIOSK=$T_DIR/kiosk.db USB=$T_DIR/usb
export TELLUS_DB=$REG TELLUS_TODAY=2026-03-02
mkdir -p "$USB"
t() { "$TELLUS" --db "$1" "${@:2}"; }
# flip FILE OFFSET OUT: OUT is FILE with one bit of byte OFFSET changed.
flip() { python3 -c 'import sys; b = bytearray(open(sys.argv[1], "rb").read()); o = int(sys.argv[2]) % len(b)
b[o] ^= 1 << (o % 8); open(sys.argv[3], "wb").write(b)' "$1" "$2" "$3"; }

t "$REG" config set device_code R1 >/dev/null
t "$REG" device add K2 --name "Kiosk" --role kiosk --out "$T_DIR" 2>/dev/null >/dev/null
cp "$T_DIR/K2.pair" "$T_DIR/K2-copy.pair"
t "$KIOSK" device join "$T_DIR/K2.pair" >/dev/null
REF=$(t "$KIOSK" log --kind complaint --complainant child --service Fostering --summary "Words one")
t "$KIOSK" sync out "$USB" >/dev/null
B=$USB/K2-e1-1-1.bundle
size=$(stat -c %s "$B")

h=$(db_hash)
head -c $((size - 1)) "$B" >"$T_DIR/short"
refuses "a bundle one byte short is refused" "short: truncated: $((size - 1)) of its $size bytes" sync in "$T_DIR/short"
head -c 50 "$B" >"$T_DIR/stub"
refuses "a bundle cut inside its header is refused" "truncated: 50 bytes, shorter than the header" sync in "$T_DIR/stub"
cat "$B" "$B" >"$T_DIR/long"
refuses "a bundle with bytes after its end is refused" "damaged: $size bytes after its end" sync in "$T_DIR/long"
for at in 3 9 17 30 33 45 60 70 81 86 100 $((size / 2)) $((size - 70)) $((size - 1)); do
	flip "$B" "$at" "$T_DIR/bit"
	run sync in "$T_DIR/bit"
	[ $T_RC -ne 0 ] && [ "$(wc -l <"$T_ERR")" -eq 1 ] && t_ok "one bit altered at byte $at is refused: $(cut -d: -f3- "$T_ERR")" ||
		t_fail "one bit altered at byte $at is refused" "exit $T_RC: $(cat "$T_OUT" "$T_ERR")"
done
refuses "a bit altered in the sealed words is caught by the signature" "altered or damaged: its signature does not match device K2's key" \
	sync in "$T_DIR/bit"
python3 -c 'import sys; b = bytearray(open(sys.argv[1], "rb").read()); b[9] = 2; open(sys.argv[2], "wb").write(b)' "$B" "$T_DIR/v2"
refuses "a newer format version is refused" "format version 2 is newer than this Tellus reads \(1\)" sync in "$T_DIR/v2"
echo "ref,kind" >"$T_DIR/text.csv"
refuses "a file that is no bundle is refused" "text.csv: not a Tellus bundle or reply" sync in "$T_DIR/text.csv"
: >"$T_DIR/empty"
refuses "an empty file is refused" "not a Tellus bundle or reply" sync in "$T_DIR/empty"
same "none of these changed anything" "$(db_hash)" "$h"

cp "$REG" "$T_DIR/unsynced.db"
succeeds "the bundle itself applies" sync in "$B" --reply "$USB"
h=$(db_hash)
prints "applied twice it is a no-op that says which and why" \
	"$B: already applied: K2's moves 1 to 1 are at or below its mark here (1); nothing changed" sync in "$B"
same "and changes nothing" "$(db_hash)" "$h"
refuses "a reply is not taken in at the register" "is a reply, not a bundle: take it in on its device" \
	sync in "$USB/K2-e1-reply-1.reply"
refuses "a bundle is not taken in on a device" "this file is no register" --db "$KIOSK" sync in "$B"

# Unknown device: a register's copy from before the device was enrolled.
cp "$REG" "$T_DIR/before.db"
t "$REG" device add Q5 --name "Desk" --role desk --out "$T_DIR" 2>/dev/null >/dev/null
t "$T_DIR/desk.db" device join "$T_DIR/Q5.pair" >/dev/null
t "$T_DIR/desk.db" log --kind compliment --complainant parent --service Adoption >/dev/null
t "$T_DIR/desk.db" sync out "$USB" >/dev/null
refuses "a bundle from an unknown device is refused" "from an unknown device 'Q5'" \
	--db "$T_DIR/before.db" sync in "$USB/Q5-e1-1-1.bundle"

# Another register, which also calls its kiosk K2.
t "$T_DIR/other.db" device add K2 --name "Their kiosk" --role kiosk --out "$T_DIR/o" 2>/dev/null >/dev/null ||
	{ mkdir -p "$T_DIR/o"; t "$T_DIR/other.db" device add K2 --name "Their kiosk" --role kiosk --out "$T_DIR/o" >/dev/null 2>&1; }
t "$T_DIR/their-kiosk.db" device join "$T_DIR/o/K2.pair" >/dev/null
t "$T_DIR/their-kiosk.db" log --kind compliment --complainant parent --service Adoption >/dev/null
mkdir -p "$T_DIR/o/usb" && t "$T_DIR/their-kiosk.db" sync out "$T_DIR/o/usb" >/dev/null
h=$(db_hash)
refuses "a bundle meant for another register is refused" "meant for another register" sync in "$T_DIR/o/usb/K2-e1-1-1.bundle"
t "$T_DIR/other.db" sync in "$T_DIR/o/usb/K2-e1-1-1.bundle" --reply "$T_DIR/o" >/dev/null
refuses "a reply from another register is refused on the device" "from another register" \
	--db "$KIOSK" sync in "$T_DIR/o/K2-e1-reply-1.reply"

# A pair file used by a second install.
t "$T_DIR/second.db" device join "$T_DIR/K2-copy.pair" >/dev/null
t "$T_DIR/second.db" log --kind compliment --complainant parent --service Adoption >/dev/null
mkdir -p "$T_DIR/second" && t "$T_DIR/second.db" sync out "$T_DIR/second" >/dev/null
refuses "a pair file used by a second install is refused" "pair file has been used by a second install" \
	sync in "$T_DIR/second/K2-e1-1-1.bundle"
same "none of these changed anything" "$(db_hash)" "$h"

# Moves missing: the register restored from a backup older than a reply.
t "$KIOSK" sync in "$USB/K2-e1-reply-1.reply" >/dev/null
t "$KIOSK" log --kind compliment --complainant child --service Adoption >/dev/null
t "$KIOSK" sync out "$USB" >/dev/null
refuses "a bundle whose earlier moves the register lacks is refused" \
	"starts at move 2, but the register has K2's moves up to 0 only" --db "$T_DIR/unsynced.db" sync in "$USB/K2-e1-2-2.bundle"

# Revoked: not applied, kept for review.
succeeds "a device is revoked" device revoke K2
n=$(sqlite3 "$REG" "SELECT count(*) FROM cases")
refuses "a revoked device's bundle is not applied" "K2 was revoked on .*: its 1 moves are kept for review in tellus conflicts, none applied" \
	sync in "$USB/K2-e1-2-2.bundle"
same "nothing of it is applied" "$(sqlite3 "$REG" "SELECT count(*) FROM cases")" "$n"
run conflicts
grep -q "K2 move 2.*log.*K2 was revoked on" "$T_OUT" && t_ok "it is kept for review in tellus conflicts" ||
	t_fail "it is kept for review in tellus conflicts" "$(cat "$T_OUT")"
succeeds "a person may apply it after review" conflicts settle 1 --apply --note "made before the kiosk was lost"
same "then it is in" "$(sqlite3 "$REG" "SELECT count(*) FROM cases")" "$((n + 1))"
run check
[ $T_RC -eq 0 ] && t_ok "check agrees" || t_fail "check agrees" "$(cat "$T_OUT")"
refuses "revoking an unknown device is refused" "CODE: 'Z9' is no enrolled device" device revoke Z9
refuses "a device code the references cannot use is refused" "CODE: 'K0O' must be 1 to 4 of" \
	device add K0O --name X --role kiosk --out "$T_DIR"
refuses "an unknown role is refused" "--role: 'phone' is not one of kiosk, officer, desk" \
	device add K7 --name X --role phone --out "$T_DIR"
refuses "the register's own code is refused" "is this register's own device code" \
	device add R1 --name X --role kiosk --out "$T_DIR"
t "$REG" device add P6 --name "C Officer" --role officer --out "$T_DIR" 2>/dev/null >/dev/null
refuses "a device joins once" "already joined a register" --db "$KIOSK" device join "$T_DIR/P6.pair"
[ -e "$T_DIR/P6.pair" ] && t_ok "a refused join leaves the pair file" || t_fail "a refused join leaves the pair file"
refuses "a register does not join another" "this file is a register" device join "$T_DIR/P6.pair"
t "$T_DIR/full.db" log --kind compliment --complainant parent --service Adoption >/dev/null
refuses "a file with cases does not join" "already holds 1 cases: a device joins from a new file" \
	--db "$T_DIR/full.db" device join "$T_DIR/P6.pair"
refuses "a device enrols no devices" "this file is a device, not the register" \
	--db "$KIOSK" device add P7 --name X --role officer --out "$T_DIR"
