/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-activities-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "linli-activities-page.h"
#include "linli-activity-editor.h"
#include "linli-column-sort.h"
#include "linli-event-csv.h"
#include "linli-event-export.h"
#include "linli-xlsx.h"
#include "linli-event-import-dialog.h"
#include "linli-event-query.h"
#include "linli-event-rules.h"
#include "linli-event-store.h"
#include "linli-organisations-dialog.h"
#include "linli-page-util.h"
#include "linli-record-names.h"
#include "linli-volunteers-view.h"

/* The Activities page: the volunteer activities in a table that reads only
 * the rows on screen, searched and filtered like the cases, with the
 * number of activities, volunteers and hours of what is shown above it;
 * and the Volunteers view: each volunteer's activities and hours in the
 * period chosen. */

typedef enum {
  COLUMN_TITLE,
  COLUMN_TYPE,
  COLUMN_STATUS,
  COLUMN_GRID,
  COLUMN_VENUE,
  COLUMN_START,
  COLUMN_VOLUNTEERS,
  COLUMN_HOURS,
} Column;


struct _LinliActivitiesPage
{
  GtkWidget            parent_instance;

  GtkSearchEntry      *search_entry;
  GtkDropDown         *type_filter;
  GtkDropDown         *status_filter;
  GtkDropDown         *grid_filter;
  GtkDropDown         *period_filter;
  GtkToggleButton     *volunteers_toggle;
  GtkLabel            *totals_label;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  LinliVolunteersView *volunteers_view;

  LinliStore          *store;
  LinliEventSearch    *search;
  LinliRecordList     *activities;
  GtkSingleSelection  *selection;
  GDateTime           *from;      /* the period chosen; NULL for no limit */
  GDateTime           *until;
  LinliRecordNames    *grids;
  GArray              *grid_ids;
  gboolean             updating_filters;
};

G_DEFINE_FINAL_TYPE (LinliActivitiesPage, linli_activities_page, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------------ */
/* The query and its totals                                                  */

static char *
totals_text (LinliActivitiesPage *self)
{
  LinliEventTotals totals = { 0 };
  g_autofree char *events = NULL;
  g_autofree char *volunteers = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *hours_number = NULL;

  if (self->activities != NULL)
    linli_event_totals_compute (&totals, self->store, LINLI_TYPE_ACTIVITY, self->activities);
  hours_number = linli_format_hours (totals.hours);
  events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity", "%u activities", totals.n_events),
                            totals.n_events);
  volunteers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u volunteer", "%u volunteers", totals.n_volunteers),
                                totals.n_volunteers);
  /* TRANSLATORS: %s is a number of hours, such as 5.5 */
  hours = g_strdup_printf (_("%s hours of service"), hours_number);
  return g_strjoin (" · ", events, volunteers, hours, NULL);
}

static void
update_totals (LinliActivitiesPage *self)
{
  g_autofree char *text = totals_text (self);

  gtk_label_set_text (self->totals_label, text);
  if (gtk_toggle_button_get_active (self->volunteers_toggle))
    gtk_stack_set_visible_child_name (self->stack, "volunteers");
  else
    linli_page_show_list (self->stack, G_LIST_MODEL (self->activities), self->store, LINLI_TYPE_ACTIVITY);
}

static void
apply_query (LinliActivitiesPage *self)
{
  g_auto(LinliEventQuery) query = { 0 };
  g_autoptr(GDateTime) now = NULL;
  guint status_row;
  const char *type;
  int key;
  gboolean descending;

  if (self->activities == NULL || self->updating_filters)
    return;

  now = linli_store_now (self->store);
  linli_event_query_init (&query);
  type = linli_drop_down_get_string (self->type_filter);
  query.activity_type = g_strdup (type);
  status_row = gtk_drop_down_get_selected (self->status_filter);
  if (status_row != GTK_INVALID_LIST_POSITION && status_row > 0)
    query.statuses = LINLI_EVENT_BIT (status_row - 1);
  query.grid_id = linli_drop_down_get_id (self->grid_filter, self->grid_ids);
  linli_period_bounds (gtk_drop_down_get_selected (self->period_filter), now, &query.from, &query.until);
  if (linli_column_view_get_sort (self->column_view, &key, &descending))
    {
      query.sort = key;
      query.descending = descending;
    }
  linli_event_query_apply (&query, LINLI_TYPE_ACTIVITY, self->activities);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  self->from = query.from ? g_date_time_ref (query.from) : NULL;
  self->until = query.until ? g_date_time_ref (query.until) : NULL;
  linli_volunteers_view_set_period (self->volunteers_view, query.from, query.until);
  update_totals (self);
}

