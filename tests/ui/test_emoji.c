/* test_emoji.c - the faces of "How do you feel?" (SPEC 13) can be drawn
 * from Noto Color Emoji with the system's SDL2_ttf: its glyphs are colour
 * bitmaps (CBDT) in one strike, 136x128 pixels, whatever size is asked
 * for (SDL_ttf 2.20 picks the nearest strike of a font that does not
 * scale), so the kiosk scales the rendered face itself. If this fails on a
 * new system, the fallback is pictures made from the font and kept under
 * assets/. */
#include <SDL.h>
#include <SDL_ttf.h>
#include "../unit/fixture.h"

#define EMOJI_FONT "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"

/* Happy, fine, unsure, worried, sad, angry. */
static const uint32_t FACES[] = { 0x1F600, 0x1F642, 0x1F610, 0x1F61F, 0x1F622, 0x1F620 };

static int start(void **state)
{
	(void)state;
	return SDL_Init(0) || TTF_Init() ? -1 : 0;
}

static int stop(void **state)
{
	(void)state;
	TTF_Quit();
	SDL_Quit();
	return 0;
}

/* Pixels mostly opaque, and how many of them are coloured (not grey). */
static void count(SDL_Surface *s, int *opaque, int *coloured)
{
	SDL_Surface *t = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32, 0);
	assert_non_null(t);
	*opaque = *coloured = 0;
	for (int y = 0; y < t->h; y++)
		for (int x = 0; x < t->w; x++) {
			const Uint8 *p = (const Uint8 *)t->pixels + y * t->pitch + x * 4;
			if (p[3] < 128)
				continue;
			(*opaque)++;
			if (abs(p[0] - p[1]) > 40 || abs(p[1] - p[2]) > 40)
				(*coloured)++;
		}
	SDL_FreeSurface(t);
}

static SDL_Surface *face(TTF_Font *f, uint32_t c)
{
	char utf8[5] = { (char)(0xF0 | c >> 18), (char)(0x80 | (c >> 12 & 0x3F)),
			 (char)(0x80 | (c >> 6 & 0x3F)), (char)(0x80 | (c & 0x3F)), 0 };
	return TTF_RenderUTF8_Blended(f, utf8, (SDL_Color){ 0, 0, 0, 255 });
}

static void faces_come_out_in_colour_from_the_one_strike(void **state)
{
	int sizes[] = { 109, 24, 300 };
	(void)state;
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		TTF_Font *f = TTF_OpenFont(EMOJI_FONT, sizes[i]);
		if (!f)
			fail_msg("%s at %d: %s", EMOJI_FONT, sizes[i], TTF_GetError());
		for (size_t j = 0; j < sizeof FACES / sizeof FACES[0]; j++) {
			assert_true(TTF_GlyphIsProvided32(f, FACES[j]));
			SDL_Surface *s = face(f, FACES[j]);
			int opaque, coloured;
			assert_non_null(s);
			/* The strike's size, whatever was asked for. */
			assert_int_equal(s->h, 128);
			assert_true(s->w >= 128 && s->w <= 140);
			count(s, &opaque, &coloured);
			if (opaque < 5000 || coloured < opaque / 2)
				fail_msg("U+%X at %d: %d opaque, %d coloured", (unsigned)FACES[j],
					 sizes[i], opaque, coloured);
			SDL_FreeSurface(s);
		}
		TTF_CloseFont(f);
	}
}

/* Scaled down to a 12 mm tile at 96 dpi (45 px), a face keeps its colour. */
static void a_face_scaled_to_a_tile_keeps_its_colour(void **state)
{
	(void)state;
	TTF_Font *f = TTF_OpenFont(EMOJI_FONT, 109);
	assert_non_null(f);
	SDL_Surface *s = face(f, FACES[0]);
	SDL_Surface *small = SDL_CreateRGBSurfaceWithFormat(0, 45, 45, 32, SDL_PIXELFORMAT_RGBA32);
	assert_non_null(s);
	assert_non_null(small);
	SDL_SetSurfaceBlendMode(s, SDL_BLENDMODE_NONE);
	assert_int_equal(SDL_BlitScaled(s, NULL, small, NULL), 0);
	int opaque, coloured;
	count(small, &opaque, &coloured);
	assert_true(opaque > 45 * 45 / 2);
	assert_true(coloured > opaque / 2);
	SDL_FreeSurface(small);
	SDL_FreeSurface(s);
	TTF_CloseFont(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(faces_come_out_in_colour_from_the_one_strike),
		cmocka_unit_test(a_face_scaled_to_a_tile_keeps_its_colour),
	};
	return cmocka_run_group_tests_name("emoji", tests, start, stop);
}
