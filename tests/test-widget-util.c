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
