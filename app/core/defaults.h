/* defaults.h - private: the tables of defaults.c for the core's own use. */
#ifndef TELLUS_DEFAULTS_H
#define TELLUS_DEFAULTS_H

typedef struct {
	const char *key;
	const char *value;
} defaults_pair;

/* Both end with a { NULL, NULL } entry. */
extern const defaults_pair DEFAULT_CAUSES[];
extern const defaults_pair DEFAULT_SETTINGS[];

#endif
