/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "linli-event-search.h"
#include "linli-record-list.h"
#include "linli-record-names.h"

G_BEGIN_DECLS

/* What the Activities and Outreach pages share with each other (and the
 * Cases page in part): the periods of their filter, drop-downs of fixed
 * words or of records, plain text columns over a model the store sorts,
 * and the plumbing of a page: its list and selection, the empty state,
 * the search entry and its toasts, Undo after a delete among them. */

typedef enum {
  LINLI_PERIOD_ANY,
  LINLI_PERIOD_THIS_MONTH,
  LINLI_PERIOD_LAST_MONTH,
  LINLI_PERIOD_THIS_QUARTER,
  LINLI_PERIOD_THIS_YEAR,
  LINLI_PERIOD_LAST_12_MONTHS,
} LinliPeriod;

typedef char *(*LinliCellText) (gpointer     page,
                                LinliRecord *record,
                                int          column);

void     linli_period_bounds          (LinliPeriod         period,
                                       GDateTime          *now,
                                       GDateTime         **from,
                                       GDateTime         **until);
void     linli_period_fill            (GtkDropDown        *drop_down);

void     linli_drop_down_set_strings  (GtkDropDown        *drop_down,
                                       const char * const *labels,
                                       guint               keep);
const char *linli_drop_down_get_string (GtkDropDown       *drop_down);
void     linli_drop_down_set_words    (GtkDropDown        *drop_down,
                                       const char         *any,
                                       const char * const *words);
void     linli_drop_down_set_records  (GtkDropDown        *drop_down,
                                       GArray             *ids,
                                       LinliRecordNames   *names,
                                       const char         *any);
gint64   linli_drop_down_get_id       (GtkDropDown        *drop_down,
                                       GArray             *ids);

void     linli_column_view_add_text   (GtkColumnView      *view,
                                       const char         *title,
                                       int                 width,
                                       int                 sort_key,
                                       gboolean            numeric,
                                       LinliCellText       text,
                                       gpointer            page,
                                       int                 column);

char    *linli_format_hours           (double              hours);

GtkWindow            *linli_page_get_window      (GtkWidget        *page);
void                  linli_page_focus_search    (GtkSearchEntry   *entry);
LinliRecordList      *linli_page_event_list_new  (LinliStore       *store,
                                                  GType             type,
                                                  LinliEventSearch *search);
GtkSingleSelection   *linli_page_selection_new   (GListModel       *list);
void                  linli_page_show_list       (GtkStack         *stack,
                                                  GListModel       *list,
                                                  LinliStore       *store,
                                                  GType             type);
void                  linli_label_tooltip_shows_text (GtkWidget *label);
GtkFileChooserNative *linli_page_csv_chooser_new (GtkWidget        *page,
                                                  const char       *title);
void                  linli_page_toast           (GtkWidget        *page,
                                                  const char       *message);
void                  linli_page_toast_undo      (GtkWidget        *page,
                                                  const char       *title,
                                                  GCallback         undo,
                                                  gpointer          data,
                                                  GClosureNotify    free_data);

G_END_DECLS
