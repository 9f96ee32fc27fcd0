/* csvio_cells.c - reading one typed cell of an import (date, word of an
 * enumeration, yes/no, reference) with a message that names file, line
 * and column; and counting the rows a file has shown before, which makes
 * duplicates an error and repeated costs distinct (their seq). */
#include <stdlib.h>
#include <string.h>
#include "csvio_private.h"

int csvio_date(const tl_csvio_in *in, int col, bool optional, tl_date *out, tl_err *err)
{
	const char *s = csvio_cell(in, col);
	char shown[80];

	*out = TL_NO_DATE;
	if (!*s)
		return optional ? TL_OK : csvio_bad(in, col, err, "a date is needed (YYYY-MM-DD)");
	if (date_parse(s, out, in->cols[col].name, NULL) == TL_OK)
		return TL_OK;
	csv_printable(s, shown, sizeof shown);
	return csvio_bad(in, col, err, "'%s' is not a date like 2025-04-01", shown);
}

int csvio_word(const tl_csvio_in *in, int col, const tl_wordset *set, int dflt, int *out,
	       tl_err *err)
{
	const char *s = csvio_cell(in, col);
	char shown[80], list[300];

	*out = dflt;
	if (!*s && dflt != CSVIO_REQUIRED)
		return TL_OK;
	if ((*out = words_find(set, s)) >= 0)
		return TL_OK;
	csv_printable(s, shown, sizeof shown);
	words_list(set, list, sizeof list);
	if (!*s)
		return csvio_bad(in, col, err, "a value is needed: one of %s", list);
	return csvio_bad(in, col, err, "'%s' is not one of %s", shown, list);
}

int csvio_flag(const tl_csvio_in *in, int col, bool *out, tl_err *err)
{
	const char *s = csvio_cell(in, col);
	char shown[80];

	*out = strcmp(s, "yes") == 0;
	if (*out || !*s || strcmp(s, "no") == 0)
		return TL_OK;
	csv_printable(s, shown, sizeof shown);
	return csvio_bad(in, col, err, "'%s' is not yes or no", shown);
}

/* A Tellus reference is read as a person would type it (case, look-alike
 * characters) and must have its check character right; a reference from
 * an older system is kept as it is, for the case rules to judge. */
int csvio_ref(const tl_csvio_in *in, int col, bool optional, char out[REF_MAX], tl_err *err)
{
	const char *s = csvio_cell(in, col);

	out[0] = '\0';
	if (!*s)
		return optional ? TL_OK : csvio_bad(in, col, err, "a reference is needed");
	if (ref_normalise(s, out, err) == TL_OK)
		return TL_OK;
	if (ref_is_tellus_shape(s) || ref_legacy_check(s, err))
		return csvio_wrap(in, col, TL_EINVAL, err);
	memcpy(out, s, strlen(s) + 1);
	return TL_OK;
}

/* An open-addressing hash table of keys: a file of 100,000 rows must not
 * take quadratic time to find its duplicates. */
typedef struct {
	char *key;
	long count, first;
} seen_slot;

struct tl_csvio_seen {
	seen_slot *slots;
	size_t cap, used;
};

int csvio_seen_new(tl_csvio_seen **out, tl_err *err)
{
	tl_csvio_seen *s = calloc(1, sizeof *s);
	if (s && !(s->slots = calloc(s->cap = 1024, sizeof *s->slots))) {
		free(s);
		s = NULL;
	}
	*out = s;
	return s ? TL_OK : err_set(err, TL_ENOMEM, "import: out of memory");
}

void csvio_seen_free(tl_csvio_seen *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->cap; i++)
		free(s->slots[i].key);
	free(s->slots);
	free(s);
}

static size_t hash(const char *k)
{
	size_t h = 14695981039346656037ULL & (size_t)-1;
	for (; *k; k++)
		h = (h ^ (unsigned char)*k) * (size_t)1099511628211ULL;
	return h;
}

static seen_slot *slot_of(seen_slot *slots, size_t cap, const char *key)
{
	size_t i = hash(key) & (cap - 1);
	while (slots[i].key && strcmp(slots[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static int grow(tl_csvio_seen *s, tl_err *err)
{
	size_t cap = s->cap * 2;
	seen_slot *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return err_set(err, TL_ENOMEM, "import: out of memory");
	for (size_t i = 0; i < s->cap; i++)
		if (s->slots[i].key)
			*slot_of(slots, cap, s->slots[i].key) = s->slots[i];
	free(s->slots);
	s->slots = slots;
	s->cap = cap;
	return TL_OK;
}

int csvio_seen_add(tl_csvio_seen *s, const char *key, long line, long *count, long *first,
		   tl_err *err)
{
	int rc;
	if (s->used * 2 >= s->cap && (rc = grow(s, err)))
		return rc;
	seen_slot *slot = slot_of(s->slots, s->cap, key);
	if (!slot->key) {
		if (!(slot->key = strdup(key)))
			return err_set(err, TL_ENOMEM, "import: out of memory");
		slot->first = line;
		s->used++;
	}
	*count = ++slot->count;
	*first = slot->first;
	return TL_OK;
}
