/* speech_wav.c - an utterance as a WAV file: the 44-byte RIFF header of
 * PCM (format 1), one channel of 16-bit little-endian samples. */
#include <stdio.h>
#include <string.h>
#include "speech.h"

static void put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v & 0xFF);
	p[1] = (unsigned char)(v >> 8 & 0xFF);
}

static void put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xFFFF);
	put16(p + 2, v >> 16);
}

int speech_write_wav(const speech_pcm *p, const char *path, tl_err *err)
{
	unsigned char h[44];
	if (p->n > (UINT32_MAX - 36) / 2)
		return err_set(err, TL_EINVAL, "%s: too long for a WAV file", path);
	uint32_t bytes = (uint32_t)p->n * 2;
	memcpy(h, "RIFF", 4);
	put32(h + 4, 36 + bytes);
	memcpy(h + 8, "WAVEfmt ", 8);
	put32(h + 16, 16);
	put16(h + 20, 1);                      /* PCM */
	put16(h + 22, 1);                      /* mono */
	put32(h + 24, (uint32_t)p->rate);
	put32(h + 28, (uint32_t)p->rate * 2);  /* bytes a second */
	put16(h + 32, 2);                      /* bytes a frame */
	put16(h + 34, 16);                     /* bits a sample */
	memcpy(h + 36, "data", 4);
	put32(h + 40, bytes);

	FILE *f = fopen(path, "wb");
	if (!f)
		return err_set(err, TL_EIO, "%s: cannot write", path);
	bool ok = fwrite(h, 1, sizeof h, f) == sizeof h;
	for (size_t i = 0; ok && i < p->n; i++) {
		unsigned char s[2];
		put16(s, (uint16_t)p->samples[i]);
		ok = fwrite(s, 1, 2, f) == 2;
	}
	if (fclose(f) != 0 || !ok)
		return err_set(err, TL_EIO, "%s: cannot write", path);
	return TL_OK;
}
