/* letter.h - letters to the person who complained (SPEC 14): an
 * acknowledgement, an extension, a response's cover letter, and the rights
 * to the next stage and to the Ombudsman, each with a version in plain
 * words for a child. A letter is a template (assets/letters/, read at run
 * time, so a council replaces one without a rebuild) filled from the case,
 * its procedure profile and the council's settings; written as text or as
 * an HTML page that prints on A4. A copy of each letter written is kept
 * with the case (subject access gives it back, retention removes it). */
#ifndef TELLUS_LETTER_H
#define TELLUS_LETTER_H

#include <stdbool.h>
#include "tellus/store.h"
#include "tellus/words.h"

enum { TL_LETTER_ACKNOWLEDGEMENT, TL_LETTER_EXTENSION, TL_LETTER_RESPONSE, TL_LETTER_STAGE2,
       TL_LETTER_STAGE3, TL_LETTER_OMBUDSMAN };
/* acknowledgement, extension, response, stage2, stage3, ombudsman. */
extern const tl_wordset WS_LETTER;

typedef struct {
	int kind;            /* TL_LETTER_* */
	int stage;           /* the stage it is about; 0: the latest (the
			      * rights letters take the stage they follow) */
	bool child;          /* the plain-words version */
	bool html;           /* an A4 page; else text */
} tl_letter;

/* The letter as text or HTML into *out (malloc'd; the caller frees it).
 * Refused when the case is not where the letter says it is (an extension
 * letter for a stage not extended...) or when no template is found. */
int letter_make(tl_store *st, const char *ref, const tl_letter *l, char **out, tl_err *err);
/* Makes the letter, writes it to path (owner-only) and keeps a copy of its
 * text with the case, audited: one transaction, and no copy when the file
 * could not be written. */
int letter_write(tl_store *st, const char *ref, const tl_letter *l, const char *path,
		 tl_err *err);
/* Keeps a copy of a letter already sent (kind: a letter's word, with
 * ".child" for the plain-words version), audited: how the register takes
 * the copy of a letter an officer's device wrote. */
int letter_keep(tl_store *st, const char *ref, const char *kind, const char *text, tl_err *err);
/* The folders templates are looked for in, in order, one a line, into out. */
void letter_dirs(tl_store *st, char *out, size_t cap);

#endif
