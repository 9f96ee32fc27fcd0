/* staff.h - staff accounts and their PINs. A PIN is stored only as an
 * Argon2id hash (libsodium crypto_pwhash_str); five wrong PINs in a row
 * lock the account for five minutes; every sign-in attempt, right or
 * wrong, goes into the audit trail. Time comes from the caller (seconds
 * since the epoch), so tests inject the clock. */
#ifndef TELLUS_STAFF_H
#define TELLUS_STAFF_H

#include <stdbool.h>
#include "tellus/store.h"

#define STAFF_NAME_MAX 64
#define STAFF_LOCK_TRIES 5
#define STAFF_LOCK_SECONDS 300
#define STAFF_PIN_MIN 4
#define STAFF_PIN_MAX 12

typedef struct {
	long long id;
	char name[STAFF_NAME_MAX];
	int role;               /* TL_ROLE_* */
	bool active;
	long long locked_until; /* seconds since the epoch; 0 when not locked */
} tl_staff;

/* Is pin 4 to 12 digits? */
bool staff_pin_valid(const char *pin);
/* Adds a member; refuses a name already there (TL_EEXIST) or a bad PIN. */
int staff_add(tl_store *st, const char *name, int role, const char *pin, tl_err *err);
/* Calls fn for each active member, by name; fn returns non-zero to stop. */
typedef int (*staff_visit_fn)(const tl_staff *m, void *arg);
int staff_list(tl_store *st, staff_visit_fn fn, void *arg, tl_err *err);
/* The active member called name (exactly); TL_ENOTFOUND, saying so, when
 * there is none. */
int staff_find(tl_store *st, const char *name, tl_staff *out, tl_err *err);
/* An officer named on a case (SPEC 9, 14): once any staff are recorded,
 * name must be an active member with the officer role; before that, any
 * name is taken (a new register, or one imported from elsewhere). The
 * message starts with the name: the caller puts the field in front. */
int staff_check_officer(tl_store *st, const char *name, tl_err *err);
/* Checks name's PIN at time now. TL_EAUTH for a wrong PIN or a locked
 * account (the message says which, and until when); fills *out on success. */
int staff_sign_in(tl_store *st, const char *name, const char *pin, long long now,
		  tl_staff *out, tl_err *err);

#endif
