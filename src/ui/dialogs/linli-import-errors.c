/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-import-errors"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-csv.h"
#include "linli-import-errors.h"

void
linli_import_errors_clear (AdwPreferencesGroup *group,
                           GtkListBox          *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  gtk_widget_set_visible (GTK_WIDGET (group), FALSE);
}

/* @row_errors: (nullable) (element-type LinliCsvRowError): the rows that
 *   are wrong, or the first of them; @error says how many, or when there
 *   are none what is wrong */
void
linli_import_errors_show (AdwPreferencesGroup *group,
                          GtkListBox          *list,
                          GPtrArray           *row_errors,
                          const GError        *error)
{
  /* A thousand lines are enough to see what is wrong with a file. */
  guint shown = row_errors ? MIN (row_errors->len, 1000) : 0;
  g_autofree char *summary = NULL;

  if (row_errors != NULL && row_errors->len > 0 && error != NULL)
    /* TRANSLATORS: %s says how many rows are wrong and that nothing was imported */
    summary = g_strdup_printf (_("%s Correct the file or the columns, and import again."), error->message);
  else if (row_errors != NULL && row_errors->len > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u row is wrong. Nothing was imported: correct the file or the columns, and import again.",
                                            "%u rows are wrong. Nothing was imported: correct the file or the columns, and import again.",
                                            row_errors->len), row_errors->len);
  else
    summary = g_strdup_printf (_("Nothing was imported: %s"), error ? error->message : "");

  linli_import_errors_clear (group, list);
  adw_preferences_group_set_description (group, summary);
  for (guint i = 0; i < shown; i++)
    {
      LinliCsvRowError *row_error = row_errors->pdata[i];
      GtkWidget *label = gtk_label_new (row_error->message);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (list, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (list), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
}
