/* kiosk_platform.h - where the kiosk meets SDL: events in, and the ui
 * layer's SDL glue (fonts, clipboard) for main.c and the tests. The
 * screens include kiosk.h only, which knows no SDL. */
#ifndef TELLUS_KIOSK_PLATFORM_H
#define TELLUS_KIOSK_PLATFORM_H

#include <SDL.h>
#include "kiosk.h"
#include "../ui/ui_platform.h"

/* Feeds one SDL event (mouse, touch, keys, text, IME) (kiosk_event.c). */
void kiosk_event(kiosk *k, const SDL_Event *e);

#endif
