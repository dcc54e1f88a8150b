/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LINLI_TYPE_FILTER_FOLD (linli_filter_fold_get_type ())

G_DECLARE_FINAL_TYPE (LinliFilterFold, linli_filter_fold, LINLI, FILTER_FOLD, GtkWidget)

/* A filter bar that folds: its content, a box of drop-downs and toggles,
 * is a strip while the room given holds it all, and otherwise goes into
 * the popover of one "Filters (N)" button, N the filters not at "any". */
GtkWidget *linli_filter_fold_new         (void);
GtkWidget *linli_filter_fold_get_content (LinliFilterFold *self);
void       linli_filter_fold_set_content (LinliFilterFold *self,
                                          GtkWidget       *content);
gboolean   linli_filter_fold_get_folded  (LinliFilterFold *self);
GtkWidget *linli_filter_fold_get_button  (LinliFilterFold *self);
guint      linli_filter_fold_get_n_active (LinliFilterFold *self);

G_END_DECLS
