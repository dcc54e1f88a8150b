/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-activities-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "linli-activities-page.h"
#include "linli-activity-editor.h"
#include "linli-column-sort.h"
#include "linli-event-csv.h"
#include "linli-xlsx.h"
#include "linli-event-import-dialog.h"
#include "linli-event-query.h"
#include "linli-event-rules.h"
#include "linli-event-store.h"
#include "linli-organisations-dialog.h"
#include "linli-filters.h"
#include "linli-text-column.h"
#include "linli-record-names.h"
#include "linli-volunteer-hours.h"
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
  LinliRecordListPage  parent_instance;

  GtkDropDown         *type_filter;
  GtkDropDown         *status_filter;
  GtkDropDown         *period_filter;
  GtkToggleButton     *volunteers_toggle;
  LinliVolunteersView *volunteers_view;

  GDateTime           *from;      /* the period chosen; NULL for no limit */
  GDateTime           *until;
};

G_DEFINE_FINAL_TYPE (LinliActivitiesPage, linli_activities_page, LINLI_TYPE_RECORD_LIST_PAGE)

/* ------------------------------------------------------------------------ */
/* The query and its totals                                                  */

static char *
dup_totals (LinliRecordListPage *page)
{
  GListModel *shown = linli_record_list_page_get_list (page);
  LinliEventTotals totals = { 0 };
  g_autofree char *events = NULL;
  g_autofree char *volunteers = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *hours_number = NULL;

  if (shown != NULL)
    linli_event_totals_compute (&totals, linli_record_list_page_get_store (page), LINLI_TYPE_ACTIVITY,
                                LINLI_RECORD_LIST (shown));
  hours_number = linli_format_hours (totals.hours);
  events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity", "%u activities", totals.n_events),
                            totals.n_events);
  volunteers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u volunteer", "%u volunteers", totals.n_volunteers),
                                totals.n_volunteers);
  /* TRANSLATORS: %s is a number of hours, such as 5.5 */
  hours = g_strdup_printf (_("%s hours of service"), hours_number);
  return g_strjoin (" · ", events, volunteers, hours, NULL);
}

/* The Volunteers view stands where the list does while it is chosen; it
 * counts the period's service, so the other filters go while it shows. */
static void
update_totals (LinliRecordListPage *page)
{
  LinliActivitiesPage *self = LINLI_ACTIVITIES_PAGE (page);
  gboolean volunteers = gtk_toggle_button_get_active (self->volunteers_toggle);

  LINLI_RECORD_LIST_PAGE_CLASS (linli_activities_page_parent_class)->update_totals (page);
  if (volunteers)
    gtk_stack_set_visible_child_name (linli_record_list_page_get_stack (page), "volunteers");
  gtk_widget_set_visible (GTK_WIDGET (self->type_filter), !volunteers);
  gtk_widget_set_visible (GTK_WIDGET (self->status_filter), !volunteers);
  gtk_widget_set_visible (GTK_WIDGET (linli_record_list_page_get_grid_filter (page)), !volunteers);
}

static void
apply_query (LinliRecordListPage *page,
             LinliRecordList     *list,
             GDateTime           *now)
{
  LinliActivitiesPage *self = LINLI_ACTIVITIES_PAGE (page);
  g_auto(LinliEventQuery) query = { 0 };
  guint status_row;
  int key;
  gboolean descending;

  linli_event_query_init (&query);
  query.activity_type = g_strdup (linli_drop_down_get_string (self->type_filter));
  status_row = gtk_drop_down_get_selected (self->status_filter);
  if (status_row != GTK_INVALID_LIST_POSITION && status_row > 0)
    query.statuses = LINLI_EVENT_BIT (status_row - 1);
  query.grid_id = linli_record_list_page_get_grid_id (page);
  linli_period_bounds (gtk_drop_down_get_selected (self->period_filter), now, &query.from, &query.until);
  if (linli_record_list_page_get_sort (page, &key, &descending))
    {
      query.sort = key;
      query.descending = descending;
    }
  linli_event_query_apply (&query, LINLI_TYPE_ACTIVITY, list);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  self->from = query.from ? g_date_time_ref (query.from) : NULL;
  self->until = query.until ? g_date_time_ref (query.until) : NULL;
  linli_volunteers_view_set_period (self->volunteers_view, query.from, query.until);
}

static void
fill_filters (LinliRecordListPage *page)
{
  LinliActivitiesPage *self = LINLI_ACTIVITIES_PAGE (page);
  LinliStore *store = linli_record_list_page_get_store (page);
  g_auto(GStrv) types = store ? linli_store_dup_activity_types (store) : NULL;

  linli_drop_down_set_words (self->type_filter, _("All Types"), (const char * const *) types);
}

static void
reset_filters (LinliRecordListPage *page)
{
  LinliActivitiesPage *self = LINLI_ACTIVITIES_PAGE (page);

  gtk_drop_down_set_selected (self->type_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->period_filter, LINLI_PERIOD_ANY);
}

