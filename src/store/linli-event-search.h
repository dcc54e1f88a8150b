/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

/* Finds the activities or the outreach events whose text contains every
 * word of a search, Chinese included: "反诈", "学雷锋 纪念馆".
 *
 * Activities: title, type, venue, organiser, description, partner
 * organisations and the names of who served. Outreach: title, venue,
 * speaker, notes, organisers, target groups and scam topics. */

#define LINLI_TYPE_EVENT_SEARCH (linli_event_search_get_type ())

G_DECLARE_FINAL_TYPE (LinliEventSearch, linli_event_search, LINLI, EVENT_SEARCH, GObject)

LinliEventSearch *linli_event_search_new       (LinliStore       *store,
                                                GType             type);
void              linli_event_search_set_text  (LinliEventSearch *self,
                                                const char       *text);
const char       *linli_event_search_get_text  (LinliEventSearch *self);
gboolean          linli_event_search_is_empty  (LinliEventSearch *self);
gboolean          linli_event_search_matches   (LinliEventSearch *self,
                                                gint64            id);
gboolean          linli_event_search_filter    (gint64            id,
                                                gpointer          search);

G_END_DECLS
