/* serve_limit.c - wrong tries on the tracking page, counted per client
 * address and per reference: a few are free (people mistype), then every
 * answer to that client or for that reference is held back longer and
 * longer, then refused (429) for a while. With 48 random bits in a code,
 * ten tries per address and twenty per reference each quarter of an hour
 * make guessing hopeless, while a family who mistypes twice never notices.
 * The tables are fixed in size: a flood of new addresses evicts the
 * stalest entries and cannot grow memory. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include "serve_private.h"

#define SLOTS 4096                /* per table, a power of two */
#define PROBE 8                   /* slots looked at for one key */
#define WINDOW (15 * 60.0)        /* seconds after the last wrong try it is forgotten */
#define LOCK (15 * 60.0)          /* seconds a refusal lasts */
#define DELAY_FIRST_MS 250
#define DELAY_MAX_MS 2000

typedef struct {
	char key[SERVE_ADDR_MAX];
	int fails;
	double last, refused_until;
} slot;

typedef struct {
	int free_tries;   /* wrong tries answered at once */
	int refuse_at;    /* this many wrong tries start a refusal */
	slot s[SLOTS];
} table;

struct serve_limit {
	pthread_mutex_t mu;
	uint32_t seed;    /* so that nobody can aim keys at one slot */
	table clients, refs;
};

serve_limit *limit_new(void)
{
	serve_limit *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	pthread_mutex_init(&l->mu, NULL);
	if (getrandom(&l->seed, sizeof l->seed, 0) != sizeof l->seed)
		l->seed = 2166136261u;
	l->clients.free_tries = 3;
	l->clients.refuse_at = 10;
	l->refs.free_tries = 5;
	l->refs.refuse_at = 20;
	return l;
}

void limit_free(serve_limit *l)
{
	if (!l)
		return;
	pthread_mutex_destroy(&l->mu);
	free(l);
}

static bool stale(const slot *s, double now)
{
	return !s->key[0] || (now - s->last > WINDOW && now >= s->refused_until);
}

/* Which slot to give a new key: a stale one first, then one not under a
 * refusal (so that a flood of new addresses cannot lift a refusal by
 * pushing it out), the oldest of its kind. */
static bool better_victim(const slot *s, const slot *v, double now)
{
	if (!v)
		return true;
	if (stale(s, now) != stale(v, now))
		return stale(s, now);
	if ((now < s->refused_until) != (now < v->refused_until))
		return now >= s->refused_until;
	return s->last < v->last;
}

/* The slot of key: its own, else (when make) a stale one or the stalest
 * of its neighbourhood, emptied; NULL when absent and not made. */
static slot *find(serve_limit *l, table *t, const char *key, double now, bool make)
{
	uint32_t h = l->seed;
	slot *victim = NULL;

	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	for (int i = 0; i < PROBE; i++) {
		slot *s = &t->s[(h + (uint32_t)i) & (SLOTS - 1)];
		if (s->key[0] && strcmp(s->key, key) == 0) {
			if (stale(s, now))
				s->fails = 0;
			return s;
		}
		if (better_victim(s, victim, now))
			victim = s;
	}
	if (!make)
		return NULL;
	memset(victim, 0, sizeof *victim);
	snprintf(victim->key, sizeof victim->key, "%s", key);
	return victim;
}

static void judge(serve_limit *l, table *t, const char *key, double now, limit_verdict *v)
{
	slot *s = key[0] ? find(l, t, key, now, false) : NULL;
	if (!s)
		return;
	if (now < s->refused_until) {
		int left = (int)(s->refused_until - now) + 1;
		v->refused = true;
		if (left > v->retry_after)
			v->retry_after = left;
		return;
	}
	if (s->fails > t->free_tries) {
		int steps = s->fails - t->free_tries - 1;
		int ms = steps >= 4 ? DELAY_MAX_MS : DELAY_FIRST_MS << steps;
		if (ms > DELAY_MAX_MS)
			ms = DELAY_MAX_MS;
		if (ms > v->delay_ms)
			v->delay_ms = ms;
	}
}

void limit_ask(serve_limit *l, const char *client, const char *ref, double now, limit_verdict *v)
{
	memset(v, 0, sizeof *v);
	pthread_mutex_lock(&l->mu);
	judge(l, &l->clients, client, now, v);
	judge(l, &l->refs, ref, now, v);
	pthread_mutex_unlock(&l->mu);
	if (v->refused)
		v->delay_ms = 0;
}

static bool count(serve_limit *l, table *t, const char *key, double now)
{
	slot *s = key[0] ? find(l, t, key, now, true) : NULL;
	if (!s)
		return false;
	s->fails++;
	s->last = now;
	if (s->fails < t->refuse_at || now < s->refused_until)
		return false;
	s->refused_until = now + LOCK;
	s->fails = 0; /* after the refusal, a fresh start */
	return true;
}

bool limit_wrong(serve_limit *l, const char *client, const char *ref, double now)
{
	pthread_mutex_lock(&l->mu);
	bool a = count(l, &l->clients, client, now);
	bool b = count(l, &l->refs, ref, now);
	pthread_mutex_unlock(&l->mu);
	return a || b;
}
