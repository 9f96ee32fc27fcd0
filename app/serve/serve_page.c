/* serve_page.c - the tracking page as HTML: one self-contained page (no
 * script, no external file, the style inline), mobile first and readable
 * at 320 px, written to WCAG 2.2 AA (contrast, labels, focus, target
 * sizes). Every word comes from serve_words.c, in the page's language,
 * with links to the others; a right-to-left language's page says so
 * (dir="rtl") and the style uses logical sides. Everything from the
 * database or a person is escaped here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/text.h"
#include "serve_private.h"

/* Colours checked for contrast: text #1b1b1b and #4a4a4a on #fff and
 * #f4f4f1 (over 7:1), white on #1d3f6e (10:1), the focus ring #ffbf47
 * against both the page and the button (over 3:1 against its neighbours). */
static const char *const CSS = NT_(
	"*{box-sizing:border-box}"
	"html{-webkit-text-size-adjust:100%;text-size-adjust:100%}"
	"body{margin:0;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\","
	"Arial,sans-serif;font-size:1.125rem;line-height:1.5;color:#1b1b1b;background:#f4f4f1}"
	"header{background:#1d3f6e;color:#fff;padding:.75rem 1rem}"
	"header p{margin:0;font-weight:600;max-width:40rem;margin:0 auto}"
	"main{max-width:40rem;margin:0 auto;padding:1rem 1rem 2rem}"
	"h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0 1rem}"
	"h2{font-size:1.25rem;line-height:1.3;margin:0 0 .5rem}"
	"p{margin:0 0 .75rem}"
	"section{background:#fff;border:1px solid #8a8a84;border-radius:.5rem;"
	"padding:1rem;margin:0 0 1rem}"
	".ref{font-family:ui-monospace,\"DejaVu Sans Mono\",monospace;font-size:1.25rem;"
	"font-weight:600;overflow-wrap:anywhere}"
	".now{font-size:1.25rem;font-weight:600}"
	"dl{margin:0}dt{font-weight:600}dd{margin:0 0 .75rem}"
	"ul{margin:0;padding-inline-start:1.25rem}li{margin:0 0 .75rem}form{margin:0 0 1.5rem}"
	"nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:0 1rem;"
	"margin:0 0 .5rem}nav li{margin:0}nav a,nav span{display:inline-block;padding:.5rem 0}"
	"nav span{font-weight:600}"
	"label{display:block;font-weight:600;margin-top:1rem}"
	".hint{display:block;color:#4a4a4a;font-weight:400}"
	"input{display:block;width:100%;font:inherit;font-size:1.25rem;padding:.6rem;"
	"margin-top:.25rem;border:2px solid #1b1b1b;border-radius:.25rem;background:#fff;"
	"color:#1b1b1b}"
	"button{display:block;width:100%;min-height:3rem;margin-top:1.5rem;font:inherit;"
	"font-size:1.25rem;font-weight:600;padding:.6rem 1.5rem;border:2px solid #1d3f6e;"
	"border-radius:.25rem;background:#1d3f6e;color:#fff;cursor:pointer}"
	"a{color:#1d3f6e;text-underline-offset:.15em}"
	"a:focus,input:focus,button:focus{outline:3px solid #1b1b1b;outline-offset:2px;"
	"box-shadow:0 0 0 6px #ffbf47}"
	".alert{border:1px solid #8a8a84;border-inline-start:.5rem solid #b3261e;background:#fff;"
	"padding:1rem;margin:0 0 1rem}"
	".alert p:last-child,section p:last-child{margin-bottom:0}"
	"@media (min-width:40rem){main{padding:2rem 1rem}h1{font-size:2.25rem}"
	"button{width:auto}}");

/* The language of the page being written on this thread: build() sets
 * it for each page, so that every word of one page is in one language
 * without passing it through each of the calls below. */
static _Thread_local const tl_lang *page_lang;

/* A sentence of the table with its one %s filled in, both escaped: the
 * words are data (from the catalogues), never a format string. What is
 * put in (a reference, a number) keeps its own direction: <bdi>. */
static void put_word(FILE *f, serve_word w, const char *arg)
{
	const char *s = sw(w, page_lang), *at = strstr(s, "%s");
	if (!at) {
		text_fputs_html(s, f);
		return;
	}
	char *head = strndup(s, (size_t)(at - s));
	text_fputs_html(head, f);
	free(head);
	fputs("<bdi>", f);
	text_fputs_html(arg, f);
	fputs("</bdi>", f);
	text_fputs_html(at + 2, f);
}

static void tag_word(FILE *f, const char *open, serve_word w, const char *arg, const char *close)
{
	fputs(open, f);
	put_word(f, w, arg);
	fputs(close, f);
}

