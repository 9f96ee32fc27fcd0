/* owner_file.c - a whole file written for its owner's eyes only (mode
 * 0600, synced, removed again if it could not be written whole). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "owner_file.h"

int owner_file_write(const char *path, const char *data, size_t n, tl_err *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	int rc = TL_OK;

	/* An existing file keeps its mode through O_TRUNC: tighten it too. */
	if (fd < 0 || fchmod(fd, 0600) != 0) {
		rc = err_set(err, TL_EIO, "%s: cannot write: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return rc;
	}
	for (size_t done = 0; done < n && rc == TL_OK;) {
		ssize_t k = write(fd, data + done, n - done);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			rc = err_set(err, TL_EIO, "%s: cannot write: %s", path, strerror(errno));
		else
			done += (size_t)k;
	}
	if (rc == TL_OK && fsync(fd) != 0)
		rc = err_set(err, TL_EIO, "%s: cannot write: %s", path, strerror(errno));
	if (close(fd) != 0 && rc == TL_OK)
		rc = err_set(err, TL_EIO, "%s: cannot write: %s", path, strerror(errno));
	if (rc)
		unlink(path);
	return rc;
}
