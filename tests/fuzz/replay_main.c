/* replay_main.c - runs a fuzz target over saved inputs without libFuzzer,
 * so that `make test` (gcc, ASan, UBSan) replays the seed corpus and every
 * crash ever found. Arguments are files or folders (every file inside);
 * prints how many inputs ran. A broken input aborts the process. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "fuzz.h"

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	long n;
	int rc = -1;

	if (!f) {
		fprintf(stderr, "replay: cannot open %s\n", path);
		return -1;
	}
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
		goto cleanup;
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
		goto cleanup;
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	rc = 0;
cleanup:
	if (rc)
		fprintf(stderr, "replay: cannot read %s\n", path);
	free(buf);
	fclose(f);
	return rc;
}

/* Runs every regular file in dir; adds to *count. */
static int replay_dir(const char *dir, long *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int rc = 0;

	if (!d) {
		fprintf(stderr, "replay: cannot open folder %s\n", dir);
		return -1;
	}
	while (rc == 0 && (e = readdir(d))) {
		char path[4096];
		struct stat sb;
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && (rc = replay_file(path)) == 0)
			(*count)++;
	}
	closedir(d);
	return rc;
}

int main(int argc, char **argv)
{
	long count = 0;

	for (int i = 1; i < argc; i++) {
		struct stat sb;
		if (stat(argv[i], &sb) != 0) {
			fprintf(stderr, "replay: no such file or folder %s\n", argv[i]);
			return 1;
		}
		if (S_ISDIR(sb.st_mode) ? replay_dir(argv[i], &count) : replay_file(argv[i]))
			return 1;
		if (!S_ISDIR(sb.st_mode))
			count++;
	}
	printf("%ld\n", count);
	return 0;
}