/* The other languages, each by its own name in its own script, as links
 * (no script): to this case again when its link brought the page, else
 * to the form. The page's own language is named, not linked. */
static void languages(FILE *f, const page_ctx *p)
{
	if (!p || !p->self)
		return;
	tag_word(f, "<nav aria-labelledby=\"langs\"><h2 id=\"langs\" hidden>", SW_LANGUAGES,
		 NULL, "</h2><ul>\n");
	for (int i = 0; i < LANG_N; i++) {
		const tl_lang *l = &LANG_ALL[i];
		fprintf(f, "<li lang=\"%s\" dir=\"%s\">", l->code, l->rtl ? "rtl" : "ltr");
		if (l == page_lang) {
			fputs("<span>", f);
			text_fputs_html(l->name, f);
			fputs("</span></li>\n", f);
			continue;
		}
		fputs("<a hreflang=\"", f);
		fputs(l->code, f);
		fputs("\" href=\"", f);
		text_fputs_html(p->self, f);
		fprintf(f, "?lang=%s", l->code);
		if (p->ref && p->code) {
			fputs("&amp;ref=", f);
			text_fputs_query(p->ref, f);
			fputs("&amp;code=", f);
			text_fputs_query(p->code, f);
		}
		fputs("\">", f);
		text_fputs_html(l->name, f);
		fputs("</a></li>\n", f);
	}
	fputs("</ul></nav>\n", f);
}

static void page_head(FILE *f, const page_ctx *p, serve_word title)
{
	const char *org = p && p->set ? p->set->authority : "";

	fprintf(f, "<!doctype html>\n<html lang=\"%s\"%s>\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<meta name=\"robots\" content=\"noindex, nofollow\">\n<title>", page_lang->code,
		page_lang->rtl ? " dir=\"rtl\"" : "");
	put_word(f, title, NULL);
	if (org[0]) {
		fputs(" - ", f);
		text_fputs_html(org, f);
	}
	fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n", CSS);
	if (org[0]) {
		fputs("<header><p>", f);
		text_fputs_html(org, f);
		fputs("</p></header>\n", f);
	}
	fputs("<main>\n", f);
	languages(f, p);
	tag_word(f, "<h1>", title, NULL, "</h1>\n");
}

/* The council's contact (settings), or a sentence when none is set. */
static void contact(FILE *f, const page_ctx *p)
{
	const tl_receipt_settings *set = p->set;

	fputs("<section aria-labelledby=\"contact\">\n", f);
	tag_word(f, "<h2 id=\"contact\">", SW_CONTACT, NULL, "</h2>\n");
	if (set->authority[0]) {
		fputs("<p>", f);
		text_fputs_html(set->authority, f);
		fputs("</p>\n", f);
	}
	if (set->phone[0]) {
		tag_word(f, "<p>", SW_PHONE, NULL, ": <a href=\"tel:");
		for (const char *c = set->phone; *c; c++)
			if ((*c >= '0' && *c <= '9') || *c == '+')
				fputc(*c, f);
		fputs("\" dir=\"ltr\">", f);
		text_fputs_html(set->phone, f);
		fputs("</a></p>\n", f);
	}
	if (set->email[0]) {
		tag_word(f, "<p>", SW_EMAIL, NULL, ": <a href=\"mailto:");
		text_fputs_html(set->email, f);
		fputs("\">", f);
		text_fputs_html(set->email, f);
		fputs("</a></p>\n", f);
	}
	if (!set->phone[0] && !set->email[0])
		tag_word(f, "<p>", SW_ASK_STAFF, NULL, "</p>\n");
	fputs("</section>\n", f);
}

static void page_foot(FILE *f, const page_ctx *p, bool another)
{
	if (p && p->set)
		contact(f, p);
	if (another) {
		fputs("<p><a href=\"", f);
		text_fputs_html(p->self, f);
		fputs("\">", f);
		put_word(f, SW_CHECK_ANOTHER, NULL);
		fputs("</a></p>\n", f);
	}
	fputs("</main>\n</body>\n</html>\n", f);
}

/* Runs fn into a malloc'd string, in lang (NULL: English). */
static int build(void (*fn)(FILE *, const void *), const void *arg, const tl_lang *lang,
		 char **out, size_t *len)
{
	page_lang = lang ? lang : &LANG_ALL[0];
	*out = NULL;
	*len = 0;
	FILE *f = open_memstream(out, len);
	if (!f)
		return TL_ENOMEM;
	fn(f, arg);
	if (fclose(f) != 0 || !*out) {
		free(*out);
		*out = NULL;
		return TL_ENOMEM;
	}
	return TL_OK;
}

