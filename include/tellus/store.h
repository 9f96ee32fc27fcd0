/* store.h - the SQLite file that holds everything.
 * Opening creates the file (mode 0600) or migrates it forward (PRAGMA
 * user_version), turns on WAL, foreign keys, synchronous=FULL and a busy
 * timeout. A tl_store also carries who is acting and what day it is, so the
 * core never reads globals. Transactions nest (savepoints). */
#ifndef TELLUS_STORE_H
#define TELLUS_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include "tellus/calendar.h"
#include "tellus/procedure.h"


typedef struct tl_store tl_store;

/* The schema version this build writes (PRAGMA user_version). */
int store_schema_version(void);

/* Opens or creates path. The caller closes it with store_close(). */
int store_open(const char *path, tl_store **out, tl_err *err);
void store_close(tl_store *st);
/* The default path: $TELLUS_DB, else $XDG_DATA_HOME/tellus/tellus.db, else
 * ~/.local/share/tellus/tellus.db; creates the folder. */
int store_default_path(char *out, size_t cap, tl_err *err);

/* Who acts (staff name, "kiosk", "cli:USER") and which day is today. */
void store_set_actor(tl_store *st, const char *who);
const char *store_actor(const tl_store *st);
void store_set_today(tl_store *st, tl_date today);
tl_date store_today(const tl_store *st);

int store_begin(tl_store *st, tl_err *err);
int store_commit(tl_store *st, tl_err *err);
void store_rollback(tl_store *st);

/* Appends to the audit trail (who and when from the store). ref may be NULL. */
int store_audit(tl_store *st, const char *action, const char *ref,
		const char *detail, tl_err *err);
/* One line of the audit trail; the strings live until fn returns. */
typedef struct {
	const char *at;      /* UTC, 2026-01-05T10:04:00Z */
	const char *who;
	const char *action;
	const char *ref;     /* "" for a line about no case */
	const char *detail;
} tl_audit_line;
/* fn returns non-zero to stop; store_audit_list then returns that. */
typedef int (*store_audit_fn)(const tl_audit_line *line, void *arg);
/* The audit trail in the order it was written, of one case (ref as
 * stored) or of everything (ref NULL). */
int store_audit_list(tl_store *st, const char *ref, store_audit_fn fn, void *arg, tl_err *err);

/* Settings: known keys only (see store_setting_known). get returns
 * TL_ENOTFOUND for a key with no value. */
bool store_setting_known(const char *key);
/* "key, key, ...": every known setting, into out. */
void store_setting_keys(char *out, size_t cap);
int store_setting_get(tl_store *st, const char *key, char *out, size_t cap, tl_err *err);
int store_setting_set(tl_store *st, const char *key, const char *value, tl_err *err);

/* Closure days: an authority's own non-working days. */
int store_closure_add(tl_store *st, tl_date d, const char *name, tl_err *err);
int store_closure_remove(tl_store *st, tl_date d, tl_err *err);
/* *out is malloc'd; the caller frees it. */
int store_closure_list(tl_store *st, tl_day_off **out, size_t *n, tl_err *err);

/* The calendar with or without closures, built on first use and kept
 * until the closures change. Owned by the store. */
int store_calendar(tl_store *st, bool with_closures, const tl_calendar **out, tl_err *err);

/* A procedure profile by name (built-in or stored with store_profile_put). */
int store_profile(tl_store *st, const char *name, tl_profile *out, tl_err *err);
int store_profile_put(tl_store *st, const char *text, tl_err *err);
/* Names of every profile, one a line, into out. */
int store_profile_names(tl_store *st, char *out, size_t cap, tl_err *err);

/* What store_check found. The file is sound when integrity is "ok" and
 * both counts are 0. */
typedef struct {
	char integrity[256];  /* "ok", or SQLite's first complaint */
	long foreign_keys;    /* rows that name a row that is not there */
	long tally_groups;    /* rows of the report's running totals that differ
			       * from a count from scratch (a group with a
			       * wrong count is two: the kept and the true) */
	long counted_wrong;   /* stages whose counted flag (statutory or not)
			       * disagrees with their case */
	long stages;          /* statutory complaint stages counted */
} tl_checkup;
/* Checks the whole file: SQLite's integrity check, every foreign key, and
 * the report's running totals against the stages and cases they count. */
int store_check(tl_store *st, tl_checkup *out, tl_err *err);
/* Counts the report's running totals and counted flags again from scratch
 * and keeps that count (audited), in one transaction. Opening a file does
 * the same by itself when the statutory calendar of this build is not the
 * one that counted them. */
int store_tally_rebuild(tl_store *st, tl_err *err);

#endif
