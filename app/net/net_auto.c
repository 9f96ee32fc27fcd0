/* net_auto.c - a device that syncs by itself (SPEC 12): a thread with its
 * own connection to the device's file follows the plan (net_plan.c), so
 * that the kiosk's and the officer's screens never wait for the network;
 * a safety record is sent at once. The app learns what happened through
 * net_auto_news, woken by the callback it gave. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "net.h"

struct net_auto {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	pthread_t t;
	bool started;
	atomic_int stop;
	net_plan plan;
	net_register reg;
	tl_store *st;
	net_auto_fn woke;
	void *arg;
	net_auto_state state;
	bool news;
};

static double mono(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* Waits, the lock held, until a sync is due or the app stops. */
static void wait_due(net_auto *a)
{
	while (!a->stop && !net_plan_due(&a->plan, mono())) {
		double w = net_plan_wait(&a->plan, mono()), at = mono() + w;
		struct timespec ts = { (time_t)at, (long)((at - (double)(time_t)at) * 1e9) };
		pthread_cond_timedwait(&a->cv, &a->mu, &ts);
	}
}

static void note(net_auto *a, int rc, const net_result *res, const tl_err *err)
{
	bool answered = rc == TL_OK || res->reached;
	net_plan_done(&a->plan, answered, mono());
	a->state.syncs++;
	a->state.away = !answered;
	a->state.retry = answered ? 0 : a->plan.retry;
	if (rc == TL_OK)
		a->state.told += res->reply.told;
	snprintf(a->state.last_error, sizeof a->state.last_error, "%s", rc ? err->msg : "");
	a->news = true;
}

static void *run(void *arg)
{
	net_auto *a = arg;
	pthread_mutex_lock(&a->mu);
	for (;;) {
		wait_due(a);
		if (a->stop)
			break;
		pthread_mutex_unlock(&a->mu);
		net_result res;
		tl_err err = { { 0 } };
		int rc = net_sync(a->st, &a->reg, &a->stop, &res, &err);
		pthread_mutex_lock(&a->mu);
		note(a, rc, &res, &err);
		pthread_mutex_unlock(&a->mu);
		if (a->woke)
			a->woke(a->arg);
		pthread_mutex_lock(&a->mu);
	}
	pthread_mutex_unlock(&a->mu);
	return NULL;
}

int net_auto_start(const char *db, const net_register *r, net_auto_fn woke, void *arg,
		   net_auto **out, tl_err *err)
{
	pthread_condattr_t ca;
	net_auto *a = calloc(1, sizeof *a);
	int rc;

	*out = NULL;
	if (!a)
		return err_set(err, TL_ENOMEM, "sync: no memory for the worker");
	if ((rc = store_open(db, &a->st, err))) {
		free(a);
		return rc;
	}
	a->reg = *r;
	a->woke = woke;
	a->arg = arg;
	net_plan_init(&a->plan, r->every, mono());
	pthread_mutex_init(&a->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&a->cv, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&a->t, NULL, run, a)) {
		net_auto_stop(a);
		return err_set(err, TL_ENOMEM, "sync: cannot start its thread");
	}
	a->started = true;
	*out = a;
	return TL_OK;
}

void net_auto_urgent(net_auto *a)
{
	if (!a)
		return;
	pthread_mutex_lock(&a->mu);
	net_plan_urgent(&a->plan, mono());
	pthread_cond_signal(&a->cv);
	pthread_mutex_unlock(&a->mu);
}

bool net_auto_news(net_auto *a, net_auto_state *out)
{
	bool news;
	if (!a)
		return false;
	pthread_mutex_lock(&a->mu);
	*out = a->state;
	news = a->news;
	a->news = false;
	pthread_mutex_unlock(&a->mu);
	return news;
}

void net_auto_stop(net_auto *a)
{
	if (!a)
		return;
	pthread_mutex_lock(&a->mu);
	a->stop = 1;
	pthread_cond_signal(&a->cv);
	pthread_mutex_unlock(&a->mu);
	if (a->started)
		pthread_join(a->t, NULL);
	pthread_cond_destroy(&a->cv);
	pthread_mutex_destroy(&a->mu);
	store_close(a->st);
	free(a);
}
