/* retention.h - keeping a person's details no longer than needed (SPEC
 * 14): retention_years after a case closes (setting, default 6), its
 * names, contact and words, the copies of its letters and the words of
 * its corrections are removed; its figures stay, so every annual report
 * comes out the same. The removal leaves no copy behind: SQLite's
 * secure_delete zeroes what is deleted, the search index is merged so it
 * keeps no removed word, and the file is vacuumed and its WAL emptied. */
#ifndef TELLUS_RETENTION_H
#define TELLUS_RETENTION_H

#include "tellus/store.h"

/* A case past its retention: its reference and the day it closed (a
 * complaint's last response, a compliment's receipt, a safety record's
 * handling; a complaint found not eligible, its receipt). */
typedef int (*retention_fn)(const char *ref, tl_date closed, void *arg);

/* The cases that closed on or before *cutoff (today less retention_years)
 * and still hold a person's details, oldest first; nothing changes. */
int retention_due(tl_store *st, retention_fn fn, void *arg, tl_date *cutoff, tl_err *err);
/* Removes them, each audited, in one transaction; then makes sure no
 * copy of the removed words stays in the file, its WAL or its index.
 * fn (may be NULL) sees each case removed. *n counts them. */
int retention_run(tl_store *st, retention_fn fn, void *arg, long *n, tl_date *cutoff,
		  tl_err *err);

#endif
