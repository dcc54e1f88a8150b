/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

/* The lookups imports and exports make: records of one table by a text
 * key (a name, a code) and back, for files that name a record instead of
 * giving its id. Read at the time of the call; they do not follow the store. */

typedef enum {
  LINLI_RECORD_KEY_GRID_NAME,
  LINLI_RECORD_KEY_GRID_CODE,
  LINLI_RECORD_KEY_GRID_LABEL,           /* the name, or the code when another grid has the name */
  LINLI_RECORD_KEY_ORGANISATION_NAME,
  LINLI_RECORD_KEY_VOLUNTEER_NAME,
  LINLI_RECORD_KEY_VOLUNTEER_NUMBER,
  LINLI_RECORD_KEY_ACTIVITY_TITLE_START, /* title, U+001F, local start "YYYY-MM-DD HH:MM" */
} LinliRecordKey;

GHashTable *linli_store_ids_by_key                (LinliStore     *self,
                                                   LinliRecordKey  key);
GHashTable *linli_store_keys_by_id                (LinliStore     *self,
                                                   LinliRecordKey  key);
GHashTable *linli_store_volunteer_names_by_number (LinliStore     *self);

G_END_DECLS
