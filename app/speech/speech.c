/* speech.c - eSpeak NG synthesising into memory: the synchronous output
 * mode hands each block of samples to a callback, which appends it to the
 * utterance being built; nothing is played here. */
#include <espeak-ng/espeak_ng.h>
#include <stdlib.h>
#include <string.h>
#include "speech.h"

/* Words a minute: eSpeak's 175 is quick for a child or a new reader. */
#define SPEECH_RATE_WPM 145

struct speech {
	int rate;
};

/* eSpeak NG has one output per process. */
static bool opened;

typedef struct {
	speech_pcm *pcm;
	size_t cap;
	bool failed;
} utterance;

static int on_samples(short *wav, int n, espeak_EVENT *events)
{
	utterance *u = events ? events->user_data : NULL;
	if (!u || !wav || n <= 0)
		return 0;
	speech_pcm *p = u->pcm;
	if (p->n + (size_t)n > u->cap) {
		size_t cap = u->cap ? u->cap * 2 : 65536;
		while (cap < p->n + (size_t)n)
			cap *= 2;
		int16_t *grown = realloc(p->samples, cap * sizeof *grown);
		if (!grown) {
			u->failed = true;
			return 1; /* stops the synthesis */
		}
		p->samples = grown;
		u->cap = cap;
	}
	memcpy(p->samples + p->n, wav, (size_t)n * sizeof *wav);
	p->n += (size_t)n;
	return 0;
}

static int espeak_fail(espeak_ng_STATUS s, const char *what, tl_err *err)
{
	char msg[200];
	espeak_ng_GetStatusCodeMessage(s, msg, sizeof msg);
	return err_set(err, TL_EIO, "speech: %s: %s", what, msg);
}

int speech_open(speech **out, tl_err *err)
{
	espeak_ng_STATUS s;
	*out = NULL;
	if (opened)
		return err_set(err, TL_ESTATE, "speech: eSpeak NG is already open in this program");
	espeak_ng_InitializePath(getenv("ESPEAK_DATA_PATH"));
	if ((s = espeak_ng_Initialize(NULL)) != ENS_OK)
		return espeak_fail(s, "cannot start eSpeak NG (is espeak-ng-data installed?)", err);
	if ((s = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL)) != ENS_OK) {
		espeak_ng_Terminate();
		return espeak_fail(s, "no output", err);
	}
	speech *sp = calloc(1, sizeof *sp);
	if (!sp) {
		espeak_ng_Terminate();
		return err_set(err, TL_ENOMEM, "speech: out of memory");
	}
	espeak_SetSynthCallback(on_samples);
	espeak_SetParameter(espeakRATE, SPEECH_RATE_WPM, 0);
	sp->rate = espeak_ng_GetSampleRate();
	opened = true;
	*out = sp;
	return TL_OK;
}

void speech_close(speech *sp)
{
	if (!sp)
		return;
	espeak_ng_Terminate();
	opened = false;
	free(sp);
}

bool speech_has_voice(speech *sp, const char *voice)
{
	return sp && voice && espeak_ng_SetVoiceByName(voice) == ENS_OK;
}

int speech_say(speech *sp, const char *voice, const char *utf8, speech_pcm *out, tl_err *err)
{
	espeak_ng_STATUS s;
	utterance u = { .pcm = out };
	memset(out, 0, sizeof *out);
	out->rate = sp->rate;
	if (!voice || (s = espeak_ng_SetVoiceByName(voice)) != ENS_OK)
		return err_set(err, TL_ENOTFOUND, "speech: eSpeak NG has no voice '%.20s'",
			       voice ? voice : "");
	/* The rate goes back to the voice's own with each new voice. */
	espeak_SetParameter(espeakRATE, SPEECH_RATE_WPM, 0);
	s = espeak_ng_Synthesize(utf8, strlen(utf8) + 1, 0, POS_CHARACTER, 0,
				 espeakCHARS_UTF8 | espeakENDPAUSE, NULL, &u);
	if (s == ENS_OK)
		s = espeak_ng_Synchronize();
	if (u.failed || s != ENS_OK) {
		speech_pcm_free(out);
		return u.failed ? err_set(err, TL_ENOMEM, "speech: out of memory")
			: espeak_fail(s, "cannot speak", err);
	}
	return TL_OK;
}

void speech_pcm_free(speech_pcm *p)
{
	free(p->samples);
	p->samples = NULL;
	p->n = 0;
}
