/* test_speech.c - reading aloud with eSpeak NG (app/speech): every
 * language of the table has a voice here, a sentence comes out as more
 * than a second of sound, each language's own words sound different, the
 * WAV file is what its header says, and strangers are refused. */
#include "../unit/fixture.h"
#include "tellus/lang.h"
#include "../../app/speech/speech.h"

static int open_speech(void **state)
{
	tl_err err;
	speech *sp;
	if (lang_open(NULL, &err) || speech_open(&sp, &err)) {
		fprintf(stderr, "speech_open: %s\n", err.msg);
		return -1;
	}
	*state = sp;
	return 0;
}

static int close_speech(void **state)
{
	speech_close(*state);
	return 0;
}

static void every_language_of_the_table_has_its_voice(void **state)
{
	speech *sp = *state;
	for (int i = 0; i < LANG_N; i++) {
		const tl_lang *l = &LANG_ALL[i];
		if (!l->voice)
			continue;
		if (!speech_has_voice(sp, l->voice))
			fail_msg("%s: eSpeak NG has no voice '%s'", l->code, l->voice);
	}
	assert_false(speech_has_voice(sp, "xx-nowhere"));
}

static void say(speech *sp, const char *voice, const char *text, speech_pcm *p)
{
	tl_err err;
	if (speech_say(sp, voice, text, p, &err))
		fail_msg("%s: %s", voice, err.msg);
}

/* The same sentence in two voices is not the same sound. */
static void a_sentence_is_over_a_second_and_voices_differ(void **state)
{
	speech *sp = *state;
	speech_pcm pl, cy;
	say(sp, "pl", "Powiedz nam, co myślisz.", &pl);
	say(sp, "cy", "Powiedz nam, co myślisz.", &cy);
	assert_true(pl.rate >= 16000);
	assert_true(pl.n > (size_t)pl.rate); /* over a second */
	assert_true(pl.n != cy.n || memcmp(pl.samples, cy.samples, pl.n * 2) != 0);
	/* Sound, not silence. */
	int peak = 0;
	for (size_t i = 0; i < pl.n; i++)
		peak = abs(pl.samples[i]) > peak ? abs(pl.samples[i]) : peak;
	assert_true(peak > 1000);
	speech_pcm_free(&pl);
	speech_pcm_free(&cy);
}

/* A date from each language's catalogue, in its own voice: eleven
 * different sounds, each over a second. */
static void each_language_reads_its_own_words_differently(void **state)
{
	speech *sp = *state;
	speech_pcm p[LANG_MAX];
	char words[LANG_DATE_MAX];
	tl_err err;
	for (int i = 0; i < LANG_N; i++) {
		assert_int_equal(lang_use(LANG_ALL[i].code, &err), TL_OK);
		lang_date_words(D("2026-01-29"), words, sizeof words);
		say(sp, LANG_ALL[i].voice, words, &p[i]);
		if (p[i].n <= (size_t)p[i].rate)
			fail_msg("%s: '%s' lasts %zu samples", LANG_ALL[i].code, words, p[i].n);
		for (int j = 0; j < i; j++)
			if (p[j].n == p[i].n && memcmp(p[j].samples, p[i].samples, p[i].n * 2) == 0)
				fail_msg("%s sounds like %s", LANG_ALL[i].code, LANG_ALL[j].code);
	}
	for (int i = 0; i < LANG_N; i++)
		speech_pcm_free(&p[i]);
	lang_use("en", NULL);
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void the_wav_file_is_what_its_header_says(void **state)
{
	speech *sp = *state;
	speech_pcm p;
	tl_err err;
	char path[] = "/tmp/tellus-speech-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	say(sp, "gu", "તમે શું વિચારો છો તે અમને કહો", &p);
	assert_int_equal(speech_write_wav(&p, path, &err), TL_OK);

	FILE *f = fopen(path, "rb");
	unsigned char h[44];
	assert_non_null(f);
	assert_int_equal(fread(h, 1, 44, f), 44);
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fclose(f);
	unlink(path);
	assert_memory_equal(h, "RIFF", 4);
	assert_memory_equal(h + 8, "WAVEfmt ", 8);
	assert_int_equal(h[20] | h[21] << 8, 1);   /* PCM */
	assert_int_equal(h[22] | h[23] << 8, 1);   /* mono */
	assert_int_equal(le32(h + 24), (uint32_t)p.rate);
	assert_int_equal(h[34] | h[35] << 8, 16);  /* bits */
	assert_memory_equal(h + 36, "data", 4);
	assert_int_equal(le32(h + 40), p.n * 2);
	assert_int_equal(le32(h + 4), (uint32_t)size - 8);
	assert_int_equal(size, 44 + (long)p.n * 2);
	speech_pcm_free(&p);
}

static void strangers_are_refused(void **state)
{
	speech *sp = *state, *second = NULL;
	speech_pcm p;
	tl_err err;
	assert_int_equal(speech_say(sp, "xx-nowhere", "hello", &p, &err), TL_ENOTFOUND);
	assert_non_null(strstr(err.msg, "no voice 'xx-nowhere'"));
	assert_null(p.samples);
	/* eSpeak NG has one output per process. */
	assert_int_equal(speech_open(&second, &err), TL_ESTATE);
	assert_null(second);
	assert_int_equal(speech_write_wav(&(speech_pcm){ 0 }, "/nonexistent/dir/x.wav", &err),
			 TL_EIO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_language_of_the_table_has_its_voice),
		cmocka_unit_test(a_sentence_is_over_a_second_and_voices_differ),
		cmocka_unit_test(each_language_reads_its_own_words_differently),
		cmocka_unit_test(the_wav_file_is_what_its_header_says),
		cmocka_unit_test(strangers_are_refused),
	};
	return cmocka_run_group_tests_name("speech", tests, open_speech, close_speech);
}
