/* cmd_config.c - `tellus config get|set|list`: the settings in the database. */
#include <string.h>
#include "cli.h"

static int cmd_config(cli_ctx *cx, int argc, char **argv)
{
	char value[1100];
	cli_words w;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, NULL, &w)))
		return rc;
	if (w.n == 2 && strcmp(w.v[0], "get") == 0) {
		if ((rc = store_setting_get(cx->st, w.v[1], value, sizeof value, &cx->err)))
			return rc;
		printf("%s\n", value);
		return TL_OK;
	}
	if (w.n == 3 && strcmp(w.v[0], "set") == 0)
		return store_setting_set(cx->st, w.v[1], w.v[2], &cx->err);
	if (w.n == 1 && strcmp(w.v[0], "list") == 0) {
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
	return cli_usage(cx);
}

const cli_cmd CLI_CONFIG = {
	.name = "config", .fn = cmd_config,
	.usage = { "get KEY", "set KEY VALUE", "list" },
	.summary = "the settings in the database",
	.about = "KEY is one of the settings `tellus config list` shows (authority_name,\n"
		 "device_code, receipt_url, contact_phone, contact_email, idle_seconds,\n"
		 "languages...).",
	.min_words = 1, .max_words = 3,
};
