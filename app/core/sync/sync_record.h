/* sync_record.h - private to the core: a move as data, and how the
 * lifecycle records one. The case, receipt and figure functions call
 * sync_record (or, through case_apply, sync_record_arg) inside their own
 * transaction; on a device it appends the move to sync_moves, anywhere
 * else (the register, a file never joined) it does nothing. */
#ifndef TELLUS_SYNC_RECORD_H
#define TELLUS_SYNC_RECORD_H

#include <stdbool.h>
#include "tellus/case.h"

#define SYNC_MOVE_LIST 16

/* One move. Strings are borrowed (from the caller, or from the JSON a
 * decoded move was read from); fields a move does not use stay empty: 0
 * or NULL (a date of 0 or TL_NO_DATE is none; decoded, none is TL_NO_DATE). */
typedef struct {
	long long seq;             /* decoded moves: the device's number */
	tl_date day;               /* decoded moves: the day it was made */
	const char *actor;         /* decoded moves: who made it */
	const char *move;          /* its name in the table (sync_replay.c) */
	const char *action;        /* the audit action it wrote ("" = move) */
	const char *ref;
	int stage, year, n;        /* n: a figure's number among equal ones */
	tl_date when, when2;
	const char *word;          /* an enumeration's word: outcome, reason... */
	const char *text, *text2;
	const char *list[SYNC_MOVE_LIST];
	size_t n_list;
	bool has_amount;
	long long amount;          /* pence */
	bool has_number;
	double number;
	const tl_case *c;          /* log, put: the whole case */
	tl_case *owned;            /* decoded: the case read (sync_move_clear) */
	void *json;                /* decoded: what the strings point into */
} sync_move;

/* Records m on a device (a no-op elsewhere, and while replaying), with
 * today's day and the store's actor. */
int sync_record(tl_store *st, const sync_move *m, tl_err *err);
/* The same for a move of case_apply: a is its tl_move_arg
 * (case_private.h). An action with no row in the table of moves
 * (sync_replay.c) is refused on a device: the register could not replay
 * it. */
int sync_record_arg(tl_store *st, const char *action, const char *ref, const void *a,
		    tl_err *err);

#endif
