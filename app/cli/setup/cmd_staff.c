/* cmd_staff.c - `tellus staff add NAME --role R` and `tellus staff list`.
 * The PIN is read twice, to catch a slip: from the terminal without echo,
 * or as two lines from stdin when stdin is not a terminal (scripts,
 * tests); the two must match. It never appears on the command line, where
 * ps would show it. */
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sodium.h>
#include "cli.h"
#include "tellus/staff.h"
#include "tellus/words.h"

static int read_line(FILE *in, char *out, size_t cap)
{
	if (!fgets(out, (int)cap, in))
		return -1;
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

/* Prompts on the terminal with echo off; restores it whatever happens. */
static int read_hidden(const char *prompt, char *out, size_t cap)
{
	struct termios old, quiet;
	int rc;
	fprintf(stderr, "%s", prompt);
	fflush(stderr);
	if (tcgetattr(STDIN_FILENO, &old) != 0)
		return -1;
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	rc = read_line(stdin, out, cap);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fprintf(stderr, "\n");
	return rc;
}

static int read_pin(cli_ctx *cx, char pin[32])
{
	char again[32] = "";
	int rc = TL_OK;
	if (!isatty(STDIN_FILENO)) {
		if (read_line(stdin, pin, 32) != 0)
			return err_set(&cx->err, TL_EINVAL, "PIN: none on standard input");
		if (read_line(stdin, again, sizeof again) != 0)
			rc = err_set(&cx->err, TL_EINVAL, "PIN: give it twice, on two lines of standard "
				     "input");
	} else if (read_hidden("PIN (4 to 12 digits): ", pin, 32) != 0 ||
		   read_hidden("The same PIN again: ", again, sizeof again) != 0) {
		rc = err_set(&cx->err, TL_EINVAL, "PIN: could not read it from the terminal");
	}
	if (rc == TL_OK && strcmp(pin, again) != 0)
		rc = err_set(&cx->err, TL_EINVAL, "PIN: the two PINs differ");
	sodium_memzero(again, sizeof again);
	return rc;
}

typedef struct {
	const char *role;
} opts;

static const cli_opt OPTS[] = {
	{ "--role", "ROLE", "what they may do", CLI_VALUE(opts, role), .words = &WS_ROLE },
	{ NULL },
};

static int staff_add_cmd(cli_ctx *cx, const char *name, const char *role_word)
{
	char pin[32] = { 0 };
	int role, rc;

	if ((rc = cli_word(cx, &WS_ROLE, role_word, "--role", &role)) || (rc = read_pin(cx, pin)))
		return rc;
	rc = staff_add(cx->st, name, role, pin, &cx->err);
	sodium_memzero(pin, sizeof pin);
	return rc;
}

static int print_member(const tl_staff *m, void *arg)
{
	char name[4 * STAFF_NAME_MAX];
	(void)arg;
	printf("%s\t%s\n", CLI_ESC(name, m->name), words_word(&WS_ROLE, m->role));
	return 0;
}

static int cmd_staff(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	if (w.n == 2 && strcmp(w.v[0], "add") == 0 && o.role)
		return staff_add_cmd(cx, w.v[1], o.role);
	if (w.n == 1 && strcmp(w.v[0], "list") == 0 && !o.role)
		return staff_list(cx->st, print_member, NULL, &cx->err);
	return cli_usage(cx);
}

const cli_cmd CLI_STAFF = {
	.name = "staff", .fn = cmd_staff,
	.usage = { "add NAME --role officer|manager|admin", "list" },
	.summary = "staff who sign in to the kiosk",
	.about = "add asks for a PIN of 4 to 12 digits twice on the terminal (two lines on\n"
		 "standard input when it is not a terminal); it is stored only as a hash.",
	.opts = OPTS, .min_words = 1, .max_words = 2,
};
