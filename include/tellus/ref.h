/* ref.h - case references that are safe to read aloud.
 * A reference is DEVICE-YY-SEQ-C (K2-26-0417-7): device code, year of
 * receipt, sequence, and a check character that catches every single
 * wrong character and every swap of two neighbours. The alphabet has no
 * I, L, O or U; typed o, i and l are read as 0, 1 and 1. */
#ifndef TELLUS_REF_H
#define TELLUS_REF_H

#include <stdbool.h>
#include <stddef.h>
#include "tellus/err.h"

#define REF_MAX 40
#define REF_DEVICE_MAX 4

/* The 31 symbols of the check alphabet. */
extern const char REF_ALPHABET[];

/* Is code a usable device code (1 to 4 symbols of the alphabet)? */
bool ref_device_valid(const char *code);
/* Builds DEVICE-YY-SEQ-C; seq has at least four digits. */
int ref_make(const char *device, int year, long seq, char out[REF_MAX], tl_err *err);
/* The check character for the symbols of s (hyphens skipped), or 0 when s
 * holds a character outside the alphabet. */
char ref_check_char(const char *s);
/* Does s have the shape of a Tellus reference (four hyphenated parts)? */
bool ref_is_tellus_shape(const char *s);
/* A reference from an older system, kept as it is (SPEC 7): printable
 * ASCII, at most REF_LEGACY_MAX characters, no spaces, so that none can
 * pass for another by characters that look alike or hide. */
#define REF_LEGACY_MAX 32
int ref_legacy_check(const char *s, tl_err *err);
/* Reads what a person typed: trims, upper-cases, maps look-alikes, and
 * checks the check character. Writes the canonical form to out. */
int ref_normalise(const char *typed, char out[REF_MAX], tl_err *err);
/* What a person may have meant when they left the hyphens out
 * ("ek260001n"): every split into DEVICE-YY-SEQ-C with the right check
 * character, canonical, into out. Returns how many (at most max); 0 when
 * typed has a hyphen or fits no split. */
int ref_unhyphenated(const char *typed, char out[][REF_MAX], int max);

#endif
