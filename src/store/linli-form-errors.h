/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A form's errors kept as a struct of message strings, one per field in
 * the order of the form (LinliCaseErrors, LinliOutreachErrors …), read as
 * an array of @n_fields messages. */

#define LINLI_FORM_ERRORS_N_FIELDS(Type) (sizeof (Type) / sizeof (char *))

gboolean  linli_form_errors_is_empty (char * const *fields,
                                      gsize         n_fields);
void      linli_form_errors_clear    (char        **fields,
                                      gsize         n_fields);
char     *linli_form_errors_first    (char * const *fields,
                                      gsize         n_fields);

G_END_DECLS
