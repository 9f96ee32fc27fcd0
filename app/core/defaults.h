/* defaults.h - private: the tables of defaults.c for the core's own use. */
#ifndef TELLUS_DEFAULTS_H
#define TELLUS_DEFAULTS_H

typedef struct {
	const char *key;
	const char *value;
} tl_default_pair;

/* Both end with a { NULL, NULL } entry. */
extern const tl_default_pair DEFAULT_CAUSES[];
extern const tl_default_pair DEFAULT_SETTINGS[];

#endif
