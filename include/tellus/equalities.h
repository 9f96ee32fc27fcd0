/* equalities.h - equalities monitoring (SPEC 14): optional answers about
 * the person who complained (age band, gender, ethnicity, disability),
 * asked separately from the complaint, kept in their own table that no
 * view of a case reads, and reported only in aggregate, with counts
 * under 5 shown as "<5" (reports/tables/equalities.sql). */
#ifndef TELLUS_EQUALITIES_H
#define TELLUS_EQUALITIES_H

#include "tellus/store.h"
#include "tellus/words.h"

extern const tl_wordset WS_AGE_BAND, WS_GENDER, WS_ETHNICITY, WS_DISABILITY;

/* Each answer a word of its set, or -1 when not given. */
typedef struct {
	int age_band, gender, ethnicity, disability;
} tl_equalities;

/* Records (or replaces) the answers for the case ref; at least one is
 * given. The audit line says that answers were recorded, never which. */
int equalities_put(tl_store *st, const char *ref, const tl_equalities *e, tl_err *err);
/* The answers from their words, in the order above ("" or NULL: not
 * given); a word its set does not have is refused, naming it. */
int equalities_from_words(const char *const words[4], tl_equalities *e, tl_err *err);

#endif
