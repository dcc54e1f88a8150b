/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

/* The names of the grids, workers or buildings of a store by id, for views
 * that show a name where a record holds an id. Follows the store. */

#define LINLI_TYPE_RECORD_NAMES (linli_record_names_get_type ())

G_DECLARE_FINAL_TYPE (LinliRecordNames, linli_record_names, LINLI, RECORD_NAMES, GObject)

LinliRecordNames *linli_record_names_new    (LinliStore       *store,
                                             GType             type,
                                             const char       *column);
const char       *linli_record_names_lookup (LinliRecordNames *self,
                                             gint64            id);
char             *linli_record_names_join   (LinliRecordNames *self,
                                             GArray           *ids);
GListModel       *linli_record_names_get_model (LinliRecordNames *self);

G_END_DECLS
