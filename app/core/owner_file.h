/* owner_file.h - private to the core: writing a whole file that only its
 * owner can read (letters, subject access), since each holds a person's
 * name and words. */
#ifndef TELLUS_OWNER_FILE_H
#define TELLUS_OWNER_FILE_H

#include <stddef.h>
#include "tellus/err.h"

/* Creates or truncates path with mode 0600 (an existing file's mode is
 * tightened too), writes n bytes of data and syncs; a file half-written
 * is removed. */
int owner_file_write(const char *path, const char *data, size_t n, tl_err *err);

#endif
