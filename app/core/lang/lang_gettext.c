/* lang_gettext.c - words in a language through glibc's gettext, with
 * many languages in one process: the kiosk changes language with each
 * visit and the tracking page with each request. This file is the one
 * place that touches gettext's process-wide state (the LANGUAGE variable
 * and LC_MESSAGES), always under one lock. */
#include <libintl.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tellus/lang.h"

#ifndef TELLUS_LOCALEDIR
#define TELLUS_LOCALEDIR "/usr/local/share/locale"
#endif

/* Process-wide because gettext is. Written under `lock`, except at_open
 * and dir, written once by lang_open before any lookup. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char dir[1024];
static const tl_lang *current = &LANG_ALL[0];
static const tl_lang *in_env;   /* the language LANGUAGE names now */

static bool is_dir(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* The build tree: the program is BUILD/tellus-kiosk or a test in
 * BUILD/tests/, and `make` compiles the catalogues into BUILD/locale. */
static bool beside_program(char *out, size_t cap)
{
	char exe[1024];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	if ((size_t)snprintf(out, cap, "%s/locale", exe) < cap && is_dir(out))
		return true;
	return (size_t)snprintf(out, cap, "%s/../locale", exe) < cap && is_dir(out);
}

static void find_dir(void)
{
	const char *env = getenv("TELLUS_LOCALEDIR");
	if (env && *env)
		snprintf(dir, sizeof dir, "%s", env);
	else if (!beside_program(dir, sizeof dir))
		snprintf(dir, sizeof dir, "%s", TELLUS_LOCALEDIR);
}

int lang_open(const char *where, tl_err *err)
{
	const char *cur = setlocale(LC_MESSAGES, NULL);
	/* glibc's gettext answers in English whatever LANGUAGE says while
	 * LC_MESSAGES is "C" or "POSIX" (dcigettext.c, guess_category_value).
	 * C.UTF-8 is not "C" to that test, is always there on Debian and
	 * needs no locale generated; any real locale already set is kept. */
	if ((!cur || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0) &&
	    !setlocale(LC_MESSAGES, "C.UTF-8") && !setlocale(LC_MESSAGES, "C.utf8"))
		return err_set(err, TL_EIO, "languages: no C.UTF-8 locale, so gettext would "
			       "answer in English only (install libc-bin's C.utf8)");
	if (where && *where)
		snprintf(dir, sizeof dir, "%s", where);
	else
		find_dir();
	if (!bindtextdomain(LANG_DOMAIN, dir) || !bind_textdomain_codeset(LANG_DOMAIN, "UTF-8"))
		return err_set(err, TL_ENOMEM, "languages: gettext cannot bind %s", dir);
	current = &LANG_ALL[0];
	return TL_OK;
}

const char *lang_dir(void)
{
	return dir;
}

int lang_use(const char *code, tl_err *err)
{
	const tl_lang *l = lang_find(code);
	if (!l)
		return err_set(err, TL_EINVAL, "language: '%.20s' is not one Tellus has", code);
	pthread_mutex_lock(&lock);
	current = l;
	pthread_mutex_unlock(&lock);
	return TL_OK;
}

const tl_lang *lang_current(void)
{
	pthread_mutex_lock(&lock);
	const tl_lang *l = current;
	pthread_mutex_unlock(&lock);
	return l;
}

/* With the lock held: makes LANGUAGE name l. gettext caches what it found
 * until its catalogue counter moves; textdomain() moves it, which is how
 * the gettext manual says to make a change of LANGUAGE known. */
static void switch_to(const tl_lang *l)
{
	if (in_env == l)
		return;
	setenv("LANGUAGE", l->code, 1);
	textdomain(textdomain(NULL));
	in_env = l;
}

/* One lookup in l, or in the current language when l is NULL. A plural
 * lookup when many is given. */
static const char *lookup(const tl_lang *l, const char *msgid, const char *many,
			  unsigned long n)
{
	pthread_mutex_lock(&lock);
	switch_to(l ? l : current);
	const char *s = many ? dngettext(LANG_DOMAIN, msgid, many, n) : dgettext(LANG_DOMAIN, msgid);
	pthread_mutex_unlock(&lock);
	return s;
}

/* gettext's msgctxt: the key is the context, an EOT byte and the msgid
 * (as gettext.h's pgettext builds it); not found, the msgid. */
static const char *lookup_ctx(const tl_lang *l, const char *ctx, const char *msgid)
{
	char key[512];
	if ((size_t)snprintf(key, sizeof key, "%s\004%s", ctx, msgid) >= sizeof key)
		return msgid;
	const char *s = lookup(l, key, NULL, 0);
	return s == key ? msgid : s;
}

const char *lang_gettext(const char *msgid)
{
	if (!msgid[0]) /* gettext's "" is the catalogue's header: an empty detail */
		return msgid;
	return lookup(NULL, msgid, NULL, 0);
}

const char *lang_ngettext(const char *one, const char *many, unsigned long n)
{
	return lookup(NULL, one, many, n);
}

const char *lang_pgettext(const char *ctx, const char *msgid)
{
	return lookup_ctx(NULL, ctx, msgid);
}

/* An unknown code reads as English: the words are always there. */
const char *lang_text(const char *code, const char *msgid)
{
	const tl_lang *l = lang_find(code);
	return lookup(l ? l : &LANG_ALL[0], msgid, NULL, 0);
}

const char *lang_ntext(const char *code, const char *one, const char *many, unsigned long n)
{
	const tl_lang *l = lang_find(code);
	return lookup(l ? l : &LANG_ALL[0], one, many, n);
}

const char *lang_ptext(const char *code, const char *ctx, const char *msgid)
{
	const tl_lang *l = lang_find(code);
	return lookup_ctx(l ? l : &LANG_ALL[0], ctx, msgid);
}

void lang_header(const char *code, const char *field, char *out, size_t cap)
{
	const tl_lang *l = lang_find(code);
	/* The catalogue's header is the translation of the empty msgid. */
	const char *h = l ? lookup(l, "", NULL, 0) : "";
	size_t flen = strlen(field);
	out[0] = '\0';
	for (const char *p = h; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p)) {
		if (strncmp(p, field, flen) != 0 || p[flen] != ':')
			continue;
		const char *v = p + flen + 1;
		v += strspn(v, " \t");
		size_t len = strcspn(v, "\n");
		while (len && (v[len - 1] == ' ' || v[len - 1] == '\t'))
			len--;
		snprintf(out, cap, "%.*s", (int)len, v);
		return;
	}
}

tl_lang_cat lang_catalogue(const char *code)
{
	char v[256];
	if (strcmp(code, LANG_ALL[0].code) == 0)
		return LANG_CAT_SOURCE;
	lang_header(code, "Language", v, sizeof v);
	if (strcmp(v, code) != 0)
		return LANG_CAT_MISSING;
	lang_header(code, "Reviewed-By", v, sizeof v);
	return v[0] ? LANG_CAT_REVIEWED : LANG_CAT_DRAFT;
}
