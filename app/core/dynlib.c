/* dynlib.c - opening a shared library when first needed (dynlib.h). The
 * handle is never closed: the library's functions stay usable for the
 * process's life, as they would be if it had been linked. */
#include <dlfcn.h>
#include "tellus/dynlib.h"

int dynlib_load(const char *soname, const dynlib_fn *fns, size_t n, tl_err *err)
{
	void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);

	if (!h)
		return err_set(err, TL_EIO, "%s: cannot be loaded (is it installed?): %s", soname,
			       dlerror());
	for (size_t i = 0; i < n; i++) {
		*fns[i].slot = dlsym(h, fns[i].name);
		if (!*fns[i].slot)
			return err_set(err, TL_EIO, "%s: has no %s (too old a version?)", soname,
				       fns[i].name);
	}
	return TL_OK;
}
