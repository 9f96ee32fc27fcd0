/* receipt_file.c - writing a receipt to a file: the text form, and the
 * choice of writer by the file's extension. Files are created readable by
 * their owner only, since a receipt carries the tracking code. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tellus/receipt.h"

int receipt_write_txt(const tl_receipt *r, FILE *f, tl_err *err)
{
	char *text = NULL;
	int rc = receipt_text(r, &text, err);

	if (rc)
		return rc;
	fprintf(f, "%s\n", text);
	free(text);
	return ferror(f) ? err_set(err, TL_EIO, "cannot write the text") : TL_OK;
}

typedef int (*writer_fn)(const tl_receipt *, FILE *, tl_err *);

static writer_fn writer_for(const char *path)
{
	static const struct {
		const char *ext;
		writer_fn fn;
	} writers[] = {
		{ ".png", receipt_write_png },
		{ ".svg", receipt_write_svg },
		{ ".txt", receipt_write_txt },
	};
	const char *dot = strrchr(path, '.');

	for (size_t i = 0; dot && i < sizeof writers / sizeof writers[0]; i++)
		if (strcasecmp(dot, writers[i].ext) == 0)
			return writers[i].fn;
	return NULL;
}

bool receipt_format_known(const char *path)
{
	return writer_for(path) != NULL;
}

int receipt_write_file(const tl_receipt *r, const char *path, tl_err *err)
{
	writer_fn fn = writer_for(path);
	FILE *f = NULL;
	int rc, fd;

	if (!fn)
		return err_set(err, TL_EINVAL, "%s: a receipt is written as .png, .svg or .txt",
			       path);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	/* An existing file keeps its mode through O_TRUNC: tighten it too. */
	if (fd < 0 || fchmod(fd, 0600) != 0 || !(f = fdopen(fd, "wb"))) {
		rc = err_set(err, TL_EIO, "%s: cannot write: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return rc;
	}
	if ((rc = fn(r, f, err)))
		err_prefix(err, "%s", path);
	if (fflush(f) != 0 || fsync(fileno(f)) != 0) {
		if (rc == TL_OK)
			rc = err_set(err, TL_EIO, "%s: cannot write: %s", path, strerror(errno));
	}
	if (fclose(f) != 0 && rc == TL_OK)
		rc = err_set(err, TL_EIO, "%s: cannot write: %s", path, strerror(errno));
	if (rc)
		unlink(path);
	return rc;
}
