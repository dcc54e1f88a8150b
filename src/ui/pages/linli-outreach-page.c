/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-outreach-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "linli-outreach-page.h"
#include "linli-outreach-editor.h"
#include "linli-column-sort.h"
#include "linli-event-csv.h"
#include "linli-event-export.h"
#include "linli-xlsx.h"
#include "linli-event-query.h"
#include "linli-event-rules.h"
#include "linli-organisations-dialog.h"
#include "linli-page-util.h"
#include "linli-record-names.h"

/* The Outreach page: the anti-fraud outreach events in a table that reads
 * only the rows on screen, searched and filtered like the activities, with
 * what the events shown reached above it: attendees, leaflets, installs. */

typedef enum {
  COLUMN_TITLE,
  COLUMN_FORMAT,
  COLUMN_GROUPS,
  COLUMN_GRID,
  COLUMN_VENUE,
  COLUMN_START,
  COLUMN_ATTENDEES,
  COLUMN_LEAFLETS,
  COLUMN_INSTALLS,
} Column;

struct _LinliOutreachPage
{
  GtkWidget            parent_instance;

  GtkSearchEntry      *search_entry;
  GtkDropDown         *format_filter;
  GtkDropDown         *group_filter;
  GtkDropDown         *grid_filter;
  GtkDropDown         *period_filter;
  GtkLabel            *totals_label;
  GtkStack            *stack;
  GtkColumnView       *column_view;

  LinliStore          *store;
  LinliEventSearch    *search;
  LinliRecordList     *events;
  GtkSingleSelection  *selection;
  LinliRecordNames    *grids;
  GArray              *grid_ids;
  gboolean             updating_filters;
};

G_DEFINE_FINAL_TYPE (LinliOutreachPage, linli_outreach_page, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------------ */
/* The query and its totals                                                  */

/* Counts of a whole list may pass 2^32: written as text. */
static char *
count_text_of (gint64 count)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, count);
}

static char *
totals_text (LinliOutreachPage *self)
{
  LinliEventTotals totals = { 0 };
  g_autofree char *events = NULL;
  g_autofree char *attendees = NULL;
  g_autofree char *leaflets = NULL;
  g_autofree char *installs = NULL;
  g_autofree char *consultations = NULL;
  g_autofree char *n_attendees = NULL;
  g_autofree char *n_leaflets = NULL;
  g_autofree char *n_installs = NULL;
  g_autofree char *n_consultations = NULL;

  if (self->events != NULL)
    linli_event_totals_compute (&totals, self->store, LINLI_TYPE_OUTREACH, self->events);
  events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", totals.n_events),
                            totals.n_events);
  n_attendees = count_text_of (totals.attendees);
  n_leaflets = count_text_of (totals.leaflets);
  n_installs = count_text_of (totals.app_installs);
  n_consultations = count_text_of (totals.consultations);
  attendees = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s attendee", "%s attendees",
                                            (gulong) totals.attendees), n_attendees);
  leaflets = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s leaflet", "%s leaflets",
                                           (gulong) totals.leaflets), n_leaflets);
  installs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s app install", "%s app installs",
                                           (gulong) totals.app_installs), n_installs);
  consultations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s consultation", "%s consultations",
                                                (gulong) totals.consultations), n_consultations);
  return g_strjoin (" · ", events, attendees, leaflets, installs, consultations, NULL);
}

static void
update_totals (LinliOutreachPage *self)
{
  g_autofree char *text = totals_text (self);

  gtk_label_set_text (self->totals_label, text);
  linli_page_show_list (self->stack, G_LIST_MODEL (self->events), self->store, LINLI_TYPE_OUTREACH);
}

static void
apply_query (LinliOutreachPage *self)
{
  g_auto(LinliEventQuery) query = { 0 };
  g_autoptr(GDateTime) now = NULL;
  guint format_row;
  int key;
  gboolean descending;

  if (self->events == NULL || self->updating_filters)
    return;

  now = linli_store_now (self->store);
  linli_event_query_init (&query);
  format_row = gtk_drop_down_get_selected (self->format_filter);
  if (format_row != GTK_INVALID_LIST_POSITION && format_row > 0)
    query.formats = LINLI_EVENT_BIT (format_row - 1);
  query.target_group = g_strdup (linli_drop_down_get_string (self->group_filter));
  query.grid_id = linli_drop_down_get_id (self->grid_filter, self->grid_ids);
  linli_period_bounds (gtk_drop_down_get_selected (self->period_filter), now, &query.from, &query.until);
  if (linli_column_view_get_sort (self->column_view, &key, &descending))
    {
      query.sort = key;
      query.descending = descending;
    }
  linli_event_query_apply (&query, LINLI_TYPE_OUTREACH, self->events);
  update_totals (self);
}