typedef struct {
	const page_ctx *p;
	const char *typed_ref;
	bool no_match;
	int minutes;
	const page_case_in *in;
	int status;
} page_args;

static void field(FILE *f, const char *name, serve_word label, serve_word hint, const char *value)
{
	fprintf(f, "<label for=\"%s\">", name);
	put_word(f, label, NULL);
	fprintf(f, " <span class=\"hint\" id=\"%s-hint\">", name);
	put_word(f, hint, NULL);
	fprintf(f, "</span></label>\n<input id=\"%s\" name=\"%s\" type=\"text\" "
		"aria-describedby=\"%s-hint\" autocomplete=\"off\" autocapitalize=\"characters\" "
		"spellcheck=\"false\" maxlength=\"40\" value=\"", name, name, name);
	text_fputs_html(value, f);
	fputs("\">\n", f);
}

static void form_body(FILE *f, const void *arg)
{
	const page_args *a = arg;

	page_head(f, a->p, SW_TITLE_CHECK);
	if (a->no_match) {
		fputs("<div class=\"alert\">\n", f);
		tag_word(f, "<p><strong>", SW_NO_MATCH, NULL, "</strong></p>\n");
		tag_word(f, "<p>", SW_NO_MATCH_HELP, NULL, "</p>\n");
		fputs("</div>\n", f);
	}
	tag_word(f, "<p>", SW_FORM_INTRO, NULL, "</p>\n");
	fputs("<form method=\"post\" action=\"", f);
	text_fputs_html(a->p->self, f);
	fputs("\">\n", f);
	field(f, "ref", SW_FORM_REF, SW_FORM_REF_HINT, a->typed_ref);
	field(f, "code", SW_FORM_CODE, SW_FORM_CODE_HINT, "");
	fprintf(f, "<input type=\"hidden\" name=\"lang\" value=\"%s\">\n", page_lang->code);
	tag_word(f, "<button type=\"submit\">", SW_FORM_BUTTON, NULL, "</button>\n</form>\n");
	tag_word(f, "<p>", SW_FORM_PRIVATE, NULL, "</p>\n");
	page_foot(f, a->p, false);
}

int page_form(const page_ctx *p, const char *typed_ref, bool no_match, char **out, size_t *len)
{
	page_args a = { .p = p, .typed_ref = typed_ref ? typed_ref : "", .no_match = no_match };
	return build(form_body, &a, p->lang, out, len);
}

static void date_row(FILE *f, serve_word what, tl_date d)
{
	char day[LANG_DATE_MAX];
	if (d == TL_NO_DATE)
		return;
	sw_date(d, page_lang, day);
	tag_word(f, "<dt>", what, NULL, "</dt>");
	fputs("<dd>", f);
	text_fputs_html(day, f);
	fputs("</dd>\n", f);
}

/* The sentences of "Where it is now" for a complaint's current stage. */
static void where(FILE *f, const page_case_in *in)
{
	static const serve_word STAGE[] = { SW_STAGE_1, SW_STAGE_2, SW_STAGE_3 };
	const tl_stage *s = in->s;
	char n[8];

	if (!s) {
		tag_word(f, "<p class=\"now\">", SW_NO_STAGE, NULL, "</p>\n");
		return;
	}
	snprintf(n, sizeof n, "%d", s->number);
	if (s->outcome == TL_OUTCOME_WITHDRAWN) {
		tag_word(f, "<p class=\"now\">", SW_WITHDRAWN, NULL, "</p>\n");
	} else if (s->responded != TL_NO_DATE) {
		tag_word(f, "<p class=\"now\">", SW_REPLIED, NULL, "</p>\n");
		tag_word(f, "<p>", SW_STEP_OF, n, "</p>\n");
		tag_word(f, "<p>", in->stat->next_by != TL_NO_DATE ? SW_NOT_HAPPY_NEXT
			 : SW_NOT_HAPPY_OMBUDSMAN, NULL, "</p>\n");
	} else {
		tag_word(f, "<p class=\"now\">", STAGE[s->number >= 1 && s->number <= 3 ?
						     s->number - 1 : 0], NULL, "</p>\n");
		tag_word(f, "<p>", SW_STEP_OF, n, "</p>\n");
		if (s->paused_since != TL_NO_DATE)
			tag_word(f, "<p>", SW_PAUSED, NULL, "</p>\n");
		else if (in->stat->state == CASE_OVERDUE)
			tag_word(f, "<p>", SW_LATE, NULL, "</p>\n");
		if (in->stat->may_escalate)
			tag_word(f, "<p>", SW_LATE_ASK, NULL, "</p>\n");
	}
}

