/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-cases-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "linli-alert.h"
#include "linli-case-query.h"
#include "linli-case-csv.h"
#include "linli-event-export.h"
#include "linli-xlsx.h"
#include "linli-case-editor.h"
#include "linli-case-rules.h"
#include "linli-case-search.h"
#include "linli-cases-page.h"
#include "linli-column-sort.h"
#include "linli-csv-import-dialog.h"
#include "linli-filters.h"
#include "linli-import-read.h"
#include "linli-text-column.h"
#include "linli-toast.h"
#include "linli-record-names.h"
#include "linli-safe-file.h"
#include "linli-staff.h"
#include "linli-weak-ref.h"

/* The Cases page: every case of the community in a table that reads only
 * the rows on screen, a search that finds Chinese words as they are typed,
 * filters, and changes to several cases at once. */

typedef enum {
  COLUMN_NUMBER,
  COLUMN_TITLE,
  COLUMN_GRID,
  COLUMN_CATEGORY,
  COLUMN_STATUS,
  COLUMN_URGENCY,
  COLUMN_WORKER,
  COLUMN_REPORTED,
  COLUMN_DUE,
  N_COLUMNS
} Column;

/* The period filter: the periods of #LinliPeriod, then a range typed in. */
enum {
  PERIOD_CUSTOM = LINLI_PERIOD_LAST_12_MONTHS + 1,
};

/* The first rows of the status filter, before one row per status. */
enum {
  STATUS_ROW_ANY,
  STATUS_ROW_OPEN,
  STATUS_ROW_FIRST,
};

struct _LinliCasesPage
{
  LinliRecordListPage parent_instance;

  GtkDropDown       *status_filter;
  GtkDropDown       *category_filter;
  GtkDropDown       *worker_filter;
  GtkDropDown       *period_filter;
  GtkToggleButton   *overdue_filter;
  GtkRevealer       *range_revealer;
  GtkEntry          *range_from;
  GtkEntry          *range_until;
  GtkActionBar      *action_bar;
  GtkLabel          *selection_label;
  GtkButton         *print_sheet_button;
  GtkMenuButton     *status_button;
  GtkMenuButton     *assign_button;

  LinliCaseSearch   *search;
  LinliRecordNames  *workers;
  GArray            *worker_ids;    /* the same for the worker filter */
  GStrv              categories;    /* per row of the category filter after "any" */
  GCancellable      *picking;           /* while a file is chosen to export to or import */
  LinliJob          *exporting;         /* the last export, which may run still */
  gboolean           export_personal;   /* what the chooser's file gets: names and phones whole */
  gboolean           export_xlsx;       /* a workbook rather than CSV: the file is *.xlsx */
};

G_DEFINE_FINAL_TYPE (LinliCasesPage, linli_cases_page, LINLI_TYPE_RECORD_LIST_PAGE)

/* "Now" by the store's clock, so overdue lights and periods follow it. */
static GDateTime *
page_now (LinliCasesPage *self)
{
  LinliStore *store = linli_record_list_page_get_store (LINLI_RECORD_LIST_PAGE (self));

  if (store != NULL)
    return linli_store_now (store);
  return g_date_time_new_now_local ();
}

#define STORE(self) linli_record_list_page_get_store (LINLI_RECORD_LIST_PAGE (self))
#define CASES(self) linli_record_list_page_get_list (LINLI_RECORD_LIST_PAGE (self))

/* ------------------------------------------------------------------------ */
/* The query                                                                 */

/* A day typed in a range entry: its start, or NULL with the entry marked
 * when it is not a date. Empty is no limit. */
static GDateTime *
range_day (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (*stripped == '\0')
    return NULL;
  parsed = linli_parse_local_time (stripped);
  if (parsed == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return NULL;
    }
  return g_date_time_new_local (g_date_time_get_year (parsed), g_date_time_get_month (parsed),
                                g_date_time_get_day_of_month (parsed), 0, 0, 0);
}