static void
store_changed (LinliRecordListPage *page,
               GType                type)
{
  /* Participations change the totals; a new type, the filter. */
  if (type == LINLI_TYPE_PARTICIPATION || type == LINLI_TYPE_VOLUNTEER)
    linli_record_list_page_update_totals (page);
  else if (type == LINLI_TYPE_ACTIVITY)
    {
      fill_filters (page);
      linli_record_list_page_update_totals (page);
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
  LinliStore *store = linli_record_list_page_get_store (page);
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
      return g_strdup (linli_record_names_lookup (linli_record_list_page_get_grids (LINLI_RECORD_LIST_PAGE (self)), linli_record_get_int (record, "grid_id")));
    case COLUMN_VENUE:
      return g_strdup (linli_record_get_text (record, "venue"));
    case COLUMN_START:
      {
        GDateTime *start = linli_record_get_datetime (record, "start_at");
        g_autoptr(GDateTime) local = start ? g_date_time_to_local (start) : NULL;
        return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;
      }
    case COLUMN_VOLUNTEERS:
      linli_activity_count_service (store, linli_record_get_id (record), &n, &hours);
      return g_strdup_printf ("%u", n);
    case COLUMN_HOURS:
      linli_activity_count_service (store, linli_record_get_id (record), &n, &hours);
      /* Hours are served, not planned: none yet is not "0.0". */
      if (hours == 0 && linli_record_get_enum (record, "status") != LINLI_ACTIVITY_STATUS_DONE)
        return g_strdup ("—");
      return linli_format_hours (hours);
    default:
      g_assert_not_reached ();
    }
}

/* A status chip's colour, as on the Cases page: its CSS class. */
static char *
status_chip_class (gpointer     page,
                   LinliRecord *record,
                   int          column)
{
  g_autoptr(GEnumClass) statuses = g_type_class_ref (LINLI_TYPE_ACTIVITY_STATUS);
  GEnumValue *value = g_enum_get_value (statuses, linli_record_get_enum (record, "status"));

  return value != NULL ? g_strdup (value->value_nick) : NULL;
}

/* ------------------------------------------------------------------------ */
/* Editing                                                                   */

/* Undo puts the activity back with who served in it. */
static LinliRecordEditor *
new_editor (LinliRecordListPage *page,
            GtkWindow           *parent,
            LinliStore          *store,
            LinliRecord         *record)
{
  return LINLI_RECORD_EDITOR (linli_activity_editor_new (parent, store, record));
}

/* ------------------------------------------------------------------------ */
/* CSV                                                                       */

static gboolean
write_volunteers (LinliStore     *store,
                  gpointer        data,
                  gboolean        xlsx,
                  GOutputStream  *out,
                  GCancellable   *cancellable,
                  GError        **error)
{
  LinliShown *shown = data;

  /* A ledger that leaves the office: phone numbers masked. */
  if (xlsx)
    return linli_xlsx_export_volunteers (store, shown->list, shown->from, shown->until, TRUE,
                                         out, cancellable, error);
  return linli_event_csv_export_volunteers (store, shown->list, shown->from, shown->until, TRUE,
                                            out, cancellable, error);
}

static char *
file_name (LinliActivitiesPage *self,
           const char          *kind)
{
  g_autofree char *date = linli_record_list_page_dup_date (LINLI_RECORD_LIST_PAGE (self));

  /* TRANSLATORS: the name proposed for an exported file: what it holds,
   * such as “activities”, and today's date */
  return g_strdup_printf (_("%s-%s.csv"), kind, date);
}

static void
export (LinliRecordListPage *page,
        gboolean             xlsx)
{
  LinliActivitiesPage *self = LINLI_ACTIVITIES_PAGE (page);
  GListModel *activities = linli_record_list_page_get_list (page);
  guint n = g_list_model_get_n_items (activities);
  g_autofree char *done = NULL;
  g_autofree char *name = NULL;

  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity exported", "%u activities exported", n), n);
  /* TRANSLATORS: the start of the name of an exported file, without spaces */
  name = file_name (self, _("activities"));
  linli_record_list_page_export_list (page, _("Export Activities"), name, xlsx, done,
                                      linli_event_csv_export_activities, linli_xlsx_export_activities);
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
  /* activities.export-volunteers-xlsx proposes a workbook. */
  linli_record_list_page_export_shown (LINLI_RECORD_LIST_PAGE (self), _("Export Volunteer Hours"), name,
                                       g_str_has_suffix (action_name, "-xlsx"), volunteers, self->from, self->until,
                                       done, write_volunteers);
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliStore *store = linli_record_list_page_get_store (LINLI_RECORD_LIST_PAGE (widget));

  if (store != NULL)
    linli_event_import_open_file (widget, store, g_str_has_suffix (action_name, "-volunteers")
                                                 ? LINLI_EVENT_CSV_VOLUNTEERS : LINLI_EVENT_CSV_ACTIVITIES);
}

