#!/usr/bin/env bash
# t_unit.sh - `make install` puts the systemd unit of `tellus serve` in
# place: the dedicated user, the state folder, SIGTERM to stop, the
# hardening options; systemd itself finds nothing wrong with it.
. "$(dirname "$0")/../cli/lib.sh"
ROOT=$T_DIR/root
UNIT=$ROOT/usr/local/lib/systemd/system/tellus-serve.service
if make -s -C "$TELLUS_ROOT" install-serve DESTDIR="$ROOT" PREFIX=/usr/local >"$T_OUT" 2>&1 && [ -f "$UNIT" ]; then
	t_ok "make install-serve installs the unit"
else t_fail "make install-serve installs the unit" "$(head -5 "$T_OUT")"; fi
same "the unit is readable by all, written by root" "$(stat -c %a "$UNIT" 2>/dev/null)" "644"
for want in 'User=tellus' 'StateDirectory=tellus' 'Environment=TELLUS_DB=/var/lib/tellus/tellus.db' \
	'ExecStart=/usr/local/bin/tellus serve --listen ${TELLUS_LISTEN} $TELLUS_SERVE_ARGS' \
	'KillSignal=SIGTERM' 'NoNewPrivileges=yes' 'ProtectSystem=strict' 'ProtectHome=yes' \
	'PrivateTmp=yes' 'CapabilityBoundingSet=' 'MemoryDenyWriteExecute=yes' \
	'SystemCallFilter=@system-service' 'UMask=0077'; do
	grep -qxF -- "$want" "$UNIT" && t_ok "unit: $want" || t_fail "unit: $want"
done
if command -v systemd-analyze >/dev/null; then
	sed "s|/usr/local/bin/tellus|$TELLUS|" "$UNIT" >"$T_DIR/tellus-serve.service"
	if systemd-analyze verify "$T_DIR/tellus-serve.service" >"$T_OUT" 2>&1; then t_ok "systemd-analyze verify finds nothing wrong"
	else t_fail "systemd-analyze verify finds nothing wrong" "$(head -3 "$T_OUT")"; fi
	level=$(systemd-analyze security --offline=yes "$T_DIR/tellus-serve.service" 2>/dev/null |
		sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
	if [ -n "$level" ] && awk "BEGIN { exit !($level < 2.5) }"; then t_ok "systemd rates its exposure low ($level)"
	else t_fail "systemd rates its exposure low" "level: ${level:-none}"; fi
else
	t_ok "systemd-analyze is not on this machine: the unit is checked line by line only"
fi
