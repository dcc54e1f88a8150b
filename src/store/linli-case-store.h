/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

/* A case is saved with who reported it and, when it is new, the diary
 * entries written before it was: one unit for the editor, written in one
 * transaction. */

gboolean linli_store_save_case (LinliStore   *self,
                                LinliRecord  *original,
                                LinliRecord  *case_record,
                                LinliRecord  *reporter,
                                GListModel   *entries,
                                GError      **error);

G_END_DECLS
