/* cmd_log.c - `tellus log`: records a new complaint or compliment and
 * prints its reference, the only line on stdout, once it is safely on
 * disk (the kiosk's submission, from the command line). With --from REF
 * it opens a complaint from an "I don't feel safe" record, linked to it;
 * who raised it and the service then default to the record's. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "tellus/case.h"

/* Reads a whole file ("-" for stdin) as text; refuses NUL bytes. */
static int read_text(cli_ctx *cx, const char *path, const char *what, char **out)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t cap = 4096, n = 0;
	char *buf = NULL;
	int rc = TL_OK;

	if (!f)
		return err_set(&cx->err, TL_EIO, "%s: cannot open %s", what, path);
	for (;;) {
		char *more = realloc(buf, cap + 1);
		if (!more) {
			rc = err_set(&cx->err, TL_ENOMEM, "%s: out of memory", what);
			goto cleanup;
		}
		buf = more;
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap || cap > 2 * CASE_TEXT_MAX)
			break;
		cap *= 2;
	}
	if (ferror(f)) {
		rc = err_set(&cx->err, TL_EIO, "%s: cannot read %s", what, path);
		goto cleanup;
	}
	if (memchr(buf, '\0', n)) {
		rc = err_set(&cx->err, TL_EINVAL, "%s: %s holds a NUL byte (at byte %zu)", what, path,
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

typedef struct {
	const char *kind, *received, *who, *service, *team, *channel, *procedure, *officer;
	const char *summary, *summary_file, *desired, *contact, *late_reason, *matter, *from;
	const char *causes[16];
	size_t n_causes;
	bool on_behalf, consent, advocacy, unsafe;
} log_opts;

static int fill(cli_ctx *cx, const log_opts *o, tl_case *c)
{
	int rc;
	if (o->from && !o->kind)
		c->kind = TL_KIND_COMPLAINT;
	else if ((rc = cli_word(cx, &WS_KIND, o->kind, "--kind", &c->kind)))
		return rc;
	if (o->from && c->kind != TL_KIND_COMPLAINT)
		return err_set(&cx->err, TL_EINVAL, "--from opens a complaint: --kind complaint");
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
		return err_set(&cx->err, TL_EINVAL, "--service is needed: which service it is about");
	c->on_behalf = o->on_behalf;
	c->consent_to_publish = o->consent;
	c->advocacy = o->advocacy;
	c->unsafe = o->unsafe;
	if ((rc = case_set_text(&c->service_area, o->service, &cx->err)) ||
	    (rc = case_set_text(&c->team, o->team, &cx->err)) ||
	    (rc = case_set_text(&c->officer, o->officer, &cx->err)) ||
	    (rc = case_set_text(&c->desired, o->desired, &cx->err)) ||
	    (rc = case_set_text(&c->contact, o->contact, &cx->err)) ||
	    (rc = case_set_text(&c->late_reason, o->late_reason, &cx->err)))
		return rc;
	if (o->summary_file)
		rc = read_text(cx, o->summary_file, "--summary-file", &c->summary);
	else
		rc = case_set_text(&c->summary, o->summary, &cx->err);
	for (size_t i = 0; rc == TL_OK && i < o->n_causes; i++) {
		if (strlen(o->causes[i]) >= CASE_CAUSE_MAX)
			return err_set(&cx->err, TL_EINVAL, "--cause: '%.40s...' is not a known cause",
				       o->causes[i]);
		snprintf(c->causes[c->n_causes++], CASE_CAUSE_MAX, "%s", o->causes[i]);
	}
	return rc;
}

int cmd_log(cli_ctx *cx, int argc, char **argv)
{
	log_opts o = { 0 };
	const cli_opt opts[] = {
		{ "--kind", &o.kind }, { "--received", &o.received }, { "--complainant", &o.who },
		{ "--service", &o.service }, { "--team", &o.team }, { "--channel", &o.channel },
		{ "--procedure", &o.procedure }, { "--officer", &o.officer },
		{ "--summary", &o.summary }, { "--summary-file", &o.summary_file },
		{ "--desired", &o.desired }, { "--contact", &o.contact },
		{ "--late-reason", &o.late_reason }, { "--matter-date", &o.matter },
		{ "--cause", NULL, NULL, o.causes, &o.n_causes },
		{ "--on-behalf", NULL, &o.on_behalf }, { "--consent", NULL, &o.consent },
		{ "--advocacy", NULL, &o.advocacy }, { "--unsafe", NULL, &o.unsafe },
		{ "--from", &o.from },
		{ NULL },
	};
	const char *pos[1];
	int n_pos, rc;
	tl_case c;

	case_init(&c);
	if ((rc = cli_parse(cx, argc, argv, opts, pos, 0, &n_pos)) || (rc = fill(cx, &o, &c)))
		goto cleanup;
	if (o.from && o.unsafe) {
		rc = err_set(&cx->err, TL_EINVAL, "--from opens a complaint, which is not --unsafe");
		goto cleanup;
	}
	if ((rc = o.from ? case_log_from(cx->st, o.from, &c, &cx->err)
			 : case_log(cx->st, &c, &cx->err)))
		goto cleanup;
	printf("%s\n", c.ref);
cleanup:
	case_clear(&c);
	return rc;
}