static void
filters_changed_cb (LinliActivitiesPage *self)
{
  apply_query (self);
}

static void
search_changed_cb (LinliActivitiesPage *self)
{
  if (self->search == NULL)
    return;
  linli_event_search_set_text (self->search, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  linli_record_list_refilter (self->activities);
  update_totals (self);
}

static void
stop_search_cb (LinliActivitiesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
fill_filters (LinliActivitiesPage *self)
{
  g_auto(GStrv) types = self->store ? linli_store_dup_activity_types (self->store) : NULL;

  self->updating_filters = TRUE;
  linli_drop_down_set_records (self->grid_filter, self->grid_ids, self->grids, _("All Grids"));
  linli_drop_down_set_words (self->type_filter, _("All Types"), (const char * const *) types);
  self->updating_filters = FALSE;
}

static void
names_changed_cb (LinliActivitiesPage *self)
{
  fill_filters (self);
  apply_query (self);
}

static void
store_changed_cb (LinliActivitiesPage *self,
                  GType                type)
{
  /* Participations change the totals; a new type, the filter. */
  if (type == LINLI_TYPE_PARTICIPATION || type == LINLI_TYPE_VOLUNTEER)
    update_totals (self);
  else if (type == LINLI_TYPE_ACTIVITY)
    {
      fill_filters (self);
      update_totals (self);
    }
}

/* ------------------------------------------------------------------------ */
/* Cells                                                                     */

static char *
cell_text (gpointer     page,
           LinliRecord *record,
           int          column)
{
  LinliActivitiesPage *self = page;
  guint n = 0;
  double hours = 0;

  switch ((Column) column)
    {
    case COLUMN_TITLE:
      return g_strdup (linli_record_get_text (record, "title"));
    case COLUMN_TYPE:
      return g_strdup (linli_record_get_text (record, "type"));
    case COLUMN_STATUS:
      return g_strdup (linli_activity_status_label (linli_record_get_enum (record, "status")));
    case COLUMN_GRID:
      return g_strdup (linli_record_names_lookup (self->grids, linli_record_get_int (record, "grid_id")));
    case COLUMN_VENUE:
      return g_strdup (linli_record_get_text (record, "venue"));
    case COLUMN_START:
      {
        GDateTime *start = linli_record_get_datetime (record, "start_at");
        g_autoptr(GDateTime) local = start ? g_date_time_to_local (start) : NULL;
        return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;
      }
    case COLUMN_VOLUNTEERS:
      linli_activity_count_service (self->store, linli_record_get_id (record), &n, &hours);
      return g_strdup_printf ("%u", n);
    case COLUMN_HOURS:
      linli_activity_count_service (self->store, linli_record_get_id (record), &n, &hours);
      /* Hours are served, not planned: none yet is not "0.0". */
      if (hours == 0 && linli_record_get_enum (record, "status") != LINLI_ACTIVITY_STATUS_DONE)
        return g_strdup ("—");
      return linli_format_hours (hours);
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------------ */
/* Editing                                                                   */

typedef struct
{
  LinliStore  *store;
  LinliRecord *activity;
  GPtrArray   *participations;
} Deleted;

static void
deleted_notify (gpointer  data,
                GClosure *closure)
{
  Deleted *deleted = data;

  g_object_unref (deleted->store);
  g_object_unref (deleted->activity);
  g_ptr_array_unref (deleted->participations);
  g_free (deleted);
}

/* Undo: the activity comes back with its id and who served in it. */
static void
undo_delete_cb (AdwToast *toast,
                Deleted  *deleted)
{
  g_autoptr(GError) error = NULL;

  if (!linli_store_restore_activity (deleted->store, deleted->activity, deleted->participations, &error))
    g_warning ("Cannot put the activity back: %s", error->message);
}

static void
activity_deleted_cb (LinliActivitiesPage *self,
                     LinliRecord         *activity,
                     GPtrArray           *participations)
{
  /* TRANSLATORS: %s is the title of the activity */
  g_autofree char *title = g_strdup_printf (_("“%s” deleted"), linli_record_get_text (activity, "title"));
  Deleted *deleted = g_new0 (Deleted, 1);

  deleted->store = g_object_ref (self->store);
  deleted->activity = g_object_ref (activity);
  deleted->participations = participations ? g_ptr_array_ref (participations)
                                           : g_ptr_array_new_with_free_func (g_object_unref);
  linli_page_toast_undo (GTK_WIDGET (self), title, G_CALLBACK (undo_delete_cb), deleted, deleted_notify);
}

static void
open_editor (LinliActivitiesPage *self,
             LinliRecord         *record)
{
  LinliActivityEditor *editor;

  if (self->store == NULL)
    return;
  editor = linli_activity_editor_new (linli_page_get_window (GTK_WIDGET (self)), self->store, record);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (activity_deleted_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  open_editor (LINLI_ACTIVITIES_PAGE (widget), NULL);
}

static void
row_activated_cb (LinliActivitiesPage *self,
                  guint                position)
{
  g_autoptr(LinliRecord) record = NULL;

  if (self->activities == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->activities)))
    return;
  record = g_list_model_get_item (G_LIST_MODEL (self->activities), position);
  open_editor (self, record);
}

/* ------------------------------------------------------------------------ */
/* CSV                                                                       */

typedef struct
{
  LinliStore *store;
  GListModel *list;
  GDateTime  *from;
  GDateTime  *until;
} Shown;

static Shown *
shown_new (LinliActivitiesPage *self,
           GListModel          *list)
{
  Shown *shown = g_new0 (Shown, 1);

  shown->store = g_object_ref (self->store);
  shown->list = g_object_ref (list);
  shown->from = self->from ? g_date_time_ref (self->from) : NULL;
  shown->until = self->until ? g_date_time_ref (self->until) : NULL;
  return shown;
}

static void
shown_free (gpointer data)
{
  Shown *shown = data;

  g_object_unref (shown->store);
  g_object_unref (shown->list);
  g_clear_pointer (&shown->from, g_date_time_unref);
  g_clear_pointer (&shown->until, g_date_time_unref);
  g_free (shown);
}

static gboolean
export_activities (gpointer        data,
                   gboolean        xlsx,
                   GOutputStream  *out,
                   GError        **error)
{
  Shown *shown = data;

  if (xlsx)
    return linli_xlsx_export_activities (shown->store, shown->list, out, NULL, error);
  return linli_event_csv_export_activities (shown->store, shown->list, out, NULL, error);
}

static gboolean
export_volunteers (gpointer        data,
                   gboolean        xlsx,
                   GOutputStream  *out,
                   GError        **error)
{
  Shown *shown = data;

  /* A ledger that leaves the office: phone numbers masked. */
  if (xlsx)
    return linli_xlsx_export_volunteers (shown->store, shown->list, shown->from, shown->until, TRUE,
                                         out, NULL, error);
  return linli_event_csv_export_volunteers (shown->store, shown->list, shown->from, shown->until, TRUE,
                                            out, NULL, error);
}

static char *
file_name (LinliActivitiesPage *self,
           const char          *kind)
{
  g_autoptr(GDateTime) now = linli_store_now (self->store);
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  /* TRANSLATORS: the name proposed for an exported file: what it holds,
   * such as “activities”, and today's date */
  return g_strdup_printf (_("%s-%s.csv"), kind, date);
}

/* The *-xlsx actions propose a workbook. */
static char *
export_name (char       *csv_name,
             const char *action_name)
{
  g_autofree char *name = csv_name;

  return linli_export_file_name (name, g_str_has_suffix (action_name, "-xlsx"));
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliActivitiesPage *self = LINLI_ACTIVITIES_PAGE (widget);
  guint n;
  g_autofree char *done = NULL;
  g_autofree char *name = NULL;

  if (self->activities == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->activities));
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity exported", "%u activities exported", n), n);
  /* TRANSLATORS: the start of the name of an exported file, without spaces */
  name = file_name (self, _("activities"));
  name = export_name (name, action_name);
  linli_event_export_to_file (widget, _("Export Activities"), name, done, export_activities,
                              shown_new (self, G_LIST_MODEL (self->activities)), shown_free);
}

static void
export_volunteers_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LinliActivitiesPage *self = LINLI_ACTIVITIES_PAGE (widget);
  GListModel *volunteers;
  guint n;
  g_autofree char *done = NULL;
  g_autofree char *name = NULL;

  volunteers = linli_volunteers_view_get_volunteers (self->volunteers_view);
  if (volunteers == NULL)
    return;
  n = g_list_model_get_n_items (volunteers);
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u volunteer exported", "%u volunteers exported", n), n);
  /* TRANSLATORS: the start of the name of an exported file, without spaces */
  name = file_name (self, _("volunteer-hours"));
  name = export_name (name, action_name);
  linli_event_export_to_file (widget, _("Export Volunteer Hours"), name, done, export_volunteers,
                              shown_new (self, volunteers), shown_free);
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliActivitiesPage *self = LINLI_ACTIVITIES_PAGE (widget);

  if (self->store != NULL)
    linli_event_import_open_file (widget, self->store, LINLI_EVENT_CSV_ACTIVITIES);
}

static void
import_volunteers_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LinliActivitiesPage *self = LINLI_ACTIVITIES_PAGE (widget);

  if (self->store != NULL)
    linli_event_import_open_file (widget, self->store, LINLI_EVENT_CSV_VOLUNTEERS);
}

