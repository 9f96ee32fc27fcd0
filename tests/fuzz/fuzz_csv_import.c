/* fuzz_csv_import.c - `tellus import` of cases, the whole path: reader,
 * columns, values, case rules, store. Each input is a CSV file imported
 * into a fresh copy of an empty database. Properties: no crash; a refused
 * file leaves no case and no audit entry behind (all or nothing) with a
 * message naming the file; an accepted file imported a second time adds
 * nothing, and exports, and its export imported into an empty database
 * exports the same bytes (SPEC 7). The empty database is made once per
 * process and copied, since creating the schema for every input would
 * slow the fuzzer tenfold. */
#include <fcntl.h>
#include <unistd.h>
#include "fuzz.h"
#include "tellus/csvio.h"
#include "store/store_db.h"

typedef struct {
	char dir[64], empty[96], db[96], csv[96], db2[96], out[96], out2[96];
} fuzz_files;

static int count(tl_store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	int n = -1;
	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return n;
}

static void copy_file(const char *from, const char *to)
{
	char buf[1 << 14];
	ssize_t n;
	int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	FUZZ_CHECK(in >= 0 && out >= 0);
	while ((n = read(in, buf, sizeof buf)) > 0)
		FUZZ_CHECK(write(out, buf, (size_t)n) == n);
	close(in);
	close(out);
}

static void cleanup_files(void);

/* The per-process folder and empty database (made on the first input). */
static fuzz_files *files(void)
{
	static fuzz_files f;
	tl_store *st = NULL;
	tl_err err;

	if (f.dir[0])
		return &f;
	const char *tmp = getenv("TMPDIR");
	snprintf(f.dir, sizeof f.dir, "%s/tellus-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	FUZZ_CHECK(mkdtemp(f.dir) != NULL);
	snprintf(f.empty, sizeof f.empty, "%s/empty.db", f.dir);
	snprintf(f.db, sizeof f.db, "%s/t.db", f.dir);
	snprintf(f.csv, sizeof f.csv, "%s/cases.csv", f.dir);
	snprintf(f.db2, sizeof f.db2, "%s/t2.db", f.dir);
	snprintf(f.out, sizeof f.out, "%s/out.csv", f.dir);
	snprintf(f.out2, sizeof f.out2, "%s/out2.csv", f.dir);
	setenv("TELLUS_TODAY", "2026-01-15", 1);
	FUZZ_CHECK(store_open(f.empty, &st, &err) == 0);
	FUZZ_CHECK(sqlite3_exec(store_db(st), "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) == 0);
	store_close(st);
	atexit(cleanup_files);
	return &f;
}

static void remove_db(const char *db)
{
	char side[128];
	remove(db);
	snprintf(side, sizeof side, "%s-wal", db);
	remove(side);
	snprintf(side, sizeof side, "%s-shm", db);
	remove(side);
}

static void cleanup_files(void)
{
	fuzz_files *f = files();
	remove(f->empty);
	remove_db(f->db);
	remove_db(f->db2);
	remove(f->csv);
	remove(f->out);
	remove(f->out2);
	rmdir(f->dir);
}

static bool same_bytes(const char *a, const char *b)
{
	FILE *x = fopen(a, "rb"), *y = fopen(b, "rb");
	int c = 0, d = 0;
	FUZZ_CHECK(x && y);
	while (c == d && c != EOF) {
		c = fgetc(x);
		d = fgetc(y);
	}
	fclose(x);
	fclose(y);
	return c == d;
}

/* SPEC 7: what was stored exports, and that export imported into an empty
 * file exports the same bytes again. */
static void export_round_trip(fuzz_files *f, tl_store *st, long cases)
{
	tl_store *st2 = NULL;
	tl_err err = { { 0 } };
	tl_csvio_result res;

	FUZZ_CHECK(csvio_export_cases(st, f->out, &res, &err) == 0 && res.rows == cases);
	copy_file(f->empty, f->db2);
	FUZZ_CHECK(store_open(f->db2, &st2, &err) == 0);
	FUZZ_CHECK(csvio_import_cases(st2, f->out, &res, &err) == 0 && res.added == cases);
	FUZZ_CHECK(csvio_export_cases(st2, f->out2, &res, &err) == 0);
	FUZZ_CHECK(same_bytes(f->out, f->out2));
	store_close(st2);
	remove_db(f->db2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_files *f = files();
	tl_store *st = NULL;
	tl_err err = { { 0 } };
	tl_csvio_result res;

	FILE *csv = fopen(f->csv, "wb");
	FUZZ_CHECK(csv && fwrite(data, 1, size, csv) == size && fclose(csv) == 0);
	copy_file(f->empty, f->db);
	FUZZ_CHECK(store_open(f->db, &st, &err) == 0);
	int audit0 = count(st, "SELECT count(*) FROM audit");
	if (csvio_import_cases(st, f->csv, &res, &err) != 0) {
		FUZZ_CHECK(strstr(err.msg, "cases.csv") != NULL);
		FUZZ_CHECK(count(st, "SELECT count(*) FROM cases") == 0);
		FUZZ_CHECK(count(st, "SELECT count(*) FROM stages") == 0);
		FUZZ_CHECK(count(st, "SELECT count(*) FROM audit") == audit0);
	} else {
		int cases = count(st, "SELECT count(*) FROM cases");
		FUZZ_CHECK(cases == res.added);
		FUZZ_CHECK(csvio_import_cases(st, f->csv, &res, &err) == 0);
		FUZZ_CHECK(res.added == 0 && count(st, "SELECT count(*) FROM cases") == cases);
		export_round_trip(f, st, cases);
	}
	store_close(st);
	return 0;
}