static char *
dup_totals (LinliRecordListPage *page)
{
  GListModel *cases = linli_record_list_page_get_list (page);
  guint n = cases ? g_list_model_get_n_items (cases) : 0;

  /* Before the search's index is there, a search reads every case in a
   * thread: the rows stay as they were until it answers. */
  if (linli_cases_page_is_searching (LINLI_CASES_PAGE (page)))
    return g_strdup (_("Searching…"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases", n), n);
}

static void
apply_query (LinliRecordListPage *page,
             LinliRecordList     *list,
             GDateTime           *now)
{
  LinliCasesPage *self = LINLI_CASES_PAGE (page);
  LinliCaseQuery query;
  guint status_row, row;
  int key;
  gboolean descending;

  linli_case_query_init (&query);

  status_row = gtk_drop_down_get_selected (self->status_filter);
  if (status_row == STATUS_ROW_OPEN)
    {
      for (LinliCaseStatus s = LINLI_CASE_STATUS_REGISTERED; s <= LINLI_CASE_STATUS_DUPLICATE; s++)
        if (linli_case_status_is_open (s))
          query.statuses |= LINLI_CASE_STATUS_BIT (s);
    }
  else if (status_row >= STATUS_ROW_FIRST && status_row != GTK_INVALID_LIST_POSITION)
    query.statuses = LINLI_CASE_STATUS_BIT (status_row - STATUS_ROW_FIRST);

  query.grid_id = linli_record_list_page_get_grid_id (page);
  row = gtk_drop_down_get_selected (self->worker_filter);
  if (row != GTK_INVALID_LIST_POSITION && row < self->worker_ids->len)
    query.worker_id = g_array_index (self->worker_ids, gint64, row);
  row = gtk_drop_down_get_selected (self->category_filter);
  if (row != GTK_INVALID_LIST_POSITION && row > 0 && self->categories != NULL &&
      row - 1 < g_strv_length (self->categories))
    query.category = g_strdup (self->categories[row - 1]);

  query.overdue_only = gtk_toggle_button_get_active (self->overdue_filter);
  gtk_revealer_set_reveal_child (self->range_revealer,
                                 gtk_drop_down_get_selected (self->period_filter) == PERIOD_CUSTOM);
  if (gtk_drop_down_get_selected (self->period_filter) == PERIOD_CUSTOM)
    {
      g_autoptr(GDateTime) last = range_day (self->range_until);

      query.from = range_day (self->range_from);
      /* The last day counts whole. */
      query.until = last ? g_date_time_add_days (last, 1) : NULL;
    }
  else
    linli_period_bounds (gtk_drop_down_get_selected (self->period_filter), now, &query.from, &query.until);

  if (linli_record_list_page_get_sort (page, &key, &descending))
    {
      query.sort = key;
      query.descending = descending;
    }

  linli_case_query_apply (&query, list, now);
  linli_case_query_clear (&query);
}

static void
set_search_text (LinliRecordListPage *page,
                 const char          *text)
{
  linli_case_search_set_text (LINLI_CASES_PAGE (page)->search, text);
}

/* The matches a search read in a thread are there. */
static void
searching_changed_cb (LinliCasesPage *self)
{
  LinliRecordListPage *page = LINLI_RECORD_LIST_PAGE (self);
  LinliRecordList *list = (LinliRecordList *) linli_record_list_page_get_list (page);

  if (list != NULL && !linli_case_search_is_searching (self->search))
    linli_record_list_refilter (list);
  linli_record_list_page_update_totals (page);
}

/* ------------------------------------------------------------------------ */
/* Filter choices                                                            */

static void fill_batch_menus (LinliCasesPage *self);

/* The filters, and with them the batch menus: both name the workers. */
static void
fill_filters (LinliRecordListPage *page)
{
  LinliCasesPage *self = LINLI_CASES_PAGE (page);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *chosen_category = NULL;
  guint keep = 0, row;

  linli_drop_down_set_records (self->worker_filter, self->worker_ids, self->workers, _("All Workers"), TRUE);
  fill_batch_menus (self);

  row = gtk_drop_down_get_selected (self->category_filter);
  if (self->categories != NULL && row != GTK_INVALID_LIST_POSITION && row > 0 &&
      row - 1 < g_strv_length (self->categories))
    chosen_category = g_strdup (self->categories[row - 1]);
  g_clear_pointer (&self->categories, g_strfreev);
  self->categories = STORE (self) ? linli_store_dup_case_categories (STORE (self)) : g_new0 (char *, 1);
  g_ptr_array_add (labels, (gpointer) _("All Categories"));
  for (guint i = 0; self->categories[i] != NULL; i++)
    {
      if (g_strcmp0 (self->categories[i], chosen_category) == 0)
        keep = i + 1;
      g_ptr_array_add (labels, self->categories[i]);
    }
  g_ptr_array_add (labels, NULL);
  linli_drop_down_set_strings (self->category_filter, (const char * const *) labels->pdata, keep);
}

static void
reset_filters (LinliRecordListPage *page)
{
  LinliCasesPage *self = LINLI_CASES_PAGE (page);

  gtk_drop_down_set_selected (self->status_filter, STATUS_ROW_ANY);
  gtk_drop_down_set_selected (self->category_filter, 0);
  gtk_drop_down_set_selected (self->worker_filter, 0);
  gtk_drop_down_set_selected (self->period_filter, LINLI_PERIOD_ANY);
  gtk_editable_set_text (GTK_EDITABLE (self->range_from), "");
  gtk_editable_set_text (GTK_EDITABLE (self->range_until), "");
  gtk_toggle_button_set_active (self->overdue_filter, FALSE);
}

static void
names_changed_cb (LinliCasesPage *self)
{
  linli_record_list_page_refill (LINLI_RECORD_LIST_PAGE (self));
}

/* ------------------------------------------------------------------------ */
/* Cells                                                                     */

static const char *deadline_descriptions[] = { NULL, N_("On time"), N_("Due soon"), N_("Overdue") };

/* The deadline's light explained, asked for only when the pointer rests on
 * it: set_deadline() keeps the deadline on the cell, not a tooltip. */
static gboolean
deadline_query_tooltip_cb (GtkWidget  *box,
                           int         x,
                           int         y,
                           gboolean    keyboard,
                           GtkTooltip *tooltip)
{
  LinliDeadline deadline = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (box), "linli-deadline"));

  if (deadline <= LINLI_DEADLINE_NONE || deadline >= (int) G_N_ELEMENTS (deadline_descriptions))
    return FALSE;
  gtk_tooltip_set_text (tooltip, _(deadline_descriptions[deadline]));
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  switch (column)
    {
    case COLUMN_NUMBER:
    case COLUMN_REPORTED:
      gtk_widget_add_css_class (label, "numeric");
      break;
    case COLUMN_STATUS:
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "linli-status");
      break;
    case COLUMN_DUE:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        GtkWidget *light = gtk_label_new ("●");

        gtk_widget_add_css_class (light, "linli-deadline");
        gtk_widget_add_css_class (label, "numeric");
        gtk_widget_set_has_tooltip (box, TRUE);
        g_signal_connect (box, "query-tooltip", G_CALLBACK (deadline_query_tooltip_cb), NULL);
        gtk_box_append (GTK_BOX (box), light);
        gtk_box_append (GTK_BOX (box), label);
        gtk_list_item_set_child (item, box);
        return;
      }
    case COLUMN_TITLE:
      linli_label_tooltip_shows_text (label);
      break;
    default:
      break;
    }
  gtk_list_item_set_child (item, label);
}

