/* cmd_log.c - `tellus log`: records a new complaint or compliment and
 * prints its reference, the only line on stdout, once it is safely on
 * disk (the kiosk's submission, from the command line). With --from REF
 * it opens a complaint from an "I don't feel safe" record, linked to it;
 * who raised it and the service then default to the record's. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cmd_log.h"
#include "tellus/case.h"
#include "tellus/lists.h"

/* Reads a whole file ("-" for stdin) as text; refuses NUL bytes. */
static int read_text(cli_ctx *cx, const char *path, char **out)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t cap = 4096, n = 0;
	char *buf = NULL;
	int rc = TL_OK;

	if (!f)
		return err_set(&cx->err, TL_EIO, "%s: cannot open: %s", path, strerror(errno));
	for (;;) {
		char *more = realloc(buf, cap + 1);
		if (!more) {
			rc = err_set(&cx->err, TL_ENOMEM, "%s: out of memory", path);
			goto cleanup;
		}
		buf = more;
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap || cap > 2 * CASE_TEXT_MAX)
			break;
		cap *= 2;
	}
	if (ferror(f)) {
		rc = err_set(&cx->err, TL_EIO, "%s: cannot read: %s", path, strerror(errno));
		goto cleanup;
	}
	if (memchr(buf, '\0', n)) {
		rc = err_set(&cx->err, TL_EINVAL, "%s: holds a NUL byte (at byte %zu)", path,
			     (size_t)((char *)memchr(buf, '\0', n) - buf) + 1);
		goto cleanup;
	}
	buf[n] = '\0';
cleanup:
	if (f != stdin)
		fclose(f);
	if (rc) {
		free(buf);
		buf = NULL;
	}
	*out = buf;
	return rc;
}


#define V(f) CLI_VALUE(log_opts, f)
#define F(f) CLI_FLAG(log_opts, f)
/* log's own options come first, the first CLI_LOG_OWN of them; the rest
 * describe any complaint, and complaint-from reads those alone. */
const cli_opt CLI_LOG_OPTS[] = {
	{ "--kind", "K", "a complaint or a compliment", V(kind), .words = &WS_KIND },
	{ "--consent", NULL, "they agree to it being published (a compliment)", F(consent) },
	{ "--consent-names", NULL, "and to the names in it being published (else initials)",
	  F(consent_names) },
	{ "--unsafe", NULL, "they said they do not feel safe: a safety concern", F(unsafe) },
	{ "--from", "REF", "a complaint opened from this \"I don't feel safe\" record, linked "
	  "to it (who and the service default to its)", V(from) },
	{ "--complainant", "WHO", "who it is from", V(who), .words = &WS_COMPLAINANT },
	{ "--service", "AREA", "the service it is about", V(service) },
	{ "--received", "DATE", "the day it was received (default: today)", V(received) },
	{ "--channel", "C", "how it came in (default: staff)", V(channel), .words = &WS_CHANNEL },
	{ "--procedure", "P", "which procedure it follows (default: statutory)", V(procedure),
	  .words = &WS_PROCEDURE },
	{ "--team", "T", "the team within the service", V(team) },
	{ "--on-behalf", NULL, "logged by an officer on the child's behalf", F(on_behalf) },
	{ "--officer", "NAME", "the officer who logged it", V(officer) },
	{ "--summary", "TEXT", "what happened, in their words", V(summary) },
	{ "--summary-file", "FILE", "the summary from a file (- for standard input)",
	  V(summary_file) },
	{ "--desired", "TEXT", "what they would like to happen", V(desired) },
	{ "--contact", "TEXT", "how to reach them", V(contact) },
	{ "--complainant-name", "NAME", "the complainant's name, if given", V(complainant_name) },
	{ "--child-name", "NAME", "the child's name, if given", V(child_name) },
	{ "--cause", "CODE", "a cause (see tellus causes)", CLI_LIST(log_opts, causes) },
	{ "--advocacy", NULL, "they asked for someone to help them", F(advocacy) },
	{ "--matter-date", "DATE", "when the matter happened, if over a year before", V(matter) },
	{ "--late-reason", "TEXT", "why a matter over a year old is accepted", V(late_reason) },
	{ NULL },
};
#undef V
#undef F

