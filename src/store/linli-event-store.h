/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

/* An activity is saved and read with who served in it: the activity and
 * its participations are one unit for the editor, written in one
 * transaction, with any partner organisations it names that are new. An
 * outreach event is saved with its new organisers in the same way. */

gboolean   linli_store_save_activity        (LinliStore   *self,
                                             LinliRecord  *original,
                                             LinliRecord  *activity,
                                             GPtrArray    *new_organisations,
                                             GPtrArray    *participations,
                                             GError      **error);
gboolean   linli_store_save_outreach        (LinliStore   *self,
                                             LinliRecord  *original,
                                             LinliRecord  *outreach,
                                             GPtrArray    *new_organisations,
                                             GError      **error);
GPtrArray *linli_store_load_participations  (LinliStore   *self,
                                             gint64        activity_id,
                                             GError      **error);
gboolean   linli_store_delete_activity      (LinliStore   *self,
                                             LinliRecord  *activity,
                                             GPtrArray   **participations_out,
                                             GError      **error);
gboolean   linli_store_restore_activity     (LinliStore   *self,
                                             LinliRecord  *activity,
                                             GPtrArray    *participations,
                                             GError      **error);

gboolean   linli_store_save_organisations   (LinliStore   *self,
                                             GPtrArray    *records,
                                             GPtrArray    *removed,
                                             GError      **error);

G_END_DECLS
