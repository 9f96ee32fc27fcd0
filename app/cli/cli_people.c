/* cli_people.c - how the command line writes the names on a case, the
 * same in show, find and subject access: "Anna Nowak (complainant); Zofia
 * Nowak (child)". */
#include <stdio.h>
#include "cli.h"

void cli_names(const char *complainant, const char *child, char *out, size_t cap)
{
	bool a = complainant && *complainant, b = child && *child;
	snprintf(out, cap, "%s%s%s%s%s", a ? complainant : "", a ? " (complainant)" : "",
		 a && b ? "; " : "", b ? child : "", b ? " (child)" : "");
}
