/* letter_private.h - private: what the letter_*.c files share: the fields
 * a template can name, and the template language that fills them. */
#ifndef TELLUS_LETTER_PRIVATE_H
#define TELLUS_LETTER_PRIVATE_H

#include <stdio.h>
#include "tellus/case.h"
#include "tellus/letter.h"

#define LETTER_MAX_FIELDS 48
#define LETTER_VALUE_MAX 1024

typedef struct {
	const char *name;
	char value[LETTER_VALUE_MAX];
} letter_value;

typedef struct {
	letter_value f[LETTER_MAX_FIELDS];
	size_t n;
} letter_fields;

/* Every field of letter l about case c (letter_fields.c); refused when the
 * case is not where the letter says it is. *stage is the stage it is
 * about. */
int letter_fields_fill(tl_store *st, tl_case *c, const tl_letter *l, letter_fields *out,
		       tl_err *err);
/* The value of a field, or NULL when there is no such field. */
const char *letter_field(const letter_fields *fs, const char *name);

/* Fills the template src (named file in messages) from fs into out: the
 * language of letter_template.c. An unknown field, an {{if}} without its
 * {{end}} or a tag left open is refused naming file and line. */
int letter_template_fill(const char *src, const char *file, const letter_fields *fs, FILE *out,
			 tl_err *err);

#endif
