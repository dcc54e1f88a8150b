/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-record-list-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "linli-column-sort.h"
#include "linli-event-search.h"
#include "linli-filter-fold.h"
#include "linli-filters.h"
#include "linli-record-list-page.h"
#include "linli-toast.h"

/* What the Cases, Activities and Outreach pages share: the search entry
 * and the filter bar over a table of what they find, the totals line, the
 * empty state, the selection, exports, and Undo after a delete. The page
 * reads its store only once the window gives it one (LinliPage), and
 * follows the store's changed signal from then on. */

typedef struct
{
  GtkSearchEntry    *search_entry;
  GtkLabel          *totals_label;
  GtkStack          *stack;
  GtkColumnView     *column_view;
  GtkDropDown       *grid_filter;

  LinliStore        *store;
  LinliRecordNames  *grids;
  GArray            *grid_ids;       /* gint64 per row of the grid filter; 0 for any */
  LinliRecordList   *list;
  GtkSelectionModel *selection;
  gboolean           updating_filters;
  LinliEventSearch  *event_search;   /* of an events page, by default */
} LinliRecordListPagePrivate;

static void linli_record_list_page_page_init (LinliPageInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (LinliRecordListPage, linli_record_list_page, GTK_TYPE_WIDGET,
                                  G_ADD_PRIVATE (LinliRecordListPage)
                                  G_IMPLEMENT_INTERFACE (LINLI_TYPE_PAGE, linli_record_list_page_page_init))

#define PRIV(self) ((LinliRecordListPagePrivate *) linli_record_list_page_get_instance_private (self))
#define CLASS(self) LINLI_RECORD_LIST_PAGE_GET_CLASS (self)

/* ------------------------------------------------------------------------ */
/* The query and its totals                                                  */

static void
update_totals (LinliRecordListPage *self)
{
  CLASS (self)->update_totals (self);
}

static void
real_update_totals (LinliRecordListPage *self)
{
  LinliRecordListPagePrivate *priv = PRIV (self);
  g_autofree char *text = CLASS (self)->dup_totals (self);
  guint n = priv->list ? g_list_model_get_n_items (G_LIST_MODEL (priv->list)) : 0;
  gboolean any;

  gtk_label_set_text (priv->totals_label, text);
  if (n > 0)
    {
      gtk_stack_set_visible_child_name (priv->stack, "list");
      return;
    }
  /* Nothing shown: filtered away, or nothing there? Asked only now, as it
   * counts every record. */
  any = priv->store != NULL && linli_store_count (priv->store, CLASS (self)->record_type) > 0;
  gtk_stack_set_visible_child_name (priv->stack, any ? "no-match" : "empty");
}

static void
apply_query (LinliRecordListPage *self)
{
  LinliRecordListPagePrivate *priv = PRIV (self);
  g_autoptr(GDateTime) now = NULL;

  if (priv->list == NULL || priv->updating_filters)
    return;
  now = linli_store_now (priv->store);
  CLASS (self)->apply_query (self, priv->list, now);
  update_totals (self);
}

static void
fill_filters (LinliRecordListPage *self)
{
  LinliRecordListPagePrivate *priv = PRIV (self);

  priv->updating_filters = TRUE;
  linli_drop_down_set_records (priv->grid_filter, priv->grid_ids, priv->grids, _("All Grids"), FALSE);
  if (CLASS (self)->fill_filters != NULL)
    CLASS (self)->fill_filters (self);
  priv->updating_filters = FALSE;
}

static void
filters_changed_cb (LinliRecordListPage *self)
{
  apply_query (self);
}

static void
search_changed_cb (LinliRecordListPage *self)
{
  LinliRecordListPagePrivate *priv = PRIV (self);

  if (priv->list == NULL)
    return;
  /* Only the in-memory filter changes: no SQL while typing. */
  CLASS (self)->set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (priv->search_entry)));
  linli_record_list_refilter (priv->list);
  update_totals (self);
}

static void
stop_search_cb (LinliRecordListPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (PRIV (self)->search_entry), "");
}

static void
store_changed_cb (LinliRecordListPage *self,
                  GType                type)
{
  CLASS (self)->store_changed (self, type);
}

static void
selection_changed_cb (LinliRecordListPage *self)
{
  if (CLASS (self)->selection_changed != NULL)
    CLASS (self)->selection_changed (self);
}

/* ------------------------------------------------------------------------ */
/* Editing                                                                   */

