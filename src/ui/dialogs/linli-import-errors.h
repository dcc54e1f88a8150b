/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the case and event import dialogs show when nothing was imported:
 * a summary in the description of @group and each wrong row, as the
 * reader of the file told it (#LinliCsvRowError), in @list. */

void linli_import_errors_clear (AdwPreferencesGroup *group,
                                GtkListBox          *list);
void linli_import_errors_show  (AdwPreferencesGroup *group,
                                GtkListBox          *list,
                                GPtrArray           *row_errors,
                                const GError        *error);

G_END_DECLS
