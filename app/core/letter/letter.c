/* letter.c - making a letter: finding its templates (the council's folder,
 * then the installed ones, then the source tree's), filling the letterhead
 * and the body (letter_template.c), and writing text or an HTML page that
 * prints on A4. letter_write keeps a copy of the text with the case in the
 * same transaction as its audit line. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/text.h"
#include "letter_private.h"
#include "owner_file.h"
#include "store/store_db.h"
#include "sync/sync_record.h"

/* A letter kept is a few pages; a copy from a device beyond this is not one. */
#define LETTER_MAX (256u << 10)

static const tl_word letter_words[] = {
	{ "acknowledgement", "Acknowledgement" }, { "extension", "Extension" },
	{ "response", "Response cover letter" }, { "stage2", "Right to stage 2" },
	{ "stage3", "Right to stage 3" }, { "ombudsman", "Right to the Ombudsman" },
};
const tl_wordset WS_LETTER = { "letter", letter_words, sizeof letter_words / sizeof letter_words[0] };

#define TEMPLATE_MAX (64 * 1024)

/* The folders, in the order they are tried: the council's own, the
 * installed templates, the source tree's (for tests and a build that was
 * never installed). */
static size_t dirs(tl_store *st, char out[3][1024])
{
	char set[1024];
	size_t n = 0;
	if (store_setting_get(st, "letters_dir", set, sizeof set, NULL) == TL_OK && *set)
		snprintf(out[n++], 1024, "%s", set);
	snprintf(out[n++], 1024, "%s", TELLUS_DATADIR "/assets/letters");
#ifdef TELLUS_SRCDIR
	snprintf(out[n++], 1024, "%s", TELLUS_SRCDIR "/assets/letters");
#endif
	return n;
}

void letter_dirs(tl_store *st, char *out, size_t cap)
{
	char d[3][1024];
	size_t n = dirs(st, d), used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n && used < cap; i++)
		used += (size_t)snprintf(out + used, cap - used, "%s\n", d[i]);
}

/* The whole of path into *out (malloc'd); TL_ENOTFOUND when absent. */
static int read_file(const char *path, char **out, tl_err *err)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	*out = NULL;
	if (!f)
		return errno == ENOENT ? TL_ENOTFOUND
			: err_set(err, TL_EIO, "%s: cannot read: %s", path, strerror(errno));
	if (!(buf = malloc(TEMPLATE_MAX + 1))) {
		fclose(f);
		return err_set(err, TL_ENOMEM, "%s: out of memory", path);
	}
	n = fread(buf, 1, TEMPLATE_MAX + 1, f);
	fclose(f);
	buf[n > TEMPLATE_MAX ? TEMPLATE_MAX : n] = '\0';
	if (n > TEMPLATE_MAX || !text_utf8_valid(buf, n, NULL) || memchr(buf, '\0', n)) {
		free(buf);
		return err_set(err, TL_EINVAL, "%s: not a letter template (UTF-8 text of at most "
			       "64 KB)", path);
	}
	*out = buf;
	return TL_OK;
}

/* Finds NAME.txt for the profile: in each folder, the profile's own, then
 * the one common to every profile. *path says which was used. */
static int find_template(tl_store *st, const char *profile, const char *name, char **src,
			 char *path, size_t cap, tl_err *err)
{
	char d[3][1024];
	size_t n = dirs(st, d);
	for (size_t i = 0; i < n; i++) {
		const char *sub[] = { profile, "common" };
		for (int k = 0; k < 2; k++) {
			snprintf(path, cap, "%s/%s/%s.txt", d[i], sub[k], name);
			int rc = read_file(path, src, err);
			if (rc != TL_ENOTFOUND)
				return rc;
		}
	}
	return err_set(err, TL_ENOTFOUND, "%s: no letter template for %s (looked in %s/%s and "
		       "%s/common, and the installed ones)", name, profile, d[0], profile, d[0]);
}

/* Fills template NAME into out. */
static int fill(tl_store *st, const char *profile, const char *name, const letter_fields *fs,
		FILE *out, tl_err *err)
{
	char path[1200], *src = NULL;
	int rc = find_template(st, profile, name, &src, path, sizeof path, err);
	if (rc == TL_OK)
		rc = letter_template_fill(src, path, fs, out, err);
	free(src);
	return rc;
}

static const char CSS[] =
	"@page{size:A4;margin:20mm 22mm}"
	"body{font-family:'DejaVu Sans','Noto Sans',Arial,sans-serif;font-size:11.5pt;"
	"line-height:1.45;color:#111;max-width:166mm;margin:0 auto;padding:10mm 0}"
	"header p:first-child{text-align:right;margin-bottom:10mm}"
	"h1{font-size:13pt;margin:8mm 0 4mm}p{margin:0 0 3.5mm}"
	"@media print{body{padding:0;max-width:none}}";

/* Plain text as HTML paragraphs (a blank line between), each line break
 * kept; a first line "Subject: ..." becomes the heading. All escaped. */
static void html_text(FILE *f, const char *s, bool subject)
{
	bool in_p = false;
	if (subject && !strncmp(s, "Subject: ", 9)) {
		const char *nl = strchr(s, '\n');
		char *line = strndup(s + 9, nl ? (size_t)(nl - s - 9) : strlen(s + 9));
		fputs("<h1>", f);
		text_fputs_html(line ? line : "", f);
		fputs("</h1>\n", f);
		free(line);
		s = nl ? nl + 1 : s + strlen(s);
	}
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		char *line = strndup(s, n);
		bool blank = strspn(s, " \t\r") >= n;
		if (blank && in_p) {
			fputs("</p>\n", f);
			in_p = false;
		} else if (!blank) {
			fputs(in_p ? "<br>\n" : "<p>", f);
			text_fputs_html(line ? line : "", f);
			in_p = true;
		}
		free(line);
		s += n + (nl != NULL);
	}
	if (in_p)
		fputs("</p>\n", f);
}

