/* cmd_conflicts.c - `tellus conflicts`: the moves the register did not
 * apply (refused by its rules, or from a revoked device), for a person to
 * settle: list them, show one with the move as the device wrote it, and
 * settle one with a note, applying it now or leaving it as it stands. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "tellus/sync.h"

typedef struct {
	const char *note;
	bool apply, all;
} opts;

static const cli_opt OPTS[] = {
	{ "--all", NULL, "list: settled ones too", CLI_FLAG(opts, all) },
	{ "--note", "TEXT", "settle: what was decided and why", CLI_VALUE(opts, note) },
	{ "--apply", NULL, "settle: apply the move now, as its maker on its day", CLI_FLAG(opts, apply) },
	{ NULL },
};

static int print_one(const tl_conflict *c, void *arg)
{
	int *n = arg;
	(*n)++;
	printf("%ld\t%s move %lld\t%s\t%s %s\t%s%s%s\n", c->id, c->code, c->seq, c->day, c->move,
	       c->ref[0] ? c->ref : "-", c->reason, c->settled[0] ? "\tsettled " : "", c->settled);
	return 0;
}

static int show(cli_ctx *cx, const char *id_word)
{
	tl_conflict c;
	long id;
	int rc;

	if ((rc = cli_int(cx, id_word, "ID", 1, 2000000000L, &id)) ||
	    (rc = sync_conflict_get(cx->st, id, &c, &cx->err)))
		return rc;
	printf("conflict    %ld\ndevice      %s (enrolment %d), move %lld\nmove        %s %s\n"
	       "made        %s by %s\nreason      %s\nreceived    %s\n", c.id, c.code, c.epoch, c.seq,
	       c.move, c.ref[0] ? c.ref : "-", c.day, c.actor, c.reason, c.received);
	if (c.settled[0])
		printf("settled     %s by %s: %s\n", c.settled, c.settled_by, c.note);
	printf("as sent     %s\n", c.body);
	sync_conflict_clear(&c);
	return TL_OK;
}

static int settle(cli_ctx *cx, const char *id_word, const opts *o)
{
	long id;
	int rc;
	if ((rc = cli_int(cx, id_word, "ID", 1, 2000000000L, &id)) ||
	    (rc = sync_conflict_settle(cx->st, id, o->apply, o->note, &cx->err)))
		return rc;
	printf("conflict %ld settled%s\n", id, o->apply ? ": the move is applied" : "");
	return TL_OK;
}

static int cmd_conflicts(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	int rc, n = 0;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	const char *verb = w.n ? w.v[0] : "list";
	if (strcmp(verb, "list") == 0 && w.n <= 1 && !o.note && !o.apply) {
		if ((rc = sync_conflict_list(cx->st, o.all, print_one, &n, &cx->err)) == TL_OK && !n)
			printf("no conflicts to settle\n");
		return rc;
	}
	if (strcmp(verb, "show") == 0 && w.n == 2 && !o.note && !o.apply && !o.all)
		return show(cx, w.v[1]);
	if (strcmp(verb, "settle") == 0 && w.n == 2 && !o.all)
		return settle(cx, w.v[1], &o);
	return cli_usage(cx);
}

const cli_cmd CLI_CONFLICTS = {
	.name = "conflicts", .fn = cmd_conflicts,
	.usage = { "[list] [--all]", "show ID", "settle ID --note TEXT [--apply]" },
	.summary = "moves from devices that the register did not apply",
	.about = "A move the register's rules refused (a stage it had already answered), or\n"
		 "from a revoked device, waits here with its reason: nothing is dropped.\n"
		 "settle closes one with a note; --apply first replays it through the same\n"
		 "rules, as its maker on its day.",
	.opts = OPTS, .min_words = 0, .max_words = 2,
};
