/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_LOCATION_DIALOG (linli_location_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LinliLocationDialog, linli_location_dialog, LINLI, LOCATION_DIALOG, AdwWindow)

LinliLocationDialog *linli_location_dialog_new      (GtkWindow           *parent,
                                                     LinliStore          *store,
                                                     double               latitude,
                                                     double               longitude);
void                 linli_location_dialog_pick     (LinliLocationDialog *self,
                                                     double               latitude,
                                                     double               longitude);

G_END_DECLS
