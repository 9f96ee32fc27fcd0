/* cmd_log.h - what `tellus log` shares with `tellus complaint-from`
 * (which is log --from REF): the options of a new case, read by one table,
 * and the logging of it. */
#ifndef TELLUS_CMD_LOG_H
#define TELLUS_CMD_LOG_H

#include "cli.h"

typedef struct {
	const char *kind, *received, *who, *service, *team, *channel, *procedure, *officer;
	const char *summary, *summary_file, *desired, *contact, *late_reason, *matter, *from;
	const char *complainant_name, *child_name;
	cli_list causes;
	bool on_behalf, consent, consent_names, advocacy, unsafe;
} log_opts;

/* log's options, into a log_opts: first the CLI_LOG_OWN that only log
 * takes (--kind, --consent, --consent-names, --unsafe, --from), then those
 * of any complaint, which complaint-from takes (CLI_LOG_OPTS + CLI_LOG_OWN). */
#define CLI_LOG_OWN 5
extern const cli_opt CLI_LOG_OPTS[];
/* Logs the case the options describe (from a safety record with from)
 * and prints its reference. */
int cli_log_run(cli_ctx *cx, const log_opts *o);

#endif
