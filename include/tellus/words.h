/* words.h - the enumerations of SPEC section 4 and their words.
 * Each set maps a value to the snake_case word used in files and on the
 * command line, and to the plain words shown to people. One table per set,
 * so that files, screens and reports can never disagree. */
#ifndef TELLUS_WORDS_H
#define TELLUS_WORDS_H

#include <stddef.h>

typedef struct {
	const char *word;  /* in files: "foster_carer" */
	const char *label; /* on screen and in reports: "Foster carer" */
} tl_word;

typedef struct {
	const char *what; /* names the set in messages: "complainant" */
	const tl_word *items;
	size_t n;
} tl_wordset;

enum { TL_KIND_COMPLAINT, TL_KIND_COMPLIMENT };
enum { TL_CHANNEL_KIOSK, TL_CHANNEL_MOBILE, TL_CHANNEL_STAFF, TL_CHANNEL_PHONE,
       TL_CHANNEL_EMAIL, TL_CHANNEL_LETTER, TL_CHANNEL_IN_PERSON };
enum { TL_PROC_STATUTORY, TL_PROC_CORPORATE, TL_PROC_NOT_ELIGIBLE,
       TL_PROC_TO_BE_ASSESSED };
enum { TL_WHO_CHILD, TL_WHO_PARENT, TL_WHO_CARER, TL_WHO_FOSTER_CARER,
       TL_WHO_ADOPTER, TL_WHO_SPECIAL_GUARDIAN, TL_WHO_RELATIVE,
       TL_WHO_PROFESSIONAL, TL_WHO_OTHER };
enum { TL_OUTCOME_FULLY_UPHELD, TL_OUTCOME_PARTLY_UPHELD,
       TL_OUTCOME_NOT_UPHELD, TL_OUTCOME_WITHDRAWN };
enum { TL_ROLE_OFFICER, TL_ROLE_MANAGER, TL_ROLE_ADMIN };

extern const tl_wordset WS_KIND, WS_CHANNEL, WS_PROCEDURE, WS_COMPLAINANT,
	WS_OUTCOME, WS_ACTION, WS_COST, WS_OMBUDSMAN, WS_ROLE, WS_PAUSE;

/* The value of word in set, or -1. Exact match: files use the words. */
int words_find(const tl_wordset *set, const char *word);
/* The word of value, or "" when out of range. */
const char *words_word(const tl_wordset *set, int value);
const char *words_label(const tl_wordset *set, int value);
/* "a, b, c": the words of a set for messages; writes at most cap bytes. */
void words_list(const tl_wordset *set, char *out, size_t cap);

#endif
