/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_RECORD_LIST (linli_record_list_get_type ())

G_DECLARE_FINAL_TYPE (LinliRecordList, linli_record_list, LINLI, RECORD_LIST, GObject)

typedef gboolean (*LinliRecordFilterFunc) (gint64   id,
                                           gpointer user_data);

LinliRecordList *linli_record_list_new      (LinliStore      *store,
                                             GType            type,
                                             const char      *where,
                                             const gint64    *params,
                                             guint            n_params);
void             linli_record_list_set_query (LinliRecordList *self,
                                             const char      *where,
                                             const char      *order,
                                             const gint64    *params,
                                             guint            n_params);
void             linli_record_list_set_query_values (LinliRecordList *self,
                                                     const char      *where,
                                                     const char      *order,
                                                     const GValue    *values,
                                                     guint            n_values);
/* For the queries: a value for the next "?N" of @values, a GArray of
 * GValue; each returns N. A time is in the store's own text form. */
guint            linli_query_values_add      (GArray          *values,
                                              GType            type,
                                              gint64           number,
                                              const char      *text);
guint            linli_query_values_add_time (GArray          *values,
                                              GDateTime       *time);
void             linli_record_list_set_filter (LinliRecordList       *self,
                                               LinliRecordFilterFunc  filter,
                                               gpointer               user_data,
                                               GDestroyNotify         user_data_free);
void             linli_record_list_refilter (LinliRecordList *self);
GArray          *linli_record_list_get_ids  (LinliRecordList *self);
guint            linli_record_list_find     (LinliRecordList *self,
                                             gint64           id);

G_END_DECLS
