/* sync.h - devices and the register (SPEC 11): enrolment, the log of
 * moves a device makes, bundles that carry them to the register, replies
 * that carry acknowledgements and status back, conflicts, and a kiosk
 * that forgets a person's words once the register has them. No transport
 * here: bundles and replies are bytes in memory; files (tellus sync) and
 * HTTP (tellus serve, next) are how they travel, at the edges.
 *
 * THE BUNDLE FORMAT, version 1
 *
 * Bundles (device to register) and replies (register to device) share one
 * envelope. Integers are unsigned and big-endian. A file is exactly
 *
 *     header (96 bytes, in clear) | sealed payload (P bytes) | signature (64 bytes)
 *
 *   offset size  header field
 *      0     8   magic: 89 54 45 4C 4C 55 53 0A ("\x89TELLUS\n": the high
 *                byte and the newline catch 7-bit and line-ending damage)
 *      8     2   format version: 1. A reader refuses a newer one whole.
 *     10     1   kind: 1 bundle, 2 reply
 *     11     1   reserved, 0
 *     12    16   register id (random, made with the register's first key)
 *     28     4   register key id: the key pair the bundle is sealed to, or
 *                the reply signed with (a register keeps its old keys)
 *     32     4   device code, 1 to 4 ASCII symbols, NUL-padded
 *     36     4   enrolment epoch of the device (1, then 2 on re-enrolment)
 *     40    16   install id: chosen at random by `device join`; the first
 *                bundle binds it, so a pair file serves one install only
 *     56     8   bundle: first move carried (acknowledged mark + 1);
 *                reply: 0
 *     64     8   bundle: last move carried (first - 1 when it carries none);
 *                reply: the mark, the device's highest move the register
 *                has (applied, or kept in conflicts)
 *     72     8   bundle: 0; reply: its number, the register's clock in
 *                microseconds since 1970, so that a device takes no reply
 *                older than one it has (and making one writes nothing)
 *     80     4   the writer's day, as the number YYYYMMDD
 *     84     4   P, the length of the sealed payload
 *     88     8   reserved, 0
 *
 *   The sealed payload is crypto_box_seal (libsodium: X25519, a fresh
 *   ephemeral key per file, XSalsa20-Poly1305) of the payload to the
 *   recipient's public key: the register's for a bundle, the device's for a
 *   reply. So a device cannot read its own old bundles (a stolen kiosk
 *   opens no copy left on a USB stick), and nobody but the recipient reads
 *   a person's words. The signature is crypto_sign_detached (Ed25519) by
 *   the sender over bytes 0 to 96+P-1: the device's key for a bundle, the
 *   register's for a reply. So nobody forges or alters one unnoticed, and
 *   a forged reply cannot make a kiosk forget words the register lacks.
 *
 * The payload, version 1, is UTF-8 JSON Lines: one compact JSON object a
 * line, each ending in "\n". The first line says what follows:
 *
 *     bundle: {"format":1,"kind":"bundle","moves":N}
 *             then N lines, one move each, in order of seq:
 *             {"seq":17,"day":"2026-01-05","actor":"J Smith","move":"respond",
 *              "action":"respond","ref":"K2-26-0001-7","stage":1,
 *              "when":"2026-01-19","word":"partly_upheld"}
 *     reply:  {"format":1,"kind":"reply","mark":17,"conflicts":[5],"cases":N,
 *              "day":"2026-01-16"}
 *             then N lines, one case each, as the register has it (a
 *             kiosk's carry no person's words, names or contact).
 *
 * A move line is exactly the bytes the device wrote when the move was
 * made (sync_moves.body); its content hash is SHA-256 of that line without
 * its "\n". The register keeps the hash of every move it applied, so the
 * same move number sent again with the same content is a no-op, and with
 * other content a conflict. The fields of a move besides seq, day, actor,
 * move, action and ref are those the move needs: stage, when, when2, word,
 * text, text2, list, amount, number, year, n, and case (a whole case, for
 * log and put); sync_move.c reads and writes them.
 *
 * A case (in a log or put move, and each line of a reply; sync_case.c):
 * ref, kind, received, procedure, assessed_why, profile, channel, complainant,
 * on_behalf, officer, service_area, team, consent_to_publish,
 * consent_names, advocacy, unsafe, safety_handled, safety_ref (the "I don't feel safe" record a
 * complaint was opened from: the register replays such a log through
 * case_log_from, which checks and links both), linked_complaint (written
 * for the reader's information; each file finds it again from the
 * complaints' safety_ref), matter, retained (the day retention removed
 * the case's words in the file that sent it), causes, actions, stages (number,
 * started, acknowledged, due, extended_on, max_due, extended,
 * extension_reason, extension_by, request_late, panel, responded,
 * outcome, paused_days, paused_since); and the person's words, left out
 * of a kiosk's reply: summary, desired, contact, late_reason,
 * safety_note, complainant_name, child_name (the names are the person's
 * like their contact: sent to the register, never back to a kiosk, and
 * forgotten by it with the words). A reply's line adds tracking_hash and, to an officer or
 * desk, pauses. Empty text, false and no date are left out (absent reads
 * back the same). The profile rules kept with a case (cases.rules, a row
 * of the file's own profile_rules) do not travel: the register keeps its
 * own profile's text for a case a device logged.
 *
 * Corrections and retention (w2-team-a). An edit (case_edit, and the
 * services and teams renames and merges that move cases through it)
 * travels as move "edit": word is the field's name, text the value as
 * corrected, text2 the reason; the register replays case_edit, so the
 * same checks, audit line and kept words before and after (case_revisions)
 * come out there. A kiosk's correction of a person's words or names
 * travels as the original words did, and once the register has the case
 * the kiosk forgets the correction's words too (case_revisions). Retention
 * ("retention", retention run) is never sent: removing a person's words
 * is each file's own decision under its own settings, and a device's run
 * must not empty the register's record, which its own retention run
 * clears when its own period ends; a bundle that carries one anyway is
 * refused into conflicts. Not sent either: voiding a cost, deciding an
 * Ombudsman enquiry by its number, and replacing a context figure (each
 * names a row by the file's own number or replaces the register's own
 * figure); an Ombudsman decision given with its enquiry (ombudsman_add)
 * travels as "ombudsman".
 *
 * Equalities answers and letters. Answers given on a device (the kiosk
 * asks them after a case) travel as move "equalities", list the four
 * words in the order of equalities.h ("" for one not given), replayed
 * through equalities_put, so the register's report counts them; the move
 * is described in conflicts without the answers. A copy of a letter
 * written on a device travels as move "letter", word its kind
 * ("acknowledgement", "response.child"...), text its words, kept at the
 * register through letter_keep. A kiosk forgets both with the words.
 *
 * A new version of the format gets a new number in the header; a new
 * field in a line is read by newer Tellus and ignored by older only where
 * it is optional; a new move name is refused into conflicts by an older
 * register (never dropped).
 *
 * THE MECHANISM, and why: a log of moves replayed through the lifecycle.
 * Every change a device makes goes through the core's one way to change a
 * case (case_apply, case_log, case_put, receipt codes, figures), which
 * records it in sync_moves in the same transaction: the move's name and
 * arguments, its day and its maker. The register replays each move by
 * calling the same case_* function with the move's day as today and its
 * maker as actor. So every rule of the procedure, the running totals of
 * the report (triggers on the rows the lifecycle writes) and the audit
 * trail come out at the register exactly as if the move had been made
 * there: `tellus check` agrees after every sync, and the report of a
 * register fed by devices equals that of one file where every move was
 * made directly. A move the register refuses (its state or rules say no:
 * a stage it has already answered) goes to sync_conflicts with the reason,
 * for a person to settle; the rest of the bundle applies. SQLite's session
 * extension was the other choice: changesets carry rows, not intentions,
 * so the register would take a device's stage row without asking whether
 * the move was allowed, and the totals would count writes the lifecycle
 * never checked; it would not fit the reply either, where the rows' ids
 * differ between files. Replies are therefore whole cases in JSON, which
 * the device writes over its own copy (sync_reply_take.c). A reply that
 * carries a safety record tells the device that the register has it:
 * the device records that staff were told (case_staff_told_mark, "register"),
 * and only then may its kiosk say "We have told the staff" (SPEC 8).
 *
 * FOR A SERVER (tellus serve, tellus sync --register URL): the transport
 * is bytes in, bytes out. At the register, sync_in(st, bundle bytes, len,
 * &reply, ...) is the whole of POST /sync: it checks, applies and returns
 * the reply's bytes in memory (reply.data, reply.len), and nothing else is
 * needed. On a device, sync_out gives the bytes to send and
 * sync_take_reply takes the bytes that came back. None of them touches a
 * file, the terminal or a global; each runs in its own transactions on
 * the tl_store it is given. A tl_store (one SQLite connection, and the
 * day and actor a replay sets for its moves) is for one thread at a time:
 * a server thread opens its own store (store_open), or the server
 * serialises calls on a shared one; concurrent writers wait on SQLite's
 * lock (busy timeout), and a bundle is still applied whole or not at all.
 *
 * The rules:
 *  1. All or nothing per bundle: sync_in checks the whole envelope, then
 *     applies every move in one transaction with the device's new mark and
 *     the hashes; a SIGKILL anywhere leaves the bundle wholly in or out.
 *  2. Idempotent by sequence: the register keeps each device's mark for
 *     ever; moves at or below it are skipped (after their hash is
 *     compared), so bundles apply in any order, any number of times, and
 *     the newest always suffices. A bundle that starts past mark + 1 is
 *     refused (moves are missing).
 *  3. A refused move is kept, never dropped (sync_conflicts). So is every
 *     move of a revoked device's bundle: not applied, kept for review.
 *  4. A device forgets only on a reply (never while a bundle is in
 *     flight): it then drops the moves up to the mark, and a kiosk blanks
 *     the words, contact and names of every case with no move still
 *     waiting (and removes its letters' copies and equalities answers), zeroing them in the file and the WAL (secure_delete, then a
 *     checkpoint that truncates the WAL).
 *  5. Replies are acknowledged marks: a mark lower than one the device
 *     already has (a register restored from a backup) is refused, and the
 *     device keeps what it has.
 */
