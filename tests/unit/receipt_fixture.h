/* receipt_fixture.h - a complaint as the store would hand it back, for
 * the receipt tests: built in memory, so the receipt's own code is
 * tested apart from the case lifecycle. */
#ifndef TELLUS_TEST_RECEIPT_FIXTURE_H
#define TELLUS_TEST_RECEIPT_FIXTURE_H

#include <string.h>
#include "tellus/receipt.h"

/* A complaint received 2026-01-15 whose stored stage 1 dates are due and
 * max_due; service is borrowed, not copied. */
static inline void fixture_case(tl_case *c, int kind, tl_date due, tl_date max_due,
				char *service)
{
	memset(c, 0, sizeof *c);
	ref_make("K2", 2026, 417, c->ref, NULL);
	c->kind = kind;
	c->received = date_from_ymd(2026, 1, 15);
	c->service_area = service;
	if (kind == TL_KIND_COMPLAINT) {
		c->n_stages = 1;
		c->stages[0].number = 1;
		c->stages[0].started = c->received;
		c->stages[0].due = due;
		c->stages[0].max_due = max_due;
		c->stages[0].outcome = -1;
	}
}

static inline void fixture_settings(tl_receipt_settings *s, const char *authority,
				    const char *url)
{
	memset(s, 0, sizeof *s);
	snprintf(s->authority, sizeof s->authority, "%s", authority);
	snprintf(s->phone, sizeof s->phone, "%s", "0116 305 0000");
	snprintf(s->email, sizeof s->email, "%s", "complaints@example.org");
	snprintf(s->url, sizeof s->url, "%s", url ? url : "");
}

/* The receipt of the fixture case, due 2026-01-29 at the latest
 * 2026-02-12; code NULL for a reference-only receipt. */
static inline void fixture_receipt(tl_receipt *r, int kind, char *service,
				   const char *authority, const char *url, const char *code)
{
	tl_case c;
	tl_receipt_settings s;
	fixture_case(&c, kind, date_from_ymd(2026, 1, 29), date_from_ymd(2026, 2, 12), service);
	fixture_settings(&s, authority, url);
	receipt_from_case(&c, &s, code, r);
}

#endif
