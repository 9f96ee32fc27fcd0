/* kiosk_audio.c - reading aloud through SDL audio: an utterance from
 * app/speech is queued on a device of its own (16-bit mono at eSpeak NG's
 * rate), replacing whatever was still being read, so that a second press
 * of the speaker starts afresh rather than after the first. */
#include "kiosk_platform.h"

int kiosk_audio_play(SDL_AudioDeviceID *dev, const speech_pcm *p, tl_err *err)
{
	if (!*dev) {
		SDL_AudioSpec want = { .freq = p->rate, .format = AUDIO_S16SYS, .channels = 1,
				       .samples = 2048 };
		if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0 ||
		    !(*dev = SDL_OpenAudioDevice(NULL, 0, &want, NULL, 0)))
			return err_set(err, TL_EIO, "audio: cannot play: %s", SDL_GetError());
		SDL_PauseAudioDevice(*dev, 0);
	}
	SDL_ClearQueuedAudio(*dev);
	if (p->n > (size_t)UINT32_MAX / 2 ||
	    SDL_QueueAudio(*dev, p->samples, (Uint32)(p->n * sizeof *p->samples)) != 0)
		return err_set(err, TL_EIO, "audio: cannot play: %s", SDL_GetError());
	return TL_OK;
}

bool kiosk_audio_playing(SDL_AudioDeviceID dev)
{
	return dev && SDL_GetQueuedAudioSize(dev) > 0;
}
