/* receipt_private.h - private: what the receipt writers share (the
 * bitmap font of the PNG and the file helpers). Not for use outside
 * app/core/receipt*.c. */
#ifndef TELLUS_RECEIPT_PRIVATE_H
#define TELLUS_RECEIPT_PRIVATE_H

#include <stdbool.h>

#define FONT_W 5
#define FONT_H 7

/* A glyph of the 5x7 font as seven rows, bit 4 the leftmost pixel. It
 * covers what a reference and a tracking code are made of (digits, A-Z,
 * hyphen, space); false for anything else. */
bool receipt_font_glyph(char ch, unsigned char rows[FONT_H]);

#endif