static void
organisations_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  linli_organisations_dialog_show (widget, linli_record_list_page_get_store (LINLI_RECORD_LIST_PAGE (widget)));
}

/* ------------------------------------------------------------------------ */

/* The Volunteers view reads the same store. */
static LinliRecordList *
take_store (LinliRecordListPage *page,
            LinliStore          *store)
{
  LinliActivitiesPage *self = LINLI_ACTIVITIES_PAGE (page);

  if (self->volunteers_view != NULL)
    linli_volunteers_view_set_store (self->volunteers_view, store);
  return LINLI_RECORD_LIST_PAGE_CLASS (linli_activities_page_parent_class)->take_store (page, store);
}

static void
linli_activities_page_finalize (GObject *object)
{
  LinliActivitiesPage *self = LINLI_ACTIVITIES_PAGE (object);

  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);

  G_OBJECT_CLASS (linli_activities_page_parent_class)->finalize (object);
}

static void
linli_activities_page_class_init (LinliActivitiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LinliRecordListPageClass *page_class = LINLI_RECORD_LIST_PAGE_CLASS (klass);

  object_class->finalize = linli_activities_page_finalize;

  page_class->record_type = LINLI_TYPE_ACTIVITY;
  page_class->take_store = take_store;
  page_class->fill_filters = fill_filters;
  page_class->reset_filters = reset_filters;
  page_class->apply_query = apply_query;
  page_class->dup_totals = dup_totals;
  page_class->update_totals = update_totals;
  page_class->store_changed = store_changed;
  page_class->new_editor = new_editor;
  page_class->export = export;

  g_type_ensure (LINLI_TYPE_VOLUNTEERS_VIEW);

  linli_record_list_page_class_set_template (page_class, RESOURCE_BASE "/ui/linli-activities-page.ui", "activities");
  gtk_widget_class_bind_template_child (widget_class, LinliActivitiesPage, type_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliActivitiesPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliActivitiesPage, period_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliActivitiesPage, volunteers_toggle);
  gtk_widget_class_bind_template_child (widget_class, LinliActivitiesPage, volunteers_view);

  gtk_widget_class_install_action (widget_class, "activities.organisations", NULL, organisations_cb);
  gtk_widget_class_install_action (widget_class, "activities.export-volunteers", NULL, export_volunteers_cb);
  gtk_widget_class_install_action (widget_class, "activities.export-volunteers-xlsx", NULL, export_volunteers_cb);
  gtk_widget_class_install_action (widget_class, "activities.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "activities.import-volunteers", NULL, import_cb);
}

static void
linli_activities_page_init (LinliActivitiesPage *self)
{
  GtkColumnView *view;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GEnumClass) statuses = g_type_class_ref (LINLI_TYPE_ACTIVITY_STATUS);

  gtk_widget_init_template (GTK_WIDGET (self));

  view = linli_record_list_page_get_column_view (LINLI_RECORD_LIST_PAGE (self));
  linli_column_view_add_text (view, _("Title"), -180, LINLI_EVENT_SORT_TITLE, FALSE, cell_text, self, COLUMN_TITLE);
  linli_column_view_add_text (view, _("Type"), 100, LINLI_EVENT_SORT_TYPE, FALSE, cell_text, self, COLUMN_TYPE);
  linli_column_view_add_chip (view, _("Status"), 112, LINLI_EVENT_SORT_STATUS, cell_text, status_chip_class, self,
                              COLUMN_STATUS);
  linli_column_view_add_text (view, _("Grid"), 100, LINLI_EVENT_SORT_GRID, FALSE, cell_text, self, COLUMN_GRID);
  linli_column_view_add_text (view, _("Venue"), 140, LINLI_EVENT_SORT_VENUE, FALSE, cell_text, self, COLUMN_VENUE);
  linli_column_view_add_text (view, _("Starts"), 140, LINLI_EVENT_SORT_START, FALSE, cell_text, self, COLUMN_START);
  linli_column_view_add_text (view, _("Volunteers"), 90, LINLI_EVENT_SORT_VOLUNTEERS, TRUE, cell_text, self, COLUMN_VOLUNTEERS);
  linli_column_view_add_text (view, _("Hours"), 80, LINLI_EVENT_SORT_HOURS, TRUE, cell_text, self, COLUMN_HOURS);
  /* Newest first, with the arrow on the column that says so. */
  linli_column_view_sort_by (view, COLUMN_START, GTK_SORT_DESCENDING);

  g_ptr_array_add (labels, (gpointer) _("All Statuses"));
  for (guint i = 0; i < statuses->n_values; i++)
    g_ptr_array_add (labels, (gpointer) linli_activity_status_label (statuses->values[i].value));
  g_ptr_array_add (labels, NULL);
  linli_drop_down_set_strings (self->status_filter, (const char * const *) labels->pdata, 0);
  linli_period_fill (self->period_filter);
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
