/* cmd_serve.c - `tellus serve --listen HOST:PORT`: the register as a web
 * service (app/serve): the tracking page a receipt's QR code leads to and
 * POST /sync for devices. Runs in the foreground until SIGTERM. */
#include "cli.h"
#include "serve.h"

typedef struct {
	const char *listen, *tls_cert, *tls_key, *proxy;
} serve_args;

static const cli_opt OPTS[] = {
	{ "--listen", "HOST:PORT", "where to answer (127.0.0.1:8080; port 0 picks a free one)",
	  CLI_VALUE(serve_args, listen) },
	{ "--tls-cert", "FILE", "serve HTTPS with this certificate (PEM)",
	  CLI_VALUE(serve_args, tls_cert) },
	{ "--tls-key", "FILE", "and this private key (PEM)", CLI_VALUE(serve_args, tls_key) },
	{ "--proxy", "ADDR", "the reverse proxy's address: take the client's from its "
	  "X-Forwarded-For", CLI_VALUE(serve_args, proxy) },
	{ NULL },
};

static int cmd_serve(cli_ctx *cx, int argc, char **argv)
{
	serve_args a = { 0 };
	cli_words w;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &a, &w)))
		return rc;
	if (!a.listen)
		return cli_usage(cx);
	serve_opts o = { .st = cx->st, .listen = a.listen, .tls_cert = a.tls_cert,
			 .tls_key = a.tls_key, .proxy = a.proxy, .log = stdout };
	return serve_run(&o, &cx->err);
}

const cli_cmd CLI_SERVE = {
	.name = "serve", .fn = cmd_serve,
	.usage = { "--listen HOST:PORT [--tls-cert FILE --tls-key FILE] [--proxy ADDR]" },
	.summary = "the register on the network: tracking page, /sync",
	.about = "Answers GET on the path of receipt_url (else /track) with the tracking page\n"
		 "a receipt's QR code leads to, and POST /sync from devices; nothing else.\n"
		 "One line a request on standard output, never a code or a person's words.\n"
		 "Stops cleanly on SIGTERM. Without --tls-cert, put it behind a reverse proxy\n"
		 "that speaks HTTPS (see the README).",
	.opts = OPTS,
};
