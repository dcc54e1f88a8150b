/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-widget-util.h"

/* Runs the main loop until @widget is mapped with a size, and a few turns
 * more for layout and the first frame. */
void
test_wait_until_drawn (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while ((!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Every widget of @type under @root, in depth-first order. */
void
test_collect (GtkWidget *root,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    test_collect (child, type, found);
}

GtkWidget *
test_find (GtkWidget *root,
           GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  test_collect (root, type, found);
  return found->len > 0 ? found->pdata[0] : NULL;
}

GtkWidget *
test_find_button (GtkWidget  *root,
                  const char *action_name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  test_collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action_name) == 0)
      return buttons->pdata[i];
  return NULL;
}

GtkWidget *
test_find_button_labelled (GtkWidget  *root,
                           const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  test_collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];
  return NULL;
}

static LinliAlert *
find_alert_under (GtkWidget *widget)
{
  LinliAlert *alert = linli_alert_for_dialog (widget);

  if (alert != NULL && linli_alert_is_shown (alert))
    return alert;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if ((alert = find_alert_under (child)) != NULL)
      return alert;
  return NULL;
}

/* The alert shown and not answered yet, wherever it is: a window of its
 * own (AdwMessageDialog) or inside its parent's (AdwAlertDialog). The
 * newest toplevel first. */
LinliAlert *
test_find_alert (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i - 1);
      LinliAlert *alert = find_alert_under (toplevel);

      if (alert != NULL)
        return alert;
    }
  return NULL;
}

/* GTK's own file chooser dialog, which both GtkFileChooserNative and
 * GtkFileDialog show when no portal answers (outside Flatpak), once it is
 * on screen; NULL if none comes within five seconds. */
GtkWidget *
test_find_file_chooser (void)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  while (g_get_monotonic_time () < deadline)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

          if (GTK_IS_FILE_CHOOSER_DIALOG (toplevel) && gtk_widget_get_visible (toplevel))
            return toplevel;
        }
      g_main_context_iteration (NULL, FALSE);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
  return NULL;
}

/* Chooses @file in @chooser and clicks its accept button, as a user
 * would; NULL: Cancel. */
void
test_answer_file_chooser (GtkWidget *chooser,
                          GFile     *file)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (file == NULL)
    {
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      return;
    }
  /* A save's name field takes a whole path, as a user may type one. */
  if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), g_file_peek_path (file));
  else
    g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));

  /* The folder loads in the background; the file is chosen after. */
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    for (;;)
      {
        g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

        if (chosen != NULL && g_file_equal (chosen, file))
          break;
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
      }
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* The row titled @title, without its mnemonic underline; fails the test
 * when there is none. */
GtkWidget *
test_find_row (GtkWidget  *root,
               const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  test_collect (root, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GString) plain = g_string_new (adw_preferences_row_get_title (rows->pdata[i]));
      g_string_replace (plain, "_", "", 0);
      if (g_str_equal (plain->str, title))
        return rows->pdata[i];
    }
  g_error ("No row titled “%s”", title);
}

/* Types @text in the entry of the row titled @title. */
void
test_set_text (GtkWidget  *root,
               const char *title,
               const char *text)
{
  GtkWidget *entry = test_find (test_find_row (root, title), GTK_TYPE_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

void
test_set_text_view (GtkWidget  *root,
                    const char *title,
                    const char *text)
{
  GtkWidget *view = test_find (test_find_row (root, title), GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Picks @label in the combo row titled @title. */
void
test_choose (GtkWidget  *root,
             const char *title,
             const char *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (test_find_row (root, title));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
      if (g_str_equal (gtk_string_object_get_string (item), label))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("“%s” offers no “%s”", title, label);
}

/* The labels the combo row titled @title offers, joined with "|". */
char *
test_choices_of (GtkWidget  *root,
                 const char *title)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (test_find_row (root, title)));
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
      g_string_append_printf (joined, "%s%s", i ? "|" : "", gtk_string_object_get_string (item));
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* Returns: (transfer none) (nullable) (type GtkWindow): the open window of
 *   @type, the first if there are several */
gpointer
test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* The first toplevel of type once the main loop has made one (a job that
 * builds a report opens its preview when the thread ends), or NULL after
 * 20 s. */
gpointer
test_wait_for_toplevel (GType type)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (test_find_toplevel (type) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  return test_find_toplevel (type);
}
