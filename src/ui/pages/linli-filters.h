/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "linli-record-names.h"

G_BEGIN_DECLS

/* The choices of a list page's filter bar: the periods, and drop-downs of
 * fixed words or of records whose first row is "any". */

typedef enum {
  LINLI_PERIOD_ANY,
  LINLI_PERIOD_THIS_MONTH,
  LINLI_PERIOD_LAST_MONTH,
  LINLI_PERIOD_THIS_QUARTER,
  LINLI_PERIOD_THIS_YEAR,
  LINLI_PERIOD_LAST_12_MONTHS,
} LinliPeriod;

void        linli_period_bounds          (LinliPeriod         period,
                                          GDateTime          *now,
                                          GDateTime         **from,
                                          GDateTime         **until);
void        linli_period_fill            (GtkDropDown        *drop_down);

void        linli_drop_down_set_strings  (GtkDropDown        *drop_down,
                                          const char * const *labels,
                                          guint               keep);
const char *linli_drop_down_get_string   (GtkDropDown        *drop_down);
void        linli_drop_down_set_words    (GtkDropDown        *drop_down,
                                          const char         *any,
                                          const char * const *words);
void        linli_drop_down_set_records  (GtkDropDown        *drop_down,
                                          GArray             *ids,
                                          LinliRecordNames   *names,
                                          const char         *any,
                                          gboolean            by_name);
gint64      linli_drop_down_get_id       (GtkDropDown        *drop_down,
                                          GArray             *ids);

G_END_DECLS
