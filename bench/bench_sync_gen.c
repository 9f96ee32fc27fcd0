/* bench_sync_gen.c - the cases of the sync benchmark, made on a device
 * that has joined its register: `bench_sync_gen DEVICE.db N` logs N
 * complaints through case_log (so each is a move in the device's log, as
 * on a kiosk) and answers every third through case_respond, all received
 * in 2025/26. bench/bench_sync.sh then writes the device's bundle and
 * exports the same cases as CSV. Deterministic: the same N gives the same
 * cases. */
#include <stdio.h>
#include <stdlib.h>
#include "tellus/case.h"
#include "bench.h"

static const char *const AREAS[] = { "Children in care", "Fostering", "Adoption",
	"Child protection", "Disabled children", "Leaving care" };
static const char *const CAUSES[] = { "delays", "fairness", "keeping_informed",
	"professional_judgement", "quality_of_work" };
static const char SUMMARY[] = "My social worker keeps changing and nobody told me who my "
	"new one is. I missed contact with my brother twice because the taxi did not come.";

static int one(tl_store *st, long i, unsigned long long *rng, tl_err *err)
{
	tl_case c;
	int rc;

	case_init(&c);
	c.kind = TL_KIND_COMPLAINT;
	c.channel = TL_CHANNEL_KIOSK;
	c.complainant = (int)(bench_rand(rng) % 9);
	c.received = date_from_ymd(2025, 4, 1) + (tl_date)(i % 300);
	snprintf(c.causes[0], CASE_CAUSE_MAX, "%s", CAUSES[bench_rand(rng) % 5]);
	c.n_causes = 1;
	if ((rc = case_set_text(&c.service_area, AREAS[bench_rand(rng) % 6], err)) ||
	    (rc = case_set_text(&c.summary, SUMMARY, err)) ||
	    (rc = case_set_text(&c.desired, "To see my brother every week.", err)) ||
	    (rc = case_log(st, &c, err)))
		goto cleanup;
	if (i % 3 == 0)
		rc = case_respond(st, c.ref, 1, c.received + 12, (int)(bench_rand(rng) % 3), err);
cleanup:
	case_clear(&c);
	return rc;
}

int main(int argc, char **argv)
{
	tl_store *st = NULL;
	tl_err err = { { 0 } };
	unsigned long long rng = 42;
	long n = argc == 3 ? atol(argv[2]) : 0;
	int rc;

	if (n <= 0) {
		fprintf(stderr, "usage: bench_sync_gen DEVICE.db N\n");
		return 2;
	}
	if ((rc = store_open(argv[1], &st, &err)) == TL_OK) {
		store_set_actor(st, "kiosk");
		store_set_today(st, date_from_ymd(2026, 3, 31));
	}
	/* One transaction for speed: the moves are recorded all the same. */
	if (rc == TL_OK && (rc = store_begin(st, &err)) == TL_OK) {
		for (long i = 0; rc == TL_OK && i < n; i++)
			rc = one(st, i, &rng, &err);
		rc = store_end(st, rc, &err);
	}
	if (rc)
		fprintf(stderr, "bench_sync_gen: %s\n", err.msg);
	store_close(st);
	return rc ? 1 : 0;
}
