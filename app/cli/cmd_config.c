/* cmd_config.c - `tellus config get|set|list`: the settings in the database. */
#include <string.h>
#include "cli.h"

int cmd_config(cli_ctx *cx, int argc, char **argv)
{
	static const char usage[] = "config get KEY | config set KEY VALUE | config list";
	char value[1100];
	int rc;

	if (argc == 3 && strcmp(argv[1], "get") == 0) {
		if ((rc = store_setting_get(cx->st, argv[2], value, sizeof value, &cx->err)))
			return rc;
		printf("%s\n", value);
		return TL_OK;
	}
	if (argc == 4 && strcmp(argv[1], "set") == 0)
		return store_setting_set(cx->st, argv[2], argv[3], &cx->err);
	if (argc == 2 && strcmp(argv[1], "list") == 0) {
		char keys[512], *save = NULL;
		store_setting_keys(keys, sizeof keys);
		for (char *k = strtok_r(keys, ", ", &save); k; k = strtok_r(NULL, ", ", &save)) {
			rc = store_setting_get(cx->st, k, value, sizeof value, &cx->err);
			if (rc && rc != TL_ENOTFOUND)
				return rc;
			printf("%s=%s\n", k, rc ? "" : value);
		}
		return TL_OK;
	}
	return cli_usage(cx, usage);
}