typedef struct
{
  LinliRecord *record;
  GPtrArray   *children;
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_object_unref (deleted->record);
  g_clear_pointer (&deleted->children, g_ptr_array_unref);
  g_free (deleted);
}

/* Undo: the record comes back with its id and what was deleted with it. */
static gboolean
restore_deleted (LinliStore  *store,
                 gpointer     data,
                 GError     **error)
{
  Deleted *deleted = data;

  return linli_store_restore_all (store, deleted->record, deleted->children, error);
}

static void
record_deleted_cb (LinliRecordListPage *self,
                   LinliRecord         *record,
                   gpointer             children,
                   LinliRecordEditor   *editor)
{
  LinliRecordListPageClass *klass = CLASS (self);
  g_autofree char *title = NULL;
  Deleted *deleted;

  if (PRIV (self)->store == NULL)
    return;
  if (klass->dup_deleted_title != NULL)
    title = klass->dup_deleted_title (self, record);
  else
    /* TRANSLATORS: %s is the title of the activity or outreach event */
    title = g_strdup_printf (_("“%s” deleted"), linli_record_get_text (record, "title"));
  deleted = g_new0 (Deleted, 1);
  deleted->record = g_object_ref (record);
  if (klass->dup_children != NULL)
    deleted->children = klass->dup_children (self, children);
  else if (children != NULL)
    deleted->children = g_ptr_array_ref (children);
  linli_toast_add (GTK_WIDGET (self),
                   linli_toast_new_undo (title, linli_undo_new (PRIV (self)->store, restore_deleted,
                                                                deleted, deleted_free)));
}

static void
open_editor (LinliRecordListPage *self,
             LinliRecord         *record)
{
  LinliRecordListPagePrivate *priv = PRIV (self);
  LinliRecordEditor *editor;

  if (priv->store == NULL)
    return;
  editor = CLASS (self)->new_editor (self, linli_record_list_page_get_window (self), priv->store, record);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (record_deleted_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  open_editor (LINLI_RECORD_LIST_PAGE (widget), NULL);
}

static void
open_position (LinliRecordListPage *self,
               guint                position)
{
  LinliRecordListPagePrivate *priv = PRIV (self);
  g_autoptr(LinliRecord) record = NULL;

  if (priv->list == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (priv->list)))
    return;
  record = g_list_model_get_item (G_LIST_MODEL (priv->list), position);
  open_editor (self, record);
}

static void
open_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  open_position (LINLI_RECORD_LIST_PAGE (widget), g_variant_get_uint32 (parameter));
}

static void
row_activated_cb (LinliRecordListPage *self,
                  guint                position)
{
  open_position (self, position);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                   */

static void
find_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  GtkSearchEntry *entry = PRIV (LINLI_RECORD_LIST_PAGE (widget))->search_entry;

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

static void
reset_filters_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  linli_record_list_page_reset_filters (LINLI_RECORD_LIST_PAGE (widget));
}

/* The *-xlsx actions propose a workbook; the file's name decides. */
static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliRecordListPage *self = LINLI_RECORD_LIST_PAGE (widget);

  if (PRIV (self)->list != NULL)
    CLASS (self)->export (self, g_str_has_suffix (action_name, "-xlsx"));
}

static gboolean
write_list (LinliStore     *store,
            gpointer        data,
            gboolean        xlsx,
            GOutputStream  *out,
            GCancellable   *cancellable,
            GError        **error)
{
  LinliShown *shown = data;

  return (xlsx ? shown->workbook : shown->csv) (store, shown->list, out, cancellable, error);
}

/* The records of @list as they are now, for an export's thread: the page's
 * own list changes with the store. */
static GListModel *
copy_list (GListModel *list)
{
  GListStore *copy = g_list_store_new (g_list_model_get_item_type (list));
  guint n = g_list_model_get_n_items (list);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  g_list_store_splice (copy, 0, 0, items->pdata, n);
  return G_LIST_MODEL (copy);
}

static void
shown_free (gpointer data)
{
  LinliShown *shown = data;

  g_object_unref (shown->store);
  g_object_unref (shown->list);
  g_clear_pointer (&shown->from, g_date_time_unref);
  g_clear_pointer (&shown->until, g_date_time_unref);
  g_free (shown);
}

/* ------------------------------------------------------------------------ */