static char *
format_time (GDateTime *time)
{
  return time ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static const char *
status_css_class (LinliCaseStatus status)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (LINLI_TYPE_CASE_STATUS);
  return g_enum_get_value (enum_class, status)->value_nick;
}

static void
set_status_label (GtkWidget       *label,
                  LinliCaseStatus  status)
{
  static const char *all[] = {
    "registered", "assigned", "in-progress", "resolved", "revisited",
    "escalated", "suspended", "void", "duplicate", NULL
  };

  for (guint i = 0; all[i] != NULL; i++)
    gtk_widget_remove_css_class (label, all[i]);
  gtk_widget_add_css_class (label, status_css_class (status));
  gtk_label_set_text (GTK_LABEL (label), linli_case_status_label (status));
}

static void
set_deadline (LinliCasesPage *self,
              GtkWidget      *box,
              LinliRecord    *record)
{
  static const char *lights[] = { "none", "green", "amber", "red" };
  GtkWidget *light = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (light);
  g_autoptr(GDateTime) now = page_now (self);
  LinliDeadline deadline = linli_case_deadline (record, now);
  g_autofree char *due = format_time (linli_record_get_datetime (record, "due_at"));

  for (guint i = 0; i < G_N_ELEMENTS (lights); i++)
    gtk_widget_remove_css_class (light, lights[i]);
  gtk_widget_add_css_class (light, lights[deadline]);
  gtk_widget_set_visible (light, deadline != LINLI_DEADLINE_NONE);
  g_object_set_data (G_OBJECT (box), "linli-deadline", GINT_TO_POINTER (deadline));
  gtk_label_set_text (GTK_LABEL (label), due);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  LinliCasesPage *self = g_object_get_data (G_OBJECT (factory), "page");
  Column column = GPOINTER_TO_INT (user_data);
  LinliRecord *record = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_NUMBER:
      text = g_strdup (linli_record_get_text (record, "number"));
      break;
    case COLUMN_TITLE:
      text = g_strdup (linli_record_get_text (record, "title"));
      break;
    case COLUMN_GRID:
      text = g_strdup (linli_record_names_lookup (linli_record_list_page_get_grids (LINLI_RECORD_LIST_PAGE (self)), linli_record_get_int (record, "grid_id")));
      break;
    case COLUMN_CATEGORY:
      {
        const char *sub = linli_record_get_text (record, "subcategory");
        text = sub && *sub ? g_strdup_printf ("%s/%s", linli_record_get_text (record, "category"), sub)
                           : g_strdup (linli_record_get_text (record, "category"));
        break;
      }
    case COLUMN_STATUS:
      set_status_label (child, linli_record_get_enum (record, "status"));
      return;
    case COLUMN_URGENCY:
      text = g_strdup (linli_urgency_label (linli_record_get_enum (record, "urgency")));
      break;
    case COLUMN_WORKER:
      text = g_strdup (linli_record_names_lookup (self->workers, linli_record_get_int (record, "worker_id")));
      break;
    case COLUMN_REPORTED:
      text = format_time (linli_record_get_datetime (record, "reported_at"));
      break;
    case COLUMN_DUE:
      set_deadline (self, child, record);
      return;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (GTK_LABEL (child), text ? text : "");
}

static void
add_column (LinliCasesPage *self,
            Column          column,
            const char     *title,
            int             width,
            int             sort_key)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = linli_column_sorter_new (sort_key);

  g_object_set_data (G_OBJECT (factory), "page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  linli_column_set_width (view_column, width);
  gtk_column_view_append_column (linli_record_list_page_get_column_view (LINLI_RECORD_LIST_PAGE (self)), view_column);
}

/* ------------------------------------------------------------------------ */
/* Several cases at once                                                     */

static void
selection_changed (LinliRecordListPage *page)
{
  LinliCasesPage *self = LINLI_CASES_PAGE (page);
  g_autoptr(GArray) ids = linli_record_list_page_dup_selected_ids (page);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case selected",
                                                        "%u cases selected", ids->len), ids->len);

  gtk_label_set_text (self->selection_label, text);
  /* One case: its sheet, besides its status and worker. */
  gtk_widget_set_visible (GTK_WIDGET (self->print_sheet_button), ids->len == 1);
  if (ids->len == 1)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->print_sheet_button),
                                            g_variant_new_int64 (g_array_index (ids, gint64, 0)));
  gtk_action_bar_set_revealed (self->action_bar, ids->len > 0);
}

/* A change to the selected cases: an assignment or a status. */
typedef struct
{
  gint64          worker;     /* assigned to, when not a status */
  gboolean        is_status;
  LinliCaseStatus status;
} Change;

static gboolean
apply_change (LinliRecord   *record,
              const Change  *change,
              GError       **error)
{
  LinliCaseStatus from = linli_record_get_enum (record, "status");

  if (!change->is_status)
    {
      linli_record_set_int (record, "worker_id", change->worker);
      /* Assigning a registered case is what moves it on. */
      if (from == LINLI_CASE_STATUS_REGISTERED && change->worker != 0)
        linli_record_set_enum (record, "status", LINLI_CASE_STATUS_ASSIGNED);
      return TRUE;
    }
  if (from != change->status && !linli_case_status_can_change (from, change->status))
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_CONSTRAINT,
                   _("a case that is %s cannot become %s"),
                   linli_case_status_label (from), linli_case_status_label (change->status));
      return FALSE;
    }
  linli_record_set_enum (record, "status", change->status);
  return TRUE;
}

