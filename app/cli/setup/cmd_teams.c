/* cmd_teams.c - `tellus teams`: the configured list of teams, with the
 * verbs of `tellus services` (cli_list_verbs in cmd_services.c). */
#include "cli.h"
#include "tellus/lists.h"

static int cmd_teams(cli_ctx *cx, int argc, char **argv)
{
	return cli_list_verbs(cx, TL_LIST_TEAMS, argc, argv);
}

const cli_cmd CLI_TEAMS = {
	.name = "teams", .fn = cmd_teams,
	.usage = { "list", "add NAME", "rename NAME NEW", "merge NAME INTO" },
	.summary = "the configured teams",
	.about = "Like tellus services: log --team and edit take only a name on this list.",
	.min_words = 1, .max_words = 3,
};
