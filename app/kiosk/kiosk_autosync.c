/* kiosk_autosync.c - the kiosk and the officer's app sync by themselves
 * when register_url is set and the file has joined a register (SPEC 12):
 * a worker thread with its own store connection (app/net) does the
 * network, so no frame waits for it; an "I don't feel safe" record goes
 * at once; and when the register's reply says it has the record, the
 * child's screen says that staff were told. */
#include "kiosk_platform.h"
#include "net.h"
#include "tellus/sync.h"

/* On the worker's thread: wakes the frame loop (SDL_PushEvent may be
 * called from any thread), which then reads the news. */
static void woke(void *arg)
{
	SDL_Event e = { .type = SDL_USEREVENT };
	(void)arg;
	SDL_PushEvent(&e);
}

int kiosk_autosync_start(kiosk *k, tl_err *err)
{
	net_register r;
	tl_sync_status s;

	if (!k->st || k->sample || !net_register_load(k->st, &r))
		return TL_OK;
	if (sync_status(k->st, &s, err))
		return TL_OK; /* no sync tables: a file too old to be a device */
	if (!s.device)
		return TL_OK;
	return net_auto_start(store_path(k->st), &r, woke, k, &k->autosync, err);
}

void kiosk_autosync_stop(kiosk *k)
{
	net_auto_stop(k->autosync);
	k->autosync = NULL;
}

void kiosk_autosync_urgent(kiosk *k)
{
	net_auto_urgent(k->autosync);
}

/* After each sync: the safety screen's words follow what the register
 * has, and the staff screens read the device's sync status again. */
void kiosk_autosync_poll(kiosk *k)
{
	net_auto_state s;
	tl_err err;

	if (!net_auto_news(k->autosync, &s))
		return;
	k->sync_for = -1;
	if (k->flagged && !k->told_staff && k->unsafe_ref[0] &&
	    case_staff_told(k->st, k->unsafe_ref, &k->told_staff, &err))
		k->told_staff = false;
}
