/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-register-dialog.h"

G_BEGIN_DECLS

#define LINLI_TYPE_BUILDINGS_DIALOG (linli_buildings_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LinliBuildingsDialog, linli_buildings_dialog, LINLI, BUILDINGS_DIALOG, LinliRegisterDialog)

LinliBuildingsDialog *linli_buildings_dialog_new (GtkWindow  *parent,
                                                  LinliStore *store);

G_END_DECLS
