/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-volunteers-view"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-column-sort.h"
#include "linli-mask.h"
#include "linli-text-column.h"
#include "linli-volunteer-editor.h"
#include "linli-volunteer-hours.h"
#include "linli-volunteers-view.h"

typedef enum {
  COLUMN_NAME,
  COLUMN_NUMBER,
  COLUMN_PHONE,
  COLUMN_SKILLS,
  COLUMN_ACTIVITIES,
  COLUMN_HOURS,
} Column;

struct _LinliVolunteersView
{
  GtkWidget           parent_instance;

  GtkColumnView      *column_view;

  LinliStore         *store;
  LinliRecordList    *volunteers;
  GtkSingleSelection *selection;
  GHashTable         *service;   /* volunteer id → LinliServiceTotal in the period */
  GDateTime          *from;      /* the period; NULL for no limit */
  GDateTime          *until;
};

G_DEFINE_FINAL_TYPE (LinliVolunteersView, linli_volunteers_view, GTK_TYPE_WIDGET)

/* Every registered volunteer, with what they served in the period: one
 * just imported, who has served nowhere yet, is listed with 0 hours. */
static void
refresh (LinliVolunteersView *self)
{
  g_autoptr(GError) error = NULL;
  int key = LINLI_VOLUNTEER_SORT_HOURS;
  gboolean descending = TRUE;

  if (self->volunteers == NULL)
    return;
  g_clear_pointer (&self->service, g_hash_table_unref);
  self->service = linli_volunteer_hours_by_volunteer (self->store, self->from, self->until, &error);
  if (self->service == NULL)
    g_warning ("Cannot add up the volunteers’ hours: %s", error->message);
  if (!linli_column_view_get_sort (self->column_view, &key, &descending))
    {
      key = LINLI_VOLUNTEER_SORT_HOURS;
      descending = TRUE;
    }
  linli_volunteer_query_apply (self->volunteers, self->from, self->until, FALSE, key, descending);
}

static void
store_changed_cb (LinliVolunteersView *self,
                  GType                type)
{
  if (type == LINLI_TYPE_PARTICIPATION || type == LINLI_TYPE_VOLUNTEER || type == LINLI_TYPE_ACTIVITY)
    refresh (self);
}

static char *
cell_text (gpointer     view,
           LinliRecord *record,
           int          column)
{
  LinliVolunteersView *self = view;
  gint64 id = linli_record_get_id (record);
  LinliServiceTotal *total = self->service ? g_hash_table_lookup (self->service, &id) : NULL;

  switch ((Column) column)
    {
    case COLUMN_NAME:
      return g_strdup (linli_record_get_text (record, "name"));
    case COLUMN_NUMBER:
      return g_strdup (linli_record_get_text (record, "number"));
    case COLUMN_PHONE:
      /* Masked outside the editor. */
      return linli_mask_phone (linli_record_get_text (record, "phone"));
    case COLUMN_SKILLS:
      return g_strdup (linli_record_get_text (record, "skills"));
    case COLUMN_ACTIVITIES:
      return g_strdup_printf ("%u", total ? total->n_activities : 0);
    case COLUMN_HOURS:
      return linli_format_hours (total ? total->hours : 0);
    default:
      g_assert_not_reached ();
    }
}

static void
activated_cb (LinliVolunteersView *self,
              guint                position)
{
  g_autoptr(LinliRecord) volunteer = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->volunteers == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->volunteers)))
    return;
  volunteer = g_list_model_get_item (G_LIST_MODEL (self->volunteers), position);
  gtk_window_present (GTK_WINDOW (linli_volunteer_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                              self->store, volunteer)));
}

static void
linli_volunteers_view_dispose (GObject *object)
{
  LinliVolunteersView *self = LINLI_VOLUNTEERS_VIEW (object);
  GtkWidget *child;

  linli_volunteers_view_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_VOLUNTEERS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (linli_volunteers_view_parent_class)->dispose (object);
}

static void
linli_volunteers_view_finalize (GObject *object)
{
  LinliVolunteersView *self = LINLI_VOLUNTEERS_VIEW (object);

  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);

  G_OBJECT_CLASS (linli_volunteers_view_parent_class)->finalize (object);
}

static void
linli_volunteers_view_class_init (LinliVolunteersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_volunteers_view_dispose;
  object_class->finalize = linli_volunteers_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-volunteers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliVolunteersView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
linli_volunteers_view_init (LinliVolunteersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  linli_column_view_add_text (self->column_view, _("Name"), -120, LINLI_VOLUNTEER_SORT_NAME, FALSE, cell_text, self, COLUMN_NAME);
  linli_column_view_add_text (self->column_view, _("Volunteer Number"), 140, LINLI_VOLUNTEER_SORT_NUMBER, FALSE, cell_text, self, COLUMN_NUMBER);
  linli_column_view_add_text (self->column_view, _("Phone"), 120, -1, FALSE, cell_text, self, COLUMN_PHONE);
  linli_column_view_add_text (self->column_view, _("Skills"), 160, -1, FALSE, cell_text, self, COLUMN_SKILLS);
  linli_column_view_add_text (self->column_view, _("Activities"), 90, LINLI_VOLUNTEER_SORT_ACTIVITIES, TRUE, cell_text, self, COLUMN_ACTIVITIES);
  linli_column_view_add_text (self->column_view, _("Hours"), 80, LINLI_VOLUNTEER_SORT_HOURS, TRUE, cell_text, self, COLUMN_HOURS);
  /* Most hours first, with the arrow on the column that says so. */
  linli_column_view_sort_by (self->column_view, COLUMN_HOURS, GTK_SORT_DESCENDING);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (refresh), self);
}

void
linli_volunteers_view_set_store (LinliVolunteersView *self,
                                 LinliStore          *store)
{
  g_return_if_fail (LINLI_IS_VOLUNTEERS_VIEW (self));
  g_return_if_fail (store == NULL || LINLI_IS_STORE (store));

  if (store == self->store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->volunteers);
  g_clear_pointer (&self->service, g_hash_table_unref);
  g_clear_object (&self->store);

  if (store == NULL)
    return;
  self->store = g_object_ref (store);
  self->volunteers = linli_record_list_new (store, LINLI_TYPE_VOLUNTEER, NULL, NULL, 0);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->volunteers)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  refresh (self);
}

/**
 * linli_volunteers_view_set_period:
 * @from: (nullable): the first moment of the period
 * @until: (nullable): the moment after it
 */
void
linli_volunteers_view_set_period (LinliVolunteersView *self,
                                  GDateTime           *from,
                                  GDateTime           *until)
{
  g_return_if_fail (LINLI_IS_VOLUNTEERS_VIEW (self));

  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  self->from = from ? g_date_time_ref (from) : NULL;
  self->until = until ? g_date_time_ref (until) : NULL;
  refresh (self);
}

/* Returns: (transfer none) (nullable): every volunteer, in the order
 *   shown */
GListModel *
linli_volunteers_view_get_volunteers (LinliVolunteersView *self)
{
  g_return_val_if_fail (LINLI_IS_VOLUNTEERS_VIEW (self), NULL);
  return self->volunteers ? G_LIST_MODEL (self->volunteers) : NULL;
}

/* Returns: (transfer full): the hours of @volunteer in the period, as shown */
char *
linli_volunteers_view_dup_hours (LinliVolunteersView *self,
                                 LinliRecord         *volunteer)
{
  g_return_val_if_fail (LINLI_IS_VOLUNTEERS_VIEW (self), NULL);
  return cell_text (self, volunteer, COLUMN_HOURS);
}