/* What was done, in words: "3 cases assigned to 杨帆". */
static char *
describe_change (LinliCasesPage *self,
                 const Change   *change,
                 guint           n_done)
{
  if (change->is_status)
    /* TRANSLATORS: %u is a number of cases, %s a status such as 办理中 */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case set to %s", "%u cases set to %s", n_done),
                            n_done, linli_case_status_label (change->status));
  if (change->worker == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case unassigned", "%u cases unassigned", n_done),
                            n_done);
  /* TRANSLATORS: %u is a number of cases, %s the worker's name */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case assigned to %s", "%u cases assigned to %s", n_done),
                          n_done, linli_record_names_lookup (self->workers, change->worker));
}

static gboolean
put_back_cases (LinliStore  *store,
                gpointer     before,
                GError     **error)
{
  return linli_store_update_all (store, before, error);
}

/* Changes the selected cases one by one, each in its own transaction, so
 * one that may not change does not hold back the others; closed ones only
 * when @closed_too. Says what was done, with Undo, which writes every case
 * back as it was in one store call. */
static void
change_selected (LinliCasesPage *self,
                 const Change   *change,
                 gboolean        closed_too)
{
  g_autoptr(GArray) ids = linli_record_list_page_dup_selected_ids (LINLI_RECORD_LIST_PAGE (self));
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *first_problem = NULL;
  g_autofree char *done = NULL;
  g_autofree char *message = NULL;
  guint n_failed = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LinliRecord) record = linli_store_get (STORE (self), LINLI_TYPE_CASE,
                                                       g_array_index (ids, gint64, i), &error);
      g_autoptr(LinliRecord) was = record ? linli_record_copy (record) : NULL;

      if (record != NULL && !closed_too && linli_case_status_is_closed (linli_record_get_enum (record, "status")))
        continue;
      if (record != NULL && apply_change (record, change, &error) &&
          linli_store_update (STORE (self), record, &error))
        g_ptr_array_add (before, g_steal_pointer (&was));
      else
        {
          n_failed++;
          if (first_problem == NULL && error != NULL)
            first_problem = g_strdup_printf ("%s: %s", record ? linli_record_get_text (record, "number") : "",
                                             error->message);
        }
    }

  done = describe_change (self, change, before->len);
  if (n_failed == 0)
    message = g_steal_pointer (&done);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u case changed, %u could not be: %s",
                                            "%u cases changed, %u could not be: %s",
                                            before->len), before->len, n_failed, first_problem);
  if (before->len == 0)
    linli_toast (GTK_WIDGET (self), message);
  else
    linli_toast_add (GTK_WIDGET (self),
                     linli_toast_new_undo (message, linli_undo_new (STORE (self), put_back_cases,
                                                                    g_steal_pointer (&before),
                                                                    (GDestroyNotify) g_ptr_array_unref)));
}

typedef struct
{
  LinliCasesPage *page;
  Change          change;
} Asking;

static void
asking_free (gpointer data)
{
  Asking *asking = data;

  g_object_unref (asking->page);
  g_free (asking);
}

static void
closed_response_cb (LinliAlert *alert,
                    const char *response,
                    gpointer    data)
{
  Asking *asking = data;

  if (g_str_equal (response, "include") || g_str_equal (response, "skip"))
    change_selected (asking->page, &asking->change, g_str_equal (response, "include"));
}

/* Closed cases (visited, void, duplicates) are left alone unless the user
 * says to change them too. */
static void
ask_then_change (LinliCasesPage *self,
                 const Change   *change)
{
  g_autoptr(GArray) ids = linli_record_list_page_dup_selected_ids (LINLI_RECORD_LIST_PAGE (self));
  g_autofree char *body = NULL;
  g_autoptr(LinliAlert) alert = NULL;
  Asking *asking;
  guint n_closed = 0;

  if (STORE (self) == NULL)
    return;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LinliRecord) record = linli_store_get (STORE (self), LINLI_TYPE_CASE,
                                                       g_array_index (ids, gint64, i), NULL);
      if (record != NULL && linli_case_status_is_closed (linli_record_get_enum (record, "status")))
        n_closed++;
    }
  if (n_closed == 0)
    {
      change_selected (self, change, FALSE);
      return;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u of the %u cases chosen is closed: visited, void or a duplicate. "
                                       "Closed cases are normally left as they are.",
                                       "%u of the %u cases chosen are closed: visited, void or duplicates. "
                                       "Closed cases are normally left as they are.", n_closed),
                          n_closed, ids->len);
  alert = linli_alert_new (_("Change Closed Cases Too?"), body);
  linli_alert_add_response (alert, "cancel", _("_Cancel"));
  linli_alert_add_response (alert, "include", _("_Include Closed Cases"));
  linli_alert_add_response (alert, "skip", _("Change _Open Cases Only"));
  linli_alert_set_response_appearance (alert, "skip", ADW_RESPONSE_SUGGESTED);
  linli_alert_set_default_response (alert, "skip");
  linli_alert_set_close_response (alert, "cancel");
  asking = g_new (Asking, 1);
  asking->page = g_object_ref (self);
  asking->change = *change;
  linli_alert_present (alert, GTK_WIDGET (self), closed_response_cb, asking, asking_free);
}

static void
assign_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  Change change = { .worker = g_variant_get_int64 (parameter) };

  ask_then_change (LINLI_CASES_PAGE (widget), &change);
}

static void
set_status_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (LINLI_TYPE_CASE_STATUS);
  GEnumValue *value = g_enum_get_value_by_nick (enum_class, g_variant_get_string (parameter, NULL));
  Change change = { .is_status = TRUE };

  g_return_if_fail (value != NULL);
  change.status = value->value;
  ask_then_change (LINLI_CASES_PAGE (widget), &change);
}