static void
set_store (LinliPage  *page,
           LinliStore *store)
{
  LinliRecordListPage *self = LINLI_RECORD_LIST_PAGE (page);
  LinliRecordListPagePrivate *priv = PRIV (self);
  LinliRecordListPageClass *klass = CLASS (self);

  if (store == priv->store)
    return;

  if (priv->selection != NULL)
    g_signal_handlers_disconnect_by_func (priv->selection, selection_changed_cb, self);
  if (priv->list != NULL)
    g_signal_handlers_disconnect_by_func (priv->list, update_totals, self);
  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_func (priv->store, store_changed_cb, self);
  if (priv->grids != NULL)
    g_signal_handlers_disconnect_by_func (priv->grids, linli_record_list_page_refill, self);
  if (priv->column_view != NULL)
    gtk_column_view_set_model (priv->column_view, NULL);
  g_clear_object (&priv->selection);
  g_clear_object (&priv->list);
  klass->take_store (self, NULL);
  g_clear_object (&priv->grids);
  g_clear_object (&priv->store);

  if (store != NULL)
    {
      priv->store = g_object_ref (store);
      priv->grids = linli_record_names_new (store, LINLI_TYPE_GRID, "name");
      g_signal_connect_swapped (priv->grids, "changed", G_CALLBACK (linli_record_list_page_refill), self);
      priv->list = klass->take_store (self, store);
      if (klass->multiple)
        priv->selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (priv->list))));
      else
        {
          /* Nothing is chosen until a row is clicked. */
          GtkSingleSelection *single = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (priv->list)));

          gtk_single_selection_set_autoselect (single, FALSE);
          gtk_single_selection_set_can_unselect (single, TRUE);
          priv->selection = GTK_SELECTION_MODEL (single);
        }
      g_signal_connect_swapped (priv->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
      g_signal_connect_swapped (priv->list, "items-changed", G_CALLBACK (update_totals), self);
      if (klass->store_changed != NULL)
        g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
    }

  if (priv->column_view == NULL)
    return;

  /* The rows are read and filtered before the view has a model, so that
   * it binds them once. */
  fill_filters (self);
  if (priv->list != NULL)
    klass->set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (priv->search_entry)));
  apply_query (self);
  if (priv->list == NULL)
    update_totals (self);
  gtk_column_view_set_model (priv->column_view, priv->selection);
  selection_changed_cb (self);
}

static void
linli_record_list_page_page_init (LinliPageInterface *iface)
{
  iface->set_store = set_store;
}

static void
linli_record_list_page_constructed (GObject *object)
{
  LinliRecordListPage *self = LINLI_RECORD_LIST_PAGE (object);
  LinliRecordListPagePrivate *priv = PRIV (self);

  G_OBJECT_CLASS (linli_record_list_page_parent_class)->constructed (object);

  /* The subclass's init sorted the view as it starts. */
  g_signal_connect_swapped (gtk_column_view_get_sorter (priv->column_view), "changed",
                            G_CALLBACK (filters_changed_cb), self);
  fill_filters (self);
  update_totals (self);
}

/* ------------------------------------------------------------------------ */
/* By default, a page of activities or outreach events                       */

static LinliRecordList *
real_take_store (LinliRecordListPage *self,
                 LinliStore          *store)
{
  LinliRecordListPagePrivate *priv = PRIV (self);
  LinliRecordList *list;

  g_clear_object (&priv->event_search);
  if (store == NULL)
    return NULL;

  /* The search first, so that it hears of a change before the list does. */
  priv->event_search = linli_event_search_new (store, CLASS (self)->record_type);
  list = linli_record_list_new (store, CLASS (self)->record_type, NULL, NULL, 0);
  linli_record_list_set_filter (list, linli_event_search_filter, g_object_ref (priv->event_search), g_object_unref);
  return list;
}

static void
real_set_search_text (LinliRecordListPage *self,
                      const char          *text)
{
  if (PRIV (self)->event_search != NULL)
    linli_event_search_set_text (PRIV (self)->event_search, text);
}

