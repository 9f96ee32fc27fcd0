/* cmd_sync_net.c - `tellus sync --register URL [--cacert FILE]`: the
 * device's bundle posted to the register's tellus serve and its reply
 * taken, in one go (app/net), instead of carrying files. Without URL, the
 * register_url setting the apps sync with by themselves. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cmd_sync_net.h"
#include "net.h"

int cli_sync_register(cli_ctx *cx, const char *url, const char *cacert)
{
	net_register r;
	net_result res;
	tl_sync_status s;
	int rc;

	bool set = net_register_load(cx->st, &r);
	if (url)
		snprintf(r.url, sizeof r.url, "%s", url);
	else if (!set)
		return err_set(&cx->err, TL_EINVAL, "--register: give the register's address, or set "
			       "it once with tellus config set register_url URL");
	if (cacert && access(cacert, R_OK))
		return err_set(&cx->err, TL_EIO, "--cacert: %s: %s", cacert, strerror(errno));
	if (cacert)
		snprintf(r.cacert, sizeof r.cacert, "%s", cacert);
	if ((rc = sync_status(cx->st, &s, &cx->err)))
		return rc;
	if (!s.device)
		return err_set(&cx->err, TL_EINVAL, "--register: this file has not joined a register "
			       "(tellus device join PAIRFILE)");
	if ((rc = net_sync(cx->st, &r, NULL, &res, &cx->err)))
		return rc;
	if (res.out.last < res.out.first)
		printf("%s: nothing waited to go", r.url);
	else
		printf("%s: sent moves %lld to %lld (%ld cases)", r.url, res.out.first, res.out.last,
		       res.out.cases);
	if (res.reply.already)
		printf("; its reply was taken before, nothing changed\n");
	else
		printf("; the register has this device's moves up to %lld; %ld cases brought up to "
		       "date, %ld cases' words removed, %ld safety records it has, %ld moves in its "
		       "conflicts\n", res.reply.mark, res.reply.cases, res.reply.forgotten,
		       res.reply.told, res.reply.refused);
	if (!res.reply.already && res.reply.lists)
		printf("%s: the service areas and teams are now the register's\n", r.url);
	if (!res.reply.already && res.reply.forgotten && !res.reply.wal_truncated)
		fprintf(stderr, "tellus sync: the write-ahead log is still in use: close the kiosk "
			"and sync again to clear it\n");
	return TL_OK;
}
