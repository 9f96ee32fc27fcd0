/* ui_render.c - draws a frame's command list with an SDL_Renderer:
 * rounded rectangles as spans, QR modules as squares, and text from a
 * cache of textures, one per glyph run and colour, kept while used. Also
 * reads the frame back into a PNG (libpng) for screenshots. */
#include <math.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ui_render.h"

#define TEX_SLOTS 1024

typedef struct {
	uint64_t key;
	SDL_Texture *tex;
	int w, h;
	unsigned frame;
} tex_entry;

struct ui_renderer {
	SDL_Renderer *r;
	ui_fonts *fonts;
	tex_entry tex[TEX_SLOTS];
	int n_tex;
	unsigned frame;
};

int ui_renderer_new(SDL_Renderer *r, ui_fonts *fonts, ui_renderer **out, tl_err *err)
{
	*out = calloc(1, sizeof **out);
	if (!*out)
		return err_set(err, TL_ENOMEM, "renderer: out of memory");
	(*out)->r = r;
	(*out)->fonts = fonts;
	return TL_OK;
}

void ui_renderer_free(ui_renderer *ur)
{
	if (!ur)
		return;
	for (int i = 0; i < TEX_SLOTS; i++)
		if (ur->tex[i].tex)
			SDL_DestroyTexture(ur->tex[i].tex);
	free(ur);
}