/* Workers by the locale's collation of their names: pinyin in Chinese. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (g_object_get_data (*(GObject **) a, "linli-key"), g_object_get_data (*(GObject **) b, "linli-key"));
}

static GPtrArray *
sorted_by_name (GListModel *records,
                gboolean    active_only)
{
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; records != NULL && i < g_list_model_get_n_items (records); i++)
    {
      LinliRecord *record = g_list_model_get_item (records, i);

      /* Who left is offered no new work; their old cases keep their name. */
      if (active_only && !linli_worker_is_active (record))
        {
          g_object_unref (record);
          continue;
        }
      g_object_set_data_full (G_OBJECT (record), "linli-key",
                              g_utf8_collate_key (linli_record_get_text (record, "name") ?: "", -1), g_free);
      g_ptr_array_add (sorted, record);
    }
  g_ptr_array_sort (sorted, compare_names);
  return sorted;
}

static gboolean
works_in (LinliRecord *worker,
          gint64       grid_id)
{
  GArray *grids = linli_record_get_refs (worker, "grids");

  for (guint i = 0; grids != NULL && i < grids->len; i++)
    if (g_array_index (grids, gint64, i) == grid_id)
      return TRUE;
  return grid_id == 0 && (grids == NULL || grids->len == 0);
}

/* Assign To: the workers at work, a section per grid (one in several grids
 * is in each), then those in none. */
static GMenu *
workers_menu (LinliCasesPage *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GPtrArray) workers = sorted_by_name (self->workers ? linli_record_names_get_model (self->workers) : NULL,
                                                 TRUE);
  LinliRecordNames *grid_names = linli_record_list_page_get_grids (LINLI_RECORD_LIST_PAGE (self));
  g_autoptr(GPtrArray) grids = sorted_by_name (grid_names ? linli_record_names_get_model (grid_names) : NULL,
                                               FALSE);
  gint64 none = 0;

  for (guint g = 0; g <= grids->len; g++)
    {
      gint64 grid_id = g < grids->len ? linli_record_get_id (grids->pdata[g]) : none;
      g_autoptr(GMenu) section = g_menu_new ();

      for (guint i = 0; i < workers->len; i++)
        if (works_in (workers->pdata[i], grid_id))
          {
            g_autoptr(GMenuItem) item = g_menu_item_new (linli_record_get_text (workers->pdata[i], "name"), NULL);
            g_menu_item_set_action_and_target (item, "cases.assign", "x", linli_record_get_id (workers->pdata[i]));
            g_menu_append_item (section, item);
          }
      if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
        g_menu_append_section (menu, g < grids->len ? linli_record_get_text (grids->pdata[g], "name") : _("In No Grid"),
                               G_MENU_MODEL (section));
    }
  return menu;
}

static void
fill_batch_menus (LinliCasesPage *self)
{
  g_autoptr(GMenu) statuses = g_menu_new ();
  g_autoptr(GMenu) workers = workers_menu (self);
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (LINLI_TYPE_CASE_STATUS);

  for (guint i = 0; i < enum_class->n_values; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (linli_case_status_label (enum_class->values[i].value), NULL);
      g_menu_item_set_action_and_target (item, "cases.set-status", "s", enum_class->values[i].value_nick);
      g_menu_append_item (statuses, item);
    }
  gtk_menu_button_set_menu_model (self->status_button, G_MENU_MODEL (statuses));
  gtk_menu_button_set_menu_model (self->assign_button, G_MENU_MODEL (workers));
}

/* ------------------------------------------------------------------------ */
/* Editing, importing, exporting                                             */

static char *
dup_deleted_title (LinliRecordListPage *page,
                   LinliRecord         *record)
{
  return g_strdup_printf (_("Case %s deleted"), linli_record_get_text (record, "number"));
}

/* Undo puts the case back with its whole diary, which the editor gives as
 * a list. */
static GPtrArray *
dup_children (LinliRecordListPage *page,
              gpointer             children)
{
  GListModel *entries = children;
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    g_ptr_array_add (records, g_list_model_get_item (entries, i));
  return records;
}

static LinliRecordEditor *
new_editor (LinliRecordListPage *page,
            GtkWindow           *parent,
            LinliStore          *store,
            LinliRecord         *record)
{
  return LINLI_RECORD_EDITOR (linli_case_editor_new (parent, store, record));
}

/* The cases' ids, taken when the export starts, and the export's thread
 * reads them from its own store. */
typedef struct
{
  GArray   *ids;
  gboolean  mask_personal;
} Export;

static void
export_free (Export *export)
{
  g_array_unref (export->ids);
  g_free (export);
}

static void
count_cb (guint    n_done,
          guint    n_total,
          gpointer data)
{
  LinliJob *job = data;
  g_autofree char *text = NULL;

  /* TRANSLATORS: how far an export is: “12000 of 100000” */
  text = g_strdup_printf (_("%u of %u"), n_done, n_total);
  linli_job_progress (job, n_total > 0 ? (double) n_done / n_total : -1, text);
}

static gboolean
write_csv (LinliStore     *store,
           gpointer        data,
           GOutputStream  *out,
           LinliJob       *job,
           GCancellable   *cancellable,
           GError        **error)
{
  Export *export = data;
  g_autoptr(LinliCsvWriter) writer = linli_csv_writer_new (out);

  return linli_case_csv_export_ids (store, export->ids, export->mask_personal, writer,
                                    count_cb, job, cancellable, error);
}

static gboolean
write_workbook (LinliStore     *store,
                gpointer        data,
                GOutputStream  *out,
                LinliJob       *job,
                GCancellable   *cancellable,
                GError        **error)
{
  Export *export = data;

  return linli_xlsx_export_case_ids (store, export->ids, export->mask_personal, out,
                                     count_cb, job, cancellable, error);
}