static int render(tl_store *st, tl_case *c, const tl_letter *l, bool html, char **out,
		  tl_err *err)
{
	letter_fields *fs = malloc(sizeof *fs);
	char *head = NULL, *body = NULL, name[64];
	size_t hn, bn, on;
	FILE *hf = open_memstream(&head, &hn), *bf = open_memstream(&body, &bn), *of = NULL;
	int rc;

	*out = NULL;
	if (!fs || !hf || !bf) {
		rc = err_set(err, TL_ENOMEM, "letter: out of memory");
		goto cleanup;
	}
	snprintf(name, sizeof name, "%s%s", words_word(&WS_LETTER, l->kind), l->child ? ".child" : "");
	if ((rc = letter_fields_fill(st, c, l, fs, err)) ||
	    (rc = fill(st, c->profile, "letterhead", fs, hf, err)) ||
	    (rc = fill(st, c->profile, name, fs, bf, err)))
		goto cleanup;
	fclose(hf);
	fclose(bf);
	hf = bf = NULL;
	if (!(of = open_memstream(out, &on))) {
		rc = err_set(err, TL_ENOMEM, "letter: out of memory");
		goto cleanup;
	}
	if (!html) {
		fprintf(of, "%s\n%s", head, body);
	} else {
		fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>", of);
		text_fputs_html(words_label(&WS_LETTER, l->kind), of);
		fprintf(of, " %s</title>\n<style>%s</style></head>\n<body>\n<header>\n", c->ref, CSS);
		html_text(of, head, false);
		fputs("</header>\n<main>\n", of);
		html_text(of, body, true);
		fputs("</main>\n</body></html>\n", of);
	}
cleanup:
	if (hf)
		fclose(hf);
	if (bf)
		fclose(bf);
	if (of && fclose(of) != 0 && rc == TL_OK)
		rc = err_set(err, TL_ENOMEM, "letter: out of memory");
	if (rc) {
		free(*out);
		*out = NULL;
	}
	free(head);
	free(body);
	free(fs);
	return rc;
}

int letter_make(tl_store *st, const char *ref, const tl_letter *l, char **out, tl_err *err)
{
	tl_case c;
	int rc;

	*out = NULL;
	if (l->kind < 0 || (size_t)l->kind >= WS_LETTER.n)
		return err_set(err, TL_EINVAL, "letter: unknown kind");
	if ((rc = case_get(st, ref, &c, err)))
		return rc;
	rc = render(st, &c, l, l->html, out, err);
	case_clear(&c);
	return rc;
}

/* The copy kept with the case: the text version, under its kind (with
 * ".child" for the plain-words one). It travels to the register as a move,
 * so that a letter sent from an officer's device is on the case there. */
static int keep_copy(tl_store *st, const tl_case *c, const char *kind, const char *text,
		     tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char made[STORE_STAMP_LEN];
	int rc;

	store_stamp(made);
	if (sqlite3_prepare_v2(store_db(st), "INSERT INTO letters(case_id, kind, made, who, body)"
			       " VALUES(?, ?, ?, ?, ?)", -1, &q, NULL))
		return store_fail(st, err, "keeping a copy of the letter");
	sqlite3_bind_int64(q, 1, c->id);
	sqlite3_bind_text(q, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, made, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, store_actor(st), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, text, -1, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "keeping a copy");
	sqlite3_finalize(q);
	sync_move m = { .move = "letter", .ref = c->ref, .word = kind, .text = text };
	if (rc == TL_OK)
		rc = store_audit(st, "letter", c->ref, kind, err);
	return rc ? rc : sync_record(st, &m, err);
}

/* A kind as keep_copy names it: a letter's word, with ".child" or not. */
static bool kind_known(const char *kind)
{
	char word[32];
	size_t n = strcspn(kind, ".");
	if (n >= sizeof word || (kind[n] && strcmp(kind + n, ".child")))
		return false;
	memcpy(word, kind, n);
	word[n] = '\0';
	return words_find(&WS_LETTER, word) >= 0;
}

int letter_keep(tl_store *st, const char *ref, const char *kind, const char *text, tl_err *err)
{
	tl_case c;
	int rc;

	if (!kind || !kind_known(kind))
		return err_set(err, TL_EINVAL, "letter: '%.40s' is not a kind of letter",
			       kind ? kind : "");
	if ((rc = text_check("letter", text, LETTER_MAX, TEXT_REQUIRED, err)) ||
	    (rc = case_get(st, ref, &c, err)))
		return rc;
	if ((rc = store_begin(st, err)) == TL_OK)
		rc = store_end(st, keep_copy(st, &c, kind, text, err), err);
	case_clear(&c);
	return rc;
}

int letter_write(tl_store *st, const char *ref, const tl_letter *l, const char *path,
		 tl_err *err)
{
	tl_case c;
	char *text = NULL, *page = NULL;
	int rc;

	if ((rc = case_get(st, ref, &c, err)))
		return rc;
	if ((rc = render(st, &c, l, false, &text, err)) ||
	    (l->html && (rc = render(st, &c, l, true, &page, err))) ||
	    (rc = store_begin(st, err)))
		goto cleanup;
	const char *data = l->html ? page : text;
	char kind[40];
	snprintf(kind, sizeof kind, "%s%s", words_word(&WS_LETTER, l->kind), l->child ? ".child" : "");
	if ((rc = keep_copy(st, &c, kind, text, err)) == TL_OK)
		rc = owner_file_write(path, data, strlen(data), err);
	rc = store_end(st, rc, err);
cleanup:
	free(text);
	free(page);
	case_clear(&c);
	return rc;
}
