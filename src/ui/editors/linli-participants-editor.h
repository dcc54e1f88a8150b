/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-event-rules.h"
#include "linli-record-section.h"
#include "linli-store.h"

G_BEGIN_DECLS

/* Who served in an activity: a row per participation with the volunteer,
 * the role and the hours of service, volunteers added from the register or
 * new, and the number of volunteers and hours as the list changes. */

#define LINLI_TYPE_PARTICIPANTS_EDITOR (linli_participants_editor_get_type ())

G_DECLARE_FINAL_TYPE (LinliParticipantsEditor, linli_participants_editor, LINLI, PARTICIPANTS_EDITOR, AdwPreferencesGroup)

void       linli_participants_editor_load          (LinliParticipantsEditor   *self,
                                                    LinliStore                *store,
                                                    GPtrArray                 *participations);
GPtrArray *linli_participants_editor_get_participations (LinliParticipantsEditor *self);
gboolean   linli_participants_editor_has_changes   (LinliParticipantsEditor   *self);
void       linli_participants_editor_show_errors   (LinliParticipantsEditor   *self,
                                                    const LinliActivityErrors *errors,
                                                    gboolean                   show_all);
void       linli_participants_editor_add_volunteer (LinliParticipantsEditor   *self,
                                                    gint64                     volunteer_id);
void       linli_participants_editor_add_new_volunteer (LinliParticipantsEditor *self,
                                                        const char              *name,
                                                        const char              *phone);
void       linli_participants_editor_set_hours     (LinliParticipantsEditor   *self,
                                                    guint                      index,
                                                    double                     hours);
void       linli_participants_editor_get_totals    (LinliParticipantsEditor   *self,
                                                    guint                     *n_volunteers,
                                                    double                    *hours);

G_END_DECLS
