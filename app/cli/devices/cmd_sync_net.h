/* cmd_sync_net.h - `tellus sync --register URL`: what cmd_sync.c hands
 * to the network side of sync (cmd_sync_net.c). */
#ifndef TELLUS_CMD_SYNC_NET_H
#define TELLUS_CMD_SYNC_NET_H

#include "cli.h"

/* One sync with the register at url (NULL: the setting register_url),
 * trusting cacert (NULL: the setting register_cacert, else the system's
 * CAs); prints what went and what came back. */
int cli_sync_register(cli_ctx *cx, const char *url, const char *cacert);

#endif
