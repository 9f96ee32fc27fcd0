/* ui_platform.c - ui_platform over SDL: measuring goes to ui_fonts, and
 * the clipboard to SDL's, copied into memory of our own so that the text
 * field frees what it gets the same way whatever the platform. */
#include <stdlib.h>
#include <string.h>
#include "ui_platform.h"

static char *clipboard_get(void *arg)
{
	(void)arg;
	char *got = SDL_GetClipboardText(), *copy = got ? strdup(got) : NULL;
	SDL_free(got);
	return copy;
}

static void clipboard_set(void *arg, const char *utf8)
{
	(void)arg;
	SDL_SetClipboardText(utf8);
}

ui_platform ui_platform_sdl(ui_fonts *fonts)
{
	return (ui_platform){ .measure = ui_fonts_measure, .measure_arg = fonts,
			      .clipboard_get = clipboard_get, .clipboard_set = clipboard_set };
}
