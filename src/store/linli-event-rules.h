/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-records.h"

G_BEGIN_DECLS

/* The rules of a volunteer activity with its participants and of an
 * anti-fraud outreach event, apart from any widget. The editors show the
 * messages next to their fields and keep Save off while there is one. */

#define LINLI_PARTICIPATION_HOURS_MAX 24.0  /* as the schema allows */

/* One message per field, NULL when the field is fine. */
typedef struct
{
  char *volunteer;  /* none chosen, or chosen twice */
  char *hours;      /* below 0, beyond the activity's length or 24 */
} LinliParticipantErrors;

typedef struct
{
  char *title;
  char *type;
  char *start_at;
  char *end_at;
  char *beneficiaries;
  char *participants;          /* about the list as a whole: a done activity without anyone */
  LinliParticipantErrors *participant;  /* one per participation passed in */
  guint n_participants;
} LinliActivityErrors;

typedef struct
{
  char *title;
  char *start_at;
  char *end_at;
  char *attendees;
  char *leaflets;
  char *app_installs;   /* negative, or more than attendees without installs_off_site */
  char *consultations;
} LinliOutreachErrors;

/* A participation may name a volunteer who is not stored yet: volunteer_id
 * is 0 and the new volunteer record (id 0) is attached with this. Saving
 * the activity stores the volunteer first. */
void         linli_participation_set_new_volunteer (LinliRecord *participation,
                                                    LinliRecord *volunteer_or_null);
LinliRecord *linli_participation_get_new_volunteer (LinliRecord *participation);

double       linli_activity_length_hours    (LinliRecord               *activity);

gboolean     linli_activity_validate        (LinliRecord               *activity,
                                             GPtrArray                 *participations,
                                             LinliActivityErrors       *errors);
gboolean     linli_activity_errors_is_empty (const LinliActivityErrors *errors);
void         linli_activity_errors_clear    (LinliActivityErrors       *errors);
char        *linli_activity_errors_first    (const LinliActivityErrors *errors);

gboolean     linli_outreach_validate        (LinliRecord               *outreach,
                                             LinliOutreachErrors       *errors);
gboolean     linli_outreach_errors_is_empty (const LinliOutreachErrors *errors);
void         linli_outreach_errors_clear    (LinliOutreachErrors       *errors);
char        *linli_outreach_errors_first    (const LinliOutreachErrors *errors);

gboolean     linli_event_parse_count        (const char                *text,
                                             gint64                    *count,
                                             char                     **message);
gboolean     linli_event_parse_hours        (const char                *text,
                                             double                    *hours,
                                             char                     **message);

const char * const *linli_activity_types          (void);
const char * const *linli_outreach_target_groups  (void);
const char * const *linli_outreach_topics         (void);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LinliActivityErrors, linli_activity_errors_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LinliOutreachErrors, linli_outreach_errors_clear)

G_END_DECLS
