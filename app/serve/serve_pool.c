/* serve_pool.c - a few worker threads, each with its own connection to
 * the register, that run what is slow or touches the file: the Argon2id
 * check of a tracking code (a few milliseconds and 4 MiB each) and the
 * pages built from the database. Request threads hand a job over and
 * wait; the queue is bounded, so a flood is turned away at once instead
 * of piling up, and /sync, which never comes here, is not held up. */
#include <pthread.h>
#include <stdlib.h>
#include "serve_private.h"

typedef struct job {
	serve_job_fn fn;
	void *arg;
	bool done;
	struct job *next;
} job;

typedef struct {
	serve_pool *p;
	tl_store *st;
	pthread_t t;
	bool started;
} worker;

struct serve_pool {
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	job *head, *tail;
	int queued, queue_max;
	bool stopping;
	int n;
	worker *w;
};

static void *worker_main(void *arg)
{
	worker *w = arg;
	serve_pool *p = w->p;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->head && !p->stopping)
			pthread_cond_wait(&p->work, &p->mu);
		job *j = p->head;
		if (!j)
			break;
		p->head = j->next;
		if (!p->head)
			p->tail = NULL;
		p->queued--;
		pthread_mutex_unlock(&p->mu);
		j->fn(w->st, j->arg);
		pthread_mutex_lock(&p->mu);
		j->done = true;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

int pool_start(serve_pool **out, const char *db, int workers, int queue_max, tl_err *err)
{
	serve_pool *p = calloc(1, sizeof *p);
	int rc = TL_OK;

	*out = NULL;
	if (!p || !(p->w = calloc((size_t)workers, sizeof *p->w))) {
		free(p);
		return err_set(err, TL_ENOMEM, "no memory for the workers");
	}
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done, NULL);
	p->queue_max = queue_max;
	for (p->n = 0; p->n < workers; p->n++) {
		worker *w = &p->w[p->n];
		w->p = p;
		if ((rc = store_open(db, &w->st, err)))
			break;
		store_set_actor(w->st, "web");
		if (pthread_create(&w->t, NULL, worker_main, w)) {
			store_close(w->st);
			rc = err_set(err, TL_ENOMEM, "cannot start a worker thread");
			break;
		}
		w->started = true;
	}
	if (rc) {
		pool_stop(p);
		return rc;
	}
	*out = p;
	return TL_OK;
}

int pool_run(serve_pool *p, serve_job_fn fn, void *arg)
{
	job j = { .fn = fn, .arg = arg };

	pthread_mutex_lock(&p->mu);
	if (p->stopping || p->queued >= p->queue_max) {
		pthread_mutex_unlock(&p->mu);
		return -1;
	}
	if (p->tail)
		p->tail->next = &j;
	else
		p->head = &j;
	p->tail = &j;
	p->queued++;
	pthread_cond_signal(&p->work);
	while (!j.done)
		pthread_cond_wait(&p->done, &p->mu);
	pthread_mutex_unlock(&p->mu);
	return 0;
}

void pool_stop(serve_pool *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->mu);
	p->stopping = true;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->mu);
	for (int i = 0; i < p->n; i++) {
		if (p->w[i].started)
			pthread_join(p->w[i].t, NULL);
		store_close(p->w[i].st);
	}
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->done);
	pthread_mutex_destroy(&p->mu);
	free(p->w);
	free(p);
}
