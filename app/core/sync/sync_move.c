/* sync_move.c - a move as one line of compact JSON (sync.h: the bytes of
 * that line are what its content hash covers), and back. Only the fields
 * a move uses are written; reading checks each field's type and range,
 * and leaves the meaning (is this stage open? is that outcome a word?) to
 * the lifecycle function the register replays it through. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/text.h"
#include "sync_private.h"

/* A move's dates: TL_NO_DATE, or 0 (a move argument left empty), is none. */
static bool put_date(json_t *j, const char *key, tl_date d)
{
	char day[TL_DATE_LEN];
	if (d == TL_NO_DATE || d == 0)
		return true;
	date_format(d, day);
	return json_object_set_new(j, key, json_string(day)) == 0;
}

static bool put_opt(json_t *j, const char *key, const char *s)
{
	return !s || json_object_set_new(j, key, json_string(s)) == 0;
}

static bool put_int(json_t *j, const char *key, long long v)
{
	return !v || json_object_set_new(j, key, json_integer(v)) == 0;
}

static bool put_args(json_t *j, const sync_move *m)
{
	bool ok = put_int(j, "stage", m->stage) && put_int(j, "year", m->year) &&
		  put_int(j, "n", m->n) && put_date(j, "when", m->when) &&
		  put_date(j, "when2", m->when2) && put_opt(j, "word", m->word) &&
		  put_opt(j, "text", m->text) && put_opt(j, "text2", m->text2);
	if (ok && m->n_list) {
		json_t *l = json_array();
		for (size_t i = 0; l && ok && i < m->n_list; i++)
			ok = json_array_append_new(l, json_string(m->list[i])) == 0;
		ok = ok && json_object_set_new(j, "list", l) == 0;
	}
	if (ok && m->has_amount)
		ok = json_object_set_new(j, "amount", json_integer(m->amount)) == 0;
	if (ok && m->has_number)
		ok = json_object_set_new(j, "number", json_real(m->number)) == 0;
	if (ok && m->c)
		ok = json_object_set_new(j, "case", sync_case_json(m->c, true)) == 0;
	return ok;
}

int sync_move_encode(const sync_move *m, long long seq, tl_date day, const char *actor,
		     char **line, tl_err *err)
{
	json_t *j = json_object();
	bool ok = j && json_object_set_new(j, "seq", json_integer(seq)) == 0 &&
		  put_date(j, "day", day) &&
		  json_object_set_new(j, "actor", json_string(actor)) == 0 &&
		  json_object_set_new(j, "move", json_string(m->move)) == 0 &&
		  json_object_set_new(j, "action", json_string(m->action ? m->action : m->move)) == 0 &&
		  json_object_set_new(j, "ref", json_string(m->ref ? m->ref : "")) == 0 &&
		  put_args(j, m);
	*line = ok ? json_dumps(j, JSON_COMPACT) : NULL;
	json_decref(j);
	if (!*line)
		return err_set(err, TL_EINVAL, "move %s: cannot be written down (text that is not "
			       "UTF-8?)", m->move);
	return TL_OK;
}

/* Field readers for a decoded move: absent is empty, a wrong type refused. */
static int str_of(json_t *j, const char *key, bool required, const char **out, tl_err *err)
{
	json_t *v = json_object_get(j, key);
	*out = NULL;
	if (!v && !required)
		return TL_OK;
	if (!json_is_string(v))
		return err_set(err, TL_EINVAL, "move.%s: %s", key, v ? "is not text" : "is missing");
	*out = json_string_value(v);
	return TL_OK;
}

static int int_of(json_t *j, const char *key, long long lo, long long hi, long long *out,
		  tl_err *err)
{
	json_t *v = json_object_get(j, key);
	*out = 0;
	if (!v)
		return TL_OK;
	if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi)
		return err_set(err, TL_EINVAL, "move.%s: is not a number from %lld to %lld", key, lo, hi);
	*out = json_integer_value(v);
	return TL_OK;
}

static int date_of(json_t *j, const char *key, bool required, tl_date *out, tl_err *err)
{
	const char *s;
	char what[32];
	int rc = str_of(j, key, required, &s, err);
	*out = TL_NO_DATE;
	if (rc || !s)
		return rc;
	snprintf(what, sizeof what, "move.%s", key);
	return date_parse(s, out, what, err);
}

static int list_of(json_t *j, sync_move *m, tl_err *err)
{
	json_t *l = json_object_get(j, "list"), *v;
	size_t i;
	if (!l)
		return TL_OK;
	if (!json_is_array(l) || json_array_size(l) > SYNC_MOVE_LIST)
		return err_set(err, TL_EINVAL, "move.list: is not a list of at most %d", SYNC_MOVE_LIST);
	json_array_foreach(l, i, v) {
		if (!json_is_string(v))
			return err_set(err, TL_EINVAL, "move.list: holds something that is not text");
		m->list[m->n_list++] = json_string_value(v);
	}
	return TL_OK;
}

