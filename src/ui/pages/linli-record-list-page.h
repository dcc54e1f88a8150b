/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "linli-event-export.h"
#include "linli-page.h"
#include "linli-record-editor.h"
#include "linli-record-list.h"
#include "linli-record-names.h"

G_BEGIN_DECLS

#define LINLI_TYPE_RECORD_LIST_PAGE (linli_record_list_page_get_type ())

/* Writes @list, as CSV or a workbook (linli-event-csv.h, linli-xlsx.h). */
typedef gboolean (*LinliListWriter) (LinliStore     *store,
                                     GListModel     *list,
                                     GOutputStream  *out,
                                     GCancellable   *cancellable,
                                     GError        **error);

/* What was shown when an export was asked for: what the @write of
 * linli_record_list_page_export_shown() is given. */
typedef struct
{
  LinliStore     *store;
  GListModel     *list;
  GDateTime      *from;      /* the period chosen; NULL for no limit */
  GDateTime      *until;
  LinliListWriter csv;       /* linli_record_list_page_export_list()'s */
  LinliListWriter workbook;
} LinliShown;

G_DECLARE_DERIVABLE_TYPE (LinliRecordListPage, linli_record_list_page, LINLI, RECORD_LIST_PAGE, GtkWidget)

/**
 * LinliRecordListPageClass:
 * @record_type: what the page lists (%LINLI_TYPE_CASE, …)
 * @multiple: rows are chosen several at a time rather than one
 * @take_store: lets go of what the page read from its last store and, for
 *   @store when not %NULL, makes what it reads from it (the search, the
 *   names of the filters) and returns the list, filtered by the search;
 *   by default the list of an events page, with a LinliEventSearch
 * @fill_filters: the filters' choices, from the store (may be %NULL); the
 *   grid filter's are filled already
 * @reset_filters: every filter back to "any"; the search and the grid
 *   filter are cleared already
 * @apply_query: reads @list again with the filters and the sort chosen
 * @set_search_text: what the search entry says, given to the search; by
 *   default to the default take_store()'s
 * @dup_totals: the totals line above the list, of what is shown
 * @update_totals: (optional) after the totals and the list or empty state
 *   are shown; a page that shows something else there says so
 * @store_changed: (optional) a table of the store changed: with it, the
 *   page follows the store's changed signal
 * @selection_changed: (optional) the rows chosen changed
 * @new_editor: an editor of @record (%NULL for a new one) over @parent,
 *   not shown yet; when it deletes, the page offers Undo
 * @dup_deleted_title: (optional) the toast's title after @record was
 *   deleted; by default "“title” deleted"
 * @dup_children: (optional) what the editor's #LinliRecordEditor::deleted
 *   gave with the record, as records to put back with it; by default a
 *   #GPtrArray of them or %NULL
 * @export: the export menu items, CSV or an Excel workbook
 *
 * A page of records: a search entry (Ctrl+F), a filter bar, a totals line,
 * a table of the records shown, the empty state, exports and Undo after a
 * delete. A subclass gives its template to
 * linli_record_list_page_class_set_template(), which binds the children
 * and handlers every such page has, and installs the actions.
 */
struct _LinliRecordListPageClass
{
  GtkWidgetClass parent_class;

  GType          record_type;
  gboolean       multiple;

  LinliRecordList *(*take_store)        (LinliRecordListPage *self,
                                         LinliStore          *store);
  void             (*fill_filters)      (LinliRecordListPage *self);
  void             (*reset_filters)     (LinliRecordListPage *self);
  void             (*apply_query)       (LinliRecordListPage *self,
                                         LinliRecordList     *list,
                                         GDateTime           *now);
  void             (*set_search_text)   (LinliRecordListPage *self,
                                         const char          *text);
  char            *(*dup_totals)        (LinliRecordListPage *self);
  void             (*update_totals)     (LinliRecordListPage *self);
  void             (*store_changed)     (LinliRecordListPage *self,
                                         GType                type);
  void             (*selection_changed) (LinliRecordListPage *self);
  LinliRecordEditor *(*new_editor)      (LinliRecordListPage *self,
                                         GtkWindow           *parent,
                                         LinliStore          *store,
                                         LinliRecord         *record);
  char            *(*dup_deleted_title) (LinliRecordListPage *self,
                                         LinliRecord         *record);
  GPtrArray       *(*dup_children)      (LinliRecordListPage *self,
                                         gpointer             children);
  void             (*export)            (LinliRecordListPage *self,
                                         gboolean             xlsx);
};

/* For subclasses */
void             linli_record_list_page_class_set_template (LinliRecordListPageClass *klass,
                                                            const char               *resource,
                                                            const char               *prefix);
LinliStore      *linli_record_list_page_get_store          (LinliRecordListPage *self);
GtkColumnView   *linli_record_list_page_get_column_view    (LinliRecordListPage *self);
GtkStack        *linli_record_list_page_get_stack          (LinliRecordListPage *self);
GtkWindow       *linli_record_list_page_get_window         (LinliRecordListPage *self);
gboolean         linli_record_list_page_get_sort           (LinliRecordListPage *self,
                                                            int                 *key,
                                                            gboolean            *descending);
GArray          *linli_record_list_page_dup_selected_ids   (LinliRecordListPage *self);
LinliRecordNames *linli_record_list_page_get_grids         (LinliRecordListPage *self);
GtkDropDown     *linli_record_list_page_get_grid_filter    (LinliRecordListPage *self);
gint64           linli_record_list_page_get_grid_id        (LinliRecordListPage *self);
void             linli_record_list_page_set_grid_id        (LinliRecordListPage *self,
                                                            gint64               grid_id);
void             linli_record_list_page_refill             (LinliRecordListPage *self);
void             linli_record_list_page_apply_query        (LinliRecordListPage *self);
void             linli_record_list_page_update_totals      (LinliRecordListPage *self);
char            *linli_record_list_page_dup_date           (LinliRecordListPage *self);
void             linli_record_list_page_export_list        (LinliRecordListPage *self,
                                                            const char          *title,
                                                            const char          *csv_name,
                                                            gboolean             xlsx,
                                                            const char          *done_message,
                                                            LinliListWriter      csv,
                                                            LinliListWriter      workbook);
void             linli_record_list_page_export_shown       (LinliRecordListPage *self,
                                                            const char          *title,
                                                            const char          *csv_name,
                                                            gboolean             xlsx,
                                                            GListModel          *shown,
                                                            GDateTime           *from,
                                                            GDateTime           *until,
                                                            const char          *done_message,
                                                            LinliExportFunc      write);


/* For everyone */
GListModel      *linli_record_list_page_get_list           (LinliRecordListPage *self);
char            *linli_record_list_page_dup_totals         (LinliRecordListPage *self);
void             linli_record_list_page_new_record         (LinliRecordListPage *self);
void             linli_record_list_page_open               (LinliRecordListPage *self,
                                                            gint64               id);
void             linli_record_list_page_search             (LinliRecordListPage *self,
                                                            const char          *text);
void             linli_record_list_page_reset_filters      (LinliRecordListPage *self);
const char      *linli_record_list_page_get_search_text    (LinliRecordListPage *self);

G_END_DECLS
