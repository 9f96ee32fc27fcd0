/* speech.h - reading aloud offline (SPEC 13) with eSpeak NG: words in a
 * language's voice become 16-bit mono samples in memory, which the kiosk
 * plays through SDL audio and `tellus-kiosk --say` writes as WAV. No SDL
 * and no screen here: a test can hear a screen without a window.
 * eSpeak NG keeps its voice and output per process, so one speech is open
 * at a time (speech_open refuses a second) and calls are not to be made
 * from two threads. */
#ifndef TELLUS_SPEECH_H
#define TELLUS_SPEECH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "tellus/err.h"

typedef struct speech speech;

/* Samples of one utterance; speech_pcm_free releases them. */
typedef struct {
	int16_t *samples;
	size_t n;
	int rate;            /* samples a second */
} speech_pcm;

/* Starts eSpeak NG with its installed voices ($ESPEAK_DATA_PATH, else
 * espeak-ng-data where Debian puts it). Free with speech_close. */
int speech_open(speech **out, tl_err *err);
void speech_close(speech *sp);
/* Does eSpeak NG have this voice? */
bool speech_has_voice(speech *sp, const char *voice);
/* Speaks utf8 in voice into *out (whose samples the caller frees with
 * speech_pcm_free), at a pace for children. */
int speech_say(speech *sp, const char *voice, const char *utf8, speech_pcm *out, tl_err *err);
void speech_pcm_free(speech_pcm *p);
/* Writes samples as a RIFF WAV file (PCM, 16 bits, mono). */
int speech_write_wav(const speech_pcm *p, const char *path, tl_err *err);

#endif
