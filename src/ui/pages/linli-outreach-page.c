/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-outreach-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "linli-outreach-page.h"
#include "linli-outreach-editor.h"
#include "linli-column-sort.h"
#include "linli-event-csv.h"
#include "linli-xlsx.h"
#include "linli-event-query.h"
#include "linli-event-rules.h"
#include "linli-organisations-dialog.h"
#include "linli-filters.h"
#include "linli-text-column.h"
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
  LinliRecordListPage  parent_instance;

  GtkDropDown         *format_filter;
  GtkDropDown         *group_filter;
  GtkDropDown         *period_filter;
};

G_DEFINE_FINAL_TYPE (LinliOutreachPage, linli_outreach_page, LINLI_TYPE_RECORD_LIST_PAGE)

/* ------------------------------------------------------------------------ */
/* The query and its totals                                                  */

/* Counts of a whole list may pass 2^32: written as text. */
static char *
count_text_of (gint64 count)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, count);
}

static char *
dup_totals (LinliRecordListPage *page)
{
  GListModel *shown = linli_record_list_page_get_list (page);
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

  if (shown != NULL)
    linli_event_totals_compute (&totals, linli_record_list_page_get_store (page), LINLI_TYPE_OUTREACH,
                                LINLI_RECORD_LIST (shown));
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
apply_query (LinliRecordListPage *page,
             LinliRecordList     *list,
             GDateTime           *now)
{
  LinliOutreachPage *self = LINLI_OUTREACH_PAGE (page);
  g_auto(LinliEventQuery) query = { 0 };
  guint format_row;
  int key;
  gboolean descending;

  linli_event_query_init (&query);
  format_row = gtk_drop_down_get_selected (self->format_filter);
  if (format_row != GTK_INVALID_LIST_POSITION && format_row > 0)
    query.formats = LINLI_EVENT_BIT (format_row - 1);
  query.target_group = g_strdup (linli_drop_down_get_string (self->group_filter));
  query.grid_id = linli_record_list_page_get_grid_id (page);
  linli_period_bounds (gtk_drop_down_get_selected (self->period_filter), now, &query.from, &query.until);
  if (linli_record_list_page_get_sort (page, &key, &descending))
    {
      query.sort = key;
      query.descending = descending;
    }
  linli_event_query_apply (&query, LINLI_TYPE_OUTREACH, list);
}

static void
fill_filters (LinliRecordListPage *page)
{
  LinliOutreachPage *self = LINLI_OUTREACH_PAGE (page);
  LinliStore *store = linli_record_list_page_get_store (page);
  g_auto(GStrv) groups = store ? linli_store_dup_outreach_names (store, "outreach_target_group") : NULL;

  linli_drop_down_set_words (self->group_filter, _("All Target Groups"), (const char * const *) groups);
}

static void
reset_filters (LinliRecordListPage *page)
{
  LinliOutreachPage *self = LINLI_OUTREACH_PAGE (page);

  gtk_drop_down_set_selected (self->format_filter, 0);
  gtk_drop_down_set_selected (self->group_filter, 0);
  gtk_drop_down_set_selected (self->period_filter, LINLI_PERIOD_ANY);
}

static void
store_changed (LinliRecordListPage *page,
               GType                type)
{
  /* A new target group shows in the filter. */
  if (type == LINLI_TYPE_OUTREACH)
    {
      fill_filters (page);
      linli_record_list_page_update_totals (page);
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
      return g_strdup (linli_record_names_lookup (linli_record_list_page_get_grids (LINLI_RECORD_LIST_PAGE (self)), linli_record_get_int (record, "grid_id")));
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
/* Editing and exporting                                                     */

/* Undo puts the event back with its organisers, groups and topics. */
static LinliRecordEditor *
new_editor (LinliRecordListPage *page,
            GtkWindow           *parent,
            LinliStore          *store,
            LinliRecord         *record)
{
  return LINLI_RECORD_EDITOR (linli_outreach_editor_new (parent, store, record));
}

static void
export (LinliRecordListPage *page,
        gboolean             xlsx)
{
  GListModel *events = linli_record_list_page_get_list (page);
  guint n = g_list_model_get_n_items (events);
  g_autofree char *date = linli_record_list_page_dup_date (page);
  g_autofree char *done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u outreach event exported",
                                                        "%u outreach events exported", n), n);
  /* TRANSLATORS: the name proposed for an exported file; %s is today's date */
  g_autofree char *name = g_strdup_printf (_("outreach-%s.csv"), date);

  linli_record_list_page_export_list (page, _("Export Outreach Events"), name, xlsx, done,
                                      linli_event_csv_export_outreach, linli_xlsx_export_outreach);
}

static void
organisations_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  linli_organisations_dialog_show (widget, linli_record_list_page_get_store (LINLI_RECORD_LIST_PAGE (widget)));
}

