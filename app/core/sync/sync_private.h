/* sync_private.h - private to app/core/sync: what its files share. The
 * envelope of sync.h's format (sync_envelope.c), moves and cases as JSON
 * lines (sync_move.c, sync_case.c), the table of moves the register can
 * replay (sync_replay.c), and small helpers on the sync tables. */
#ifndef TELLUS_SYNC_PRIVATE_H
#define TELLUS_SYNC_PRIVATE_H

#include <stdint.h>
#include <jansson.h>
#include <sodium.h>
#include "tellus/sync.h"
#include "tellus/case.h"
#include "store/store_db.h"
#include "sync_record.h"

#define SYNC_ID_LEN 16
#define SYNC_KIND_BUNDLE 1
#define SYNC_KIND_REPLY 2

/* The clear header of a bundle or reply (sync.h, byte by byte). */
typedef struct {
	int version, kind;
	unsigned char register_id[SYNC_ID_LEN];
	uint32_t key_id;
	char code[SYNC_CODE_MAX];
	uint32_t epoch;
	unsigned char install_id[SYNC_ID_LEN];
	uint64_t first, last, serial;
	tl_date day;
	uint32_t payload_len;
} sync_header;

/* Reads and checks the header of b (magic, version, kind as expected,
 * reserved bytes, exact length); what names the file's kind in messages. */
int sync_env_header(const unsigned char *b, size_t n, int kind, sync_header *h, tl_err *err);
/* Seals payload to box_pk, signs with sign_sk: a whole file into out. */
int sync_env_make(const sync_header *h, const char *payload, size_t plen,
		  const unsigned char *box_pk, const unsigned char *sign_sk, tl_sync_blob *out,
		  tl_err *err);
/* Checks the signature of b by sign_pk. */
int sync_env_verify(const unsigned char *b, const sync_header *h, const unsigned char *sign_pk,
		    const char *who, tl_err *err);
/* Opens the sealed payload with the recipient's key pair; *payload is
 * malloc'd and NUL-terminated (the caller frees it). */
int sync_env_open(const unsigned char *b, const sync_header *h, const unsigned char *box_pk,
		  const unsigned char *box_sk, char **payload, size_t *plen, tl_err *err);

/* Moves as JSON lines (sync_move.c). encode: *line is malloc'd. decode:
 * line is n bytes; m's strings live until sync_move_clear. */
int sync_move_encode(const sync_move *m, long long seq, tl_date day, const char *actor,
		     char **line, tl_err *err);
int sync_move_decode(const char *line, size_t n, sync_move *m, tl_err *err);
void sync_move_clear(sync_move *m);
/* One line for a person: "respond K2-26-0001-7 stage 1 2026-01-19 partly_upheld". */
void sync_move_describe(const sync_move *m, char *out, size_t cap);

/* Cases as JSON (sync_case.c). personal: with the person's words, names
 * and contact (an officer's device, a log move); without for a kiosk. */
json_t *sync_case_json(const tl_case *c, bool personal);
int sync_case_read(json_t *j, tl_case *c, tl_err *err);

/* The register's lists on a reply's first line (sync_lists.c): put adds
 * them to head; take makes the device's lists those of head, where head
 * has them; *changed counts the lists that changed. */
int sync_lists_put(tl_store *st, json_t *head, tl_err *err);
int sync_lists_take(tl_store *st, json_t *head, int *changed, tl_err *err);

/* The table of moves (sync_replay.c). */
typedef int (*sync_replay_fn)(tl_store *st, const sync_move *m, tl_err *err);
typedef struct {
	const char *name;
	sync_replay_fn replay;
	const tl_wordset *words;   /* what a case_apply move's value is a word of */
} sync_move_def;
const sync_move_def *sync_move_find(const char *name);
/* Replays m at the register: today its day, its maker the actor, the
 * lifecycle told it replays; restores them after. */
int sync_replay(tl_store *st, const sync_move *m, tl_err *err);

/* Replays m and notes which device logged a case it makes (sync_in.c). */
int sync_apply_move(tl_store *st, const char *code, const sync_move *m, tl_err *err);
/* Keeps a move the register did not apply (sync_conflicts.c); m may be
 * NULL for a line that could not be read. A move kept already stays. */
