/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_NEW_COMMUNITY_DIALOG (linli_new_community_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LinliNewCommunityDialog, linli_new_community_dialog, LINLI, NEW_COMMUNITY_DIALOG, AdwWindow)

LinliNewCommunityDialog *linli_new_community_dialog_new      (GtkWindow               *parent,
                                                              const char              *default_path);
LinliNewCommunityDialog *linli_new_community_dialog_new_for_file (GtkWindow          *parent,
                                                                  const char         *path);
const char              *linli_new_community_dialog_get_path (LinliNewCommunityDialog *self);
gboolean                 linli_new_community_dialog_show_geojson (LinliNewCommunityDialog *self,
                                                                  const char              *data,
                                                                  gsize                    length,
                                                                  const char              *name,
                                                                  GError                 **error);
void                     linli_new_community_dialog_set_online (LinliNewCommunityDialog *self,
                                                                gboolean                 online);

G_END_DECLS