/* ------------------------------------------------------------------------ */

static void
linli_outreach_page_class_init (LinliOutreachPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LinliRecordListPageClass *page_class = LINLI_RECORD_LIST_PAGE_CLASS (klass);

  page_class->record_type = LINLI_TYPE_OUTREACH;
  page_class->fill_filters = fill_filters;
  page_class->reset_filters = reset_filters;
  page_class->apply_query = apply_query;
  page_class->dup_totals = dup_totals;
  page_class->store_changed = store_changed;
  page_class->new_editor = new_editor;
  page_class->export = export;

  linli_record_list_page_class_set_template (page_class, RESOURCE_BASE "/ui/linli-outreach-page.ui", "outreach");
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachPage, format_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachPage, group_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachPage, period_filter);
  gtk_widget_class_install_action (widget_class, "outreach.organisations", NULL, organisations_cb);
}

static void
linli_outreach_page_init (LinliOutreachPage *self)
{
  GtkColumnView *view;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GEnumClass) formats = g_type_class_ref (LINLI_TYPE_OUTREACH_FORMAT);

  gtk_widget_init_template (GTK_WIDGET (self));

  view = linli_record_list_page_get_column_view (LINLI_RECORD_LIST_PAGE (self));
  linli_column_view_add_text (view, _("Title"), -180, LINLI_EVENT_SORT_TITLE, FALSE, cell_text, self, COLUMN_TITLE);
  linli_column_view_add_text (view, _("Format"), 70, LINLI_EVENT_SORT_TYPE, FALSE, cell_text, self, COLUMN_FORMAT);
  linli_column_view_add_text (view, _("Target Groups"), 120, -1, FALSE, cell_text, self, COLUMN_GROUPS);
  linli_column_view_add_text (view, _("Grid"), 90, LINLI_EVENT_SORT_GRID, FALSE, cell_text, self, COLUMN_GRID);
  linli_column_view_add_text (view, _("Venue"), 130, LINLI_EVENT_SORT_VENUE, FALSE, cell_text, self, COLUMN_VENUE);
  linli_column_view_add_text (view, _("Starts"), 140, LINLI_EVENT_SORT_START, FALSE, cell_text, self, COLUMN_START);
  linli_column_view_add_text (view, _("Attendees"), 80, LINLI_EVENT_SORT_ATTENDEES, TRUE, cell_text, self, COLUMN_ATTENDEES);
  linli_column_view_add_text (view, _("Leaflets"), 80, LINLI_EVENT_SORT_LEAFLETS, TRUE, cell_text, self, COLUMN_LEAFLETS);
  linli_column_view_add_text (view, _("Installs"), 80, LINLI_EVENT_SORT_INSTALLS, TRUE, cell_text, self, COLUMN_INSTALLS);
  /* Newest first, with the arrow on the column that says so. */
  linli_column_view_sort_by (view, COLUMN_START, GTK_SORT_DESCENDING);

  g_ptr_array_add (labels, (gpointer) _("All Formats"));
  for (guint i = 0; i < formats->n_values; i++)
    g_ptr_array_add (labels, (gpointer) linli_outreach_format_label (formats->values[i].value));
  g_ptr_array_add (labels, NULL);
  linli_drop_down_set_strings (self->format_filter, (const char * const *) labels->pdata, 0);
  linli_period_fill (self->period_filter);
}
