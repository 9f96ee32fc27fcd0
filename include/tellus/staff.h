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
/* Checks name's PIN at time now. TL_EAUTH for a wrong PIN or a locked
 * account (the message says which, and until when); fills *out on success. */
int staff_sign_in(tl_store *st, const char *name, const char *pin, long long now,
		  tl_staff *out, tl_err *err);

#endif
