/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-records.h"

G_BEGIN_DECLS

/* What the "new community" form holds, as typed, and what is wrong with it.
 * Pure logic: the dialog shows the messages next to its fields. */

typedef struct
{
  const char *name;
  const char *subdistrict;
  const char *city;
  const char *latitude;
  const char *longitude;
} LinliCommunityForm;

typedef struct
{
  char *name;        /* NULL when the field is fine */
  char *latitude;
  char *longitude;
} LinliCommunityFormErrors;

gboolean        linli_community_form_validate     (const LinliCommunityForm  *form,
                                                   LinliCommunityFormErrors  *errors);
void            linli_community_form_errors_clear (LinliCommunityFormErrors  *errors);
LinliCommunity *linli_community_form_to_record    (const LinliCommunityForm  *form,
                                                   GDateTime                 *created_at);
gboolean        linli_parse_degrees               (const char                *text,
                                                   double                     limit,
                                                   double                    *out);

G_END_DECLS