static void color(SDL_Renderer *r, ui_color c)
{
	SDL_SetRenderDrawBlendMode(r, c.a < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
	SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

/* How far in from the side a row i of a corner of radius rad starts. */
static int corner_dx(int rad, int i, int h)
{
	int from_edge = i < h - 1 - i ? i : h - 1 - i;
	if (rad <= 0 || from_edge >= rad)
		return 0;
	float dy = (float)rad - (float)from_edge - 0.5f;
	return rad - (int)(sqrtf((float)(rad * rad) - dy * dy) + 0.5f);
}

static void fill_round(SDL_Renderer *r, ui_rect a, int rad)
{
	if (rad * 2 > a.h)
		rad = a.h / 2;
	if (rad * 2 > a.w)
		rad = a.w / 2;
	SDL_Rect mid = { a.x, a.y + rad, a.w, a.h - 2 * rad };
	SDL_RenderFillRect(r, &mid);
	for (int i = 0; i < rad; i++) {
		int dx = corner_dx(rad, i, a.h);
		SDL_Rect top = { a.x + dx, a.y + i, a.w - 2 * dx, 1 };
		SDL_Rect bot = { a.x + dx, a.y + a.h - 1 - i, a.w - 2 * dx, 1 };
		SDL_RenderFillRect(r, &top);
		SDL_RenderFillRect(r, &bot);
	}
}

static void outline_round(SDL_Renderer *r, ui_rect a, int rad, int t)
{
	if (rad * 2 > a.h)
		rad = a.h / 2;
	if (rad * 2 > a.w)
		rad = a.w / 2;
	int band = rad > t ? rad : t, ri = rad - t > 0 ? rad - t : 0;
	for (int i = 0; i < a.h; i++) {
		if (i >= band && i < a.h - band)
			continue;
		int dxo = corner_dx(rad, i, a.h);
		SDL_Rect row = { a.x + dxo, a.y + i, a.w - 2 * dxo, 1 };
		if (i < t || i >= a.h - t) {
			SDL_RenderFillRect(r, &row);
			continue;
		}
		int di = t + corner_dx(ri, i - t, a.h - 2 * t);
		SDL_Rect left = { a.x + dxo, a.y + i, di - dxo, 1 };
		SDL_Rect right = { a.x + a.w - di, a.y + i, di - dxo, 1 };
		SDL_RenderFillRect(r, &left);
		SDL_RenderFillRect(r, &right);
	}
	SDL_Rect l = { a.x, a.y + band, t, a.h - 2 * band };
	SDL_Rect rr = { a.x + a.w - t, a.y + band, t, a.h - 2 * band };
	SDL_RenderFillRect(r, &l);
	SDL_RenderFillRect(r, &rr);
}

static uint64_t tex_key(const ui_cmd *c)
{
	uint64_t h = 1469598103934665603ull;
	if (c->type == UI_CMD_PIC)
		return ((uint64_t)c->pic << 8 | 0x50) | 1;
	h = (h ^ (uint64_t)(c->font_px * 2 + c->bold)) * 1099511628211ull;
	h = (h ^ ((uint64_t)c->color.r << 24 | c->color.g << 16 | c->color.b << 8 | c->color.a)) *
		1099511628211ull;
	for (int i = 0; i < c->len; i++)
		h = (h ^ (unsigned char)c->text[i]) * 1099511628211ull;
	return h | 1;
}

/* Open addressing; a full table is emptied of what this frame did not use. */
static tex_entry *tex_find(ui_renderer *ur, const ui_cmd *c)
{
	uint64_t key = tex_key(c);
	for (int k = 0; k < TEX_SLOTS; k++) {
		tex_entry *e = &ur->tex[(key + (uint64_t)k) % TEX_SLOTS];
		if (e->key == key)
			return e;
		if (!e->tex) {
			if (ur->n_tex >= TEX_SLOTS * 3 / 4)
				return NULL;
			SDL_Color col = { c->color.r, c->color.g, c->color.b, c->color.a };
			SDL_Surface *s = c->type == UI_CMD_PIC ? ui_fonts_pic(ur->fonts, c->pic) :
				ui_fonts_render(ur->fonts, c->font_px, c->bold, c->text, c->len, col);
			if (!s)
				return NULL;
			e->tex = SDL_CreateTextureFromSurface(ur->r, s);
			e->w = s->w;
			e->h = s->h;
			SDL_FreeSurface(s);
			if (!e->tex)
				return NULL;
			SDL_SetTextureBlendMode(e->tex, SDL_BLENDMODE_BLEND);
			e->key = key;
			ur->n_tex++;
			return e;
		}
	}
	return NULL;
}

static void tex_sweep(ui_renderer *ur)
{
	if (ur->n_tex < TEX_SLOTS / 2)
		return;
	for (int i = 0; i < TEX_SLOTS; i++) {
		if (ur->tex[i].tex && ur->tex[i].frame != ur->frame) {
			SDL_DestroyTexture(ur->tex[i].tex);
			ur->n_tex--;
		}
	}
	/* Rebuild the table so that probe chains stay whole. */
	tex_entry keep[TEX_SLOTS];
	memcpy(keep, ur->tex, sizeof keep);
	memset(ur->tex, 0, sizeof ur->tex);
	for (int i = 0; i < TEX_SLOTS; i++) {
		if (!keep[i].tex || keep[i].frame != ur->frame)
			continue;
		for (int k = 0; k < TEX_SLOTS; k++) {
			tex_entry *e = &ur->tex[(keep[i].key + (uint64_t)k) % TEX_SLOTS];
			if (!e->tex) {
				*e = keep[i];
				break;
			}
		}
	}
}

static void draw_qr(SDL_Renderer *r, const ui_cmd *c)
{
	int n = c->qr_size, quiet = 4;
	int m = c->rect.w / (n + 2 * quiet);
	if (m < 1)
		m = 1;
	int off = (c->rect.w - m * n) / 2;
	color(r, (ui_color){ 255, 255, 255, 255 });
	SDL_Rect bg = { c->rect.x, c->rect.y, c->rect.w, c->rect.h };
	SDL_RenderFillRect(r, &bg);
	color(r, c->color);
	for (int y = 0; y < n; y++)
		for (int x = 0; x < n; x++)
			if (c->text[y * n + x]) {
				SDL_Rect px = { c->rect.x + off + x * m, c->rect.y + off + y * m, m, m };
				SDL_RenderFillRect(r, &px);
			}
}

static void draw_cmd(ui_renderer *ur, const ui_cmd *c)
{
	SDL_Renderer *r = ur->r;
	if (c->type == UI_CMD_CLIP) {
		SDL_Rect cl = { c->rect.x, c->rect.y, c->rect.w, c->rect.h };
		SDL_RenderSetClipRect(r, &cl);
	} else if (c->type == UI_CMD_RECT) {
		color(r, c->color);
		if (c->border > 0)
			outline_round(r, c->rect, c->radius, c->border);
		else
			fill_round(r, c->rect, c->radius);
	} else if (c->type == UI_CMD_TEXT) {
		tex_entry *e = tex_find(ur, c);
		if (e) {
			e->frame = ur->frame;
			SDL_Rect to = { c->rect.x, c->rect.y, e->w, e->h };
			SDL_RenderCopy(r, e->tex, NULL, &to);
		}
	} else if (c->type == UI_CMD_QR) {
		draw_qr(r, c);
	} else if (c->type == UI_CMD_PIC) {
		tex_entry *e = tex_find(ur, c);
		if (e && e->w > 0 && e->h > 0) {
			/* Scaled to fit, centred: the strike is one size only. */
			e->frame = ur->frame;
			int w = c->rect.w, h = e->h * c->rect.w / e->w;
			if (h > c->rect.h) {
				h = c->rect.h;
				w = e->w * c->rect.h / e->h;
			}
			SDL_Rect to = { c->rect.x + (c->rect.w - w) / 2, c->rect.y + (c->rect.h - h) / 2,
					w, h };
			SDL_SetTextureScaleMode(e->tex, SDL_ScaleModeLinear);
			SDL_RenderCopy(r, e->tex, NULL, &to);
		}
	}
}

void ui_render(ui_renderer *ur, const ui_ctx *ctx)
{
	ur->frame++;
	SDL_RenderSetClipRect(ur->r, NULL);
	for (int i = 0; i < ctx->out.n_cmds; i++)
		draw_cmd(ur, &ctx->out.cmds[i]);
	SDL_RenderSetClipRect(ur->r, NULL);
	tex_sweep(ur);
}

/* libpng reports errors by longjmp: kept apart so that no caller's
 * variable lives across the setjmp. */
static int write_png(FILE *fp, const uint8_t *px, int w, int h)
{
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	if (!info) {
		png_destroy_write_struct(&png, NULL);
		return -1;
	}
	if (setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		return -1;
	}
	png_init_io(png, fp);
	png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGBA,
		     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	for (int y = 0; y < h; y++)
		png_write_row(png, px + (size_t)y * (size_t)w * 4);
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	return 0;
}

int ui_render_png(SDL_Renderer *r, int w, int h, const char *path, tl_err *err)
{
	int rc = TL_OK;
	FILE *fp = NULL;
	uint8_t *px = malloc((size_t)w * (size_t)h * 4);
	if (!px)
		return err_set(err, TL_ENOMEM, "%s: out of memory", path);
	if (SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_RGBA32, px, w * 4) != 0) {
		rc = err_set(err, TL_EIO, "%s: cannot read the frame: %s", path, SDL_GetError());
		goto cleanup;
	}
	if (!(fp = fopen(path, "wb"))) {
		rc = err_set(err, TL_EIO, "%s: cannot create the file", path);
		goto cleanup;
	}
	if (write_png(fp, px, w, h) != 0)
		rc = err_set(err, TL_EIO, "%s: cannot write the PNG", path);
cleanup:
	if (fp && fclose(fp) != 0 && rc == TL_OK)
		rc = err_set(err, TL_EIO, "%s: cannot write the file", path);
	free(px);
	return rc;
}
