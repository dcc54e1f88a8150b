/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

/* Writing and deleting grids with what follows from it: the cases,
 * activities and outreach events whose point lies in a management grid
 * follow its outline, and a deleted grid's records lose it until Undo. */

typedef struct
{
  guint cases;
  guint activities;
  guint outreach;
  guint buildings;
} LinliGridContents;

typedef struct _LinliGridDeletion LinliGridDeletion;

gboolean           linli_grid_save             (LinliStore         *store,
                                                LinliRecord        *grid,
                                                guint              *n_moved,
                                                GError            **error);
void               linli_grid_count_contents   (LinliStore         *store,
                                                gint64              grid_id,
                                                LinliGridContents  *contents);
char              *linli_grid_describe_deletion (LinliRecord       *grid,
                                                const LinliGridContents *contents);
LinliGridDeletion *linli_grid_delete           (LinliStore         *store,
                                                gint64              grid_id,
                                                GError            **error);
gboolean           linli_grid_deletion_undo    (LinliStore         *store,
                                                LinliGridDeletion  *deletion,
                                                GError            **error);
const char        *linli_grid_deletion_get_name (LinliGridDeletion *deletion);
void               linli_grid_deletion_free    (LinliGridDeletion  *deletion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliGridDeletion, linli_grid_deletion_free)

G_END_DECLS