#ifndef TELLUS_SYNC_H
#define TELLUS_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include "tellus/date.h"
#include "tellus/err.h"
#include "tellus/store.h"
#include "tellus/words.h"

#define SYNC_FORMAT 1
#define SYNC_HEADER_LEN 96
#define SYNC_SIG_LEN 64
#define SYNC_CODE_MAX 8      /* a device code with its NUL (4 symbols used) */
#define SYNC_NAME_MAX 128
#define SYNC_MAX_FILE (64u << 20) /* bytes of one bundle or reply */

enum { SYNC_ROLE_KIOSK, SYNC_ROLE_OFFICER, SYNC_ROLE_DESK };
/* kiosk, officer, desk: the device roles, as words. */
extern const tl_wordset WS_DEVICE_ROLE;

/* Bytes made by the core (a bundle, a reply, a pair file), with the name
 * a file of them should have. Free data with sync_blob_free. */
typedef struct {
	unsigned char *data;
	size_t len;
	char name[96];
} tl_sync_blob;
void sync_blob_free(tl_sync_blob *b);

/* A device as the register knows it (or as a device knows itself). */
typedef struct {
	char code[SYNC_CODE_MAX];
	char name[SYNC_NAME_MAX];
	int role;                 /* SYNC_ROLE_* */
	int epoch;
	char added[32];           /* UTC time of `device add` (or of join) */
	char revoked[32];         /* "" while enrolled */
	char last_in[32];         /* the last bundle applied, "" for none */
	long long mark;           /* highest move the register has */
	long conflicts;           /* unsettled, of this device */
} tl_device;