static void
filters_changed_cb (LinliOutreachPage *self)
{
  apply_query (self);
}

static void
search_changed_cb (LinliOutreachPage *self)
{
  if (self->search == NULL)
    return;
  linli_event_search_set_text (self->search, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  linli_record_list_refilter (self->events);
  update_totals (self);
}

static void
stop_search_cb (LinliOutreachPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
fill_filters (LinliOutreachPage *self)
{
  g_auto(GStrv) groups = self->store ? linli_store_dup_outreach_names (self->store, "outreach_target_group") : NULL;

  self->updating_filters = TRUE;
  linli_drop_down_set_records (self->grid_filter, self->grid_ids, self->grids, _("All Grids"));
  linli_drop_down_set_words (self->group_filter, _("All Target Groups"), (const char * const *) groups);
  self->updating_filters = FALSE;
}

static void
names_changed_cb (LinliOutreachPage *self)
{
  fill_filters (self);
  apply_query (self);
}

static void
store_changed_cb (LinliOutreachPage *self,
                  GType              type)
{
  /* A new target group shows in the filter. */
  if (type == LINLI_TYPE_OUTREACH)
    {
      fill_filters (self);
      update_totals (self);
    }
}

/* ------------------------------------------------------------------------ */
/* Cells                                                                     */

static char *
count_text (LinliRecord *record,
            const char  *column)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, linli_record_get_int (record, column));
}

static char *
cell_text (gpointer     page,
           LinliRecord *record,
           int          column)
{
  LinliOutreachPage *self = page;

  switch ((Column) column)
    {
    case COLUMN_TITLE:
      return g_strdup (linli_record_get_text (record, "title"));
    case COLUMN_FORMAT:
      return g_strdup (linli_outreach_format_label (linli_record_get_enum (record, "format")));
    case COLUMN_GROUPS:
      {
        const char * const *groups = linli_record_get_strv (record, "target_groups");
        /* TRANSLATORS: joins the values of a field with several, such as 老年人、学生 */
        return groups ? g_strjoinv (_("、"), (char **) groups) : NULL;
      }
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
    case COLUMN_ATTENDEES:
      return count_text (record, "attendees");
    case COLUMN_LEAFLETS:
      return count_text (record, "leaflets");
    case COLUMN_INSTALLS:
      return count_text (record, "app_installs");
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------------ */
/* Editing                                                                   */

typedef struct
{
  LinliStore  *store;
  LinliRecord *event;
} Deleted;

static void
deleted_notify (gpointer  data,
                GClosure *closure)
{
  Deleted *deleted = data;

  g_object_unref (deleted->store);
  g_object_unref (deleted->event);
  g_free (deleted);
}

/* Undo: the event comes back with its id, organisers, groups and topics. */
static void
undo_delete_cb (AdwToast *toast,
                Deleted  *deleted)
{
  g_autoptr(GError) error = NULL;

  if (!linli_store_restore (deleted->store, deleted->event, &error))
    g_warning ("Cannot put the outreach event back: %s", error->message);
}

static void
event_deleted_cb (LinliOutreachPage *self,
                  LinliRecord       *event)
{
  /* TRANSLATORS: %s is the title of the outreach event */
  g_autofree char *title = g_strdup_printf (_("“%s” deleted"), linli_record_get_text (event, "title"));
  Deleted *deleted = g_new0 (Deleted, 1);

  deleted->store = g_object_ref (self->store);
  deleted->event = g_object_ref (event);
  linli_page_toast_undo (GTK_WIDGET (self), title, G_CALLBACK (undo_delete_cb), deleted, deleted_notify);
}

static void
open_editor (LinliOutreachPage *self,
             LinliRecord       *record)
{
  LinliOutreachEditor *editor;

  if (self->store == NULL)
    return;
  editor = linli_outreach_editor_new (linli_page_get_window (GTK_WIDGET (self)), self->store, record);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (event_deleted_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  open_editor (LINLI_OUTREACH_PAGE (widget), NULL);
}

static void
row_activated_cb (LinliOutreachPage *self,
                  guint              position)
{
  g_autoptr(LinliRecord) record = NULL;

  if (self->events == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->events)))
    return;
  record = g_list_model_get_item (G_LIST_MODEL (self->events), position);
  open_editor (self, record);
}

typedef struct
{
  LinliStore *store;
  GListModel *events;
} Shown;

static void
shown_free (gpointer data)
{
  Shown *shown = data;

  g_object_unref (shown->store);
  g_object_unref (shown->events);
  g_free (shown);
}

static gboolean
export_events (gpointer        data,
               gboolean        xlsx,
               GOutputStream  *out,
               GError        **error)
{
  Shown *shown = data;

  if (xlsx)
    return linli_xlsx_export_outreach (shown->store, shown->events, out, NULL, error);
  return linli_event_csv_export_outreach (shown->store, shown->events, out, NULL, error);
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliOutreachPage *self = LINLI_OUTREACH_PAGE (widget);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  g_autofree char *csv_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *done = NULL;
  Shown *shown;
  guint n;

  if (self->events == NULL)
    return;
  now = linli_store_now (self->store);
  date = g_date_time_format (now, "%Y-%m-%d");
  n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u outreach event exported",
                                       "%u outreach events exported", n), n);
  /* TRANSLATORS: the name proposed for an exported file; %s is today's date */
  csv_name = g_strdup_printf (_("outreach-%s.csv"), date);
  /* outreach.export-xlsx proposes a workbook. */
  name = linli_export_file_name (csv_name, g_str_has_suffix (action_name, "-xlsx"));
  shown = g_new (Shown, 1);
  shown->store = g_object_ref (self->store);
  shown->events = g_object_ref (G_LIST_MODEL (self->events));
  linli_event_export_to_file (widget, _("Export Outreach Events"), name, done, export_events, shown, shown_free);
}

