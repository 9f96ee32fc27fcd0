/* receipt.c - the receipt model: what it says, in words a child can read,
 * and what its QR code carries. Dates come from the case as stored, so a
 * receipt always repeats the deadline the person was first given. The
 * files and the database are handled elsewhere (receipt_*.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "tellus/receipt.h"
#include "tellus/text.h"

void receipt_from_case(const tl_case *c, const tl_receipt_settings *set, const char *code,
		       tl_receipt *out)
{
	memset(out, 0, sizeof *out);
	out->set = *set;
	out->kind = c->kind;
	snprintf(out->ref, sizeof out->ref, "%s", c->ref);
	snprintf(out->service, sizeof out->service, "%s", c->service_area ? c->service_area : "");
	out->received = c->received;
	out->due = out->max_due = TL_NO_DATE;
	for (size_t i = 0; i < c->n_stages && c->kind == TL_KIND_COMPLAINT; i++)
		if (c->stages[i].number == 1) {
			out->due = c->stages[i].due;
			out->max_due = c->stages[i].max_due;
		}
	snprintf(out->code, sizeof out->code, "%s", code ? code : "");
}

void receipt_wipe(tl_receipt *r)
{
	sodium_memzero(r, sizeof *r);
}

bool receipt_has_qr(const tl_receipt *r)
{
	return r->code[0] != '\0';
}

void receipt_date_words(tl_date d, char out[40])
{
	static const char *const day[] = { "Monday", "Tuesday", "Wednesday", "Thursday",
					   "Friday", "Saturday", "Sunday" };
	static const char *const month[] = { "January", "February", "March", "April", "May",
					     "June", "July", "August", "September", "October",
					     "November", "December" };
	int y, m, dd;

	if (d == TL_NO_DATE) {
		out[0] = '\0';
		return;
	}
	date_to_ymd(d, &y, &m, &dd);
	snprintf(out, 40, "%s %d %s %d", day[date_weekday(d)], dd, month[m - 1], y);
}

/* How many bytes of s to keep so that at most max bytes are kept and no
 * UTF-8 sequence is cut in half. */
static int utf8_cut(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max)
		return (int)n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return (int)max;
}

static const char *kind_word(const tl_receipt *r, bool capital)
{
	if (r->kind == TL_KIND_COMPLIMENT)
		return capital ? "Compliment" : "compliment";
	return capital ? "Complaint" : "complaint";
}

static void text_dates(const tl_receipt *r, FILE *f)
{
	char due[40], max[40];

	if (r->kind == TL_KIND_COMPLIMENT) {
		fprintf(f, "Thank you for telling us what went well. "
			"We will pass on your kind words.\n");
		return;
	}
	receipt_date_words(r->due, due);
	receipt_date_words(r->max_due, max);
	if (!due[0]) {
		fprintf(f, "We will tell you what happens next.\n");
		return;
	}
	fprintf(f, "We will reply by %s.\n", due);
	if (max[0])
		fprintf(f, "If you have not heard from us by %s, you can ask for the next step.\n",
			max);
}

static void text_contact(const tl_receipt *r, FILE *f)
{
	if (r->set.phone[0])
		fprintf(f, "Phone: %s\n", r->set.phone);
	if (r->set.email[0])
		fprintf(f, "Email: %s\n", r->set.email);
	if (!r->set.phone[0] && !r->set.email[0])
		fprintf(f, "To get in touch, ask any member of staff.\n");
}

/* Collects what fn writes into a malloc'd string. */
static int collect(const tl_receipt *r, void (*fn)(const tl_receipt *, FILE *), char **out,
		   tl_err *err)
{
	size_t len = 0;
	FILE *f = open_memstream(out, &len);

	if (!f)
		return err_set(err, TL_ENOMEM, "receipt: out of memory");
	fn(r, f);
	if (fclose(f) != 0 || !*out) {
		free(*out);
		*out = NULL;
		return err_set(err, TL_ENOMEM, "receipt: out of memory");
	}
	/* No trailing newline: the last line ends the text. */
	if (len && (*out)[len - 1] == '\n')
		(*out)[len - 1] = '\0';
	return TL_OK;
}

static void text_all(const tl_receipt *r, FILE *f)
{
	char when[40];

	receipt_date_words(r->received, when);
	fprintf(f, "%s\nYour %s\nReference: %s\nReceived: %s\n", r->set.authority,
		kind_word(r, false), r->ref, when);
	if (receipt_has_qr(r) && r->service[0])
		fprintf(f, "About: %s\n", r->service);
	text_dates(r, f);
	if (receipt_has_qr(r)) {
		fprintf(f, "Secret code: %s\n", r->code);
		fprintf(f, "Keep your secret code to yourself. With your reference it lets you "
			"check on your %s.\n", kind_word(r, false));
		if (r->set.url[0])
			fprintf(f, "Check it online: %s\n", r->set.url);
	}
	text_contact(r, f);
}

int receipt_text(const tl_receipt *r, char **out, tl_err *err)
{
	return collect(r, text_all, out, err);
}

/* The text a QR carries when there is no link: short, so that the code
 * stays easy to scan; long settings are cut at a character boundary. */
#define PAYLOAD_FIELD 120
static void payload_text(const tl_receipt *r, FILE *f)
{
	char when[40];
	const tl_receipt_settings *s = &r->set;

	receipt_date_words(r->received, when);
	fprintf(f, "%.*s\n%s %s\nReceived: %s\n", utf8_cut(s->authority, PAYLOAD_FIELD),
		s->authority, kind_word(r, true), r->ref, when);
	text_dates(r, f);
	fprintf(f, "Secret code: %s\n", r->code);
	if (s->phone[0])
		fprintf(f, "Phone: %.*s\n", utf8_cut(s->phone, PAYLOAD_FIELD), s->phone);
	if (s->email[0])
		fprintf(f, "Email: %.*s\n", utf8_cut(s->email, PAYLOAD_FIELD), s->email);
}

static void payload_link(const tl_receipt *r, FILE *f)
{
	char code[RECEIPT_CODE_MAX];
	size_t n = 0;

	/* The code without its hyphen: a shorter link, a smaller QR. */
	for (const char *p = r->code; *p; p++)
		if (*p != '-')
			code[n++] = *p;
	code[n] = '\0';
	fputs(r->set.url, f);
	fputc(strchr(r->set.url, '?') ? '&' : '?', f);
	fputs("ref=", f);
	text_fputs_query(r->ref, f);
	fputs("&code=", f);
	text_fputs_query(code, f);
	sodium_memzero(code, sizeof code);
	if (r->lang[0] && strcmp(r->lang, "en") != 0) {
		fputs("&lang=", f);
		text_fputs_query(r->lang, f);
	}
}

int receipt_payload(const tl_receipt *r, char **out, tl_err *err)
{
	if (!receipt_has_qr(r))
		return err_set(err, TL_EINVAL, "receipt: a reference-only receipt has no QR code");
	return collect(r, r->set.url[0] ? payload_link : payload_text, out, err);
}
