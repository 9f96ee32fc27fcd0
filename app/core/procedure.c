/* procedure.c - reading procedure profiles from their text form.
 * One setting a line ("key value"); stage lines carry their numbers as
 * "stage 1 standard 10 maximum 20 name Local resolution", and where the
 * procedure sets one, an acknowledgement and the clock's start:
 * "stage 1 acknowledge 5 from acknowledged standard 10 ...". Lines
 * starting with # are comments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/procedure.h"

static int read_int(const char *tok, int lo, int hi, int *out)
{
	char *end;
	long v = strtol(tok, &end, 10);
	if (end == tok || *end || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

/* "stage N key value ... name rest of line" */
static int parse_stage(char *rest, tl_profile *p, int line, tl_err *err)
{
	tl_profile_stage s = { 0 };
	char *save = NULL, *tok = strtok_r(rest, " \t", &save);

	if (!tok || read_int(tok, 1, PROC_MAX_STAGES, &s.number))
		return err_set(err, TL_EINVAL, "profile line %d: stage needs a number from 1 to %d",
			       line, PROC_MAX_STAGES);
	while ((tok = strtok_r(NULL, " \t", &save))) {
		int *field = NULL;
		if (strcmp(tok, "name") == 0) {
			char *name = save ? save + strspn(save, " \t") : "";
			snprintf(s.name, sizeof s.name, "%s", name);
			break;
		}
		char *val = strtok_r(NULL, " \t", &save);
		if (strcmp(tok, "from") == 0) {
			if (!val || (strcmp(val, "received") && strcmp(val, "acknowledged")))
				return err_set(err, TL_EINVAL, "profile line %d: from is received or "
					       "acknowledged", line);
			s.from_ack = strcmp(val, "acknowledged") == 0;
			continue;
		}
		if (strcmp(tok, "standard") == 0) field = &s.standard;
		else if (strcmp(tok, "maximum") == 0) field = &s.maximum;
		else if (strcmp(tok, "after_panel") == 0) field = &s.after_panel;
		else if (strcmp(tok, "acknowledge") == 0) field = &s.acknowledge;
		if (!field || !val || read_int(val, 0, 250, field))
			return err_set(err, TL_EINVAL, "profile line %d: '%.40s' wants one of standard, "
				       "maximum, after_panel, acknowledge with a number of days, from, "
				       "name", line, tok);
	}
	if (s.standard < 1 || s.maximum < s.standard)
		return err_set(err, TL_EINVAL, "profile line %d: stage %d needs standard >= 1 and "
			       "maximum >= standard", line, s.number);
	if (s.from_ack && s.acknowledge < 1)
		return err_set(err, TL_EINVAL, "profile line %d: stage %d starts its clock from the "
			       "acknowledgement: give acknowledge N (working days)", line, s.number);
	if (s.number != p->n_stages + 1)
		return err_set(err, TL_EINVAL, "profile line %d: stages must come in order 1, 2, 3",
			       line);
	p->stages[p->n_stages++] = s;
	return TL_OK;
}

static int parse_line(char *ln, tl_profile *p, int line, tl_err *err)
{
	char *val = ln + strcspn(ln, " \t");
	if (*val)
		*val++ = '\0';
	val += strspn(val, " \t");
	if (strcmp(ln, "name") == 0) {
		size_t len = strlen(val);
		if (len == 0 || len >= sizeof p->name || val[strspn(val,
			"abcdefghijklmnopqrstuvwxyz0123456789_")] != '\0')
			return err_set(err, TL_EINVAL, "profile line %d: a name is lower-case "
				       "letters, digits and _ (up to %zu)", line, sizeof p->name - 1);
		memcpy(p->name, val, len + 1);
	} else if (strcmp(ln, "title") == 0) {
		snprintf(p->title, sizeof p->title, "%s", val);
	} else if (strcmp(ln, "closures") == 0) {
		if (strcmp(val, "yes") && strcmp(val, "no"))
			return err_set(err, TL_EINVAL, "profile line %d: closures is yes or no", line);
		p->closures = strcmp(val, "yes") == 0;
	} else if (strcmp(ln, "request_window") == 0) {
		if (read_int(val, 1, 250, &p->request_window))
			return err_set(err, TL_EINVAL, "profile line %d: request_window is a number "
				       "of working days", line);
	} else if (strcmp(ln, "stage") == 0) {
		return parse_stage(val, p, line, err);
	} else {
		return err_set(err, TL_EINVAL, "profile line %d: unknown setting '%.40s' (name, "
			       "title, closures, request_window, stage)", line, ln);
	}
	return TL_OK;
}

int proc_parse(const char *text, tl_profile *out, tl_err *err)
{
	tl_profile p = { .request_window = 20 };
	char *copy = strdup(text ? text : "");
	int rc = TL_OK, line = 0;

	if (!copy)
		return err_set(err, TL_ENOMEM, "profile: out of memory");
	/* strtok_r skips empty lines, so count them by hand. */
	for (char *ln = copy, *next; ln && rc == TL_OK; ln = next) {
		next = strchr(ln, '\n');
		if (next)
			*next++ = '\0';
		line++;
		ln[strcspn(ln, "\r")] = '\0';
		ln += strspn(ln, " \t");
		if (*ln && *ln != '#')
			rc = parse_line(ln, &p, line, err);
	}
	if (rc == TL_OK && (!p.name[0] || p.n_stages == 0))
		rc = err_set(err, TL_EINVAL, "profile: a name and at least one stage are needed");
	if (rc == TL_OK)
		*out = p;
	free(copy);
	return rc;
}

const tl_profile_stage *proc_stage_get(const tl_profile *p, int number)
{
	for (int i = 0; i < p->n_stages; i++)
		if (p->stages[i].number == number)
			return &p->stages[i];
	return NULL;
}
