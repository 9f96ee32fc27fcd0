/* cli_file.c - whole files in and out for the commands that carry bytes
 * the core made or will read (pair files, bundles, replies): read with a
 * size limit; written owner-only (0600) under a temporary name, synced,
 * then renamed into place, so a reader never sees half a file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"

int cli_file_read(cli_ctx *cx, const char *path, size_t max, unsigned char **out, size_t *len)
{
	struct stat sb;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t got = 0;

	*out = NULL;
	*len = 0;
	if (fd < 0 || fstat(fd, &sb) != 0) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		return err_set(&cx->err, TL_EIO, "%s: cannot read: %s", path, strerror(e));
	}
	if (!S_ISREG(sb.st_mode) || (size_t)sb.st_size > max) {
		close(fd);
		return err_set(&cx->err, TL_EINVAL, "%s: not a file of at most %zu bytes", path, max);
	}
	if (!(*out = malloc((size_t)sb.st_size + 1))) {
		close(fd);
		return err_set(&cx->err, TL_ENOMEM, "%s: out of memory", path);
	}
	while (*len < (size_t)sb.st_size &&
	       (got = read(fd, *out + *len, (size_t)sb.st_size - *len)) > 0)
		*len += (size_t)got;
	close(fd);
	if (got < 0) {
		free(*out);
		*out = NULL;
		return err_set(&cx->err, TL_EIO, "%s: cannot read: %s", path, strerror(errno));
	}
	return TL_OK;
}

static int write_all(int fd, const unsigned char *b, size_t n)
{
	while (n) {
		ssize_t w = write(fd, b, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		b += w;
		n -= (size_t)w;
	}
	return fsync(fd);
}

int cli_file_write(cli_ctx *cx, const char *dir, const char *name, const unsigned char *b,
		   size_t n, bool replace, char *path, size_t cap)
{
	char tmp[1200];
	int fd, rc = TL_OK;

	snprintf(path, cap, "%s/%s", dir, name);
	snprintf(tmp, sizeof tmp, "%s/.%s.%ld.tmp", dir, name, (long)getpid());
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0)
		return err_set(&cx->err, TL_EIO, "%s: cannot write there: %s", dir, strerror(errno));
	if (write_all(fd, b, n) != 0)
		rc = err_set(&cx->err, TL_EIO, "%s: cannot write: %s", path, strerror(errno));
	close(fd);
	/* A pair file is never written over: link refuses an existing name. */
	if (rc == TL_OK && (replace ? rename(tmp, path) : link(tmp, path)) != 0)
		rc = err_set(&cx->err, TL_EIO, "%s: %s", path, errno == EEXIST ?
			     "is already there: move it away first" : strerror(errno));
	if (rc || !replace)
		unlink(tmp);
	if (rc == TL_OK && (fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
	return rc;
}
