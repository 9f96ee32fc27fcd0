/* cmd_assess.c - `tellus assess` (which procedure a case follows) and
 * `tellus causes` (the list of causes, or a case's causes). */
#include "cli.h"
#include "tellus/case.h"

int cmd_assess(cli_ctx *cx, int argc, char **argv)
{
	const char *proc = NULL, *why = NULL, *pos[1];
	const cli_opt opts[] = { { "--procedure", &proc }, { "--why", &why }, { NULL } };
	int n_pos, p, rc;

	if ((rc = cli_parse(cx, argc, argv, opts, pos, 1, &n_pos)))
		return rc;
	if (n_pos != 1)
		return cli_usage(cx, "assess REF --procedure PROCEDURE [--why TEXT]");
	if ((rc = cli_word(cx, &WS_PROCEDURE, proc, "--procedure", &p)))
		return rc;
	return case_assess(cx->st, pos[0], p, why, &cx->err);
}

static int print_cause(const char *code, const char *label, void *arg)
{
	(void)arg;
	printf("%-26s %s\n", code, label);
	return TL_OK;
}

static int list_causes(cli_ctx *cx)
{
	return case_causes(cx->st, print_cause, NULL, &cx->err);
}

int cmd_causes(cli_ctx *cx, int argc, char **argv)
{
	if (argc == 1)
		return list_causes(cx);
	if (argc < 3)
		return cli_usage(cx, "causes | causes REF CAUSE [CAUSE...]");
	return case_set_causes(cx->st, argv[1], (const char *const *)argv + 2, (size_t)argc - 2,
			       &cx->err);
}

int cmd_action(cli_ctx *cx, int argc, char **argv)
{
	const char *note = NULL, *pos[2];
	const cli_opt opts[] = { { "--note", &note }, { NULL } };
	int n_pos, a, rc;

	if ((rc = cli_parse(cx, argc, argv, opts, pos, 2, &n_pos)))
		return rc;
	if (n_pos != 2)
		return cli_usage(cx, "action REF ACTION [--note TEXT]");
	if ((rc = cli_word(cx, &WS_ACTION, pos[1], "ACTION", &a)))
		return rc;
	return case_add_action(cx->st, pos[0], a, note, &cx->err);
}
