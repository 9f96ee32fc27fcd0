# serve.mk - `make install` also installs the systemd unit of `tellus serve`
# (SYSTEMD_UNIT_DIR, under PREFIX unless given) and, when run as root on
# this machine (no DESTDIR), creates the system user tellus it runs as.
# `make install-serve` does only that part.
SYSTEMD_UNIT_DIR ?= $(PREFIX)/lib/systemd/system
SERVE_UNIT := app/serve/systemd/tellus-serve.service.in

.PHONY: install-serve uninstall-serve
install: install-serve
uninstall: uninstall-serve

install-serve:
	install -d $(DESTDIR)$(SYSTEMD_UNIT_DIR)
	sed -e 's|@BINDIR@|$(PREFIX)/bin|g' -e 's|@DATADIR@|$(PREFIX)/share/tellus|g' \
		$(SERVE_UNIT) >$(DESTDIR)$(SYSTEMD_UNIT_DIR)/tellus-serve.service
	chmod 0644 $(DESTDIR)$(SYSTEMD_UNIT_DIR)/tellus-serve.service
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" -eq 0 ] && ! getent passwd tellus >/dev/null; then \
		useradd --system --home-dir /var/lib/tellus --no-create-home \
			--shell /usr/sbin/nologin --comment "Tellus register" tellus; \
		echo "install: created the system user tellus"; fi

uninstall-serve:
	rm -f $(DESTDIR)$(SYSTEMD_UNIT_DIR)/tellus-serve.service

# `make bench`: the anchor of the tracking page's load figure (bench/serve.sh).
bench-bins: build/bench/bench_serve_static
build/bench/bench_serve_static: bench/bench_serve_static.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -std=c11 $(WARN) -O2 $(SERVE_CFLAGS) -o $@ $< $(SERVE_LIBS)
