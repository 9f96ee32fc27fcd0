/* report_sql.c - the SQL functions the report's definitions call besides
 * the store's workdays() and add_workdays() (store_sql.c): exact half-up
 * percentages, pounds from pence, and the words of an enumeration. They
 * keep the definitions plain SQL while the rules live in one place in C. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/words.h"
#include "report_private.h"

static bool is_whole(sqlite3_value *v)
{
	if (sqlite3_value_numeric_type(v) == SQLITE_INTEGER)
		return true;
	double d = sqlite3_value_double(v);
	return d == floor(d) && fabs(d) < 1e15;
}

/* n / d * scale rounded half away from zero to a whole number. Whole
 * inputs use integer arithmetic so that 12.5 rounds to 13 exactly. */
static bool ratio(sqlite3_value *n, sqlite3_value *d, long long scale, long long *out)
{
	if (sqlite3_value_type(n) == SQLITE_NULL || sqlite3_value_type(d) == SQLITE_NULL)
		return false;
	if (is_whole(n) && is_whole(d)) {
		long long a = (long long)sqlite3_value_double(n) * scale;
		long long b = (long long)sqlite3_value_double(d);
		if (b == 0)
			return false;
		bool neg = (a < 0) != (b < 0);
		a = llabs(a), b = llabs(b);
		long long q = (2 * a + b) / (2 * b);
		*out = neg ? -q : q;
		return true;
	}
	double b = sqlite3_value_double(d);
	if (b == 0)
		return false;
	*out = llround(sqlite3_value_double(n) * (double)scale / b);
	return true;
}

/* pct(n, d): whole-number percentage, NULL when d is 0. */
static void f_pct(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	long long q;
	(void)argc;
	if (ratio(argv[0], argv[1], 100, &q))
		sqlite3_result_int64(cx, q);
	else
		sqlite3_result_null(cx);
}

static void result_tenths(sqlite3_context *cx, long long q)
{
	char out[32];
	snprintf(out, sizeof out, "%s%lld.%lld", q < 0 ? "-" : "", llabs(q) / 10, llabs(q) % 10);
	sqlite3_result_text(cx, out, -1, SQLITE_TRANSIENT);
}

/* ratio1(n, d): n / d with one decimal; pct1(n, d): percentage with one. */
static void f_ratio1(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	long long q;
	(void)argc;
	if (ratio(argv[0], argv[1], 10, &q))
		result_tenths(cx, q);
	else
		sqlite3_result_null(cx);
}

static void f_pct1(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	long long q;
	(void)argc;
	if (ratio(argv[0], argv[1], 1000, &q))
		result_tenths(cx, q);
	else
		sqlite3_result_null(cx);
}

/* pounds(pence): "1234.50". */
static void f_pounds(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	char out[32];
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(cx);
		return;
	}
	long long p = sqlite3_value_int64(argv[0]);
	snprintf(out, sizeof out, "%s%lld.%02lld", p < 0 ? "-" : "", llabs(p) / 100, llabs(p) % 100);
	sqlite3_result_text(cx, out, -1, SQLITE_TRANSIENT);
}

static const struct {
	const char *name;
	const tl_wordset *set;
} SETS[] = {
	{ "kind", &WS_KIND }, { "channel", &WS_CHANNEL }, { "procedure", &WS_PROCEDURE },
	{ "complainant", &WS_COMPLAINANT }, { "outcome", &WS_OUTCOME },
	{ "action", &WS_ACTION }, { "cost", &WS_COST }, { "ombudsman", &WS_OMBUDSMAN },
};

static const tl_wordset *find_set(sqlite3_value *v)
{
	const char *name = (const char *)sqlite3_value_text(v);
	for (size_t i = 0; name && i < sizeof SETS / sizeof SETS[0]; i++)
		if (strcmp(SETS[i].name, name) == 0)
			return SETS[i].set;
	return NULL;
}

/* word_label(set, word): the plain words of a word, else the word. */
static void f_word_label(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const tl_wordset *set = find_set(argv[0]);
	const char *word = (const char *)sqlite3_value_text(argv[1]);
	int i = set ? words_find(set, word) : -1;
	(void)argc;
	if (i >= 0)
		sqlite3_result_text(cx, words_label(set, i), -1, SQLITE_STATIC);
	else if (word)
		sqlite3_result_text(cx, word, -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(cx);
}

/* word_list(set): the words of a set as a JSON array, in their order, for
 * json_each(): rows that must always appear (every cost category). */
static void f_word_list(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const tl_wordset *set = find_set(argv[0]);
	char out[1024];
	size_t used = 0;
	(void)argc;
	if (!set) {
		sqlite3_result_error(cx, "word_list: unknown set", -1);
		return;
	}
	out[used++] = '[';
	for (size_t i = 0; i < set->n && used + 64 < sizeof out; i++)
		used += (size_t)snprintf(out + used, sizeof out - used, "%s\"%s\"",
					 i ? "," : "", set->items[i].word);
	snprintf(out + used, sizeof out - used, "]");
	sqlite3_result_text(cx, out, -1, SQLITE_TRANSIENT);
}

int report_sql_functions(tl_store *st, tl_err *err)
{
	static const struct {
		const char *name;
		int argc;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} FNS[] = {
		{ "pct", 2, f_pct }, { "ratio1", 2, f_ratio1 }, { "pct1", 2, f_pct1 },
		{ "pounds", 1, f_pounds }, { "word_label", 2, f_word_label },
		{ "word_list", 1, f_word_list },
	};

	for (size_t i = 0; i < sizeof FNS / sizeof FNS[0]; i++)
		if (sqlite3_create_function(store_db(st), FNS[i].name, FNS[i].argc,
					    SQLITE_UTF8 | SQLITE_DETERMINISTIC,
					    NULL, FNS[i].fn, NULL, NULL))
			return store_fail(st, err, "registering the report's SQL functions");
	return report_names_register(st, err);
}