static void
export_chosen_cb (GFile    *file,
                  gpointer  data)
{
  g_autoptr(LinliCasesPage) self = g_weak_ref_get (data);

  if (self == NULL)
    return;
  g_clear_object (&self->picking);
  if (file != NULL)
    {
      /* Residents' names and phone numbers are for the office's eyes only. */
      LinliSafeFileFlags flags = self->export_personal ? LINLI_SAFE_FILE_PRIVATE : LINLI_SAFE_FILE_NONE;

      /* In a thread with a connection of its own: the window keeps drawing,
       * and a cancelled export leaves the file as it was. */
      linli_cases_page_export_to (self, file, flags);
    }
}

static void
choose_export_file (LinliCasesPage *self,
                    gboolean        personal)
{
  g_autoptr(GDateTime) now = page_now (self);
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  g_autoptr(LinliFilePick) pick = NULL;

  if (self->picking != NULL || CASES (self) == NULL)
    return;
  if (personal)
    /* TRANSLATORS: the name proposed for an exported file with residents'
     * names and phone numbers; %s is today's date */
    name = g_strdup_printf (_("cases-personal-%s.csv"), date);
  else
    /* TRANSLATORS: the name proposed for an exported file; %s is today's date */
    name = g_strdup_printf (_("cases-%s.csv"), date);
  if (self->export_xlsx)
    {
      char *workbook = linli_export_file_name (name, TRUE);
      g_free (name);
      name = workbook;
    }

  self->export_personal = personal;
  pick = linli_file_pick_new (personal ? _("Export Cases With Personal Information")
                                        : _("Export Cases"));
  linli_file_pick_set_accept_label (pick, _("_Export"));
  linli_export_add_filters (pick, name);
  linli_file_pick_set_initial_name (pick, name);
  self->picking = g_cancellable_new ();
  linli_file_pick_save (pick, linli_record_list_page_get_window (LINLI_RECORD_LIST_PAGE (self)),
                        self->picking, export_chosen_cb, linli_weak_ref_new (self), linli_weak_ref_free);
}

static void
export (LinliRecordListPage *page,
        gboolean             xlsx)
{
  LinliCasesPage *self = LINLI_CASES_PAGE (page);

  if (self->picking == NULL)
    self->export_xlsx = xlsx;
  choose_export_file (self, FALSE);
}

static void
export_personal_response_cb (LinliAlert *alert,
                             const char *response,
                             gpointer    data)
{
  g_autoptr(LinliCasesPage) self = g_weak_ref_get (data);

  if (self != NULL && g_strcmp0 (response, "export") == 0)
    choose_export_file (self, TRUE);
}

/* A file that holds residents' names and phone numbers whole is asked for
 * on purpose: the plain export masks them. Such a file is what imports
 * into another computer's Linli. */
static void
export_personal_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LinliCasesPage *self = LINLI_CASES_PAGE (widget);
  g_autoptr(LinliAlert) alert = NULL;
  g_autofree char *body = NULL;
  guint n;

  if (self->picking != NULL || CASES (self) == NULL)
    return;
  self->export_xlsx = FALSE;
  n = g_list_model_get_n_items (CASES (self));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The file will hold the names, phone numbers and addresses of the residents "
                                       "in the %u case shown, unmasked. Anyone who opens it can read them: keep it "
                                       "safe, and delete it once it has served its purpose.",
                                       "The file will hold the names, phone numbers and addresses of the residents "
                                       "in the %u cases shown, unmasked. Anyone who opens it can read them: keep it "
                                       "safe, and delete it once it has served its purpose.", n), n);
  alert = linli_alert_new (_("Export Personal Information?"), body);
  linli_alert_add_response (alert, "cancel", _("_Cancel"));
  linli_alert_add_response (alert, "export", _("_Export"));
  linli_alert_set_response_appearance (alert, "export", ADW_RESPONSE_DESTRUCTIVE);
  linli_alert_set_default_response (alert, "cancel");
  linli_alert_set_close_response (alert, "cancel");
  linli_alert_present (alert, widget, export_personal_response_cb,
                       linli_weak_ref_new (self), linli_weak_ref_free);
}

static void
imported_cb (LinliCasesPage       *self,
             guint                 n_cases,
             LinliCsvImportDialog *dialog)
{
  g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case imported",
                                                           "%u cases imported", n_cases), n_cases);
  linli_toast (GTK_WIDGET (self), message);
}