/* At the register. Enrols a device (a new epoch when the code is known)
 * and makes its pair file: the register's public keys, the device's own
 * key pairs, its code and role, the reference numbers it starts from. The
 * register's own keys are made with its first device. */
int sync_device_add(tl_store *st, const char *code, const char *name, const char *role,
		    tl_sync_blob *pair, tl_device *out, tl_err *err);
/* Every epoch of the code is revoked: its bundles are kept, not applied. */
int sync_device_revoke(tl_store *st, const char *code, tl_err *err);
/* The devices, newest epoch of each code; fn returns non-zero to stop. */
typedef int (*sync_device_fn)(const tl_device *d, void *arg);
int sync_device_list(tl_store *st, sync_device_fn fn, void *arg, tl_err *err);

/* On a device: takes a pair file's bytes. The file must hold no cases
 * yet (cases travel as moves made after joining), and joins once. */
int sync_join(tl_store *st, const unsigned char *pair, size_t len, tl_device *out, tl_err *err);

/* Where this file stands, for `tellus sync` and the staff screens. */
typedef struct {
	bool device;              /* joined to a register */
	bool register_keys;       /* has enrolled a device: it is a register */
	tl_device self;           /* the device (when device) */
	long long made;           /* moves made since joining */
	long long acked;          /* the register's mark in the last reply */
	long long waiting;        /* moves made and not yet acknowledged */
	long waiting_cases;       /* cases those moves touch */
	long long replies;        /* replies taken */
	char last_reply[32];      /* UTC time the last reply was taken, "" none */
	char last_out[32];        /* UTC time of the last bundle written */
	long refused;             /* moves the register put in conflicts */
	long from_register;       /* cases the register sent back (officer, desk) */
	long devices;             /* at the register: devices enrolled */
	long conflicts;           /* at the register: conflicts unsettled */
} tl_sync_status;
int sync_status(tl_store *st, tl_sync_status *out, tl_err *err);

