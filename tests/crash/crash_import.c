/* crash_import.c - large `tellus import` files killed mid-way.
 * Each import has its own device code, so its rows are found by the
 * reference prefix; after the kill either all of them are in the file,
 * with their words intact, or none is. An import that finished (printed
 * its summary) must be wholly there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/ref.h"
#include "crash.h"

static const char HEADER[] = "ref,kind,received,procedure,channel,complainant,on_behalf,"
	"service_area,team,causes,summary,stage1_response,stage1_extended,stage1_outcome,"
	"stage2_requested,stage2_response,stage2_extended,stage2_outcome,stage3_requested,"
	"stage3_panel,stage3_response,stage3_outcome,actions,consent_to_publish\r\n";

/* "X" and three symbols: unique for each import of the run. */
static void device_of(int n, char out[REF_DEVICE_MAX + 1])
{
	out[0] = 'X';
	for (int i = 3; i >= 1; i--, n /= 31)
		out[i] = REF_ALPHABET[n % 31];
	out[4] = '\0';
}

/* Writes the CSV; returns its path in out. */
static int write_import(crash_run *r, const char *device, char *out, size_t cap)
{
	snprintf(out, cap, "%s/import-%s.csv", r->o.dir, device);
	FILE *f = fopen(out, "w");
	if (!f)
		return -1;
	fputs(HEADER, f);
	for (int i = 1; i <= r->o.import_rows; i++) {
		char ref[REF_MAX], words[256];
		tl_err err;
		if (ref_make(device, 25, i, ref, &err)) {
			fclose(f);
			return -1;
		}
		snprintf(words, sizeof words, CRASH_IMPORT_SUMMARY, i);
		/* Quotes double inside a quoted cell (RFC 4180). */
		fprintf(f, "%s,complaint,2025-06-02,statutory,letter,parent,no,Fostering,,,\"", ref);
		for (const char *p = words; *p; p++) {
			if (*p == '"')
				fputc('"', f);
			fputc(*p, f);
		}
		fputs("\",,,,,,,,,,,,,no\r\n", f);
	}
	return fclose(f);
}

/* One import, killed at kill_at seconds (< 0: never). *finished is set
 * when it printed its summary. */
static int one_import(crash_run *r, int n, double kill_at, bool *finished, double *took)
{
	char device[REF_DEVICE_MAX + 1], path[1200];
	device_of(n, device);
	if (write_import(r, device, path, sizeof path))
		return -1;
	char *argv[] = { (char *)r->o.tellus, "import", path, NULL };
	double t0 = crash_now();
	crash_writer w = { .kill_at = kill_at };
	if (crash_spawn(r, &w, argv, 0))
		return -1;
	crash_run_writers(r, &w, 1, t0);
	*took = crash_now() - t0;
	*finished = !crash_writer_failed(r, &w) && w.said[0];
	int found = 0, bad = crash_count_import(r, device, &found);
	if (bad)
		printf("# import %s: %d rows with other words than given\n", device, bad);
	if (found == r->o.import_rows && bad == 0)
		r->imports_whole++;
	else if (found == 0 && !*finished)
		r->imports_absent++;
	else {
		r->imports_partial++;
		printf("# import %s: %d of %d rows in the file (%s)\n", device, found,
		       r->o.import_rows, *finished ? "it finished" : "killed");
	}
	remove(path);
	return 0;
}

int crash_import_calibrate(crash_run *r)
{
	bool finished = false;
	double took = 0;
	if (one_import(r, 0, -1, &finished, &took) || !finished)
		return -1;
	r->imports_whole--;  /* the calibration is not a trial */
	r->import_time = took;
	printf("# crash: one import of %d rows takes %.1f ms uninterrupted\n", r->o.import_rows,
	       took * 1000);
	return 0;
}

int crash_import_trial(crash_run *r, int t)
{
	bool finished = false;
	double took = 0;
	double at = (double)(crash_rand(r) % 1000) / 1000.0 * 1.3 * r->import_time;
	r->imports++;
	return one_import(r, t + 1, at, &finished, &took);
}
