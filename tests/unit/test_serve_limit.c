/* test_serve_limit.c - the limiter of wrong tries on the tracking page
 * (app/serve/serve_limit.c, compiled in here): free tries, then slowed,
 * then refused for a while, per client address and per reference, with a
 * clock the test moves; a flood of addresses cannot grow it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include "../../app/serve/serve_limit.c"

static void wrong_n(serve_limit *l, const char *client, const char *ref, int n, double now)
{
	for (int i = 0; i < n; i++)
		limit_wrong(l, client, ref, now);
}

static void three_wrong_tries_are_answered_at_once_then_slowed_more_and_more(void **state)
{
	serve_limit *l = limit_new();
	limit_verdict v;
	int last = 0;
	(void)state;
	wrong_n(l, "192.0.2.1", "", 3, 100);
	limit_ask(l, "192.0.2.1", "", 100, &v);
	assert_false(v.refused);
	assert_int_equal(v.delay_ms, 0);
	for (int i = 4; i <= 9; i++) {
		limit_wrong(l, "192.0.2.1", "", 100);
		limit_ask(l, "192.0.2.1", "", 100, &v);
		assert_false(v.refused);
		assert_true(v.delay_ms >= last && v.delay_ms > 0 && v.delay_ms <= DELAY_MAX_MS);
		last = v.delay_ms;
	}
	assert_int_equal(last, DELAY_MAX_MS);
	limit_free(l);
}

static void the_tenth_wrong_try_from_an_address_refuses_it_for_a_quarter_hour(void **state)
{
	serve_limit *l = limit_new();
	limit_verdict v;
	(void)state;
	wrong_n(l, "192.0.2.1", "", 9, 100);
	assert_true(limit_wrong(l, "192.0.2.1", "", 100)); /* starts a refusal: audited once */
	limit_ask(l, "192.0.2.1", "", 101, &v);
	assert_true(v.refused);
	assert_int_equal(v.delay_ms, 0);
	assert_true(v.retry_after > 14 * 60 && v.retry_after <= 15 * 60 + 1);
	limit_ask(l, "192.0.2.2", "", 101, &v);
	assert_false(v.refused); /* another address is not touched */
	assert_int_equal(v.delay_ms, 0);
	limit_ask(l, "192.0.2.1", "", 100 + LOCK + 1, &v);
	assert_false(v.refused); /* and it ends */
	assert_int_equal(v.delay_ms, 0);
	limit_free(l);
}

static void twenty_wrong_tries_for_one_reference_from_many_addresses_refuse_it(void **state)
{
	serve_limit *l = limit_new();
	limit_verdict v;
	char addr[32];
	bool started = false;
	(void)state;
	for (int i = 0; i < 20; i++) {
		snprintf(addr, sizeof addr, "198.51.100.%d", i);
		started = limit_wrong(l, addr, "K2-26-0417-7", 100);
	}
	assert_true(started);
	limit_ask(l, "203.0.113.9", "K2-26-0417-7", 100, &v);
	assert_true(v.refused);
	limit_ask(l, "203.0.113.9", "K2-26-0418-4", 100, &v);
	assert_false(v.refused);
	limit_free(l);
}

static void wrong_tries_are_forgotten_after_the_window(void **state)
{
	serve_limit *l = limit_new();
	limit_verdict v;
	(void)state;
	wrong_n(l, "192.0.2.1", "", 8, 100);
	limit_ask(l, "192.0.2.1", "", 100 + WINDOW + 1, &v);
	assert_int_equal(v.delay_ms, 0);
	wrong_n(l, "192.0.2.1", "", 9, 100 + WINDOW + 1);
	limit_ask(l, "192.0.2.1", "", 100 + WINDOW + 1, &v);
	assert_false(v.refused); /* nine in the new window: slowed, not refused */
	limit_free(l);
}

static void a_flood_of_addresses_evicts_the_stalest_and_keeps_a_refusal(void **state)
{
	serve_limit *l = limit_new();
	limit_verdict v;
	char addr[32];
	(void)state;
	wrong_n(l, "192.0.2.1", "", 10, 100);
	for (int i = 0; i < 3 * SLOTS; i++) {
		snprintf(addr, sizeof addr, "10.%d.%d.%d", i >> 16, (i >> 8) & 255, i & 255);
		limit_wrong(l, addr, "", 100 + i * 0.001);
	}
	limit_ask(l, "192.0.2.1", "", 200, &v);
	/* The table is fixed in size, and a slot under a refusal is the last
	 * one a new address may take. */
	assert_true(v.refused);
	limit_free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(three_wrong_tries_are_answered_at_once_then_slowed_more_and_more),
		cmocka_unit_test(the_tenth_wrong_try_from_an_address_refuses_it_for_a_quarter_hour),
		cmocka_unit_test(twenty_wrong_tries_for_one_reference_from_many_addresses_refuse_it),
		cmocka_unit_test(wrong_tries_are_forgotten_after_the_window),
		cmocka_unit_test(a_flood_of_addresses_evicts_the_stalest_and_keeps_a_refusal),
	};
	return cmocka_run_group_tests_name("serve_limit", tests, NULL, NULL);
}