static void
import_read_cb (gpointer    result,
                const char *file_name,
                gpointer    data)
{
  LinliCasesPage *self = data;
  g_autoptr(LinliCsvTable) table = result;
  LinliCsvImportDialog *dialog;

  if (STORE (self) == NULL)
    return;
  dialog = linli_csv_import_dialog_new (linli_record_list_page_get_window (LINLI_RECORD_LIST_PAGE (self)),
                                        STORE (self), table, file_name);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_chosen_cb (GFile    *file,
                  gpointer  data)
{
  g_autoptr(LinliCasesPage) self = g_weak_ref_get (data);

  if (self == NULL)
    return;
  g_clear_object (&self->picking);
  /* Read in a thread, a piece at a time. */
  if (file != NULL)
    linli_import_read (GTK_WIDGET (self), file, _("Cannot Read the File"),
                       linli_import_read_csv, (GDestroyNotify) linli_csv_table_unref,
                       import_read_cb, g_object_ref (self), g_object_unref);
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliCasesPage *self = LINLI_CASES_PAGE (widget);
  g_autoptr(LinliFilePick) pick = NULL;

  if (self->picking != NULL || STORE (self) == NULL)
    return;
  pick = linli_csv_pick_new (_("Import Cases"));
  self->picking = g_cancellable_new ();
  linli_file_pick_open (pick, linli_record_list_page_get_window (LINLI_RECORD_LIST_PAGE (self)),
                        self->picking, import_chosen_cb, linli_weak_ref_new (self), linli_weak_ref_free);
}

/* ------------------------------------------------------------------------ */

static LinliRecordList *
take_store (LinliRecordListPage *page,
            LinliStore          *store)
{
  LinliCasesPage *self = LINLI_CASES_PAGE (page);
  LinliRecordList *cases;

  if (self->workers != NULL)
    g_signal_handlers_disconnect_by_func (self->workers, names_changed_cb, self);
  if (self->search != NULL)
    g_signal_handlers_disconnect_by_func (self->search, searching_changed_cb, self);
  g_clear_object (&self->search);
  g_clear_object (&self->workers);
  if (store == NULL)
    return NULL;

  self->workers = linli_record_names_new (store, LINLI_TYPE_WORKER, "name");
  g_signal_connect_swapped (self->workers, "changed", G_CALLBACK (names_changed_cb), self);
  /* The search first, so it hears of a change before the list does. */
  self->search = linli_case_search_new (store);
  g_signal_connect_swapped (self->search, "notify::searching", G_CALLBACK (searching_changed_cb), self);
  /* Empty until the page's query reads the rows once, with the filters'
   * conditions: a list of every case first would be read for nothing. */
  cases = linli_record_list_new (store, LINLI_TYPE_CASE, "0", NULL, 0);
  linli_record_list_set_filter (cases, linli_case_search_filter, g_object_ref (self->search), g_object_unref);
  return cases;
}

static void
linli_cases_page_dispose (GObject *object)
{
  LinliCasesPage *self = LINLI_CASES_PAGE (object);

  if (self->exporting != NULL)
    linli_job_cancel (self->exporting);
  g_clear_object (&self->exporting);
  if (self->picking != NULL)
    g_cancellable_cancel (self->picking);
  g_clear_object (&self->picking);

  G_OBJECT_CLASS (linli_cases_page_parent_class)->dispose (object);
}

static void
linli_cases_page_finalize (GObject *object)
{
  LinliCasesPage *self = LINLI_CASES_PAGE (object);

  g_array_unref (self->worker_ids);
  g_strfreev (self->categories);

  G_OBJECT_CLASS (linli_cases_page_parent_class)->finalize (object);
}

static void
linli_cases_page_class_init (LinliCasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LinliRecordListPageClass *page_class = LINLI_RECORD_LIST_PAGE_CLASS (klass);

  object_class->dispose = linli_cases_page_dispose;
  object_class->finalize = linli_cases_page_finalize;

  page_class->record_type = LINLI_TYPE_CASE;
  page_class->multiple = TRUE;
  page_class->take_store = take_store;
  page_class->fill_filters = fill_filters;
  page_class->reset_filters = reset_filters;
  page_class->apply_query = apply_query;
  page_class->set_search_text = set_search_text;
  page_class->dup_totals = dup_totals;
  page_class->selection_changed = selection_changed;
  page_class->new_editor = new_editor;
  page_class->dup_deleted_title = dup_deleted_title;
  page_class->dup_children = dup_children;
  page_class->export = export;

  linli_record_list_page_class_set_template (page_class, RESOURCE_BASE "/ui/linli-cases-page.ui", "cases");
  gtk_widget_class_bind_template_child (widget_class, LinliCasesPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliCasesPage, category_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliCasesPage, worker_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliCasesPage, period_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliCasesPage, overdue_filter);
  gtk_widget_class_bind_template_child (widget_class, LinliCasesPage, range_revealer);
  gtk_widget_class_bind_template_child (widget_class, LinliCasesPage, range_from);
  gtk_widget_class_bind_template_child (widget_class, LinliCasesPage, range_until);
  gtk_widget_class_bind_template_child (widget_class, LinliCasesPage, action_bar);
  gtk_widget_class_bind_template_child (widget_class, LinliCasesPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, LinliCasesPage, print_sheet_button);
  gtk_widget_class_bind_template_child (widget_class, LinliCasesPage, status_button);
  gtk_widget_class_bind_template_child (widget_class, LinliCasesPage, assign_button);

  gtk_widget_class_install_action (widget_class, "cases.export-personal", NULL, export_personal_cb);
  gtk_widget_class_install_action (widget_class, "cases.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "cases.assign", "x", assign_cb);
  gtk_widget_class_install_action (widget_class, "cases.set-status", "s", set_status_cb);
}

static void
linli_cases_page_init (LinliCasesPage *self)
{
  static const char *periods[] = {
    N_("Any Time"), N_("This Month"), N_("Last Month"), N_("This Quarter"), N_("This Year"),
    N_("Last 12 Months"), N_("Custom Range"), NULL
  };
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (LINLI_TYPE_CASE_STATUS);

  self->worker_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  add_column (self, COLUMN_NUMBER, _("Number"), 110, LINLI_CASE_SORT_NUMBER);
  add_column (self, COLUMN_TITLE, _("Title"), -220, LINLI_CASE_SORT_TITLE);
  add_column (self, COLUMN_GRID, _("Grid"), 100, LINLI_CASE_SORT_GRID);
  add_column (self, COLUMN_CATEGORY, _("Category"), 150, LINLI_CASE_SORT_CATEGORY);
  add_column (self, COLUMN_STATUS, _("Status"), 90, LINLI_CASE_SORT_STATUS);
  add_column (self, COLUMN_URGENCY, _("Urgency"), 70, LINLI_CASE_SORT_URGENCY);
  add_column (self, COLUMN_WORKER, _("Worker"), 90, LINLI_CASE_SORT_WORKER);
  add_column (self, COLUMN_REPORTED, _("Reported"), 140, LINLI_CASE_SORT_REPORTED);
  add_column (self, COLUMN_DUE, _("Due"), 160, LINLI_CASE_SORT_DUE);

  /* Newest first, with the arrow on the column that says so. */
  linli_column_view_sort_by (linli_record_list_page_get_column_view (LINLI_RECORD_LIST_PAGE (self)),
                             COLUMN_REPORTED, GTK_SORT_DESCENDING);

  g_ptr_array_add (labels, (gpointer) _("All Statuses"));
  g_ptr_array_add (labels, (gpointer) _("Open"));
  for (guint i = 0; i < enum_class->n_values; i++)
    g_ptr_array_add (labels, (gpointer) linli_case_status_label (enum_class->values[i].value));
  g_ptr_array_add (labels, NULL);
  linli_drop_down_set_strings (self->status_filter, (const char * const *) labels->pdata, 0);

  g_ptr_array_set_size (labels, 0);
  for (guint i = 0; periods[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) _(periods[i]));
  g_ptr_array_add (labels, NULL);
  linli_drop_down_set_strings (self->period_filter, (const char * const *) labels->pdata, 0);
}

/**
 * linli_cases_page_describe_filter:
 *
 * Returns: (transfer full) (nullable): which cases are shown, in words:
 *   the search text and the filters that are set, such as
 *   "“漏水”、办理中、第一网格、本月"; %NULL when every case is shown. For a
 *   printed list.
 */
char *
linli_cases_page_describe_filter (LinliCasesPage *self)
{
  GtkDropDown *filters[] = { self->status_filter, linli_record_list_page_get_grid_filter (LINLI_RECORD_LIST_PAGE (self)),
                             self->category_filter,
                             self->worker_filter, self->period_filter };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *text;

  g_return_val_if_fail (LINLI_IS_CASES_PAGE (self), NULL);

  text = linli_record_list_page_get_search_text (LINLI_RECORD_LIST_PAGE (self));
  if (text != NULL && *text != '\0')
    /* TRANSLATORS: the search text in a printed list's description */
    g_ptr_array_add (parts, g_strdup_printf (_("“%s”"), text));

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      guint row = gtk_drop_down_get_selected (filters[i]);
      gpointer item = gtk_drop_down_get_selected_item (filters[i]);

      if (row == 0 || row == GTK_INVALID_LIST_POSITION || !GTK_IS_STRING_OBJECT (item))
        continue;
      if (filters[i] == self->period_filter && row == PERIOD_CUSTOM)
        /* TRANSLATORS: a custom range of days in a printed list's description */
        g_ptr_array_add (parts, g_strdup_printf (_("%s to %s"),
                                                 gtk_editable_get_text (GTK_EDITABLE (self->range_from)),
                                                 gtk_editable_get_text (GTK_EDITABLE (self->range_until))));
      else
        g_ptr_array_add (parts, g_strdup (gtk_string_object_get_string (item)));
    }

  if (gtk_toggle_button_get_active (self->overdue_filter))
    g_ptr_array_add (parts, g_strdup (_("Overdue only")));

  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (C_("list separator", ", "), (char **) parts->pdata);
}

/* "Show cases" of a grid on the map: that grid's cases, every status. */
void
linli_cases_page_show_grid (LinliCasesPage *self,
                            gint64          grid_id)
{
  g_return_if_fail (LINLI_IS_CASES_PAGE (self));

  linli_record_list_page_reset_filters (LINLI_RECORD_LIST_PAGE (self));
  linli_record_list_page_set_grid_id (LINLI_RECORD_LIST_PAGE (self), grid_id);
}

/**
 * linli_cases_page_is_searching:
 *
 * Returns: whether a search typed before the search's index was there is
 *   still being answered; the rows are those from before it until then
 */
gboolean
linli_cases_page_is_searching (LinliCasesPage *self)
{
  g_return_val_if_fail (LINLI_IS_CASES_PAGE (self), FALSE);
  return self->search != NULL && linli_case_search_is_searching (self->search);
}

/**
 * linli_cases_page_export_to:
 * @flags: %LINLI_SAFE_FILE_PRIVATE for a file with residents' personal data
 *   whole, which it then writes unmasked
 *
 * Writes the cases shown to @file in a job (linli-job.h), as a workbook
 * when it is named *.xlsx, CSV otherwise; the window's job bar shows it
 * with Cancel, and a toast or an error says how it ended.
 */
void
linli_cases_page_export_to (LinliCasesPage     *self,
                            GFile              *file,
                            LinliSafeFileFlags  flags)
{
  g_autofree char *done = NULL;
  Export *export;
  guint n;

  g_return_if_fail (LINLI_IS_CASES_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (STORE (self) == NULL || CASES (self) == NULL)
    return;
  n = g_list_model_get_n_items (CASES (self));
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case exported", "%u cases exported", n), n);
  export = g_new0 (Export, 1);
  export->ids = linli_case_csv_dup_ids (CASES (self));
  export->mask_personal = (flags & LINLI_SAFE_FILE_PRIVATE) == 0;
  g_clear_object (&self->exporting);
  self->exporting = linli_export_run (GTK_WIDGET (self), STORE (self), file, flags,
                                      _("Exporting cases…"), done, _("Cannot Export the Cases"),
                                      linli_export_file_is_xlsx (file) ? write_workbook : write_csv,
                                      export, (GDestroyNotify) export_free);
}

/**
 * linli_cases_page_get_export_cancellable:
 *
 * Returns: (transfer none) (nullable): what cancels the export under way
 */
GCancellable *
linli_cases_page_get_export_cancellable (LinliCasesPage *self)
{
  g_return_val_if_fail (LINLI_IS_CASES_PAGE (self), NULL);
  if (self->exporting == NULL || !linli_job_is_running (self->exporting))
    return NULL;
  return linli_job_get_cancellable (self->exporting);
}
