/* kiosk_platform.h - where the kiosk meets SDL: events in, and the ui
 * layer's SDL glue (fonts, clipboard) for main.c and the tests. The
 * screens include kiosk.h only, which knows no SDL. */
#ifndef TELLUS_KIOSK_PLATFORM_H
#define TELLUS_KIOSK_PLATFORM_H

#include <SDL.h>
#include "kiosk.h"
#include "../ui/ui_platform.h"

/* Starts syncing by itself when register_url is set and the file has
 * joined a register (a worker thread; it wakes the loop with an
 * SDL_USEREVENT after each sync); stop joins it. */
int kiosk_autosync_start(kiosk *k, tl_err *err);
void kiosk_autosync_stop(kiosk *k);
/* Reading aloud (kiosk_audio.c): queues an utterance on *dev (opened at
 * the first call, at the utterance's rate; close it with
 * SDL_CloseAudioDevice), dropping what was still playing. */
int kiosk_audio_play(SDL_AudioDeviceID *dev, const speech_pcm *p, tl_err *err);
bool kiosk_audio_playing(SDL_AudioDeviceID dev);

/* Feeds one SDL event (mouse, touch, keys, text, IME) (kiosk_event.c). */
void kiosk_event(kiosk *k, const SDL_Event *e);

#endif
