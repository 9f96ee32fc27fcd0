/* case_take.h - private to the core: a case as the register sent it back
 * to a device (case_take.c, called by sync_reply_take.c). */
#ifndef TELLUS_CASE_TAKE_H
#define TELLUS_CASE_TAKE_H

#include "tellus/case.h"

typedef struct {
	int stage;
	tl_date paused, resumed;   /* resumed TL_NO_DATE: still stopped */
	int reason;                /* WS_PAUSE */
	int days;
} tl_taken_pause;

/* What a reply carries about a case besides the tl_case. */
typedef struct {
	bool personal;             /* words, contact and names came too */
	const char *tracking_hash; /* NULL: the device keeps its own */
	tl_taken_pause *pauses;    /* replaced when personal or any given */
	size_t n_pauses;
} tl_taken;

/* Writes c over the device's copy of the case (or stores it new), in its
 * own level; c->id is set. */
int case_take(tl_store *st, tl_case *c, const tl_taken *x, tl_err *err);
/* Blanks the person's words, contact and names of a case, and removes
 * the copies of its letters and its equalities answers, audited with
 * why (a kiosk once the register has them; retention): never a move, so
 * nothing of it travels. *done is false when there was nothing to blank. */
int case_forget_words(tl_store *st, const char *ref, const char *why, bool *done, tl_err *err);

#endif
