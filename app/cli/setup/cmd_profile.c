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
		printf("stage %d", s->number);
		if (s->acknowledge)
			printf(" acknowledge %d", s->acknowledge);
		if (s->from_ack)
			printf(" from acknowledged");
		printf(" standard %d maximum %d", s->standard, s->maximum);
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

static int cmd_profile(cli_ctx *cx, int argc, char **argv)
{
	char names[4096];
	cli_words w;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, NULL, &w)))
		return rc;
	if (w.n == 1 && strcmp(w.v[0], "list") == 0) {
		if ((rc = store_profile_names(cx->st, names, sizeof names, &cx->err)))
			return rc;
		fputs(names, stdout);
		return TL_OK;
	}
	if (w.n == 2 && strcmp(w.v[0], "show") == 0)
		return show(cx, w.v[1]);
	if (w.n == 2 && strcmp(w.v[0], "load") == 0)
		return load(cx, w.v[1]);
	return cli_usage(cx);
}

const cli_cmd CLI_PROFILE = {
	.name = "profile", .fn = cmd_profile,
	.usage = { "list", "show NAME", "load FILE" },
	.summary = "procedure profiles: timescales",
	.about = "A profile gives each stage its standard and maximum working days. load adds\n"
		 "or replaces one from its text form (as `profile show` prints it); it applies\n"
		 "to stages that start afterwards.",
	.min_words = 1, .max_words = 2,
};
