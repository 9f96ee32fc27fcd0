/* cli_global.c - the global options --db, --as and --today, accepted
 * before or after the command (SPEC section 2): `tellus list --db F` is
 * `tellus --db F list`. They are taken out of the command's words before
 * the command reads them; a value of the command's own option is never
 * taken for one ("log --summary --db" is a summary). */
#include <string.h>
#include "cli.h"

static bool is_help(const char *s)
{
	return strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0;
}

int cli_global(cli_globals *g, int argc, char **argv, int *i, tl_err *err)
{
	static const char *const names[] = { "--db", "--as", "--today" };
	static const char *const args[] = { "FILE", "NAME", "DATE" };
	const char **slot[] = { &g->db, &g->as, &g->today };

	for (int k = 0; k < 3; k++) {
		if (strcmp(argv[*i], names[k]) != 0)
			continue;
		/* Two databases on one line: which one to write is a guess. */
		if (*slot[k]) {
			err_set(err, TL_EINVAL, "%s: given twice", names[k]);
			return -1;
		}
		if (*i + 1 >= argc) {
			err_set(err, TL_EINVAL, "%s: needs a value (%s %s)", names[k], names[k], args[k]);
			return -1;
		}
		*slot[k] = argv[++*i];
		return 1;
	}
	return 0;
}

/* Whether option s of cmd takes the word after it as its value. */
static bool takes_value(const cli_cmd *cmd, const char *s)
{
	for (const cli_opt *o = cmd->opts; o && o->name; o++)
		if (strcmp(o->name, s) == 0)
			return o->kind != CLI_OPT_FLAG;
	return false;
}

int cli_globals_after(const cli_cmd *cmd, cli_globals *g, int *argc, char **argv, bool *help,
		      tl_err *err)
{
	int kept = 1;

	*help = false;
	for (int i = 1; i < *argc; i++) {
		int taken = cli_global(g, *argc, argv, &i, err);
		if (taken < 0)
			return TL_EINVAL;
		if (taken)
			continue;
		*help = *help || is_help(argv[i]);
		argv[kept++] = argv[i];
		if (takes_value(cmd, argv[i]) && i + 1 < *argc)
			argv[kept++] = argv[++i];
	}
	*argc = kept;
	argv[kept] = NULL;
	return TL_OK;
}
