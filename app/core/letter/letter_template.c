/* letter_template.c - the template language of letters, small on purpose
 * so that a council can change a letter without a programmer (README,
 * "Letters"; assets/letters/README):
 *
 *   {{name}}         the value of a field (a date, a name, a number...)
 *   {{if name}}      what follows, up to {{else}} or {{end}}, appears only
 *                    when the field is not empty; {{if !name}} when it is
 *   {{else}} {{end}} the other branch, and the end of an {{if}}
 *   {{# words}}      a comment: nothing appears
 *
 * A line holding nothing but one {{if}}, {{else}}, {{end}} or comment tag
 * is dropped whole, so that a template can put them on lines of their own.
 * Ifs nest. Everything else is copied as it is: blank lines make
 * paragraphs, a first line "Subject: ..." the letter's heading. The filled
 * text is plain text: HTML output escapes all of it (letter.c), so neither
 * a template nor a person's name can put markup into a letter. */
#include <stdbool.h>
#include <string.h>
#include "letter_private.h"

#define MAX_DEPTH 8

typedef struct {
	const char *file;
	int line;
	const letter_fields *fs;
	FILE *out;
	bool on[MAX_DEPTH + 1];  /* on[d]: text at depth d appears */
	bool had_else[MAX_DEPTH + 1];
	int depth;
	tl_err *err;
} fill_ctx;

static bool name_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
}

/* The field named by s (n bytes, spaces trimmed), or NULL with err set. */
static const char *field(fill_ctx *x, const char *s, size_t n)
{
	char name[64];
	while (n && *s == ' ')
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	bool ok = n > 0 && n < sizeof name;
	for (size_t i = 0; ok && i < n; i++)
		ok = name_char(s[i]);
	const char *v = NULL;
	if (ok) {
		memcpy(name, s, n);
		name[n] = '\0';
		v = letter_field(x->fs, name);
	}
	if (!v)
		err_set(x->err, TL_EINVAL, "%s:%d: '{{%.*s}}' names no field (see the fields in "
			"assets/letters/README)", x->file, x->line, (int)(n < 40 ? n : 40), s);
	return v;
}

/* A block tag (if, else, end, comment): 1 when tag is one (handled), 0
 * when it is a field, -1 on a fault. */
static int block(fill_ctx *x, const char *tag, size_t n)
{
	if (n && tag[0] == '#')
		return 1;
	if (n >= 3 && !strncmp(tag, "if ", 3)) {
		bool neg = false;
		const char *s = tag + 3;
		size_t k = n - 3;
		while (k && *s == ' ')
			s++, k--;
		if (k && *s == '!')
			neg = true, s++, k--;
		const char *v = field(x, s, k);
		if (!v)
			return -1;
		if (x->depth == MAX_DEPTH)
			return -err_set(x->err, TL_EINVAL, "%s:%d: {{if}} inside more than %d others",
					x->file, x->line, MAX_DEPTH);
		x->depth++;
		x->on[x->depth] = x->on[x->depth - 1] && ((*v != '\0') != neg);
		x->had_else[x->depth] = false;
		return 1;
	}
	bool is_else = n == 4 && !strncmp(tag, "else", 4), is_end = n == 3 && !strncmp(tag, "end", 3);
	if (!is_else && !is_end)
		return 0;
	if (x->depth == 0)
		return -err_set(x->err, TL_EINVAL, "%s:%d: {{%s}} without an {{if}}", x->file, x->line,
				is_else ? "else" : "end");
	if (is_else && x->had_else[x->depth])
		return -err_set(x->err, TL_EINVAL, "%s:%d: a second {{else}} in one {{if}}", x->file,
				x->line);
	if (is_else) {
		x->had_else[x->depth] = true;
		/* The other branch shows when the {{if}} hid the first one. */
		x->on[x->depth] = x->on[x->depth - 1] && !x->on[x->depth];
	} else {
		x->depth--;
	}
	return 1;
}

/* The first pair of characters pair from s before end, or NULL. */
static const char *within(const char *s, const char *end, const char *pair)
{
	for (; s + 1 < end; s++)
		if (s[0] == pair[0] && s[1] == pair[1])
			return s;
	return NULL;
}

/* One line (without its newline); nl says whether one followed it. */
static int fill_line(fill_ctx *x, const char *s, size_t n, bool nl)
{
	const char *end = s + n;
	/* A line of one block tag alone is dropped whole. */
	const char *a = s, *b = end;
	while (a < b && (*a == ' ' || *a == '\t'))
		a++;
	while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
		b--;
	if (b - a > 4 && !strncmp(a, "{{", 2) && !strncmp(b - 2, "}}", 2) &&
	    !memchr(a + 2, '{', (size_t)(b - a - 4))) {
		int rc = block(x, a + 2, (size_t)(b - a - 4));
		if (rc)
			return rc < 0 ? TL_EINVAL : TL_OK;
	}
	while (s < end) {
		const char *open = within(s, end, "{{");
		const char *stop = open ? open : end;
		if (x->on[x->depth])
			fwrite(s, 1, (size_t)(stop - s), x->out);
		if (!open)
			break;
		const char *close = within(open + 2, end, "}}");
		if (!close)
			return err_set(x->err, TL_EINVAL, "%s:%d: '{{' without '}}' on the same line",
				       x->file, x->line);
		size_t tn = (size_t)(close - open - 2);
		int rc = block(x, open + 2, tn);
		if (rc < 0)
			return TL_EINVAL;
		if (rc == 0) {
			const char *v = field(x, open + 2, tn);
			if (!v)
				return TL_EINVAL;
			if (x->on[x->depth])
				fputs(v, x->out);
		}
		s = close + 2;
	}
	if (nl && x->on[x->depth])
		fputc('\n', x->out);
	return TL_OK;
}

int letter_template_fill(const char *src, const char *file, const letter_fields *fs, FILE *out,
			 tl_err *err)
{
	fill_ctx x = { .file = file, .fs = fs, .out = out, .err = err };
	int rc = TL_OK;

	x.on[0] = true;
	for (const char *s = src; *s && rc == TL_OK;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		x.line++;
		rc = fill_line(&x, s, n, nl != NULL);
		s += n + (nl != NULL);
	}
	if (rc == TL_OK && x.depth)
		rc = err_set(err, TL_EINVAL, "%s: an {{if}} has no {{end}}", file);
	return rc;
}
