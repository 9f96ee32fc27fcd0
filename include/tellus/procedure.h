/* procedure.h - statutory timescales as data.
 * A profile names each stage's standard and maximum in working days, how
 * soon it is acknowledged and whether its clock starts when it is
 * received (or requested) or when it is acknowledged, the window for
 * asking for the next stage and whether closure days count. The
 * profiles live as text (defaults in app/core/defaults.c, more in the
 * database), so a new procedure needs no code. */
#ifndef TELLUS_PROCEDURE_H
#define TELLUS_PROCEDURE_H

#include <stdbool.h>
#include "tellus/calendar.h"

#define PROC_MAX_STAGES 3
#define PROC_NAME_MAX 32

typedef struct {
	int number;       /* 1, 2, 3 */
	char name[64];
	int standard;     /* working days from the stage's start */
	int maximum;      /* the limit with an extension */
	int after_panel;  /* stage 3: the response due this many days after the panel, 0 if none */
	int acknowledge;  /* working days to acknowledge the complaint or request, 0 if none */
	bool from_ack;    /* the clock starts at the acknowledgement, not at receipt */
} tl_profile_stage;

typedef struct {
	char name[PROC_NAME_MAX];
	char title[128];
	bool closures;       /* authority closure days count as non-working */
	int request_window;  /* working days after a response to ask for the next stage */
	int n_stages;
	tl_profile_stage stages[PROC_MAX_STAGES];
} tl_profile;

/* Parses the text form; the message names the line at fault. */
int proc_parse(const char *text, tl_profile *out, tl_err *err);
/* The stage with that number, or NULL. */
const tl_profile_stage *proc_stage_get(const tl_profile *p, int number);

/* Built-in profile texts, NULL-terminated. */
extern const char *const PROC_BUILTIN[];
#define PROC_DEFAULT "england_children"

#endif
