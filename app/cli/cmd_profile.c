/* cmd_profile.c - `tellus profile`: the procedure profiles (timescales as
 * data). `load FILE` adds or replaces one from its text form; it applies
 * to stages that start afterwards. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static int show(cli_ctx *cx, const char *name)
{
	tl_profile p;
	int rc = store_profile(cx->st, name, &p, &cx->err);
	if (rc)
		return rc;
	printf("name %s\ntitle %s\nclosures %s\nrequest_window %d\n", p.name, p.title,
	       p.closures ? "yes" : "no", p.request_window);
	for (int i = 0; i < p.n_stages; i++) {
		const tl_profile_stage *s = &p.stages[i];
		printf("stage %d standard %d maximum %d", s->number, s->standard, s->maximum);
		if (s->after_panel)
			printf(" after_panel %d", s->after_panel);
		printf(" name %s\n", s->name);
	}
	return TL_OK;
}

static int load(cli_ctx *cx, const char *file)
{
	FILE *f = fopen(file, "rb");
	char *text = NULL;
	long len;
	int rc;

	if (!f)
		return err_set(&cx->err, TL_EIO, "%s: cannot open", file);
	if (fseek(f, 0, SEEK_END) || (len = ftell(f)) < 0 || len > 65536 || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return err_set(&cx->err, TL_EINVAL, "%s: not a profile (too large or unreadable)", file);
	}
	text = calloc(1, (size_t)len + 1);
	if (!text || fread(text, 1, (size_t)len, f) != (size_t)len) {
		rc = err_set(&cx->err, TL_EIO, "%s: cannot read", file);
	} else {
		rc = store_profile_put(cx->st, text, &cx->err);
		if (rc)
			err_prefix(&cx->err, "%s", file);
	}
	free(text);
	fclose(f);
	return rc;
}

int cmd_profile(cli_ctx *cx, int argc, char **argv)
{
	char names[4096];
	int rc;

	if (argc == 2 && strcmp(argv[1], "list") == 0) {
		if ((rc = store_profile_names(cx->st, names, sizeof names, &cx->err)))
			return rc;
		fputs(names, stdout);
		return TL_OK;
	}
	if (argc == 3 && strcmp(argv[1], "show") == 0)
		return show(cx, argv[2]);
	if (argc == 3 && strcmp(argv[1], "load") == 0)
		return load(cx, argv[2]);
	return cli_usage(cx, "profile list | profile show NAME | profile load FILE");
}
