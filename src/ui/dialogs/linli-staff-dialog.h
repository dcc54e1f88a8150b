/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-register-dialog.h"

G_BEGIN_DECLS

#define LINLI_TYPE_STAFF_DIALOG (linli_staff_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LinliStaffDialog, linli_staff_dialog, LINLI, STAFF_DIALOG, LinliRegisterDialog)

LinliStaffDialog *linli_staff_dialog_new (GtkWindow  *parent,
                                          LinliStore *store);

G_END_DECLS
