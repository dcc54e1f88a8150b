/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `linli --database=FILE --report=KIND --period=P --output=FILE.pdf
 * [--grid=CODE] [--case=NUMBER] [--show-personal]`: a report written
 * straight to PDF, with no window and no display. */

/* The option entries (for g_application_add_main_option_entries). */
const GOptionEntry *linli_report_command_get_options (void);
gboolean            linli_report_command_wanted      (GVariantDict *options);
/* Writes the report the options ask for; returns the exit status, after
 * saying on stderr what was wrong. */
int                 linli_report_command_run         (GVariantDict *options);

G_END_DECLS
