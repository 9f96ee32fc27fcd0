#!/usr/bin/env bash
# t_sync_moves.sh - every move the lifecycle can make on a device can be
# replayed at the register: each action passed to case_apply, and each
# move a sync_move names, has its row in the table of moves
# (app/core/sync/sync_replay.c). A new move without one would be refused
# on a device with a message; this finds it before anyone sees that.
set -u
ROOT=${TELLUS_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
table=$(grep -oE '^	\{ "[a-z_]+", r_[a-z_]+' "$ROOT/app/core/sync/sync_replay.c" | cut -d'"' -f2 | sort -u)
made=$( (grep -rhoE 'case_apply\([a-z_>-]*st, [a-z_]+, "[a-z_]+"' "$ROOT/app/core" | cut -d'"' -f2
	grep -rhoE 'sync_move m = \{ \.move = "[a-z_]+"' "$ROOT/app/core" | cut -d'"' -f2) | sort -u)
n=0
[ -n "$table" ] && [ -n "$made" ] && echo "ok $((n += 1)) - the table and the moves are found" ||
	echo "not ok $((n += 1)) - the table and the moves are found"
for m in $made; do
	if grep -qx "$m" <<<"$table"; then echo "ok $((n += 1)) - move $m can be replayed at the register"
	else echo "not ok $((n += 1)) - move $m has no row in app/core/sync/sync_replay.c"; fi
done