static int number_of(json_t *j, sync_move *m, tl_err *err)
{
	json_t *a = json_object_get(j, "amount"), *n = json_object_get(j, "number");
	if (a && !json_is_integer(a))
		return err_set(err, TL_EINVAL, "move.amount: is not a whole number of pence");
	if (n && !json_is_number(n))
		return err_set(err, TL_EINVAL, "move.number: is not a number");
	m->has_amount = a != NULL;
	m->amount = a ? json_integer_value(a) : 0;
	m->has_number = n != NULL;
	m->number = n ? json_number_value(n) : 0;
	return TL_OK;
}

static int case_of(json_t *j, sync_move *m, tl_err *err)
{
	json_t *c = json_object_get(j, "case");
	if (!c)
		return TL_OK;
	if (!(m->owned = malloc(sizeof *m->owned)))
		return err_set(err, TL_ENOMEM, "move: out of memory");
	int rc = sync_case_read(c, m->owned, err);
	if (rc) {
		free(m->owned);
		m->owned = NULL;
		return rc;
	}
	m->c = m->owned;
	return TL_OK;
}

static int fields(json_t *j, sync_move *m, tl_err *err)
{
	long long stage, year, n;
	int rc;

	if ((rc = int_of(j, "seq", 1, (1LL << 53), &m->seq, err)) ||
	    (rc = date_of(j, "day", true, &m->day, err)) ||
	    (rc = str_of(j, "actor", true, &m->actor, err)) ||
	    (rc = str_of(j, "move", true, &m->move, err)) ||
	    (rc = str_of(j, "action", true, &m->action, err)) ||
	    (rc = str_of(j, "ref", true, &m->ref, err)) ||
	    (rc = int_of(j, "stage", 0, 9, &stage, err)) ||
	    (rc = int_of(j, "year", 0, 9999, &year, err)) ||
	    (rc = int_of(j, "n", 0, 1000000, &n, err)) ||
	    (rc = date_of(j, "when", false, &m->when, err)) ||
	    (rc = date_of(j, "when2", false, &m->when2, err)) ||
	    (rc = str_of(j, "word", false, &m->word, err)) ||
	    (rc = str_of(j, "text", false, &m->text, err)) ||
	    (rc = str_of(j, "text2", false, &m->text2, err)) ||
	    (rc = list_of(j, m, err)) || (rc = number_of(j, m, err)))
		return rc;
	m->stage = (int)stage;
	m->year = (int)year;
	m->n = (int)n;
	if (m->seq < 1)
		return err_set(err, TL_EINVAL, "move.seq: is missing");
	if ((rc = text_check("move.actor", m->actor, 127, TEXT_REQUIRED | TEXT_ONE_LINE, err)))
		return rc;
	if (strlen(m->move) > 31 || strlen(m->action) > 63 || strlen(m->ref) >= REF_MAX)
		return err_set(err, TL_EINVAL, "move: its name, action or reference is too long");
	return case_of(j, m, err);
}

int sync_move_decode(const char *line, size_t n, sync_move *m, tl_err *err)
{
	json_error_t jerr;
	json_t *j;
	int rc;

	memset(m, 0, sizeof *m);
	m->when = m->when2 = m->day = TL_NO_DATE;
	if (!(j = json_loadb(line, n, JSON_REJECT_DUPLICATES, &jerr)) || !json_is_object(j)) {
		json_decref(j);
		return err_set(err, TL_EINVAL, "a move is not a JSON object (column %d: %.80s)",
			       jerr.column, jerr.text);
	}
	m->json = j;
	if ((rc = fields(j, m, err)))
		sync_move_clear(m);
	return rc;
}

void sync_move_clear(sync_move *m)
{
	if (m->owned) {
		case_clear(m->owned);
		free(m->owned);
	}
	json_decref(m->json);
	memset(m, 0, sizeof *m);
}

void sync_move_describe(const sync_move *m, char *out, size_t cap)
{
	char a[TL_DATE_LEN] = "", b[TL_DATE_LEN] = "";
	size_t used;

	date_format(m->when, a);
	date_format(m->when2, b);
	used = (size_t)snprintf(out, cap, "%s %s", m->move, m->ref && *m->ref ? m->ref : "-");
	if (m->stage && used < cap)
		used += (size_t)snprintf(out + used, cap - used, " stage %d", m->stage);
	const char *parts[] = { a, b, m->word };
	for (size_t i = 0; i < 3 && used < cap; i++)
		if (parts[i] && *parts[i])
			used += (size_t)snprintf(out + used, cap - used, " %s", parts[i]);
	if (m->has_amount && used < cap)
		used += (size_t)snprintf(out + used, cap - used, " %lld pence", m->amount);
	if (m->c && used < cap)
		snprintf(out + used, cap - used, " (%s %s)", words_word(&WS_KIND, m->c->kind),
			 m->c->unsafe ? "flagged unsafe" : "logged");
}
