/* report_defs.c - the report's definitions, template and words that are
 * not names, embedded from reports/ by mk/report.mk (see
 * scripts/report-embed.sh), so that adding a table is adding a file under
 * reports/tables/ and nothing in C. */
#include "report_private.h"
#include "report_defs.gen.h"

const tl_report_src *const REPORT_DEFS = REPORT_DEFS_GEN;
const size_t REPORT_N_DEFS = sizeof REPORT_DEFS_GEN / sizeof REPORT_DEFS_GEN[0];
const char *const REPORT_TEMPLATE = REPORT_TEMPLATE_GEN;
const char *const REPORT_NOT_NAMES = REPORT_NOT_NAMES_GEN;