static void
organisations_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LinliOutreachPage *self = LINLI_OUTREACH_PAGE (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (linli_organisations_dialog_new (linli_page_get_window (GTK_WIDGET (self)), self->store)));
}

static void
find_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliOutreachPage *self = LINLI_OUTREACH_PAGE (widget);

  linli_page_focus_search (self->search_entry);
}

static void
reset_filters_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LinliOutreachPage *self = LINLI_OUTREACH_PAGE (widget);

  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->format_filter, 0);
  gtk_drop_down_set_selected (self->group_filter, 0);
  gtk_drop_down_set_selected (self->grid_filter, 0);
  gtk_drop_down_set_selected (self->period_filter, LINLI_PERIOD_ANY);
  self->updating_filters = FALSE;
  search_changed_cb (self);
  apply_query (self);
}

/* ------------------------------------------------------------------------ */

static void
linli_outreach_page_dispose (GObject *object)
{
  LinliOutreachPage *self = LINLI_OUTREACH_PAGE (object);
  GtkWidget *child;

  linli_outreach_page_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_OUTREACH_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (linli_outreach_page_parent_class)->dispose (object);
}

static void
linli_outreach_page_finalize (GObject *object)
{
  LinliOutreachPage *self = LINLI_OUTREACH_PAGE (object);

  g_array_unref (self->grid_ids);

  G_OBJECT_CLASS (linli_outreach_page_parent_class)->finalize (object);
}

