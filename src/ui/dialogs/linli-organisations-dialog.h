/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_ORGANISATIONS_DIALOG (linli_organisations_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LinliOrganisationsDialog, linli_organisations_dialog, LINLI, ORGANISATIONS_DIALOG, AdwWindow)

LinliOrganisationsDialog *linli_organisations_dialog_new (GtkWindow  *parent,
                                                          LinliStore *store);

void linli_organisations_dialog_show (GtkWidget  *from,
                                     LinliStore *store);

G_END_DECLS