static int fill(cli_ctx *cx, const log_opts *o, tl_case *c)
{
	int rc;
	if (o->from && !o->kind)
		c->kind = TL_KIND_COMPLAINT;
	else if ((rc = cli_word(cx, &WS_KIND, o->kind, "--kind", &c->kind)))
		return rc;
	if (o->from && (c->kind != TL_KIND_COMPLAINT || o->unsafe))
		return err_set(&cx->err, TL_EINVAL, "--from: opens a complaint, which is not --unsafe "
			       "and is of --kind complaint");
	if ((!o->from || o->who) &&
	    (rc = cli_word(cx, &WS_COMPLAINANT, o->who, "--complainant", &c->complainant)))
		return rc;
	if ((o->channel && (rc = cli_word(cx, &WS_CHANNEL, o->channel, "--channel", &c->channel))) ||
	    (o->procedure && (rc = cli_word(cx, &WS_PROCEDURE, o->procedure, "--procedure",
					    &c->procedure))) ||
	    (rc = cli_date(cx, o->received, "--received", &c->received)))
		return rc;
	if (o->matter && (rc = date_parse(o->matter, &c->matter, "--matter-date", &cx->err)))
		return rc;
	if (!o->from && (!o->service || !*o->service))
		return err_set(&cx->err, TL_EINVAL, "--service: is required (the service it is about)");
	/* Only configured names, in their configured spelling (tellus services). */
	char service[256] = "", team[256] = "";
	if ((o->service && (rc = lists_match(cx->st, TL_LIST_SERVICES, "--service", o->service,
					     service, sizeof service, &cx->err))) ||
	    (o->team && *o->team && (rc = lists_match(cx->st, TL_LIST_TEAMS, "--team", o->team, team,
						       sizeof team, &cx->err))))
		return rc;
	if (o->officer && (rc = cli_officer(cx, o->officer)))
		return rc;
	c->on_behalf = o->on_behalf;
	if (o->consent_names && !o->consent)
		return err_set(&cx->err, TL_EINVAL, "--consent-names: goes with --consent (names "
			       "are published only with the words)");
	c->consent_to_publish = o->consent;
	c->consent_names = o->consent_names;
	c->advocacy = o->advocacy;
	c->unsafe = o->unsafe;
	if ((rc = case_set_text(&c->service_area, o->service ? service : NULL, &cx->err)) ||
	    (rc = case_set_text(&c->team, team, &cx->err)) ||
	    (rc = case_set_text(&c->complainant_name, o->complainant_name, &cx->err)) ||
	    (rc = case_set_text(&c->child_name, o->child_name, &cx->err)) ||
	    (rc = case_set_text(&c->officer, o->officer, &cx->err)) ||
	    (rc = case_set_text(&c->desired, o->desired, &cx->err)) ||
	    (rc = case_set_text(&c->contact, o->contact, &cx->err)) ||
	    (rc = case_set_text(&c->late_reason, o->late_reason, &cx->err)))
		return rc;
	if (o->summary_file)
		rc = read_text(cx, o->summary_file, &c->summary);
	else
		rc = case_set_text(&c->summary, o->summary, &cx->err);
	for (size_t i = 0; rc == TL_OK && i < o->causes.n; i++) {
		if (strlen(o->causes.v[i]) >= CASE_CAUSE_MAX)
			return err_set(&cx->err, TL_EINVAL, "--cause: '%.40s...' is not a known cause",
				       o->causes.v[i]);
		snprintf(c->causes[c->n_causes++], CASE_CAUSE_MAX, "%s", o->causes.v[i]);
	}
	return rc;
}

int cli_log_run(cli_ctx *cx, const log_opts *o)
{
	int rc;
	tl_case c;

	case_init(&c);
	if ((rc = fill(cx, o, &c)) ||
	    (rc = o->from ? case_log_from(cx->st, o->from, &c, &cx->err)
			  : case_log(cx->st, &c, &cx->err)))
		goto cleanup;
	printf("%s\n", c.ref);
cleanup:
	case_clear(&c);
	return rc;
}

static int cmd_log(cli_ctx *cx, int argc, char **argv)
{
	log_opts o = { 0 };
	cli_words w;
	int rc = cli_parse(cx, argc, argv, &o, &w);
	return rc ? rc : cli_log_run(cx, &o);
}

const cli_cmd CLI_LOG = {
	.name = "log", .fn = cmd_log,
	.usage = { "--kind K --complainant WHO --service AREA [--received DATE]\n"
		   "[--channel C] [--procedure P] [--team T] [--on-behalf --officer NAME]\n"
		   "[--summary TEXT | --summary-file FILE] [--desired TEXT] [--contact TEXT]\n"
		   "[--complainant-name NAME] [--child-name NAME]\n"
		   "[--cause CODE]... [--consent [--consent-names]] [--advocacy] [--unsafe]\n"
		   "[--matter-date DATE --late-reason TEXT]",
		   "--from REF [--complainant WHO] [--service AREA] [--summary TEXT] ..." },
	.summary = "record a complaint or compliment",
	.about = "Prints the new case's reference, the only line on standard output, once the\n"
		 "case is safely on disk.",
	.opts = CLI_LOG_OPTS,
};
