/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-filter-fold"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-filter-fold.h"

/* libadwaita 1.2 has no breakpoints, and a flow box made the window
 * height-for-width: the fold decides in its own size_allocate() from a
 * width that does not depend on where the filters are, and moves them
 * after the frame, so that the two places never fight. */

struct _LinliFilterFold
{
  GtkWidget  parent_instance;

  GtkWidget *content;      /* owned; a child of ours or of popover_box */
  GtkWidget *button;       /* "Filters (N)" */
  GtkWidget *popover_box;
  gboolean   folded;
  guint      n_active;
  guint      move_id;
};

G_DEFINE_FINAL_TYPE (LinliFilterFold, linli_filter_fold, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The width the filters take side by side, wherever they are now. */
static int
strip_width (LinliFilterFold *self)
{
  int width = 0;
  guint n = 0;

  if (self->content == NULL)
    return 0;
  for (GtkWidget *child = gtk_widget_get_first_child (self->content); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int natural = 0;

      /* A revealer folded away is as wide as its child when it slides
       * down, in the popover: count it as in the strip. */
      if (!gtk_widget_get_visible (child) ||
          (GTK_IS_REVEALER (child) && !gtk_revealer_get_reveal_child (GTK_REVEALER (child))))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      width += natural;
      n++;
    }
  if (n > 1 && GTK_IS_BOX (self->content))
    width += (n - 1) * gtk_box_get_spacing (GTK_BOX (self->content));
  return width;
}

static void
update_label (LinliFilterFold *self)
{
  g_autofree char *label = NULL;
  guint n = 0;

  if (self->content != NULL)
    for (GtkWidget *child = gtk_widget_get_first_child (self->content); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        if (!gtk_widget_get_visible (child))
          continue;
        if (GTK_IS_DROP_DOWN (child))
          {
            guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (child));

            n += selected != 0 && selected != GTK_INVALID_LIST_POSITION;
          }
        else if (GTK_IS_TOGGLE_BUTTON (child))
          n += gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child));
      }
  self->n_active = n;
  /* Translators: the button that holds the filters of a narrow window;
   * %u is how many of them are set */
  label = n == 0 ? g_strdup (_("_Filters")) : g_strdup_printf (_("_Filters (%u)"), n);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->button), label);
}

static gboolean
move_cb (gpointer data)
{
  LinliFilterFold *self = data;
  gboolean folded;

  self->move_id = 0;
  folded = gtk_widget_get_width (GTK_WIDGET (self)) < strip_width (self);
  if (folded == self->folded || self->content == NULL)
    return G_SOURCE_REMOVE;

  self->folded = folded;
  /* A revealer (of a range typed in) slides in along the box. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->content); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_REVEALER (child))
      gtk_revealer_set_transition_type (GTK_REVEALER (child), folded ? GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN
                                                                     : GTK_REVEALER_TRANSITION_TYPE_SLIDE_LEFT);
  g_object_ref (self->content);
  if (folded)
    {
      gtk_widget_unparent (self->content);
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->content), GTK_ORIENTATION_VERTICAL);
      gtk_box_append (GTK_BOX (self->popover_box), self->content);
    }
  else
    {
      gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
      gtk_box_remove (GTK_BOX (self->popover_box), self->content);
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->content), GTK_ORIENTATION_HORIZONTAL);
      gtk_widget_insert_before (self->content, GTK_WIDGET (self), self->button);
    }
  g_object_unref (self->content);
  gtk_widget_set_child_visible (self->button, folded);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
  return G_SOURCE_REMOVE;
}

static void
filter_changed_cb (LinliFilterFold *self)
{
  update_label (self);
}

static void
linli_filter_fold_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  LinliFilterFold *self = LINLI_FILTER_FOLD (widget);
  int button_min = 0, button_nat = 0;

  gtk_widget_measure (self->button, orientation, -1, &button_min, &button_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* The same wherever the filters are: the fold never flips itself. */
      *minimum = button_min;
      *natural = MAX (button_nat, strip_width (self));
    }
  else if (self->folded || self->content == NULL)
    {
      *minimum = button_min;
      *natural = button_nat;
    }
  else
    {
      gtk_widget_measure (self->content, orientation, -1, minimum, natural, NULL, NULL);
      *minimum = MAX (*minimum, button_min);
      *natural = MAX (*natural, button_nat);
    }
}

