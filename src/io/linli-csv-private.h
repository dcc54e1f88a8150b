/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-csv.h"

G_BEGIN_DECLS

/* For the tests: linli_csv_read_stream() @chunk bytes at a time, so that a
 * row, a quoted field or a character can be cut anywhere. */
LinliCsvTable *linli_csv_read_stream_full (GInputStream  *in,
                                           gsize          size_hint,
                                           gsize          chunk,
                                           GCancellable  *cancellable,
                                           GError       **error);

/* For the tests: linli_csv_read_preview() @chunk bytes at a time, and so
 * linli_csv_table_foreach() on what it returns. */
LinliCsvTable *linli_csv_read_preview_full (GFile         *file,
                                            guint          n_rows,
                                            gsize          chunk,
                                            GCancellable  *cancellable,
                                            GError       **error);

/* For the imports: a table of the columns of @table, without rows, and
 * a row of another such table copied to it. */
LinliCsvTable *linli_csv_table_new_like    (LinliCsvTable *table);
void           linli_csv_table_append_row  (LinliCsvTable *self,
                                            LinliCsvTable *from,
                                            guint          row);

G_END_DECLS