/* ------------------------------------------------------------------------ */

static void
organisations_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LinliActivitiesPage *self = LINLI_ACTIVITIES_PAGE (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (linli_organisations_dialog_new (linli_page_get_window (GTK_WIDGET (self)), self->store)));
}

static void
find_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliActivitiesPage *self = LINLI_ACTIVITIES_PAGE (widget);

  linli_page_focus_search (self->search_entry);
}

static void
reset_filters_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LinliActivitiesPage *self = LINLI_ACTIVITIES_PAGE (widget);

  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->type_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->grid_filter, 0);
  gtk_drop_down_set_selected (self->period_filter, LINLI_PERIOD_ANY);
  self->updating_filters = FALSE;
  search_changed_cb (self);
  apply_query (self);
}

/* ------------------------------------------------------------------------ */

static void
linli_activities_page_dispose (GObject *object)
{
  LinliActivitiesPage *self = LINLI_ACTIVITIES_PAGE (object);
  GtkWidget *child;

  linli_activities_page_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_ACTIVITIES_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (linli_activities_page_parent_class)->dispose (object);
}

static void
linli_activities_page_finalize (GObject *object)
{
  LinliActivitiesPage *self = LINLI_ACTIVITIES_PAGE (object);

  g_array_unref (self->grid_ids);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);

  G_OBJECT_CLASS (linli_activities_page_parent_class)->finalize (object);
}