static void
linli_filter_fold_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  LinliFilterFold *self = LINLI_FILTER_FOLD (widget);

  if ((width < strip_width (self)) != self->folded && self->move_id == 0)
    self->move_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, move_cb, self, NULL);

  if (self->folded || self->content == NULL)
    {
      int button_nat = 0;

      gtk_widget_measure (self->button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &button_nat, NULL, NULL);
      gtk_widget_size_allocate (self->button,
                                &(GtkAllocation) { 0, 0, MIN (width, button_nat), height }, -1);
    }
  else
    {
      int content_min = 0;

      /* Until the filters move, they are clipped. */
      gtk_widget_measure (self->content, GTK_ORIENTATION_HORIZONTAL, -1, &content_min, NULL, NULL, NULL);
      gtk_widget_size_allocate (self->content,
                                &(GtkAllocation) { 0, 0, MAX (width, content_min), height }, -1);
    }
}

static void
linli_filter_fold_dispose (GObject *object)
{
  LinliFilterFold *self = LINLI_FILTER_FOLD (object);

  g_clear_handle_id (&self->move_id, g_source_remove);
  if (self->content != NULL && gtk_widget_get_parent (self->content) == GTK_WIDGET (self))
    gtk_widget_unparent (self->content);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_object (&self->content);

  G_OBJECT_CLASS (linli_filter_fold_parent_class)->dispose (object);
}

static void
linli_filter_fold_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LinliFilterFold *self = LINLI_FILTER_FOLD (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_filter_fold_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LinliFilterFold *self = LINLI_FILTER_FOLD (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      linli_filter_fold_set_content (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_filter_fold_class_init (LinliFilterFoldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_filter_fold_dispose;
  object_class->get_property = linli_filter_fold_get_property;
  object_class->set_property = linli_filter_fold_set_property;
  widget_class->measure = linli_filter_fold_measure;
  widget_class->size_allocate = linli_filter_fold_size_allocate;

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
linli_filter_fold_init (LinliFilterFold *self)
{
  GtkWidget *popover = gtk_popover_new ();

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  self->popover_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_popover_set_child (GTK_POPOVER (popover), self->popover_box);
  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (self->button), TRUE);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  gtk_widget_set_child_visible (self->button, FALSE);
  update_label (self);
}

GtkWidget *
linli_filter_fold_new (void)
{
  return g_object_new (LINLI_TYPE_FILTER_FOLD, NULL);
}

/* Returns: (transfer none) (nullable): the box of filters */
GtkWidget *
linli_filter_fold_get_content (LinliFilterFold *self)
{
  g_return_val_if_fail (LINLI_IS_FILTER_FOLD (self), NULL);

  return self->content;
}

/* @content: a #GtkBox of drop-downs and toggle buttons, whose first rows
 * and inactive states are "any" */
void
linli_filter_fold_set_content (LinliFilterFold *self,
                               GtkWidget       *content)
{
  g_return_if_fail (LINLI_IS_FILTER_FOLD (self));
  g_return_if_fail (GTK_IS_BOX (content));
  g_return_if_fail (self->content == NULL);

  self->content = g_object_ref_sink (content);
  gtk_widget_insert_before (content, GTK_WIDGET (self), self->button);
  for (GtkWidget *child = gtk_widget_get_first_child (content); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_DROP_DOWN (child))
        g_signal_connect_object (child, "notify::selected", G_CALLBACK (filter_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      else if (GTK_IS_TOGGLE_BUTTON (child))
        g_signal_connect_object (child, "notify::active", G_CALLBACK (filter_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      g_signal_connect_object (child, "notify::visible", G_CALLBACK (filter_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  update_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

/* Returns: whether the filters are in the popover of the Filters button */
gboolean
linli_filter_fold_get_folded (LinliFilterFold *self)
{
  g_return_val_if_fail (LINLI_IS_FILTER_FOLD (self), FALSE);

  return self->folded;
}

/* Returns: (transfer none): the Filters button */
GtkWidget *
linli_filter_fold_get_button (LinliFilterFold *self)
{
  g_return_val_if_fail (LINLI_IS_FILTER_FOLD (self), NULL);

  return self->button;
}

/* Returns: how many filters are set (the N of "Filters (N)") */
guint
linli_filter_fold_get_n_active (LinliFilterFold *self)
{
  g_return_val_if_fail (LINLI_IS_FILTER_FOLD (self), 0);

  return self->n_active;
}
