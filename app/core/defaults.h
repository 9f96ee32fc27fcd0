/* defaults.h - private: the tables of defaults.c for the core's own use. */
#ifndef TELLUS_DEFAULTS_H
#define TELLUS_DEFAULTS_H

typedef struct {
	const char *key;
	const char *value;
} tl_default_pair;

/* A service area of the starting list: its name in the register, and the
 * kiosk's plain words and detail line for it. */
typedef struct {
	const char *name, *plain, *detail;
} tl_default_service;

/* Each ends with an entry of NULLs. */
extern const tl_default_service DEFAULT_SERVICES[];
extern const tl_default_pair DEFAULT_CAUSES[];
extern const tl_default_pair DEFAULT_SETTINGS[];

#endif
