/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "linli-form-errors.h"

gboolean
linli_form_errors_is_empty (char * const *fields,
                            gsize         n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    if (fields[i] != NULL)
      return FALSE;
  return TRUE;
}

void
linli_form_errors_clear (char  **fields,
                         gsize   n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    g_clear_pointer (&fields[i], g_free);
}

/* Returns: (transfer full) (nullable): the first message, in the order of
 * the form */
char *
linli_form_errors_first (char * const *fields,
                         gsize         n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    if (fields[i] != NULL)
      return g_strdup (fields[i]);
  return NULL;
}
