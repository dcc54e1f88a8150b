/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What an editor window asks when it is closed with changes: Save, Discard
 * or Cancel, as the case editor does. @respond runs once the dialog is
 * done with "save" or "discard" (never "cancel"), so that it may close the
 * editor, which destroys the dialog. */

typedef void (*LinliEditorRespond) (GtkWindow  *editor,
                                    const char *response);

AdwMessageDialog *linli_editor_ask_to_save (GtkWindow          *editor,
                                            const char         *body,
                                            gboolean            can_save,
                                            LinliEditorRespond  respond);

G_END_DECLS
