/* test_net_plan.c - when a device syncs by itself (app/net/net_plan.c,
 * compiled in here), with a clock the test moves: every sync_seconds
 * while the register answers; while it is away, retries that wait twice
 * as long each time up to a ceiling; a safety record tried at once and
 * then at least every sync_seconds; all back to normal once it answers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "../../app/net/net_plan.c"

static void a_device_syncs_as_it_starts_then_every_sync_seconds(void **state)
{
	net_plan p;
	(void)state;
	net_plan_init(&p, 60, 1000);
	assert_true(net_plan_due(&p, 1000));
	net_plan_done(&p, true, 1000.5);
	assert_false(net_plan_due(&p, 1060));
	assert_true(net_plan_wait(&p, 1000.5) == 60.0);
	assert_true(net_plan_due(&p, 1060.5));
	assert_true(net_plan_wait(&p, 2000) == 0.0);
}

static void while_the_register_is_away_retries_back_off_to_a_ceiling(void **state)
{
	net_plan p;
	double now = 0, waits[12];
	(void)state;
	net_plan_init(&p, 60, now);
	for (int i = 0; i < 12; i++) {
		net_plan_done(&p, false, now);
		waits[i] = net_plan_wait(&p, now);
		assert_false(net_plan_due(&p, now + waits[i] - 0.1));
		now += waits[i];
		assert_true(net_plan_due(&p, now));
	}
	assert_true(waits[0] == NET_RETRY_FIRST);
	for (int i = 1; i < 12; i++)
		assert_true(waits[i] == (waits[i - 1] * 2 < NET_RETRY_MAX ? waits[i - 1] * 2
									   : NET_RETRY_MAX));
	assert_true(waits[11] == NET_RETRY_MAX);
	assert_int_equal(p.failures, 12);
	/* It answers: back to every sync_seconds, the backoff forgotten. */
	net_plan_done(&p, true, now);
	assert_true(net_plan_wait(&p, now) == 60.0);
	net_plan_done(&p, false, now + 60);
	assert_true(net_plan_wait(&p, now + 60) == NET_RETRY_FIRST);
}

static void a_safety_record_goes_at_once_and_is_retried_every_sync_seconds(void **state)
{
	net_plan p;
	double now = 0;
	(void)state;
	net_plan_init(&p, 60, now);
	for (int i = 0; i < 9; i++) { /* away a long while: waits of 600 s */
		net_plan_done(&p, false, now);
		now += net_plan_wait(&p, now);
	}
	net_plan_done(&p, false, now); /* and now 600 s to the next try */
	assert_true(p.retry == NET_RETRY_MAX);
	now += 1;
	assert_false(net_plan_due(&p, now));
	net_plan_urgent(&p, now); /* "I don't feel safe" */
	assert_true(net_plan_due(&p, now));
	for (int i = 0; i < 5; i++) {
		net_plan_done(&p, false, now);
		assert_true(net_plan_wait(&p, now) <= 60.0);
		now += net_plan_wait(&p, now);
	}
	net_plan_done(&p, true, now); /* the register has it */
	assert_false(p.urgent);
	net_plan_done(&p, false, now + 60);
	assert_true(net_plan_wait(&p, now + 60) == NET_RETRY_FIRST);
}

static void a_short_sync_seconds_is_kept_while_away_and_urgent(void **state)
{
	net_plan p;
	(void)state;
	net_plan_init(&p, 3, 0);
	net_plan_urgent(&p, 0);
	net_plan_done(&p, false, 0);
	assert_true(net_plan_wait(&p, 0) == 3.0); /* under NET_RETRY_FIRST */
	net_plan_init(&p, 0, 0);
	assert_true(p.every == 60.0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_device_syncs_as_it_starts_then_every_sync_seconds),
		cmocka_unit_test(while_the_register_is_away_retries_back_off_to_a_ceiling),
		cmocka_unit_test(a_safety_record_goes_at_once_and_is_retried_every_sync_seconds),
		cmocka_unit_test(a_short_sync_seconds_is_kept_while_away_and_urgent),
	};
	return cmocka_run_group_tests_name("net_plan", tests, NULL, NULL);
}