static void
linli_record_list_page_dispose (GObject *object)
{
  LinliRecordListPage *self = LINLI_RECORD_LIST_PAGE (object);
  GtkWidget *child;

  set_store (LINLI_PAGE (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  /* The page's box is not a bound child, so the template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (linli_record_list_page_parent_class)->dispose (object);
}

static void
linli_record_list_page_finalize (GObject *object)
{
  g_array_unref (PRIV (LINLI_RECORD_LIST_PAGE (object))->grid_ids);

  G_OBJECT_CLASS (linli_record_list_page_parent_class)->finalize (object);
}

static void
linli_record_list_page_class_init (LinliRecordListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = linli_record_list_page_constructed;
  object_class->dispose = linli_record_list_page_dispose;
  object_class->finalize = linli_record_list_page_finalize;

  klass->update_totals = real_update_totals;
  klass->take_store = real_take_store;
  klass->set_search_text = real_set_search_text;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
linli_record_list_page_init (LinliRecordListPage *self)
{
  PRIV (self)->grid_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * linli_record_list_page_class_set_template:
 * @resource: the subclass's template, which has a search entry, a totals
 *   label, a grid filter, a stack of "list", "empty" and "no-match", and
 *   a column view by those ids, and may call filters_changed_cb, search_changed_cb,
 *   stop_search_cb and row_activated_cb
 * @prefix: the actions' group: @prefix.find (Ctrl+F), .new, .open (the
 *   row's position), .reset-filters, .export and .export-xlsx
 */
void
linli_record_list_page_class_set_template (LinliRecordListPageClass *klass,
                                           const char               *resource,
                                           const char               *prefix)
{
  static const struct {
    const char                *name;
    const char                *parameter;
    GtkWidgetActionActivateFunc activate;
  } actions[] = {
    { "find", NULL, find_cb },
    { "new", NULL, new_cb },
    { "open", "u", open_cb },
    { "reset-filters", NULL, reset_filters_cb },
    { "export", NULL, export_cb },
    { "export-xlsx", NULL, export_cb },
  };
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autofree char *find = g_strconcat (prefix, ".find", NULL);

  g_return_if_fail (LINLI_IS_RECORD_LIST_PAGE_CLASS (klass));

  g_type_ensure (LINLI_TYPE_FILTER_FOLD);
  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_bind_template_child_full (widget_class, "search_entry", FALSE,
                                             G_PRIVATE_OFFSET (LinliRecordListPage, search_entry));
  gtk_widget_class_bind_template_child_full (widget_class, "totals_label", FALSE,
                                             G_PRIVATE_OFFSET (LinliRecordListPage, totals_label));
  gtk_widget_class_bind_template_child_full (widget_class, "stack", FALSE,
                                             G_PRIVATE_OFFSET (LinliRecordListPage, stack));
  gtk_widget_class_bind_template_child_full (widget_class, "column_view", FALSE,
                                             G_PRIVATE_OFFSET (LinliRecordListPage, column_view));
  gtk_widget_class_bind_template_child_full (widget_class, "grid_filter", FALSE,
                                             G_PRIVATE_OFFSET (LinliRecordListPage, grid_filter));
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *name = g_strconcat (prefix, ".", actions[i].name, NULL);
      gtk_widget_class_install_action (widget_class, name, actions[i].parameter, actions[i].activate);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, find, NULL);
}

/* Returns: (transfer none) (nullable): the store the page shows */
LinliStore *
linli_record_list_page_get_store (LinliRecordListPage *self)
{
  g_return_val_if_fail (LINLI_IS_RECORD_LIST_PAGE (self), NULL);
  return PRIV (self)->store;
}

/* Returns: (transfer none): the table of the records shown */
GtkColumnView *
linli_record_list_page_get_column_view (LinliRecordListPage *self)
{
  g_return_val_if_fail (LINLI_IS_RECORD_LIST_PAGE (self), NULL);
  return PRIV (self)->column_view;
}

/* Returns: (transfer none): the stack of the list and the empty states */
GtkStack *
linli_record_list_page_get_stack (LinliRecordListPage *self)
{
  g_return_val_if_fail (LINLI_IS_RECORD_LIST_PAGE (self), NULL);
  return PRIV (self)->stack;
}

/* Returns: (transfer none) (nullable): the window the page is in */
GtkWindow *
linli_record_list_page_get_window (LinliRecordListPage *self)
{
  GtkRoot *root;

  g_return_val_if_fail (LINLI_IS_RECORD_LIST_PAGE (self), NULL);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The column and direction the user sorted by; %FALSE when unsorted. */
gboolean
linli_record_list_page_get_sort (LinliRecordListPage *self,
                                 int                 *key,
                                 gboolean            *descending)
{
  g_return_val_if_fail (LINLI_IS_RECORD_LIST_PAGE (self), FALSE);
  return linli_column_view_get_sort (PRIV (self)->column_view, key, descending);
}

/* Returns: (transfer full): the ids of the rows chosen, in order */
GArray *
linli_record_list_page_dup_selected_ids (LinliRecordListPage *self)
{
  LinliRecordListPagePrivate *priv;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;
  GArray *shown;

  g_return_val_if_fail (LINLI_IS_RECORD_LIST_PAGE (self), ids);

  priv = PRIV (self);
  if (priv->selection == NULL)
    return ids;
  shown = linli_record_list_get_ids (priv->list);
  selected = gtk_selection_model_get_selection (priv->selection);
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    if (position < shown->len)
      g_array_append_val (ids, g_array_index (shown, gint64, position));
  return ids;
}

/* Returns: (transfer none) (nullable): the grids' names, for a column */
LinliRecordNames *
linli_record_list_page_get_grids (LinliRecordListPage *self)
{
  g_return_val_if_fail (LINLI_IS_RECORD_LIST_PAGE (self), NULL);
  return PRIV (self)->grids;
}

/* Returns: the grid chosen in the grid filter; 0 for any */
gint64
linli_record_list_page_get_grid_id (LinliRecordListPage *self)
{
  g_return_val_if_fail (LINLI_IS_RECORD_LIST_PAGE (self), 0);
  return linli_drop_down_get_id (PRIV (self)->grid_filter, PRIV (self)->grid_ids);
}

/* Chooses @grid_id in the grid filter, if it is one of its rows. */
void
linli_record_list_page_set_grid_id (LinliRecordListPage *self,
                                    gint64               grid_id)
{
  LinliRecordListPagePrivate *priv;

  g_return_if_fail (LINLI_IS_RECORD_LIST_PAGE (self));

  priv = PRIV (self);
  for (guint i = 0; i < priv->grid_ids->len; i++)
    if (g_array_index (priv->grid_ids, gint64, i) == grid_id)
      gtk_drop_down_set_selected (priv->grid_filter, i);
}

/* Returns: (transfer none): the grid filter */
GtkDropDown *
linli_record_list_page_get_grid_filter (LinliRecordListPage *self)
{
  g_return_val_if_fail (LINLI_IS_RECORD_LIST_PAGE (self), NULL);
  return PRIV (self)->grid_filter;
}

/* The filters' choices changed (a grid was added): filled again, and the
 * list read again with what is still chosen. */
void
linli_record_list_page_refill (LinliRecordListPage *self)
{
  g_return_if_fail (LINLI_IS_RECORD_LIST_PAGE (self));
  fill_filters (self);
  apply_query (self);
}

void
linli_record_list_page_apply_query (LinliRecordListPage *self)
{
  g_return_if_fail (LINLI_IS_RECORD_LIST_PAGE (self));
  apply_query (self);
}

void
linli_record_list_page_update_totals (LinliRecordListPage *self)
{
  g_return_if_fail (LINLI_IS_RECORD_LIST_PAGE (self));
  update_totals (self);
}

/* Returns: (transfer full): today by the store's clock, as in a file's
 *   name: 2026-03-05 */
char *
linli_record_list_page_dup_date (LinliRecordListPage *self)
{
  LinliRecordListPagePrivate *priv;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (LINLI_IS_RECORD_LIST_PAGE (self), NULL);
  priv = PRIV (self);
  now = priv->store ? linli_store_now (priv->store) : g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* Asks for a file and writes @data into it with @write, then says
 * @done_message. */
static void
export_data (LinliRecordListPage *self,
             const char          *title,
             const char          *csv_name,
             gboolean             xlsx,
             const char          *done_message,
             LinliExportFunc      write,
             LinliShown          *data)
{
  g_autofree char *name = linli_export_file_name (csv_name, xlsx);

  data->store = g_object_ref (PRIV (self)->store);
  linli_event_export_to_file (GTK_WIDGET (self), PRIV (self)->store, title, name, done_message,
                              write, data, shown_free);
}

/**
 * linli_record_list_page_export_shown:
 * @csv_name: the file's name proposed, as CSV; a workbook's when @xlsx
 * @shown: the rows to write; @from and @until the period chosen
 * @write: writes a #LinliShown of them
 *
 * Asks for a file and writes @shown into it, then says @done_message.
 */
void
linli_record_list_page_export_shown (LinliRecordListPage *self,
                                     const char          *title,
                                     const char          *csv_name,
                                     gboolean             xlsx,
                                     GListModel          *shown,
                                     GDateTime           *from,
                                     GDateTime           *until,
                                     const char          *done_message,
                                     LinliExportFunc      write)
{
  LinliShown *data;

  g_return_if_fail (LINLI_IS_RECORD_LIST_PAGE (self));
  g_return_if_fail (G_IS_LIST_MODEL (shown));

  if (PRIV (self)->store == NULL)
    return;
  data = g_new0 (LinliShown, 1);
  data->list = copy_list (shown);
  data->from = from ? g_date_time_ref (from) : NULL;
  data->until = until ? g_date_time_ref (until) : NULL;
  export_data (self, title, csv_name, xlsx, done_message, write, data);
}

/**
 * linli_record_list_page_export_list:
 * @csv: writes the records shown as CSV; @workbook, as an Excel workbook
 *
 * Asks for a file and writes the records shown into it, then says
 * @done_message.
 */
void
linli_record_list_page_export_list (LinliRecordListPage *self,
                                    const char          *title,
                                    const char          *csv_name,
                                    gboolean             xlsx,
                                    const char          *done_message,
                                    LinliListWriter      csv,
                                    LinliListWriter      workbook)
{
  LinliShown *data;

  g_return_if_fail (LINLI_IS_RECORD_LIST_PAGE (self));

  if (PRIV (self)->store == NULL || PRIV (self)->list == NULL)
    return;
  data = g_new0 (LinliShown, 1);
  data->list = copy_list (G_LIST_MODEL (PRIV (self)->list));
  data->csv = csv;
  data->workbook = workbook;
  export_data (self, title, csv_name, xlsx, done_message, write_list, data);
}

/* Returns: (transfer none) (nullable): the records shown, in order */
GListModel *
linli_record_list_page_get_list (LinliRecordListPage *self)
{
  g_return_val_if_fail (LINLI_IS_RECORD_LIST_PAGE (self), NULL);
  return PRIV (self)->list ? G_LIST_MODEL (PRIV (self)->list) : NULL;
}

/* Returns: (transfer full): the totals line above the list */
char *
linli_record_list_page_dup_totals (LinliRecordListPage *self)
{
  g_return_val_if_fail (LINLI_IS_RECORD_LIST_PAGE (self), NULL);
  return g_strdup (gtk_label_get_text (PRIV (self)->totals_label));
}

void
linli_record_list_page_new_record (LinliRecordListPage *self)
{
  g_return_if_fail (LINLI_IS_RECORD_LIST_PAGE (self));
  open_editor (self, NULL);
}

/* The record in its editor, from anywhere in the window (the map):
 * deleting it there offers Undo as it does from the list. */
void
linli_record_list_page_open (LinliRecordListPage *self,
                             gint64               id)
{
  LinliRecordListPagePrivate *priv;
  g_autoptr(LinliRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LINLI_IS_RECORD_LIST_PAGE (self));

  priv = PRIV (self);
  if (priv->store == NULL)
    return;
  record = linli_store_get (priv->store, CLASS (self)->record_type, id, &error);
  if (record == NULL)
    {
      g_debug ("Cannot open %s %" G_GINT64_FORMAT ": %s",
               g_type_name (CLASS (self)->record_type), id, error ? error->message : "?");
      return;
    }
  open_editor (self, record);
}

void
linli_record_list_page_search (LinliRecordListPage *self,
                               const char          *text)
{
  g_return_if_fail (LINLI_IS_RECORD_LIST_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (PRIV (self)->search_entry), text);
  search_changed_cb (self);
}

/* Every filter to "any" and the search cleared: every record shown. */
void
linli_record_list_page_reset_filters (LinliRecordListPage *self)
{
  LinliRecordListPagePrivate *priv;

  g_return_if_fail (LINLI_IS_RECORD_LIST_PAGE (self));

  priv = PRIV (self);
  priv->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), "");
  gtk_drop_down_set_selected (priv->grid_filter, 0);
  CLASS (self)->reset_filters (self);
  priv->updating_filters = FALSE;
  search_changed_cb (self);
  apply_query (self);
}

/* Returns: (transfer none): what the search entry says */
const char *
linli_record_list_page_get_search_text (LinliRecordListPage *self)
{
  g_return_val_if_fail (LINLI_IS_RECORD_LIST_PAGE (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (PRIV (self)->search_entry));
}
