/* people.h - the people a case names (SPEC 14): finding cases by name,
 * reference or words, so that a child's earlier cases and a repeat
 * complainant are seen; and gathering everything held about a person for
 * a subject access request. */
#ifndef TELLUS_PEOPLE_H
#define TELLUS_PEOPLE_H

#include "tellus/case.h"

/* A case found; the strings live until fn returns. */
typedef struct {
	const char *ref;
	tl_date received;
	int kind;                /* TL_KIND_* */
	const char *service_area;
	const char *complainant_name, *child_name;
	bool open;               /* its latest stage has no response */
} tl_found;
typedef int (*people_fn)(const tl_found *f, void *arg);

/* Cases whose reference, names or words hold every word of text, each as
 * the start of a word ("Now" finds "Nowak"; accents and case ignored, ł
 * as l), best first: names count most, then the reference, then words. A
 * typed reference may use look-alikes, as everywhere. */
int people_find(tl_store *st, const char *text, people_fn fn, void *arg, tl_err *err);

/* Writes into the folder dir (made owner-only) what is held about the
 * person named name: every case where they are the complainant or the
 * child (names matched whole, case and accents ignored), with the case's
 * fields, stages, corrections, letters, audit lines and equalities
 * answers, as index.html and CSV files (cases.csv, stages.csv, audit.csv,
 * corrections.csv, letters.csv, equalities.csv). *n_cases counts the
 * cases. Audited (the references, never the name). */
int people_subject_access(tl_store *st, const char *name, const char *dir, long *n_cases,
			  tl_err *err);

#endif
