/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A field with several values: an expander row with a check per choice,
 * each with a key (a row id, or a place in a list of words), the values
 * chosen as its subtitle, and optionally an entry to add another choice.
 * Emits ::changed when the user checks or unchecks one, and ::add with the
 * text typed; the owner then adds the choice with linli_choices_row_add(). */

#define LINLI_TYPE_CHOICES_ROW (linli_choices_row_get_type ())

G_DECLARE_FINAL_TYPE (LinliChoicesRow, linli_choices_row, LINLI, CHOICES_ROW, AdwExpanderRow)

GtkWidget *linli_choices_row_new           (const char         *title,
                                            const char         *add_placeholder);
void       linli_choices_row_clear         (LinliChoicesRow    *self);
void       linli_choices_row_add           (LinliChoicesRow    *self,
                                            gint64              key,
                                            const char         *label,
                                            gboolean            active);
guint      linli_choices_row_get_n_items   (LinliChoicesRow    *self);
gboolean   linli_choices_row_has_label     (LinliChoicesRow    *self,
                                            const char         *label);
void       linli_choices_row_set_active    (LinliChoicesRow    *self,
                                            gint64              key,
                                            gboolean            active);
GArray    *linli_choices_row_dup_keys      (LinliChoicesRow    *self);
GStrv      linli_choices_row_dup_labels    (LinliChoicesRow    *self);

G_END_DECLS
