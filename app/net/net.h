/* net.h - a device and its register over HTTP(S) (SPEC 12), at the edge
 * where bundles travel: one sync is the device's bundle posted to the
 * register's /sync and its reply taken (libcurl); a plan says when the
 * next one is due, with backoff while the register is away; and a worker
 * thread with its own store connection runs them for the kiosk and the
 * officer's app, so that the screen never waits for the network. What
 * `tellus sync --register` and tellus-kiosk see; the core knows no HTTP. */
#ifndef TELLUS_NET_H
#define TELLUS_NET_H

#include <stdatomic.h>
#include <stdbool.h>
#include "tellus/err.h"
#include "tellus/store.h"
#include "tellus/sync.h"

#define NET_URL_MAX 512
#define NET_PATH_MAX 1024

/* Where the register is. */
typedef struct {
	char url[NET_URL_MAX];     /* "https://register.example:8443" (its /sync is posted to) */
	char cacert[NET_PATH_MAX]; /* the CA that signed its certificate (PEM), "" for the system's */
	int every;                 /* sync_seconds: between syncs while it answers */
} net_register;

/* The settings register_url, register_cacert and sync_seconds. false when
 * register_url is not set (the device syncs by file, or not at all). */
bool net_register_load(tl_store *st, net_register *out);

/* What one sync did. */
typedef struct {
	bool reached;              /* the register answered (a refusal too) */
	tl_sync_out out;           /* the moves sent */
	tl_sync_reply reply;       /* the reply taken (when the sync succeeded) */
} net_result;

/* One sync: the bundle of every move not yet acknowledged goes to the
 * register, its reply is taken. Blocks for up to two minutes; stop, when
 * not NULL, cuts it short when it becomes non-zero (from another thread).
 * A register that is away, a certificate that is not trusted, a refusal:
 * one line in err, and nothing on the device changed. */
int net_sync(tl_store *st, const net_register *r, const atomic_int *stop, net_result *res,
	     tl_err *err);

/* When to sync (net_plan.c): a clock-free schedule the worker follows and
 * tests move by hand. Times are seconds on a monotonic clock. */
#define NET_RETRY_FIRST 5.0      /* the first retry after the register did not answer */
#define NET_RETRY_MAX 600.0      /* retries slow down to this at most */
typedef struct {
	double every;              /* between syncs while the register answers */
	double next;               /* when the next sync is due */
	double retry;              /* the wait after the last failure, 0 after a success */
	int failures;              /* syncs in a row the register did not answer */
	bool urgent;               /* a safety record waits: never wait longer than every */
} net_plan;
/* Due at once (a device that starts syncs as it opens). */
void net_plan_init(net_plan *p, int every, double now);
bool net_plan_due(const net_plan *p, double now);
/* Seconds until due, 0 when due. */
double net_plan_wait(const net_plan *p, double now);
/* A safety record was made: due at once, and retried at least every
 * `every` seconds until the register has it. */
void net_plan_urgent(net_plan *p, double now);
/* A sync ended: answered, the next one in `every`; not, a retry after a
 * wait that doubles each time (NET_RETRY_FIRST up to NET_RETRY_MAX). */
void net_plan_done(net_plan *p, bool answered, double now);

/* The worker (net_auto.c): syncs by the plan on a thread of its own with
 * its own connection to the file db. woke(arg) is called on that thread
 * after each sync, so that the app's loop wakes and calls net_auto_news. */
typedef struct net_auto net_auto;
typedef void (*net_auto_fn)(void *arg);
int net_auto_start(const char *db, const net_register *r, net_auto_fn woke, void *arg,
		   net_auto **out, tl_err *err);
/* A safety record was made: sync now (net_plan_urgent). */
void net_auto_urgent(net_auto *a);
/* What the worker has done, for the app's screens. */
typedef struct {
	long syncs;                /* syncs ended, answered or not */
	long told;                 /* safety records the register acknowledged, in all */
	bool away;                 /* the last sync did not reach the register */
	double retry;              /* seconds it waits before trying again, when away */
	char last_error[512];      /* why the last sync failed, "" when it worked */
} net_auto_state;
/* Copies the state out; true when a sync ended since the last call. */
bool net_auto_news(net_auto *a, net_auto_state *out);
/* Cuts a transfer short, joins the thread, closes its store. */
void net_auto_stop(net_auto *a);

#endif
