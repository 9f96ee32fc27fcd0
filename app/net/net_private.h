/* net_private.h - what the files of app/net share: the one HTTP exchange
 * (net_post.c) that net_sync.c makes. */
#ifndef TELLUS_NET_PRIVATE_H
#define TELLUS_NET_PRIVATE_H

#include <stddef.h>
#include "net.h"

#define NET_SYNC_TYPE "application/octet-stream" /* a bundle, and its reply */

/* Posts n bytes to url (the register's /sync); on 200 with a reply's
 * type, *reply gets the malloc'd bytes (the caller frees them). reached
 * says whether the register answered at all. */
int net_post(const char *url, const char *cacert, const unsigned char *b, size_t n,
	     const atomic_int *stop, unsigned char **reply, size_t *reply_len, bool *reached,
	     tl_err *err);

#endif