static void
linli_outreach_page_class_init (LinliOutreachPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_outreach_page_dispose;
  object_class->finalize = linli_outreach_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-outreach-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachPage, format_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachPage, group_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachPage, grid_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachPage, period_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachPage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "outreach.find", NULL, find_cb);
  gtk_widget_class_install_action (widget_class, "outreach.new", NULL, new_cb);
  gtk_widget_class_install_action (widget_class, "outreach.reset-filters", NULL, reset_filters_cb);
  gtk_widget_class_install_action (widget_class, "outreach.export", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "outreach.export-xlsx", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "outreach.organisations", NULL, organisations_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "outreach.find", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
linli_outreach_page_init (LinliOutreachPage *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GEnumClass) formats = g_type_class_ref (LINLI_TYPE_OUTREACH_FORMAT);

  self->grid_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  linli_column_view_add_text (self->column_view, _("Title"), -1, LINLI_EVENT_SORT_TITLE, FALSE, cell_text, self, COLUMN_TITLE);
  linli_column_view_add_text (self->column_view, _("Format"), 70, LINLI_EVENT_SORT_TYPE, FALSE, cell_text, self, COLUMN_FORMAT);
  linli_column_view_add_text (self->column_view, _("Target Groups"), 120, -1, FALSE, cell_text, self, COLUMN_GROUPS);
  linli_column_view_add_text (self->column_view, _("Grid"), 90, LINLI_EVENT_SORT_GRID, FALSE, cell_text, self, COLUMN_GRID);
  linli_column_view_add_text (self->column_view, _("Venue"), 130, LINLI_EVENT_SORT_VENUE, FALSE, cell_text, self, COLUMN_VENUE);
  linli_column_view_add_text (self->column_view, _("Starts"), 140, LINLI_EVENT_SORT_START, FALSE, cell_text, self, COLUMN_START);
  linli_column_view_add_text (self->column_view, _("Attendees"), 80, LINLI_EVENT_SORT_ATTENDEES, TRUE, cell_text, self, COLUMN_ATTENDEES);
  linli_column_view_add_text (self->column_view, _("Leaflets"), 80, LINLI_EVENT_SORT_LEAFLETS, TRUE, cell_text, self, COLUMN_LEAFLETS);
  linli_column_view_add_text (self->column_view, _("Installs"), 80, LINLI_EVENT_SORT_INSTALLS, TRUE, cell_text, self, COLUMN_INSTALLS);

  /* Newest first, with the arrow on the column that says so. */
  linli_column_view_sort_by (self->column_view, COLUMN_START, GTK_SORT_DESCENDING);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (filters_changed_cb), self);

  g_ptr_array_add (labels, (gpointer) _("All Formats"));
  for (guint i = 0; i < formats->n_values; i++)
    g_ptr_array_add (labels, (gpointer) linli_outreach_format_label (formats->values[i].value));
  g_ptr_array_add (labels, NULL);
  linli_drop_down_set_strings (self->format_filter, (const char * const *) labels->pdata, 0);
  linli_period_fill (self->period_filter);

  fill_filters (self);
  update_totals (self);
}

void
linli_outreach_page_set_store (LinliOutreachPage *self,
                               LinliStore        *store)
{
  g_return_if_fail (LINLI_IS_OUTREACH_PAGE (self));
  g_return_if_fail (store == NULL || LINLI_IS_STORE (store));

  if (store == self->store)
    return;

  if (self->grids != NULL)
    g_signal_handlers_disconnect_by_func (self->grids, names_changed_cb, self);
  if (self->events != NULL)
    g_signal_handlers_disconnect_by_func (self->events, update_totals, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->events);
  g_clear_object (&self->search);
  g_clear_object (&self->grids);
  g_clear_object (&self->store);

  if (store != NULL)
    {
      self->store = g_object_ref (store);
      self->grids = linli_record_names_new (store, LINLI_TYPE_GRID, "name");
      self->search = linli_event_search_new (store, LINLI_TYPE_OUTREACH);
      self->events = linli_page_event_list_new (store, LINLI_TYPE_OUTREACH, self->search);
      self->selection = linli_page_selection_new (G_LIST_MODEL (self->events));
      g_signal_connect_swapped (self->grids, "changed", G_CALLBACK (names_changed_cb), self);
      g_signal_connect_swapped (self->events, "items-changed", G_CALLBACK (update_totals), self);
      g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
    }

  if (self->column_view == NULL)
    return;
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  fill_filters (self);
  search_changed_cb (self);
  apply_query (self);
}

/* Returns: (transfer none) (nullable): the events shown, in order */
GListModel *
linli_outreach_page_get_events (LinliOutreachPage *self)
{
  g_return_val_if_fail (LINLI_IS_OUTREACH_PAGE (self), NULL);
  return self->events ? G_LIST_MODEL (self->events) : NULL;
}

/* Returns: (transfer full): the totals line above the list */
char *
linli_outreach_page_dup_totals (LinliOutreachPage *self)
{
  g_return_val_if_fail (LINLI_IS_OUTREACH_PAGE (self), NULL);
  return g_strdup (gtk_label_get_text (self->totals_label));
}

void
linli_outreach_page_new_event (LinliOutreachPage *self)
{
  g_return_if_fail (LINLI_IS_OUTREACH_PAGE (self));
  open_editor (self, NULL);
}

void
linli_outreach_page_open (LinliOutreachPage *self,
                          gint64             id)
{
  g_autoptr(LinliRecord) record = NULL;

  g_return_if_fail (LINLI_IS_OUTREACH_PAGE (self));

  if (self->store == NULL)
    return;
  record = linli_store_get (self->store, LINLI_TYPE_OUTREACH, id, NULL);
  if (record != NULL)
    open_editor (self, record);
}

void
linli_outreach_page_search (LinliOutreachPage *self,
                            const char        *text)
{
  g_return_if_fail (LINLI_IS_OUTREACH_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}
