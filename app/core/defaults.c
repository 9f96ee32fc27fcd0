/* defaults.c - every default in one place: the built-in procedure
 * profiles, the starting lists of causes and service areas, and the
 * settings a new database begins with. Changing a default here changes new
 * databases only. */
#include <stddef.h>
#include "tellus/procedure.h"
#include "defaults.h"

/* SI 2006/1738 and Getting the Best from Complaints (2006). Closure days
 * do not count: the regulations define a working day without them. */
static const char england_children[] =
	"name england_children\n"
	"title Children's social care (England): Children Act 1989 representations procedure\n"
	"closures no\n"
	"request_window 20\n"
	"stage 1 standard 10 maximum 20 name Local resolution\n"
	"stage 2 standard 25 maximum 65 name Investigation\n"
	"stage 3 standard 30 maximum 30 after_panel 20 name Review panel\n";

/* The Local Government and Social Care Ombudsman's Complaint Handling
 * Code, which the Ombudsman applies from 1 April 2026 (section 6,
 * complaints stages): each stage acknowledged within 5 working days; stage 1
 * answered within 10 working days of the acknowledgement, extended by no
 * more than 10; stage 2 within 20 of its acknowledgement, extended by no
 * more than 20. Cases logged under the profile before keep theirs (each
 * case stores the text of its profile: store_profile_rules). */
static const char corporate[] =
	"name corporate\n"
	"title Corporate complaints (LGSCO Complaint Handling Code)\n"
	"closures yes\n"
	"request_window 20\n"
	"stage 1 acknowledge 5 from acknowledged standard 10 maximum 20 name Local resolution\n"
	"stage 2 acknowledge 5 from acknowledged standard 20 maximum 40 name Review\n";

/* The Scottish model complaints handling procedure: stage 2 acknowledged
 * within 3 working days, answered within 20 of its start. */
static const char scotland[] =
	"name scotland\n"
	"title Scottish model complaints handling procedure\n"
	"closures yes\n"
	"request_window 20\n"
	"stage 1 standard 5 maximum 10 name Frontline response\n"
	"stage 2 acknowledge 3 standard 20 maximum 20 name Investigation\n";

/* Social Services Complaints Procedure (Wales) Regulations 2014: a
 * complaint acknowledged within 2 working days of receipt (regulation
 * 15(2)), local resolution within 10 working days of that acknowledgement
 * (regulation 16(3)). */
static const char wales[] =
	"name wales\n"
	"title Social services complaints (Wales)\n"
	"closures no\n"
	"request_window 20\n"
	"stage 1 acknowledge 2 from acknowledged standard 10 maximum 15 name Local resolution\n"
	"stage 2 standard 25 maximum 25 name Formal investigation\n";

const char *const PROC_BUILTIN[] = { england_children, corporate, scotland, wales, NULL };

/* The causes of the published report (Leicestershire 2015/16, table 6). */
const tl_default_pair DEFAULT_CAUSES[] = {
	{ "sensitivity_empathy", "Sensitivity / empathy of staff" },
	{ "professional_judgement", "Professional judgement / decision making" },
	{ "quality_of_work", "Quality of our work" },
	{ "delays", "Delays in providing services" },
	{ "fairness", "Our fairness to you" },
	{ "keeping_informed", "Keeping informed" },
	{ "politeness_honesty", "Politeness, openness and honesty" },
	{ "accessibility", "Accessibility of our services" },
	{ "accuracy_of_information", "Accuracy and clarity of information given" },
	{ NULL, NULL },
};

/* The service areas a new database starts with, and the plain words the
 * kiosk shows for each (a child reads "Living in care", the register
 * records "Children in care"). tellus services add/rename/merge change the
 * list; the kiosk reads the configured list. */
const tl_default_service DEFAULT_SERVICES[] = {
	{ "Children in need", "My social worker", "Help for me or my family at home" },
	{ "Child protection", "Keeping me safe", "Child protection" },
	{ "Children in care", "Living in care", "Foster care or a children's home" },
	{ "Leaving care", "Leaving care", "Help from age 16 onwards" },
	{ "Disabled children", "Help for disabled children", "Short breaks and support" },
	{ "Adoption", "Adoption", "Adoption and special guardianship" },
	{ "Fostering", "Fostering", "Being a foster carer" },
	{ "Other", "Something else", "Or I'm not sure" },
	{ NULL, NULL, NULL },
};

/* Every setting a person may set, and the value a new database starts
 * with (NULL: none until set). device_code is drawn at random on creation. */
const tl_default_pair DEFAULT_SETTINGS[] = {
	{ "authority_name", "Our council" },
	{ "device_code", NULL },
	{ "receipt_url", NULL },
	{ "contact_phone", NULL },
	{ "contact_email", NULL },
	{ "contact_address", NULL },
	{ "idle_seconds", "90" },
	{ "alert_command", NULL },
	{ "register_url", NULL },     /* a device syncs by itself with tellus serve there */
	{ "register_cacert", NULL },  /* the CA of the register's certificate (PEM file) */
	{ "sync_seconds", "60" },
	{ "report_referrals_measure", "Referrals to Children's Social Care" },
	{ "profile_statutory", PROC_DEFAULT },
	{ "profile_corporate", "corporate" },
	{ "languages", "all" }, /* the start screen's, in order (lang.h) */
	/* Years after a case closes before retention removes its names,
	 * contact and words (tellus retention run). */
	{ "retention_years", "6" },
	/* A folder of letter templates that replaces the installed ones. */
	{ "letters_dir", NULL },
	{ NULL, NULL },
};