int sync_conflict_add(tl_store *st, const char *code, int epoch, long long seq,
		      const sync_move *m, const char *line, size_t n, const char *reason,
		      tl_err *err);

/* A line of JSON Lines: the next line of text from *pos (without its
 * "\n"); false at the end. */
bool sync_next_line(const char *text, size_t len, size_t *pos, const char **line, size_t *n);

/* The time now in UTC, 2026-01-05T10:04:00Z. */
void sync_now(char out[32]);
/* tl_date to and from YYYYMMDD. */
uint32_t sync_day_number(tl_date d);
tl_date sync_day_from_number(uint32_t n);
/* Is the file joined to a register? Fills the device's row when asked. */
typedef struct {
	char code[SYNC_CODE_MAX];
	char name[SYNC_NAME_MAX];
	int role, epoch;
	unsigned char register_id[SYNC_ID_LEN];
	uint32_t key_id;
	unsigned char register_box_pk[crypto_box_PUBLICKEYBYTES];
	unsigned char register_sign_pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char sign_sk[crypto_sign_SECRETKEYBYTES];
	unsigned char box_pk[crypto_box_PUBLICKEYBYTES];
	unsigned char box_sk[crypto_box_SECRETKEYBYTES];
	unsigned char install_id[SYNC_ID_LEN];
	long long acked, replies, reply_serial;
} sync_self;
/* TL_ENOTFOUND (with a message) when the file has not joined. */
int sync_self_get(tl_store *st, sync_self *out, tl_err *err);
void sync_self_wipe(sync_self *s);
/* The public view of a device's row (its time: now). */
void sync_self_device(const sync_self *d, tl_device *out);
/* Copies a blob column of exactly n bytes; false when it is not that. */
bool sync_col_blob(sqlite3_stmt *q, int col, void *out, size_t n);

/* The pair file (sync_pair.c): the device's row as the register made it,
 * and the reference numbers its code goes on from, a year each. */
#define SYNC_PAIR_SEQS 64
typedef struct {
	int year;
	long next;
} sync_pair_seq;
int sync_pair_write(const sync_self *d, const sync_pair_seq *seqs, size_t n_seqs,
		    tl_sync_blob *out, tl_err *err);
int sync_pair_read(const unsigned char *b, size_t n, sync_self *d, sync_pair_seq *seqs,
		   size_t *n_seqs, tl_err *err);

/* The kiosk forgets (sync_forget.c): every case with no move waiting
 * loses its person's words; *n counts them. */
int sync_forget(tl_store *st, long *n, tl_err *err);
/* Outside any transaction: every WAL frame into the file, the WAL
 * truncated to nothing; *done false when a reader kept it (busy). */
int sync_wal_truncate(tl_store *st, bool *done);

/* The register's key pair by id (sync_keys.c); 0: the newest. */
typedef struct {
	uint32_t key_id;
	unsigned char register_id[SYNC_ID_LEN];
	unsigned char box_pk[crypto_box_PUBLICKEYBYTES];
	unsigned char box_sk[crypto_box_SECRETKEYBYTES];
	unsigned char sign_pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char sign_sk[crypto_sign_SECRETKEYBYTES];
} sync_keys;
/* TL_ENOTFOUND when the register has none (it enrolled no device). */
int sync_keys_get(tl_store *st, uint32_t key_id, sync_keys *out, tl_err *err);
/* The newest keys, made first when there are none. */
int sync_keys_ensure(tl_store *st, sync_keys *out, tl_err *err);
void sync_keys_wipe(sync_keys *k);

/* The register's reply for a device (sync_reply_make.c). */
typedef struct {
	char code[SYNC_CODE_MAX];
	int epoch, role;
	char name[SYNC_NAME_MAX];
	unsigned char install_id[SYNC_ID_LEN];
	unsigned char box_pk[crypto_box_PUBLICKEYBYTES];
	uint32_t key_id;
	long long mark;
} sync_peer;
int sync_reply_make(tl_store *st, const sync_peer *p, tl_sync_blob *out, tl_err *err);

#endif
