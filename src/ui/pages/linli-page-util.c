/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-page-util"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "linli-column-sort.h"
#include "linli-page-util.h"

static GDateTime *
start_of_month (GDateTime *t,
                int        months_back)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (t),
                                                      g_date_time_get_month (t), 1, 0, 0, 0);
  return g_date_time_add_months (first, -months_back);
}

void
linli_period_bounds (LinliPeriod  period,
                     GDateTime   *now,
                     GDateTime  **from,
                     GDateTime  **until)
{
  *from = *until = NULL;

  switch (period)
    {
    case LINLI_PERIOD_THIS_MONTH:
      *from = start_of_month (now, 0);
      break;
    case LINLI_PERIOD_LAST_MONTH:
      *from = start_of_month (now, 1);
      *until = start_of_month (now, 0);
      break;
    case LINLI_PERIOD_THIS_QUARTER:
      *from = start_of_month (now, (g_date_time_get_month (now) - 1) % 3);
      break;
    case LINLI_PERIOD_THIS_YEAR:
      *from = g_date_time_new_local (g_date_time_get_year (now), 1, 1, 0, 0, 0);
      break;
    case LINLI_PERIOD_LAST_12_MONTHS:
      *from = g_date_time_add_months (now, -12);
      break;
    case LINLI_PERIOD_ANY:
    default:
      break;
    }
}

void
linli_period_fill (GtkDropDown *drop_down)
{
  static const char *periods[] = {
    N_("Any Time"), N_("This Month"), N_("Last Month"), N_("This Quarter"), N_("This Year"),
    N_("Last 12 Months"),
  };
  const char *labels[G_N_ELEMENTS (periods) + 1] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    labels[i] = _(periods[i]);
  linli_drop_down_set_strings (drop_down, labels, 0);
}

void
linli_drop_down_set_strings (GtkDropDown        *drop_down,
                             const char * const *labels,
                             guint               keep)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (drop_down, keep < g_strv_length ((char **) labels) ? keep : 0);
}

/* Returns: (nullable): the label chosen, %NULL for the first ("any") */
const char *
linli_drop_down_get_string (GtkDropDown *drop_down)
{
  gpointer item = gtk_drop_down_get_selected_item (drop_down);

  if (item == NULL || gtk_drop_down_get_selected (drop_down) == 0)
    return NULL;
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

/* Rows for @words after @any, keeping the word chosen if it is still there. */
void
linli_drop_down_set_words (GtkDropDown        *drop_down,
                           const char         *any,
                           const char * const *words)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *kept = g_strdup (linli_drop_down_get_string (drop_down));
  guint keep = 0;

  g_ptr_array_add (labels, (gpointer) any);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      if (g_strcmp0 (words[i], kept) == 0)
        keep = labels->len;
      g_ptr_array_add (labels, (gpointer) words[i]);
    }
  g_ptr_array_add (labels, NULL);
  linli_drop_down_set_strings (drop_down, (const char * const *) labels->pdata, keep);
}

/* Rows for every record of @names after @any, keeping the one chosen. */
void
linli_drop_down_set_records (GtkDropDown      *drop_down,
                             GArray           *ids,
                             LinliRecordNames *names,
                             const char       *any)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GListModel *records = names ? linli_record_names_get_model (names) : NULL;
  guint n = records ? g_list_model_get_n_items (records) : 0;
  gint64 chosen = linli_drop_down_get_id (drop_down, ids);
  guint keep = 0;
  gint64 none = 0;

  g_array_set_size (ids, 0);
  g_array_append_val (ids, none);
  g_ptr_array_add (labels, g_strdup (any));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (records, i);
      gint64 id = linli_record_get_id (record);

      if (id == chosen)
        keep = ids->len;
      g_array_append_val (ids, id);
      g_ptr_array_add (labels, g_strdup (linli_record_get_text (record, "name")));
    }
  g_ptr_array_add (labels, NULL);
  linli_drop_down_set_strings (drop_down, (const char * const *) labels->pdata, keep);
}

gint64
linli_drop_down_get_id (GtkDropDown *drop_down,
                        GArray      *ids)
{
  guint row = gtk_drop_down_get_selected (drop_down);

  return row != GTK_INVALID_LIST_POSITION && row < ids->len ? g_array_index (ids, gint64, row) : 0;
}

