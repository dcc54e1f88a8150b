/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-records.h"

G_BEGIN_DECLS

/* The rules of a case, apart from any widget: the workflow of DESIGN.md,
 * what a case must hold to be saved, and the formats of its times and
 * phone numbers. The case editor shows the messages next to its fields. */

#define LINLI_CASE_TITLE_MAX 100  /* Unicode characters, as the schema counts them */

/* One message per field, NULL when the field is fine. */
typedef struct
{
  char *title;
  char *category;
  char *source;
  char *reported_at;
  char *due_at;
  char *reporter_name;
  char *phone;
  char *worker;
  char *status;
  char *duplicate_of;
  char *resolution_level;
  char *resolution;
  char *resolved_at;
  char *revisited_at;
} LinliCaseErrors;

gboolean               linli_case_status_can_change  (LinliCaseStatus       from,
                                                      LinliCaseStatus       to);
const LinliCaseStatus *linli_case_status_next        (LinliCaseStatus       from,
                                                      guint                *n_next);
LinliResolutionLevel   linli_resolution_level_raise  (LinliResolutionLevel  level);

void                   linli_case_follow_status      (LinliRecord          *case_copy,
                                                      LinliRecord          *original_or_null,
                                                      LinliCaseStatus       previous,
                                                      GDateTime            *now);
void                   linli_case_follow_worker      (LinliRecord          *case_copy,
                                                      LinliRecord          *original_or_null);

gboolean               linli_case_validate           (LinliRecord          *case_copy,
                                                      LinliRecord          *original_or_null,
                                                      const char           *reporter_name,
                                                      const char           *reporter_phone,
                                                      GDateTime            *now,
                                                      LinliCaseErrors      *errors);
gboolean               linli_case_errors_is_empty    (const LinliCaseErrors *errors);
void                   linli_case_errors_clear       (LinliCaseErrors      *errors);
char                  *linli_case_errors_first       (const LinliCaseErrors *errors);

const char * const    *linli_case_categories         (void);
const char * const    *linli_case_sources            (void);

gboolean               linli_phone_is_valid          (const char           *text);
char                  *linli_phone_normalize         (const char           *text);

GDateTime             *linli_parse_local_time        (const char           *text);
char                  *linli_format_local_time       (GDateTime            *time);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LinliCaseErrors, linli_case_errors_clear)

G_END_DECLS
