/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-choices-row"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-section.h"
#include "linli-choices-row.h"

struct _LinliChoicesRow
{
  AdwExpanderRow  parent_instance;

  GPtrArray      *checks;     /* GtkCheckButton, each with its key */
  GtkWidget      *add_row;    /* NULL without an entry for others */
  GtkEntry       *add_entry;
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (LinliChoicesRow, linli_choices_row, ADW_TYPE_EXPANDER_ROW)

enum {
  CHANGED,
  ADD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define KEY_KEY "linli-choice-key"

static gint64
key_of (GtkWidget *check)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (check), KEY_KEY);
}

static void
update_subtitle (LinliChoicesRow *self)
{
  g_auto(GStrv) labels = linli_choices_row_dup_labels (self);
  /* TRANSLATORS: joins the values of a field with several, such as 老年人、学生 */
  g_autofree char *joined = g_strjoinv (_("、"), labels);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), *joined ? joined : _("None"));
}

static void
toggled_cb (LinliChoicesRow *self)
{
  update_subtitle (self);
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
add_cb (LinliChoicesRow *self)
{
  g_autofree char *text = linli_form_field_dup_text (GTK_EDITABLE (self->add_entry));

  if (text == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks, i);
      GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text) == 0)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          return;
        }
    }
  g_signal_emit (self, signals[ADD], 0, text);
}

void
linli_choices_row_clear (LinliChoicesRow *self)
{
  g_return_if_fail (LINLI_IS_CHOICES_ROW (self));

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (self->checks, i), ADW_TYPE_ACTION_ROW);
      adw_expander_row_remove (ADW_EXPANDER_ROW (self), row);
    }
  g_ptr_array_set_size (self->checks, 0);
  update_subtitle (self);
}

/* Added before the entry for others; checked at once when @active. */
void
linli_choices_row_add (LinliChoicesRow *self,
                       gint64           key,
                       const char      *label,
                       gboolean         active)
{
  GtkWidget *row, *check;

  g_return_if_fail (LINLI_IS_CHOICES_ROW (self));

  row = adw_action_row_new ();
  check = gtk_check_button_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (check), KEY_KEY, g_memdup2 (&key, sizeof key), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (toggled_cb), self);
  g_ptr_array_add (self->checks, check);

  if (self->add_row != NULL)
    {
      /* Keeps the entry last. */
      g_object_ref (self->add_row);
      adw_expander_row_remove (ADW_EXPANDER_ROW (self), self->add_row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->add_row);
      g_object_unref (self->add_row);
    }
  else
    adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  update_subtitle (self);
}

guint
linli_choices_row_get_n_items (LinliChoicesRow *self)
{
  g_return_val_if_fail (LINLI_IS_CHOICES_ROW (self), 0);
  return self->checks->len;
}

gboolean
linli_choices_row_has_label (LinliChoicesRow *self,
                             const char      *label)
{
  g_return_val_if_fail (LINLI_IS_CHOICES_ROW (self), FALSE);

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (self->checks, i), ADW_TYPE_ACTION_ROW);
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), label) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Sets a choice without emitting ::changed. */
void
linli_choices_row_set_active (LinliChoicesRow *self,
                              gint64           key,
                              gboolean         active)
{
  g_return_if_fail (LINLI_IS_CHOICES_ROW (self));

  self->loading = TRUE;
  for (guint i = 0; i < self->checks->len; i++)
    if (key_of (g_ptr_array_index (self->checks, i)) == key)
      gtk_check_button_set_active (g_ptr_array_index (self->checks, i), active);
  self->loading = FALSE;
}

/* Returns: (transfer full): the keys chosen, in the order shown */
GArray *
linli_choices_row_dup_keys (LinliChoicesRow *self)
{
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (LINLI_IS_CHOICES_ROW (self), keys);

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      {
        gint64 key = key_of (g_ptr_array_index (self->checks, i));
        g_array_append_val (keys, key);
      }
  return keys;
}

/* Returns: (transfer full): the labels chosen, in the order shown */
GStrv
linli_choices_row_dup_labels (LinliChoicesRow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (LINLI_IS_CHOICES_ROW (self), g_new0 (char *, 1));

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      {
        GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (self->checks, i), ADW_TYPE_ACTION_ROW);
        g_strv_builder_add (builder, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      }
  return g_strv_builder_end (builder);
}

static void
linli_choices_row_finalize (GObject *object)
{
  LinliChoicesRow *self = LINLI_CHOICES_ROW (object);

  g_ptr_array_unref (self->checks);

  G_OBJECT_CLASS (linli_choices_row_parent_class)->finalize (object);
}

static void
linli_choices_row_class_init (LinliChoicesRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = linli_choices_row_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * LinliChoicesRow::add:
   * @text: what the user typed, trimmed; no choice has it yet
   */
  signals[ADD] = g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
linli_choices_row_init (LinliChoicesRow *self)
{
  self->checks = g_ptr_array_new ();
}

/**
 * linli_choices_row_new:
 * @add_placeholder: (nullable): the placeholder of the entry for another
 *   choice; %NULL for none
 */
GtkWidget *
linli_choices_row_new (const char *title,
                       const char *add_placeholder)
{
  LinliChoicesRow *self = g_object_new (LINLI_TYPE_CHOICES_ROW,
                                        "title", title,
                                        "use-underline", TRUE,
                                        NULL);

  if (add_placeholder != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add"));

      self->add_row = adw_action_row_new ();
      self->add_entry = GTK_ENTRY (gtk_entry_new ());
      gtk_entry_set_placeholder_text (self->add_entry, add_placeholder);
      gtk_widget_set_valign (GTK_WIDGET (self->add_entry), GTK_ALIGN_CENTER);
      gtk_widget_set_hexpand (GTK_WIDGET (self->add_entry), TRUE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (self->add_row), GTK_WIDGET (self->add_entry));
      adw_action_row_add_suffix (ADW_ACTION_ROW (self->add_row), button);
      g_signal_connect_swapped (self->add_entry, "activate", G_CALLBACK (add_cb), self);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->add_row);
    }
  update_subtitle (self);
  return GTK_WIDGET (self);
}