static gboolean
label_query_tooltip_cb (GtkWidget  *label,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * linli_label_tooltip_shows_text:
 *
 * Gives @label a tooltip of its own text, asked for only when the pointer
 * rests on it. A cell of a list sets this up once: a tooltip set on every
 * bind asks the display server where the pointer is, a round trip per cell.
 */
void
linli_label_tooltip_shows_text (GtkWidget *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (label_query_tooltip_cb), NULL);
}

typedef struct
{
  LinliCellText text;
  gpointer      page;
  int           column;
  gboolean      numeric;
} Cell;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          Cell                     *cell)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), cell->numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (cell->numeric)
    gtk_widget_add_css_class (label, "numeric");
  else
    linli_label_tooltip_shows_text (label);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         Cell                     *cell)
{
  g_autofree char *text = cell->text (cell->page, gtk_list_item_get_item (item), cell->column);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
}

/* A column of labels, each the text @text gives for its record. @width
 * <= 0 expands it; @sort_key < 0 makes it unsortable. */
void
linli_column_view_add_text (GtkColumnView *view,
                            const char    *title,
                            int            width,
                            int            sort_key,
                            gboolean       numeric,
                            LinliCellText  text,
                            gpointer       page,
                            int            column)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  Cell *cell = g_new (Cell, 1);

  cell->text = text;
  cell->page = page;
  cell->column = column;
  cell->numeric = numeric;
  g_object_set_data_full (G_OBJECT (factory), "linli-cell", cell, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), cell);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), cell);
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  if (sort_key >= 0)
    {
      g_autoptr(GtkSorter) sorter = linli_column_sorter_new (sort_key);
      gtk_column_view_column_set_sorter (view_column, sorter);
    }
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  else
    gtk_column_view_column_set_expand (view_column, TRUE);
  gtk_column_view_append_column (view, view_column);
}

/* Hours as the office writes them: 2, 5.5. */
char *
linli_format_hours (double hours)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", hours));
}

/* Returns: (transfer none) (nullable): the window @page is in */
GtkWindow *
linli_page_get_window (GtkWidget *page)
{
  GtkRoot *root = gtk_widget_get_root (page);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The search entry of a page, focused with its text selected to type over. */
void
linli_page_focus_search (GtkSearchEntry *entry)
{
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

/* A list of the store's records filtered by @search, which is made first so
 * that it hears of a change before the list does.
 *
 * Returns: (transfer full): the list */
LinliRecordList *
linli_page_event_list_new (LinliStore       *store,
                           GType             type,
                           LinliEventSearch *search)
{
  LinliRecordList *list = linli_record_list_new (store, type, NULL, NULL, 0);

  linli_record_list_set_filter (list, linli_event_search_filter, g_object_ref (search), g_object_unref);
  return list;
}

/* Returns: (transfer full): a selection of @list where nothing is chosen
 *   until a row is clicked */
GtkSingleSelection *
linli_page_selection_new (GListModel *list)
{
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (list));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  return selection;
}

/* Shows the list of @stack when it has rows; otherwise says whether the
 * filters hide every record of @type or there are none yet. */
void
linli_page_show_list (GtkStack   *stack,
                      GListModel *list,
                      LinliStore *store,
                      GType       type)
{
  guint n = list ? g_list_model_get_n_items (list) : 0;

  if (n > 0)
    gtk_stack_set_visible_child_name (stack, "list");
  else
    gtk_stack_set_visible_child_name (stack, store && linli_store_count (store, type) > 0 ? "no-match" : "empty");
}

/* Returns: (transfer full): a file chooser for a CSV file to import into
 *   @page, not shown yet */
GtkFileChooserNative *
linli_page_csv_chooser_new (GtkWidget  *page,
                            const char *title)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, linli_page_get_window (page),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets saved as CSV"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}

/* Shows @message in the toast overlay around @page, if there is one. */
void
linli_page_toast (GtkWidget  *page,
                  const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

/* Shows @title in the toast overlay around @page with an Undo button that
 * runs @undo (an AdwToast::button-clicked handler) with @data, which
 * @free_data frees when the toast goes. */
void
linli_page_toast_undo (GtkWidget      *page,
                       const char     *title,
                       GCallback       undo,
                       gpointer        data,
                       GClosureNotify  free_data)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", undo, data, free_data, 0);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}