static void
linli_activities_page_class_init (LinliActivitiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_activities_page_dispose;
  object_class->finalize = linli_activities_page_finalize;

  g_type_ensure (LINLI_TYPE_VOLUNTEERS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-activities-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliActivitiesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliActivitiesPage, type_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliActivitiesPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliActivitiesPage, grid_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliActivitiesPage, period_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliActivitiesPage, volunteers_toggle);
  gtk_widget_class_bind_template_child (widget_class, LinliActivitiesPage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, LinliActivitiesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LinliActivitiesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LinliActivitiesPage, volunteers_view);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "activities.find", NULL, find_cb);
  gtk_widget_class_install_action (widget_class, "activities.new", NULL, new_cb);
  gtk_widget_class_install_action (widget_class, "activities.reset-filters", NULL, reset_filters_cb);
  gtk_widget_class_install_action (widget_class, "activities.export", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "activities.organisations", NULL, organisations_cb);
  gtk_widget_class_install_action (widget_class, "activities.export-volunteers", NULL, export_volunteers_cb);
  gtk_widget_class_install_action (widget_class, "activities.export-xlsx", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "activities.export-volunteers-xlsx", NULL, export_volunteers_cb);
  gtk_widget_class_install_action (widget_class, "activities.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "activities.import-volunteers", NULL, import_volunteers_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "activities.find", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
linli_activities_page_init (LinliActivitiesPage *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GEnumClass) statuses = g_type_class_ref (LINLI_TYPE_ACTIVITY_STATUS);

  self->grid_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  linli_column_view_add_text (self->column_view, _("Title"), -1, LINLI_EVENT_SORT_TITLE, FALSE, cell_text, self, COLUMN_TITLE);
  linli_column_view_add_text (self->column_view, _("Type"), 100, LINLI_EVENT_SORT_TYPE, FALSE, cell_text, self, COLUMN_TYPE);
  linli_column_view_add_text (self->column_view, _("Status"), 80, LINLI_EVENT_SORT_STATUS, FALSE, cell_text, self, COLUMN_STATUS);
  linli_column_view_add_text (self->column_view, _("Grid"), 100, LINLI_EVENT_SORT_GRID, FALSE, cell_text, self, COLUMN_GRID);
  linli_column_view_add_text (self->column_view, _("Venue"), 140, LINLI_EVENT_SORT_VENUE, FALSE, cell_text, self, COLUMN_VENUE);
  linli_column_view_add_text (self->column_view, _("Starts"), 140, LINLI_EVENT_SORT_START, FALSE, cell_text, self, COLUMN_START);
  linli_column_view_add_text (self->column_view, _("Volunteers"), 90, LINLI_EVENT_SORT_VOLUNTEERS, TRUE, cell_text, self, COLUMN_VOLUNTEERS);
  linli_column_view_add_text (self->column_view, _("Hours"), 80, LINLI_EVENT_SORT_HOURS, TRUE, cell_text, self, COLUMN_HOURS);

  /* Newest first, with the arrow on the column that says so. */
  linli_column_view_sort_by (self->column_view, COLUMN_START, GTK_SORT_DESCENDING);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (filters_changed_cb), self);

  g_ptr_array_add (labels, (gpointer) _("All Statuses"));
  for (guint i = 0; i < statuses->n_values; i++)
    g_ptr_array_add (labels, (gpointer) linli_activity_status_label (statuses->values[i].value));
  g_ptr_array_add (labels, NULL);
  linli_drop_down_set_strings (self->status_filter, (const char * const *) labels->pdata, 0);
  linli_period_fill (self->period_filter);

  fill_filters (self);
  update_totals (self);
}