/* On an officer's or desk device: the cases the register sent back, the
 * latest taken first, with the UTC time each was taken; fn returns
 * non-zero to stop. */
typedef int (*sync_taken_fn)(const char *ref, const char *at, void *arg);
int sync_taken_list(tl_store *st, sync_taken_fn fn, void *arg, tl_err *err);

/* What a file of bytes is, from its header alone (nothing is checked but
 * the magic, version, kind and length). */
typedef struct {
	int kind;                 /* 1 bundle, 2 reply */
	char code[SYNC_CODE_MAX];
	int epoch;
	long long first, last;
} tl_sync_peek;
int sync_peek(const unsigned char *b, size_t n, tl_sync_peek *out, tl_err *err);

/* On a device: the bundle of every move not yet acknowledged (none is
 * fine: the reply to it brings status back). Entry point for `tellus sync
 * out DIR` and, next, `tellus sync --register URL`. */
typedef struct {
	long long first, last;    /* moves carried (last < first: none) */
	long cases;               /* cases they touch */
} tl_sync_out;
int sync_out(tl_store *st, tl_sync_blob *bundle, tl_sync_out *out, tl_err *err);

/* At the register: checks, opens and applies one bundle (rules 1 to 3);
 * when reply is not NULL, fills it with the reply for the device (also
 * for a bundle already applied, so a lost reply can be had again). A
 * refused bundle changes nothing and says why in one line. The entry
 * point for `tellus sync in FILE` and, next, POST /sync. */
typedef struct {
	char code[SYNC_CODE_MAX];
	int epoch;
	long long first, last;    /* moves the bundle carried */
	long applied;             /* moves applied now */
	long conflicts;           /* moves kept in conflicts now */
	long skipped;             /* moves at or below the mark already */
	long long mark;           /* the device's mark afterwards */
	bool revoked;             /* kept for review, not applied */
	bool already;             /* every move was applied before: a no-op */
} tl_sync_in;
int sync_in(tl_store *st, const unsigned char *b, size_t n, tl_sync_blob *reply,
	    tl_sync_in *out, tl_err *err);

/* On a device: takes the register's reply (rule 4 and 5): records the
 * mark, drops the moves it covers, takes status back and, on a kiosk,
 * forgets the words of every case the register has. */
typedef struct {
	long long mark;
	long cases;               /* cases whose status was taken */
	long forgotten;           /* cases whose words were removed (kiosk) */
	long refused;             /* this device's moves in the register's conflicts */
	long told;                /* safety records the register now has */
	bool already;             /* a reply already taken: a no-op */
	bool wal_truncated;       /* a kiosk: the WAL holds nothing any more */
} tl_sync_reply;
int sync_take_reply(tl_store *st, const unsigned char *b, size_t n, tl_sync_reply *out,
		    tl_err *err);

/* Conflicts, at the register: moves it refused, and the moves of revoked
 * devices, for a person to settle. */
typedef struct {
	long id;
	char code[SYNC_CODE_MAX];
	int epoch;
	long long seq;
	char ref[48];
	char move[32];            /* respond, log, ... */
	char day[16];             /* the day the move was made */
	char actor[128];
	char reason[512];
	char received[32];        /* UTC time the bundle was taken in */
	char settled[32];         /* "" while open */
	char settled_by[128];
	char note[512];
	char *body;               /* the move as the device wrote it (malloc'd) */
} tl_conflict;
void sync_conflict_clear(tl_conflict *c);
typedef int (*sync_conflict_fn)(const tl_conflict *c, void *arg);
/* Open conflicts (all: settled ones too), oldest first. */
int sync_conflict_list(tl_store *st, bool all, sync_conflict_fn fn, void *arg, tl_err *err);
int sync_conflict_get(tl_store *st, long id, tl_conflict *out, tl_err *err);
/* Settles one with a note (audited). apply: replays the move now, with its
 * own day and maker, through the lifecycle; refused again, nothing
 * changes and the reason is given. */
int sync_conflict_settle(tl_store *st, long id, bool apply, const char *note, tl_err *err);

#endif