static void dates(FILE *f, const page_case_in *in)
{
	const tl_stage *s = in->s;

	fputs("<section aria-labelledby=\"dates\">\n", f);
	tag_word(f, "<h2 id=\"dates\">", SW_DATES, NULL, "</h2>\n<dl>\n");
	date_row(f, SW_RECEIVED, in->c->received);
	if (s && s->outcome == TL_OUTCOME_WITHDRAWN) {
		date_row(f, SW_WITHDRAWN_ON, s->responded);
	} else if (s && s->responded != TL_NO_DATE) {
		date_row(f, SW_REPLIED_ON, s->responded);
		date_row(f, SW_ASK_AGAIN_BY, in->stat->next_by);
	} else if (s && s->paused_since == TL_NO_DATE) {
		date_row(f, s->extended ? SW_REPLY_BY_LONGER : SW_REPLY_BY,
			 s->extended ? s->max_due : s->due);
		if (!s->extended && s->max_due != s->due)
			date_row(f, SW_ASK_NEXT_BY, s->max_due);
	}
	fputs("</dl>\n</section>\n", f);
}

static void next_steps(FILE *f, const page_case_in *in)
{
	const tl_stage *s = in->s;

	fputs("<section aria-labelledby=\"next\">\n", f);
	tag_word(f, "<h2 id=\"next\">", SW_NEXT, NULL, "</h2>\n<ul>\n");
	if (!s || (s->number < 3 && s->outcome != TL_OUTCOME_WITHDRAWN))
		tag_word(f, "<li>", SW_NEXT_STAGE, NULL, "</li>\n");
	tag_word(f, "<li>", SW_ADVOCACY, NULL, "</li>\n");
	tag_word(f, "<li>", SW_OMBUDSMAN, NULL, "<br>");
	put_word(f, SW_OMBUDSMAN_CONTACT, NULL);
	fputs("</li>\n", f);
	tag_word(f, "<li>", SW_SAFE_NOW, NULL, "</li>\n</ul>\n</section>\n");
}

static void case_body(FILE *f, const void *arg)
{
	const page_args *a = arg;
	const page_case_in *in = a->in;
	bool complaint = in->c->kind == TL_KIND_COMPLAINT && !in->c->unsafe;
	serve_word title = in->c->unsafe ? SW_TITLE_MESSAGE
			 : complaint ? SW_TITLE_COMPLAINT : SW_TITLE_COMPLIMENT;

	page_head(f, a->p, title);
	tag_word(f, "<p class=\"ref\">", SW_YOUR_REF, in->c->ref, "</p>\n");
	if (complaint) {
		fputs("<section aria-labelledby=\"where\">\n", f);
		tag_word(f, "<h2 id=\"where\">", SW_WHERE, NULL, "</h2>\n");
		where(f, in);
		fputs("</section>\n", f);
		dates(f, in);
		next_steps(f, in);
	} else if (in->c->unsafe) {
		tag_word(f, "<p class=\"now\">", SW_MESSAGE, NULL, "</p>\n");
		tag_word(f, "<p>", SW_SAFE_NOW, NULL, "</p>\n");
	} else {
		tag_word(f, "<p class=\"now\">", SW_COMPLIMENT, NULL, "</p>\n");
	}
	page_foot(f, a->p, true);
}

int page_case(const page_ctx *p, const page_case_in *in, char **out, size_t *len)
{
	page_args a = { .p = p, .in = in };
	return build(case_body, &a, p->lang, out, len);
}

static void refused_body(FILE *f, const void *arg)
{
	const page_args *a = arg;
	char n[16];

	snprintf(n, sizeof n, "%d", a->minutes);
	page_head(f, a->p, SW_TITLE_WAIT);
	tag_word(f, "<p>", SW_WAIT, n, "</p>\n");
	tag_word(f, "<p>", SW_WAIT_HELP, NULL, "</p>\n");
	page_foot(f, a->p, false);
}

int page_refused(const page_ctx *p, int minutes, char **out, size_t *len)
{
	page_args a = { .p = p, .minutes = minutes };
	return build(refused_body, &a, p->lang, out, len);
}

static void error_body(FILE *f, const void *arg)
{
	const page_args *a = arg;
	serve_word w = a->status == 404 ? SW_ERR_404 : a->status == 405 ? SW_ERR_405
		     : a->status == 413 ? SW_ERR_413 : a->status == 429 ? SW_ERR_429
		     : a->status == 500 ? SW_ERR_500 : a->status == 503 ? SW_ERR_503 : SW_ERR_OTHER;

	page_head(f, NULL, SW_TITLE_ERROR);
	tag_word(f, "<p>", w, NULL, "</p>\n");
	page_foot(f, NULL, false);
}

int page_error(int status, const tl_lang *lang, char **out, size_t *len)
{
	page_args a = { .status = status };
	return build(error_body, &a, lang, out, len);
}