void
linli_activities_page_set_store (LinliActivitiesPage *self,
                                 LinliStore          *store)
{
  g_return_if_fail (LINLI_IS_ACTIVITIES_PAGE (self));
  g_return_if_fail (store == NULL || LINLI_IS_STORE (store));

  if (store == self->store)
    return;

  if (self->grids != NULL)
    g_signal_handlers_disconnect_by_func (self->grids, names_changed_cb, self);
  if (self->activities != NULL)
    g_signal_handlers_disconnect_by_func (self->activities, update_totals, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->activities);

  g_clear_object (&self->search);
  g_clear_object (&self->grids);
  g_clear_object (&self->store);

  if (store != NULL)
    {
      self->store = g_object_ref (store);
      self->grids = linli_record_names_new (store, LINLI_TYPE_GRID, "name");
      self->search = linli_event_search_new (store, LINLI_TYPE_ACTIVITY);
      self->activities = linli_page_event_list_new (store, LINLI_TYPE_ACTIVITY, self->search);
      self->selection = linli_page_selection_new (G_LIST_MODEL (self->activities));
      g_signal_connect_swapped (self->grids, "changed", G_CALLBACK (names_changed_cb), self);
      g_signal_connect_swapped (self->activities, "items-changed", G_CALLBACK (update_totals), self);
      g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
    }

  if (self->column_view == NULL)
    return;
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  linli_volunteers_view_set_store (self->volunteers_view, store);
  fill_filters (self);
  search_changed_cb (self);
  apply_query (self);
}

/* Returns: (transfer none) (nullable): the activities shown, in order */
GListModel *
linli_activities_page_get_activities (LinliActivitiesPage *self)
{
  g_return_val_if_fail (LINLI_IS_ACTIVITIES_PAGE (self), NULL);
  return self->activities ? G_LIST_MODEL (self->activities) : NULL;
}

/* Returns: (transfer none) (nullable): the volunteers of the Volunteers
 *   view, in order */
GListModel *
linli_activities_page_get_volunteers (LinliActivitiesPage *self)
{
  g_return_val_if_fail (LINLI_IS_ACTIVITIES_PAGE (self), NULL);
  return linli_volunteers_view_get_volunteers (self->volunteers_view);
}

/* Returns: (transfer full): the hours of a volunteer in the Volunteers
 *   view, as shown */
char *
linli_activities_page_dup_volunteer_hours (LinliActivitiesPage *self,
                                           LinliRecord         *volunteer)
{
  g_return_val_if_fail (LINLI_IS_ACTIVITIES_PAGE (self), NULL);
  return linli_volunteers_view_dup_hours (self->volunteers_view, volunteer);
}

/* Returns: (transfer full): the totals line above the list */
char *
linli_activities_page_dup_totals (LinliActivitiesPage *self)
{
  g_return_val_if_fail (LINLI_IS_ACTIVITIES_PAGE (self), NULL);
  return g_strdup (gtk_label_get_text (self->totals_label));
}

void
linli_activities_page_new_activity (LinliActivitiesPage *self)
{
  g_return_if_fail (LINLI_IS_ACTIVITIES_PAGE (self));
  open_editor (self, NULL);
}

void
linli_activities_page_open (LinliActivitiesPage *self,
                            gint64               id)
{
  g_autoptr(LinliRecord) record = NULL;

  g_return_if_fail (LINLI_IS_ACTIVITIES_PAGE (self));

  if (self->store == NULL)
    return;
  record = linli_store_get (self->store, LINLI_TYPE_ACTIVITY, id, NULL);
  if (record != NULL)
    open_editor (self, record);
}

void
linli_activities_page_search (LinliActivitiesPage *self,
                              const char          *text)
{
  g_return_if_fail (LINLI_IS_ACTIVITIES_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}
