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

/* Defines prefix_is_empty(), prefix_clear() and prefix_first() (the first
 * message in the order of the form, transfer full, %NULL when there is
 * none) for @Type, which holds nothing but messages. */
#define LINLI_FORM_ERRORS_DEFINE(Type, prefix)                                              \
  G_STATIC_ASSERT (sizeof (Type) == LINLI_FORM_ERRORS_N_FIELDS (Type) * sizeof (char *));   \
                                                                                            \
  gboolean                                                                                  \
  prefix##_is_empty (const Type *errors)                                                    \
  {                                                                                         \
    g_return_val_if_fail (errors != NULL, FALSE);                                           \
    return linli_form_errors_is_empty ((char * const *) errors,                             \
                                       LINLI_FORM_ERRORS_N_FIELDS (Type));                  \
  }                                                                                         \
                                                                                            \
  void                                                                                      \
  prefix##_clear (Type *errors)                                                             \
  {                                                                                         \
    g_return_if_fail (errors != NULL);                                                      \
    linli_form_errors_clear ((char **) errors, LINLI_FORM_ERRORS_N_FIELDS (Type));          \
  }                                                                                         \
                                                                                            \
  char *                                                                                    \
  prefix##_first (const Type *errors)                                                       \
  {                                                                                         \
    g_return_val_if_fail (errors != NULL, NULL);                                            \
    return linli_form_errors_first ((char * const *) errors,                                \
                                    LINLI_FORM_ERRORS_N_FIELDS (Type));                     \
  }

G_END_DECLS
